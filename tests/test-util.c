/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "rh-config.h"

#include <glib/gstdio.h>
#include <string.h>
#include "test-util.h"
#include "rh-validate.h"

char *
rh_test_id_number (int seq, const char *birth, RhGender gender)
{
  char first17[18];
  /* The 17th digit is odd for men, even for women. */
  int s = seq * 2 + (gender == RH_GENDER_MALE ? 1 : 0);

  g_snprintf (first17, sizeof first17, "110105%.8s%03d", birth, s % 1000);
  return g_strdup_printf ("%s%c", first17, rh_id_check_char (first17));
}

gint64
rh_test_add_org (RhDatabase *db, RhOrgKind kind, const char *name, gint64 parent)
{
  g_autoptr (RhOrg) org = rh_org_new (kind, name);
  g_autoptr (GError) error = NULL;

  org->parent_id = parent;
  g_assert_true (rh_org_insert (db, org, &error));
  g_assert_no_error (error);
  return org->id;
}

RhMember *
rh_test_member (gint64 org_id, const char *name, int seq, RhGender gender)
{
  RhMember *m = rh_member_new ();

  m->org_id = org_id;
  m->name = g_strdup (name);
  m->gender = gender;
  m->id_number = rh_test_id_number (seq, "19800101", gender);
  m->status = RH_STATUS_FULL;
  m->admitted_date = g_strdup ("2005-07-01");
  m->full_date = g_strdup ("2006-07-01");
  return m;
}

void
rh_test_insert (RhDatabase *db, RhMember *m)
{
  g_autoptr (GError) error = NULL;

  g_assert_true (rh_member_insert (db, m, &error));
  g_assert_no_error (error);
}

void
rh_test_remove_tree (const char *dir)
{
  g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *p = g_build_filename (dir, name, NULL);

      if (g_file_test (p, G_FILE_TEST_IS_DIR))
        rh_test_remove_tree (p);
      else
        g_unlink (p);
    }
  g_rmdir (dir);
}

char *
rh_test_pdf_text (const char *path, int page)
{
  g_autofree char *number = g_strdup_printf ("%d", page);
  const char *one[] = { "pdftotext", "-enc", "UTF-8", "-f", number, "-l", number, path, "-", NULL };
  const char *all[] = { "pdftotext", "-enc", "UTF-8", path, "-", NULL };
  char *out = NULL;
  int status;

  g_assert_true (g_spawn_sync (NULL, (char **) (page > 0 ? one : all), NULL,
                               G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &out,
                               NULL, &status, NULL));
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

guint
rh_test_count (const char *haystack, const char *needle)
{
  guint n = 0;

  for (const char *p = strstr (haystack, needle); p != NULL; p = strstr (p + 1, needle))
    n++;
  return n;
}

gboolean
rh_test_file_contains (const char *path, const char *needle)
{
  g_autofree char *data = NULL;
  gsize len = 0, n = strlen (needle);

  g_assert_true (g_file_get_contents (path, &data, &len, NULL));
  for (gsize i = 0; i + n <= len; i++)
    if (memcmp (data + i, needle, n) == 0)
      return TRUE;
  return FALSE;
}
