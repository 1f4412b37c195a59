/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>
#include "rh-database.h"

G_BEGIN_DECLS

#define RH_TYPE_POINT_ENTRY_DIALOG (rh_point_entry_dialog_get_type ())
G_DECLARE_FINAL_TYPE (RhPointEntryDialog, rh_point_entry_dialog, RH, POINT_ENTRY_DIALOG, AdwWindow)

/* "Add Points…": a manual points rule, a date and a note for one member. */
RhPointEntryDialog *rh_point_entry_dialog_new (GtkWindow *parent, RhDatabase *db, gint64 member_id);
/* Selects a rule by its code; FALSE when it is not one of the manual rules listed. */
gboolean            rh_point_entry_dialog_select_rule (RhPointEntryDialog *self, const char *code);
/* TRUE once an entry was saved. */
gboolean            rh_point_entry_dialog_get_saved (RhPointEntryDialog *self);

G_END_DECLS
