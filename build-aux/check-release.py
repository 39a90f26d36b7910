#!/usr/bin/env python3
"""Check that the release and the project's addresses agree everywhere.

  check-release.py --version X.Y.Z --app-id ID SRCDIR

- NEWS starts with "Calcinosis Guide X.Y.Z (YYYY-MM-DD)", the version meson builds;
- the metainfo's newest <release> is X.Y.Z with the same date;
- every screenshot URL points at the release tag vX.Y.Z, never at a branch;
- the repository named by the app id (io.github.OWNER.REPO is github.com/OWNER/REPO, as
  Flathub requires) is the one the metainfo, the DOAP file, the About dialog and the docs
  give: no other github.com/OWNER/… address is left.
"""

import argparse
import pathlib
import re
import sys
import xml.etree.ElementTree as ET

DOAP = '{http://usefulinc.com/ns/doap#}'
RDF_RESOURCE = '{http://www.w3.org/1999/02/22-rdf-syntax-ns#}resource'


def main():
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument('--version', required=True)
    parser.add_argument('--app-id', required=True)
    parser.add_argument('srcdir', type=pathlib.Path)
    args = parser.parse_args()
    src = args.srcdir
    failures = []

    # io.github.calcinosisguide.Guide -> github.com/calcinosisguide/guide
    parts = args.app_id.split('.')
    if parts[:2] != ['io', 'github'] or len(parts) != 4:
        failures.append(f'{args.app_id} is not an io.github.OWNER.REPO id')
        owner, repo = '', ''
    else:
        owner, repo = parts[2], parts[3].lower()
    repository = f'https://github.com/{owner}/{repo}'

    news = (src / 'NEWS').read_text(encoding='utf-8')
    heading = news.splitlines()[0] if news else ''
    m = re.fullmatch(r'Calcinosis Guide (\S+) \((\d{4}-\d{2}-\d{2})\)', heading)
    if not m:
        failures.append(f'NEWS: first line {heading!r} is not "Calcinosis Guide X.Y.Z (YYYY-MM-DD)"')
        news_version = news_date = None
    else:
        news_version, news_date = m.groups()
        if news_version != args.version:
            failures.append(f'NEWS: {news_version}, meson builds {args.version}')

    metainfo_path = src / 'data' / f'{args.app_id}.metainfo.xml.in'
    metainfo = ET.parse(metainfo_path).getroot()
    release = metainfo.find('releases/release')
    if release is None:
        failures.append('metainfo: no <release>')
    else:
        if release.get('version') != args.version:
            failures.append(f'metainfo: newest release {release.get("version")}, '
                            f'meson builds {args.version}')
        if news_date and release.get('date') != news_date:
            failures.append(f'metainfo: release dated {release.get("date")}, NEWS {news_date}')

    raw = f'https://raw.githubusercontent.com/{owner}/{repo}/v{args.version}/'
    for image in metainfo.iter('image'):
        if not (image.text or '').startswith(raw):
            failures.append(f'metainfo: screenshot {image.text} is not under {raw}')

    for url in metainfo.iter('url'):
        if not (url.text or '').startswith(repository):
            failures.append(f'metainfo: <url type="{url.get("type")}"> {url.text} '
                            f'is not {repository}')

    doap = ET.parse(src / 'calcinosis-guide.doap').getroot()
    for element in doap.iter():
        resource = element.get(RDF_RESOURCE, '')
        if element.tag.startswith(DOAP) and 'github.com' in resource and \
           not resource.startswith(repository):
            failures.append(f'doap: {element.tag[len(DOAP):]} {resource} is not {repository}')

    # Any other address of the owner's on GitHub, in the sources and the docs
    other = re.compile(r'github(?:usercontent)?\.com/' + re.escape(owner) + r'/(?!' +
                       re.escape(repo) + r'\b)[\w.-]+')
    files = [src / 'README.md', src / 'CONTRIBUTING.md', src / 'NEWS']
    for pattern in ('docs/*.md', 'src/**/*.c', 'data/*.in', 'flatpak/*.json', 'build-aux/*'):
        files += sorted(src.glob(pattern))
    for path in files:
        if path.is_file() and path.name != pathlib.Path(__file__).name:
            for number, line in enumerate(path.read_text(encoding='utf-8').splitlines(), 1):
                for hit in other.finditer(line):
                    failures.append(f'{path.relative_to(src)}:{number}: {hit.group(0)} '
                                    f'is not {repository}')

    for failure in failures:
        print(f'FAIL: {failure}', file=sys.stderr)
    if not failures:
        print(f'ok: {args.version} ({news_date}), {repository}')
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main())
