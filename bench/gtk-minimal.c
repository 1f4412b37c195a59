/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The reference for the cold-start benchmark: a minimal GTK 4 application with one
 * window and a label, which prints the time from start-up to its first painted frame
 * in the same form as `RONGHE_TRACE=1 ronghe`:
 *   ronghe-trace: first-frame ms=…
 * Usage: gtk-minimal   (quits by itself after the first frame with --quit) */
#include <gtk/gtk.h>

static gint64 start_time;
static gboolean quit_after_frame;

static void
after_paint_cb (GdkFrameClock *clock, GtkWindow *window)
{
  g_printerr ("ronghe-trace: first-frame ms=%.1f\n",
              (g_get_monotonic_time () - start_time) / 1000.0);
  g_signal_handlers_disconnect_by_func (clock, after_paint_cb, window);
  if (quit_after_frame)
    gtk_window_destroy (window);
}

static void
realize_cb (GtkWidget *window)
{
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint",
                    G_CALLBACK (after_paint_cb), window);
}

static void
activate_cb (GtkApplication *app)
{
  GtkWidget *window = gtk_application_window_new (app);

  gtk_window_set_title (GTK_WINDOW (window), "gtk-minimal");
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 720);
  gtk_window_set_child (GTK_WINDOW (window), gtk_label_new ("gtk-minimal"));
  g_signal_connect (window, "realize", G_CALLBACK (realize_cb), NULL);
  gtk_window_present (GTK_WINDOW (window));
}

int
main (int argc, char **argv)
{
  g_autoptr (GtkApplication) app = NULL;

  start_time = g_get_monotonic_time ();
  quit_after_frame = argc > 1 && g_strcmp0 (argv[1], "--quit") == 0;
  app = gtk_application_new ("io.github.ronghe.GtkMinimal", G_APPLICATION_NON_UNIQUE);
  g_signal_connect (app, "activate", G_CALLBACK (activate_cb), NULL);
  return g_application_run (G_APPLICATION (app), 1, argv);
}
