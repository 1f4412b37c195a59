#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The Flatpak manifest: valid JSON, a supported GNOME runtime, libzip (archive and checksum)
and libxlsxwriter (tag and commit) then Ronghe,
no file-system access beyond the portals, and flatpak-builder --show-manifest accepts it.

Usage: test-flatpak.py MANIFEST. Exits 77 (skipped) without flatpak-builder only for the
last check; the others always run.
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile
import unittest

MANIFEST = sys.argv.pop(1)


class FlatpakManifestTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        with open(MANIFEST, encoding="utf-8") as f:
            cls.m = json.load(f)

    def test_runtime(self):
        self.assertEqual(self.m["id"], "io.github.ronghe.Ronghe")
        self.assertEqual(self.m["runtime"], "org.gnome.Platform")
        self.assertEqual(self.m["sdk"], "org.gnome.Sdk")
        self.assertGreaterEqual(int(self.m["runtime-version"]), 47)
        self.assertEqual(self.m["command"], "ronghe")

    def test_finish_args_no_filesystem(self):
        args = self.m["finish-args"]
        self.assertEqual(sorted(args), sorted(["--share=ipc", "--socket=wayland",
                                               "--socket=fallback-x11", "--device=dri"]))
        self.assertFalse([a for a in args if a.startswith("--filesystem")])

    def test_modules(self):
        names = [mod["name"] for mod in self.m["modules"]]
        self.assertEqual(names, ["libzip", "libxlsxwriter", "ronghe"])
        *libraries, ronghe = self.m["modules"]
        for lib in libraries:
            self.assertEqual(lib["buildsystem"], "cmake-ninja")
            self.assertIn("-DBUILD_SHARED_LIBS=ON", lib["config-opts"])
        # libzip: a released archive with its checksum.
        (zip_src,) = libraries[0]["sources"]
        self.assertEqual(zip_src["type"], "archive")
        self.assertRegex(zip_src["url"], r"/libzip-[0-9.]+\.tar\.gz$")
        self.assertRegex(zip_src["sha256"], r"^[0-9a-f]{64}$")
        # libxlsxwriter: a release tag and the commit it names (flatpak-builder refuses a
        # tag that has moved).
        (xlsx_src,) = libraries[1]["sources"]
        self.assertEqual(xlsx_src["type"], "git")
        self.assertEqual(xlsx_src["url"], "https://github.com/jmcnamara/libxlsxwriter.git")
        self.assertRegex(xlsx_src["tag"], r"^v[0-9]+\.[0-9]+\.[0-9]+$")
        self.assertRegex(xlsx_src["commit"], r"^[0-9a-f]{40}$")
        self.assertEqual(ronghe["buildsystem"], "meson")
        self.assertIn("-Dtests=false", ronghe["config-opts"])
        self.assertEqual(ronghe["sources"][0], {**ronghe["sources"][0], "type": "dir", "path": ".."})

    def test_flatpak_builder_accepts(self):
        if shutil.which("flatpak-builder") is None:
            self.skipTest("flatpak-builder is not installed")
        # In a throwaway folder: flatpak-builder leaves a .flatpak-builder state folder there.
        with tempfile.TemporaryDirectory() as cwd:
            proc = subprocess.run(["flatpak-builder", "--show-manifest", os.path.abspath(MANIFEST)],
                                  capture_output=True, text=True, timeout=60, cwd=cwd)
        self.assertEqual(proc.returncode, 0, proc.stderr)
        self.assertEqual(json.loads(proc.stdout)["id"], self.m["id"])


if __name__ == "__main__":
    result = unittest.main(verbosity=2, exit=False).result
    if not result.wasSuccessful():
        sys.exit(1)
    sys.exit(77 if result.skipped and result.testsRun == len(result.skipped) else 0)
