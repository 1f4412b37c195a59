/* SPDX-License-Identifier: GPL-3.0-or-later */
/* libFuzzer harness: the date parser on any bytes; what it accepts is a real date that
 * formats back to something it accepts again. */
#include "rh-config.h"

#include <stdint.h>
#include <string.h>
#include "rh-import.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  char *text = g_strndup ((const char *) data, size);
  GDate date, again;

  if (rh_import_parse_date (text, &date))
    {
      char iso[16];

      g_assert_true (g_date_valid (&date));
      g_assert_cmpuint (g_date_get_year (&date), >=, 1900);
      g_snprintf (iso, sizeof iso, "%04u-%02u-%02u", g_date_get_year (&date),
                  g_date_get_month (&date), g_date_get_day (&date));
      g_assert_true (rh_import_parse_date (iso, &again));
      g_assert_cmpint (g_date_compare (&date, &again), ==, 0);
    }
  g_free (text);
  return 0;
}
