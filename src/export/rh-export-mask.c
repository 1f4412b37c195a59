/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Privacy: ID and phone numbers leave Ronghe masked unless the user asks. */
#include "rh-config.h"

#include <string.h>
#include "rh-export.h"

static char *
mask (const char *text, guint keep_start, guint keep_end)
{
  glong n;
  GString *out;
  const char *p = text;

  if (text == NULL)
    return NULL;
  n = g_utf8_strlen (text, -1);
  if ((glong) (keep_start + keep_end) >= n)
    {
      /* Too short to keep both ends: keep only the last two characters. */
      keep_start = 0;
      keep_end = n > 2 ? 2 : 0;
    }
  out = g_string_new (NULL);
  for (glong i = 0; i < n; i++, p = g_utf8_next_char (p))
    {
      if (i < (glong) keep_start || i >= n - (glong) keep_end)
        g_string_append_unichar (out, g_utf8_get_char (p));
      else
        g_string_append_c (out, '*');
    }
  return g_string_free (out, FALSE);
}

char *
rh_export_mask_id (const char *id_number)
{
  /* 110105********002X: the area code and the last four stay. */
  return mask (id_number, 6, 4);
}

char *
rh_export_mask_phone (const char *phone)
{
  /* 138****5678 */
  return mask (phone, 3, 4);
}
