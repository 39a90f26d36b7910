#!/usr/bin/env python3
"""Run a validator and fail if it exits non-zero or prints anything at all.

desktop-file-validate exits 0 on warnings and hints; glib-compile-schemas
--dry-run exits 0 and says "No schema files found" when the schema is missing.
A clean file gives no output from either, so any output is a failure.
Usage: check-quiet.py PROGRAM ARG...
"""

import subprocess
import sys


def main():
    if len(sys.argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    proc = subprocess.run(sys.argv[1:], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    sys.stdout.write(proc.stdout)
    if proc.returncode != 0:
        print(f'FAIL: {sys.argv[1]} exited {proc.returncode}', file=sys.stderr)
        return 1
    if proc.stdout.strip():
        print(f'FAIL: {sys.argv[1]} printed the lines above', file=sys.stderr)
        return 1
    return 0


if __name__ == '__main__':
    sys.exit(main())
