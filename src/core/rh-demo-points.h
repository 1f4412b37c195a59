/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Demo data, part four: member points (党员积分) and last year's democratic review (民主评议).
 * Private to the demo. */
#pragma once

#include "rh-database.h"

G_BEGIN_DECLS

/* Writes manual points entries of last year and of this year up to today for the party
 * members on the roster, and last year's review grades within the 优秀 quota. Every draw
 * comes from rand. Runs inside the caller's transaction. */
gboolean rh_demo_points_generate (RhDatabase *db, GRand *rand, const GDate *today,
                                  GError **error);

G_END_DECLS
