#!/usr/bin/env python3
"""Run `gtk4-builder-tool validate` on every .ui file of a directory.

GTK 4.8's builder tool knows GTK's types only. It fakes the type of a <template>
(class derived from the named parent), but it cannot look up template callbacks
("No function named ...") nor create objects of the application's own types
("Invalid object type 'CgSidebar'"). So each file is validated in a copy where:
  - an <object> of an application type (a <template> class in this directory, or
    any class with the application prefix) takes the class of its template's
    parent (GtkBox for the abstract GtkWidget or an unknown parent) and loses its
    <signal> elements and the <property> elements that the stand-in class lacks
    (all of them without python3-gi), which may be the application type's own;
  - a <signal> element is dropped (the tool cannot resolve its handler); its name
    is checked here instead, against GTK's introspection data, when python3-gi
    with Gtk 4 is available (the script re-runs itself under /usr/bin/python3
    when the first python3 on PATH lacks gi).
Everything else (GTK classes, their properties and values, child types, layout,
accessibility, the templates' own GTK properties) is what gtk4-builder-tool checks.
The app types themselves are checked by the widget tests, which build them.

Without a display, gtk4-builder-tool crashes: the script then re-runs itself
under `xvfb-run -a`.
"""

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET


def find_templates(ui_files):
    templates = {}
    for path in ui_files:
        for tpl in ET.parse(path).getroot().iter('template'):
            templates[tpl.get('class')] = tpl.get('parent') or 'GtkWidget'
    return templates


def have_gi():
    try:
        import gi
        gi.require_version('Gtk', '4.0')
        from gi.repository import Gtk  # noqa: F401
    except (ImportError, ValueError):
        return False
    return True


class GtkIntrospection:
    """Signal and property lookups on GTK classes; every answer is None without python3-gi."""

    def __init__(self):
        self.available = have_gi()

    def _gtype(self, class_name):
        if not self.available or not class_name.startswith('Gtk'):
            return None
        from gi.repository import GObject, Gtk
        klass = getattr(Gtk, class_name[3:], None)
        if klass is None or not hasattr(klass, '__gtype__'):
            return None
        GObject.type_class_ref(klass.__gtype__)  # signals are registered in class_init
        return klass

    def has_signal(self, class_name, signal):
        klass = self._gtype(class_name)
        if klass is None:
            return None
        from gi.repository import GObject
        return GObject.signal_lookup(signal.split('::')[0], klass.__gtype__) != 0

    def has_property(self, class_name, prop):
        klass = self._gtype(class_name)
        if klass is None:
            return None
        return klass.find_property(prop.replace('_', '-')) is not None


def substitute(cls, templates):
    parent = templates.get(cls)
    return parent if parent and parent != 'GtkWidget' else 'GtkBox'


def drop(parent, el):
    """Removes el but keeps its newlines, so that line numbers in messages still match."""
    newlines = ET.tostring(el, encoding='unicode').count('\n') - (el.tail or '').count('\n')
    keep = (el.tail or '') + '\n' * newlines
    children = list(parent)
    i = children.index(el)
    if i > 0:
        children[i - 1].tail = (children[i - 1].tail or '') + keep
    else:
        parent.text = (parent.text or '') + keep
    parent.remove(el)


def rewrite(path, templates, app_prefix, gtk, problems):
    tree = ET.parse(path)
    root = tree.getroot()

    for obj in list(root.iter('object')) + list(root.iter('template')):
        cls = obj.get('class')
        is_app_type = obj.tag == 'object' and (cls in templates or cls.startswith(app_prefix))
        if obj.tag == 'template':
            owner = templates.get(cls, 'GtkWidget')
        else:
            owner = cls
        if is_app_type:
            substitute_class = substitute(cls, templates)
            obj.set('class', substitute_class)
            for el in list(obj):
                # Keep the properties the stand-in class has (GtkWidget's, mostly): they are checked.
                if el.tag == 'signal' or (el.tag == 'property' and
                                          not gtk.has_property(substitute_class, el.get('name'))):
                    drop(obj, el)
            continue
        for sig in [el for el in obj if el.tag == 'signal']:
            name = sig.get('name')
            if gtk.has_signal(owner, name) is False:
                problems.append(f'{path}: {owner} has no signal "{name}"')
            drop(obj, sig)
    return tree


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument('--gtk4-builder-tool', default='gtk4-builder-tool')
    parser.add_argument('--xvfb-run', default=shutil.which('xvfb-run') or '')
    parser.add_argument('--app-prefix', default='Cg')
    parser.add_argument('uidir')
    args = parser.parse_args()

    system_python = '/usr/bin/python3'
    if (not have_gi() and os.path.exists(system_python)
            and os.path.realpath(sys.executable) != os.path.realpath(system_python)):
        os.execv(system_python, [system_python] + sys.argv)

    if not os.environ.get('DISPLAY') and not os.environ.get('WAYLAND_DISPLAY'):
        if os.environ.get('CHECK_UI_FILES_NESTED') or not args.xvfb_run:
            print('no display and no xvfb-run: cannot run gtk4-builder-tool', file=sys.stderr)
            return 1
        env = dict(os.environ, CHECK_UI_FILES_NESTED='1')
        return subprocess.run([args.xvfb_run, '-a', sys.executable] + sys.argv, env=env).returncode

    ui_files = sorted(os.path.join(args.uidir, f) for f in os.listdir(args.uidir) if f.endswith('.ui'))
    if not ui_files:
        print(f'no .ui files in {args.uidir}', file=sys.stderr)
        return 1

    templates = find_templates(ui_files)
    gtk = GtkIntrospection()
    if not gtk.available:
        print('# python3-gi with Gtk 4 not available: signal names are not checked')

    env = dict(os.environ, GTK_A11Y='none', NO_AT_BRIDGE='1')
    env.pop('G_DEBUG', None)
    failed = 0
    with tempfile.TemporaryDirectory(prefix='check-ui-') as tmp:
        for n, path in enumerate(ui_files, 1):
            problems = []
            copy = os.path.join(tmp, os.path.basename(path))
            rewrite(path, templates, args.app_prefix, gtk, problems).write(
                copy, encoding='UTF-8', xml_declaration=True)
            proc = subprocess.run([args.gtk4_builder_tool, 'validate', copy], env=env,
                                  stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
            out = [l for l in proc.stdout.splitlines() if 'Unable to acquire session bus' not in l]
            if proc.returncode != 0:
                problems.append(f'gtk4-builder-tool validate exited {proc.returncode}')
            problems += [l.replace(copy, path) for l in out]
            status = 'not ok' if problems else 'ok'
            print(f'{status} {n} {os.path.basename(path)}')
            for p in problems:
                print(f'# {p}')
            failed += bool(problems)
    print(f'1..{len(ui_files)}')
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
