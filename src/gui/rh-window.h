/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>
#include "rh-application.h"
#include "rh-database.h"
#include "rh-rules.h"

G_BEGIN_DECLS

#define RH_TYPE_WINDOW (rh_window_get_type ())
G_DECLARE_FINAL_TYPE (RhWindow, rh_window, RH, WINDOW, AdwApplicationWindow)

/* counts: the database's Overview counts if they are already computed, or NULL. */
RhWindow   *rh_window_new (RhApplication *app, RhDatabase *db, const RhCounts *counts);
RhDatabase *rh_window_get_database (RhWindow *self);
/* A short confirmation at the bottom of the window. */
void        rh_window_toast (RhWindow *self, const char *message);
/* A toast with an Open button that opens the file at path. */
void        rh_window_toast_file (RhWindow *self, const char *message, const char *path);
/* Switches to a view ("overview", "organisations", "members"). */
void        rh_window_show_view (RhWindow *self, const char *name);
/* Gives a view's page the database (pages are filled when first shown). */
void        rh_window_load_view (RhWindow *self, const char *view);
/* The page of a view ("members", …), made if it was not yet; its database is set when it
 * is first shown (rh_window_load_view). */
gpointer    rh_window_get_page (RhWindow *self, const char *view);
void        rh_window_show_org (RhWindow *self, gint64 org_id);
void        rh_window_show_member (RhWindow *self, gint64 member_id);
/* The Meetings view of a branch, this year. */
void        rh_window_show_meetings (RhWindow *self, gint64 branch_id);

/* Opens the import dialog on a roster file (the menu asks for the file first). */
void        rh_window_import (RhWindow *self, const char *path);
/* Back up… and Restore… once a file is chosen; a toast or a dialog says how it went. */
gboolean    rh_window_backup_to (RhWindow *self, const char *path);
gboolean    rh_window_restore_from (RhWindow *self, const char *path);
/* The window that holds a widget, for pages and dialogs. */
RhWindow   *rh_window_for (GtkWidget *widget);

G_END_DECLS
