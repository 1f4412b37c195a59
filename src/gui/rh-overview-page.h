/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>
#include "rh-database.h"
#include "rh-rules.h"

G_BEGIN_DECLS

#define RH_TYPE_OVERVIEW_PAGE (rh_overview_page_get_type ())
G_DECLARE_FINAL_TYPE (RhOverviewPage, rh_overview_page, RH, OVERVIEW_PAGE, GtkWidget)

/* counts: the database's counts if they are already computed (at start-up), or NULL. */
void rh_overview_page_set_database (RhOverviewPage *self, RhDatabase *db,
                                    const RhCounts *counts);

G_END_DECLS
