#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Excel workbooks read back with a real reader (openpyxl): sheet names, print
set-up, validation, charts, masking, and cached values equal to core's
results as `ronghe-cli score` prints them. With --libreoffice: LibreOffice
headless turns the workbook into CSV without recalculating and, from a copy
whose cached values were wiped, with recalculation; both give core's numbers."""
import csv
import glob
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import unittest
import zipfile

import openpyxl

CLI = os.environ.get("RONGHE_CLI", "build/src/cli/ronghe-cli")
LOCALEDIR = os.environ.get("RONGHE_LOCALEDIR", "build/po")
LIBREOFFICE = "--libreoffice" in sys.argv
if LIBREOFFICE:
    sys.argv.remove("--libreoffice")

SLASH_NAME = "财务/审计:第[1]党支部*?"
LONG_NAME = "东川理工大学计算机科学与技术学院人工智能研究所第一党支部临时一二三四五六七八九十"
LONG_NAME_2 = LONG_NAME[:-1] + "甲"


def run(*args, lang="zh_CN.UTF-8"):
    env = dict(os.environ, LC_ALL=lang, LANG=lang, LANGUAGE="", RONGHE_TODAY="2026-06-01",
               RONGHE_LOCALEDIR=LOCALEDIR)
    env.pop("RONGHE_DATABASE", None)
    return subprocess.run([CLI, *args], capture_output=True, text=True, env=env, timeout=120)


def score_rows(db, period):
    r = run("--database", db, "score", "--period", period, "--format", "tsv")
    assert r.returncode == 0, r.stderr
    lines = r.stdout.rstrip("\n").split("\n")
    head = lines[0].split("\t")
    return [dict(zip(head, line.split("\t"))) for line in lines[1:]]


class Workbooks:
    """One demo database and its workbooks, made once for all tests."""
    tmp = None

    @classmethod
    def make(cls):
        if cls.tmp is not None:
            return cls
        cls.tmp = tempfile.TemporaryDirectory()
        d = cls.tmp.name
        cls.db = os.path.join(d, "demo.db")
        r = run("--database", cls.db, "demo")
        assert r.returncode == 0, r.stderr
        with sqlite3.connect(cls.db) as db:
            ids = [i for (i,) in db.execute(
                "SELECT org_id FROM assessment WHERE period = '2025' ORDER BY org_id LIMIT 3")]
            for org, name in zip(ids, (SLASH_NAME, LONG_NAME, LONG_NAME_2)):
                db.execute("UPDATE organisation SET name = ? WHERE id = ?", (name, org))
            cls.branch = ids[0]
            # An earlier, ended term whose secretary was someone else: not shown.
            db.execute("INSERT INTO committee_term (org_id, start_date, years, ended_date)"
                       " VALUES (?, '2018-01-01', 3, '2021-01-01')", (ids[0],))
            db.execute("INSERT INTO committee_role (term_id, member_id, role)"
                       " SELECT last_insert_rowid(), max(id), 'secretary' FROM member"
                       " WHERE org_id = ?", (ids[0],))
            cls.secretaries = dict(db.execute(
                "SELECT o.name, (SELECT m.name FROM committee_role r"
                " JOIN committee_term t ON t.id = r.term_id JOIN member m ON m.id = r.member_id"
                " WHERE t.org_id = o.id AND t.ended_date IS NULL AND r.role = 'secretary'"
                " ORDER BY m.pinyin LIMIT 1) FROM organisation o"
                " WHERE o.kind = 'branch' AND o.archived_date IS NULL"))
            (cls.general,) = db.execute("SELECT id FROM organisation WHERE kind = 'general_branch'"
                                        " ORDER BY id LIMIT 1").fetchone()
            (cls.n_branches,) = db.execute("SELECT count(*) FROM organisation WHERE kind = 'branch'"
                                           " AND archived_date IS NULL").fetchone()
        cls.scores = score_rows(cls.db, "2025")
        cls.assessment = os.path.join(d, "考核 2025.xlsx")
        cls.roster = os.path.join(d, "roster.xlsx")
        cls.roster_full = os.path.join(d, "roster-full.xlsx")
        cls.roster_sub = os.path.join(d, "roster-sub.xlsx")
        cls.ledger = os.path.join(d, "ledger.xlsx")
        for args in (("assessment", "--period", "2025", "--output", cls.assessment),
                     ("roster", "--output", cls.roster),
                     ("roster", "--no-mask", "--output", cls.roster_full),
                     ("roster", "--branch", str(cls.general), "--output", cls.roster_sub),
                     ("meetings", "--period", "2025", "--branch", str(cls.branch),
                      "--output", cls.ledger)):
            r = run("--database", cls.db, "export", *args)
            assert r.returncode == 0, r.stderr
        cls.wb = openpyxl.load_workbook(cls.assessment)
        cls.values = openpyxl.load_workbook(cls.assessment, data_only=True)
        return cls


def print_setup(test, ws, title_rows="$3:$3"):
    test.assertEqual(ws.page_setup.paperSize, 9)                   # A4
    test.assertEqual(ws.page_setup.orientation, "landscape")
    test.assertTrue(ws.sheet_properties.pageSetUpPr.fitToPage)
    test.assertIn(ws.page_setup.fitToWidth, (None, 1))            # 1 is the default
    test.assertEqual(ws.page_setup.fitToHeight, 0)
    test.assertEqual(ws.print_title_rows, title_rows)
    test.assertEqual(ws.oddFooter.center.text, "第 &P 页，共 &N 页")
    test.assertTrue(ws.oddHeader.center.text)


class AssessmentWorkbookTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.w = Workbooks.make()

    def test_sheet_names(self):
        names = self.w.wb.sheetnames
        self.assertEqual(names[:5], ["汇总", "三会一课", "中心工作", "典型案例", "党员积分与评议"])
        assessed = [s for s in self.w.scores]
        self.assertEqual(len(names), 5 + len(assessed))
        for name in names:
            self.assertLessEqual(len(name), 31, name)
            self.assertIsNone(re.search(r"[\[\]:*?/\\]", name), name)
        self.assertEqual(len({n.casefold() for n in names}), len(names))
        self.assertIn("财务_审计_第_1_党支部__", names)
        self.assertIn(LONG_NAME[:31], names)
        self.assertIn(LONG_NAME[:28] + "(2)", names)

    def test_summary_layout(self):
        ws = self.w.wb["汇总"]
        self.assertIn("A1:J1", [str(r) for r in ws.merged_cells.ranges])
        self.assertIn("中共东川市直机关工作委员会", ws["A1"].value)
        self.assertIn("2025年度", ws["A1"].value)
        self.assertTrue(ws["A1"].font.b)
        self.assertEqual([c.value for c in ws[3]],
                         ["序号", "支部", "书记", "党建得分", "业务得分", "综合得分", "等次", "星级",
                          "排名", "较上期"])
        self.assertEqual(ws["B3"].fill.fgColor.rgb, "FFD9D9D9")
        self.assertEqual(ws["B4"].font.name, "仿宋")
        self.assertEqual(ws["B4"].border.left.style, "thin")
        self.assertEqual(ws.freeze_panes, "C4")
        self.assertEqual(ws.auto_filter.ref, "A3:J%d" % (3 + self.w.n_branches))
        print_setup(self, ws)
        self.assertIn("中共东川市直机关工作委员会", ws.oddHeader.center.text)
        # The grade column takes only the templates' grades.
        dv = [v for v in ws.data_validations.dataValidation if v.type == "list"]
        self.assertEqual(len(dv), 1)
        self.assertEqual(str(dv[0].sqref), "G4:G%d" % (3 + self.w.n_branches))
        self.assertIn("好", dv[0].formula1)
        self.assertLessEqual(len(dv[0].formula1.encode()), 257)
        self.assertEqual(len(ws._charts), 1)
        self.assertEqual(self.w.wb.properties.title, "2025年度党支部考核结果汇总表")
        self.assertEqual(self.w.wb.properties.creator, "中共东川市直机关工作委员会")

    def test_secretaries(self):
        # Each branch's secretary of the current term, on the summary and in
        # its sheet's subtitle; a branch without one has none.
        ws = self.w.wb["汇总"]
        shown = {ws.cell(r, 2).value: ws.cell(r, 3).value
                 for r in range(4, 4 + self.w.n_branches)}
        self.assertEqual(shown, self.w.secretaries)
        self.assertIn(None, shown.values())
        self.assertGreater(len([s for s in shown.values() if s]), 5)
        for name, secretary in self.w.secretaries.items():
            if name in self.w.wb.sheetnames:
                subtitle = self.w.wb[name]["A2"].value
                self.assertIn("支部书记：%s\u3000" % (secretary or "—"), subtitle)

    def test_formulas_cache_core_results(self):
        self.compare_with_core(self.w.wb, self.w.values, self.w.scores)

    def test_drafts_and_quarters_too(self):
        # Every other period of the sample: drafts without business or review
        # scores, submitted ones, quarters.
        with sqlite3.connect(self.w.db) as c:
            periods = [p for (p,) in c.execute("SELECT DISTINCT period FROM assessment"
                                               " WHERE period <> '2025' ORDER BY 1")]
        self.assertGreaterEqual(len(periods), 2)
        for period in periods:
            out = os.path.join(self.w.tmp.name, "p%s.xlsx" % period)
            r = run("--database", self.w.db, "export", "assessment", "--period", period,
                    "--output", out)
            self.assertEqual(r.returncode, 0, r.stderr)
            scores = score_rows(self.w.db, period)
            self.assertTrue(scores)
            self.compare_with_core(openpyxl.load_workbook(out),
                                   openpyxl.load_workbook(out, data_only=True), scores)

    def compare_with_core(self, wb, values_wb, scores):
        ws = wb["汇总"]
        values = values_wb["汇总"]
        core = {s["branch"]: s for s in scores}
        seen = 0
        for row in range(4, 4 + len(scores)):
            name = values.cell(row, 2).value
            s = core[name]
            if s["status"] == "":
                continue
            seen += 1
            # Totals and ranks are formulas, with core's numbers cached.
            self.assertTrue(str(ws.cell(row, 6).value).startswith("="))
            self.assertTrue(str(ws.cell(row, 9).value).startswith("=RANK("))
            self.assertAlmostEqual(values.cell(row, 4).value, float(s["party"]), places=6)
            if s["business"] in ("", "nan"):
                self.assertIn(values.cell(row, 5).value, (None, ""))
            else:
                self.assertAlmostEqual(values.cell(row, 5).value, float(s["business"]), places=6)
            self.assertAlmostEqual(values.cell(row, 6).value, float(s["total"]), places=6)
            self.assertEqual(values.cell(row, 9).value, int(s["rank"]))
            self.assertEqual(values.cell(row, 7).value, s["grade"])
            self.assertEqual(values.cell(row, 8).value, int(s["star_level"]))
            if s["change"] in ("", "nan"):
                self.assertIn(values.cell(row, 10).value, (None, ""))
            else:
                self.assertAlmostEqual(values.cell(row, 10).value, float(s["change"]), places=6)
            # The summary's total points at the branch sheet, whose cell caches the same.
            m = re.match(r"^='(.+)'!\$G\$(\d+)$", ws.cell(row, 6).value)
            sheet, cell_row = m.group(1).replace("''", "'"), int(m.group(2))
            self.assertAlmostEqual(values_wb[sheet].cell(cell_row, 7).value,
                                   float(s["total"]), places=6)
        self.assertEqual(seen, len(scores))

    def test_branch_sheet(self):
        # Both long names begin alike: the one that got the plain 31 characters.
        name = LONG_NAME[:31]
        ws = self.w.wb[name]
        full = LONG_NAME if ws["A1"].value.startswith(LONG_NAME + "2025") else LONG_NAME_2
        self.assertTrue(ws["A1"].value.startswith(full + "2025年度"))
        values = self.w.values[name]
        self.assertEqual([c.value for c in ws[3]][:8],
                         ["目标/类别", "考核项目", "考核内容", "评分说明", "分值", "自查分", "考核分", "说明"])
        self.assertEqual(ws.freeze_panes, "A4")
        print_setup(self, ws)
        labels = {ws.cell(r, 1).value: r for r in range(4, ws.max_row + 1) if ws.cell(r, 1).value}
        # Category subtotals are SUMs of their rows.
        sub = [r for label, r in labels.items() if label.startswith("小计")]
        self.assertGreaterEqual(len(sub), 4)
        for r in sub:
            self.assertTrue(ws.cell(r, 7).value.startswith("=SUM(G"), ws.cell(r, 7).value)
        for section in ("加分项", "扣分项", "一票否决"):
            self.assertTrue(any(label.startswith(section) for label in labels), section)
        self.assertTrue(any("支部书记签字" in label for label in labels))
        self.assertTrue(any("上级党委审核意见" in label for label in labels))
        # The radar chart, and the automatic indicators name their source.
        self.assertEqual(len(ws._charts), 1)
        remarks = [ws.cell(r, 8).value or "" for r in range(4, ws.max_row + 1)]
        self.assertTrue(any(t.startswith("自动：") for t in remarks))
        core = next(s for s in self.w.scores if s["branch"] == full)
        party_row = next(r for label, r in labels.items() if label.startswith("党建得分"))
        self.assertTrue(ws.cell(party_row, 7).value.startswith("=MAX(0,"))
        # The grade follows the template's cut-offs and the veto, as a formula too.
        grade_row = next(r for label, r in labels.items() if label == "等次")
        self.assertTrue(ws.cell(grade_row, 7).value.startswith("=IF("))
        self.assertEqual(values.cell(grade_row, 7).value, core["grade"])
        self.assertAlmostEqual(values.cell(party_row, 7).value, float(core["party"]), places=6)

    def test_links_and_widths(self):
        ws = self.w.wb["汇总"]
        # Each assessed branch's name leads to its sheet.
        link = ws["B4"].hyperlink
        self.assertIsNotNone(link)
        sheet = link.location.split("!")[0].strip("'").replace("''", "'")
        self.assertIn(sheet, self.w.wb.sheetnames)
        self.assertTrue(self.w.wb[sheet]["A1"].value.startswith(ws["B4"].value))
        # Column widths count Chinese characters double: the branch column fits
        # the longest name; the number columns stay narrow.
        names = [ws.cell(r, 2).value for r in range(4, 4 + self.w.n_branches)]
        widest = max(2 * len(n) for n in names)
        self.assertGreaterEqual(ws.column_dimensions["B"].width, min(widest, 40))
        self.assertLess(ws.column_dimensions["D"].width, 20)

    def test_one_branch(self):
        out = os.path.join(self.w.tmp.name, "one.xlsx")
        r = run("--database", self.w.db, "export", "assessment", "--period", "2025",
                "--branch", str(self.w.branch), "--output", out)
        self.assertEqual(r.returncode, 0, r.stderr)
        wb = openpyxl.load_workbook(out)
        values = openpyxl.load_workbook(out, data_only=True)
        self.assertEqual(len(wb.sheetnames), 6)
        self.assertEqual(wb.sheetnames[5], "财务_审计_第_1_党支部__")
        core = next(s for s in self.w.scores if s["branch_id"] == str(self.w.branch))
        summary = values["汇总"]
        self.assertEqual(summary["B4"].value, SLASH_NAME)
        # The rank is the branch's rank in the whole committee.
        self.assertEqual(summary["I4"].value, int(core["rank"]))
        self.assertAlmostEqual(summary["F4"].value, float(core["total"]), places=6)
        # Member points, member by member: total = base + earned (0 after a veto).
        points = wb["党员积分与评议"]
        pv = values["党员积分与评议"]
        self.assertEqual([c.value for c in points[3]][:3], ["排名", "姓名", "基础分"])
        with sqlite3.connect(self.w.db) as c:
            (members,) = c.execute("SELECT count(*) FROM member WHERE org_id = ? AND"
                                   " archived_date IS NULL AND admitted_date IS NOT NULL",
                                   (self.w.branch,)).fetchone()
        rows = [r for r in pv.iter_rows(min_row=4, values_only=True) if r[0] is not None]
        self.assertEqual(len(rows), members)
        # Core's ranks: ties share a rank, the next rank counts the members above.
        for i, r in enumerate(rows):
            tied = i > 0 and r[4] == rows[i - 1][4]
            self.assertEqual(r[0], rows[i - 1][0] if tied else i + 1)
        for r in rows:
            if r[5] != "一票否决":
                self.assertEqual(r[4], max(0, r[2] + r[3]))
        self.assertEqual(sorted((r[4] for r in rows), reverse=True), [r[4] for r in rows])

    def test_long_grade_list_goes_to_a_hidden_sheet(self):
        # Grade labels over libxlsxwriter's 255-byte list: the list moves to a hidden sheet.
        db = os.path.join(self.w.tmp.name, "grades.db")
        out = os.path.join(self.w.tmp.name, "grades.xlsx")
        shutil.copy(self.w.db, db)
        labels = ["第%d等次（按上级党委考核办法第%d条评定）" % (i, i) for i in range(1, 9)]
        grades = ";".join("%s:%d" % (label, 90 - 10 * i) for i, label in enumerate(labels))
        with sqlite3.connect(db) as c:
            c.execute("UPDATE assessment_template SET grades = ?", (grades,))
        r = run("--database", db, "export", "assessment", "--period", "2025", "--output", out)
        self.assertEqual(r.returncode, 0, r.stderr)
        wb = openpyxl.load_workbook(out)
        self.assertIn("选项列表", wb.sheetnames)
        self.assertEqual(wb["选项列表"].sheet_state, "hidden")
        listed = [row[0] for row in wb["选项列表"].iter_rows(values_only=True)]
        self.assertTrue(set(labels) <= set(listed))
        dv = [v for v in wb["汇总"].data_validations.dataValidation if v.type == "list"]
        self.assertEqual(dv[0].formula1, "'选项列表'!$A$1:$A$%d" % len(listed))

    def test_other_sheets(self):
        for name in ("三会一课", "中心工作", "典型案例", "党员积分与评议"):
            ws = self.w.wb[name]
            print_setup(self, ws, "$3:$4" if name == "三会一课" else "$3:$3")
            self.assertTrue(any(str(r).startswith("A1:") for r in ws.merged_cells.ranges))
        ws = self.w.wb["三会一课"]
        # A title that starts with a digit keeps it in the page header.
        self.assertEqual(ws.oddHeader.center.text, "2025年度三会一课落实情况")
        self.assertEqual(ws.oddHeader.center.size, 12)
        self.assertEqual(ws["A3"].value, "序号")
        self.assertIn("支部党员大会", [c.value for c in ws[3]])
        tasks = self.w.wb["中心工作"]
        self.assertIn("同安排布置", [c.value for c in tasks[3]])


class RosterTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.w = Workbooks.make()

    def test_ids_and_phones_masked_by_default(self):
        ws = openpyxl.load_workbook(self.w.roster)["党员花名册"]
        head = [c.value for c in ws[3]]
        self.assertEqual(head[:4], ["序号", "姓名", "性别", "公民身份号码"])
        id_col, phone_col = head.index("公民身份号码") + 1, head.index("联系电话") + 1
        with sqlite3.connect(self.w.db) as db:
            (expected,) = db.execute("SELECT count(*) FROM member WHERE archived_date IS NULL"
                                     " AND status IN ('probationary', 'full')").fetchone()
        rows = list(ws.iter_rows(min_row=4, values_only=True))
        self.assertEqual(len(rows), expected)
        ids = [r[id_col - 1] for r in rows if r[id_col - 1]]
        self.assertTrue(ids)
        for i in ids:
            self.assertRegex(i, r"^\d{6}\*{8}\d{3}[\dX]$")
        phones = [r[phone_col - 1] for r in rows if r[phone_col - 1]]
        for p in phones:
            self.assertRegex(p, r"^\d{3}\*{4}\d{4}$")
        self.assertEqual(ws.freeze_panes, "C4")
        print_setup(self, ws)

    def test_members_by_branch_then_pinyin(self):
        ws = openpyxl.load_workbook(self.w.roster_full)["党员花名册"]
        rows = [(r[1], r[3], r[8]) for r in ws.iter_rows(min_row=4, values_only=True)]
        with sqlite3.connect(self.w.db) as db:
            expected = db.execute(
                "SELECT m.name, m.id_number, b.name FROM member m JOIN organisation b"
                " ON b.id = m.org_id WHERE m.archived_date IS NULL"
                " AND m.status IN ('probationary', 'full')"
                " ORDER BY b.pinyin, b.id, m.pinyin, m.id").fetchall()
        self.assertEqual(rows, expected)
        self.assertEqual([r[0] for r in ws.iter_rows(min_row=4, max_col=1, values_only=True)],
                         list(range(1, len(expected) + 1)))

    def test_a_general_branch_gives_its_subtree(self):
        ws = openpyxl.load_workbook(self.w.roster_sub)["党员花名册"]
        with sqlite3.connect(self.w.db) as db:
            expected = db.execute(
                "SELECT m.name FROM member m JOIN organisation b ON b.id = m.org_id"
                " WHERE m.archived_date IS NULL AND m.status IN ('probationary', 'full')"
                " AND (b.id = ?1 OR b.parent_id = ?1 OR b.parent_id IN"
                " (SELECT id FROM organisation WHERE parent_id = ?1))"
                " ORDER BY b.pinyin, b.id, m.pinyin, m.id", (self.w.general,)).fetchall()
        self.assertTrue(expected)
        self.assertEqual([(r[1],) for r in ws.iter_rows(min_row=4, values_only=True)], expected)

    def test_no_mask_writes_them_in_full(self):
        ws = openpyxl.load_workbook(self.w.roster_full)["党员花名册"]
        with sqlite3.connect(self.w.db) as db:
            real = {i for (i,) in db.execute("SELECT id_number FROM member"
                                             " WHERE id_number IS NOT NULL")}
        ids = [r[3] for r in ws.iter_rows(min_row=4, values_only=True) if r[3]]
        self.assertTrue(ids)
        self.assertTrue(set(ids) <= real)


class LedgerTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.w = Workbooks.make()

    def test_meetings_in_date_order(self):
        wb = openpyxl.load_workbook(self.w.ledger)
        values = openpyxl.load_workbook(self.w.ledger, data_only=True)
        ws, vs = wb.worksheets[0], values.worksheets[0]
        self.assertEqual(ws.title, "三会一课台账")
        with sqlite3.connect(self.w.db) as db:
            meetings = db.execute(
                "SELECT date, expected, present FROM meeting WHERE (org_id = ?1 OR org_id IN"
                " (SELECT id FROM organisation WHERE parent_id = ?1))"
                " AND date BETWEEN '2025-01-01' AND '2025-12-31' ORDER BY date, id",
                (self.w.branch,)).fetchall()
        self.assertTrue(meetings)
        for i, (date, expected, present) in enumerate(meetings):
            row = 4 + i
            self.assertEqual(vs.cell(row, 2).value, date)
            self.assertEqual(vs.cell(row, 9).value, expected)
            self.assertEqual(ws.cell(row, 11).value, "=IF(I%d=0,\"\",J%d/I%d)" % (row, row, row))
            if expected:
                self.assertAlmostEqual(vs.cell(row, 11).value, present / expected, places=9)
        print_setup(self, ws)


class SafetyTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.w = Workbooks.make()

    def test_unwritable_target(self):
        d = tempfile.mkdtemp()
        try:
            target = os.path.join(d, "missing", "out.xlsx")
            r = run("--database", self.w.db, "export", "roster", "--output", target)
            self.assertEqual(r.returncode, 1)
            self.assertIn("missing", r.stderr)
            self.assertFalse(os.path.exists(target))
            # A folder in the way: nothing is left beside it.
            os.mkdir(os.path.join(d, "dir.xlsx"))
            r = run("--database", self.w.db, "export", "assessment", "--period", "2025",
                    "--output", os.path.join(d, "dir.xlsx"))
            self.assertEqual(r.returncode, 1)
            self.assertIn("无法写入", r.stderr)
            self.assertEqual(os.listdir(d), ["dir.xlsx"])
        finally:
            shutil.rmtree(d)

    def test_usage(self):
        self.assertEqual(run("--database", self.w.db, "export", "roster").returncode, 2)
        self.assertEqual(run("--database", self.w.db, "export", "meetings", "--period", "2025",
                             "--output", "x.xlsx").returncode, 2)
        self.assertEqual(run("--database", self.w.db, "export", "nonsense", "--output",
                             "x.xlsx").returncode, 2)


def libreoffice_csv(xlsx, outdir, recalc, also=None):
    """Each sheet as UTF-8 CSV, as shown; recalc: LibreOffice recalculates on load."""
    profile = os.path.join(outdir, "profile")
    os.makedirs(os.path.join(profile, "user"), exist_ok=True)
    with open(os.path.join(profile, "user", "registrymodifications.xcu"), "w") as f:
        f.write('<?xml version="1.0" encoding="UTF-8"?>\n'
                '<oor:items xmlns:oor="http://openoffice.org/2001/registry"'
                ' xmlns:xs="http://www.w3.org/2001/XMLSchema"'
                ' xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\n'
                '<item oor:path="/org.openoffice.Office.Calc/Formula/Load">'
                '<prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>%d</value></prop></item>\n'
                '</oor:items>\n' % (0 if recalc else 1))
    r = subprocess.run(["soffice", "-env:UserInstallation=file://" + profile, "--headless",
                        "--convert-to",
                        "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1",
                        "--outdir", outdir, xlsx] + ([also] if also else []),
                       capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stderr
    results = []
    for book in [xlsx] + ([also] if also else []):
        out = {}
        base = os.path.splitext(os.path.basename(book))[0]
        for path in glob.glob(os.path.join(outdir, base + "-*.csv")):
            with open(path, encoding="utf-8") as f:
                out[path[len(os.path.join(outdir, base)) + 1:-4]] = list(csv.reader(f))
        results.append(out)
    return results if also else results[0]


def wipe_cached_values(src, dst):
    """A copy whose numeric formula results are all 0: only recalculation gets them back."""
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename.startswith("xl/worksheets/sheet"):
                text = data.decode()
                text = re.sub(r"(<c [^>]*?)(?<! t=\"str\")>(<f>[^<]*</f>)<v>[^<]*</v>",
                              lambda m: m.group(1) + ">" + m.group(2) + "<v>0</v>"
                              if ' t="str"' not in m.group(1) else m.group(0), text)
                data = text.encode()
            zout.writestr(item, data)


@unittest.skipUnless(LIBREOFFICE and shutil.which("soffice"), "LibreOffice run separately")
class LibreOfficeTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.w = Workbooks.make()

    def summary_rows(self, sheets):
        rows = sheets["汇总"]
        self.assertIn("中共东川市直机关工作委员会", rows[0][0])
        self.assertEqual(rows[2][:3], ["序号", "支部", "书记"])
        return {r[1]: r for r in rows[3:3 + len(self.w.scores)]}

    def check(self, sheets):
        rows = self.summary_rows(sheets)
        for s in self.w.scores:
            if s["status"] == "":
                continue
            r = rows[s["branch"]]
            self.assertEqual(r[3], s["party"])
            self.assertEqual(r[5], s["total"])
            self.assertEqual(r[8], s["rank"])
            self.assertEqual(r[6], s["grade"])
        # The branch sheet with a long name: Chinese text and its total.
        sheet = sheets[LONG_NAME[:31]]
        self.assertEqual(sheet[2][:4], ["目标/类别", "考核项目", "考核内容", "评分说明"])
        full = LONG_NAME if sheet[0][0].startswith(LONG_NAME + "2025") else LONG_NAME_2
        core = next(s for s in self.w.scores if s["branch"] == full)
        total = next(r for r in sheet if r[0] == "综合得分")
        self.assertEqual(total[6], core["total"])

    def test_without_and_with_recalculation(self):
        d = tempfile.mkdtemp()
        try:
            plain = os.path.join(d, "plain")
            wiped_dir = os.path.join(d, "wiped")
            os.makedirs(plain)
            os.makedirs(wiped_dir)
            # A copy with every numeric cached value wiped to 0.
            wiped = os.path.join(wiped_dir, "wiped.xlsx")
            wipe_cached_values(self.w.assessment, wiped)
            v = openpyxl.load_workbook(wiped, data_only=True)["汇总"]
            self.assertEqual(v["F4"].value, 0)
            # Without recalculation LibreOffice shows the cached values: the
            # wiped copy shows 0, so the right numbers of the real one are its cache.
            real, unrecalculated = libreoffice_csv(self.w.assessment, plain, recalc=False,
                                                   also=wiped)
            self.check(real)
            self.assertEqual(self.summary_rows(unrecalculated)[self.w.scores[0]["branch"]][5],
                             "0.00")
            # With recalculation forced, the formulas alone give core's numbers.
            self.check(libreoffice_csv(wiped, wiped_dir, recalc=True))
        finally:
            shutil.rmtree(d)


if __name__ == "__main__":
    unittest.main(verbosity=2, defaultTest="LibreOfficeTest" if LIBREOFFICE else None)
