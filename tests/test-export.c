/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Export helpers (sheet names, widths, masks) and the safety of writing:
 * an unwritable target gives a clear error and leaves no file behind. The
 * workbooks themselves are read back with openpyxl and LibreOffice in
 * test-export.py. */
#include "rh-config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <string.h>
#include "rh-assessment.h"
#include "rh-export.h"
#include "rh-xlsx-util.h"
#include "test-util.h"

static void
test_sheet_names (void)
{
  g_autoptr (GHashTable) used = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  /* 40 characters: 4 + 36. */
  const char *long_name = "东川理工大学计算机科学与技术学院人工智能研究所第一党支部（临时）一二三四五六七八";
  g_autofree char *a = rh_xlsx_safe_sheet_name (used, "财务/审计:第[1]党支部*?\\");
  g_autofree char *b = rh_xlsx_safe_sheet_name (used, long_name);
  g_autofree char *c = rh_xlsx_safe_sheet_name (used, long_name);
  g_autofree char *d = rh_xlsx_safe_sheet_name (used, "'引号'");
  g_autofree char *e = rh_xlsx_safe_sheet_name (used, "");
  g_autofree char *f = rh_xlsx_safe_sheet_name (used, "Summary");
  g_autofree char *g = rh_xlsx_safe_sheet_name (used, "SUMMARY");
  g_autofree char *h = rh_xlsx_safe_sheet_name (NULL, "a'");

  g_assert_cmpint (g_utf8_strlen (long_name, -1), ==, 40);
  g_assert_cmpstr (a, ==, "财务_审计_第_1_党支部___");
  g_assert_cmpint (g_utf8_strlen (b, -1), ==, 31);
  g_assert_true (g_str_has_prefix (long_name, b));
  /* The second gets a number and still fits in 31. */
  g_assert_cmpint (g_utf8_strlen (c, -1), ==, 31);
  g_assert_true (g_str_has_suffix (c, "(2)"));
  g_assert_cmpstr (d, ==, "引号");
  g_assert_cmpstr (e, ==, "Sheet");
  g_assert_cmpstr (f, ==, "Summary");
  /* Excel compares sheet names ignoring case. */
  g_assert_cmpstr (g, ==, "SUMMARY(2)");
  g_assert_cmpstr (h, ==, "a");
}

static void
test_widths_and_refs (void)
{
  g_autofree char *q = rh_xlsx_quote_sheet ("O'Brien 支部");
  g_autofree char *c1 = rh_xlsx_cell (0, 0, FALSE);
  g_autofree char *c2 = rh_xlsx_cell (11, 27, TRUE);

  g_assert_cmpfloat (rh_xlsx_text_width ("党支部"), ==, 6);
  g_assert_cmpfloat (rh_xlsx_text_width ("ab"), ==, 2);
  g_assert_cmpfloat (rh_xlsx_text_width ("党a1"), ==, 4);
  /* Chinese quotation marks are full width in Chinese fonts. */
  g_assert_cmpfloat (rh_xlsx_text_width ("“党”"), ==, 6);
  /* The widest line counts. */
  g_assert_cmpfloat (rh_xlsx_text_width ("ab\n党支部委员会"), ==, 12);
  /* Ideographic space and full-width forms are wide, accented Latin is not;
   * ★ (ambiguous) and an emoji (four bytes) are wide. */
  g_assert_cmpfloat (rh_xlsx_text_width ("\u3000ＡＢ"), ==, 6);
  g_assert_cmpfloat (rh_xlsx_text_width ("café"), ==, 4);
  g_assert_cmpfloat (rh_xlsx_text_width ("★\U0001F600"), ==, 4);
  /* A text cut inside a character counts each stray byte, and stops at its end. */
  g_assert_cmpfloat (rh_xlsx_text_width ("党\xe5\x85"), ==, 4);
  g_assert_cmpstr (q, ==, "'O''Brien 支部'");
  g_assert_cmpstr (c1, ==, "A1");
  g_assert_cmpstr (c2, ==, "$AB$12");
}

static void
test_masks (void)
{
  g_autofree char *id = rh_export_mask_id ("11010519491231002X");
  g_autofree char *phone = rh_export_mask_phone ("13812345678");
  g_autofree char *shortp = rh_export_mask_phone ("12");

  g_assert_cmpstr (id, ==, "110105********002X");
  g_assert_cmpstr (phone, ==, "138****5678");
  g_assert_cmpstr (shortp, ==, "**");
  g_assert_null (rh_export_mask_id (NULL));
}

/* A database with one assessed branch: 30 points entered on A1–A3 of the
 * default template. */
static RhDatabase *
small_database (const char *dir, gint64 *branch)
{
  g_autofree char *path = g_build_filename (dir, "t.db", NULL);
  RhDatabase *db = rh_database_open (path, NULL);
  gint64 top = rh_test_add_org (db, RH_ORG_COMMITTEE, "测试党委", 0);
  g_autoptr (RhAssessment) a = NULL;
  g_autoptr (RhTemplate) t = NULL;
  RhCategory *cat;

  *branch = rh_test_add_org (db, RH_ORG_BRANCH, "财务/审计党支部", top);
  a = rh_assessment_load_or_new (db, *branch, "2025", NULL);
  t = rh_template_load (db, a->template_id, NULL);
  cat = t->categories->pdata[0];
  for (guint i = 0; i < 3; i++)
    {
      RhIndicator *ind = cat->indicators->pdata[i];
      rh_assessment_score (a, ind->id)->self_score = ind->max_points;
    }
  a->review_score = 90;
  g_assert_true (rh_assessment_save (db, a, NULL));
  return db;
}

static guint
count_files (const char *dir)
{
  g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
  guint n = 0;

  while (g_dir_read_name (d) != NULL)
    n++;
  return n;
}

static void
test_details_match_scores (void)
{
  g_autofree char *dir = g_dir_make_tmp ("rh-export-XXXXXX", NULL);
  gint64 branch;
  g_autoptr (RhDatabase) db = small_database (dir, &branch);
  g_autoptr (GPtrArray) all = rh_assessment_score_all (db, "2025", NULL);
  g_autoptr (RhScoreDetails) details = rh_assessment_details (db, "2025", 0, NULL);
  RhScoreDetail *d = g_hash_table_lookup (details->branches, &branch);
  RhScoreResult *r = all->pdata[0];
  double sum = 0;

  g_assert_nonnull (d);
  for (guint c = 0, k = 0; c < d->template_->categories->len; c++)
    {
      RhCategory *cat = d->template_->categories->pdata[c];
      for (guint i = 0; i < cat->indicators->len; i++, k++)
        if (((RhIndicator *) cat->indicators->pdata[i])->kind == RH_INDICATOR_BASIC)
          sum += d->effective[k];
    }
  /* A1–A3 of the default template are worth 5 + 4 + 3. */
  g_assert_cmpfloat (d->result.basic, ==, 12);
  g_assert_cmpfloat (r->party, ==, d->result.party);
  g_assert_cmpfloat (r->total, ==, round ((0.7 * 12 + 0.3 * 90) * 100) / 100);
  g_assert_cmpfloat (sum, ==, d->result.basic);
}

static void
test_unwritable_target (void)
{
  g_autofree char *dir = g_dir_make_tmp ("rh-export-XXXXXX", NULL);
  g_autofree char *missing = g_build_filename (dir, "no-such-folder", "a.xlsx", NULL);
  g_autofree char *folder = g_build_filename (dir, "a-folder.xlsx", NULL);
  g_autofree char *good = g_build_filename (dir, "good.xlsx", NULL);
  g_autoptr (GError) error = NULL;
  gint64 branch;
  g_autoptr (RhDatabase) db = small_database (dir, &branch);
  RhExportOptions options = { .period = "2025" };
  guint before;

  /* A folder that does not exist. */
  g_assert_false (rh_export_assessment (db, missing, &options, &error));
  g_assert_error (error, RH_EXPORT_ERROR, RH_EXPORT_ERROR_WRITE);
  g_assert_nonnull (strstr (error->message, "no-such-folder"));
  g_clear_error (&error);

  /* A target that cannot be replaced (a folder): written, then the rename
   * fails; the temporary file goes and the folder stays as it was. */
  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  before = count_files (dir);
  g_assert_false (rh_export_assessment (db, folder, &options, &error));
  g_assert_error (error, RH_EXPORT_ERROR, RH_EXPORT_ERROR_WRITE);
  g_assert_nonnull (strstr (error->message, "a-folder.xlsx"));
  g_assert_cmpuint (count_files (dir), ==, before);
  g_assert_true (g_file_test (folder, G_FILE_TEST_IS_DIR));
  g_clear_error (&error);

  /* And the same export to a good path works, leaving only the workbook. It
   * only reads: it works on a read-only connection, and leaves no transaction open. */
  g_assert_true (rh_database_exec (db, "PRAGMA query_only = ON", NULL));
  g_assert_true (rh_export_assessment (db, good, &options, &error));
  g_assert_no_error (error);
  g_assert_true (sqlite3_get_autocommit (rh_database_get_handle (db)));
  g_assert_cmpuint (count_files (dir), ==, before + 1);
  options.branch_id = branch;
  options.period = "2025";
  g_assert_true (rh_export_meetings (db, good, &options, &error));
  g_assert_true (rh_export_roster (db, good, &options, &error));
  g_assert_cmpuint (count_files (dir), ==, before + 1);
  g_assert_true (sqlite3_get_autocommit (rh_database_get_handle (db)));
  g_assert_true (rh_database_exec (db, "PRAGMA query_only = OFF", NULL));

  /* Cancelled: an error, and no file. */
  {
    g_autoptr (GCancellable) cancellable = g_cancellable_new ();
    g_autofree char *other = g_build_filename (dir, "cancelled.xlsx", NULL);
    RhExportOptions cancelled = { .period = "2025", .branch_id = branch,
                                  .cancellable = cancellable };
    RhExportOptions committee = { .period = "2025", .cancellable = cancellable };
    g_cancellable_cancel (cancellable);
    g_assert_false (rh_export_assessment (db, other, &cancelled, &error));
    g_assert_error (error, RH_EXPORT_ERROR, RH_EXPORT_ERROR_CANCELLED);
    g_clear_error (&error);
    /* The whole committee's: its branch sheets are written in a thread of their own. */
    g_assert_false (rh_export_assessment (db, other, &committee, &error));
    g_assert_error (error, RH_EXPORT_ERROR, RH_EXPORT_ERROR_CANCELLED);
    g_clear_error (&error);
    g_assert_false (rh_export_meetings (db, other, &cancelled, &error));
    g_assert_error (error, RH_EXPORT_ERROR, RH_EXPORT_ERROR_CANCELLED);
    g_clear_error (&error);
    g_assert_false (rh_export_roster (db, other, &cancelled, &error));
    g_assert_error (error, RH_EXPORT_ERROR, RH_EXPORT_ERROR_CANCELLED);
    g_clear_error (&error);
    g_assert_cmpuint (count_files (dir), ==, before + 1);
  }

  /* Bad input: a branch that does not exist. */
  options.branch_id = 999;
  g_assert_false (rh_export_assessment (db, good, &options, &error));
  g_assert_error (error, RH_EXPORT_ERROR, RH_EXPORT_ERROR_INPUT);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/export/sheet-names", test_sheet_names);
  g_test_add_func ("/export/widths-and-refs", test_widths_and_refs);
  g_test_add_func ("/export/masks", test_masks);
  g_test_add_func ("/export/details-match-scores", test_details_match_scores);
  g_test_add_func ("/export/unwritable-target", test_unwritable_target);
  return g_test_run ();
}
