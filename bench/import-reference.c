/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Import speed against a reference measured in the same run.
 *
 *   bench/import-reference [ROWS]      (default 100000)
 *
 * Writes a roster CSV of ROWS valid members, then
 *  1. imports it with Ronghe (read, map, check every row, write in one transaction), and
 *  2. as the reference, inserts the same rows with bare prepared SQLite statements into the
 *     same schema, indexes and triggers, in one transaction and through the same bulk load
 *     (rh_member_bulk_begin/end: the members' audit rows, search index and, into the empty
 *     table, the member indexes written once at the end), with the values (pinyin keys and
 *     all) computed before the clock starts;
 * and prints both times and their ratio. Everything happens in a temporary folder. */
#include "rh-config.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <sys/resource.h>
#include "rh-database.h"
#include "rh-import.h"
#include "rh-member.h"
#include "rh-org.h"
#include "rh-pinyin.h"
#include "rh-validate.h"

static const char SURNAMES[] = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗";
static const char GIVEN[] = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀英华";

/* Processor time of this process (user and system), seconds: less disturbed than the wall
 * clock by other work on a shared machine. */
static double
cpu_now (void)
{
  struct rusage u;

  getrusage (RUSAGE_SELF, &u);
  return u.ru_utime.tv_sec + u.ru_stime.tv_sec + (u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

static char *
utf8_at (const char *s, int i)
{
  const char *p = g_utf8_offset_to_pointer (s, i);

  return g_strndup (p, g_utf8_next_char (p) - p);
}

static char *
write_roster (const char *dir, int rows)
{
  char *path = g_build_filename (dir, "roster.csv", NULL);
  GString *csv = g_string_new ("姓名,性别,民族,出生日期,身份证号,学历,所在支部,人员类别,入党时间,"
                               "转正时间,工作岗位,联系电话\n");
  GRand *rand = g_rand_new_with_seed (1);
  int n_sur = g_utf8_strlen (SURNAMES, -1), n_giv = g_utf8_strlen (GIVEN, -1);

  for (int i = 0; i < rows; i++)
    {
      int y = 1960 + i % 40, m = 1 + (i / 40) % 12, d = 1 + (i / 480) % 28;
      int seq = (i / (40 * 12 * 28)) % 500;
      gboolean male = i % 2 == 0;
      g_autofree char *birth = g_strdup_printf ("%04d%02d%02d", y, m, d);
      g_autofree char *first17 = g_strdup_printf ("%06d%s%03d", 110101 + i / 50000, birth,
                                                  seq * 2 + (male ? 1 : 0));
      g_autofree char *a = utf8_at (SURNAMES, g_rand_int_range (rand, 0, n_sur));
      g_autofree char *b = utf8_at (GIVEN, g_rand_int_range (rand, 0, n_giv));
      g_autofree char *c = utf8_at (GIVEN, g_rand_int_range (rand, 0, n_giv));

      g_string_append_printf (csv, "%s%s%s,%s,汉族,%04d-%02d-%02d,%s%c,本科,,正式党员,"
                                   "%04d-07-01,%04d-07-01,科员,138%08d\n",
                              a, b, c, male ? "男" : "女", y, m, d, first17,
                              rh_id_check_char (first17), y + 25, y + 26, i);
    }
  g_file_set_contents (path, csv->str, (gssize) csv->len, NULL);
  g_string_free (csv, TRUE);
  g_rand_free (rand);
  return path;
}

static RhDatabase *
fresh_database (const char *dir, const char *name, gint64 *branch)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr (GError) error = NULL;
  RhDatabase *db = rh_database_open (path, &error);
  g_autoptr (RhOrg) org = rh_org_new (RH_ORG_BRANCH, "第一党支部");

  if (db == NULL || !rh_org_insert (db, org, &error))
    g_error ("%s", error->message);
  *branch = org->id;
  return db;
}

/* Where Ronghe's time goes: reading the file, checking every row, writing. */
static double read_seconds, check_seconds, write_seconds;
static double ronghe_cpu, reference_cpu;

static double
ronghe_import (const char *dir, const char *csv, gint64 *count)
{
  gint64 branch;
  g_autoptr (RhDatabase) db = fresh_database (dir, "ronghe.db", &branch);
  g_autoptr (GError) error = NULL;
  g_autoptr (RhSheet) sheet = NULL;
  g_autoptr (RhImportPlan) plan = NULL;
  RhImportMapping mapping;
  gint64 start = g_get_monotonic_time (), t1, t2;
  double cpu = cpu_now ();

  sheet = rh_import_read_file (csv, NULL, &error);
  if (sheet == NULL)
    g_error ("%s", error->message);
  t1 = g_get_monotonic_time ();
  rh_import_mapping_detect (sheet, &mapping);
  plan = rh_import_prepare (db, sheet, &mapping, branch, &error);
  if (plan == NULL)
    g_error ("%s", error->message);
  t2 = g_get_monotonic_time ();
  if (!rh_import_commit (db, plan, NULL, NULL, NULL, &error))
    g_error ("%s", error->message);
  read_seconds = (t1 - start) / 1e6;
  check_seconds = (t2 - t1) / 1e6;
  write_seconds = (g_get_monotonic_time () - t2) / 1e6;
  *count = rh_database_query_int (db, "SELECT count(*) FROM member");
  ronghe_cpu = cpu_now () - cpu;
  return (g_get_monotonic_time () - start) / 1e6;
}

/* The same rows, bound straight into the same INSERT that Ronghe runs. */
static double fts_seconds;

static double
reference_insert (const char *dir, const char *csv, gint64 *count)
{
  gint64 branch;
  g_autoptr (RhDatabase) db = fresh_database (dir, "reference.db", &branch);
  g_autoptr (GError) error = NULL;
  g_autoptr (RhSheet) sheet = rh_import_read_file (csv, NULL, &error);
  sqlite3 *handle = rh_database_get_handle (db);
  sqlite3_stmt *stmt = NULL;
  g_autoptr (GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);
  gint64 start;
  double cpu;

  if (sheet == NULL)
    g_error ("%s", error->message);
  /* Values computed before the clock starts: pinyin, initials, search text. */
  for (guint r = 1; r < rh_sheet_n_rows (sheet); r++)
    {
      char *pinyin, *initials;

      rh_pinyin_keys (rh_sheet_cell (sheet, r, 0), &pinyin, &initials);
      g_ptr_array_add (keys, pinyin);
      g_ptr_array_add (keys, initials);
      g_ptr_array_add (keys, rh_pinyin_search_text (rh_sheet_cell (sheet, r, 0),
                                                     rh_sheet_cell (sheet, r, 4)));
    }
  start = g_get_monotonic_time ();
  cpu = cpu_now ();
  rh_database_exec (db, "PRAGMA cache_size = -262144", NULL);
  if (!rh_database_begin (db, &error) || !rh_member_bulk_begin (db, TRUE, &error))
    g_error ("%s", error->message);
  if (sqlite3_prepare_v2 (handle,
                          "INSERT INTO member (org_id, group_id, name, pinyin, initials, gender,"
                          " ethnicity, birth_date, id_number, phone, education, post, status,"
                          " admitted_date, full_date, search_text)"
                          " VALUES (?1, NULL, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, 'full',"
                          " ?12, ?13, ?14)", -1, &stmt, NULL) != SQLITE_OK)
    g_error ("%s", sqlite3_errmsg (handle));
  for (guint r = 1; r < rh_sheet_n_rows (sheet); r++)
    {
      guint k = (r - 1) * 3;

      sqlite3_bind_int64 (stmt, 1, branch);
      sqlite3_bind_text (stmt, 2, rh_sheet_cell (sheet, r, 0), -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, keys->pdata[k], -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 4, keys->pdata[k + 1], -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 5, g_str_equal (rh_sheet_cell (sheet, r, 1), "男") ? "male"
                                                                                : "female",
                         -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 6, rh_sheet_cell (sheet, r, 2), -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 7, rh_sheet_cell (sheet, r, 3), -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 8, rh_sheet_cell (sheet, r, 4), -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 9, rh_sheet_cell (sheet, r, 11), -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 10, rh_sheet_cell (sheet, r, 5), -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 11, rh_sheet_cell (sheet, r, 10), -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 12, rh_sheet_cell (sheet, r, 8), -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 13, rh_sheet_cell (sheet, r, 9), -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 14, keys->pdata[k + 2], -1, SQLITE_STATIC);
      if (sqlite3_step (stmt) != SQLITE_DONE)
        g_error ("row %u: %s", r, sqlite3_errmsg (handle));
      sqlite3_reset (stmt);
    }
  sqlite3_finalize (stmt);
  {
    gint64 t = g_get_monotonic_time ();

    if (!rh_member_bulk_end (db, &error))
      g_error ("%s", error->message);
    fts_seconds = (g_get_monotonic_time () - t) / 1e6;
  }
  if (!rh_database_commit (db, &error))
    g_error ("%s", error->message);
  *count = rh_database_query_int (db, "SELECT count(*) FROM member");
  reference_cpu = cpu_now () - cpu;
  return (g_get_monotonic_time () - start) / 1e6;
}

static void
remove_tree (const char *dir)
{
  g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        remove_tree (path);
      else
        g_unlink (path);
    }
  g_rmdir (dir);
}

int
main (int argc, char **argv)
{
  int rows = argc > 1 ? atoi (argv[1]) : 100000;
  g_autofree char *dir = g_dir_make_tmp ("ronghe-bench-XXXXXX", NULL);
  g_autofree char *csv = NULL;
  double t_ronghe, t_reference;
  gint64 n_ronghe, n_reference;

  g_setenv ("RONGHE_TODAY", "2026-06-01", TRUE);
  csv = write_roster (dir, rows);
  t_reference = reference_insert (dir, csv, &n_reference);
  t_ronghe = ronghe_import (dir, csv, &n_ronghe);
  printf ("rows                      %d\n", rows);
  printf ("ronghe import (CSV→db)    %.2f s  (%" G_GINT64_FORMAT " members)\n", t_ronghe,
          n_ronghe);
  printf ("  read %.2f s, check %.2f s, write %.2f s\n", read_seconds, check_seconds,
          write_seconds);
  printf ("raw SQLite inserts        %.2f s  (%" G_GINT64_FORMAT " members)\n", t_reference,
          n_reference);
  printf ("  of which the audit rows, search index and member indexes %.2f s (written once at"
          " the end, as the import does)\n", fts_seconds);
  printf ("ratio                     %.2f×\n", t_ronghe / t_reference);
  printf ("processor time            %.2f s / %.2f s = %.2f× (less disturbed by other work)\n",
          ronghe_cpu, reference_cpu, ronghe_cpu / reference_cpu);
  remove_tree (dir);
  return n_ronghe == rows && n_reference == rows ? 0 : 1;
}
