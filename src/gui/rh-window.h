/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>
#include "rh-application.h"
#include "rh-database.h"

G_BEGIN_DECLS

#define RH_TYPE_WINDOW (rh_window_get_type ())
G_DECLARE_FINAL_TYPE (RhWindow, rh_window, RH, WINDOW, AdwApplicationWindow)

RhWindow   *rh_window_new (RhApplication *app, RhDatabase *db);
RhDatabase *rh_window_get_database (RhWindow *self);
/* A short confirmation at the bottom of the window. */
void        rh_window_toast (RhWindow *self, const char *message);
/* A toast with an Open button that opens the file at path. */
void        rh_window_toast_file (RhWindow *self, const char *message, const char *path);
/* Switches to a view ("overview", "organisations", "members"). */
void        rh_window_show_view (RhWindow *self, const char *name);
void        rh_window_show_org (RhWindow *self, gint64 org_id);
void        rh_window_show_member (RhWindow *self, gint64 member_id);
/* The Meetings view of a branch, this year. */
void        rh_window_show_meetings (RhWindow *self, gint64 branch_id);

/* The window that holds a widget, for pages and dialogs. */
RhWindow   *rh_window_for (GtkWidget *widget);

G_END_DECLS
