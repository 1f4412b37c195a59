/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>
#include "rh-database.h"

G_BEGIN_DECLS

#define RH_TYPE_CASE_VIEW (rh_case_view_get_type ())
G_DECLARE_FINAL_TYPE (RhCaseView, rh_case_view, RH, CASE_VIEW, AdwWindow)

/* A case page that reads well and prints on its own as an A4 page. */
RhCaseView *rh_case_view_new (GtkWindow *parent, RhDatabase *db, gint64 case_id);

G_END_DECLS
