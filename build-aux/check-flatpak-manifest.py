#!/usr/bin/env python3
"""Check the Flatpak manifest against the build and the project's sandbox policy.

  check-flatpak-manifest.py --app-id ID --command EXE MANIFEST
      app id and command match the build; runtime/sdk are GNOME's with a pinned
      version; finish-args are exactly the allowed set (no network, no
      filesystem, no session/system bus names, no device=all); the content extension
      point declares its version; every source is pinned (an archive with its sha256,
      git with a commit); the app module is built with meson from this checkout (dir),
      a release tarball (archive) or a pinned git tag+commit.
  check-flatpak-manifest.py --flatpak-builder PATH MANIFEST
      `flatpak-builder --show-manifest` exits 0 and warns of no unknown property
      (it exits 0 on an unknown key and only warns, so stderr is searched).
"""

import argparse
import json
import re
import subprocess
import sys

ALLOWED_FINISH_ARGS = ['--share=ipc', '--socket=fallback-x11', '--socket=wayland', '--device=dri']

# Permissions the app must never ask for: it works offline and reaches files and
# printers through portals.
FORBIDDEN = [
    (re.compile(r'^--share=network$'), 'network access'),
    (re.compile(r'^--(filesystem|persist)(=|$)'), 'file system access'),
    (re.compile(r'^--socket=(session-bus|system-bus|x11|pulseaudio|pcsc|cups|ssh-auth|gpg-agent)$'),
     'socket'),
    (re.compile(r'^--(talk|own|system-talk|system-own)-name(=|$)'), 'D-Bus name'),
    (re.compile(r'^--device=(all|shm|kvm|input|usb)$'), 'device'),
    (re.compile(r'^--allow=(devel|multiarch|bluetooth|canbus|per-app-dev-shm)$'), 'feature'),
    (re.compile(r'^--(env|add-policy)(=|$)'), 'environment or policy change'),
]


def check_json(manifest, app_id, command):
    failures = []
    app = manifest.get('id', manifest.get('app-id'))
    if app != app_id:
        failures.append(f'id is {app!r}, the build says {app_id!r}')
    if manifest.get('command') != command:
        failures.append(f'command is {manifest.get("command")!r}, the build installs {command!r}')
    if manifest.get('runtime') != 'org.gnome.Platform':
        failures.append(f'runtime is {manifest.get("runtime")!r}, expected org.gnome.Platform')
    if manifest.get('sdk') != 'org.gnome.Sdk':
        failures.append(f'sdk is {manifest.get("sdk")!r}, expected org.gnome.Sdk')
    version = manifest.get('runtime-version')
    if not isinstance(version, str) or not re.fullmatch(r'\d+', version):
        failures.append(f'runtime-version {version!r} is not a pinned GNOME version such as "51"')

    finish_args = manifest.get('finish-args', [])
    for arg in finish_args:
        for pattern, what in FORBIDDEN:
            if pattern.search(arg):
                failures.append(f'forbidden permission ({what}): {arg}')
    if sorted(finish_args) != sorted(ALLOWED_FINISH_ARGS):
        failures.append(f'finish-args are {finish_args}, expected exactly {ALLOWED_FINISH_ARGS}')

    # Flatpak loads an extension whose branch is the extension point's version, or the app's
    # branch when none is declared: a clinic's extension, built once, must load on the app as
    # Flathub builds it (stable) and as a developer does (master).
    for name, point in (manifest.get('add-extensions') or {}).items():
        if not isinstance(point, dict) or not point.get('version'):
            failures.append(f'extension point {name} declares no "version"')

    modules = manifest.get('modules') or [{}]
    for module in modules:
        for s in (module.get('sources', []) if isinstance(module, dict) else []):
            if isinstance(s, dict) and s.get('type') in ('archive', 'file') and \
               s.get('url') and not re.fullmatch(r'[0-9a-f]{64}', s.get('sha256', '')):
                failures.append(f'{s.get("type")} source {s.get("url")} has no sha256')
    main = modules[-1]
    if not isinstance(main, dict) or main.get('buildsystem') != 'meson':
        failures.append('the last module (the app) is not built with meson')
    else:
        if main.get('builddir') is not True:
            failures.append('the app module does not set "builddir": true')
        sources = main.get('sources', [])
        if not any(s.get('type') == 'dir' or
                   (s.get('type') == 'archive' and s.get('sha256')) or
                   (s.get('type') == 'git' and s.get('tag') and s.get('commit'))
                   for s in sources if isinstance(s, dict)):
            failures.append('the app module has neither a dir source, an archive with its '
                            'sha256, nor a git source with tag and commit')
        for s in sources:
            if isinstance(s, dict) and s.get('type') == 'git' and not s.get('commit'):
                failures.append(f'git source {s.get("url")} is not pinned to a commit')
    return failures


def check_show_manifest(flatpak_builder, path):
    proc = subprocess.run([flatpak_builder, '--show-manifest', path],
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    sys.stderr.write(proc.stderr)
    failures = []
    if proc.returncode != 0:
        failures.append(f'flatpak-builder --show-manifest exited {proc.returncode}')
    for line in proc.stderr.splitlines():
        if 'Unknown property' in line or 'WARNING' in line or 'CRITICAL' in line:
            failures.append(f'flatpak-builder: {line.strip()}')
    return failures


def main():
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument('--app-id')
    parser.add_argument('--command')
    parser.add_argument('--flatpak-builder')
    parser.add_argument('manifest')
    args = parser.parse_args()

    if args.flatpak_builder:
        failures = check_show_manifest(args.flatpak_builder, args.manifest)
    elif args.app_id and args.command:
        try:
            with open(args.manifest, encoding='utf-8') as f:
                manifest = json.load(f)
        except (OSError, ValueError) as e:
            failures = [f'cannot read {args.manifest}: {e}']
        else:
            failures = check_json(manifest, args.app_id, args.command)
    else:
        parser.error('give --app-id and --command, or --flatpak-builder')

    for f in failures:
        print(f'FAIL: {f}', file=sys.stderr)
    if not failures:
        print(f'ok: {args.manifest}')
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main())
