#!/usr/bin/env python3
# The benchmark's timings are in a build made with -Dbench_trace=true and nowhere else: the
# strings they print and the variables they read are in the binary exactly when the option is on.
#
#   check-bench-trace.py BINARY true|false
#
# Copyright 2026 The Calcinosis Guide authors
# SPDX-License-Identifier: GPL-3.0-or-later

import sys

MARKERS = [b'CG_BENCH_TRACE', b'CG_QUIT_AFTER_FIRST_FRAME', b'keystroke %', b'first-frame %']


def main():
    binary, option = sys.argv[1], sys.argv[2]
    with open(binary, 'rb') as f:
        data = f.read()
    found = [m.decode() for m in MARKERS if m in data]
    missing = [m.decode() for m in MARKERS if m not in data]
    if option == 'true' and missing:
        print(f'{binary}: built with -Dbench_trace=true but lacks: {", ".join(missing)}')
        return 1
    if option == 'false' and found:
        print(f'{binary}: built without -Dbench_trace but has: {", ".join(found)}')
        return 1
    print(f'{binary}: bench_trace={option}, ' + ('has the timings' if option == 'true' else 'none of the timings'))
    return 0


if __name__ == '__main__':
    sys.exit(main())
