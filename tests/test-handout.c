/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Handouts: the GB/T 9704 page, tables that paginate cleanly, real text. */
#include "rh-config.h"

#include <string.h>
#include "rh-assessment.h"
#include "rh-handout-doc.h"
#include "rh-handout.h"
#include "test-util.h"

static void
test_table_paginates (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_BUILT, "handout-40.pdf", NULL);
  g_autoptr (RhDoc) doc = rh_doc_new ();
  g_autoptr (GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  const char *headers[] = { "编号", "指标名称", "满分" };
  const double widths[] = { 0.15, 0.7, 0.15 };
  const gboolean right[] = { FALSE, FALSE, TRUE };
  guint pages, seen[40] = { 0 };

  for (int i = 0; i < 40; i++)
    {
      /* Three lines each: "起" starts a row and "止" ends it. */
      GStrv row = g_new0 (char *, 4);
      row[0] = g_strdup_printf ("Z%02d", i);
      row[1] = g_strdup_printf ("起%02d 第一行的内容\n第二行的内容\n第三行 止%02d", i, i);
      row[2] = g_strdup ("5.00");
      g_ptr_array_add (rows, row);
    }
  rh_doc_add_title (doc, "党支部考核评议材料", "2025 年度");
  rh_doc_add_table (doc, 3, headers, widths, right, rows);
  pages = rh_doc_get_n_pages (doc);
  g_assert_cmpuint (pages, >=, 2);
  g_assert_true (rh_doc_write_pdf (doc, path, "党支部考核评议材料", NULL));

  for (guint p = 1; p <= pages; p++)
    {
      g_autofree char *text = rh_test_pdf_text (path, (int) p);
      g_autofree char *number = g_strdup_printf ("—%u—", p);
      g_autoptr (GString) squeezed = g_string_new (text);
      /* The header on every page, the page number at the foot. */
      g_assert_cmpuint (rh_test_count (text, "指标名称"), ==, 1);
      g_string_replace (squeezed, " ", "", 0);
      g_assert_nonnull (strstr (squeezed->str, number));
      g_assert_true (p > 1 || strstr (text, "党支部考核评议材料") != NULL);
      for (int i = 0; i < 40; i++)
        {
          g_autofree char *start = g_strdup_printf ("起%02d", i), *end = g_strdup_printf ("止%02d", i);
          gboolean has_start = strstr (text, start) != NULL, has_end = strstr (text, end) != NULL;
          /* A row is whole on one page. */
          g_assert_cmpint (has_start, ==, has_end);
          seen[i] += has_start;
        }
    }
  for (int i = 0; i < 40; i++)
    g_assert_cmpuint (seen[i], ==, 1);
}

static void
test_empty_doc (void)
{
  g_autoptr (RhDoc) doc = rh_doc_new ();
  g_autoptr (GPtrArray) rows = g_ptr_array_new ();
  const char *headers[] = { "甲", "乙" };
  const double widths[] = { 0.5, 0.5 };

  /* An empty table still has its header, on one page. */
  rh_doc_add_table (doc, 2, headers, widths, NULL, rows);
  g_assert_cmpuint (rh_doc_get_n_pages (doc), ==, 1);
}

/* A branch's handout from a database: a template of 40 indicators makes a
 * table that runs over pages, its header repeated, each row whole. */
static void
test_branch_handout_40 (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (RhDatabase) db = rh_database_open (":memory:", &error);
  g_autoptr (RhTemplate) t = rh_template_new ("四十项细则", 2025);
  g_autoptr (RhAssessment) a = NULL;
  g_autoptr (RhHandout) handout = NULL;
  g_autofree char *path = g_test_build_filename (G_TEST_BUILT, "handout-branch.pdf", NULL);
  RhCategory *c = rh_template_add_category (t, "基本指标");
  gint64 branch = rh_test_add_org (db, RH_ORG_BRANCH, "第一党支部", 0);
  guint pages, headers = 0, seen[40] = { 0 };

  for (int i = 0; i < 40; i++)
    {
      g_autofree char *code = g_strdup_printf ("Z%02d", i);
      /* Long enough to wrap in its cell: "起" starts it and "止" ends it. */
      g_autofree char *name = g_strdup_printf ("起%02d 党支部落实全面从严治党主体责任与中心工作同谋划同部署情况 止%02d",
                                               i, i);
      rh_category_add_indicator (c, code, name, 2.5, RH_INDICATOR_BASIC, i % RH_N_STARS);
    }
  g_array_append_vals (t->grades, (RhGrade[]) { { g_strdup ("好"), 60 }, { g_strdup ("差"), 0 } }, 2);
  g_assert_true (rh_template_save (db, t, &error));
  g_assert_no_error (error);
  a = rh_assessment_load_or_new (db, branch, "2025", &error);
  a->template_id = t->id;
  a->business_score = 90;
  for (guint i = 0; i < c->indicators->len; i++)
    rh_assessment_score (a, ((RhIndicator *) c->indicators->pdata[i])->id)->self_score = i % 2 ? 2.5 : 1;
  g_assert_true (rh_assessment_save (db, a, &error));
  g_assert_no_error (error);

  handout = rh_handout_new (db, "2025", branch, &error);
  g_assert_no_error (error);
  pages = rh_handout_get_n_pages (handout);
  g_assert_cmpuint (pages, >=, 2);
  g_assert_true (rh_handout_write_pdf (handout, path, &error));
  g_assert_no_error (error);
  for (guint p = 1; p <= pages; p++)
    {
      g_autofree char *text = rh_test_pdf_text (path, (int) p);
      gboolean rows = FALSE;
      for (int i = 0; i < 40; i++)
        {
          g_autofree char *start = g_strdup_printf ("起%02d", i), *end = g_strdup_printf ("止%02d", i);
          g_autofree char *code = g_strdup_printf ("Z%02d", i);
          /* A row is whole on its page (the strengths paragraph, which names
           * indicators too, wraps its lines anywhere: its page is left out). */
          if (strstr (text, "Strengths:") == NULL)
            {
              g_assert_cmpint (strstr (text, start) != NULL, ==, strstr (text, end) != NULL);
              seen[i] += strstr (text, start) != NULL;
            }
          rows |= strstr (text, code) != NULL && strstr (text, "Strengths:") == NULL;
        }
      /* Every page with indicator rows has the table's header. */
      if (rows)
        headers++;
      g_assert_true (!rows || strstr (text, "Counted") != NULL);
    }
  g_assert_cmpuint (headers, >=, 2);
  for (int i = 0; i < 40; i++)
    g_assert_cmpuint (seen[i], ==, 1);
  {
    g_autofree char *first = rh_test_pdf_text (path, 1);
    g_assert_nonnull (strstr (first, "第一党支部"));
    g_assert_nonnull (strstr (first, "Strengths"));
  }
  /* The charts are drawn in the handout's font, like the text around them. */
  g_assert_true (rh_test_file_contains (path, "NotoSansCJK"));
  g_assert_false (rh_test_file_contains (path, "WenQuanYi"));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/handout/table-paginates", test_table_paginates);
  g_test_add_func ("/handout/empty-doc", test_empty_doc);
  g_test_add_func ("/handout/branch-handout-40", test_branch_handout_40);
  return g_test_run ();
}
