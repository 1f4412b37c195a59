#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The real application start-up, under Xvfb: the database is opened (in a thread, beside
GTK's start-up) and the window painted; a damaged file is refused and left as it was."""
import os
import select
import sqlite3
import subprocess
import sys
import tempfile
import time
import unittest

GUI = os.environ.get("RONGHE_GUI", "build/src/gui/ronghe")
CLI = os.environ.get("RONGHE_CLI", "build/src/cli/ronghe-cli")


def start(db, **extra_env):
    env = dict(os.environ, RONGHE_TRACE="1", **extra_env)
    env.pop("RONGHE_DATABASE", None)
    for name in ("GTK_THEME", "GDK_DEBUG"):
        if name not in extra_env:
            env.pop(name, None)
    return subprocess.Popen([GUI, "--database", db], env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE)


def stderr_until(p, pattern, seconds):
    """The stderr lines read within the time, stopping at the first one holding pattern."""
    lines, buf, end = [], b"", time.monotonic() + seconds
    while time.monotonic() < end and p.poll() is None:
        ready, _, _ = select.select([p.stderr], [], [], 0.2)
        if not ready:
            continue
        chunk = os.read(p.stderr.fileno(), 65536)
        if not chunk:
            break
        buf += chunk
        while b"\n" in buf:
            line, buf = buf.split(b"\n", 1)
            lines.append(line.decode("utf-8", "replace"))
            if pattern in lines[-1]:
                return lines
    return lines


def stop(p):
    p.terminate()
    try:
        p.wait(10)
    except subprocess.TimeoutExpired:
        p.kill()
        p.wait()
    p.stderr.close()


class AppTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()

    def tearDown(self):
        self.tmp.cleanup()

    def first_frame(self, db, **extra_env):
        """The first-frame trace line of the application started on db; it is then stopped."""
        p = start(db, **extra_env)
        try:
            lines = stderr_until(p, "ronghe-trace: first-frame", 60)
            self.assertTrue(any("first-frame" in l for l in lines), lines)
            self.assertIsNone(p.poll())
            return lines[-1]
        finally:
            stop(p)

    def test_new_database_is_created_and_window_painted(self):
        db = os.path.join(self.tmp.name, "new.db")
        self.first_frame(db)
        with sqlite3.connect(db) as c:
            tables = {r[0] for r in c.execute("SELECT name FROM sqlite_master")}
        self.assertIn("member", tables)
        self.assertIn("organisation", tables)

    def test_demo_database_opens(self):
        db = os.path.join(self.tmp.name, "demo.db")
        subprocess.run([CLI, "--database", db, "demo", "--branches", "20", "--members", "500"],
                       check=True, stdout=subprocess.DEVNULL, timeout=120)
        # GTK started on libadwaita's empty theme, and libadwaita, finding GTK_THEME unset
        # again, named it itself and put its own style sheet in place.
        self.assertIn(" theme=Adwaita-empty ", self.first_frame(db))

    def test_theme_named_by_the_user_is_kept(self):
        db = os.path.join(self.tmp.name, "themed.db")
        # With GTK_THEME set, libadwaita leaves GTK's theme as it is.
        self.assertNotIn(" theme=Adwaita-empty ", self.first_frame(db, GTK_THEME="Default"))

    def test_cairo_renderer_goes_without_opengl(self):
        db = os.path.join(self.tmp.name, "cairo.db")
        # GDK never set OpenGL up: the cairo renderer would not have used it.
        self.assertTrue(self.first_frame(db, GSK_RENDERER="cairo").endswith(" gl=no"))

    def test_damaged_file_is_refused_and_left_unchanged(self):
        db = os.path.join(self.tmp.name, "damaged.db")
        damaged = b"SQLite format 3\0" + bytes(range(256)) * 64
        with open(db, "wb") as f:
            f.write(damaged)
        p = start(db)
        try:
            # The dialog says why; no window with the database is shown.
            lines = stderr_until(p, "ronghe-trace: open-error", 60)
            self.assertTrue(any("open-error" in l for l in lines), lines)
            self.assertFalse(any("first-frame" in l for l in lines), lines)
            self.assertIsNone(p.poll(), "the application ended instead of saying why")
        finally:
            stop(p)
        with open(db, "rb") as f:
            self.assertEqual(f.read(), damaged)


if __name__ == "__main__":
    unittest.main(argv=sys.argv[:1], verbosity=2)
