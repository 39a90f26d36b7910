#!/usr/bin/env python3
# i18n-check.py: checks of the translation pipeline, run by tests/i18n/meson.build (suite 'i18n')
#
# Copyright 2026 The Calcinosis Guide authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
#   i18n-check.py po-complete   PO                       100 % translated, no fuzzy, UTF-8
#   i18n-check.py po-up-to-date SRCROOT PACKAGE PO [XGETTEXT_ARG…]
#                                                        a POT extracted now from the sources
#                                                        (as the -pot target does) is fully and
#                                                        non-fuzzily translated in PO, and every
#                                                        source with strings is in POTFILES.in
#   i18n-check.py itstool-strict ITS MO LANG SOURCE      `itstool -s -m` merges without error
#   i18n-check.py pot SRCROOT                            xgettext (as the -pot target runs it)
#                                                        extracts the content and UI strings,
#                                                        and the same content messages as itstool
#   i18n-check.py bundle ITS LANG SCHEMA SOURCE BUNDLE   the built bundle validates, says
#                                                        "complete", and has the
#                                                        structure of the English one
#   i18n-check.py partial MERGE ITS SCHEMA SOURCE [BIN]  a half-translated .po gives a
#                                                        status="partial" bundle that loads
#   i18n-check.py review-record TOOL MERGE ITS SCHEMA SOURCE PODIR
#                                                        a changed Spanish medical sentence fails
#                                                        build-aux/review-record check and turns
#                                                        a signed-off bundle reviewed="false"
#
# Exit status 0 = pass, 1 = fail.

import os
import re
import subprocess
import sys
import tempfile
import xml.dom.minidom

failures = []


def fail(message):
    failures.append(message)
    print('FAIL: ' + message, file=sys.stderr)


def finish():
    if failures:
        print('%d problem(s)' % len(failures), file=sys.stderr)
        return 1
    print('ok')
    return 0


def run(cmd, **kwargs):
    return subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, **kwargs)


# --- PO parsing (enough for gettext-generated files) ---------------------------------------

def unquote(s):
    s = s.strip()
    assert s[0] == '"' and s[-1] == '"', s
    return re.sub(r'\\(.)', lambda m: {'n': '\n', 't': '\t'}.get(m.group(1), m.group(1)), s[1:-1])


def read_po(path):
    """Returns the entries of a PO/POT file as dicts (msgctxt, msgid, msgstr…, flags)."""
    entries, entry, field = [], {'flags': ''}, None

    def flush():
        if 'msgid' in entry:
            entries.append(dict(entry))
        entry.clear()
        entry['flags'] = ''

    with open(path, encoding='utf-8') as f:
        for line in f:
            line = line.strip()
            if not line:
                flush()
                field = None
            elif line.startswith('#,'):
                entry['flags'] += line[2:]
            elif line.startswith('#:'):
                entry['references'] = entry.get('references', '') + line[2:]
            elif line.startswith('#'):
                continue
            elif line.startswith('"'):
                entry[field] += unquote(line)
            else:
                keyword, _, rest = line.partition(' ')
                if keyword in ('msgctxt', 'msgid') and field and field.startswith('msgstr'):
                    flush()
                field = keyword
                entry[field] = unquote(rest)
    flush()
    return entries


def messages_of(entries):
    return {(e.get('msgctxt'), e['msgid']) for e in entries if e['msgid']}


# --- po-complete ---------------------------------------------------------------------------

def check_po_complete(po):
    result = run(['msgfmt', '--check', '--check-format', '--statistics', '-o', os.devnull, po],
                 env=dict(os.environ, LC_ALL='C', LANGUAGE=''))
    if result.returncode != 0:
        fail('%s: msgfmt -c failed:\n%s' % (po, result.stderr))
    stats = result.stderr.strip().splitlines()[-1] if result.stderr.strip() else ''
    translated = re.search(r'(\d+) translated message', stats)
    fuzzy = re.search(r'(\d+) fuzzy translation', stats)
    untranslated = re.search(r'(\d+) untranslated message', stats)
    if not translated or int(translated.group(1)) == 0:
        fail('%s: no translated messages (%s)' % (po, stats))
    if fuzzy:
        fail('%s: %s fuzzy translation(s): review them and remove the fuzzy flag' % (po, fuzzy.group(1)))
    if untranslated:
        fail('%s: %s untranslated message(s)' % (po, untranslated.group(1)))

    header = next((e for e in read_po(po) if e['msgid'] == ''), None)
    if header is None:
        fail('%s: no header' % po)
    else:
        if 'fuzzy' in header['flags']:
            fail('%s: the header is marked fuzzy' % po)
        if 'charset=UTF-8' not in header.get('msgstr', ''):
            fail('%s: the header does not say charset=UTF-8 (msginit may write ASCII)' % po)
        lang = os.path.splitext(os.path.basename(po))[0]
        if 'Language: %s\n' % lang not in header.get('msgstr', ''):
            fail('%s: the header has no "Language: %s"' % (po, lang))
        if 'Plural-Forms: nplurals=' not in header.get('msgstr', ''):
            fail('%s: the header has no Plural-Forms' % po)

    # Placeholders of the content labels must survive translation.
    for e in read_po(po):
        for token in re.findall(r'\{[a-z]+\}', e['msgid']):
            if e.get('msgstr') and token not in e['msgstr']:
                fail('%s: [%s] "%s": the translation lost %s' % (po, e.get('msgctxt'), e['msgid'], token))
    return finish()


# --- po-up-to-date -------------------------------------------------------------------------
#
# po-complete looks at LANG.po as it is: a string added to the sources but not merged into the
# .po files (`meson compile calcinosis-guide-update-po` not run) passes it. This check extracts a
# fresh POT from the current sources, exactly as po/meson.build's calcinosis-guide-pot target
# does (meson's `preset: 'glib'` + xgettext_args from po/meson.build, GETTEXTDATADIRS=po for the
# ITS rules), and asserts every message of it has a non-fuzzy translation in LANG.po.

# meson's i18n.gettext(preset: 'glib') (mesonbuild/modules/i18n.py, PRESET_ARGS['glib'])
GLIB_PRESET = [
    '--from-code=UTF-8',
    '--add-comments',
    '--keyword=_',
    '--keyword=N_',
    '--keyword=C_:1c,2',
    '--keyword=NC_:1c,2',
    '--keyword=g_dcgettext:2',
    '--keyword=g_dngettext:2,3',
    '--keyword=g_dpgettext2:2c,3',
    '--flag=N_:1:pass-c-format',
    '--flag=C_:2:pass-c-format',
    '--flag=NC_:2:pass-c-format',
    '--flag=g_dngettext:2:pass-c-format',
    '--flag=g_strdup_printf:1:c-format',
    '--flag=g_string_printf:2:c-format',
    '--flag=g_string_append_printf:2:c-format',
    '--flag=g_error_new:3:c-format',
    '--flag=g_set_error:4:c-format',
    '--flag=g_markup_printf_escaped:1:c-format',
    '--flag=g_log:3:c-format',
    '--flag=g_print:1:c-format',
    '--flag=g_printerr:1:c-format',
    '--flag=g_printf:1:c-format',
    '--flag=g_fprintf:2:c-format',
    '--flag=g_sprintf:2:c-format',
    '--flag=g_snprintf:3:c-format',
]

# Where sources with translatable strings live; each such file must be in POTFILES.in.
SOURCE_DIRS = {'src': ('.c', '.h'), 'ui': ('.ui',)}


def meson_glib_preset():
    """meson's own glib preset, asked of the Python that runs meson; None if it cannot be."""
    import json
    import shutil
    code = ('import json; from mesonbuild.modules.i18n import PRESET_ARGS; '
            'print(json.dumps(PRESET_ARGS["glib"]))')
    interpreters = [sys.executable]
    meson = os.environ.get('MESON_EXE') or shutil.which('meson')
    if meson:
        try:
            with open(meson, 'rb') as f:
                first = f.readline().decode('utf-8', 'replace')
            if first.startswith('#!'):
                interpreters.insert(0, first[2:].split()[0])
        except OSError:
            pass
    for interpreter in interpreters:
        try:
            r = run([interpreter, '-c', code])
        except OSError:
            continue
        if r.returncode == 0:
            return json.loads(r.stdout)
    return None


def xgettext(srcroot, package, extra_args, out, files=None):
    """Runs xgettext as meson's `gettext pot` does; FILES instead of POTFILES.in if given."""
    podir = os.path.join(srcroot, 'po')
    if files is None:
        inputs = ['-f', os.path.join(podir, 'POTFILES.in')]
    else:
        inputs = list(files)
    cmd = (['xgettext', '--package-name=' + package, '-p', os.path.dirname(out)] + inputs +
           ['-D', srcroot, '-k_', '-o', out] + GLIB_PRESET + list(extra_args))
    return run(cmd, env=dict(os.environ, GETTEXTDATADIRS=podir))


def message_key(e):
    return (e.get('msgctxt'), e['msgid'])


def describe(key):
    ctxt, msgid = key
    msgid = msgid if len(msgid) <= 70 else msgid[:67] + '…'
    return ('[%s] "%s"' % (ctxt, msgid)) if ctxt else '"%s"' % msgid


def listed_sources(srcroot):
    with open(os.path.join(srcroot, 'po', 'POTFILES.in'), encoding='utf-8') as f:
        return {l.strip() for l in f if l.strip() and not l.lstrip().startswith('#')}


def check_po_up_to_date(srcroot, package, po, *extra_args):
    srcroot = os.path.abspath(srcroot)
    lang = os.path.splitext(os.path.basename(po))[0]

    preset = meson_glib_preset()
    if preset is not None and preset != GLIB_PRESET:
        fail("GLIB_PRESET in %s differs from meson's preset 'glib' %r: update it" % (__file__, preset))

    with tempfile.TemporaryDirectory() as tmp:
        pot = os.path.join(tmp, package + '.pot')
        result = xgettext(srcroot, package, extra_args, pot)
        if result.returncode != 0 or not os.path.exists(pot):
            fail('xgettext failed (a file in POTFILES.in missing?):\n' + result.stderr)
            return finish()
        fresh = [e for e in read_po(pot) if e['msgid']]

        # Sources with translatable strings that POTFILES.in does not list are never extracted
        listed = listed_sources(srcroot)
        for directory, suffixes in SOURCE_DIRS.items():
            for dirpath, _, names in os.walk(os.path.join(srcroot, directory)):
                for name in sorted(names):
                    rel = os.path.relpath(os.path.join(dirpath, name), srcroot)
                    if not name.endswith(suffixes) or rel in listed:
                        continue
                    one = os.path.join(tmp, 'unlisted.pot')
                    if os.path.exists(one):
                        os.unlink(one)
                    r = xgettext(srcroot, package, extra_args, one, files=[rel])
                    if r.returncode != 0:
                        fail('xgettext failed on %s:\n%s' % (rel, r.stderr))
                        continue
                    found = [e for e in read_po(one) if e['msgid']] if os.path.exists(one) else []
                    if found:
                        fail('%s has %d translatable string(s) (%s…) but is not in po/POTFILES.in'
                             % (rel, len(found), describe(message_key(found[0]))))

        # Every message of the fresh POT: present, not fuzzy, translated (every plural form)
        entries = {message_key(e): e for e in read_po(po) if e['msgid']}
        missing = []
        for m in fresh:
            key = message_key(m)
            e = entries.get(key)
            if e is None:
                missing.append(key)
                fail('%s: %s is in the sources but not in %s.po: run `meson compile -C BUILDDIR '
                     '%s-update-po` and translate it' % (lang, describe(key), lang, package))
                continue
            if 'fuzzy' in e['flags']:
                fail('%s: %s is fuzzy' % (lang, describe(key)))
            if 'msgid_plural' in m:
                if e.get('msgid_plural') != m['msgid_plural']:
                    fail('%s: %s: the sources say msgid_plural "%s", %s.po "%s"'
                         % (lang, describe(key), m['msgid_plural'], lang, e.get('msgid_plural')))
                forms = [v for k, v in e.items() if k.startswith('msgstr[')]
                if not forms or not all(forms):
                    fail('%s: %s: a plural form is untranslated' % (lang, describe(key)))
            elif not e.get('msgstr'):
                fail('%s: %s is untranslated' % (lang, describe(key)))

        # The format checks with the POT's flags (a string that became c-format in the sources)
        merged = os.path.join(tmp, lang + '.po')
        r = run(['msgmerge', '--quiet', '--no-fuzzy-matching', '-o', merged, po, pot])
        if r.returncode != 0:
            fail('msgmerge %s.po with the fresh POT failed:\n%s' % (lang, r.stderr))
        else:
            r = run(['msgfmt', '--check', '--check-format', '-o', os.devnull, merged],
                    env=dict(os.environ, LC_ALL='C', LANGUAGE=''))
            if r.returncode != 0:
                fail('%s.po merged with the fresh POT fails msgfmt -c:\n%s' % (lang, r.stderr))
            # msgmerge marks fuzzy what no longer fits the sources' flags (e.g. a string that
            # became c-format), and msgfmt -c does not check fuzzy entries
            for e in read_po(merged):
                key = message_key(e)
                if e['msgid'] and 'fuzzy' in e['flags'] and 'fuzzy' not in entries.get(key, e)['flags']:
                    fail('%s: %s does not fit the sources any more (flags%s): msgmerge marks it '
                         'fuzzy' % (lang, describe(key), e['flags']))

        stale = set(entries) - {message_key(m) for m in fresh}
        if stale:
            print('note: %d message(s) of %s.po are no longer in the sources (update-po marks them '
                  'obsolete): %s' % (len(stale), lang, ', '.join(describe(k) for k in sorted(stale, key=str)[:5])))
    print('%s: %d messages from the sources, %d missing from %s.po'
          % (lang, len(fresh), len(missing), lang))
    return finish()


# --- itstool-strict ------------------------------------------------------------------------

def check_itstool_strict(its, mo, lang, source):
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, 'out.xml')
        result = run(['itstool', '-s', '-i', its, '-l', lang, '-m', mo, '-o', out, source])
        if result.returncode != 0:
            fail('itstool -s -m %s failed:\n%s%s' % (mo, result.stdout, result.stderr))
        elif 'lang="%s"' % lang not in open(out, encoding='utf-8').read(2000):
            fail('itstool did not set lang="%s" on <bundle> (ITS langRule)' % lang)
    return finish()


# --- pot -----------------------------------------------------------------------------------

CONTENT = 'data/content/calcinosis.xml'
EXPECTED_CONTENT = [
    (None, 'For effective management of calcium deposits in soft tissues, understanding its '
           'causes, symptoms, diagnosis, treatment, and prevention is crucial.'),
    ('section title', 'Overview'),
    ('topic title', 'Calcinosis'),
    ('search keyword', 'calcium deposits'),
    ('page-footer', 'Page {page} of {pages}'),
    (None, 'Nodules or lumps under the skin that are hard and palpable'),
    ('content source', 'Calcinosis Guide patient information'),
]
NOT_EXPECTED = ['overview', 'calcinosis', '1.0.0', 'source', 'complete']


def check_pot(srcroot):
    podir = os.path.join(srcroot, 'po')
    with tempfile.TemporaryDirectory() as tmp:
        pot = os.path.join(tmp, 'test.pot')
        # What `meson compile calcinosis-guide-pot` runs, minus the keyword options the preset adds
        result = run(['xgettext', '--package-name=calcinosis-guide', '-f',
                      os.path.join(podir, 'POTFILES.in'), '-D', srcroot, '-k_', '--keyword=N_',
                      '--keyword=C_:1c,2', '--keyword=NC_:1c,2', '--keyword=g_dngettext:2,3',
                      '--from-code=UTF-8', '-o', pot],
                     env=dict(os.environ, GETTEXTDATADIRS=podir))
        if result.returncode != 0:
            fail('xgettext failed (a file in POTFILES.in missing?):\n' + result.stderr)
            return finish()
        entries = read_po(pot)

        itstool_pot = os.path.join(tmp, 'itstool.pot')
        run(['itstool', '-i', os.path.join(podir, 'its', 'calcinosis-guide.its'),
             '-o', itstool_pot, os.path.join(srcroot, CONTENT)])
        itstool_messages = messages_of(read_po(itstool_pot))

    messages = messages_of(entries)
    for message in EXPECTED_CONTENT:
        if message not in messages:
            fail('the POT lacks %r: do the ITS rules (po/its/*.loc) still match the bundle?' % (message,))
    for msgid in NOT_EXPECTED:
        if any(m[1] == msgid for m in messages):
            fail('the POT contains "%s", an id or metadata that must not be translated' % msgid)

    # xgettext extracts, itstool merges: both must see the same messages (same msgctxt),
    # or translations silently fail to merge.
    for m in sorted(itstool_messages - messages, key=str):
        fail('itstool would look up %r, which xgettext did not extract' % (m,))
    if len(itstool_messages) < 50:
        fail('itstool found only %d messages in the bundle' % len(itstool_messages))

    # Every non-C file of POTFILES.in yields messages (a missing ITS rule extracts nothing).
    with open(os.path.join(podir, 'POTFILES.in'), encoding='utf-8') as f:
        files = [l.strip() for l in f if l.strip() and not l.startswith('#')]
    referenced = {r.rsplit(':', 1)[0] for e in entries for r in e.get('references', '').split()}
    for name in files:
        if not name.endswith(('.c', '.ui')) and name not in referenced:
            fail('%s (in POTFILES.in) yields no message' % name)
    if not any(name.endswith('.ui') and name in referenced for name in files):
        fail('no message from the .ui files (GtkBuilder ITS rules not found?)')
    print('%d messages, %d from the content bundle' % (len(messages), len(itstool_messages)))
    return finish()


# --- bundle --------------------------------------------------------------------------------

def element_children(node, name=None):
    return [c for c in node.childNodes
            if c.nodeType == c.ELEMENT_NODE and (name is None or c.tagName == name)]


def text(node):
    return ''.join(c.data for c in node.childNodes if c.nodeType == c.TEXT_NODE).strip()


def sentences(s):
    return len(re.findall(r'[.!?](?:\s|$)', s))


def structure(root):
    """The shape of a bundle, without its text."""
    shape = {'labels': [l.getAttribute('key') for l in root.getElementsByTagName('label')],
             'topics': []}
    for topic in element_children(root, 'topic'):
        sections = []
        for section in element_children(topic, 'section'):
            blocks = []
            for child in element_children(section):
                if child.tagName == 'p':
                    blocks.append('p')
                elif child.tagName == 'list':
                    blocks.append('list:%d' % len(element_children(child, 'item')))
            sections.append((section.getAttribute('id'),
                             len(section.getElementsByTagName('keyword')), blocks))
        shape['topics'].append((topic.getAttribute('id'), sections))
    return shape


def translatable_texts(root):
    nodes = root.getElementsByTagName('label')
    out = [('label ' + n.getAttribute('key'), text(n)) for n in nodes]
    for tag in ('title', 'keyword', 'p', 'item'):
        out += [(tag, text(n)) for n in root.getElementsByTagName(tag)]
    return out


def check_bundle(its, lang, schema, source, bundle):
    result = run(['xmllint', '--noout', '--nonet', '--schema', schema, bundle])
    if result.returncode != 0:
        fail('%s does not validate against %s:\n%s' % (bundle, schema, result.stderr))

    english = xml.dom.minidom.parse(source).documentElement
    translated = xml.dom.minidom.parse(bundle).documentElement

    if translated.getAttribute('lang') != lang:
        fail('lang="%s", expected "%s"' % (translated.getAttribute('lang'), lang))

    translation = translated.getElementsByTagName('translation')
    if not translation:
        fail('no <translation> in the provenance')
    else:
        t = translation[0]
        # reviewed: "true" only once po/reviewed/LANG.sha256 is signed off (review-record-workflow)
        if (t.getAttribute('status'), t.getAttribute('untranslated')) != ('complete', '0') or \
           t.getAttribute('reviewed') not in ('true', 'false'):
            fail('provenance is status="%s" reviewed="%s" untranslated="%s", expected complete, '
                 'true or false, 0 (is po/%s.po complete?)' % (t.getAttribute('status'),
                 t.getAttribute('reviewed'), t.getAttribute('untranslated'), lang))
    # The source phrase is translated (patients read it in the credits); the version is not.
    for tag in ('content-version',):
        if [text(n) for n in english.getElementsByTagName(tag)] != \
           [text(n) for n in translated.getElementsByTagName(tag)]:
            fail('<%s> differs from the English bundle' % tag)

    a, b = structure(english), structure(translated)
    if a != b:
        fail('structure differs from the English bundle:\n  en:   %s\n  %s: %s' % (a, lang, b))

    # Sentence parity: a translation must not merge or split sentences.
    pairs = list(zip(translatable_texts(english), translatable_texts(translated)))
    for (kind, en), (_, tr) in pairs:
        if kind in ('p', 'item') and sentences(en) != sentences(tr):
            fail('%d sentence(s) in English, %d in %s:\n  en: %s\n  %s: %s'
                 % (sentences(en), sentences(tr), lang, en, lang, tr))
        for token in re.findall(r'\{[a-z]+\}', en):
            if token not in tr:
                fail('%s lost %s: "%s"' % (kind, token, tr))
    return finish()


# --- partial -------------------------------------------------------------------------------

def check_partial(merge, its, schema, source, binary=None):
    """Translates only a few strings: the bundle must say "partial" and count the rest."""
    with tempfile.TemporaryDirectory() as tmp:
        pot = os.path.join(tmp, 'content.pot')
        run(['itstool', '-i', its, '-o', pot, source])
        entries = [e for e in read_po(pot) if e['msgid']]
        po = os.path.join(tmp, 'xx.po')
        translated = 0
        with open(po, 'w', encoding='utf-8') as f:
            f.write('msgid ""\nmsgstr "Content-Type: text/plain; charset=UTF-8\\n"\n\n')
            for e in entries:
                if e.get('msgctxt') == 'section title':
                    if e.get('msgctxt'):
                        f.write('msgctxt "%s"\n' % e['msgctxt'])
                    f.write('msgid "%s"\nmsgstr "[%s]"\n\n' % (e['msgid'], e['msgid']))
                    translated += 1
        mo = os.path.join(tmp, 'xx.mo')
        subprocess.run(['msgfmt', '-o', mo, po], check=True)
        out = os.path.join(tmp, 'partial.xml')
        # "es" so the loader accepts the language; the text is obviously not Spanish.
        result = run([sys.executable, merge, '--its', its, '--mo', mo, '--lang', 'es',
                      '--schema', schema, '--output', out, source])
        if result.returncode != 0:
            fail('merge-bundle.py failed:\n' + result.stderr)
            return finish()
        t = xml.dom.minidom.parse(out).getElementsByTagName('translation')[0]
        expected = str(len(entries) - translated)
        if (t.getAttribute('status'), t.getAttribute('reviewed'), t.getAttribute('untranslated')) != \
           ('partial', 'false', expected):
            fail('provenance is status="%s" reviewed="%s" untranslated="%s", expected partial, '
                 'false, %s' % (t.getAttribute('status'), t.getAttribute('reviewed'),
                                t.getAttribute('untranslated'), expected))
        if binary:
            # --bundle adds to the built-in content, whose ids this translation of it shares:
            # give its topic and sections ids of their own
            with open(out, encoding='utf-8') as f:
                text = f.read()
            with open(out, 'w', encoding='utf-8') as f:
                f.write(re.sub(r'(<(?:topic|section)\b[^>]*?\bid=")', r'\1partial-', text))
            result = run([binary, '--bundle=' + out, '--list-sections'],
                         env=dict(os.environ, LC_ALL='C.UTF-8', LANGUAGE='en'))
            if result.returncode != 0 or '[Overview]' not in result.stdout:
                fail('the app did not load the partial bundle:\n%s%s' % (result.stdout, result.stderr))
    return finish()


# --- review-record -------------------------------------------------------------------------

def check_review_record(tool, merge, its, schema, source, po_dir):
    """The pinning workflow on a copy of po/es.po: sign-off gives reviewed="true"; a changed
    medical msgstr fails the check and gives reviewed="false"; updating the record passes the
    check and withdraws the sign-off."""
    original = 'incluye controlar los síntomas'
    changed = 'incluye ignorar los síntomas'

    def merge_reviewed(tmp, po, record):
        mo = os.path.join(tmp, 'es.mo')
        subprocess.run(['msgfmt', '-o', mo, po], check=True)
        out = os.path.join(tmp, 'es.xml')
        result = run([sys.executable, merge, '--its', its, '--mo', mo, '--lang', 'es',
                      '--schema', schema, '--review-record', record, '--output', out, source])
        if result.returncode != 0:
            fail('merge-bundle.py failed:\n' + result.stderr)
            return None
        return xml.dom.minidom.parse(out).getElementsByTagName('translation')[0].getAttribute('reviewed')

    with tempfile.TemporaryDirectory() as tmp:
        po = os.path.join(tmp, 'es.po')
        record = os.path.join(tmp, 'reviewed', 'es.sha256')
        with open(os.path.join(po_dir, 'es.po'), encoding='utf-8') as f:
            text = f.read()
        if original not in text:
            fail('po/es.po no longer says "%s": choose another sentence for this test' % original)
            return finish()
        with open(po, 'w', encoding='utf-8') as f:
            f.write(text)
        tool_args = [sys.executable, tool]
        dirs = ['--po-dir', tmp]

        result = run(tool_args + ['update'] + dirs + ['es'])
        if result.returncode != 0:
            fail('review-record update failed:\n' + result.stderr)
            return finish()
        result = run(tool_args + ['sign-off'] + dirs + ['--reviewer', 'A Reviewer <r@example.org>',
                                                         '--date', '2026-11-30', 'es'])
        if result.returncode != 0:
            fail('review-record sign-off failed:\n' + result.stderr)
        if merge_reviewed(tmp, po, record) != 'true':
            fail('a signed-off record that matches es.po did not give reviewed="true"')

        with open(po, 'w', encoding='utf-8') as f:
            f.write(text.replace(original, changed, 1))
        result = run(tool_args + ['check'] + dirs + ['es'])
        if result.returncode != 1 or 'managing symptoms' not in result.stderr or \
           changed not in result.stderr:
            fail('review-record check did not fail on the changed sentence, naming it '
                 '(exit %d):\n%s' % (result.returncode, result.stderr))
        if merge_reviewed(tmp, po, record) != 'false':
            fail('a changed medical sentence kept reviewed="true"')
        result = run(tool_args + ['sign-off'] + dirs + ['--reviewer', 'A Reviewer <r@example.org>',
                                                         'es'])
        if result.returncode == 0:
            fail('sign-off accepted a record that does not match the .po')

        result = run(tool_args + ['update'] + dirs + ['es'])
        if result.returncode != 0 or 'withdrawn' not in result.stderr:
            fail('review-record update did not withdraw the sign-off:\n' + result.stderr)
        if run(tool_args + ['check'] + dirs + ['es']).returncode != 0:
            fail('review-record check still fails after update')
        with open(record, encoding='utf-8') as f:
            if '# Reviewed-by: nobody' not in f.read():
                fail('the updated record still names a reviewer')
        if merge_reviewed(tmp, po, record) != 'false':
            fail('an updated, not signed-off record gave reviewed="true"')
    return finish()


def main(argv):
    if len(argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    command, args = argv[1], argv[2:]
    if command == 'po-complete':
        return check_po_complete(*args)
    if command == 'po-up-to-date':
        return check_po_up_to_date(*args)
    if command == 'itstool-strict':
        return check_itstool_strict(*args)
    if command == 'pot':
        return check_pot(*args)
    if command == 'bundle':
        return check_bundle(*args)
    if command == 'partial':
        return check_partial(*args)
    if command == 'review-record':
        return check_review_record(*args)
    print('unknown check: ' + command, file=sys.stderr)
    return 2


if __name__ == '__main__':
    sys.exit(main(sys.argv))
