/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Export to Excel…: options (scope, period, masking), a file chooser, and
 * the export in a worker thread with its own database connection. */
#pragma once

#include <adwaita.h>
#include "rh-database.h"

G_BEGIN_DECLS

typedef enum {
  RH_EXPORT_KIND_ASSESSMENT,
  RH_EXPORT_KIND_ROSTER,
  RH_EXPORT_KIND_MEETINGS,
} RhExportKind;

#define RH_TYPE_EXPORT_DIALOG (rh_export_dialog_get_type ())
G_DECLARE_FINAL_TYPE (RhExportDialog, rh_export_dialog, RH, EXPORT_DIALOG, AdwWindow)

/* period may be NULL (this year); branch_id 0 for the whole committee. */
RhExportDialog *rh_export_dialog_new (GtkWindow *parent, RhDatabase *db, RhExportKind kind,
                                      const char *period, gint64 branch_id);
/* Starts the export to path, as if chosen in the file chooser. */
void            rh_export_dialog_export_to (RhExportDialog *self, const char *path);
/* TRUE while the worker runs. */
gboolean        rh_export_dialog_is_running (RhExportDialog *self);

G_END_DECLS
