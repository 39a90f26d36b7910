#!/usr/bin/env python3
# search-yardstick.py: how often search puts the answering section in its top 2, for the
# patient questions of tests/data/patient-questions-LANG.tsv, beside a plain full-text yardstick
#
#   search-yardstick.py --questions DIR --bundle LANG=FILE… [--app BINARY] [--check]
#
# The yardstick is an SQLite FTS5 table (Python's sqlite3) over each section's title, text and
# keywords, tokenised with "porter unicode61 remove_diacritics 2" for English and
# "unicode61 remove_diacritics 2" otherwise, queried with the OR of the question's words and
# ranked by bm25(). A second yardstick indexes the bundle's <questions> too, so the app is not
# compared only with a search that never saw them.
#
# With --app, each question is also searched with `BINARY --language=LANG --search=QUESTION`,
# the command line that the window and the GNOME Shell provider share their ranking with.
# With --check, exits 1 unless, in every language, the app puts the answer in its top 2 for at
# least 90 % of the questions and more often than both yardsticks.
#
# Copyright 2026 The Calcinosis Guide authors
# SPDX-License-Identifier: GPL-3.0-or-later

import argparse
import os
import re
import sqlite3
import subprocess
import sys
import xml.dom.minidom

REQUIRED_SCORE = 0.9


def text_of(node):
    return ' '.join(''.join(child.data for child in node.childNodes
                            if child.nodeType == child.TEXT_NODE).split())


def read_sections(path):
    """[(id, title, body, keywords, questions)] of a bundle, in order."""
    dom = xml.dom.minidom.parse(path)
    sections = []
    for section in dom.getElementsByTagName('section'):
        title = next(text_of(n) for n in section.childNodes
                     if n.nodeType == n.ELEMENT_NODE and n.tagName == 'title')
        body = ' '.join(text_of(n) for n in section.getElementsByTagName('p')) + ' ' + \
            ' '.join(text_of(n) for n in section.getElementsByTagName('item'))
        keywords = ' '.join(text_of(n) for n in section.getElementsByTagName('keyword'))
        questions = ' '.join(text_of(n) for n in section.getElementsByTagName('q'))
        sections.append((section.getAttribute('id'), title, body, keywords, questions))
    return sections


def read_questions(path):
    """[(section id, question)] of one language's set."""
    questions = []
    with open(path, encoding='utf-8') as f:
        for number, line in enumerate(f, 1):
            line = line.rstrip('\n')
            if not line.strip() or line.startswith('#'):
                continue
            fields = line.split('\t')
            if len(fields) != 2 or not fields[0] or not fields[1].strip():
                sys.exit(f'{path}:{number}: expected "SECTION-ID<TAB>question"')
            questions.append((fields[0], fields[1]))
    return questions


class Yardstick:
    def __init__(self, language, sections, with_questions):
        tokenizer = ('porter unicode61 remove_diacritics 2' if language.startswith('en')
                     else 'unicode61 remove_diacritics 2')
        self.db = sqlite3.connect(':memory:')
        self.db.execute(f"CREATE VIRTUAL TABLE s USING fts5(id UNINDEXED, title, body, keywords, "
                        f"questions, tokenize='{tokenizer}')")
        for section_id, title, body, keywords, questions in sections:
            self.db.execute('INSERT INTO s VALUES (?, ?, ?, ?, ?)',
                            (section_id, title, body, keywords, questions if with_questions else ''))

    def top(self, question, n=2):
        words = re.findall(r'\w+', question)
        if not words:
            return []
        query = ' OR '.join('"%s"' % w.replace('"', '""') for w in words)
        rows = self.db.execute('SELECT id FROM s WHERE s MATCH ? ORDER BY bm25(s) LIMIT ?',
                               (query, n)).fetchall()
        return [row[0] for row in rows]


def app_top(binary, language, question, n=2):
    result = subprocess.run([binary, f'--language={language}', f'--search={question}'],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    if result.returncode not in (0, 1):
        sys.exit(f'{binary} --search failed ({result.returncode}): {result.stderr}')
    return [line.split('\t', 1)[0] for line in result.stdout.splitlines()[:n]]


def score(top, questions, language, label, misses):
    found = 0
    for answer, question in questions:
        ranked = top(question)
        if answer in ranked:
            found += 1
        elif misses is not None:
            misses.append(f'  {language} {label}: “{question}” → {",".join(ranked) or "nothing"} '
                          f'(answer: {answer})')
    return found / len(questions)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--questions', required=True, help='directory of patient-questions-LANG.tsv')
    parser.add_argument('--bundle', action='append', required=True, metavar='LANG=FILE')
    parser.add_argument('--app', metavar='BINARY', help='the calcinosis-guide executable')
    parser.add_argument('--check', action='store_true')
    parser.add_argument('--verbose', action='store_true', help='list the questions missed')
    args = parser.parse_args()

    sqlite3.connect(':memory:').execute('CREATE VIRTUAL TABLE t USING fts5(a)')  # FTS5 or fail

    failures = []
    misses = [] if args.verbose else None
    print(f'{"language":8} {"questions":>9} {"app":>6} {"FTS5":>6} {"FTS5+q":>6}')
    for spec in args.bundle:
        language, _, path = spec.partition('=')
        sections = read_sections(path)
        questions = read_questions(os.path.join(args.questions, f'patient-questions-{language}.tsv'))
        ids = {s[0] for s in sections}
        for answer, question in questions:
            if answer not in ids:
                sys.exit(f'{language}: “{question}”: no section “{answer}” in {path}')
        plain = score(Yardstick(language, sections, False).top, questions, language, 'FTS5', None)
        with_q = score(Yardstick(language, sections, True).top, questions, language, 'FTS5+q', None)
        app = None
        if args.app:
            app = score(lambda q: app_top(args.app, language, q), questions, language, 'app', misses)
        print(f'{language:8} {len(questions):9} {"" if app is None else f"{app:6.0%}"} '
              f'{plain:6.0%} {with_q:6.0%}')
        if app is not None and (app < REQUIRED_SCORE or app <= plain or app <= with_q):
            failures.append(f'{language}: app {app:.0%}, yardsticks {plain:.0%} and {with_q:.0%}, '
                            f'required ≥ {REQUIRED_SCORE:.0%} and above both')
    for line in misses or []:
        print(line)
    for failure in failures:
        print('FAIL: ' + failure, file=sys.stderr)
    return 1 if args.check and failures else 0


if __name__ == '__main__':
    sys.exit(main())
