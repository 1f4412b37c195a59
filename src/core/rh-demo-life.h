/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Demo data, part two: branch life (meetings with attendance, central tasks, cases) for an
 * organisation that rh-demo.c has already filled with branches, members and committees.
 * Private to the demo. */
#pragma once

#include "rh-database.h"

G_BEGIN_DECLS

/* A choice and how often it comes up, for both halves of the demo. */
typedef struct
{
  const char *text;
  guint weight;
} RhWeighted;

/* A text drawn with its weight from a list ended by { NULL, 0 }. */
const char *rh_demo_pick_weighted (GRand *rand, const RhWeighted *items);

/* Writes meetings, central tasks and integration cases, every draw from rand and every
 * date on or before today (which must not be after rh_date_today, since the savers refuse
 * future dates). Runs inside the caller's transaction. */
gboolean rh_demo_life_generate (RhDatabase *db, GRand *rand, const GDate *today,
                                GError **error);

G_END_DECLS
