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


def run(*args, lang="C.UTF-8", stdin=""):
    env = dict(os.environ, LC_ALL=lang, LANG=lang, LANGUAGE="", RONGHE_TODAY="2026-06-01",
               RONGHE_LOCALEDIR=LOCALEDIR)
    env.pop("RONGHE_DATABASE", None)
    return subprocess.run([CLI, *args], capture_output=True, text=True, env=env, timeout=120,
                          input=stdin)


W = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]


def id_number(birth, seq, male):
    first = "110105%s%03d" % (birth, seq * 2 + (1 if male else 0))
    return first + "10X98765432"[sum(int(a) * w for a, w in zip(first, W)) % 11]


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

    def test_chart_and_handout(self):
        self.assertEqual(run("--database", self.db, "demo").returncode, 0)
        branch = rows(self.db, "SELECT org_id FROM assessment WHERE period = '2025'"
                               " ORDER BY org_id LIMIT 1")[0][0]
        for kind in ("radar", "ranking", "quadrant", "trend", "compliance", "stars", "points"):
            for ext, magic in ((".pdf", b"%PDF"), (".png", b"\x89PNG"), (".svg", b"<?xml")):
                out = os.path.join(self.tmp.name, kind + ext)
                r = run("--database", self.db, "chart", kind, "--period", "2025", "--branch",
                        str(branch), "--output", out, "--dpi", "72")
                self.assertEqual(r.returncode, 0, r.stderr)
                with open(out, "rb") as f:
                    self.assertEqual(f.read(len(magic)), magic)
        # A PNG at a chosen size and resolution: 200 pt at 144 dpi is 400 pixels.
        out = os.path.join(self.tmp.name, "big.png")
        r = run("--database", self.db, "chart", "stars", "--period", "2025", "--output", out,
                "--width", "200", "--height", "100", "--dpi", "144")
        self.assertEqual(r.returncode, 0, r.stderr)
        with open(out, "rb") as f:
            header = f.read(24)
        self.assertEqual(int.from_bytes(header[16:20], "big"), 400)
        self.assertEqual(int.from_bytes(header[20:24], "big"), 200)
        # The PDF's text is real text, in Chinese.
        out = os.path.join(self.tmp.name, "q.pdf")
        run("--database", self.db, "chart", "quadrant", "--period", "2025", "--output", out,
            lang="zh_CN.UTF-8")
        text = subprocess.run(["pdftotext", "-enc", "UTF-8", out, "-"], capture_output=True,
                              text=True).stdout
        self.assertIn("融合象限", text)
        self.assertIn("双强", text)
        # Configured cut-offs instead of the medians.
        r = run("--database", self.db, "chart", "quadrant", "--period", "2025", "--output", out,
                "--party-cut", "72.5", "--business-cut", "81")
        self.assertEqual(r.returncode, 0, r.stderr)
        text = subprocess.run(["pdftotext", "-enc", "UTF-8", out, "-"], capture_output=True,
                              text=True).stdout
        self.assertIn("cut 72.50", text)
        self.assertIn("cut 81", text)
        self.assertIn("configured cut-offs", text)
        # Usage errors: exit 2 and nothing written.
        for args in (("chart", "pie", "--period", "2025", "--output", out + ".png"),
                     ("chart", "stars", "--period", "2025Q5", "--output", out + ".png"),
                     ("chart", "stars", "--period", "2025", "--output", out + ".gif"),
                     ("chart", "stars", "--period", "2025"),
                     ("chart", "quadrant", "--period", "2025", "--output", out + ".png",
                      "--party-cut", "120"),
                     ("handout", "--period", "2025", "--output", out + ".png")):
            r = run("--database", self.db, *args)
            self.assertEqual(r.returncode, 2, args)
        self.assertFalse(os.path.exists(out + ".png"))
        # A chart about one branch needs one; an unknown branch is refused.
        r = run("--database", self.db, "chart", "radar", "--period", "2025", "--output", out)
        self.assertEqual(r.returncode, 1)
        self.assertIn("branch", r.stderr)
        r = run("--database", self.db, "handout", "--period", "2025", "--branch", "999999",
                "--output", out)
        self.assertEqual(r.returncode, 1)
        self.assertIn("999999", r.stderr)
        # A party group is not a branch.
        group = rows(self.db, "SELECT min(id) FROM organisation WHERE kind = 'group'")[0][0]
        for args in (("chart", "radar"), ("handout",)):
            r = run("--database", self.db, *args, "--period", "2025", "--branch", str(group),
                    "--output", out)
            self.assertEqual(r.returncode, 1, args)
            self.assertIn(str(group), r.stderr)
        # Handouts: the branch's and the committee's, A4 with the branch's name.
        name = rows(self.db, "SELECT name FROM organisation WHERE id = ?".replace("?", str(branch)))[0][0]
        for extra in (("--branch", str(branch)), ()):
            out = os.path.join(self.tmp.name, "handout.pdf")
            r = run("--database", self.db, "handout", "--period", "2025", *extra, "--output", out,
                    lang="zh_CN.UTF-8")
            self.assertEqual(r.returncode, 0, r.stderr)
            info = subprocess.run(["pdfinfo", out], capture_output=True, text=True).stdout
            self.assertIn("595.276 x 841.89", info)
            text = subprocess.run(["pdftotext", "-enc", "UTF-8", out, "-"], capture_output=True,
                                  text=True).stdout
            self.assertIn(name, text)

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

    def test_import_members(self):
        self.assertEqual(run("--database", self.db, "demo", "--branches", "2", "--members",
                             "10").returncode, 0)
        branch = rows(self.db, "SELECT id FROM organisation WHERE kind = 'branch' LIMIT 1")[0][0]
        roster = os.path.join(self.tmp.name, "roster.csv")
        with open(roster, "w", encoding="gb18030", newline="") as f:
            f.write("姓名\t性别\t身份证号\t入党时间\t转正时间\t所在支部\r\n")
            f.write("甲\t男\t%s\t2005年7月1日\t2006.7.1\t\r\n" % id_number("19800101", 1, True))
            f.write("乙\t女\t%s\t2005/7/1\t20060701\t新支部\r\n"
                    % id_number("19800101", 2, False))
            f.write("丙\t男\t110105198001010001\t2005-07-01\t2006-07-01\t\r\n")
        before = rows(self.db, "SELECT count(*) FROM member")[0][0]
        # Dry run: the summary and the problems, exit 1 for the bad row, nothing written.
        r = run("--database", self.db, "import", "members", roster, "--branch", str(branch),
                "--dry-run")
        self.assertEqual(r.returncode, 1, r.stderr)
        self.assertIn("3 rows: 1 new, 0 updated (same ID number), 2 invalid", r.stderr)
        self.assertIn("Row 3, 所在支部: There is no branch “新支部”", r.stdout)
        self.assertIn("Row 4, 身份证号: ID number:", r.stdout)
        self.assertIn("新支部", r.stderr)
        self.assertEqual(rows(self.db, "SELECT count(*) FROM member")[0][0], before)
        # With the branch created: two land, the bad row does not; still exit 1.
        r = run("--database", self.db, "import", "members", roster, "--branch", str(branch),
                "--create-branches")
        self.assertEqual(r.returncode, 1, r.stderr)
        self.assertIn("2 new", r.stderr)
        self.assertEqual(rows(self.db, "SELECT count(*) FROM member")[0][0], before + 2)
        self.assertEqual(rows(self.db, "SELECT full_date FROM member WHERE name = '乙'"),
                         [("2006-07-01",)])
        self.assertEqual(rows(self.db, "SELECT count(*) FROM audit_log"
                                       " WHERE table_name = 'import'"), [(1,)])
        r = run("--database", self.db, "backups", "list")
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn("before-import", r.stdout)
        # Usage errors.
        self.assertEqual(run("--database", self.db, "import", roster).returncode, 2)
        r = run("--database", self.db, "import", "members", roster + ".pdf")
        self.assertEqual(r.returncode, 1)
        self.assertIn("neither", r.stderr)

    def test_restore(self):
        self.assertEqual(run("--database", self.db, "demo", "--branches", "2", "--members",
                             "10").returncode, 0)
        copy = os.path.join(self.tmp.name, "copy.db")
        self.assertEqual(run("--database", self.db, "backup", copy).returncode, 0)
        with sqlite3.connect(self.db) as db:
            db.execute("UPDATE member SET phone = '13000000000'")
        # Without --yes it asks; anything but yes changes nothing.
        r = run("--database", self.db, "restore", copy, stdin="n\n")
        self.assertEqual(r.returncode, 1)
        self.assertEqual(rows(self.db, "SELECT count(DISTINCT phone) FROM member"), [(1,)])
        r = run("--database", self.db, "restore", copy, stdin="y\n")
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertGreater(rows(self.db, "SELECT count(DISTINCT phone) FROM member")[0][0], 1)
        r = run("--database", self.db, "backups", "list")
        self.assertIn("before-restore", r.stdout)
        # A foreign file is refused.
        foreign = os.path.join(self.tmp.name, "foreign.db")
        with sqlite3.connect(foreign) as db:
            db.execute("CREATE TABLE t (x)")
        r = run("--database", self.db, "restore", foreign, "--yes")
        self.assertEqual(r.returncode, 1)
        self.assertIn("another program", r.stderr)
        # A damaged database is set aside unchanged and replaced.
        data = bytearray(open(self.db, "rb").read())
        data[4096:4096 + 8192] = b"\xa5" * 8192
        with open(self.db, "wb") as f:
            f.write(data)
        for suffix in ("-wal", "-shm"):
            if os.path.exists(self.db + suffix):
                os.remove(self.db + suffix)
        r = run("--database", self.db, "check")
        self.assertEqual(r.returncode, 1)
        r = run("--database", self.db, "restore", copy, "--yes")
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn("damaged", r.stderr)
        moved = [n for n in os.listdir(self.tmp.name)
                 if ".damaged-" in n and not n.endswith(("-wal", "-shm"))]
        self.assertEqual(len(moved), 1)
        self.assertEqual(open(os.path.join(self.tmp.name, moved[0]), "rb").read(), bytes(data))
        self.assertEqual(rows(self.db, "SELECT count(*) FROM member"), [(10,)])

    def test_messages_are_translated(self):
        r = run("--database", self.db, "frobnicate", lang="zh_CN.UTF-8")
        self.assertEqual(r.returncode, 2)
        self.assertIn("未知", r.stderr)


if __name__ == "__main__":
    unittest.main(verbosity=2)
