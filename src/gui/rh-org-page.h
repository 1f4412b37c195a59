/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>
#include "rh-database.h"

G_BEGIN_DECLS

#define RH_TYPE_ORG_PAGE (rh_org_page_get_type ())
G_DECLARE_FINAL_TYPE (RhOrgPage, rh_org_page, RH, ORG_PAGE, GtkWidget)

void   rh_org_page_set_database (RhOrgPage *self, RhDatabase *db);
/* Expands the tree down to the organisation and selects it. */
void   rh_org_page_select (RhOrgPage *self, gint64 org_id);
gint64 rh_org_page_get_selected_id (RhOrgPage *self);
/* Opens the editor for a new organisation under the selected one. */
void   rh_org_page_add (RhOrgPage *self);
/* The tree's flattened model (for tests). */
GListModel *rh_org_page_get_model (RhOrgPage *self);

G_END_DECLS
