#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""check-complete.py PO SOURCE_ROOT

Fails unless every message of the sources is translated in PO, none is fuzzy,
and every source file that marks strings for translation is in POTFILES.in.
The messages are extracted afresh, as `ronghe-pot` does, so a string added to
the code but not yet merged into the .po is caught too."""
import os
import re
import subprocess
import sys
import tempfile

po, root = sys.argv[1], sys.argv[2]
listed = [l.strip() for l in open(os.path.join(root, 'po', 'POTFILES.in'), encoding='utf-8')
          if l.strip() and not l.startswith('#')]
problems = []

# Files with translatable strings must be listed.
marker = re.compile(r'\b(_|N_|C_|NC_|g_dpgettext2)\s*\(\s*("|[A-Z])|translatable="yes"')
for folder in ('src', 'ui', 'data'):
    for dirpath, _dirs, files in os.walk(os.path.join(root, folder)):
        for name in files:
            if not name.endswith(('.c', '.ui', '.in', '.xml')):
                continue
            rel = os.path.relpath(os.path.join(dirpath, name), root)
            if rel in listed:
                continue
            text = open(os.path.join(root, rel), encoding='utf-8', errors='replace').read()
            if marker.search(text) and not rel.endswith('.gresource.xml'):
                problems.append(f'{rel}: marks strings for translation but is not in POTFILES.in')

# Every extracted message must be translated.
with tempfile.TemporaryDirectory() as tmp:
    pot, merged = os.path.join(tmp, 'x.pot'), os.path.join(tmp, 'x.po')
    subprocess.run(['xgettext', '--directory=' + root,
                    '--files-from=' + os.path.join(root, 'po', 'POTFILES.in'),
                    '--from-code=UTF-8', '--add-comments',
                    '--keyword=_', '--keyword=N_', '--keyword=C_:1c,2', '--keyword=NC_:1c,2',
                    '--keyword=g_dcgettext:2', '--keyword=g_dngettext:2,3',
                    '--keyword=g_dpgettext2:2c,3', '-o', pot], check=True)
    subprocess.run(['msgmerge', '--quiet', '--no-fuzzy-matching', '-o', merged, po, pot],
                   check=True)
    for path, what in ((po, 'the .po as it is'), (merged, 'the sources as they are')):
        out = subprocess.run(['msgfmt', '--statistics', '-o', '/dev/null', path],
                             capture_output=True, text=True)
        print(f'{what}: {out.stderr.strip()}')
        if out.returncode or 'untranslated' in out.stderr or 'fuzzy' in out.stderr:
            problems.append(f'{what}: {out.stderr.strip()}')
    if problems:
        listing = subprocess.run(['msgattrib', '--untranslated', '--no-wrap', merged],
                                 capture_output=True, text=True).stdout
        print('\n'.join(l for l in listing.splitlines() if l.startswith('msgid "') and l != 'msgid ""'))

for p in problems:
    print('FAIL:', p)
sys.exit(1 if problems else 0)
