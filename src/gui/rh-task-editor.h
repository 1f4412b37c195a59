/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>
#include "rh-database.h"
#include "rh-task.h"

G_BEGIN_DECLS

#define RH_TYPE_TASK_EDITOR (rh_task_editor_get_type ())
G_DECLARE_FINAL_TYPE (RhTaskEditor, rh_task_editor, RH, TASK_EDITOR, AdwWindow)

/* Edits task, or (task NULL) creates one for branch_id in period. */
RhTaskEditor *rh_task_editor_new (GtkWindow *parent, RhDatabase *db, RhTask *task,
                                  gint64 branch_id, const char *period);

G_END_DECLS
