/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>
#include "rh-database.h"
#include "rh-evidence-popover.h"

G_BEGIN_DECLS

#define RH_TYPE_ASSESSMENT_EDITOR (rh_assessment_editor_get_type ())
G_DECLARE_FINAL_TYPE (RhAssessmentEditor, rh_assessment_editor, RH, ASSESSMENT_EDITOR, AdwWindow)

/* Scores one branch for a period in the template's indicator tree. NULL when
 * there is no template. */
RhAssessmentEditor *rh_assessment_editor_new (GtkWindow *parent, RhDatabase *db, gint64 org_id,
                                              const char *period);
/* Types a score as the user would (for tests): self or committee score of an indicator code. */
gboolean            rh_assessment_editor_enter (RhAssessmentEditor *self, const char *code,
                                                gboolean committee, const char *text);

/* The comment and evidence popover of the indicator with this code, or NULL. */
RhEvidencePopover  *rh_assessment_editor_evidence (RhAssessmentEditor *self, const char *code);

G_END_DECLS
