#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Fails unless every message of a .po file is translated and none is fuzzy."""
import subprocess
import sys

out = subprocess.run(["msgfmt", "--statistics", "-o", "/dev/null", sys.argv[1]],
                     capture_output=True, text=True)
print(out.stderr.strip())
sys.exit(1 if out.returncode or "untranslated" in out.stderr or "fuzzy" in out.stderr else 0)
