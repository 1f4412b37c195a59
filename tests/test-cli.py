#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""ronghe-cli end to end: exit codes, demo, check, backup, refusal, translation."""
import os
import sqlite3
import stat
import subprocess
import sys
import tempfile
import unittest

CLI = os.environ.get("RONGHE_CLI", "build/src/cli/ronghe-cli")
LOCALEDIR = os.environ.get("RONGHE_LOCALEDIR", "build/po")


def run(*args, lang="C.UTF-8"):
    env = dict(os.environ, LC_ALL=lang, LANG=lang, LANGUAGE="", RONGHE_TODAY="2026-06-01",
               RONGHE_LOCALEDIR=LOCALEDIR)
    env.pop("RONGHE_DATABASE", None)
    return subprocess.run([CLI, *args], capture_output=True, text=True, env=env, timeout=120)


def rows(path, sql):
    with sqlite3.connect(path) as db:
        return db.execute(sql).fetchall()


class CliTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.db = os.path.join(self.tmp.name, "ronghe.db")

    def tearDown(self):
        self.tmp.cleanup()

    def test_usage_errors_exit_2(self):
        self.assertEqual(run().returncode, 2)
        self.assertEqual(run("--database", self.db, "frobnicate").returncode, 2)
        self.assertEqual(run("--database", self.db, "demo", "--branches", "0").returncode, 2)
        self.assertEqual(run("--database", self.db, "demo", "--bogus").returncode, 2)
        self.assertEqual(run("--database", self.db, "backup").returncode, 2)
        self.assertEqual(run("--database", self.db, "check", "extra").returncode, 2)

    def test_demo_counts_and_refuses_twice(self):
        r = run("--database", self.db, "demo")
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(rows(self.db, "SELECT count(*) FROM organisation WHERE kind = 'branch'"),
                         [(12,)])
        self.assertEqual(rows(self.db, "SELECT count(*) FROM member"), [(300,)])
        statuses = {s for (s,) in rows(self.db, "SELECT DISTINCT status FROM member")}
        self.assertEqual(statuses, {"applicant", "activist", "candidate", "probationary", "full"})
        # A second demo into the same database is refused and changes nothing.
        r = run("--database", self.db, "demo")
        self.assertEqual(r.returncode, 1)
        self.assertEqual(rows(self.db, "SELECT count(*) FROM member"), [(300,)])

    def test_demo_is_deterministic(self):
        other = os.path.join(self.tmp.name, "other.db")
        for path in (self.db, other):
            self.assertEqual(run("--database", path, "demo", "--seed", "7",
                                 "--branches", "5", "--members", "120").returncode, 0)
        query = "SELECT name, id_number, status, admitted_date FROM member ORDER BY id"
        self.assertEqual(rows(self.db, query), rows(other, query))
        self.assertEqual(len(rows(self.db, query)), 120)

    def test_check_reports_bad_rows(self):
        self.assertEqual(run("--database", self.db, "demo").returncode, 0)
        r = run("--database", self.db, "check")
        # The sample keeps one temporary branch below three full members on purpose.
        self.assertEqual(r.returncode, 1)
        self.assertEqual(len(r.stdout.splitlines()), 1, r.stdout)
        self.assertIn("Temporary branch", r.stdout)
        with sqlite3.connect(self.db) as db:
            db.execute("UPDATE member SET id_number = '110105194912310021' WHERE id = 1")
        r = run("--database", self.db, "check")
        self.assertEqual(r.returncode, 1)
        self.assertIn("Member 1 ", r.stdout)
        self.assertIn("ID number: the check character", r.stdout)

    def test_backup(self):
        self.assertEqual(run("--database", self.db, "demo").returncode, 0)
        dest = os.path.join(self.tmp.name, "copy.db")
        r = run("--database", self.db, "backup", dest)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(stat.S_IMODE(os.stat(dest).st_mode), 0o600)
        self.assertEqual(rows(dest, "SELECT count(*) FROM member"), [(300,)])

    def test_refuses_foreign_file_unchanged(self):
        with open(self.db, "w", encoding="utf-8") as f:
            f.write("姓名,性别\n张伟,男\n")
        before = open(self.db, "rb").read()
        r = run("--database", self.db, "check")
        self.assertEqual(r.returncode, 1)
        self.assertIn("not a Ronghe database", r.stderr)
        self.assertEqual(open(self.db, "rb").read(), before)

    def test_compliance_and_integration(self):
        self.assertEqual(run("--database", self.db, "demo").returncode, 0)
        branches = rows(self.db, "SELECT count(*) FROM organisation WHERE kind = 'branch'")[0][0]
        r = run("--database", self.db, "compliance", "--period", "2025", "--format", "tsv")
        self.assertEqual(r.returncode, 0, r.stderr)
        lines = r.stdout.splitlines()
        self.assertEqual(lines[0].split("\t"), ["branch_id", "branch", "required", "met", "rate"])
        self.assertEqual(len(lines), 1 + branches)
        for line in lines[1:]:
            _, _, required, met, rate = line.split("\t")
            self.assertLessEqual(int(met), int(required))
            if int(required):
                self.assertAlmostEqual(float(rate), int(met) / int(required), places=3)
        first = lines[1].split("\t")[0]
        r = run("--database", self.db, "compliance", "--period", "2025Q2", "--branch", first)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn("Compliance rate", r.stdout)
        r = run("--database", self.db, "integration", "--period", "2025", "--format", "tsv")
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(len(r.stdout.splitlines()), 1 + branches)
        # Bad input is refused with a message that names the period, exit 2.
        r = run("--database", self.db, "compliance", "--period", "2025Q5")
        self.assertEqual(r.returncode, 2)
        self.assertIn("2025Q5", r.stderr)
        r = run("--database", self.db, "integration", "--period", "2025", "--format", "xml")
        self.assertEqual(r.returncode, 2)
        r = run("--database", self.db, "compliance", "--period", "2025", "--branch", "999999")
        self.assertEqual(r.returncode, 1)

    def test_points(self):
        self.assertEqual(run("--database", self.db, "demo").returncode, 0)
        self.assertEqual(run("--database", self.db, "points", "--period", "2025").returncode, 2)
        branch = rows(self.db, "SELECT org_id FROM member WHERE archived_date IS NULL"
                               " AND status = 'full' GROUP BY org_id HAVING count(*) >= 9"
                               " ORDER BY org_id LIMIT 1")[0][0]
        r = run("--database", self.db, "points", "--branch", str(branch), "--period", "2025",
                "--format", "tsv")
        self.assertEqual(r.returncode, 0, r.stderr)
        lines = r.stdout.splitlines()
        self.assertEqual(lines[0].split("\t")[:3], ["rank", "member_id", "name"])
        table = [line.split("\t") for line in lines[1:]]
        with sqlite3.connect(self.db) as db:
            members = db.execute("SELECT count(*) FROM member WHERE org_id = ? AND"
                                 " archived_date IS NULL AND admitted_date IS NOT NULL",
                                 (branch,)).fetchone()[0]
            reviews = dict(db.execute("SELECT member_id, grade FROM member_review"
                                      " WHERE year = 2025").fetchall())
        self.assertEqual(len(table), members)
        totals = [float(row[8]) for row in table]
        self.assertEqual(totals, sorted(totals, reverse=True))
        for row in table:
            quarters = [float(x) for x in row[4:8]]
            vetoed = row[9] == "1"
            # The base score (60) and the quarters make the total; a veto makes it 0.
            self.assertEqual(float(row[8]), 0 if vetoed else max(0, 60 + sum(quarters)))
            # Equal totals share a rank: one more than the members above.
            self.assertEqual(int(row[0]), 1 + sum(t > float(row[8]) for t in totals))
            self.assertEqual(row[11], reviews.get(int(row[1]), ""))
        full = [row for row in table if row[3] == "0"]
        self.assertLessEqual(sum(row[11] == "excellent" for row in full), len(full) // 3)
        self.assertGreater(sum(row[11] == "excellent" for row in full), 0)
        r = run("--database", self.db, "points", "--branch", str(branch), "--period", "2025",
                lang="zh_CN.UTF-8")
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn("一季度", r.stdout)
        self.assertIn("民主评议", r.stdout)

    def test_messages_are_translated(self):
        r = run("--database", self.db, "frobnicate", lang="zh_CN.UTF-8")
        self.assertEqual(r.returncode, 2)
        self.assertIn("未知", r.stderr)


if __name__ == "__main__":
    unittest.main(verbosity=2)
