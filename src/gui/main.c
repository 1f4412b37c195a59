/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "rh-config.h"

#include <gtk/gtk.h>
#include "rh-application.h"
#include "rh-i18n.h"

int
main (int argc, char **argv)
{
  g_autoptr (RhApplication) app = NULL;

  rh_i18n_init ();
  /* The locale is set above, once: the database opens in a thread while GTK starts, and
   * setlocale must not run beside the translations that thread looks up. */
  gtk_disable_setlocale ();
  app = rh_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
