/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Dates are stored as YYYY-MM-DD text; these helpers parse, check and do calendar sums. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Parses a strict YYYY-MM-DD into a valid GDate; FALSE for anything else. */
gboolean rh_date_parse (const char *text, GDate *out);
/* Formats as YYYY-MM-DD into a newly allocated string. */
char    *rh_date_format (const GDate *date);
/* Today in local time; RONGHE_TODAY=YYYY-MM-DD overrides it for tests. */
void     rh_date_today (GDate *out);
/* text + months, clamped to the month's end; NULL if text is not a date. */
char    *rh_date_add_months (const char *text, int months);
/* Whole years from birth to on (an age). */
int      rh_date_years_between (const GDate *from, const GDate *to);
/* Days from a to b (negative when b is earlier). */
int      rh_date_days_between (const GDate *a, const GDate *b);
/* Compares two stored dates as text; NULL sorts first. */
int      rh_date_compare_text (const char *a, const char *b);

G_END_DECLS
