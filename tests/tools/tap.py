# tap.py: TAP output for the Python tests of the running app (tests/atspi, tests/orca)
#
# Copyright 2026 The Calcinosis Guide authors
# SPDX-License-Identifier: GPL-3.0-or-later


class Tap:
    """Numbered "ok"/"not ok" lines, with a diagnostic under each failure."""

    def __init__(self):
        self.n = 0
        self.failed = 0

    def check(self, ok, description, diagnostic=None):
        self.n += 1
        if not ok:
            self.failed += 1
        print(f'{"ok" if ok else "not ok"} {self.n} - {description}', flush=True)
        if not ok and diagnostic:
            self.note(diagnostic)
        return ok

    def note(self, text):
        for line in str(text).splitlines():
            print(f'# {line}', flush=True)

    def status(self, planned):
        """The exit status: 0 if the planned number of checks ran and all passed."""
        if self.n != planned:
            print(f'Bail out! ran {self.n} checks, planned {planned}', flush=True)
            return 1
        return 0 if self.failed == 0 else 1
