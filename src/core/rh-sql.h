/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Small binding and column helpers used by the core's store code. Internal to core. */
#pragma once

#include <glib.h>
#include <math.h>
#include <sqlite3.h>

G_BEGIN_DECLS

/* Binds text, or NULL for a NULL or empty string. */
static inline void
rh_sql_bind_text (sqlite3_stmt *stmt, int index, const char *text)
{
  if (text == NULL || *text == '\0')
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
}

/* The same without a copy: text must stay unchanged until the statement is stepped and
 * reset (for rows written one after the other in a bulk load). */
static inline void
rh_sql_bind_text_static (sqlite3_stmt *stmt, int index, const char *text)
{
  if (text == NULL || *text == '\0')
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_STATIC);
}

/* Binds a row id, or NULL for 0. */
static inline void
rh_sql_bind_id (sqlite3_stmt *stmt, int index, gint64 id)
{
  if (id == 0)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_int64 (stmt, index, id);
}

/* Binds a number, or NULL for NAN (a value not set). */
static inline void
rh_sql_bind_double (sqlite3_stmt *stmt, int index, double value)
{
  if (value != value)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_double (stmt, index, value);
}

/* A number column, NAN for NULL. */
static inline double
rh_sql_double (sqlite3_stmt *stmt, int column)
{
  return sqlite3_column_type (stmt, column) == SQLITE_NULL ? (double) NAN
                                                           : sqlite3_column_double (stmt, column);
}

static inline const char *
rh_sql_text (sqlite3_stmt *stmt, int column)
{
  return (const char *) sqlite3_column_text (stmt, column);
}

static inline char *
rh_sql_dup (sqlite3_stmt *stmt, int column)
{
  return g_strdup (rh_sql_text (stmt, column));
}

/* Binds the keys of a set of row ids (gint64 keys, as with g_int64_hash) as
 * a JSON array, for "id IN (SELECT value FROM json_each (?N))". */
static inline void
rh_sql_bind_id_set (sqlite3_stmt *stmt, int index, GHashTable *ids)
{
  GString *json = g_string_new ("[");
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, ids);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_string_append_printf (json, "%s%" G_GINT64_FORMAT, json->len > 1 ? "," : "",
                            *(gint64 *) key);
  g_string_append_c (json, ']');
  sqlite3_bind_text (stmt, index, json->str, (int) json->len, SQLITE_TRANSIENT);
  g_string_free (json, TRUE);
}

G_END_DECLS
