#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""`meson install` into a temporary DESTDIR gives a complete tree.

Usage: test-install.py BUILD_DIR PREFIX BINDIR DATADIR LOCALEDIR APP_ID
(BINDIR, DATADIR and LOCALEDIR are absolute, as meson reports them.)
"""
import os
import subprocess
import sys
import tempfile
import unittest

BUILD_DIR, PREFIX, BINDIR, DATADIR, LOCALEDIR, APP_ID = sys.argv[1:7]
del sys.argv[1:7]


def under(destdir, path):
    return os.path.join(destdir, path.lstrip("/"))


class InstallTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory(prefix="ronghe-install-")
        cls.destdir = cls.tmp.name
        env = dict(os.environ, DESTDIR=cls.destdir)
        proc = subprocess.run(["meson", "install", "-C", BUILD_DIR, "--no-rebuild", "--quiet"],
                              capture_output=True, text=True, env=env, timeout=120)
        if proc.returncode != 0:
            raise RuntimeError("meson install failed:\n" + proc.stdout + proc.stderr)

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def path(self, base, *parts):
        return under(self.destdir, os.path.join(base, *parts))

    def assertFile(self, path, executable=False):
        self.assertTrue(os.path.isfile(path), f"not installed: {path}")
        self.assertGreater(os.path.getsize(path), 0, f"empty: {path}")
        if executable:
            self.assertTrue(os.access(path, os.X_OK), f"not executable: {path}")

    def test_binaries(self):
        for name in ("ronghe", "ronghe-cli"):
            self.assertFile(self.path(BINDIR, name), executable=True)
        # The installed CLI runs and finds its translations under the installed prefix's tree.
        proc = subprocess.run([self.path(BINDIR, "ronghe-cli"), "--help"],
                              capture_output=True, text=True, timeout=30)
        self.assertEqual(proc.returncode, 0, proc.stderr)
        self.assertIn("demo", proc.stdout + proc.stderr)

    def test_desktop_file(self):
        path = self.path(DATADIR, "applications", APP_ID + ".desktop")
        self.assertFile(path)
        with open(path, encoding="utf-8") as f:
            text = f.read()
        self.assertIn("Exec=ronghe", text)
        self.assertIn("Name[zh_CN]=", text)  # merged translation
        subprocess.run(["desktop-file-validate", path], check=True)

    def test_metainfo(self):
        path = self.path(DATADIR, "metainfo", APP_ID + ".metainfo.xml")
        self.assertFile(path)
        with open(path, encoding="utf-8") as f:
            text = f.read()
        self.assertIn('xml:lang="zh_CN"', text)  # merged translation
        self.assertIn("<screenshot", text)
        self.assertIn("<caption xml:lang=\"zh_CN\">", text)  # translated captions
        subprocess.run(["appstreamcli", "validate", "--no-net", path], check=True,
                       stdout=subprocess.DEVNULL)

    def test_icons(self):
        icons = self.path(DATADIR, "icons", "hicolor")
        self.assertFile(os.path.join(icons, "scalable", "apps", APP_ID + ".svg"))
        self.assertFile(os.path.join(icons, "symbolic", "apps", APP_ID + "-symbolic.svg"))

    def test_schema(self):
        schemas = self.path(DATADIR, "glib-2.0", "schemas")
        self.assertFile(os.path.join(schemas, APP_ID + ".gschema.xml"))
        subprocess.run(["glib-compile-schemas", "--strict", "--dry-run", schemas], check=True)

    def test_translations(self):
        mo = self.path(LOCALEDIR, "zh_CN", "LC_MESSAGES", "ronghe.mo")
        self.assertFile(mo)
        with open(mo, "rb") as f:
            magic = f.read(4)
        self.assertIn(magic, (b"\xde\x12\x04\x95", b"\x95\x04\x12\xde"))


if __name__ == "__main__":
    unittest.main(verbosity=2)
