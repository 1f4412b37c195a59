/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "rh-config.h"

#include <glib/gi18n-lib.h>
#include "rh-application.h"
#include "rh-backup.h"
#include "rh-database.h"
#include "rh-rules.h"
#include "rh-window.h"

/* What the start-up thread opens and counts (see start_opening). */
typedef struct {
  char       *path;
  RhDatabase *db;
  GError     *error;
  RhCounts    counts;
  gboolean    have_counts;
} RhOpening;

struct _RhApplication
{
  AdwApplication parent_instance;
  char          *database_path;
  GThread       *opening;       /* returns the RhOpening of the database */
};

G_DEFINE_FINAL_TYPE (RhApplication, rh_application, ADW_TYPE_APPLICATION)

static gint64 start_time;

gint64
rh_application_get_start_time (void)
{
  return start_time;
}

static void
rh_opening_free (RhOpening *o)
{
  g_free (o->path);
  g_clear_object (&o->db);
  g_clear_error (&o->error);
  g_free (o);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RhOpening, rh_opening_free)

static RhDatabase *
open_database (const char *path, GError **error)
{
  RhDatabase *db = rh_database_open (path, error);

  /* The GUI reads a page of rows at a time: SQLite's default 2 MiB of page cache is enough,
   * and the 8 MiB that the command line keeps for whole-committee work would be resident
   * memory here (issue 8). */
  if (db != NULL)
    rh_database_exec (db, "PRAGMA cache_size = -2048", NULL);
  return db;
}

static gpointer
opening_thread (gpointer data)
{
  RhOpening *o = data;

  o->db = open_database (o->path, &o->error);
  if (o->db != NULL)
    o->have_counts = rh_counts_compute (o->db, &o->counts, NULL);
  return o;
}

/* The database is opened, and the Overview's counts computed, in a thread while GTK and
 * libadwaita start up (about 160 ms of style sheets, fonts and icons). For a committee of
 * 100,000 members that is 30-50 ms that the first frame no longer waits for (issue 8). */
static void
start_opening (RhApplication *self)
{
  RhOpening *o = g_new0 (RhOpening, 1);

  o->path = self->database_path ? g_strdup (self->database_path) : rh_database_default_path ();
  self->opening = g_thread_new ("rh-open", opening_thread, o);
}

static RhOpening *
finish_opening (RhApplication *self)
{
  if (self->opening == NULL)
    start_opening (self);
  return g_thread_join (g_steal_pointer (&self->opening));
}

static void
show_open_error (RhApplication *self, const GError *error)
{
  /* No window can work without its database: say why, then quit. */
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (
    adw_message_dialog_new (NULL, _("Cannot open the database"), error->message));

  if (g_getenv ("RONGHE_TRACE") != NULL)
    g_printerr ("ronghe-trace: open-error\n");

  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  gtk_window_set_application (GTK_WINDOW (dialog), GTK_APPLICATION (self));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The daily backup runs beside the first frame, on its own connection: copying a large
 * database takes a moment that the window need not wait for. */
static void
daily_backup_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (RhDatabase) db = rh_database_open (data, &error);
  g_autofree char *path = NULL;

  if (db != NULL)
    path = rh_backup_daily (db, &error);
  /* A failure is not a reason to stop working; it is logged. */
  if (error != NULL)
    g_warning ("No automatic backup: %s", error->message);
  g_task_return_boolean (task, TRUE);
}

static gboolean
start_daily_backup (gpointer data)
{
  g_autoptr (GTask) task = g_task_new (NULL, NULL, NULL, NULL);

  g_task_set_task_data (task, data, g_free);
  g_task_run_in_thread (task, daily_backup_thread);
  return G_SOURCE_REMOVE;
}

/* counts: the database's Overview counts if they are already computed, or NULL. */
static void
open_window (RhApplication *self, RhDatabase *db, const RhCounts *counts)
{
  GtkWindow *window = GTK_WINDOW (rh_window_new (self, db, counts));

  gtk_window_present (window);
  /* A second later, so that its checks and copying do not compete with the first frame on
   * a busy machine (issue 8). */
  g_timeout_add_seconds_full (G_PRIORITY_LOW, 1, start_daily_backup,
                              g_strdup (rh_database_get_path (db)), NULL);
}

static void
recover_response_cb (AdwMessageDialog *dialog, const char *response, RhApplication *self)
{
  const char *path = g_object_get_data (G_OBJECT (dialog), "database");
  const char *backup = g_object_get_data (G_OBJECT (dialog), "backup");
  g_autoptr (GError) error = NULL;
  g_autoptr (RhDatabase) db = NULL;
  g_autofree char *damaged = NULL;

  if (g_strcmp0 (response, "restore") != 0)
    return;
  if (!rh_backup_recover (path, backup, &damaged, &error)
      || (db = open_database (path, &error)) == NULL)
    {
      show_open_error (self, error);
      return;
    }
  open_window (self, db, NULL);
}

/* A damaged database: offer the newest backup that passes the checks. The damaged file is
 * only ever renamed, never written. */
static gboolean
offer_backup (RhApplication *self, const char *path, const GError *error)
{
  g_autofree char *backup = NULL;
  g_autofree char *body = NULL;
  g_autoptr (GPtrArray) list = NULL;
  g_autofree char *when = NULL;
  g_autofree char *base = NULL;
  AdwMessageDialog *dialog;

  if (!g_error_matches (error, RH_DATABASE_ERROR, RH_DATABASE_ERROR_CORRUPT))
    return FALSE;
  backup = rh_backup_latest_good (path);
  if (backup == NULL)
    return FALSE;
  list = rh_backup_list (path);
  for (guint i = 0; i < list->len; i++)
    {
      RhBackupInfo *info = list->pdata[i];

      if (g_strcmp0 (info->path, backup) == 0)
        when = g_date_time_format (info->time, "%Y-%m-%d %H:%M");
    }
  base = g_path_get_basename (path);
  /* SQLite's own words about the damage are for specialists: the log has them. */
  g_message ("%s", error->message);
  body = g_strdup_printf (_("“%s” is damaged and cannot be opened.\n\nThe latest good backup "
                            "is from %s. Restore it? The damaged file is kept, unchanged, "
                            "beside it."),
                          base, when ? when : backup);
  if (g_getenv ("RONGHE_TRACE") != NULL)
    g_printerr ("ronghe-trace: open-error backup=%s\n", backup);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (NULL, _("The Database Is Damaged"), body));
  adw_message_dialog_add_responses (dialog, "close", _("_Quit"), "restore",
                                    _("_Restore Backup"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "restore", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "restore");
  g_object_set_data_full (G_OBJECT (dialog), "database", g_strdup (path), g_free);
  g_object_set_data_full (G_OBJECT (dialog), "backup", g_steal_pointer (&backup), g_free);
  g_signal_connect (dialog, "response", G_CALLBACK (recover_response_cb), self);
  gtk_window_set_application (GTK_WINDOW (dialog), GTK_APPLICATION (self));
  gtk_window_present (GTK_WINDOW (dialog));
  return TRUE;
}

static void
rh_application_activate (GApplication *app)
{
  RhApplication *self = RH_APPLICATION (app);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));
  g_autoptr (RhOpening) o = NULL;

  if (window != NULL)
    {
      gtk_window_present (window);
      return;
    }
  o = finish_opening (self);
  if (o->db == NULL)
    {
      if (!offer_backup (self, o->path, o->error))
        show_open_error (self, o->error);
      return;
    }
  open_window (self, o->db, o->have_counts ? &o->counts : NULL);
}

/* Two things GTK does at start-up only for them to be thrown away (issue 8):
 * - It parses its built-in theme when it first makes its settings, and libadwaita then sets
 *   that theme aside for its own style sheet by naming its empty one, Adwaita-empty: 81 M
 *   instructions, an eighth of the main thread's work before the first frame. GTK starts
 *   here with that empty theme named in GTK_THEME, and the variable is removed before
 *   libadwaita looks at it (libadwaita loads its style sheet only where it is unset).
 * - Where the cairo renderer is asked for (GSK_RENDERER=cairo), GDK still loads and sets
 *   up OpenGL when it opens the display, and never uses it: 209 M instructions, 70 ms on
 *   Xvfb. GDK_DEBUG=gl-disable, read once as GTK starts, leaves that out.
 * A theme or GDK_DEBUG that the user sets is left alone. The variables are set before any
 * thread is started, and removed before Ronghe starts threads of its own (the database is
 * opened after this, beside libadwaita's start-up, which takes longer than the opening).
 * gtk_init, like GtkApplication's own call, ends the process with GTK's message when there
 * is no display. */
static void
start_gtk (void)
{
  const char *renderer = g_getenv ("GSK_RENDERER");
  gboolean empty_theme = g_getenv ("GTK_THEME") == NULL;
  gboolean without_gl = renderer != NULL && g_ascii_strcasecmp (renderer, "cairo") == 0 &&
                        g_getenv ("GDK_DEBUG") == NULL;

  if (empty_theme)
    g_setenv ("GTK_THEME", "Adwaita-empty", TRUE);
  if (without_gl)
    g_setenv ("GDK_DEBUG", "gl-disable", TRUE);
  gtk_init ();
  gtk_settings_get_default ();
  if (empty_theme)
    g_unsetenv ("GTK_THEME");
  if (without_gl)
    g_unsetenv ("GDK_DEBUG");
}

static int
rh_application_handle_local_options (GApplication *app, GVariantDict *options)
{
  RhApplication *self = RH_APPLICATION (app);
  const char *path = NULL;

  if (g_variant_dict_lookup (options, "database", "^&ay", &path))
    self->database_path = g_strdup (path);
  start_gtk ();
  start_opening (self);
  return -1;
}

static void
quit_activated (GSimpleAction *action, GVariant *param, gpointer app)
{
  GList *windows;

  /* Closing each window saves its size; then the application ends. */
  while ((windows = gtk_application_get_windows (GTK_APPLICATION (app))) != NULL)
    gtk_window_destroy (windows->data);
  g_application_quit (G_APPLICATION (app));
}

static void
about_activated (GSimpleAction *action, GVariant *param, gpointer app)
{
  const char *developers[] = { "Ronghe developers", NULL };
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (app));
  GtkWidget *about = adw_about_window_new ();

  g_object_set (about,
                "transient-for", parent,
                "application-name", _("Ronghe"),
                "application-icon", APP_ID,
                "developer-name", _("Ronghe developers"),
                "version", PACKAGE_VERSION,
                "comments", _("Integrate party building with business work: branches, members, "
                              "assessments and charts for the branch secretary."),
                "website", "https://github.com/ronghe/ronghe",
                "license-type", GTK_LICENSE_GPL_3_0,
                "developers", developers,
                "translator-credits", _("translator-credits"),
                NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static const GActionEntry app_actions[] = {
  { .name = "quit", .activate = quit_activated },
  { .name = "about", .activate = about_activated },
};

static gpointer
read_icon_theme (gpointer theme)
{
  gtk_icon_theme_has_icon (theme, "go-next-symbolic");
  g_object_unref (theme);
  return NULL;
}

static void
rh_application_startup (GApplication *app)
{
  const char *quit[] = { "<Control>q", NULL };
  const char *close[] = { "<Control>w", NULL };
  const char *search[] = { "<Control>f", NULL };
  const char *add[] = { "<Control>n", NULL };
  const char *help[] = { "F1", "<Control>question", NULL };
  const char *preferences[] = { "<Control>comma", NULL };
  const char *export[] = { "<Control>e", NULL };
  const char *print[] = { "<Control>p", NULL };

  G_APPLICATION_CLASS (rh_application_parent_class)->startup (app);
  /* GTK reads the icon theme's index files (Adwaita's and hicolor's) in a thread of its own
   * when it makes the theme, but adw_init then adds libadwaita's icons to the theme, which
   * sets that reading aside, and the first icon of the window read it again on the main
   * thread: 67 M instructions before the first frame. GtkIconTheme takes lookups from any
   * thread once it is set up, so a lookup here reads it while the window is built (issue 8). */
  g_thread_unref (g_thread_new ("rh-icons", read_icon_theme,
                                g_object_ref (gtk_icon_theme_get_for_display (
                                  gdk_display_get_default ()))));
  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions, G_N_ELEMENTS (app_actions), app);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", quit);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "window.close", close);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.search", search);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.new", add);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.shortcuts", help);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.preferences", preferences);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.export", export);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.print", print);
}

static void
rh_application_finalize (GObject *object)
{
  RhApplication *self = RH_APPLICATION (object);

  /* Started but never used (the application did not activate). */
  if (self->opening != NULL)
    rh_opening_free (g_thread_join (g_steal_pointer (&self->opening)));
  g_free (self->database_path);
  G_OBJECT_CLASS (rh_application_parent_class)->finalize (object);
}

static void
rh_application_class_init (RhApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = rh_application_finalize;
  app_class->activate = rh_application_activate;
  app_class->startup = rh_application_startup;
  app_class->handle_local_options = rh_application_handle_local_options;
}

static void
rh_application_init (RhApplication *self)
{
  const GOptionEntry options[] = {
    { "database", 'd', 0, G_OPTION_ARG_FILENAME, NULL,
      N_("The database file (default: $RONGHE_DATABASE or the user data folder)"), N_("PATH") },
    { NULL },
  };

  g_application_add_main_option_entries (G_APPLICATION (self), options);
}

RhApplication *
rh_application_new (void)
{
  start_time = g_get_monotonic_time ();
  /* NON_UNIQUE: two databases can be open in two processes. */
  return g_object_new (RH_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_NON_UNIQUE,
                       "resource-base-path", "/io/github/ronghe/Ronghe",
                       NULL);
}
