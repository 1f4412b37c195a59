/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Excel workbooks for the higher committee (上级党委): assessment results,
 * the roster (党员花名册) and the meeting ledger (三会一课台账). Every figure
 * comes from core; formulas carry core's numbers as their cached values. */
#pragma once

#include <gio/gio.h>
#include "rh-database.h"

G_BEGIN_DECLS

#define RH_EXPORT_ERROR (rh_export_error_quark ())
GQuark rh_export_error_quark (void);

typedef enum {
  RH_EXPORT_ERROR_WRITE,      /* the file could not be written; the target is untouched */
  RH_EXPORT_ERROR_INPUT,      /* no such branch, bad period… */
  RH_EXPORT_ERROR_CANCELLED,
} RhExportError;

/* Called from the exporting thread with the share done, 0–1. */
typedef void (*RhExportProgress) (double fraction, gpointer user_data);

typedef struct {
  const char      *period;         /* assessment and meeting ledger: 2025 or 2025Q3 */
  gint64           branch_id;      /* 0: the whole committee (not for the meeting ledger) */
  gboolean         unmasked;       /* ID and phone numbers in full: only when the user asks */
  RhExportProgress progress;
  gpointer         progress_data;
  GCancellable    *cancellable;
} RhExportOptions;

/* Each writes a temporary file beside `path` and renames it into place, so
 * on any error `path` is untouched, and it only reads the database. */
gboolean rh_export_assessment (RhDatabase *db, const char *path, const RhExportOptions *options,
                               GError **error);
gboolean rh_export_roster (RhDatabase *db, const char *path, const RhExportOptions *options,
                           GError **error);
gboolean rh_export_meetings (RhDatabase *db, const char *path, const RhExportOptions *options,
                             GError **error);

/* 110105********002X: the first six and last four characters of an ID
 * number; 138****5678 for a phone number. NULL stays NULL. */
char    *rh_export_mask_id (const char *id_number);
char    *rh_export_mask_phone (const char *phone);

G_END_DECLS
