#!/usr/bin/env python3
# merge-bundle.py: make the content bundle of one language from the English source and LANG.mo
#
# Copyright 2026 The Calcinosis Guide authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
#   merge-bundle.py --its RULES.its --mo LANG.mo --lang LANG --schema bundle.xsd \
#                   --output OUT.xml SOURCE.xml
#
# 1. `itstool -s -m LANG.mo` merges the translations into the English source (strict: a
#    translation that is not valid XML fails the build instead of falling back silently).
#    itstool's langRule sets lang="LANG" on <bundle>.
# 2. Every message itstool would translate (itstool's own extraction of SOURCE, so the msgids and
#    msgctxts are exactly the ones it looks up) is looked up in LANG.mo; those missing (never
#    translated, empty or fuzzy in LANG.po) were left in English.
# 3. The provenance says so: <translation status="complete|partial" reviewed="true|false"
#    untranslated="N"/>, so the app can tell the reader that some text is in English and
#    whether a medical translator has reviewed the translation. reviewed="true" only when the
#    review record (--review-record po/reviewed/LANG.sha256, written by build-aux/review-record)
#    is signed off and every paragraph and list item of LANG.mo matches it: a translation
#    changed after the sign-off is "not reviewed" again.
# 4. The result is validated with `xmllint --schema bundle.xsd`, then renamed into place.

import argparse
import gettext
import hashlib
import os
import subprocess
import sys
import tempfile
import xml.dom.minidom

GENERATED_NOTE = (' Generated at build time from {source} and po/{lang}.po by '
                  'build-aux/merge-bundle.py (itstool).\n'
                  '     Do not edit: translate in po/{lang}.po. ')


def unquote_po_string(s):
    """Decodes one quoted PO string ("..."), with C escapes."""
    s = s.strip()
    if len(s) < 2 or s[0] != '"' or s[-1] != '"':
        raise ValueError('not a PO string: %r' % s)
    out = []
    i = 1
    escapes = {'n': '\n', 't': '\t', 'r': '\r', '"': '"', '\\': '\\', 'a': '\a', 'b': '\b',
               'f': '\f', 'v': '\v'}
    while i < len(s) - 1:
        c = s[i]
        if c == '\\' and i + 1 < len(s) - 1:
            out.append(escapes.get(s[i + 1], s[i + 1]))
            i += 2
        else:
            out.append(c)
            i += 1
    return ''.join(out)


def read_pot_messages(path):
    """Returns the (msgctxt or None, msgid) pairs of a POT file, header excluded."""
    messages = []
    entry = {}
    field = None

    def flush():
        if 'msgid' in entry and entry['msgid'] != '':
            messages.append((entry.get('msgctxt'), entry['msgid']))
        entry.clear()

    with open(path, encoding='utf-8') as f:
        for line in f:
            line = line.strip()
            if not line or line.startswith('#'):
                if field is not None and field.startswith('msgstr'):
                    flush()
                    field = None
                continue
            if line.startswith('"'):
                entry[field] += unquote_po_string(line)
                continue
            keyword, _, rest = line.partition(' ')
            if keyword in ('msgctxt', 'msgid') and field is not None and field.startswith('msgstr'):
                flush()
            field = keyword
            entry[field] = unquote_po_string(rest)
    flush()
    return messages


def read_review_record(path):
    """(reviewer or None, {sha256(msgid): sha256(msgstr)}), as build-aux/review-record writes it."""
    reviewer, pins = None, {}
    if path is None or not os.path.exists(path):
        return reviewer, pins
    with open(path, encoding='utf-8') as f:
        for line in f:
            line = line.strip()
            if line.startswith('# Reviewed-by:'):
                name = line[len('# Reviewed-by:'):].strip()
                reviewer = None if name == 'nobody' else name
            elif line and not line.startswith('#'):
                msgstr_sum, msgid_sum = line.split()
                pins[msgid_sum] = msgstr_sum
    return reviewer, pins


# Labels pinned like medical text: what every handout says about its own use
PINNED_CONTEXTS = ('disclaimer',)


def is_reviewed(record, mo_path, messages):
    """Whether the record is signed off and every medical message of the .mo (no msgctxt: the
    paragraphs and list items) is translated exactly as recorded."""
    reviewer, pins = read_review_record(record)
    if reviewer is None:
        return False
    with open(mo_path, 'rb') as f:
        catalog = gettext.GNUTranslations(f)._catalog
    medical = [(context, msgid) for context, msgid in messages
               if context is None or context in PINNED_CONTEXTS]
    for context, msgid in medical:
        msgstr = catalog.get(msgid if context is None else context + '\x04' + msgid)
        key = hashlib.sha256(msgid.encode('utf-8')).hexdigest()
        if not msgstr or pins.get(key) != hashlib.sha256(msgstr.encode('utf-8')).hexdigest():
            return False
    return len(pins) == len(medical)


def count_untranslated(itstool, its, mo_path, source, tmpdir):
    pot = os.path.join(tmpdir, 'source.pot')
    subprocess.run([itstool, '-i', its, '-o', pot, source], check=True)
    messages = read_pot_messages(pot)
    if not messages:
        sys.exit('%s: itstool found no translatable text: do the ITS rules match?' % source)

    with open(mo_path, 'rb') as f:
        catalog = gettext.GNUTranslations(f)._catalog

    missing = []
    for context, msgid in messages:
        key = msgid if context is None else context + '\x04' + msgid
        if not catalog.get(key):
            missing.append((context, msgid))
    return messages, missing


def set_provenance(path, lang, source_name, n_untranslated, reviewed):
    dom = xml.dom.minidom.parse(path)
    root = dom.documentElement
    if root.tagName != 'bundle':
        sys.exit('%s: root element is <%s>, not <bundle>' % (path, root.tagName))
    if root.getAttribute('lang') != lang:
        sys.exit('%s: lang="%s" after merging, expected "%s": is the ITS langRule missing?'
                 % (path, root.getAttribute('lang'), lang))

    provenance = root.getElementsByTagName('provenance')[0]
    translations = provenance.getElementsByTagName('translation')
    if translations:
        translation = translations[0]
    else:
        translation = dom.createElement('translation')
        indent = dom.createTextNode('\n    ')
        provenance.insertBefore(indent, provenance.lastChild)
        provenance.insertBefore(translation, provenance.lastChild)

    for name in list(translation.attributes.keys()):
        translation.removeAttribute(name)
    translation.setAttribute('status', 'partial' if n_untranslated else 'complete')
    # Machine-made or volunteer translations are "not reviewed" until a medical translator signs
    # them off in po/reviewed/LANG.sha256.
    translation.setAttribute('reviewed', 'true' if reviewed else 'false')
    translation.setAttribute('untranslated', str(n_untranslated))

    comment = dom.createComment(GENERATED_NOTE.format(source=source_name, lang=lang))
    return ('<?xml version="1.0" encoding="UTF-8"?>\n' + comment.toxml() + '\n'
            + root.toxml() + '\n')


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument('--itstool', default='itstool')
    parser.add_argument('--xmllint', default='xmllint')
    parser.add_argument('--its', required=True, help='ITS rules (po/its/calcinosis-guide.its)')
    parser.add_argument('--mo', required=True, help='compiled translations of LANG')
    parser.add_argument('--lang', required=True)
    parser.add_argument('--schema', required=True, help='data/content/bundle.xsd')
    parser.add_argument('--output', required=True)
    parser.add_argument('--review-record', help='po/reviewed/LANG.sha256 (build-aux/review-record)')
    parser.add_argument('--verbose', action='store_true', help='list untranslated strings')
    parser.add_argument('source', help='English bundle (data/content/calcinosis.xml)')
    args = parser.parse_args()

    outdir = os.path.dirname(os.path.abspath(args.output))
    with tempfile.TemporaryDirectory(dir=outdir) as tmpdir:
        merged = os.path.join(tmpdir, 'merged.xml')
        subprocess.run([args.itstool, '-s', '-i', args.its, '-l', args.lang, '-m', args.mo,
                        '-o', merged, args.source], check=True)

        messages, missing = count_untranslated(args.itstool, args.its, args.mo, args.source, tmpdir)
        total = len(messages)
        reviewed = not missing and is_reviewed(args.review_record, args.mo, messages)
        if missing:
            print('%s: %d of %d strings not translated, left in English (status="partial")'
                  % (args.lang, len(missing), total), file=sys.stderr)
            if args.verbose:
                for context, msgid in missing:
                    print('  [%s] %s' % (context or '', msgid), file=sys.stderr)

        text = set_provenance(merged, args.lang, os.path.basename(args.source), len(missing),
                              reviewed)
        result = os.path.join(tmpdir, 'result.xml')
        with open(result, 'w', encoding='utf-8') as f:
            f.write(text)

        lint = subprocess.run([args.xmllint, '--noout', '--nonet', '--schema', args.schema, result],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        if lint.returncode != 0:
            sys.stderr.write(lint.stdout + lint.stderr)
            sys.exit('%s: the %s bundle does not validate against %s'
                     % (args.output, args.lang, args.schema))
        os.replace(result, args.output)
    return 0


if __name__ == '__main__':
    sys.exit(main())
