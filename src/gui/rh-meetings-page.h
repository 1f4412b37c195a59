/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>
#include "rh-database.h"

G_BEGIN_DECLS

#define RH_TYPE_MEETINGS_PAGE (rh_meetings_page_get_type ())
G_DECLARE_FINAL_TYPE (RhMeetingsPage, rh_meetings_page, RH, MEETINGS_PAGE, GtkWidget)

void   rh_meetings_page_set_database (RhMeetingsPage *self, RhDatabase *db);
/* Shows one branch's year. */
void   rh_meetings_page_show (RhMeetingsPage *self, gint64 branch_id, int year);
void   rh_meetings_page_new_meeting (RhMeetingsPage *self);
/* The branch and year on show. */
void   rh_meetings_page_get_shown (RhMeetingsPage *self, gint64 *branch_id, int *year);

G_END_DECLS
