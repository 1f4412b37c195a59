/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Backups: retention, the daily backup, restore into an open database, recovery of a
 * damaged one (which is never written). */
#include "rh-config.h"

#include <glib/gstdio.h>
#include <string.h>
#include "rh-backup.h"
#include "test-util.h"

typedef struct {
  char *dir;
  char *path;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  f->dir = g_dir_make_tmp ("ronghe-backup-XXXXXX", NULL);
  f->path = g_build_filename (f->dir, "ronghe.db", NULL);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  rh_test_remove_tree (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

static void
touch_backup (Fixture *f, const char *stamp, const char *reason)
{
  g_autofree char *dir = rh_backup_dir (f->path);
  g_autofree char *name = g_strdup_printf ("ronghe-%s-v6-%s.db", stamp, reason);
  g_autofree char *path = g_build_filename (dir, name, NULL);

  g_mkdir_with_parents (dir, 0700);
  g_assert_true (g_file_set_contents (path, "x", 1, NULL));
}

static void
test_retention (Fixture *f, gconstpointer data)
{
  g_autoptr (GDateTime) now = g_date_time_new_local (2026, 11, 22, 12, 0, 0);
  g_autoptr (GPtrArray) left = NULL;
  g_autoptr (GHashTable) kept = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (GPtrArray) all = NULL;

  /* Twelve today, one on the 15th of each month from 2025-09 to 2026-10, and a second
   * one on 2026-10-01: 27 files. */
  for (int h = 0; h < 12; h++)
    {
      g_autofree char *stamp = g_strdup_printf ("20261122-%02d0000", h);
      touch_backup (f, stamp, h % 2 ? "before-import" : "start");
    }
  for (int i = 0; i < 14; i++)
    {
      int month = 9 + i;
      g_autofree char *stamp = g_strdup_printf ("%04d%02d15-080000", 2025 + (month - 1) / 12,
                                                (month - 1) % 12 + 1);
      touch_backup (f, stamp, "start");
    }
  touch_backup (f, "20261001-080000", "start");
  touch_backup (f, "20261001-080000", "x");   /* wrong ending: not ours */
  {
    g_autofree char *dir = rh_backup_dir (f->path);
    g_autofree char *other = g_build_filename (dir, "notes.txt", NULL);
    g_file_set_contents (other, "mine", 4, NULL);
  }
  all = rh_backup_list (f->path);
  g_assert_cmpuint (all->len, ==, 28);

  /* Kept: the 10 newest (today 02:00–11:00), and the newest of each month after
   * 2025-11-22: 2025-12-15 … 2026-10-15 (11). Deleted: today 00:00 and 01:00, 2026-10-01
   * (twice), 2025-11-15, 2025-10-15 and 2025-09-15. */
  g_assert_cmpuint (rh_backup_prune (f->path, now), ==, 7);
  left = rh_backup_list (f->path);
  g_assert_cmpuint (left->len, ==, 21);
  for (guint i = 0; i < left->len; i++)
    {
      g_autofree char *base = g_path_get_basename (((RhBackupInfo *) left->pdata[i])->path);
      g_hash_table_add (kept, g_steal_pointer (&base));
    }
  g_assert_true (g_hash_table_contains (kept, "ronghe-20261122-020000-v6-start.db"));
  g_assert_false (g_hash_table_contains (kept, "ronghe-20261122-010000-v6-before-import.db"));
  g_assert_true (g_hash_table_contains (kept, "ronghe-20251215-080000-v6-start.db"));
  g_assert_false (g_hash_table_contains (kept, "ronghe-20251115-080000-v6-start.db"));
  g_assert_false (g_hash_table_contains (kept, "ronghe-20261001-080000-v6-start.db"));
  g_assert_cmpstr (((RhBackupInfo *) left->pdata[0])->reason, ==, "before-import");
  g_assert_cmpint (((RhBackupInfo *) left->pdata[0])->version, ==, 6);
  {
    g_autofree char *dir = rh_backup_dir (f->path);
    g_autofree char *other = g_build_filename (dir, "notes.txt", NULL);
    g_assert_true (g_file_test (other, G_FILE_TEST_EXISTS));
  }
}

static RhDatabase *
open_db (const char *path)
{
  g_autoptr (GError) error = NULL;
  RhDatabase *db = rh_database_open (path, &error);

  g_assert_no_error (error);
  return db;
}

static void
add_members (RhDatabase *db, gint64 branch, int first, int n)
{
  for (int i = first; i < first + n; i++)
    {
      g_autofree char *name = g_strdup_printf ("党员%d", i);
      g_autoptr (RhMember) m = rh_test_member (branch, name, i, RH_GENDER_MALE);
      rh_test_insert (db, m);
    }
}

static void
test_daily_and_restore (Fixture *f, gconstpointer data)
{
  g_autoptr (RhDatabase) db = open_db (f->path);
  gint64 branch = rh_test_add_org (db, RH_ORG_BRANCH, "一支部", 0);
  g_autoptr (GError) error = NULL;
  g_autofree char *daily = NULL;
  g_autofree char *again = NULL;
  g_autofree char *safety = NULL;
  g_autofree char *foreign = g_build_filename (f->dir, "foreign.db", NULL);
  GStatBuf st;

  add_members (db, branch, 0, 3);
  daily = rh_backup_daily (db, &error);
  g_assert_no_error (error);
  g_assert_nonnull (daily);
  g_assert_cmpint (g_stat (daily, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  again = rh_backup_daily (db, &error);
  g_assert_no_error (error);
  g_assert_null (again);        /* at most once a day */

  add_members (db, branch, 3, 2);
  g_assert_cmpint (rh_database_query_int (db, "SELECT count(*) FROM member"), ==, 5);
  g_assert_true (rh_backup_restore (db, daily, &safety, &error));
  g_assert_no_error (error);
  /* Same connection, the backup's content; the state before is in the safety backup. */
  g_assert_cmpint (rh_database_query_int (db, "SELECT count(*) FROM member"), ==, 3);
  g_assert_cmpstr (rh_database_query_int (db, "PRAGMA journal_mode") == -1 ? "?" : "ok", ==,
                   "ok");
  {
    g_autoptr (RhDatabase) kept = NULL;
    g_autofree char *copy = g_build_filename (f->dir, "kept.db", NULL);

    g_assert_true (rh_database_copy_file (safety, copy, &error));
    kept = open_db (copy);
    g_assert_cmpint (rh_database_query_int (kept, "SELECT count(*) FROM member"), ==, 5);
  }
  /* It keeps working: writes land and survive a reopen. */
  add_members (db, branch, 10, 1);
  g_clear_object (&db);
  db = open_db (f->path);
  g_assert_cmpint (rh_database_query_int (db, "SELECT count(*) FROM member"), ==, 4);

  /* A file that is not a Ronghe database is refused and nothing changes. */
  {
    sqlite3 *other;

    g_assert_cmpint (sqlite3_open (foreign, &other), ==, SQLITE_OK);
    sqlite3_exec (other, "CREATE TABLE t (x); INSERT INTO t VALUES (1)", NULL, NULL, NULL);
    sqlite3_close (other);
  }
  g_assert_false (rh_backup_restore (db, foreign, NULL, &error));
  g_assert_error (error, RH_DATABASE_ERROR, RH_DATABASE_ERROR_NOT_RONGHE);
  g_assert_cmpint (rh_database_query_int (db, "SELECT count(*) FROM member"), ==, 4);
}

static void
test_restore_older_version (Fixture *f, gconstpointer data)
{
  g_autofree char *old_path = g_build_filename (f->dir, "old.db", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (RhDatabase) db = open_db (f->path);

  {
    g_autoptr (RhDatabase) old = rh_database_open_at_version (old_path, 3, &error);
    g_assert_no_error (error);
    rh_test_add_org (old, RH_ORG_BRANCH, "旧支部", 0);
  }
  g_assert_true (rh_backup_restore (db, old_path, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (rh_database_get_version (db), ==, rh_database_latest_version ());
  g_assert_cmpint (rh_database_query_int (db, "SELECT count(*) FROM organisation"), ==, 1);
  g_assert_cmpint (rh_database_query_int (db, "SELECT count(*) FROM setting"), >, 0);
}

static char *
checksum (const char *path)
{
  g_autofree char *contents = NULL;
  gsize len;

  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, len);
}

static void
test_recover_damaged (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *backup = NULL;
  g_autofree char *latest = NULL;
  g_autofree char *damaged = NULL;
  g_autofree char *sum = NULL;
  g_autofree char *sum_after = NULL;
  g_autofree char *sum_moved = NULL;
  RhDatabase *none;

  {
    g_autoptr (RhDatabase) db = open_db (f->path);
    gint64 branch = rh_test_add_org (db, RH_ORG_BRANCH, "一支部", 0);

    add_members (db, branch, 0, 50);
    backup = rh_backup_auto (db, "start", &error);
    g_assert_no_error (error);
  }
  /* A broken backup newer than the good one is passed over. */
  g_usleep (1100000);
  {
    g_autofree char *dir = rh_backup_dir (f->path);
    g_autoptr (GDateTime) now = g_date_time_new_now_local ();
    g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
    g_autofree char *name = g_strdup_printf ("ronghe-%s-v6-start.db", stamp);
    g_autofree char *bad = g_build_filename (dir, name, NULL);

    g_file_set_contents (bad, "SQLite format 3\0garbage", 23, NULL);
  }
  /* Damage the middle of the database: pages of the member table's indexes. */
  {
    g_autofree char *contents = NULL;
    gsize len;

    g_assert_true (g_file_get_contents (f->path, &contents, &len, NULL));
    g_assert_cmpuint (len, >, 8192);
    memset (contents + 4096, 0xA5, len - 4096 > 16384 ? 16384 : len - 4096);
    g_assert_true (g_file_set_contents (f->path, contents, (gssize) len, NULL));
  }
  sum = checksum (f->path);
  none = rh_database_open (f->path, &error);
  g_assert_null (none);
  g_assert_error (error, RH_DATABASE_ERROR, RH_DATABASE_ERROR_CORRUPT);
  g_clear_error (&error);
  sum_after = checksum (f->path);
  g_assert_cmpstr (sum, ==, sum_after);       /* opening never wrote to it */

  latest = rh_backup_latest_good (f->path);
  g_assert_cmpstr (latest, ==, backup);
  g_assert_true (rh_backup_recover (f->path, latest, &damaged, &error));
  g_assert_no_error (error);
  sum_moved = checksum (damaged);
  g_assert_cmpstr (sum, ==, sum_moved);       /* set aside unchanged */
  {
    g_autoptr (RhDatabase) db = open_db (f->path);
    g_assert_cmpint (rh_database_query_int (db, "SELECT count(*) FROM member"), ==, 50);
  }
}

int
main (int argc, char **argv)
{
  g_setenv ("RONGHE_TODAY", "2026-06-01", TRUE);
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/backup/retention", Fixture, NULL, fixture_set_up, test_retention,
              fixture_tear_down);
  g_test_add ("/backup/daily-and-restore", Fixture, NULL, fixture_set_up, test_daily_and_restore,
              fixture_tear_down);
  g_test_add ("/backup/restore-older-version", Fixture, NULL, fixture_set_up,
              test_restore_older_version, fixture_tear_down);
  g_test_add ("/backup/recover-damaged", Fixture, NULL, fixture_set_up, test_recover_damaged,
              fixture_tear_down);
  return g_test_run ();
}
