/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "rh-config.h"

#include <glib/gi18n-lib.h>
#include "rh-assessment-page.h"
#include "rh-backup.h"
#include "rh-import-dialog.h"
#include "rh-cases-page.h"
#include "rh-charts-page.h"
#include "rh-handout.h"
#include "rh-print-operation.h"
#include "rh-date.h"
#include "rh-demo.h"
#include "rh-export-dialog.h"
#include "rh-meetings-page.h"
#include "rh-members-page.h"
#include "rh-preferences.h"
#include "rh-tasks-page.h"
#include "rh-org-editor.h"
#include "rh-org-page.h"
#include "rh-org.h"
#include "rh-overview-page.h"
#include "rh-window.h"

struct _RhWindow
{
  AdwApplicationWindow parent_instance;

  RhDatabase     *db;
  GSettings      *settings;

  AdwToastOverlay *toast_overlay;
  AdwWindowTitle  *window_title;
  GtkStack        *main_stack;
  GtkStack        *view_stack;
  GtkWidget       *new_button;
  GtkWidget       *export_button;
  GtkMenuButton   *menu_button;
  GMenuModel      *primary_menu;
  GtkWidget       *empty_page;
  RhOverviewPage  *overview_page;
  RhOrgPage       *org_page;
  RhMembersPage   *members_page;
  RhMeetingsPage  *meetings_page;
  RhTasksPage     *tasks_page;
  RhCasesPage     *cases_page;
  RhAssessmentPage *assessment_page;
  RhChartsPage    *charts_page;
  GtkWidget       *slots[8];      /* the boxes in the view stack that the pages go into */
  guint            pages_ready;   /* bit i: page i of rh_window_load_view has its database */
  const RhCounts  *first_counts;  /* rh_window_new's counts, only while it runs */
};

G_DEFINE_FINAL_TYPE (RhWindow, rh_window, ADW_TYPE_APPLICATION_WINDOW)

/* The views, in the order of the view stack, and where their pages are kept. */
enum { VIEW_OVERVIEW, VIEW_ORGS, VIEW_MEMBERS, VIEW_MEETINGS, VIEW_TASKS, VIEW_CASES,
       VIEW_ASSESSMENT, VIEW_CHARTS, N_VIEWS };

static const struct {
  const char *name;
  const char *slot;
  GType     (*get_type) (void);
  gsize       offset;
} views[N_VIEWS] = {
  { "overview", "overview_slot", rh_overview_page_get_type, G_STRUCT_OFFSET (RhWindow, overview_page) },
  { "organisations", "org_slot", rh_org_page_get_type, G_STRUCT_OFFSET (RhWindow, org_page) },
  { "members", "members_slot", rh_members_page_get_type, G_STRUCT_OFFSET (RhWindow, members_page) },
  { "meetings", "meetings_slot", rh_meetings_page_get_type, G_STRUCT_OFFSET (RhWindow, meetings_page) },
  { "tasks", "tasks_slot", rh_tasks_page_get_type, G_STRUCT_OFFSET (RhWindow, tasks_page) },
  { "cases", "cases_slot", rh_cases_page_get_type, G_STRUCT_OFFSET (RhWindow, cases_page) },
  { "assessment", "assessment_slot", rh_assessment_page_get_type,
    G_STRUCT_OFFSET (RhWindow, assessment_page) },
  { "charts", "charts_slot", rh_charts_page_get_type, G_STRUCT_OFFSET (RhWindow, charts_page) },
};

/* A view's page, made in its slot the first time it is asked for. */
static gpointer
page (RhWindow *self, guint view)
{
  GtkWidget **field = G_STRUCT_MEMBER_P (self, views[view].offset);

  if (*field == NULL)
    {
      *field = g_object_new (views[view].get_type (), "hexpand", TRUE, "vexpand", TRUE, NULL);
      gtk_box_append (GTK_BOX (self->slots[view]), *field);
    }
  return *field;
}

RhWindow *
rh_window_for (GtkWidget *widget)
{
  GtkRoot *root = gtk_widget_get_root (widget);

  /* Dialogs are transient for the main window. */
  while (root != NULL && !RH_IS_WINDOW (root) && GTK_IS_WINDOW (root))
    root = (GtkRoot *) gtk_window_get_transient_for (GTK_WINDOW (root));
  return RH_IS_WINDOW (root) ? RH_WINDOW (root) : NULL;
}

RhDatabase *
rh_window_get_database (RhWindow *self)
{
  return self->db;
}

void
rh_window_toast (RhWindow *self, const char *message)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

void
rh_window_toast_file (RhWindow *self, const char *message, const char *path)
{
  AdwToast *toast = adw_toast_new (message);
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);

  if (uri != NULL)
    {
      adw_toast_set_button_label (toast, _("_Open"));
      adw_toast_set_action_name (toast, "win.open-file");
      adw_toast_set_action_target_value (toast, g_variant_new_string (uri));
    }
  adw_toast_set_timeout (toast, 10);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

void
rh_window_show_view (RhWindow *self, const char *name)
{
  gtk_stack_set_visible_child_name (self->view_stack, name);
}

void
rh_window_show_org (RhWindow *self, gint64 org_id)
{
  rh_window_show_view (self, "organisations");
  rh_org_page_select (page (self, VIEW_ORGS), org_id);
}

void
rh_window_show_member (RhWindow *self, gint64 member_id)
{
  rh_window_show_view (self, "members");
  rh_members_page_open_member (page (self, VIEW_MEMBERS), member_id);
}

void
rh_window_show_meetings (RhWindow *self, gint64 branch_id)
{
  GDate today;

  rh_date_today (&today);
  rh_window_show_view (self, "meetings");
  rh_meetings_page_show (page (self, VIEW_MEETINGS), branch_id, g_date_get_year (&today));
}

/* Each page is given the database, and so queries and fills itself, only when it is first
 * shown or used: filling all eight at start-up cost most of a second before the first
 * frame (issue 8). */
void
rh_window_load_view (RhWindow *self, const char *view)
{
  for (guint i = 0; i < N_VIEWS; i++)
    {
      if (g_strcmp0 (view, views[i].name) != 0)
        continue;
      page (self, i);
      if (self->db == NULL || (self->pages_ready & (1u << i)) != 0)
        continue;
      self->pages_ready |= 1u << i;
      switch (i)
        {
        case VIEW_OVERVIEW:
          rh_overview_page_set_database (self->overview_page, self->db, self->first_counts);
          break;
        case VIEW_ORGS: rh_org_page_set_database (self->org_page, self->db); break;
        case VIEW_MEMBERS: rh_members_page_set_database (self->members_page, self->db); break;
        case VIEW_MEETINGS: rh_meetings_page_set_database (self->meetings_page, self->db); break;
        case VIEW_TASKS: rh_tasks_page_set_database (self->tasks_page, self->db); break;
        case VIEW_CASES: rh_cases_page_set_database (self->cases_page, self->db); break;
        case VIEW_ASSESSMENT: rh_assessment_page_set_database (self->assessment_page, self->db); break;
        case VIEW_CHARTS: rh_charts_page_set_database (self->charts_page, self->db); break;
        default: break;
        }
    }
}

gpointer
rh_window_get_page (RhWindow *self, const char *view)
{
  for (guint i = 0; i < N_VIEWS; i++)
    if (g_strcmp0 (view, views[i].name) == 0)
      return page (self, i);
  return NULL;
}

/* The views that have a workbook show the export button. */
static void
view_changed_cb (RhWindow *self)
{
  const char *view = gtk_stack_get_visible_child_name (self->view_stack);

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "content") == 0)
    rh_window_load_view (self, view);

  gtk_widget_set_visible (self->export_button,
                          g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "empty")
                            != 0
                          && (g_strcmp0 (view, "assessment") == 0
                              || g_strcmp0 (view, "members") == 0
                              || g_strcmp0 (view, "meetings") == 0));
}

/* An empty database shows the welcome page; anything else, the views. */
static void
update_main_stack (RhWindow *self)
{
  gboolean empty = rh_org_count (self->db) == 0;

  gtk_stack_set_visible_child_name (self->main_stack, empty ? "empty" : "content");
  gtk_widget_set_visible (self->new_button, !empty);
  view_changed_cb (self);
}

static void
new_activated (GtkWidget *widget, const char *action, GVariant *param)
{
  RhWindow *self = RH_WINDOW (widget);

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "empty") == 0)
    return;
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->view_stack), "organisations") == 0)
    rh_org_page_add (page (self, VIEW_ORGS));
  else if (g_strcmp0 (gtk_stack_get_visible_child_name (self->view_stack), "meetings") == 0)
    rh_meetings_page_new_meeting (page (self, VIEW_MEETINGS));
  else if (g_strcmp0 (gtk_stack_get_visible_child_name (self->view_stack), "tasks") == 0)
    rh_tasks_page_new_task (page (self, VIEW_TASKS));
  else if (g_strcmp0 (gtk_stack_get_visible_child_name (self->view_stack), "cases") == 0)
    rh_cases_page_new_case (page (self, VIEW_CASES));
  else
    {
      rh_window_show_view (self, "members");
      rh_members_page_new_member (page (self, VIEW_MEMBERS));
    }
}

static void
search_activated (GtkWidget *widget, const char *action, GVariant *param)
{
  RhWindow *self = RH_WINDOW (widget);

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "empty") == 0)
    return;
  rh_window_show_view (self, "members");
  rh_members_page_focus_search (page (self, VIEW_MEMBERS));
}

static void
create_org_activated (GtkWidget *widget, const char *action, GVariant *param)
{
  RhWindow *self = RH_WINDOW (widget);
  RhOrgEditor *editor = rh_org_editor_new (GTK_WINDOW (self), self->db, NULL, 0);

  gtk_window_present (GTK_WINDOW (editor));
}

static void
load_sample_activated (GtkWidget *widget, const char *action, GVariant *param)
{
  RhWindow *self = RH_WINDOW (widget);
  RhDemoOptions options = { RH_DEMO_DEFAULT_BRANCHES, RH_DEMO_DEFAULT_MEMBERS, 1 };
  g_autoptr (GError) error = NULL;

  if (!rh_demo_generate (self->db, &options, &error))
    {
      rh_window_toast (self, error->message);
      return;
    }
  rh_database_emit_changed (self->db);
  rh_window_toast (self, _("Sample organisation loaded"));
}

/* Export to Excel…: the workbook of the view in front. */
static void
export_activated (GtkWidget *widget, const char *action, GVariant *param)
{
  RhWindow *self = RH_WINDOW (widget);
  const char *view = gtk_stack_get_visible_child_name (self->view_stack);
  g_autofree char *period = NULL;
  RhExportKind kind = RH_EXPORT_KIND_ASSESSMENT;
  RhExportDialog *dialog;
  gint64 branch = 0;

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "empty") == 0)
    return;
  if (g_strcmp0 (view, "members") == 0)
    kind = RH_EXPORT_KIND_ROSTER;
  else if (g_strcmp0 (view, "meetings") == 0)
    {
      int year;
      kind = RH_EXPORT_KIND_MEETINGS;
      rh_meetings_page_get_shown (page (self, VIEW_MEETINGS), &branch, &year);
      period = g_strdup_printf ("%d", year);
    }
  else
    {
      rh_window_load_view (self, "assessment");
      period = rh_assessment_page_dup_period (page (self, VIEW_ASSESSMENT));
    }
  dialog = rh_export_dialog_new (GTK_WINDOW (self), self->db, kind, period, branch);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
open_file_activated (GtkWidget *widget, const char *action, GVariant *param)
{
  gtk_show_uri (GTK_WINDOW (widget), g_variant_get_string (param, NULL), GDK_CURRENT_TIME);
}

/* Ctrl+P: the chart in the Charts view, the selected branch's handout in
 * the Assessment view. */
static void
print_activated (GtkWidget *widget, const char *action, GVariant *param)
{
  RhWindow *self = RH_WINDOW (widget);
  const char *view = gtk_stack_get_visible_child_name (self->view_stack);

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "empty") == 0)
    return;
  if (g_strcmp0 (view, "charts") == 0)
    gtk_widget_activate_action (page (self, VIEW_CHARTS), "charts.print", NULL);
  else if (g_strcmp0 (view, "assessment") == 0)
    {
      g_autofree char *period = rh_assessment_page_dup_period (page (self, VIEW_ASSESSMENT));
      g_autoptr (GError) error = NULL;
      g_autoptr (RhPrintOperation) op = NULL;
      RhHandout *handout = rh_handout_new (self->db, period,
                                           rh_assessment_page_get_selected_id (page (self, VIEW_ASSESSMENT)),
                                           &error);
      if (handout == NULL)
        {
          rh_window_toast (self, error->message);
          return;
        }
      op = rh_print_operation_new_for_handout (handout);
      if (!rh_print_operation_run_dialog (op, GTK_WINDOW (self), &error))
        rh_window_toast (self, error->message);
    }
}

static void
preferences_activated (GtkWidget *widget, const char *action, GVariant *param)
{
  RhWindow *self = RH_WINDOW (widget);

  gtk_window_present (GTK_WINDOW (rh_preferences_new (GTK_WINDOW (self), self->db)));
}

/* The shortcuts window and the main menu are built when first opened, not with the window:
 * together they were a sixth of the work before the first frame (issue 8). */
static void
shortcuts_activated (GtkWidget *widget, const char *action, GVariant *param)
{
  GtkApplicationWindow *window = GTK_APPLICATION_WINDOW (widget);

  if (gtk_application_window_get_help_overlay (window) == NULL)
    {
      g_autoptr (GtkBuilder) builder =
        gtk_builder_new_from_resource ("/io/github/ronghe/Ronghe/rh-shortcuts-window.ui");

      gtk_application_window_set_help_overlay (
        window, GTK_SHORTCUTS_WINDOW (gtk_builder_get_object (builder, "help_overlay")));
    }
  gtk_widget_activate_action (widget, "win.show-help-overlay", NULL);
}

/* GTK calls this each time the button opens its menu: the menu is made the first time. */
static void
create_menu_cb (GtkMenuButton *button, gpointer model)
{
  if (gtk_menu_button_get_popover (button) == NULL)
    gtk_menu_button_set_menu_model (button, model);
}

void
rh_window_import (RhWindow *self, const char *path)
{
  RhImportDialog *dialog = rh_import_dialog_new (GTK_WINDOW (self), self->db, path);

  gtk_window_present (GTK_WINDOW (dialog));
}

static void
import_response_cb (GtkNativeDialog *chooser, int response, RhWindow *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = g_file_get_path (file);

      if (path != NULL)
        rh_window_import (self, path);
    }
  g_object_unref (chooser);
}

static void
add_filter (GtkFileChooser *chooser, const char *name, const char *const *patterns)
{
  g_autoptr (GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, name);
  for (guint i = 0; patterns[i] != NULL; i++)
    gtk_file_filter_add_pattern (filter, patterns[i]);
  gtk_file_chooser_add_filter (chooser, filter);
}

static void
import_activated (GtkWidget *widget, const char *action, GVariant *param)
{
  RhWindow *self = RH_WINDOW (widget);
  GtkFileChooserNative *chooser;
  const char *rosters[] = { "*.xlsx", "*.XLSX", "*.csv", "*.CSV", "*.txt", NULL };
  const char *file = g_getenv ("RONGHE_IMPORT_FILE");

  /* For scripted sessions and screenshots: no file chooser to drive. */
  if (file != NULL && *file != '\0')
    {
      rh_window_import (self, file);
      return;
    }

  chooser = gtk_file_chooser_native_new (_("Import Members"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  add_filter (GTK_FILE_CHOOSER (chooser), _("Rosters (.xlsx, .csv)"), rosters);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (import_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

gboolean
rh_window_backup_to (RhWindow *self, const char *path)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *message = NULL;

  if (!rh_database_backup (self->db, path, &error))
    {
      rh_window_toast (self, error->message);
      return FALSE;
    }
  message = g_strdup_printf (_("Backup written to %s"), path);
  rh_window_toast (self, message);
  return TRUE;
}

static void
backup_response_cb (GtkNativeDialog *chooser, int response, RhWindow *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = g_file_get_path (file);

      if (path != NULL)
        rh_window_backup_to (self, path);
    }
  g_object_unref (chooser);
}

static void
backup_activated (GtkWidget *widget, const char *action, GVariant *param)
{
  RhWindow *self = RH_WINDOW (widget);
  GtkFileChooserNative *chooser;
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y-%m-%d");
  /* TRANSLATORS: the suggested name of a backup file; %s is the date */
  g_autofree char *name = g_strdup_printf (_("ronghe-backup-%s.db"), stamp);

  chooser = gtk_file_chooser_native_new (_("Back Up"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (backup_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

gboolean
rh_window_restore_from (RhWindow *self, const char *path)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *safety = NULL;
  g_autofree char *message = NULL;

  if (!rh_backup_restore (self->db, path, &safety, &error))
    {
      AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (
        adw_message_dialog_new (GTK_WINDOW (self), _("Cannot Restore"), error->message));

      adw_message_dialog_add_response (dialog, "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
      return FALSE;
    }
  rh_database_emit_changed (self->db);
  message = g_strdup_printf (_("Restored. The database as it was is kept in %s"), safety);
  rh_window_toast (self, message);
  return TRUE;
}

static void
restore_confirm_cb (AdwMessageDialog *dialog, const char *response, RhWindow *self)
{
  const char *path = g_object_get_data (G_OBJECT (dialog), "path");

  if (g_strcmp0 (response, "restore") == 0)
    rh_window_restore_from (self, path);
}

static void
restore_response_cb (GtkNativeDialog *chooser, int response, RhWindow *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = g_file_get_path (file);
      g_autoptr (GError) error = NULL;
      AdwMessageDialog *dialog;
      int version = 0;

      if (path == NULL)
        ;
      else if (!rh_database_verify_file (path, &version, &error))
        {
          dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                               _("Not a Usable Backup"),
                                                               error->message));
          adw_message_dialog_add_response (dialog, "close", _("_Close"));
          gtk_window_present (GTK_WINDOW (dialog));
        }
      else
        {
          dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (
            GTK_WINDOW (self), _("Replace the Database with This Backup?"),
            _("Everything entered since the backup was made is replaced. The database as it is "
              "now is backed up first.")));
          adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "restore",
                                            _("_Restore"), NULL);
          adw_message_dialog_set_response_appearance (dialog, "restore",
                                                      ADW_RESPONSE_DESTRUCTIVE);
          g_object_set_data_full (G_OBJECT (dialog), "path", g_strdup (path), g_free);
          g_signal_connect (dialog, "response", G_CALLBACK (restore_confirm_cb), self);
          gtk_window_present (GTK_WINDOW (dialog));
        }
    }
  g_object_unref (chooser);
}

static void
restore_activated (GtkWidget *widget, const char *action, GVariant *param)
{
  RhWindow *self = RH_WINDOW (widget);
  GtkFileChooserNative *chooser;
  g_autofree char *dir = rh_backup_dir (rh_database_get_path (self->db));
  g_autoptr (GFile) folder = g_file_new_for_path (dir);
  const char *databases[] = { "*.db", "*.sqlite", "*.sqlite3", NULL };

  chooser = gtk_file_chooser_native_new (_("Restore"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  add_filter (GTK_FILE_CHOOSER (chooser), _("Ronghe backups"), databases);
  if (g_file_test (dir, G_FILE_TEST_IS_DIR))
    gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (restore_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
save_state (RhWindow *self)
{
  int width, height;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_set_int (self->settings, "window-width", width);
  g_settings_set_int (self->settings, "window-height", height);
  g_settings_set_boolean (self->settings, "window-maximized",
                          gtk_window_is_maximized (GTK_WINDOW (self)));
  g_settings_set_string (self->settings, "last-view",
                         gtk_stack_get_visible_child_name (self->view_stack));
}

static gboolean
rh_window_close_request (GtkWindow *window)
{
  save_state (RH_WINDOW (window));
  return GTK_WINDOW_CLASS (rh_window_parent_class)->close_request (window);
}

static void
rh_window_dispose (GObject *object)
{
  RhWindow *self = RH_WINDOW (object);

  if (self->db != NULL)
    g_signal_handlers_disconnect_by_data (self->db, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), RH_TYPE_WINDOW);
  g_clear_object (&self->db);
  g_clear_object (&self->settings);
  G_OBJECT_CLASS (rh_window_parent_class)->dispose (object);
}

/* RONGHE_TRACE: print the time from process start to the first painted frame; GTK's theme
 * (libadwaita names its empty one, Adwaita-empty, when its own style sheet is in use); and
 * whether GDK has OpenGL (on X11 it was set up as the display opened, unless left out; where
 * GDK sets it up on demand, as on Wayland, this asks for it, after the frame measured). */
static void
first_frame_cb (GdkFrameClock *clock, RhWindow *self)
{
  g_autofree char *theme = NULL;
  double ms = (g_get_monotonic_time () - rh_application_get_start_time ()) / 1000.0;

  g_object_get (gtk_widget_get_settings (GTK_WIDGET (self)), "gtk-theme-name", &theme, NULL);
  g_printerr ("ronghe-trace: first-frame ms=%.1f theme=%s gl=%s\n", ms, theme,
              gdk_display_prepare_gl (gtk_widget_get_display (GTK_WIDGET (self)), NULL)
                ? "yes" : "no");
  g_signal_handlers_disconnect_by_func (clock, first_frame_cb, self);
}

static void
realize_cb (RhWindow *self)
{
  if (g_getenv ("RONGHE_TRACE") != NULL)
    g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (self)), "after-paint",
                      G_CALLBACK (first_frame_cb), self);
}

static void
rh_window_class_init (RhWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = rh_window_dispose;
  GTK_WINDOW_CLASS (klass)->close_request = rh_window_close_request;

  g_type_ensure (RH_TYPE_OVERVIEW_PAGE);
  g_type_ensure (RH_TYPE_ORG_PAGE);
  g_type_ensure (RH_TYPE_MEMBERS_PAGE);
  g_type_ensure (RH_TYPE_MEETINGS_PAGE);
  g_type_ensure (RH_TYPE_TASKS_PAGE);
  g_type_ensure (RH_TYPE_CASES_PAGE);
  g_type_ensure (RH_TYPE_ASSESSMENT_PAGE);
  g_type_ensure (RH_TYPE_CHARTS_PAGE);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/ronghe/Ronghe/rh-window.ui");
  gtk_widget_class_bind_template_child (widget_class, RhWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, RhWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, RhWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, RhWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, RhWindow, new_button);
  gtk_widget_class_bind_template_child (widget_class, RhWindow, export_button);
  gtk_widget_class_bind_template_child (widget_class, RhWindow, menu_button);
  gtk_widget_class_bind_template_child (widget_class, RhWindow, primary_menu);
  gtk_widget_class_bind_template_child (widget_class, RhWindow, empty_page);

  for (guint i = 0; i < N_VIEWS; i++)
    gtk_widget_class_bind_template_child_full (widget_class, views[i].slot, FALSE,
                                               G_STRUCT_OFFSET (RhWindow, slots) + i * sizeof (GtkWidget *));
  gtk_widget_class_install_action (widget_class, "win.new", NULL, new_activated);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_activated);
  gtk_widget_class_install_action (widget_class, "win.create-org", NULL, create_org_activated);
  gtk_widget_class_install_action (widget_class, "win.load-sample", NULL, load_sample_activated);
  gtk_widget_class_install_action (widget_class, "win.preferences", NULL, preferences_activated);
  gtk_widget_class_install_action (widget_class, "win.shortcuts", NULL, shortcuts_activated);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_activated);
  gtk_widget_class_install_action (widget_class, "win.open-file", "s", open_file_activated);
  gtk_widget_class_install_action (widget_class, "win.import", NULL, import_activated);
  gtk_widget_class_install_action (widget_class, "win.backup", NULL, backup_activated);
  gtk_widget_class_install_action (widget_class, "win.restore", NULL, restore_activated);
  gtk_widget_class_install_action (widget_class, "win.print", NULL, print_activated);
}

static void
rh_window_init (RhWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_menu_button_set_create_popup_func (self->menu_button, create_menu_cb,
                                         g_object_ref (self->primary_menu), g_object_unref);
  g_signal_connect_swapped (self->view_stack, "notify::visible-child-name",
                            G_CALLBACK (view_changed_cb), self);
  self->settings = g_settings_new (APP_ID);
  g_signal_connect_after (self, "realize", G_CALLBACK (realize_cb), NULL);
}

RhWindow *
rh_window_new (RhApplication *app, RhDatabase *db, const RhCounts *counts)
{
  RhWindow *self = g_object_new (RH_TYPE_WINDOW, "application", app, NULL);
  g_autofree char *base = g_path_get_basename (rh_database_get_path (db));
  g_autofree char *view = NULL;

  self->db = g_object_ref (db);
  /* For the Overview, if it is the view shown first; counts made later would be stale. */
  self->first_counts = counts;
  adw_window_title_set_subtitle (self->window_title, base);
  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  /* The pages get the database when first shown (see rh_window_load_view). */
  /* The last view first, so that only its page is filled before the first frame. */
  view = g_settings_get_string (self->settings, "last-view");
  if (gtk_stack_get_child_by_name (self->view_stack, view) != NULL)
    rh_window_show_view (self, view);
  g_signal_connect_swapped (db, "changed", G_CALLBACK (update_main_stack), self);
  update_main_stack (self);
  self->first_counts = NULL;
  return self;
}
