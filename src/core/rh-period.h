/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Periods are written 2025, 2025Q3 and 2025-07 everywhere: GUI, CLI and exports. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  RH_PERIOD_YEAR,
  RH_PERIOD_QUARTER,
  RH_PERIOD_MONTH,
} RhPeriodKind;

typedef struct {
  RhPeriodKind kind;
  int          year;
  int          index;      /* quarter 1–4 or month 1–12; 0 for a year */
  char         first[11];  /* YYYY-MM-DD, inclusive */
  char         last[11];
} RhPeriod;

/* Parses "2025", "2025Q3" (or "2025q3") and "2025-07". The error (code
 * RH_FIELD_PERIOD of RH_VALIDATION_ERROR) says what is accepted. */
gboolean rh_period_parse (const char *text, RhPeriod *out, GError **error);
void     rh_period_init (RhPeriod *out, RhPeriodKind kind, int year, int index);
/* "2025", "2025Q3", "2025-07". */
char    *rh_period_format (const RhPeriod *period);
/* The sub-periods of one kind within a period, in order (e.g. the 12 months
 * of a year); empty when `kind` is coarser than the period. */
GArray  *rh_period_split (const RhPeriod *period, RhPeriodKind kind);
/* The period of a kind that contains a date ("YYYY-MM-DD"). */
gboolean rh_period_of_date (const char *date, RhPeriodKind kind, RhPeriod *out);
gboolean rh_period_contains_date (const RhPeriod *period, const char *date);

G_END_DECLS
