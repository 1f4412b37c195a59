/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Backups: automatic ones in backups/ beside the database (at start once a day, before
 * migrations, imports and restores), their retention, and restoring from a backup. */
#pragma once

#include "rh-database.h"

G_BEGIN_DECLS

/* Keep the last 10, and the newest of each month for a year. */
#define RH_BACKUP_KEEP_LAST 10
#define RH_BACKUP_KEEP_MONTHS 12

typedef struct {
  char      *path;
  char      *reason;   /* "start", "before-import", "before-migration", "before-restore"… */
  GDateTime *time;     /* local time of the backup */
  int        version;  /* the database version it holds */
  goffset    size;
} RhBackupInfo;

void       rh_backup_info_free (RhBackupInfo *info);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RhBackupInfo, rh_backup_info_free)

/* The folder of automatic backups for a database file. */
char      *rh_backup_dir (const char *db_path);
/* Automatic backups of a database (RhBackupInfo), newest first. */
GPtrArray *rh_backup_list (const char *db_path);
/* Deletes the automatic backups that the retention rule does not keep; returns how many. */
guint      rh_backup_prune (const char *db_path, GDateTime *now);

/* Takes an automatic backup and prunes; returns its path. */
char      *rh_backup_auto (RhDatabase *db, const char *reason, GError **error);
/* The backup taken when Ronghe starts: at most one a day. Returns its path, or NULL without
 * an error when today's exists already. */
char      *rh_backup_daily (RhDatabase *db, GError **error);

/* The newest automatic backup that passes rh_database_verify_file, or NULL. */
char      *rh_backup_latest_good (const char *db_path);

/* Replaces the open database with a verified backup, after backing up the current one
 * (its path in safety_path). The connection stays open and is migrated if needed. */
gboolean   rh_backup_restore (RhDatabase *db, const char *backup_path, char **safety_path,
                              GError **error);
/* For a database that cannot be opened: moves the damaged file (and its -wal and -shm)
 * aside unchanged, as damaged_path, and puts a copy of the verified backup in its place. */
gboolean   rh_backup_recover (const char *db_path, const char *backup_path, char **damaged_path,
                              GError **error);

G_END_DECLS
