/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The one module that talks to SQLite: open, migrate, transactions, backup. */
#pragma once

#include <gio/gio.h>
#include <sqlite3.h>

G_BEGIN_DECLS

#define RH_DATABASE_ERROR (rh_database_error_quark ())
GQuark rh_database_error_quark (void);

typedef enum {
  RH_DATABASE_ERROR_OPEN,         /* cannot open or create the file */
  RH_DATABASE_ERROR_NOT_RONGHE,   /* a file, or a SQLite database, that is not Ronghe's */
  RH_DATABASE_ERROR_CORRUPT,      /* fails SQLite's checks */
  RH_DATABASE_ERROR_TOO_NEW,      /* written by a newer Ronghe */
  RH_DATABASE_ERROR_MIGRATION,
  RH_DATABASE_ERROR_SQL,
  RH_DATABASE_ERROR_BACKUP,
  RH_DATABASE_ERROR_NOT_FOUND,
} RhDatabaseError;

/* 'RHDB' in the SQLite header: how a Ronghe database is told from others. */
#define RH_DATABASE_APPLICATION_ID 0x52484442

#define RH_TYPE_DATABASE (rh_database_get_type ())
G_DECLARE_FINAL_TYPE (RhDatabase, rh_database, RH, DATABASE, GObject)

/* The path used when none is given: $RONGHE_DATABASE, else $XDG_DATA_HOME/ronghe/ronghe.db. */
char       *rh_database_default_path (void);

/* Opens or creates a Ronghe database. A foreign, corrupt or newer file is refused
 * without being modified. Pending migrations run after a backup.
 * A RhDatabase is used by one thread at a time. It may be handed from one thread to
 * another (the GUI opens it in a thread, then works with it in the main one); a thread
 * that works beside others opens its own. */
RhDatabase *rh_database_open (const char *path, GError **error);
/* Opens an existing Ronghe database of the current version for reading only (charts,
 * handouts): SQLite's read-only mode and query_only, so nothing can be written, and no
 * quick_check first (damage met while reading is a RH_DATABASE_ERROR_CORRUPT). A
 * missing, empty or older file is opened with rh_database_open instead. */
RhDatabase *rh_database_open_read_only (const char *path, GError **error);
/* Opens up to migration `version` only (for tests of upgrades). */
RhDatabase *rh_database_open_at_version (const char *path, int version, GError **error);

const char *rh_database_get_path (RhDatabase *self);
sqlite3    *rh_database_get_handle (RhDatabase *self);
int         rh_database_get_version (RhDatabase *self);
int         rh_database_latest_version (void);

/* A prepared statement, cached by SQL text and reset for reuse. Owned by the database. */
sqlite3_stmt *rh_database_prepare (RhDatabase *self, const char *sql, GError **error);
/* Runs SQL without parameters (schema, pragmas). */
gboolean      rh_database_exec (RhDatabase *self, const char *sql, GError **error);
/* Sets a GError from the connection's last message. Returns FALSE for chaining. */
gboolean      rh_database_set_error (RhDatabase *self, GError **error);

/* Transactions nest through savepoints; a failed step rolls back to where it began. */
gboolean rh_database_begin (RhDatabase *self, GError **error);
gboolean rh_database_commit (RhDatabase *self, GError **error);
void     rh_database_rollback (RhDatabase *self);

typedef gboolean (*RhTransactionFunc) (RhDatabase *db, gpointer data, GError **error);
/* Runs func inside one transaction: all of it lands, or none of it. */
gboolean rh_database_transaction (RhDatabase *self, RhTransactionFunc func,
                                  gpointer data, GError **error);

/* Online backup to dest_path (created with mode 0600). */
gboolean rh_database_backup (RhDatabase *self, const char *dest_path, GError **error);
/* Backs up into backups/ beside the database with a time-stamped name; returns the path. */
char    *rh_database_backup_auto (RhDatabase *self, const char *reason, GError **error);

/* Checks a file without writing to it: SQLite's full integrity_check, and that it is a
 * Ronghe database of a version this program knows. Sets its version. */
gboolean rh_database_verify_file (const char *path, int *version, GError **error);
/* Copies a database file (read-only, never locked) to dest_path through a temporary file. */
gboolean rh_database_copy_file (const char *src_path, const char *dest_path, GError **error);
/* Replaces this open database's content with src_path's in one transaction, then migrates
 * it. No transaction may be open. */
gboolean rh_database_replace_from (RhDatabase *self, const char *src_path, GError **error);

/* Emits "changed": callers that changed rows say so, and views reload. */
void     rh_database_emit_changed (RhDatabase *self);

/* Convenience: first column of the first row of a parameterless query, or -1. */
gint64   rh_database_query_int (RhDatabase *self, const char *sql);


G_END_DECLS
