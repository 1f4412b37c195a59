/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>
#include "rh-database.h"
#include "rh-org.h"

G_BEGIN_DECLS

#define RH_TYPE_ORG_EDITOR (rh_org_editor_get_type ())
G_DECLARE_FINAL_TYPE (RhOrgEditor, rh_org_editor, RH, ORG_EDITOR, AdwWindow)

/* Edits org, or (org NULL) creates a new organisation under parent_id (0: top level). */
RhOrgEditor *rh_org_editor_new (GtkWindow *parent, RhDatabase *db, RhOrg *org, gint64 parent_id);

G_END_DECLS
