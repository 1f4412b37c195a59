/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A GListModel that shows another list and, while held, lets its length follow the
 * source's only as far as the rows on screen need. GTK 4.8's list views keep about 200
 * row widgets whatever the window shows, and create or destroy them inside items-changed
 * when a result grows or shrinks across that number (15-40 ms for a table at 100,000
 * members). Held, the rows that are visible change at once and the rest of the length
 * change waits until rh_list_stage_release, which the caller runs after the frame. */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define RH_TYPE_LIST_STAGE (rh_list_stage_get_type ())
G_DECLARE_FINAL_TYPE (RhListStage, rh_list_stage, RH, LIST_STAGE, GObject)

/* The source must signal only changes of its length (as RhMemberList does): the items
 * before the end are re-read by the view. */
RhListStage *rh_list_stage_new (GListModel *source);
/* From now until the release, a length change of the source is applied only up to
 * `visible` rows: a result that grows shows `visible` more rows; one that shrinks keeps
 * its old length, the positions past the source's end holding empty items. Those on
 * screen are the caller's to blank until the release. */
void         rh_list_stage_hold (RhListStage *self, guint visible);
/* Applies the source's length and stops holding. */
void         rh_list_stage_release (RhListStage *self);
gboolean     rh_list_stage_is_held (RhListStage *self);

G_END_DECLS
