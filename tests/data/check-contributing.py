#!/usr/bin/env python3
# CONTRIBUTING.md's module tables say what is in src/<layer>/ and which tests exercise it:
# this compares them with the tree and the build's tests, and fails naming what is missing,
# stale or wrong.
#
#   check-contributing.py SRCDIR BUILDDIR
#
# Copyright 2026 The Calcinosis Guide authors
# SPDX-License-Identifier: GPL-3.0-or-later

import glob
import json
import os
import re
import sys

LAYERS = ['content', 'search', 'handout', 'ui', 'app']
HEADING = re.compile(r'^### (\w+) \(`src/(\w+)/`\)\s*$')


def tables(contributing):
    """{layer: [(modules, tests)]} from the '### LAYER (`src/LAYER/`)' sections"""
    result = {}
    layer = None
    for line in contributing.splitlines():
        match = HEADING.match(line)
        if match:
            layer = match.group(2)
            result[layer] = []
            continue
        if line.startswith('#'):
            layer = None
        if layer is None or not line.startswith('| `'):
            continue
        cells = [c.strip() for c in line.strip().strip('|').split('|')]
        modules = re.findall(r'`(cg-[\w-]+)`', cells[0])
        tests = [t.strip() for t in cells[-1].split(',') if t.strip()]
        result[layer].append((modules, tests))
    return result


def modules_in(srcdir, layer):
    names = set()
    for path in glob.glob(os.path.join(srcdir, 'src', layer, 'cg-*.[ch]')):
        stem = os.path.splitext(os.path.basename(path))[0]
        if not stem.endswith('-private'):
            names.add(stem)
    return names


def main():
    srcdir, builddir = sys.argv[1], sys.argv[2]
    with open(os.path.join(srcdir, 'CONTRIBUTING.md'), encoding='utf-8') as f:
        found = tables(f.read())
    with open(os.path.join(builddir, 'meson-info', 'intro-tests.json'), encoding='utf-8') as f:
        test_names = {t['name'] for t in json.load(f)}

    problems = []
    for layer in LAYERS:
        if layer not in found:
            problems.append(f'no "### {layer} (`src/{layer}/`)" table')
            continue
        listed = [m for modules, _ in found[layer] for m in modules]
        actual = modules_in(srcdir, layer)
        for name in sorted(actual - set(listed)):
            problems.append(f'src/{layer}/{name}: missing from the {layer} table')
        for name in sorted(set(listed) - actual):
            problems.append(f'{layer} table: {name} is not in src/{layer}/ (stale)')
        for name in sorted({m for m in listed if listed.count(m) > 1}):
            problems.append(f'{layer} table: {name} is listed twice')
        for modules, tests in found[layer]:
            row = ', '.join(modules)
            if not tests or tests == ['—']:
                problems.append(f'{layer} table, {row}: names no test')
            for test in tests:
                name = test[len('test-'):] if test.startswith('test-') else test
                if test.startswith('test-') and not glob.glob(os.path.join(srcdir, 'tests', '*', test + '.c')):
                    problems.append(f'{layer} table, {row}: tests/*/{test}.c does not exist')
                elif name not in test_names:
                    problems.append(f'{layer} table, {row}: no test named "{name}" in this build')
    for layer in sorted(set(found) - set(LAYERS)):
        problems.append(f'table for src/{layer}/, which is not a layer')

    for problem in problems:
        print(f'CONTRIBUTING.md: {problem}')
    if not problems:
        print('CONTRIBUTING.md: the module tables match src/ and the tests')
    return 1 if problems else 0


if __name__ == '__main__':
    sys.exit(main())
