/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>
#include "rh-database.h"

G_BEGIN_DECLS

#define RH_TYPE_CASES_PAGE (rh_cases_page_get_type ())
G_DECLARE_FINAL_TYPE (RhCasesPage, rh_cases_page, RH, CASES_PAGE, GtkWidget)

void rh_cases_page_set_database (RhCasesPage *self, RhDatabase *db);
void rh_cases_page_new_case (RhCasesPage *self);

G_END_DECLS
