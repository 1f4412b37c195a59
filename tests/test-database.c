/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rh-database: creation, migrations, refusal of foreign files, transactions, backup, audit. */
#include "rh-config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include "rh-database.h"
#include "rh-member.h"
#include "rh-org.h"
#include "test-util.h"

typedef struct {
  char *dir;
  char *path;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  f->dir = g_dir_make_tmp ("ronghe-test-XXXXXX", NULL);
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
exec_sql (const char *path, const char *sql)
{
  sqlite3 *db;
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

static int
file_mode (const char *path)
{
  GStatBuf st;
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  return st.st_mode & 0777;
}

static guint
count_backups (Fixture *f)
{
  g_autofree char *dir = g_build_filename (f->dir, "backups", NULL);
  g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
  guint n = 0;

  while (d != NULL && g_dir_read_name (d) != NULL)
    n++;
  return n;
}

static RhOrg *
add_branch (RhDatabase *db, const char *name)
{
  RhOrg *org = rh_org_new (RH_ORG_BRANCH, name);
  g_autoptr (GError) error = NULL;

  g_assert_true (rh_org_insert (db, org, &error));
  g_assert_no_error (error);
  return org;
}

static RhMember *
make_member (gint64 org_id, const char *name, const char *id_number, RhGender gender)
{
  RhMember *m = rh_member_new ();

  m->org_id = org_id;
  m->name = g_strdup (name);
  m->id_number = g_strdup (id_number);
  m->gender = gender;
  m->status = RH_STATUS_FULL;
  m->admitted_date = g_strdup ("2010-07-01");
  m->full_date = g_strdup ("2011-07-01");
  return m;
}

static void
test_fresh (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (RhDatabase) db = rh_database_open (f->path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (db);
  g_assert_cmpint (rh_database_get_version (db), ==, rh_database_latest_version ());
  g_assert_cmpint (rh_database_latest_version (), >=, 2);
  g_assert_cmpint (rh_database_query_int (db, "PRAGMA application_id"), ==,
                   RH_DATABASE_APPLICATION_ID);
  g_assert_cmpint (rh_database_query_int (db, "PRAGMA foreign_keys"), ==, 1);
  g_assert_cmpint (rh_database_query_int (db, "PRAGMA synchronous"), ==, 2);  /* FULL */
  g_assert_cmpint (rh_database_query_int (db, "SELECT count(*) FROM sqlite_schema WHERE"
                                              " name IN ('organisation', 'member', 'audit_log')"),
                   ==, 3);
  g_assert_cmpint (file_mode (f->path), ==, 0600);
  /* A new database needs no backup. */
  g_assert_cmpuint (count_backups (f), ==, 0);
}

static void
test_reopen_keeps_data (Fixture *f, gconstpointer data)
{
  g_autoptr (RhDatabase) db = rh_database_open (f->path, NULL);
  g_autoptr (RhOrg) org = add_branch (db, "第一党支部");

  g_clear_object (&db);
  db = rh_database_open (f->path, NULL);
  g_assert_nonnull (db);
  g_assert_cmpint (rh_org_count (db), ==, 1);
  g_assert_cmpuint (count_backups (f), ==, 0);
}

/* A database written by version 1 (tests/fixtures/ronghe-v1.sql) is upgraded
 * after a backup, and keeps its rows. */
static void
test_upgrade_from_v1 (Fixture *f, gconstpointer data)
{
  g_autofree char *fixture = g_test_build_filename (G_TEST_DIST, "fixtures", "ronghe-v1.sql", NULL);
  g_autofree char *sql = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (RhDatabase) db = NULL;
  g_autoptr (RhMember) m = NULL;

  g_assert_true (g_file_get_contents (fixture, &sql, NULL, &error));
  exec_sql (f->path, sql);
  db = rh_database_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rh_database_get_version (db), ==, rh_database_latest_version ());
  g_assert_cmpuint (count_backups (f), ==, 1);
  g_assert_cmpint (rh_database_query_int (db, "SELECT count(*) FROM member"), ==, 3);
  g_assert_cmpint (rh_database_query_int (db, "SELECT count(*) FROM organisation"), ==, 3);

  /* The upgraded database logs changes. */
  m = rh_member_load (db, 1, &error);
  g_assert_no_error (error);
  g_free (m->post);
  m->post = g_strdup ("科长");
  g_assert_true (rh_member_update (db, m, &error));
  g_assert_no_error (error);
  g_assert_cmpint (rh_database_query_int (db, "SELECT count(*) FROM audit_log WHERE action ="
                                              " 'update' AND table_name = 'member'"),
                   ==, 1);
}

static void
test_upgrade_at_version (Fixture *f, gconstpointer data)
{
  g_autoptr (RhDatabase) db = rh_database_open_at_version (f->path, 1, NULL);

  g_assert_cmpint (rh_database_get_version (db), ==, 1);
  g_assert_cmpint (rh_database_query_int (db, "SELECT count(*) FROM sqlite_schema"
                                              " WHERE name = 'audit_log'"),
                   ==, 0);
  g_clear_object (&db);
  db = rh_database_open (f->path, NULL);
  g_assert_cmpint (rh_database_get_version (db), ==, rh_database_latest_version ());
  g_assert_cmpuint (count_backups (f), ==, 1);
}

/* Version 11 rebuilt the member table (its CHECKs as comparisons): rows, ids, references
 * and the search index survive it, and the database still refuses every value the old
 * CHECKs refused. */
static void
test_member_checks_upgrade (Fixture *f, gconstpointer data)
{
  g_autoptr (RhDatabase) db = rh_database_open_at_version (f->path, 10, NULL);
  g_autoptr (RhOrg) org = add_branch (db, "第一党支部");
  g_autoptr (RhMember) m = make_member (org->id, "张伟", "11010519491231002X", RH_GENDER_FEMALE);
  g_autoptr (GError) error = NULL;
  const char *bad[][2] = { { "status", "member" }, { "status", "Full" }, { "flow", "up" },
                           { "gender", "other" }, { "is_cadre", "2" } };
  const char *good[][2] = { { "status", "applicant" }, { "status", "activist" },
                            { "status", "candidate" }, { "status", "probationary" },
                            { "status", "full" }, { "flow", "out" }, { "flow", "in" },
                            { "flow", "none" }, { "gender", "female" }, { "is_cadre", "1" } };

  g_assert_true (rh_member_insert (db, m, &error));
  g_assert_no_error (error);
  g_assert_true (rh_database_exec (db, "INSERT INTO point_entry (member_id, rule_id, date)"
                                       " SELECT max(id), 1, '2026-01-05' FROM member", NULL));
  g_clear_object (&db);

  db = rh_database_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rh_database_get_version (db), ==, rh_database_latest_version ());
  g_assert_cmpint (rh_database_query_int (db, "SELECT id FROM member WHERE name = '张伟'"), ==,
                   m->id);
  g_assert_cmpint (rh_database_query_int (db, "SELECT count(*) FROM point_entry JOIN member"
                                              " ON member.id = member_id"),
                   ==, 1);
  g_assert_cmpint (rh_database_query_int (db, "SELECT count(*) FROM pragma_foreign_key_check"),
                   ==, 0);
  g_assert_cmpint (rh_database_query_int (db, "PRAGMA foreign_keys"), ==, 1);
  g_assert_cmpint (rh_database_query_int (db, "SELECT rowid FROM member_fts"
                                              " WHERE member_fts MATCH 'zw*'"),
                   ==, m->id);
  g_assert_true (rh_database_exec (db, "INSERT INTO member_fts (member_fts, rank)"
                                       " VALUES ('integrity-check', 1)", NULL));
  /* The indexes and triggers of 0001 and 0002 are back. */
  g_assert_cmpint (rh_database_query_int (db, "SELECT count(*) FROM sqlite_schema WHERE"
                                              " tbl_name = 'member' AND type = 'index'"),
                   ==, 8);
  g_assert_cmpint (rh_database_query_int (db, "SELECT count(*) FROM sqlite_schema WHERE"
                                              " tbl_name = 'member' AND type = 'trigger'"
                                              " AND name NOT LIKE 'member_tally_%'"),
                   ==, 6);
  /* Version 12 counted the members already there, and keeps the count with 3 triggers. */
  g_assert_cmpint (rh_database_query_int (db, "SELECT count(*) FROM sqlite_schema WHERE"
                                              " tbl_name = 'member' AND type = 'trigger'"
                                              " AND name LIKE 'member_tally_%'"),
                   ==, 3);
  g_assert_cmpint (rh_database_query_int (db, "SELECT n FROM member_tally WHERE archived = 0"
                                              " AND status = (SELECT status FROM member)"),
                   ==, 1);

  for (guint i = 0; i < G_N_ELEMENTS (bad) + G_N_ELEMENTS (good); i++)
    {
      gboolean refused = i < G_N_ELEMENTS (bad);
      const char *const *pair = refused ? bad[i] : good[i - G_N_ELEMENTS (bad)];
      /* Column names are constants of this test; the value is bound. */
      g_autofree char *sql = g_strdup_printf ("UPDATE member SET %s = ?1", pair[0]);
      sqlite3_stmt *stmt = rh_database_prepare (db, sql, NULL);
      int rc;

      sqlite3_bind_text (stmt, 1, pair[1], -1, SQLITE_STATIC);
      rc = sqlite3_step (stmt);
      sqlite3_reset (stmt);
      if (refused)
        g_assert_cmpint (rc, ==, SQLITE_CONSTRAINT_CHECK);
      else
        g_assert_cmpint (rc, ==, SQLITE_DONE);
    }
}

/* Refused files keep every byte. */
static void
assert_refused (Fixture *f, int code)
{
  g_autofree char *before = NULL, *after = NULL, *wal = NULL;
  gsize before_len, after_len;
  g_autoptr (GError) error = NULL;
  g_autoptr (RhDatabase) db = NULL;

  g_assert_true (g_file_get_contents (f->path, &before, &before_len, NULL));
  db = rh_database_open (f->path, &error);
  g_assert_null (db);
  g_assert_error (error, RH_DATABASE_ERROR, code);
  g_assert_true (strstr (error->message, f->path) != NULL);
  g_assert_true (g_file_get_contents (f->path, &after, &after_len, NULL));
  g_assert_cmpmem (before, before_len, after, after_len);
  wal = g_strconcat (f->path, "-wal", NULL);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
}

static void
test_refuse_text_file (Fixture *f, gconstpointer data)
{
  g_assert_true (g_file_set_contents (f->path, "姓名,性别\n张伟,男\n", -1, NULL));
  assert_refused (f, RH_DATABASE_ERROR_NOT_RONGHE);
}

static void
test_refuse_foreign_database (Fixture *f, gconstpointer data)
{
  exec_sql (f->path, "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT);"
                     "INSERT INTO notes (body) VALUES ('hello');");
  assert_refused (f, RH_DATABASE_ERROR_NOT_RONGHE);
}

static void
test_refuse_newer (Fixture *f, gconstpointer data)
{
  g_autoptr (RhDatabase) db = rh_database_open (f->path, NULL);

  g_clear_object (&db);
  exec_sql (f->path, "PRAGMA journal_mode = DELETE; PRAGMA user_version = 99;");
  assert_refused (f, RH_DATABASE_ERROR_TOO_NEW);
}

static void
test_refuse_corrupt (Fixture *f, gconstpointer data)
{
  g_autoptr (RhDatabase) db = rh_database_open (f->path, NULL);
  g_autofree char *bytes = NULL;
  gsize len;

  for (int i = 0; i < 40; i++)
    {
      g_autofree char *name = g_strdup_printf ("第%d党支部", i);
      g_autoptr (RhOrg) org = add_branch (db, name);
    }
  g_clear_object (&db);
  exec_sql (f->path, "PRAGMA journal_mode = DELETE;");
  /* Scribble over the second page (a b-tree page), keeping the header valid. */
  g_assert_true (g_file_get_contents (f->path, &bytes, &len, NULL));
  g_assert_cmpuint (len, >, 8192);
  memset (bytes + 4096, 0x5a, 4096);
  g_assert_true (g_file_set_contents (f->path, bytes, (gssize) len, NULL));
  assert_refused (f, RH_DATABASE_ERROR_CORRUPT);
}

/* A read-only open (charts, handouts) reads, cannot write, and leaves the file as it was. */
static void
test_read_only (Fixture *f, gconstpointer data)
{
  g_autofree char *before = NULL, *after = NULL;
  gsize before_len, after_len;
  g_autoptr (GError) error = NULL;
  g_autoptr (RhOrg) extra = rh_org_new (RH_ORG_BRANCH, "第九党支部");

  {
    g_autoptr (RhDatabase) db = rh_database_open (f->path, NULL);
    g_autoptr (RhOrg) a = add_branch (db, "第一党支部");
    g_autoptr (RhOrg) b = add_branch (db, "第二党支部");
  }
  g_assert_true (g_file_get_contents (f->path, &before, &before_len, NULL));
  {
    g_autoptr (RhDatabase) db = rh_database_open_read_only (f->path, &error);
    gint64 n;

    g_assert_no_error (error);
    g_assert_nonnull (db);
    g_assert_cmpint (rh_database_get_version (db), ==, rh_database_latest_version ());
    n = rh_database_query_int (db, "SELECT count(*) FROM organisation WHERE name LIKE '第%党支部'");
    g_assert_cmpint (n, ==, 2);
    g_assert_false (rh_org_insert (db, extra, &error));
    g_assert_nonnull (error);
    g_clear_error (&error);
    g_assert_false (rh_database_begin (db, &error));
    g_assert_nonnull (error);
  }
  g_assert_true (g_file_get_contents (f->path, &after, &after_len, NULL));
  g_assert_cmpmem (before, before_len, after, after_len);
}

/* A file that does not exist yet is created as rh_database_open does. */
static void
test_read_only_new (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (RhDatabase) db = rh_database_open_read_only (f->path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (db);
  g_assert_true (g_file_test (f->path, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpint (rh_database_get_version (db), ==, rh_database_latest_version ());
}

/* A damaged file opened read-only: no quick_check first, so the damage is met
 * while reading, reported as damage, and the file is never written. */
static void
test_read_only_damaged (Fixture *f, gconstpointer data)
{
  g_autofree char *bytes = NULL, *after = NULL;
  gsize len, after_len;
  g_autoptr (GError) error = NULL;
  guint damaged = 0;

  {
    g_autoptr (RhDatabase) db = rh_database_open (f->path, NULL);
    for (int i = 0; i < 40; i++)
      {
        g_autofree char *name = g_strdup_printf ("第%d党支部", i);
        g_autoptr (RhOrg) org = add_branch (db, name);
      }
  }
  exec_sql (f->path, "PRAGMA journal_mode = DELETE;");
  g_assert_true (g_file_get_contents (f->path, &bytes, &len, NULL));
  g_assert_cmpuint (len, >, 8192);
  memset (bytes + 4096, 0x5a, 4096);
  g_assert_true (g_file_set_contents (f->path, bytes, (gssize) len, NULL));
  {
    g_autoptr (RhDatabase) db = rh_database_open_read_only (f->path, &error);
    g_autoptr (GPtrArray) tables = g_ptr_array_new_with_free_func (g_free);
    sqlite3_stmt *stmt;

    if (db == NULL)
      g_assert_error (error, RH_DATABASE_ERROR, RH_DATABASE_ERROR_CORRUPT);
    else
      {
        stmt = rh_database_prepare (db, "SELECT name FROM sqlite_schema WHERE type = 'table'", NULL);
        g_assert_nonnull (stmt);
        while (sqlite3_step (stmt) == SQLITE_ROW)
          g_ptr_array_add (tables, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
        for (guint i = 0; i < tables->len; i++)
          {
            /* Table names from the schema, quoted: ours, never user data. */
            g_autofree char *sql = g_strdup_printf ("SELECT * FROM \"%s\"",
                                                    (char *) tables->pdata[i]);
            g_autoptr (GError) local = NULL;
            int rc = SQLITE_ERROR;

            stmt = rh_database_prepare (db, sql, &local);
            if (stmt != NULL)
              while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
                ;
            if (rc == SQLITE_DONE)
              continue;
            if (local == NULL)
              rh_database_set_error (db, &local);
            g_assert_error (local, RH_DATABASE_ERROR, RH_DATABASE_ERROR_CORRUPT);
            g_assert_nonnull (strstr (local->message, f->path));
            damaged++;
          }
        g_assert_cmpuint (damaged, >, 0);
      }
  }
  g_assert_true (g_file_get_contents (f->path, &after, &after_len, NULL));
  g_assert_cmpmem (bytes, len, after, after_len);
}

/* The root's name is the first root of rh_org_list_children, read alone. */
static void
test_org_root_name (Fixture *f, gconstpointer data)
{
  g_autoptr (RhDatabase) db = rh_database_open (f->path, NULL);
  g_autoptr (RhOrg) committee = rh_org_new (RH_ORG_COMMITTEE, "中共测试委员会");
  g_autoptr (RhOrg) branch = add_branch (db, "一支部");
  g_autoptr (GPtrArray) roots = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *before = rh_org_root_name (db);
  g_autofree char *name = NULL;

  roots = rh_org_list_children (db, 0, NULL);
  g_assert_cmpuint (roots->len, >, 0);
  g_assert_cmpstr (before, ==, ((RhOrg *) roots->pdata[0])->name);
  g_clear_pointer (&roots, g_ptr_array_unref);
  g_assert_true (rh_org_insert (db, committee, &error));
  g_assert_no_error (error);
  name = rh_org_root_name (db);
  roots = rh_org_list_children (db, 0, NULL);
  g_assert_cmpstr (name, ==, ((RhOrg *) roots->pdata[0])->name);
  g_assert_cmpstr (name, ==, "中共测试委员会");
}

typedef struct {
  gint64 org_id;
} InsertTwo;

static gboolean
insert_two (RhDatabase *db, gpointer data, GError **error)
{
  InsertTwo *t = data;
  g_autoptr (RhMember) a = make_member (t->org_id, "王芳", "11010519491231002X", RH_GENDER_FEMALE);
  /* The same id number again: the second insert fails. */
  g_autoptr (RhMember) b = make_member (t->org_id, "王芳芳", "11010519491231002X", RH_GENDER_FEMALE);

  return rh_member_insert (db, a, error) && rh_member_insert (db, b, error);
}

static void
test_failed_transaction_leaves_nothing (Fixture *f, gconstpointer data)
{
  g_autoptr (RhDatabase) db = rh_database_open (f->path, NULL);
  g_autoptr (RhOrg) org = add_branch (db, "第一党支部");
  InsertTwo t = { org->id };
  g_autoptr (GError) error = NULL;
  gint64 audit_before = rh_database_query_int (db, "SELECT count(*) FROM audit_log");

  g_assert_false (rh_database_transaction (db, insert_two, &t, &error));
  g_assert_error (error, RH_VALIDATION_ERROR, RH_FIELD_ID_NUMBER);
  g_assert_cmpint (rh_database_query_int (db, "SELECT count(*) FROM member"), ==, 0);
  g_assert_cmpint (rh_database_query_int (db, "SELECT count(*) FROM audit_log"), ==, audit_before);
  /* The connection is usable afterwards. */
  g_clear_error (&error);
  g_assert_true (rh_database_begin (db, &error));
  g_assert_true (rh_database_commit (db, &error));
}

static void
test_audit_old_and_new (Fixture *f, gconstpointer data)
{
  g_autoptr (RhDatabase) db = rh_database_open (f->path, NULL);
  g_autoptr (RhOrg) org = add_branch (db, "第一党支部");
  g_autoptr (RhMember) m = make_member (org->id, "王芳", "11010519491231002X", RH_GENDER_FEMALE);
  sqlite3_stmt *stmt;

  g_assert_true (rh_member_insert (db, m, NULL));
  g_free (m->phone);
  m->phone = g_strdup ("13800138000");
  g_assert_true (rh_member_update (db, m, NULL));
  stmt = rh_database_prepare (db, "SELECT old_values, new_values FROM audit_log"
                                  " WHERE table_name = 'member' AND action = 'update'", NULL);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "{\"phone\":null}");
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 1), ==, "{\"phone\":\"13800138000\"}");
  sqlite3_reset (stmt);
  /* Saving without a change logs nothing. */
  g_assert_true (rh_member_update (db, m, NULL));
  g_assert_cmpint (rh_database_query_int (db, "SELECT count(*) FROM audit_log WHERE action ="
                                              " 'update'"),
                   ==, 1);
}

static void
test_backup (Fixture *f, gconstpointer data)
{
  g_autoptr (RhDatabase) db = rh_database_open (f->path, NULL);
  g_autoptr (RhOrg) org = add_branch (db, "第一党支部");
  g_autofree char *dest = g_build_filename (f->dir, "copy.db", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (RhDatabase) copy = NULL;

  g_assert_true (rh_database_backup (db, dest, &error));
  g_assert_no_error (error);
  g_assert_cmpint (file_mode (dest), ==, 0600);
  copy = rh_database_open (dest, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rh_org_count (copy), ==, 1);
}

static void
test_archive_and_restore (Fixture *f, gconstpointer data)
{
  g_autoptr (RhDatabase) db = rh_database_open (f->path, NULL);
  g_autoptr (RhOrg) org = add_branch (db, "第一党支部");
  g_autoptr (RhMember) m = make_member (org->id, "王芳", "11010519491231002X", RH_GENDER_FEMALE);
  g_autoptr (RhMember) loaded = NULL;
  g_autoptr (GError) error = NULL;

  g_assert_true (rh_member_insert (db, m, NULL));
  g_assert_false (rh_member_archive (db, m->id, "2024-01-01", "  ", &error));
  g_assert_error (error, RH_VALIDATION_ERROR, RH_FIELD_ARCHIVE_REASON);
  g_clear_error (&error);
  /* A branch with members cannot be archived. */
  g_assert_false (rh_org_archive (db, org->id, "2024-01-01", "合并", &error));
  g_clear_error (&error);
  g_assert_true (rh_member_archive (db, m->id, "2024-01-01", "组织关系转出至市卫健委党支部", &error));
  g_assert_no_error (error);
  loaded = rh_member_load (db, m->id, NULL);
  g_assert_cmpstr (loaded->archived_date, ==, "2024-01-01");
  /* Archived, never deleted. */
  g_assert_cmpint (rh_database_query_int (db, "SELECT count(*) FROM member"), ==, 1);
  g_assert_true (rh_member_restore (db, m->id, &error));
  g_assert_no_error (error);
  g_clear_object (&loaded);
  loaded = rh_member_load (db, m->id, NULL);
  g_assert_null (loaded->archived_date);
}

static void
test_org_tree_rules (Fixture *f, gconstpointer data)
{
  g_autoptr (RhDatabase) db = rh_database_open (f->path, NULL);
  g_autoptr (RhOrg) committee = rh_org_new (RH_ORG_COMMITTEE, "机关党委");
  g_autoptr (RhOrg) branch = rh_org_new (RH_ORG_BRANCH, "第一党支部");
  g_autoptr (RhOrg) group = rh_org_new (RH_ORG_GROUP, "第一党小组");
  g_autoptr (RhOrg) orphan = rh_org_new (RH_ORG_GROUP, "无主党小组");
  g_autoptr (GError) error = NULL;

  g_assert_true (rh_org_insert (db, committee, NULL));
  branch->parent_id = committee->id;
  g_assert_true (rh_org_insert (db, branch, NULL));
  group->parent_id = branch->id;
  g_assert_true (rh_org_insert (db, group, NULL));
  /* A party group needs a branch. */
  g_assert_false (rh_org_insert (db, orphan, &error));
  g_assert_error (error, RH_VALIDATION_ERROR, RH_FIELD_PARENT);
  g_clear_error (&error);
  orphan->parent_id = committee->id;
  g_assert_false (rh_org_insert (db, orphan, &error));
  g_assert_error (error, RH_VALIDATION_ERROR, RH_FIELD_PARENT);
  g_clear_error (&error);
  /* No cycles. */
  g_assert_false (rh_org_move (db, committee->id, branch->id, &error));
  g_assert_error (error, RH_VALIDATION_ERROR, RH_FIELD_PARENT);
  g_clear_error (&error);
  g_assert_cmpstr (committee->pinyin, ==, "ji guan dang wei");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_setenv ("RONGHE_TODAY", "2026-06-01", TRUE);
#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/database/fresh", test_fresh);
  ADD ("/database/reopen-keeps-data", test_reopen_keeps_data);
  ADD ("/database/upgrade-from-v1-fixture", test_upgrade_from_v1);
  ADD ("/database/upgrade-at-version", test_upgrade_at_version);
  ADD ("/database/member-checks-upgrade", test_member_checks_upgrade);
  ADD ("/database/refuse-text-file", test_refuse_text_file);
  ADD ("/database/refuse-foreign-database", test_refuse_foreign_database);
  ADD ("/database/refuse-newer", test_refuse_newer);
  ADD ("/database/refuse-corrupt", test_refuse_corrupt);
  ADD ("/database/read-only", test_read_only);
  ADD ("/database/read-only-new", test_read_only_new);
  ADD ("/database/read-only-damaged", test_read_only_damaged);
  ADD ("/database/failed-transaction-leaves-nothing", test_failed_transaction_leaves_nothing);
  ADD ("/database/audit-old-and-new", test_audit_old_and_new);
  ADD ("/database/backup", test_backup);
  ADD ("/database/archive-and-restore", test_archive_and_restore);
  ADD ("/database/org-tree-rules", test_org_tree_rules);
  ADD ("/database/org-root-name", test_org_root_name);
  return g_test_run ();
}
