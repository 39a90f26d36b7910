#!/usr/bin/env python3
"""Counts meson's test results, TAP subtests one by one, and prints 'N passed, N failed'.

  count-tests.py TESTLOG.json…   the sum over every log (a build's meson-logs/testlog.json)

A TAP program counts each of its 'ok'/'not ok' lines; a program that crashed before printing
its plan counts as one failure more. Other tests count once. Skips are failures: in CI a test
that needs a display runs under Xvfb, it is never skipped. A log that is missing (its build
failed before any test ran) counts as one failure.
"""
import json
import re
import sys

passed = failed = 0
for path in sys.argv[1:]:
    try:
        log = open(path, encoding='utf-8')
    except FileNotFoundError:
        print(f'{path}: no test log, counted as one failure', file=sys.stderr)
        failed += 1
        continue
    with log:
        for line in log:
            test = json.loads(line)
            result = test.get('result')
            stdout = test.get('stdout') or ''
            oks = len(re.findall(r'^ok \d+', stdout, re.M))
            not_oks = len(re.findall(r'^not ok \d+', stdout, re.M))
            skips = len(re.findall(r'^ok \d+ .*# ?SKIP', stdout, re.M | re.I))
            if test.get('protocol') == 'tap' or oks + not_oks > 0:
                passed += oks - skips
                failed += not_oks + skips
                if result not in ('OK', 'EXPECTEDFAIL') and not_oks == 0:
                    failed += 1
            elif result in ('OK', 'EXPECTEDFAIL'):
                passed += 1
            else:
                failed += 1
print(f'{passed} passed, {failed} failed')
