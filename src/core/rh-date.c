/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "rh-config.h"

#include <string.h>
#include "rh-date.h"

static unsigned
digits (const char *s, int n)
{
  unsigned v = 0;

  for (int i = 0; i < n; i++)
    v = v * 10 + (unsigned) (s[i] - '0');
  return v;
}

gboolean
rh_date_parse (const char *text, GDate *out)
{
  unsigned y, m, d;

  g_date_clear (out, 1);
  if (text == NULL || strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;
  for (int i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (text[i]))
      return FALSE;
  y = digits (text, 4);
  m = digits (text + 5, 2);
  d = digits (text + 8, 2);
  if (y < 1900 || !g_date_valid_dmy ((GDateDay) d, (GDateMonth) m, (GDateYear) y))
    return FALSE;
  g_date_set_dmy (out, (GDateDay) d, (GDateMonth) m, (GDateYear) y);
  return TRUE;
}

char *
rh_date_format (const GDate *date)
{
  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (date), g_date_get_month (date),
                          g_date_get_day (date));
}

void
rh_date_today (GDate *out)
{
  const char *fixed = g_getenv ("RONGHE_TODAY");

  if (fixed != NULL && rh_date_parse (fixed, out))
    return;
  g_date_clear (out, 1);
  g_date_set_time_t (out, time (NULL));
}

char *
rh_date_add_months (const char *text, int months)
{
  GDate date;

  if (!rh_date_parse (text, &date))
    return NULL;
  if (months >= 0)
    g_date_add_months (&date, (guint) months);
  else
    g_date_subtract_months (&date, (guint) -months);
  return rh_date_format (&date);
}

int
rh_date_years_between (const GDate *from, const GDate *to)
{
  int years = (int) g_date_get_year (to) - (int) g_date_get_year (from);

  if (g_date_get_month (to) < g_date_get_month (from)
      || (g_date_get_month (to) == g_date_get_month (from)
          && g_date_get_day (to) < g_date_get_day (from)))
    years--;
  return years;
}

int
rh_date_days_between (const GDate *a, const GDate *b)
{
  return g_date_days_between (a, b);
}

int
rh_date_compare_text (const char *a, const char *b)
{
  return g_strcmp0 (a, b);
}
