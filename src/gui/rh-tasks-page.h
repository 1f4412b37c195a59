/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>
#include "rh-database.h"

G_BEGIN_DECLS

#define RH_TYPE_TASKS_PAGE (rh_tasks_page_get_type ())
G_DECLARE_FINAL_TYPE (RhTasksPage, rh_tasks_page, RH, TASKS_PAGE, GtkWidget)

void rh_tasks_page_set_database (RhTasksPage *self, RhDatabase *db);
void rh_tasks_page_new_task (RhTasksPage *self);

G_END_DECLS
