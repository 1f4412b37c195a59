/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Crash test: a child process imports a roster, or saves a change to every member, while
 * this process kills it with SIGKILL at a random moment of its writing (the child says when
 * it starts: the automatic backup, then the transaction). Every time, SQLite's
 * integrity_check passes and the change is all or nothing.
 *
 *   test-crash [RUNS]       (default 20, or $RONGHE_CRASH_RUNS; by hand: 100) */
#include "rh-config.h"

#include <glib/gstdio.h>
#include <signal.h>
#include <stdio.h>
#include <sys/wait.h>
#include <unistd.h>
#include "rh-backup.h"
#include "rh-import.h"
#include "test-util.h"

#define ROWS 1500

static char *dir;
static char *base_path;     /* a branch, nothing else */
static char *full_path;     /* the roster imported */
static char *csv_path;
static int runs = 20;
static int ready_fd = -1;   /* the child writes a byte here when it starts writing */

static void
signal_ready (void)
{
  if (ready_fd >= 0 && write (ready_fd, "w", 1) != 1)
    _exit (5);
}

static void
copy_file (const char *from, const char *to)
{
  g_autoptr (GError) error = NULL;

  g_assert_true (rh_database_copy_file (from, to, &error));
  g_assert_no_error (error);
}

static void
write_roster (void)
{
  GString *text = g_string_new ("姓名,性别,身份证号,入党时间,转正时间,联系电话\n");

  for (int i = 0; i < ROWS; i++)
    {
      char birth[9];
      g_autofree char *id = NULL;

      g_snprintf (birth, sizeof birth, "19%02d%02d%02d", 50 + i / 336, 1 + i / 28 % 12,
                  1 + i % 28);
      id = rh_test_id_number (i % 7, birth, i % 2 ? RH_GENDER_MALE : RH_GENDER_FEMALE);
      g_string_append_printf (text, "党员%d,%s,%s,2005-07-01,2006-07-01,1380000%04d\n", i,
                              i % 2 ? "男" : "女", id, i);
    }
  g_assert_true (g_file_set_contents (csv_path, text->str, (gssize) text->len, NULL));
  g_string_free (text, TRUE);
}

/* What a child does. Exits 0 when it finished. */
static void G_GNUC_NORETURN
child_import (const char *path)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (RhDatabase) db = rh_database_open (path, &error);
  g_autoptr (RhSheet) sheet = NULL;
  g_autoptr (RhImportPlan) plan = NULL;
  RhImportMapping mapping;

  if (db == NULL)
    _exit (3);
  sheet = rh_import_read_file (csv_path, NULL, &error);
  rh_import_mapping_detect (sheet, &mapping);
  plan = rh_import_prepare (db, sheet, &mapping,
                            rh_database_query_int (db, "SELECT id FROM organisation"), &error);
  if (plan == NULL)
    _exit (4);
  signal_ready ();
  if (!rh_import_commit (db, plan, NULL, NULL, NULL, &error))
    _exit (4);
  _exit (0);
}

static gboolean
save_all (RhDatabase *db, gpointer data, GError **error)
{
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt = rh_database_prepare (db, "SELECT id FROM member ORDER BY id", error);

  if (stmt == NULL)
    return FALSE;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);
  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr (RhMember) m = rh_member_load (db, g_array_index (ids, gint64, i), error);

      if (m == NULL)
        return FALSE;
      g_free (m->phone);
      m->phone = g_strdup ("13999999999");
      if (!rh_member_update (db, m, error))
        return FALSE;
    }
  return TRUE;
}

static void G_GNUC_NORETURN
child_save (const char *path)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (RhDatabase) db = rh_database_open (path, &error);

  if (db == NULL)
    _exit (3);
  signal_ready ();
  if (!rh_database_transaction (db, save_all, NULL, &error))
    _exit (4);
  _exit (0);
}

static gint64
query (sqlite3 *db, const char *sql)
{
  sqlite3_stmt *stmt;
  gint64 v = -1;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    v = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return v;
}

static char *
query_text (sqlite3 *db, const char *sql)
{
  sqlite3_stmt *stmt;
  char *v = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    v = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return v;
}

/* Runs work in a child. It tells us when it starts writing (the backup, then the
 * transaction); it is killed delay_us later, or left to finish when delay_us is negative.
 * Returns TRUE when it finished by itself; *write_us is how long its writing took. */
static gboolean
run_child (void (*work) (const char *), const char *path, gint64 delay_us, gint64 *write_us)
{
  int fds[2];
  pid_t pid;
  int status = 0;
  char byte;
  gint64 start;

  g_assert_cmpint (pipe (fds), ==, 0);
  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      close (fds[0]);
      ready_fd = fds[1];
      work (path);
    }
  close (fds[1]);
  g_assert_cmpint (read (fds[0], &byte, 1), ==, 1);
  close (fds[0]);
  start = g_get_monotonic_time ();
  if (delay_us >= 0)
    {
      g_usleep ((gulong) delay_us);
      kill (pid, SIGKILL);
    }
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  if (write_us != NULL)
    *write_us = g_get_monotonic_time () - start;
  if (WIFEXITED (status))
    {
      g_assert_cmpint (WEXITSTATUS (status), ==, 0);
      return TRUE;
    }
  g_assert_true (WIFSIGNALED (status) && WTERMSIG (status) == SIGKILL);
  return FALSE;
}

/* Every automatic backup that has its final name is whole (a kill mid-backup leaves only a
 * temporary file). */
static void
check_backups (const char *path)
{
  g_autoptr (GPtrArray) list = rh_backup_list (path);

  for (guint i = 0; i < list->len; i++)
    {
      g_autoptr (GError) error = NULL;
      RhBackupInfo *info = list->pdata[i];

      if (!rh_database_verify_file (info->path, NULL, &error))
        g_error ("backup %s: %s", info->path, error->message);
    }
}

static void
test_kill (void)
{
  g_autofree char *path = g_build_filename (dir, "run.db", NULL);
  gint64 import_us, save_us;
  guint complete = 0, nothing = 0;
  GRand *rand = g_rand_new_with_seed ((guint32) g_get_real_time ());

  /* How long each job writes when left alone: the kills fall within that. */
  copy_file (base_path, path);
  g_assert_true (run_child (child_import, path, -1, &import_us));
  g_assert_true (run_child (child_save, path, -1, &save_us));

  for (int i = 0; i < runs; i++)
    {
      gboolean importing = i % 2 == 0;
      gint64 span = importing ? import_us : save_us;
      /* Anywhere in the writing, or a little after it. */
      gint64 delay = g_rand_int_range (rand, 0, (gint32) (span * 1.15) + 1);
      g_autofree char *backups = g_build_filename (dir, "backups", NULL);
      g_autofree char *check = NULL;
      g_autofree char *wal = g_strconcat (path, "-wal", NULL);
      g_autofree char *shm = g_strconcat (path, "-shm", NULL);
      sqlite3 *db;
      gboolean finished;
      gint64 members, audit, changed;

      g_unlink (wal);
      g_unlink (shm);
      copy_file (importing ? base_path : full_path, path);
      finished = run_child (importing ? child_import : child_save, path, delay, NULL);

      /* A new connection recovers from the WAL, as Ronghe does when it starts again. */
      g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
      check = query_text (db, "PRAGMA integrity_check");
      g_assert_cmpstr (check, ==, "ok");
      g_assert_cmpint (query (db, "SELECT count(*) FROM pragma_foreign_key_check"), ==, 0);
      members = query (db, "SELECT count(*) FROM member");
      if (importing)
        {
          audit = query (db, "SELECT count(*) FROM audit_log WHERE table_name = 'import'");
          g_assert_true ((members == 0 && audit == 0) || (members == ROWS && audit == 1));
          /* The search index is whole too. */
          g_assert_cmpint (query (db, "SELECT count(*) FROM member_fts"), ==, members);
          g_assert_cmpint (query (db, "SELECT count(*) FROM sqlite_schema"
                                      " WHERE name = 'member_fts_insert'"), ==, 1);
          changed = members;
        }
      else
        {
          g_assert_cmpint (members, ==, ROWS);
          changed = query (db, "SELECT count(*) FROM member WHERE phone = '13999999999'");
          g_assert_true (changed == 0 || changed == ROWS);
        }
      sqlite3_close (db);
      check_backups (path);
      if (changed == 0)
        nothing++;
      else
        complete++;
      g_assert_true (!finished || changed != 0);
      g_test_message ("run %d: %s killed after %.0f ms: %s", i + 1,
                      importing ? "import" : "save", delay / 1000.0,
                      changed ? "all written" : "nothing written");
      {
        g_autoptr (GDir) d = g_dir_open (backups, 0, NULL);
        const char *name;

        while (d != NULL && (name = g_dir_read_name (d)) != NULL)
          {
            g_autofree char *p = g_build_filename (backups, name, NULL);
            g_unlink (p);
          }
      }
    }
  g_rand_free (rand);
  printf ("# crash test: %d runs (SIGKILL within the %.0f ms an import writes / the %.0f ms a "
          "save writes, or just after): "
          "%u all written, %u nothing written, 0 damaged\n",
          runs, import_us / 1000.0, save_us / 1000.0, complete, nothing);
}

int
main (int argc, char **argv)
{
  const char *env = g_getenv ("RONGHE_CRASH_RUNS");
  int status;

  g_setenv ("RONGHE_TODAY", "2026-06-01", TRUE);
  g_test_init (&argc, &argv, NULL);
  if (argc > 1)
    runs = atoi (argv[1]);
  else if (env != NULL)
    runs = atoi (env);
  dir = g_dir_make_tmp ("ronghe-crash-XXXXXX", NULL);
  base_path = g_build_filename (dir, "base.db", NULL);
  full_path = g_build_filename (dir, "full.db", NULL);
  csv_path = g_build_filename (dir, "roster.csv", NULL);
  write_roster ();
  {
    g_autoptr (GError) error = NULL;
    g_autoptr (RhDatabase) db = rh_database_open (base_path, &error);

    g_assert_no_error (error);
    rh_test_add_org (db, RH_ORG_BRANCH, "一支部", 0);
  }
  copy_file (base_path, full_path);
  g_assert_true (run_child (child_import, full_path, -1, NULL));

  g_test_add_func ("/crash/sigkill", test_kill);
  status = g_test_run ();
  rh_test_remove_tree (dir);
  return status;
}
