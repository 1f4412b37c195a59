/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Demo data, part three: the assessments (考核) of past periods, for an organisation whose
 * branches already have their meetings, tasks and cases. Private to the demo. */
#pragma once

#include "rh-database.h"

G_BEGIN_DECLS

/* Writes the assessments of the two years before today's, and of the last finished quarter,
 * for every branch with meetings in the period, finalised but for a few; and this year's
 * drafts for a few branches. Every draw comes from rand. Runs inside the caller's
 * transaction. */
gboolean rh_demo_assess_generate (RhDatabase *db, GRand *rand, const GDate *today,
                                  GError **error);

G_END_DECLS
