/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>
#include "rh-database.h"

G_BEGIN_DECLS

#define RH_TYPE_MEMBER_VIEW (rh_member_view_get_type ())
G_DECLARE_FINAL_TYPE (RhMemberView, rh_member_view, RH, MEMBER_VIEW, AdwWindow)

/* A member's page: details, the pipeline timeline with due dates, transfer out and restore.
 * NULL when the member does not exist. */
RhMemberView *rh_member_view_new (GtkWindow *parent, RhDatabase *db, gint64 member_id);
/* The year whose points and review are shown (this year by default). */
void          rh_member_view_set_year (RhMemberView *self, int year);

G_END_DECLS
