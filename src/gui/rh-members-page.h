/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>
#include "rh-database.h"
#include "rh-member-list.h"

G_BEGIN_DECLS

#define RH_TYPE_MEMBERS_PAGE (rh_members_page_get_type ())
G_DECLARE_FINAL_TYPE (RhMembersPage, rh_members_page, RH, MEMBERS_PAGE, GtkWidget)

void          rh_members_page_set_database (RhMembersPage *self, RhDatabase *db);
void          rh_members_page_focus_search (RhMembersPage *self);
/* Opens the editor for a new member in the filtered branch, if one is chosen. */
void          rh_members_page_new_member (RhMembersPage *self);
/* Opens the member page (details and pipeline timeline). */
void          rh_members_page_open_member (RhMembersPage *self, gint64 member_id);
RhMemberList *rh_members_page_get_list (RhMembersPage *self);

G_END_DECLS
