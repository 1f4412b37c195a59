/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Replays a corpus through a libFuzzer harness without libFuzzer: `meson test` runs every
 * seed (and every input fuzzing found worth keeping) under ASan and UBSan with gcc. */
#include "rh-config.h"

#include <glib.h>
#include <stdint.h>
#include <stdio.h>

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static guint
replay (const char *path)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GDir) dir = NULL;
  g_autofree char *contents = NULL;
  const char *name;
  gsize length;
  guint n = 0;

  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      dir = g_dir_open (path, 0, &error);
      g_assert_no_error (error);
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);
          n += replay (child);
        }
      return n;
    }
  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  LLVMFuzzerTestOneInput ((const uint8_t *) contents, length);
  return 1;
}

int
main (int argc, char **argv)
{
  guint n = 0;

  for (int i = 1; i < argc; i++)
    n += replay (argv[i]);
  printf ("1..1\nok 1 - %u inputs replayed without a finding\n", n);
  return n > 0 ? 0 : 1;
}
