/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Handouts: the GB/T 9704 page, tables that paginate cleanly, real text. */
#include "rh-config.h"

#include <string.h>
#include "rh-handout-doc.h"

static char *
pdf_text (const char *path, int page)
{
  g_autofree char *first = g_strdup_printf ("%d", page);
  const char *argv[] = { "pdftotext", "-enc", "UTF-8", "-f", first, "-l", first, path, "-", NULL };
  char *out = NULL;
  int status;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL,
                               G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &out,
                               NULL, &status, NULL));
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

static guint
count (const char *haystack, const char *needle)
{
  guint n = 0;

  for (const char *p = strstr (haystack, needle); p != NULL; p = strstr (p + 1, needle))
    n++;
  return n;
}

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
      g_autofree char *text = pdf_text (path, (int) p);
      g_autofree char *number = g_strdup_printf ("—%u—", p);
      g_autoptr (GString) squeezed = g_string_new (text);
      /* The header on every page, the page number at the foot. */
      g_assert_cmpuint (count (text, "指标名称"), ==, 1);
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

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/handout/table-paginates", test_table_paginates);
  g_test_add_func ("/handout/empty-doc", test_empty_doc);
  return g_test_run ();
}
