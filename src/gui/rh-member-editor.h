/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>
#include "rh-database.h"
#include "rh-member.h"

G_BEGIN_DECLS

#define RH_TYPE_MEMBER_EDITOR (rh_member_editor_get_type ())
G_DECLARE_FINAL_TYPE (RhMemberEditor, rh_member_editor, RH, MEMBER_EDITOR, AdwWindow)

/* Edits member, or (member NULL) creates one, in branch_id when that is a branch. */
RhMemberEditor *rh_member_editor_new (GtkWindow *parent, RhDatabase *db, RhMember *member,
                                      gint64 branch_id);
/* The id of the member after a successful save, else 0. */
gint64          rh_member_editor_get_saved_id (RhMemberEditor *self);

G_END_DECLS
