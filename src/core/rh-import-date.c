/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Dates as rosters write them. Apart from rh-import.c so that the fuzzing harness of the
 * date parser needs nothing but GLib and the serial-number conversion. */
#include "rh-config.h"

#include <string.h>
#include "rh-import.h"
#include "rh-xlsx-reader.h"

/* Reads 1 to max digits; returns how many were read. */
static int
read_number (const char *s, int max, unsigned *value)
{
  int n = 0;

  *value = 0;
  while (n < max && g_ascii_isdigit (s[n]))
    *value = *value * 10 + (unsigned) (s[n++] - '0');
  return n;
}

static gboolean
set_date (GDate *out, unsigned y, unsigned m, unsigned d)
{
  if (y < 1900 || y > 9999 || m < 1 || m > 12 || d < 1 || d > 31
      || !g_date_valid_dmy ((GDateDay) d, (GDateMonth) m, (GDateYear) y))
    return FALSE;
  g_date_set_dmy (out, (GDateDay) d, (GDateMonth) m, (GDateYear) y);
  return TRUE;
}

gboolean
rh_import_parse_date (const char *text, GDate *out)
{
  char buf[64];
  gsize n = 0;
  unsigned y, m, d;
  int k;
  const char *p;

  g_date_clear (out, 1);
  if (text == NULL)
    return FALSE;
  /* A working copy: spaces trimmed, 年 and 月 as '-', 日 (or 号) dropped, a time cut off. */
  while (*text == ' ' || *text == '\t')
    text++;
  for (p = text; *p && n < sizeof buf - 1; p++)
    {
      if (strncmp (p, "年", 3) == 0 || strncmp (p, "月", 3) == 0)
        {
          buf[n++] = '-';
          p += 2;
        }
      else if (strncmp (p, "日", 3) == 0 || strncmp (p, "号", 3) == 0)
        {
          p += 2;
          if (p[1] != '\0' && p[1] != ' ')
            return FALSE;
        }
      else if (*p == ' ' || *p == 'T')
        break;  /* "2020-01-05 00:00:00": the time is not part of the date */
      else
        buf[n++] = *p;
    }
  if (*p != '\0' && *p != ' ' && *p != 'T')
    return FALSE;  /* too long to be a date */
  buf[n] = '\0';
  if (n == 0)
    return FALSE;

  /* 20200105 */
  if (n == 8 && read_number (buf, 8, &y) == 8)
    return set_date (out, y / 10000, y / 100 % 100, y % 100);

  /* An Excel serial number: up to five digits, perhaps with a fraction (a time). */
  k = read_number (buf, 6, &d);
  if (k >= 1 && k <= 5 && (buf[k] == '\0' || buf[k] == '.'))
    {
      gboolean fraction_ok = TRUE;

      if (buf[k] == '.')
        {
          for (gsize i = (gsize) k + 1; i < n; i++)
            fraction_ok &= g_ascii_isdigit (buf[i]) != 0;
          fraction_ok &= (gsize) k + 1 < n;
        }
      if (fraction_ok)
        return rh_xlsx_serial_to_date ((double) d, FALSE, out);
    }

  /* Y-M-D with '-', '/' or '.' (one kind in a date), month and day of one or two digits. */
  if (read_number (buf, 4, &y) != 4)
    return FALSE;
  p = buf + 4;
  if (*p != '-' && *p != '/' && *p != '.')
    return FALSE;
  {
    char sep = *p++;

    k = read_number (p, 2, &m);
    if (k == 0)
      return FALSE;
    p += k;
    if (*p != sep)
      return FALSE;
    p++;
    k = read_number (p, 2, &d);
    if (k == 0 || p[k] != '\0')
      return FALSE;
  }
  return set_date (out, y, m, d);
}
