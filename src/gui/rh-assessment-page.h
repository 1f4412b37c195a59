/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>
#include "rh-assessment.h"
#include "rh-database.h"

G_BEGIN_DECLS

#define RH_TYPE_ASSESSMENT_PAGE (rh_assessment_page_get_type ())
G_DECLARE_FINAL_TYPE (RhAssessmentPage, rh_assessment_page, RH, ASSESSMENT_PAGE, GtkWidget)

void        rh_assessment_page_set_database (RhAssessmentPage *self, RhDatabase *db);
/* "2025" or "2025Q3". */
char       *rh_assessment_page_dup_period (RhAssessmentPage *self);
/* The branch of the selected row, or 0. */
gint64      rh_assessment_page_get_selected_id (RhAssessmentPage *self);
/* The result shown for a branch, or NULL. */
const RhScoreResult *rh_assessment_page_find (RhAssessmentPage *self, gint64 org_id);

G_END_DECLS
