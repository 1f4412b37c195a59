/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>
#include "rh-database.h"
#include "rh-meeting.h"

G_BEGIN_DECLS

#define RH_TYPE_MEETING_EDITOR (rh_meeting_editor_get_type ())
G_DECLARE_FINAL_TYPE (RhMeetingEditor, rh_meeting_editor, RH, MEETING_EDITOR, AdwWindow)

/* Edits meeting, or (meeting NULL) records a new one for branch_id. */
RhMeetingEditor *rh_meeting_editor_new (GtkWindow *parent, RhDatabase *db, RhMeeting *meeting,
                                        gint64 branch_id);
gint64           rh_meeting_editor_get_saved_id (RhMeetingEditor *self);
/* Marks one expected member on leave or absent, as the grid does (for tests). */
gboolean         rh_meeting_editor_mark (RhMeetingEditor *self, gint64 member_id,
                                         RhAttendanceState state);

G_END_DECLS
