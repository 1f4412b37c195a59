/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "rh-config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>
#include "rh-backup.h"

void
rh_backup_info_free (RhBackupInfo *info)
{
  if (info == NULL)
    return;
  g_free (info->path);
  g_free (info->reason);
  g_clear_pointer (&info->time, g_date_time_unref);
  g_free (info);
}

char *
rh_backup_dir (const char *db_path)
{
  g_autofree char *dir = g_path_get_dirname (db_path);

  return g_build_filename (dir, "backups", NULL);
}

/* "ronghe-20261122-063000-v6-start.db", as rh_database_backup_auto names them. */
static RhBackupInfo *
parse_name (const char *dir, const char *name)
{
  int y, mo, d, h, mi, s, v, n = 0;
  g_autoptr (GDateTime) time = NULL;
  RhBackupInfo *info;
  GStatBuf st;
  gsize len = strlen (name);

  if (!g_str_has_prefix (name, "ronghe-") || !g_str_has_suffix (name, ".db")
      || sscanf (name, "ronghe-%4d%2d%2d-%2d%2d%2d-v%d-%n", &y, &mo, &d, &h, &mi, &s, &v, &n) != 7
      || n == 0 || (gsize) n + 3 > len)
    return NULL;
  time = g_date_time_new_local (y, mo, d, h, mi, s);
  if (time == NULL)
    return NULL;
  info = g_new0 (RhBackupInfo, 1);
  info->path = g_build_filename (dir, name, NULL);
  info->reason = g_strndup (name + n, len - (gsize) n - 3);
  info->time = g_steal_pointer (&time);
  info->version = v;
  info->size = g_stat (info->path, &st) == 0 ? st.st_size : 0;
  return info;
}

static int
newest_first (gconstpointer a, gconstpointer b)
{
  const RhBackupInfo *p = *(RhBackupInfo *const *) a;
  const RhBackupInfo *q = *(RhBackupInfo *const *) b;
  int c = g_date_time_compare (q->time, p->time);

  return c != 0 ? c : g_strcmp0 (q->path, p->path);
}

GPtrArray *
rh_backup_list (const char *db_path)
{
  g_autofree char *dir = rh_backup_dir (db_path);
  g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
  GPtrArray *list = g_ptr_array_new_with_free_func ((GDestroyNotify) rh_backup_info_free);
  const char *name;

  if (d == NULL)
    return list;
  while ((name = g_dir_read_name (d)) != NULL)
    {
      RhBackupInfo *info = parse_name (dir, name);

      if (info != NULL)
        g_ptr_array_add (list, info);
    }
  g_ptr_array_sort (list, newest_first);
  return list;
}

guint
rh_backup_prune (const char *db_path, GDateTime *now)
{
  g_autoptr (GPtrArray) list = rh_backup_list (db_path);
  g_autoptr (GHashTable) months = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (GDateTime) year_ago = g_date_time_add_months (now, -RH_BACKUP_KEEP_MONTHS);
  guint deleted = 0;

  for (guint i = 0; i < list->len; i++)
    {
      RhBackupInfo *info = list->pdata[i];
      g_autofree char *month = g_date_time_format (info->time, "%Y-%m");
      gboolean newest_of_month = !g_hash_table_contains (months, month);

      g_hash_table_add (months, g_steal_pointer (&month));
      if (i < RH_BACKUP_KEEP_LAST)
        continue;
      if (newest_of_month && g_date_time_compare (info->time, year_ago) > 0)
        continue;
      if (g_unlink (info->path) == 0)
        deleted++;
    }
  return deleted;
}

char *
rh_backup_auto (RhDatabase *db, const char *reason, GError **error)
{
  char *path = rh_database_backup_auto (db, reason, error);
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();

  if (path != NULL && *path != '\0')
    rh_backup_prune (rh_database_get_path (db), now);
  return path;
}

char *
rh_backup_daily (RhDatabase *db, GError **error)
{
  const char *db_path = rh_database_get_path (db);
  g_autoptr (GPtrArray) list = NULL;
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");

  if (g_strcmp0 (db_path, ":memory:") == 0)
    return NULL;
  list = rh_backup_list (db_path);
  for (guint i = 0; i < list->len; i++)
    {
      RhBackupInfo *info = list->pdata[i];
      g_autofree char *day = g_date_time_format (info->time, "%Y-%m-%d");

      if (g_strcmp0 (info->reason, "start") == 0 && g_strcmp0 (day, today) == 0)
        return NULL;
    }
  return rh_backup_auto (db, "start", error);
}

char *
rh_backup_latest_good (const char *db_path)
{
  g_autoptr (GPtrArray) list = rh_backup_list (db_path);

  for (guint i = 0; i < list->len; i++)
    {
      RhBackupInfo *info = list->pdata[i];

      if (rh_database_verify_file (info->path, NULL, NULL))
        return g_strdup (info->path);
    }
  return NULL;
}

gboolean
rh_backup_restore (RhDatabase *db, const char *backup_path, char **safety_path, GError **error)
{
  g_autofree char *safety = NULL;
  g_autofree char *copy = NULL;
  g_autofree char *dir = NULL;
  gboolean ok;

  if (!rh_database_verify_file (backup_path, NULL, error))
    return FALSE;
  safety = rh_backup_auto (db, "before-restore", error);
  if (safety == NULL)
    return FALSE;
  /* Restoring from a copy keeps the chosen file untouched even if it is one of the
   * automatic backups that pruning may remove. */
  dir = g_path_get_dirname (safety);
  copy = g_build_filename (dir, ".restoring.db", NULL);
  ok = rh_database_copy_file (backup_path, copy, error)
       && rh_database_replace_from (db, copy, error);
  g_unlink (copy);
  if (ok && safety_path != NULL)
    *safety_path = g_steal_pointer (&safety);
  return ok;
}

/* Renames from → to if from exists; FALSE with an error only when it exists and fails. */
static gboolean
move_aside (const char *from, const char *to, GError **error)
{
  if (!g_file_test (from, G_FILE_TEST_EXISTS))
    return TRUE;
  if (g_rename (from, to) != 0)
    {
      int saved = errno;
      g_set_error (error, RH_DATABASE_ERROR, RH_DATABASE_ERROR_BACKUP,
                   _("Cannot move “%s” aside: %s"), from, g_strerror (saved));
      return FALSE;
    }
  return TRUE;
}

gboolean
rh_backup_recover (const char *db_path, const char *backup_path, char **damaged_path,
                   GError **error)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
  g_autofree char *damaged = g_strdup_printf ("%s.damaged-%s", db_path, stamp);
  const char *suffixes[] = { "-wal", "-shm", "-journal" };

  if (!rh_database_verify_file (backup_path, NULL, error))
    return FALSE;
  /* The damaged file is only renamed, never written: it stays for a specialist. */
  if (!move_aside (db_path, damaged, error))
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *from = g_strconcat (db_path, suffixes[i], NULL);
      g_autofree char *to = g_strconcat (damaged, suffixes[i], NULL);

      if (!move_aside (from, to, error))
        return FALSE;
    }
  if (!rh_database_copy_file (backup_path, db_path, error))
    return FALSE;
  if (damaged_path != NULL)
    *damaged_path = g_steal_pointer (&damaged);
  return TRUE;
}
