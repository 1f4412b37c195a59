/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>
#include "rh-database.h"
#include "rh-points.h"

G_BEGIN_DECLS

#define RH_TYPE_POINTS_WINDOW (rh_points_window_get_type ())
G_DECLARE_FINAL_TYPE (RhPointsWindow, rh_points_window, RH, POINTS_WINDOW, AdwWindow)

/* A branch's members with their points by quarter, year total, level, rank and
 * democratic review grade (editable, with the 优秀 quota) for a year. */
RhPointsWindow *rh_points_window_new (GtkWindow *parent, RhDatabase *db, gint64 branch_id,
                                      int year);
void            rh_points_window_set_year (RhPointsWindow *self, int year);
/* The row of a member as shown, or NULL. */
const RhPoints *rh_points_window_find (RhPointsWindow *self, gint64 member_id);

G_END_DECLS
