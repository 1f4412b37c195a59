/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "rh-config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>
#include "rh-core-resources.h"
#include "rh-database.h"

#define MIGRATIONS_PATH "/io/github/ronghe/core/migrations"

/* A RhDatabase is used by one thread at a time (see rh-database.h), so its connection
 * needs no lock around each call: SQLite's multi-thread mode. Locking each step and each
 * column read was a seventh of a roster search's work (issue 8). */
#define RH_SQLITE_OPEN_ONE_THREAD SQLITE_OPEN_NOMUTEX

struct _RhDatabase
{
  GObject     parent_instance;
  char       *path;
  sqlite3    *db;
  GHashTable *statements;   /* SQL text → sqlite3_stmt */
  int         depth;        /* transaction nesting */
  gboolean    read_only;    /* opened by rh_database_open_read_only */
};

G_DEFINE_TYPE (RhDatabase, rh_database, G_TYPE_OBJECT)

enum { CHANGED, N_SIGNALS };
static guint signals[N_SIGNALS];
G_DEFINE_QUARK (rh-database-error-quark, rh_database_error)

static void
rh_database_finalize (GObject *object)
{
  RhDatabase *self = RH_DATABASE (object);

  g_clear_pointer (&self->statements, g_hash_table_destroy);
  /* Keeps the planner's statistics fresh (SQLite's advice before closing). */
  if (self->db != NULL)
    {
      if (!self->read_only)
        sqlite3_exec (self->db, "PRAGMA optimize", NULL, NULL, NULL);
      sqlite3_close_v2 (self->db);
    }
  g_free (self->path);
  G_OBJECT_CLASS (rh_database_parent_class)->finalize (object);
}

static void
rh_database_class_init (RhDatabaseClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rh_database_finalize;
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 0);
}

void
rh_database_emit_changed (RhDatabase *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
rh_database_init (RhDatabase *self)
{
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                            (GDestroyNotify) sqlite3_finalize);
}

char *
rh_database_default_path (void)
{
  const char *env = g_getenv ("RONGHE_DATABASE");

  if (env != NULL && *env != '\0')
    return g_strdup (env);
  return g_build_filename (g_get_user_data_dir (), "ronghe", "ronghe.db", NULL);
}

static int
compare_names (const void *a, const void *b)
{
  return g_strcmp0 (*(char *const *) a, *(char *const *) b);
}

/* The numbered migration scripts, in order ("0001-….sql", "0002-….sql"). */
static char **
migration_names (void)
{
  char **names = g_resource_enumerate_children (rh_core_get_resource (), MIGRATIONS_PATH,
                                                G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  if (names == NULL)
    return g_new0 (char *, 1);
  qsort (names, g_strv_length (names), sizeof (char *), compare_names);
  return names;
}

int
rh_database_latest_version (void)
{
  g_auto (GStrv) names = migration_names ();
  return (int) g_strv_length (names);
}

gboolean
rh_database_set_error (RhDatabase *self, GError **error)
{
  int code = sqlite3_errcode (self->db) & 0xff;

  /* Damage found while reading (a read-only open does not look for it first). */
  if (code == SQLITE_CORRUPT || code == SQLITE_NOTADB)
    g_set_error (error, RH_DATABASE_ERROR, RH_DATABASE_ERROR_CORRUPT,
                 _("“%s” is damaged (%s). It was left unchanged; restore it from a backup."),
                 self->path, sqlite3_errmsg (self->db));
  else
    g_set_error (error, RH_DATABASE_ERROR, RH_DATABASE_ERROR_SQL, _("Database error: %s"),
                 sqlite3_errmsg (self->db));
  return FALSE;
}

gboolean
rh_database_exec (RhDatabase *self, const char *sql, GError **error)
{
  char *msg = NULL;

  if (sqlite3_exec (self->db, sql, NULL, NULL, &msg) != SQLITE_OK)
    {
      g_set_error (error, RH_DATABASE_ERROR, RH_DATABASE_ERROR_SQL, _("Database error: %s"),
                   msg ? msg : sqlite3_errmsg (self->db));
      sqlite3_free (msg);
      return FALSE;
    }
  return TRUE;
}

sqlite3_stmt *
rh_database_prepare (RhDatabase *self, const char *sql, GError **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (self->statements, sql);

  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }
  if (sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL) != SQLITE_OK)
    {
      rh_database_set_error (self, error);
      return NULL;
    }
  g_hash_table_insert (self->statements, g_strdup (sql), stmt);
  return stmt;
}

gint64
rh_database_query_int (RhDatabase *self, const char *sql)
{
  sqlite3_stmt *stmt = rh_database_prepare (self, sql, NULL);
  gint64 value = -1;

  if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  if (stmt != NULL)
    sqlite3_reset (stmt);
  return value;
}

const char *
rh_database_get_path (RhDatabase *self)
{
  return self->path;
}

sqlite3 *
rh_database_get_handle (RhDatabase *self)
{
  return self->db;
}

int
rh_database_get_version (RhDatabase *self)
{
  return (int) rh_database_query_int (self, "PRAGMA user_version");
}

/* Transactions nest: the outermost is BEGIN IMMEDIATE, inner ones are savepoints. */
gboolean
rh_database_begin (RhDatabase *self, GError **error)
{
  g_autofree char *sql = NULL;

  if (self->depth == 0)
    sql = g_strdup ("BEGIN IMMEDIATE");
  else
    sql = g_strdup_printf ("SAVEPOINT rh_%d", self->depth);
  if (!rh_database_exec (self, sql, error))
    return FALSE;
  self->depth++;
  return TRUE;
}

gboolean
rh_database_commit (RhDatabase *self, GError **error)
{
  g_autofree char *sql = NULL;

  g_return_val_if_fail (self->depth > 0, FALSE);
  if (self->depth == 1)
    sql = g_strdup ("COMMIT");
  else
    sql = g_strdup_printf ("RELEASE rh_%d", self->depth - 1);
  if (!rh_database_exec (self, sql, error))
    {
      rh_database_rollback (self);
      return FALSE;
    }
  self->depth--;
  return TRUE;
}

void
rh_database_rollback (RhDatabase *self)
{
  g_autofree char *sql = NULL;

  g_return_if_fail (self->depth > 0);
  if (self->depth == 1)
    sql = g_strdup ("ROLLBACK");
  else
    sql = g_strdup_printf ("ROLLBACK TO rh_%d; RELEASE rh_%d", self->depth - 1, self->depth - 1);
  sqlite3_exec (self->db, sql, NULL, NULL, NULL);
  self->depth--;
}

gboolean
rh_database_transaction (RhDatabase *self, RhTransactionFunc func, gpointer data, GError **error)
{
  if (!rh_database_begin (self, error))
    return FALSE;
  if (!func (self, data, error))
    {
      rh_database_rollback (self);
      return FALSE;
    }
  return rh_database_commit (self, error);
}

/* Creates an empty file with mode 0600 so that SQLite (and its -wal/-shm
 * files, which copy the mode) never makes it readable by others. */
static gboolean
create_private_file (const char *path, GError **error)
{
  int fd = g_open (path, O_WRONLY | O_CREAT | O_EXCL, 0600);

  if (fd < 0)
    {
      int saved = errno;
      g_set_error (error, RH_DATABASE_ERROR, RH_DATABASE_ERROR_OPEN,
                   _("Cannot create “%s”: %s"), path, g_strerror (saved));
      return FALSE;
    }
  close (fd);
  return TRUE;
}

/* Looks at an existing file read-only and refuses it if it is not a Ronghe
 * database, is corrupt or is newer than this program. Never writes. */
#define QUICK_CHECK_MAX_BYTES (32 * 1024 * 1024)

/* The checks on an open connection: a Ronghe database of a version this program
 * knows, and (when check) SQLite's quick_check, or integrity_check when full.
 * Sets *out_empty for an empty SQLite file (no error unless full). */
static gboolean
inspect_handle (sqlite3 *db, const char *path, goffset size, gboolean full, gboolean check,
                int *out_version, gboolean *out_empty, GError **error)
{
  sqlite3_stmt *stmt = NULL;
  gint64 app_id = 0, version = 0, tables = 0;
  g_autofree char *check_result = NULL;
  int rc;

  if (out_empty != NULL)
    *out_empty = FALSE;
  rc = sqlite3_prepare_v2 (db,
                           "SELECT (SELECT application_id FROM pragma_application_id),"
                           " (SELECT user_version FROM pragma_user_version),"
                           " (SELECT count(*) FROM sqlite_schema)",
                           -1, &stmt, NULL);
  if (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      app_id = sqlite3_column_int64 (stmt, 0);
      version = sqlite3_column_int64 (stmt, 1);
      tables = sqlite3_column_int64 (stmt, 2);
      rc = SQLITE_OK;
    }
  sqlite3_finalize (stmt);
  stmt = NULL;

  if (rc == SQLITE_NOTADB)
    {
      g_set_error (error, RH_DATABASE_ERROR, RH_DATABASE_ERROR_NOT_RONGHE,
                   _("“%s” is not a Ronghe database. It was left unchanged."), path);
      return FALSE;
    }
  if (rc != SQLITE_OK)
    {
      g_set_error (error, RH_DATABASE_ERROR, RH_DATABASE_ERROR_CORRUPT,
                   _("“%s” is damaged and cannot be opened (%s). It was left unchanged."), path,
                   sqlite3_errmsg (db));
      return FALSE;
    }
  if (tables == 0 && app_id == 0 && version == 0)
    {
      /* An empty SQLite file becomes a new Ronghe database; as a backup it is nothing. */
      if (out_empty != NULL)
        *out_empty = TRUE;
      if (full)
        {
          g_set_error (error, RH_DATABASE_ERROR, RH_DATABASE_ERROR_NOT_RONGHE,
                       _("“%s” is an empty database, not a Ronghe backup."), path);
          return FALSE;
        }
      return TRUE;
    }
  if (app_id != RH_DATABASE_APPLICATION_ID)
    {
      g_set_error (error, RH_DATABASE_ERROR, RH_DATABASE_ERROR_NOT_RONGHE,
                   _("“%s” is a database of another program, not of Ronghe. It was left unchanged."),
                   path);
      return FALSE;
    }
  if (version > rh_database_latest_version ())
    {
      g_set_error (error, RH_DATABASE_ERROR, RH_DATABASE_ERROR_TOO_NEW,
                   _("“%s” was written by a newer version of Ronghe (database version %d; this "
                     "program knows up to %d). It was left unchanged."),
                   path, (int) version, rh_database_latest_version ());
      return FALSE;
    }
  if (out_version != NULL)
    *out_version = (int) version;
  if (!check)
    return TRUE;
  /* A full quick_check reads every page: about a second at 100,000 members.
   * Large files get it for their organisation table and the schema here, and
   * in full from `ronghe-cli check`. */
  if (sqlite3_prepare_v2 (db, full ? "PRAGMA integrity_check(1)"
                              : size > QUICK_CHECK_MAX_BYTES ? "PRAGMA quick_check(organisation)"
                                                             : "PRAGMA quick_check(1)",
                          -1, &stmt, NULL) == SQLITE_OK
      && sqlite3_step (stmt) == SQLITE_ROW)
    check_result = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  else
    check_result = g_strdup (sqlite3_errmsg (db));
  sqlite3_finalize (stmt);
  if (g_strcmp0 (check_result, "ok") != 0)
    {
      g_set_error (error, RH_DATABASE_ERROR, RH_DATABASE_ERROR_CORRUPT,
                   _("“%s” is damaged (%s). It was left unchanged; restore it from a backup."),
                   path, check_result);
      return FALSE;
    }
  return TRUE;
}

static gboolean
inspect (const char *path, gboolean full, int *out_version, GError **error)
{
  GStatBuf st;
  goffset size = g_stat (path, &st) == 0 ? st.st_size : 0;
  sqlite3 *db = NULL;
  gboolean ok;

  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
    {
      g_set_error (error, RH_DATABASE_ERROR, RH_DATABASE_ERROR_CORRUPT,
                   _("“%s” is damaged and cannot be opened (%s). It was left unchanged."), path,
                   sqlite3_errmsg (db));
      sqlite3_close_v2 (db);
      return FALSE;
    }
  ok = inspect_handle (db, path, size, full, TRUE, out_version, NULL, error);
  sqlite3_close_v2 (db);
  return ok;
}

static gboolean
inspect_existing (const char *path, GError **error)
{
  g_autoptr (GError) local = NULL;

  /* The caller may pass NULL and still needs to know. */
  if (!inspect (path, FALSE, NULL, &local))
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  return TRUE;
}

gboolean
rh_database_verify_file (const char *path, int *version, GError **error)
{
  g_autoptr (GError) local = NULL;

  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, RH_DATABASE_ERROR, RH_DATABASE_ERROR_OPEN, _("“%s” does not exist"),
                   path);
      return FALSE;
    }
  if (!inspect (path, TRUE, version, &local))
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  return TRUE;
}

/* PRAGMA foreign_key_check lists the rows whose references are broken; none may be. */
static gboolean
foreign_keys_hold (RhDatabase *self, GError **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (sqlite3_prepare_v2 (self->db, "PRAGMA foreign_key_check", -1, &stmt, NULL) != SQLITE_OK)
    return rh_database_set_error (self, error);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    g_set_error (error, RH_DATABASE_ERROR, RH_DATABASE_ERROR_SQL,
                 _("Foreign key: row %lld of %s refers to a missing %s"),
                 (long long) sqlite3_column_int64 (stmt, 1),
                 (const char *) sqlite3_column_text (stmt, 0),
                 (const char *) sqlite3_column_text (stmt, 2));
  else if (rc != SQLITE_DONE)
    rh_database_set_error (self, error);
  sqlite3_finalize (stmt);
  return rc == SQLITE_DONE;
}

static gboolean
apply_migration (RhDatabase *self, const char *name, int version, GError **error)
{
  g_autofree char *resource = g_build_path ("/", MIGRATIONS_PATH, name, NULL);
  g_autoptr (GBytes) bytes = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *pragmas = NULL;
  g_autoptr (GError) local = NULL;
  gboolean ok;

  bytes = g_resource_lookup_data (rh_core_get_resource (), resource,
                                  G_RESOURCE_LOOKUP_FLAGS_NONE, &local);
  if (bytes == NULL)
    {
      g_set_error (error, RH_DATABASE_ERROR, RH_DATABASE_ERROR_MIGRATION,
                   _("Migration %s is missing: %s"), name, local->message);
      return FALSE;
    }
  sql = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  /* Version numbers are ours, never user data; PRAGMA takes no parameters. */
  pragmas = g_strdup_printf ("PRAGMA application_id = %d; PRAGMA user_version = %d;",
                             RH_DATABASE_APPLICATION_ID, version);

  /* SQLite's procedure for changing a table (create the new one, copy, drop the old one,
   * rename) needs foreign keys off: dropping a table that other rows refer to would
   * otherwise fail or cascade. They can only be switched outside a transaction, and
   * instead every reference is checked before the migration commits. */
  if (!rh_database_exec (self, "PRAGMA foreign_keys = OFF", error))
    return FALSE;
  ok = rh_database_begin (self, error);
  if (ok)
    {
      ok = rh_database_exec (self, sql, &local) && foreign_keys_hold (self, &local)
           && rh_database_exec (self, pragmas, &local);
      if (!ok)
        {
          rh_database_rollback (self);
          g_set_error (error, RH_DATABASE_ERROR, RH_DATABASE_ERROR_MIGRATION,
                       _("Could not upgrade the database to version %d: %s"), version,
                       local->message);
        }
      else
        ok = rh_database_commit (self, error);
    }
  if (!rh_database_exec (self, "PRAGMA foreign_keys = ON", ok ? error : NULL))
    ok = FALSE;
  return ok;
}

static gboolean
migrate (RhDatabase *self, int target, GError **error)
{
  g_auto (GStrv) names = migration_names ();
  int current = rh_database_get_version (self);

  if (current > 0 && current < target)
    {
      g_autofree char *backup = rh_database_backup_auto (self, "before-migration", error);
      if (backup == NULL)
        return FALSE;
    }
  for (int v = current + 1; v <= target; v++)
    if (!apply_migration (self, names[v - 1], v, error))
      return FALSE;
  return TRUE;
}

RhDatabase *
rh_database_open_at_version (const char *path, int version, GError **error)
{
  g_autoptr (RhDatabase) self = NULL;
  gboolean in_memory = g_strcmp0 (path, ":memory:") == 0;

  g_return_val_if_fail (path != NULL, NULL);

  if (!in_memory)
    {
      g_autofree char *dir = g_path_get_dirname (path);
      if (g_mkdir_with_parents (dir, 0700) != 0)
        {
          int saved = errno;
          g_set_error (error, RH_DATABASE_ERROR, RH_DATABASE_ERROR_OPEN,
                       _("Cannot create the folder “%s”: %s"), dir, g_strerror (saved));
          return NULL;
        }
      if (g_file_test (path, G_FILE_TEST_EXISTS))
        {
          if (!inspect_existing (path, error))
            return NULL;
        }
      else if (!create_private_file (path, error))
        return NULL;
    }

  self = g_object_new (RH_TYPE_DATABASE, NULL);
  self->path = g_strdup (path);
  if (sqlite3_open_v2 (path, &self->db,
                       SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | RH_SQLITE_OPEN_ONE_THREAD, NULL)
      != SQLITE_OK)
    {
      g_set_error (error, RH_DATABASE_ERROR, RH_DATABASE_ERROR_OPEN,
                   _("Cannot open “%s”: %s"), path, sqlite3_errmsg (self->db));
      return NULL;
    }
  sqlite3_extended_result_codes (self->db, 1);
  if (!rh_database_exec (self,
                         "PRAGMA foreign_keys = ON;"
                         "PRAGMA journal_mode = WAL;"
                         "PRAGMA synchronous = FULL;"
                         "PRAGMA busy_timeout = 5000;"
                         /* 8 MiB of page cache (the default is 2): enough for the
                          * indexes of a large committee, modest for the GUI's memory. */
                         "PRAGMA cache_size = -8192;"
                         /* Statement journals (every INSERT that fires triggers has one)
                          * stay in memory instead of temporary files: an import of
                          * 100,000 members wrote 2.5 million times to them. */
                         "PRAGMA temp_store = MEMORY;",
                         error))
    return NULL;
  if (!migrate (self, version, error))
    return NULL;
  return g_steal_pointer (&self);
}

RhDatabase *
rh_database_open (const char *path, GError **error)
{
  return rh_database_open_at_version (path, rh_database_latest_version (), error);
}

RhDatabase *
rh_database_open_read_only (const char *path, GError **error)
{
  g_autoptr (RhDatabase) self = NULL;
  sqlite3 *db = NULL;
  int version = -1;
  gboolean empty = FALSE;

  g_return_val_if_fail (path != NULL, NULL);

  /* A new file, an empty one or an older version needs writing (the schema, the
   * migrations): the ordinary open does that, with its checks and its backup. */
  if (g_strcmp0 (path, ":memory:") == 0 || !g_file_test (path, G_FILE_TEST_IS_REGULAR))
    return rh_database_open (path, error);
  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY | RH_SQLITE_OPEN_ONE_THREAD, NULL)
      != SQLITE_OK)
    {
      g_set_error (error, RH_DATABASE_ERROR, RH_DATABASE_ERROR_OPEN, _("Cannot open “%s”: %s"),
                   path, sqlite3_errmsg (db));
      sqlite3_close_v2 (db);
      return NULL;
    }
  /* No quick_check: it is what keeps a damaged file from being written to, and this
   * connection cannot write. Damage met while reading is an error then. */
  if (!inspect_handle (db, path, 0, FALSE, FALSE, &version, &empty, error))
    {
      sqlite3_close_v2 (db);
      return NULL;
    }
  if (empty || version < rh_database_latest_version ())
    {
      sqlite3_close_v2 (db);
      return rh_database_open (path, error);
    }

  self = g_object_new (RH_TYPE_DATABASE, NULL);
  self->path = g_strdup (path);
  self->db = db;
  self->read_only = TRUE;
  sqlite3_extended_result_codes (self->db, 1);
  if (!rh_database_exec (self,
                         "PRAGMA foreign_keys = ON;"
                         "PRAGMA busy_timeout = 5000;"
                         "PRAGMA cache_size = -8192;"
                         "PRAGMA temp_store = MEMORY;"
                         "PRAGMA query_only = ON;",
                         error))
    return NULL;
  return g_steal_pointer (&self);
}

static gboolean
copy_database (sqlite3 *from, const char *dest_path, GError **error)
{
  sqlite3 *dest = NULL;
  sqlite3_backup *backup;
  int rc;

  if (sqlite3_open_v2 (dest_path, &dest, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL)
      != SQLITE_OK)
    {
      g_set_error (error, RH_DATABASE_ERROR, RH_DATABASE_ERROR_BACKUP,
                   _("Cannot write the backup “%s”: %s"), dest_path, sqlite3_errmsg (dest));
      sqlite3_close_v2 (dest);
      return FALSE;
    }
  backup = sqlite3_backup_init (dest, "main", from, "main");
  if (backup != NULL)
    {
      while ((rc = sqlite3_backup_step (backup, 256)) == SQLITE_OK
             || rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
        ;
      sqlite3_backup_finish (backup);
    }
  rc = sqlite3_errcode (dest);
  if (rc != SQLITE_OK && rc != SQLITE_DONE)
    {
      g_set_error (error, RH_DATABASE_ERROR, RH_DATABASE_ERROR_BACKUP,
                   _("Cannot write the backup “%s”: %s"), dest_path, sqlite3_errmsg (dest));
      sqlite3_close_v2 (dest);
      return FALSE;
    }
  /* A backup is a single self-contained file: no WAL beside it. */
  sqlite3_exec (dest, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL);
  sqlite3_close_v2 (dest);
  return TRUE;
}

/* Copies a connection's main database to dest_path: a temporary file, then a rename. */
static gboolean
copy_to_path (sqlite3 *from, const char *dest_path, GError **error)
{
  g_autofree char *tmp = g_strdup_printf ("%s.tmp-%d", dest_path, (int) getpid ());
  gboolean ok;

  g_unlink (tmp);
  if (!create_private_file (tmp, error))
    return FALSE;
  ok = copy_database (from, tmp, error);
  if (ok && g_rename (tmp, dest_path) != 0)
    {
      int saved = errno;
      g_set_error (error, RH_DATABASE_ERROR, RH_DATABASE_ERROR_BACKUP,
                   _("Cannot write the backup “%s”: %s"), dest_path, g_strerror (saved));
      ok = FALSE;
    }
  if (!ok)
    g_unlink (tmp);
  return ok;
}

gboolean
rh_database_backup (RhDatabase *self, const char *dest_path, GError **error)
{
  return copy_to_path (self->db, dest_path, error);
}

gboolean
rh_database_copy_file (const char *src_path, const char *dest_path, GError **error)
{
  sqlite3 *src = NULL;
  gboolean ok;

  /* Read-only: the source (a backup) is never written. */
  if (sqlite3_open_v2 (src_path, &src, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
    {
      g_set_error (error, RH_DATABASE_ERROR, RH_DATABASE_ERROR_OPEN, _("Cannot open “%s”: %s"),
                   src_path, sqlite3_errmsg (src));
      sqlite3_close_v2 (src);
      return FALSE;
    }
  ok = copy_to_path (src, dest_path, error);
  sqlite3_close_v2 (src);
  return ok;
}

gboolean
rh_database_replace_from (RhDatabase *self, const char *src_path, GError **error)
{
  sqlite3 *src = NULL;
  sqlite3_backup *backup;
  int rc;

  g_return_val_if_fail (self->depth == 0, FALSE);
  if (sqlite3_open_v2 (src_path, &src, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
    {
      g_set_error (error, RH_DATABASE_ERROR, RH_DATABASE_ERROR_OPEN, _("Cannot open “%s”: %s"),
                   src_path, sqlite3_errmsg (src));
      sqlite3_close_v2 (src);
      return FALSE;
    }
  /* Statements hold read transactions and name the old schema: drop them all. */
  g_hash_table_remove_all (self->statements);
  backup = sqlite3_backup_init (self->db, "main", src, "main");
  if (backup == NULL)
    {
      rh_database_set_error (self, error);
      sqlite3_close_v2 (src);
      return FALSE;
    }
  /* All pages in one step: the copy is one write transaction on this connection. */
  rc = sqlite3_backup_step (backup, -1);
  sqlite3_backup_finish (backup);
  sqlite3_close_v2 (src);
  if (rc != SQLITE_DONE)
    {
      g_set_error (error, RH_DATABASE_ERROR, RH_DATABASE_ERROR_BACKUP,
                   _("Cannot restore from “%s”: %s"), src_path, sqlite3_errstr (rc));
      return FALSE;
    }
  /* An older backup is brought up to date like any older database. */
  return migrate (self, rh_database_latest_version (), error);
}

char *
rh_database_backup_auto (RhDatabase *self, const char *reason, GError **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *dbdir = NULL;
  g_autofree char *stamp = NULL;
  g_autofree char *name = NULL;
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  char *path;

  if (g_strcmp0 (self->path, ":memory:") == 0)
    return g_strdup ("");
  dbdir = g_path_get_dirname (self->path);
  dir = g_build_filename (dbdir, "backups", NULL);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;
      g_set_error (error, RH_DATABASE_ERROR, RH_DATABASE_ERROR_BACKUP,
                   _("Cannot create the folder “%s”: %s"), dir, g_strerror (saved));
      return NULL;
    }
  stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
  name = g_strdup_printf ("ronghe-%s-v%d-%s.db", stamp, rh_database_get_version (self), reason);
  path = g_build_filename (dir, name, NULL);
  if (!rh_database_backup (self, path, error))
    {
      g_free (path);
      return NULL;
    }
  return path;
}
