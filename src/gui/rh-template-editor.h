/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>
#include "rh-assessment.h"

G_BEGIN_DECLS

#define RH_TYPE_TEMPLATE_EDITOR (rh_template_editor_get_type ())
G_DECLARE_FINAL_TYPE (RhTemplateEditor, rh_template_editor, RH, TEMPLATE_EDITOR, AdwWindow)

/* Edits the (unfrozen) template template_id; NULL with an error when it cannot be read. */
RhTemplateEditor *rh_template_editor_new (GtkWindow *parent, RhDatabase *db, gint64 template_id,
                                          GError **error);
/* Shows an item: category −1 for the settings, indicator −1 for the category. */
void              rh_template_editor_choose (RhTemplateEditor *self, int category, int indicator);
/* What Save does: validates, writes and announces the change. */
gboolean          rh_template_editor_save (RhTemplateEditor *self, GError **error);

G_END_DECLS
