#!/usr/bin/python3
# test-atspi.py: the running app as a screen reader sees it, through AT-SPI
#
# Copyright 2026 The Calcinosis Guide authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
#   /usr/bin/python3 tests/atspi/test-atspi.py --binary BUILD/src/calcinosis-guide --builddir BUILD
#
# Run inside a D-Bus session with a display (the README's test command gives both:
# xvfb-run … dbus-run-session -- meson test); the accessibility bus starts by itself.
# Starts the app, finds its widgets by role and name as Orca does, works it only through AT-SPI
# (Selection, EditableText, Action) and reads what it shows through the Text interface.
# Prints TAP; exits 1 if any check failed. CG_ATSPI_DUMP=1 prints the accessible tree on stderr.

import argparse
import os
import re
import signal
import subprocess
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'tools'))
from tap import Tap  # noqa: E402  (tests/tools/tap.py)

try:
    import gi
    gi.require_version('Atspi', '2.0')
    from gi.repository import Atspi, Gio, GLib
    import pyatspi
except (ImportError, ValueError) as error:
    print(f'Bail out! {error}: install python3-pyatspi and gir1.2-atspi-2.0, run /usr/bin/python3')
    sys.exit(1)

APP_ID = 'io.github.calcinosisguide.Guide'
SECTIONS = ['Overview', 'Causes', 'Symptoms', 'Diagnosis', 'Treatment', 'Prevention', 'Summary']
TREATMENT_FIRST_SENTENCE = ('Calcinosis treatment includes managing symptoms, preventing complications, '
                            'and addressing the underlying cause, if possible.')
QUERY = 'kidney'
# Sections whose text mentions the query (`calcinosis-guide --search=kidney` gives the same)
QUERY_SECTIONS = {'Causes', 'Treatment', 'Prevention'}
WAIT = 10.0                 # seconds to wait for any one thing to appear
N_TESTS = 24
TOTAL_TIMEOUT = 80          # below meson's timeout (90 s), so the app is always cleaned up here

# Roles a keyboard or screen-reader user operates; each must have a name of its own.
INTERACTIVE_ROLES = {
    pyatspi.ROLE_PUSH_BUTTON, pyatspi.ROLE_TOGGLE_BUTTON, pyatspi.ROLE_CHECK_BOX,
    pyatspi.ROLE_RADIO_BUTTON, pyatspi.ROLE_ENTRY, pyatspi.ROLE_PASSWORD_TEXT,
    pyatspi.ROLE_COMBO_BOX, pyatspi.ROLE_LIST, pyatspi.ROLE_LIST_ITEM, pyatspi.ROLE_MENU_ITEM,
    pyatspi.ROLE_SPIN_BUTTON, pyatspi.ROLE_SLIDER, pyatspi.ROLE_TEXT,
} | ({pyatspi.ROLE_SWITCH} if hasattr(pyatspi, 'ROLE_SWITCH') else set())
# Window controls of the client-side decoration: named by GTK itself.
GTK_WINDOW_CONTROLS = {'Minimize', 'Maximize', 'Close'}


tap = Tap()
app_process = None


def stop_app():
    global app_process
    if app_process is None or app_process.poll() is not None:
        return
    try:
        os.killpg(app_process.pid, signal.SIGTERM)
        app_process.wait(timeout=5)
    except subprocess.TimeoutExpired:
        os.killpg(app_process.pid, signal.SIGKILL)
        app_process.wait()
    except ProcessLookupError:
        pass


def bail_out(reason):
    print(f'Bail out! {reason}', flush=True)
    stop_app()
    sys.exit(1)


def on_alarm(signum, frame):
    bail_out(f'gave up after {TOTAL_TIMEOUT} s (the app or the accessibility bus hangs)')


def on_term(signum, frame):
    stop_app()
    sys.exit(1)


def wait_for(predicate, timeout=WAIT, interval=0.05):
    """Polls predicate() until it returns something true; returns that, or None."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            result = predicate()
        except GLib.Error:
            result = None   # an object went away while being read: try again
        if result:
            return result
        if time.monotonic() > deadline:
            return None
        time.sleep(interval)


def states(acc):
    return acc.getState()


def on_screen(acc):
    """GTK 4.8 sets no SHOWING state below the window; an unmapped widget has an empty extent."""
    extents = acc.queryComponent().getExtents(pyatspi.WINDOW_COORDS)
    return extents.width > 0 and extents.height > 0


def descendants(acc):
    """Depth first, in the order of the tree (GTK 4.8 keeps hidden widgets in it too)."""
    for child in acc:
        if child is None:
            continue
        yield child
        yield from descendants(child)


def find_all(root, role=None, name=None):
    return [acc for acc in descendants(root)
            if (role is None or acc.getRole() == role) and (name is None or acc.name == name)]


def find(root, role=None, name=None):
    found = find_all(root, role, name)
    return found[0] if found else None


def text_of(acc):
    text = acc.queryText()
    return text.getText(0, text.characterCount)


def do_action(acc, preferred=('click', 'activate', 'press')):
    action = acc.queryAction()
    names = [action.getName(i) for i in range(action.nActions)]
    for name in preferred:
        if name in names:
            return action.doAction(names.index(name))
    return action.doAction(0) if action.nActions > 0 else False


def dump(acc, depth=0):
    if not os.environ.get('CG_ATSPI_DUMP'):
        return
    try:
        line = f'{"  " * depth}{acc.getRoleName()} {acc.name!r}'
        if acc.description:
            line += f' desc={acc.description!r}'
        print(line, file=sys.stderr)
        for child in acc:
            if child is not None:
                dump(child, depth + 1)
    except GLib.Error as error:
        print(f'{"  " * depth}(gone: {error.message})', file=sys.stderr)


def name_problem(acc):
    """What a screen reader would say wrong about this widget's name, or None."""
    name = (acc.name or '').strip()
    if not name:
        return 'no name'
    # GTK 4.8 falls back to the type name ("GtkImage", "GtkToggleButton") when nothing names it
    if re.fullmatch(r'Gtk[A-Z]\w*', name):
        return 'only GTK\'s type name'
    if re.search(r'(^|\s)_\w', name):
        return 'a mnemonic underscore'
    words = name.split()
    if len(words) % 2 == 0 and words[:len(words) // 2] == words[len(words) // 2:]:
        return 'its name twice'
    return None


def describe(acc):
    parent = acc.parent
    where = f'{parent.getRoleName()} {parent.name!r}' if parent is not None else '?'
    return f'{acc.getRoleName()} {acc.name!r} in {where}'


# Type names GTK 4.8 gives to nodes that nothing else names: the app's own types, and GTK
# widgets the app places (its stack pages, icons, labels, panes, frames, buttons). GTK's
# internals (scroll bars, a check box's GtkBuiltinIcon, a drop-down's popover) are GTK's to
# name and are never spoken.
TYPE_NAME = re.compile(r'Cg[A-Z]\w*|Gtk(StackPage|Image|Label|Paned|Frame|Box|\w*Button)')


def type_named(window):
    """Nodes a screen reader would name by their type ("GtkStackPage", "CgSidebar")."""
    found = []
    for acc in descendants(window):
        if TYPE_NAME.fullmatch(acc.name or '') and not any(
                a.getRole() == pyatspi.ROLE_COMBO_BOX for a in ancestors(acc)):
            found.append(describe(acc))
    return found


def ancestors(acc):
    acc = acc.parent
    while acc is not None:
        yield acc
        acc = acc.parent


def toggle_state(acc):
    """The on/off state of a toggle as AT-SPI gives it: GTK 4.10 and later have a toggle button
    role with a pressed state; on GTK 4.8 the app's toggles are check boxes (Orca 43 says the
    state of a check box, not that of a pressed push button)."""
    if acc.getRole() == pyatspi.ROLE_TOGGLE_BUTTON:
        return states(acc).contains(pyatspi.STATE_PRESSED)
    if acc.getRole() == pyatspi.ROLE_CHECK_BOX:
        return states(acc).contains(pyatspi.STATE_CHECKED)
    return None


def badly_named_controls(window):
    """Interactive widgets a screen reader would announce without a proper name."""
    bad = []
    for acc in descendants(window):
        if acc.getRole() not in INTERACTIVE_ROLES:
            continue
        # A row that never takes the focus is a container: its check box or label speaks
        if acc.getRole() == pyatspi.ROLE_LIST_ITEM and not states(acc).contains(pyatspi.STATE_FOCUSABLE):
            continue
        problem = name_problem(acc)
        if problem is not None:
            bad.append(f'{describe(acc)}: {problem}')
    return bad


def press(window_id, *keys_or_buttons):
    """Real input, as a person gives it: xdotool keys (e.g. 'alt+Left') or 'button:8'."""
    subprocess.run(['xdotool', 'windowfocus', '--sync', window_id], check=True, timeout=10)
    for what in keys_or_buttons:
        if what.startswith('button:'):
            subprocess.run(['xdotool', 'click', what.split(':', 1)[1]], check=True, timeout=10)
        else:
            subprocess.run(['xdotool', 'key', what], check=True, timeout=10)


def x_window_of(pid):
    result = subprocess.run(['xdotool', 'search', '--onlyvisible', '--pid', str(pid)],
                            capture_output=True, text=True, timeout=10)
    ids = result.stdout.split()
    return ids[0] if ids else None


def session_bus_has_owner(name):
    bus = Gio.bus_get_sync(Gio.BusType.SESSION, None)
    reply = bus.call_sync('org.freedesktop.DBus', '/org/freedesktop/DBus', 'org.freedesktop.DBus',
                          'NameHasOwner', GLib.Variant('(s)', (name,)), GLib.VariantType('(b)'),
                          Gio.DBusCallFlags.NONE, -1, None)
    return reply.unpack()[0]


def start_app(binary, builddir):
    env = dict(os.environ)
    # The tests' common environment turns the accessibility bridge off; this test needs it on.
    for key in ('NO_AT_BRIDGE', 'GTK_A11Y'):
        env.pop(key, None)
    env.update({
        'GSETTINGS_BACKEND': 'memory',
        'GSETTINGS_SCHEMA_DIR': os.path.join(builddir, 'data'),
        'CG_LOCALEDIR': os.path.join(builddir, 'po'),
        'LC_ALL': 'C.UTF-8',
        'LANGUAGE': 'en',
    })
    # Its own process group: stop_app() ends the app and anything it started, nothing else.
    return subprocess.Popen([binary], env=env, start_new_session=True,
                            stdout=subprocess.DEVNULL)


def find_app(pid):
    for app in pyatspi.Registry.getDesktop(0):
        if app is not None and app.get_process_id() == pid and app.childCount > 0:
            return app
    return None


def main():
    global app_process

    parser = argparse.ArgumentParser()
    parser.add_argument('--binary', default=os.environ.get('CG_BINARY'))
    parser.add_argument('--builddir', default=os.environ.get('CG_BUILDDIR'))
    args = parser.parse_args()
    if not args.binary or not args.builddir:
        parser.error('--binary and --builddir are needed')

    signal.signal(signal.SIGALRM, on_alarm)
    signal.signal(signal.SIGTERM, on_term)
    signal.signal(signal.SIGINT, on_term)
    signal.alarm(TOTAL_TIMEOUT)

    if 'DISPLAY' not in os.environ and 'WAYLAND_DISPLAY' not in os.environ:
        bail_out('no display: run under xvfb-run … dbus-run-session (the README\'s test command)')
    if 'DBUS_SESSION_BUS_ADDRESS' not in os.environ:
        bail_out('no D-Bus session: run under dbus-run-session (the README\'s test command)')
    # A running instance would take over the launch (the app is a unique GApplication) and the
    # test would read the wrong window: refuse instead.
    if session_bus_has_owner(APP_ID):
        bail_out(f'{APP_ID} already runs on this D-Bus session')

    print(f'1..{N_TESTS}', flush=True)

    app_process = start_app(args.binary, args.builddir)
    app = wait_for(lambda: app_process.poll() is None and find_app(app_process.pid)
                   or (app_process.poll() is not None and 'exited'), timeout=20)
    if app == 'exited':
        app = None
    tap.check(app is not None, 'the app appears on the AT-SPI registry',
              f'app exited with {app_process.returncode}' if app_process.poll() is not None
              else 'no accessible application with the app\'s process id')
    if app is None:
        bail_out('cannot go on without the app')

    # Named after the section in view: "Treatment – Calcinosis Guide"
    window = wait_for(lambda: next((w for w in app if w is not None and w.getRole() == pyatspi.ROLE_FRAME
                                    and w.name.endswith('Calcinosis Guide')), None))
    tap.check(window is not None, 'a window named "… Calcinosis Guide"',
              'frames: ' + repr([w.name for w in app]))
    if window is None:
        bail_out('cannot go on without the window')
    dump(window)

    # 3-4: the sections, as a list with one named item each
    sections = wait_for(lambda: find(window, pyatspi.ROLE_LIST, 'Sections'))
    items = [item for item in sections if item is not None] if sections else []
    names = [item.name for item in items]
    tap.check(names == SECTIONS, 'the list "Sections" has the seven sections as named items, in order',
              f'expected {SECTIONS}\ngot      {names}')
    tap.check(len(items) > 0 and all(item.getRole() == pyatspi.ROLE_LIST_ITEM for item in items),
              'each section is a list item', repr([item.getRoleName() for item in items]))
    if sections is None or 'Treatment' not in names:
        bail_out('cannot go on without the Treatment section')

    # 5-7: select Treatment through the Selection interface, read the text through Text
    index = names.index('Treatment')
    selected = sections.querySelection().selectChild(index)
    selected = selected and wait_for(lambda: states(sections[index]).contains(pyatspi.STATE_SELECTED))
    tap.check(bool(selected), 'Selection.selectChild() selects Treatment')

    # The topic is one read-only text with a caret: a screen reader reads it line by line.
    def document():
        for acc in find_all(window, pyatspi.ROLE_TEXT):
            if 'Text' in pyatspi.listInterfaces(acc) and text_of(acc).startswith('Calcinosis\n'):
                return acc
        return None

    def caret_on_treatment():
        doc = document()
        if doc is None:
            return None
        text, caret = text_of(doc), doc.queryText().caretOffset
        return (doc, text, caret) if text[caret:].startswith('Treatment\n') else None

    found = wait_for(caret_on_treatment)
    doc, text, caret = found if found else (document(), '', -1)
    lines = text.split('\n')
    headings = [line for line in lines if line in SECTIONS]
    tap.check(found is not None and lines[0] == 'Calcinosis' and headings == SECTIONS,
              'the content is one text, the whole topic: its title, then the seven sections in order, '
              'and the caret on the heading "Treatment"',
              f'text object: {doc is not None}, caret at {caret}, headings {headings}, '
              f'caret line {text[caret:caret + 40]!r}')
    line = doc.queryText().getTextAtOffset(caret, pyatspi.TEXT_BOUNDARY_LINE_START) if found else None
    after = text[caret:].split('\n')[1] if found else ''
    tap.check(line is not None and line[0].rstrip('\n') == 'Treatment' and
              after.startswith(TREATMENT_FIRST_SENTENCE),
              'reading by line at the caret gives "Treatment", then the section\'s first sentence',
              f'line at caret {line!r}, next {after[:60]!r}')

    # A screen reader's Say All asks the text to scroll each line into view, synchronously. GTK
    # 4.8 leaves that request unanswered (the reader then waits, decides the app is hung and stops
    # reading it); the app answers it. A long timeout, so a loaded machine is no excuse.
    Atspi.set_timeout(20000, 20000)
    try:
        answer = doc.queryText().scrollSubstringTo(caret, caret + 9, pyatspi.SCROLL_ANYWHERE) if found else None
        still_read = doc.queryText().getText(caret, caret + 9) if found else None
    except Exception as error:  # noqa: BLE001  (a D-Bus timeout or refusal: the failure shown)
        answer, still_read = error, None
    tap.check(isinstance(answer, bool) and still_read == 'Treatment',
              'Text.ScrollSubstringTo (Orca\'s Say All) is answered, and the text reads on afterwards',
              f'answer {answer!r}, text after {still_read!r}')

    # 8-9: the window is named after the section in view; Alt+Left, Alt+Right and the mouse's
    # back button go through the sections visited
    def titled(section):
        return wait_for(lambda: window.name == f'{section} – Calcinosis Guide')

    tap.check(bool(titled('Treatment')), 'the window is named "Treatment – Calcinosis Guide"',
              f'named {window.name!r}')
    x_window = x_window_of(app_process.pid)
    visited = []
    if x_window is not None:
        for name in ('Diagnosis', 'Summary'):
            sections.querySelection().selectChild(names.index(name))
            titled(name)
        press(x_window, 'alt+Left')
        visited.append(titled('Diagnosis') and 'Diagnosis')
        press(x_window, 'alt+Left')
        visited.append(titled('Treatment') and 'Treatment')
        press(x_window, 'alt+Right')
        visited.append(titled('Diagnosis') and 'Diagnosis')
        subprocess.run(['xdotool', 'mousemove', '--window', x_window, '600', '300'], check=True, timeout=10)
        press(x_window, 'button:8')
        visited.append(titled('Treatment') and 'Treatment')
    tap.check(visited == ['Diagnosis', 'Treatment', 'Diagnosis', 'Treatment'],
              'after Treatment, Diagnosis and Summary: Alt+Left, Alt+Left, Alt+Right and the mouse\'s '
              'back button show Diagnosis, Treatment, Diagnosis, Treatment',
              f'X window {x_window}, got {visited}, window named {window.name!r}')

    # 8: the header bar's toggles say whether they are on
    sidebar_toggle = find(window, None, 'Show sections')
    search_button = find(window, None, 'Search')
    toggles = [toggle_state(t) if t is not None else None for t in (sidebar_toggle, search_button)]
    tap.check(toggles == [True, False],
              'the toggles "Show sections" and "Search" are toggles with their state (on, off)',
              f'expected [True, False] (a toggle button pressed, or a check box checked), got {toggles}: '
              + repr([describe(t) for t in (sidebar_toggle, search_button) if t is not None]))

    # 9-13: open the search with its toggle button, type through EditableText, find results
    pressed = search_button is not None and do_action(search_button)
    entry = find(window, pyatspi.ROLE_ENTRY, 'Search the guide')
    entry = pressed and entry is not None and wait_for(lambda: on_screen(entry) and entry)
    tap.check(bool(entry), 'the "Search" button opens a search entry named "Search the guide"',
              'no button named "Search"' if search_button is None else 'no entry showing')
    if not entry:
        bail_out('cannot go on without the search entry')

    typed = entry.queryEditableText().setTextContents(QUERY)
    results = wait_for(lambda: find(window, pyatspi.ROLE_LIST, 'Search results'))
    result_items = wait_for(lambda: [item for item in results if item is not None]) if results else None
    result_items = result_items or []
    result_sections = {item.name.split(':', 1)[0] for item in result_items}
    tap.check(bool(typed) and result_sections == QUERY_SECTIONS,
              f'typing "{QUERY}" shows a list "Search results" with the sections that mention it',
              f'expected {sorted(QUERY_SECTIONS)}\ngot      {sorted(result_sections)}')
    tap.check(len(result_items) > 0 and all(QUERY in item.name.lower() for item in result_items),
              'each result is named "Section: snippet" and the snippet has the query',
              repr([item.name for item in result_items]))
    expected_count = f'{len(result_items)} results'
    tap.check(results is not None and results.description == expected_count,
              'the results list\'s description gives the count',
              f'expected {expected_count!r}, got {results.description if results else None!r}')
    # GTK before 4.14 cannot announce: the focused entry's description carries the count, and
    # Orca speaks a new description of the focused widget (tests/orca checks that it does). It
    # is set once typing pauses, a moment after the results.
    tap.check(wait_for(lambda: entry.description == expected_count),
              'the search entry\'s description gives the count, for a screen reader to say',
              f'expected {expected_count!r}, got {entry.description!r}')
    # 14: Enter opens the best result; the "Back" button (now showing) returns
    press(x_window, 'Return') if x_window else None
    opened = titled('Causes')
    back_button = find(window, pyatspi.ROLE_PUSH_BUTTON, 'Back')
    back_pressed = opened and back_button is not None and do_action(back_button)
    tap.check(bool(opened) and bool(back_pressed) and bool(titled('Treatment')),
              'Enter in the search opens the best result (Causes); the "Back" button goes back to Treatment',
              f'opened {bool(opened)}, Back button {back_button is not None}, window named {window.name!r}')

    bad = badly_named_controls(window)
    tap.check(not bad, 'every interactive widget of the main window has a name', '\n'.join(bad))
    named = type_named(window)
    tap.check(not named, 'nothing in the main window is named after its GTK or app type', '\n'.join(named))

    # the handout button, found by name and pressed through the Action interface
    handout_button = find(window, pyatspi.ROLE_PUSH_BUTTON, 'Print handout')
    pressed = handout_button is not None and do_action(handout_button)
    handout = pressed and wait_for(lambda: find(app, pyatspi.ROLE_DIALOG, 'Print Handout'))
    tap.check(bool(handout), 'the button "Print handout" opens the dialog "Print Handout"',
              'no button named "Print handout"' if handout_button is None
              else 'windows: ' + repr([w.name for w in app]))
    if not handout:
        bail_out('cannot go on without the handout window')
    dump(handout)

    checks = wait_for(lambda: find(handout, pyatspi.ROLE_LIST, 'Sections to print'))
    check_names = [acc.name for acc in find_all(checks, pyatspi.ROLE_CHECK_BOX)] if checks else []
    tap.check(check_names == SECTIONS, 'the handout builder lists the seven sections as named check boxes',
              f'expected {SECTIONS}\ngot      {check_names}')
    rows = [acc for acc in find_all(checks, pyatspi.ROLE_LIST_ITEM)] if checks else []
    focusable_rows = [acc.name for acc in rows if states(acc).contains(pyatspi.STATE_FOCUSABLE)]
    tap.check(len(rows) == len(SECTIONS) and not focusable_rows,
              'each section is one Tab stop: its check box takes the focus, its row does not',
              f'{len(rows)} rows, focusable: {focusable_rows}')
    bad = badly_named_controls(handout)
    tap.check(not bad, 'every interactive widget of the handout builder has a name', '\n'.join(bad))
    named = type_named(handout)
    tap.check(not named, 'nothing in the handout builder is named after its GTK or app type', '\n'.join(named))

    stop_app()
    signal.alarm(0)
    return tap.status(N_TESTS)


if __name__ == '__main__':
    try:
        status = main()
    finally:
        stop_app()
    sys.exit(status)
