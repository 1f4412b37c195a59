/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>
#include "rh-case.h"
#include "rh-database.h"

G_BEGIN_DECLS

#define RH_TYPE_CASE_EDITOR (rh_case_editor_get_type ())
G_DECLARE_FINAL_TYPE (RhCaseEditor, rh_case_editor, RH, CASE_EDITOR, AdwWindow)

/* Edits a case, or (c NULL) starts a new one for branch_id. */
RhCaseEditor *rh_case_editor_new (GtkWindow *parent, RhDatabase *db, RhCase *c, gint64 branch_id);

G_END_DECLS
