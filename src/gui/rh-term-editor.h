/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>
#include "rh-database.h"
#include "rh-org.h"

G_BEGIN_DECLS

#define RH_TYPE_TERM_EDITOR (rh_term_editor_get_type ())
G_DECLARE_FINAL_TYPE (RhTermEditor, rh_term_editor, RH, TERM_EDITOR, AdwWindow)

/* Starts a new committee term (换届) for org, with its roles. */
RhTermEditor *rh_term_editor_new (GtkWindow *parent, RhDatabase *db, RhOrg *org);

G_END_DECLS
