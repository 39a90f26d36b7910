#!/usr/bin/env python3
"""Install the build into a fresh temporary DESTDIR and check that everything a
desktop needs is there: the binary, the desktop file (Exec and Icon pointing at
what is installed), the metainfo, the scalable and symbolic icons, the GSettings
schema and one .mo per language listed in po/LINGUAS. With --appstreamcli, also
`appstreamcli validate-tree --no-net` on the installed prefix (the metainfo must
find its launchable desktop file there), failing on any issue but the info
about <developer> that appstream 0.16 does not know yet.
"""

import argparse
import configparser
import os
import re
import shutil
import subprocess
import sys
import tempfile


def read_linguas(path):
    langs = []
    with open(path, encoding='utf-8') as f:
        for line in f:
            line = line.split('#', 1)[0]
            langs += line.split()
    return langs


def under(destdir, prefix, path):
    path = path if os.path.isabs(path) else os.path.join(prefix, path)
    return os.path.join(destdir, path.lstrip('/'))


def validate_tree(appstreamcli, root):
    proc = subprocess.run([appstreamcli, 'validate-tree', '--no-net', root],
                          stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    sys.stdout.write(''.join('# ' + l + '\n' for l in proc.stdout.splitlines()))
    failures = []
    if proc.returncode != 0:
        failures.append(f'appstreamcli validate-tree exited {proc.returncode}')
    for line in proc.stdout.splitlines():
        m = re.match(r'^\s*([EWI]): \S+: (\S+)\s*(.*)$', line)
        if m and (m.group(1), m.group(2), m.group(3).strip()) != ('I', 'unknown-tag', 'developer'):
            failures.append(f'appstreamcli validate-tree: {line.strip()}')
    if 'metainfo.xml' not in proc.stdout:
        failures.append('appstreamcli validate-tree found no metainfo file')
    return failures


def read_ini(path, group):
    ini = configparser.RawConfigParser(interpolation=None, strict=False)
    ini.optionxform = str
    if os.path.isfile(path):
        ini.read(path, encoding='utf-8')
    return ini[group] if ini.has_section(group) else {}


def check_search_provider(service, provider, binary, app):
    """The Shell finds the provider by the .ini and starts the app through the service file."""
    failures = []
    entry = read_ini(service, 'D-BUS Service')
    if entry.get('Name') != app:
        failures.append(f'D-Bus service Name={entry.get("Name")!r}, expected {app}')
    if entry.get('Exec', '').split() != [binary, '--gapplication-service']:
        failures.append(f'D-Bus service Exec={entry.get("Exec")!r}, expected {binary} --gapplication-service')
    entry = read_ini(provider, 'Shell Search Provider')
    wanted = {
        'DesktopId': app + '.desktop',
        'BusName': app,
        'ObjectPath': '/' + app.replace('.', '/') + '/SearchProvider',
        'Version': '2',
    }
    for key, value in wanted.items():
        if entry.get(key) != value:
            failures.append(f'search provider {key}={entry.get(key)!r}, expected {value!r}')
    return failures


def main():
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument('--meson', default='meson')
    p.add_argument('--builddir', required=True)
    p.add_argument('--prefix', required=True)
    p.add_argument('--bindir', required=True)
    p.add_argument('--datadir', required=True)
    p.add_argument('--localedir', required=True)
    p.add_argument('--app-id', required=True)
    p.add_argument('--executable', required=True)
    p.add_argument('--gettext-package', required=True)
    p.add_argument('--linguas', required=True)
    p.add_argument('--appstreamcli')
    p.add_argument('--keep', action='store_true', help='keep the DESTDIR and print its path')
    args = p.parse_args()

    destdir = tempfile.mkdtemp(prefix='cg-destdir-')
    try:
        env = dict(os.environ)
        env.pop('DESTDIR', None)
        proc = subprocess.run([args.meson, 'install', '-C', args.builddir, '--no-rebuild',
                               '--destdir', destdir],
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env)
        if proc.returncode != 0:
            sys.stdout.write(proc.stdout)
            print(f'FAIL: meson install exited {proc.returncode}', file=sys.stderr)
            return 1

        bindir = under(destdir, args.prefix, args.bindir)
        datadir = under(destdir, args.prefix, args.datadir)
        localedir = under(destdir, args.prefix, args.localedir)
        app = args.app_id
        expected = {
            'binary': os.path.join(bindir, args.executable),
            'desktop file': os.path.join(datadir, 'applications', app + '.desktop'),
            'metainfo': os.path.join(datadir, 'metainfo', app + '.metainfo.xml'),
            'scalable icon': os.path.join(datadir, 'icons', 'hicolor', 'scalable', 'apps', app + '.svg'),
            'symbolic icon': os.path.join(datadir, 'icons', 'hicolor', 'symbolic', 'apps',
                                          app + '-symbolic.svg'),
            'GSettings schema': os.path.join(datadir, 'glib-2.0', 'schemas', app + '.gschema.xml'),
            'D-Bus service': os.path.join(datadir, 'dbus-1', 'services', app + '.service'),
            'search provider': os.path.join(datadir, 'gnome-shell', 'search-providers',
                                            app + '.search-provider.ini'),
        }
        langs = read_linguas(args.linguas)
        if not langs:
            expected['a language in LINGUAS'] = os.path.join(args.linguas, 'missing')
        for lang in langs:
            expected[f'{lang} translation'] = os.path.join(localedir, lang, 'LC_MESSAGES',
                                                          args.gettext_package + '.mo')

        failures = []
        for what, path in expected.items():
            rel = '/' + os.path.relpath(path, destdir)
            if os.path.isfile(path) and os.path.getsize(path) > 0:
                print(f'ok: {what}: {rel}')
            else:
                failures.append(f'{what} not installed: {rel}')
        binary = expected['binary']
        if os.path.isfile(binary) and not os.access(binary, os.X_OK):
            failures.append(f'{binary} is not executable')

        desktop = expected['desktop file']
        if os.path.isfile(desktop):
            entry = configparser.RawConfigParser(interpolation=None, strict=False)
            entry.optionxform = str
            entry.read(desktop, encoding='utf-8')
            section = entry['Desktop Entry'] if entry.has_section('Desktop Entry') else {}
            exec_line = section.get('Exec', '')
            if exec_line.split()[:1] != [args.executable]:
                failures.append(f'desktop file Exec={exec_line!r} does not run {args.executable}')
            if section.get('Icon') != app:
                failures.append(f'desktop file Icon={section.get("Icon")!r}, the icon is {app}')
            if section.get('DBusActivatable') != 'true':
                failures.append('desktop file lacks DBusActivatable=true (the search provider needs it)')

        failures += check_search_provider(expected['D-Bus service'], expected['search provider'],
                                          os.path.join(args.prefix, args.bindir, args.executable),
                                          app)

        if args.appstreamcli:
            failures += validate_tree(args.appstreamcli, under(destdir, args.prefix, '.'))

        for f in failures:
            print(f'FAIL: {f}', file=sys.stderr)
        return 1 if failures else 0
    finally:
        if args.keep:
            print(f'# DESTDIR kept: {destdir}')
        else:
            shutil.rmtree(destdir, ignore_errors=True)


if __name__ == '__main__':
    sys.exit(main())
