/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "rh-config.h"

#include "rh-application.h"
#include "rh-i18n.h"

int
main (int argc, char **argv)
{
  g_autoptr (RhApplication) app = NULL;

  rh_i18n_init ();
  app = rh_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
