/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "rh-config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>
#include "rh-date.h"
#include "rh-period.h"
#include "rh-validate.h"

void
rh_period_init (RhPeriod *out, RhPeriodKind kind, int year, int index)
{
  int first_month = kind == RH_PERIOD_YEAR ? 1 : kind == RH_PERIOD_QUARTER ? 3 * index - 2 : index;
  int last_month = kind == RH_PERIOD_YEAR ? 12 : kind == RH_PERIOD_QUARTER ? 3 * index : index;

  out->kind = kind;
  out->year = year;
  out->index = kind == RH_PERIOD_YEAR ? 0 : index;
  g_snprintf (out->first, sizeof out->first, "%04d-%02d-01", year, first_month);
  g_snprintf (out->last, sizeof out->last, "%04d-%02d-%02d", year, last_month,
              g_date_get_days_in_month ((GDateMonth) last_month, (GDateYear) year));
}

static gboolean
all_digits (const char *s, int n)
{
  for (int i = 0; i < n; i++)
    if (!g_ascii_isdigit (s[i]))
      return FALSE;
  return TRUE;
}

gboolean
rh_period_parse (const char *text, RhPeriod *out, GError **error)
{
  size_t len = text != NULL ? strlen (text) : 0;
  int year = len >= 4 && all_digits (text, 4) ? atoi (text) : 0;
  int index = 0;
  RhPeriodKind kind;

  if (year >= 1921 && year <= 2200 && len == 4)
    kind = RH_PERIOD_YEAR;
  else if (year >= 1921 && year <= 2200 && len == 6 && (text[4] == 'Q' || text[4] == 'q')
           && text[5] >= '1' && text[5] <= '4')
    {
      kind = RH_PERIOD_QUARTER;
      index = text[5] - '0';
    }
  else if (year >= 1921 && year <= 2200 && len == 7 && text[4] == '-' && all_digits (text + 5, 2)
           && atoi (text + 5) >= 1 && atoi (text + 5) <= 12)
    {
      kind = RH_PERIOD_MONTH;
      index = atoi (text + 5);
    }
  else
    {
      g_set_error (error, RH_VALIDATION_ERROR, RH_FIELD_PERIOD,
                   _("%s: “%s” is not a period; write a year (2025), a quarter (2025Q3) or a "
                     "month (2025-07)"),
                   rh_field_label (RH_FIELD_PERIOD), text != NULL ? text : "");
      return FALSE;
    }
  rh_period_init (out, kind, year, index);
  return TRUE;
}

char *
rh_period_format (const RhPeriod *p)
{
  switch (p->kind)
    {
    case RH_PERIOD_QUARTER:
      return g_strdup_printf ("%04dQ%d", p->year, p->index);
    case RH_PERIOD_MONTH:
      return g_strdup_printf ("%04d-%02d", p->year, p->index);
    default:
      return g_strdup_printf ("%04d", p->year);
    }
}

GArray *
rh_period_split (const RhPeriod *p, RhPeriodKind kind)
{
  GArray *parts = g_array_new (FALSE, FALSE, sizeof (RhPeriod));
  int first_month = p->kind == RH_PERIOD_YEAR ? 1 : p->kind == RH_PERIOD_QUARTER ? 3 * p->index - 2
                                                                                 : p->index;
  int months = p->kind == RH_PERIOD_YEAR ? 12 : p->kind == RH_PERIOD_QUARTER ? 3 : 1;

  /* A coarser kind does not split a finer period (a year rule in a quarter). */
  if (kind < p->kind)
    return parts;
  for (int m = first_month; m < first_month + months; m++)
    {
      RhPeriod part;
      if (kind == RH_PERIOD_MONTH)
        rh_period_init (&part, kind, p->year, m);
      else if (kind == RH_PERIOD_QUARTER && (m - 1) % 3 == 0)
        rh_period_init (&part, kind, p->year, (m + 2) / 3);
      else if (kind == RH_PERIOD_YEAR && m == 1)
        rh_period_init (&part, kind, p->year, 0);
      else
        continue;
      g_array_append_val (parts, part);
    }
  return parts;
}

gboolean
rh_period_of_date (const char *date, RhPeriodKind kind, RhPeriod *out)
{
  GDate d;
  int month;

  if (!rh_date_parse (date, &d))
    return FALSE;
  month = g_date_get_month (&d);
  rh_period_init (out, kind, g_date_get_year (&d),
                  kind == RH_PERIOD_MONTH ? month : kind == RH_PERIOD_QUARTER ? (month + 2) / 3 : 0);
  return TRUE;
}

gboolean
rh_period_contains_date (const RhPeriod *p, const char *date)
{
  return date != NULL && strcmp (date, p->first) >= 0 && strcmp (date, p->last) <= 0;
}
