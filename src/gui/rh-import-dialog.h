/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Importing a roster: sheet, column mapping, preview with the problems, then the write with a
 * progress bar and Cancel. Reading, checking and writing run off the main thread, each on its
 * own database connection. */
#pragma once

#include <adwaita.h>
#include "rh-database.h"

G_BEGIN_DECLS

#define RH_TYPE_IMPORT_DIALOG (rh_import_dialog_get_type ())
G_DECLARE_FINAL_TYPE (RhImportDialog, rh_import_dialog, RH, IMPORT_DIALOG, AdwWindow)

/* Opens the file at once and shows its columns. */
RhImportDialog *rh_import_dialog_new (GtkWindow *parent, RhDatabase *db, const char *path);

/* "busy", "error", "mapping", "preview" or "progress": for tests. */
const char     *rh_import_dialog_get_page (RhImportDialog *self);
/* The column chosen for a field (-1: none), and choosing one: for tests. */
int             rh_import_dialog_get_column (RhImportDialog *self, int field);
void            rh_import_dialog_set_column (RhImportDialog *self, int field, int column);

G_END_DECLS
