#!/usr/bin/env python3
# check-layer-fence.py BUILDDIR SRCDIR: an upward #include does not compile.
#
# Each layer of src/ is a static library whose include path names only its own folder and the
# layers below it (src/meson.build). For every layer, this compiles probe files with that
# layer's own compile command (from BUILDDIR/compile_commands.json): a probe that includes a
# header of a layer it may use must compile, and one that includes a header of a layer above it
# (or GTK, below the ui layer) must fail with "No such file". The passing probes show that a
# failure is the fence and not a broken command.
#
# Copyright 2026 The Calcinosis Guide authors
# SPDX-License-Identifier: GPL-3.0-or-later

import json
import os
import shlex
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(__file__), '..', 'tools'))
from tap import Tap  # noqa: E402

# Which layers each layer may include (itself and those below it)
LAYERS = {
    'content': ['content'],
    'search': ['content', 'search'],
    'handout': ['content', 'handout'],
    'ui': ['content', 'search', 'handout', 'ui'],
    'app': ['content', 'search', 'handout', 'ui', 'app'],
}
GTK_LAYERS = {'ui', 'app'}


def layer_header(srcdir, layer):
    """A public header of the layer, to include from a probe"""
    names = sorted(n for n in os.listdir(os.path.join(srcdir, 'src', layer))
                   if n.endswith('.h') and 'private' not in n)
    return names[0]


def probe_command(entry, probe, out):
    """The layer's compile command, on the probe instead of its own file"""
    args = shlex.split(entry['command'])
    kept = []
    skip = False
    for arg in args:
        if skip:
            skip = False
            continue
        if arg in ('-o', '-MF', '-MQ', '-MT'):
            skip = True
            continue
        if arg in ('-c', '-MD') or arg == entry['file'] or arg.endswith(os.path.basename(entry['file'])):
            continue
        kept.append(arg)
    return kept + ['-fdiagnostics-color=never', '-fsyntax-only', '-c', probe]


def main():
    builddir, srcdir = sys.argv[1], sys.argv[2]
    with open(os.path.join(builddir, 'compile_commands.json')) as f:
        commands = json.load(f)

    tap = Tap()
    planned = 0
    with tempfile.TemporaryDirectory() as tmp:
        for layer, allowed in LAYERS.items():
            folder = os.path.join('src', layer) + os.sep
            entry = next((e for e in commands
                          if os.path.relpath(os.path.join(e['directory'], e['file']), srcdir).startswith(folder)
                          and f'libcg-{layer}.a.p' in e['command']), None)
            planned += len(LAYERS) + 1
            if entry is None:
                tap.check(False, f'{layer}: a compile command for a file of src/{layer}')
                tap.n += len(LAYERS)
                tap.failed += len(LAYERS)
                continue

            includes = [(other, f'"{layer_header(srcdir, other)}"', other in allowed) for other in LAYERS]
            includes.append(('GTK', '<gtk/gtk.h>', layer in GTK_LAYERS))
            for other, header, may in includes:
                probe = os.path.join(tmp, f'probe-{layer}-{other}.c')
                with open(probe, 'w') as f:
                    f.write(f'#include "config.h"\n#include {header}\n')
                result = subprocess.run(probe_command(entry, probe, tmp), cwd=entry['directory'],
                                        capture_output=True, text=True)
                if may:
                    tap.check(result.returncode == 0, f'src/{layer} may include {header} ({other})',
                              result.stderr)
                else:
                    # refused for the probed header itself, not for something it includes
                    name = header.strip('<>"')
                    refused = result.returncode != 0 and f'{name}: No such file' in result.stderr
                    tap.check(refused, f'src/{layer} cannot include {header} ({other})',
                              result.stderr or 'it compiled')

    print(f'1..{tap.n}')
    return tap.status(planned)


if __name__ == '__main__':
    sys.exit(main())
