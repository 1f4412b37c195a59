/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "rh-config.h"

#include <glib/gi18n-lib.h>
#include <locale.h>
#include "rh-i18n.h"

void
rh_i18n_init (void)
{
  const char *dir = g_getenv ("RONGHE_LOCALEDIR");

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, dir != NULL && *dir ? dir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}

guint
rh_utf8_width (const char *text)
{
  guint width = 0;

  for (const char *p = text; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (!g_unichar_iszerowidth (c))
        width += g_unichar_iswide (c) ? 2 : 1;
    }
  return width;
}

char *
rh_utf8_pad (const char *text, guint columns)
{
  guint width = rh_utf8_width (text);
  GString *s = g_string_new (text);

  for (; width < columns; width++)
    g_string_append_c (s, ' ');
  return g_string_free (s, FALSE);
}
