/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "rh-config.h"

#include <glib/gi18n-lib.h>
#include "rh-date.h"
#include "rh-export-dialog.h"
#include "rh-export.h"
#include "rh-gui-util.h"
#include "rh-period.h"
#include "rh-types.h"
#include "rh-window.h"

/* What the worker needs; it never touches the window's database connection. */
typedef struct {
  char        *db_path;
  char        *target;
  char        *period;
  gint64       branch_id;
  gboolean     unmasked;
  RhExportKind kind;
  gint         permille;   /* progress, atomic */
} ExportJob;

static void
export_job_free (ExportJob *job)
{
  g_free (job->db_path);
  g_free (job->target);
  g_free (job->period);
  g_free (job);
}

struct _RhExportDialog
{
  AdwWindow     parent_instance;
  RhDatabase   *db;
  RhExportKind  kind;
  GTask        *task;          /* while running */
  GCancellable *cancellable;
  guint         progress_id;
  GtkFileChooserNative *chooser;

  AdwPreferencesGroup *group;
  AdwActionRow *scope_row, *period_row, *mask_row;
  GtkDropDown  *scope_dropdown;
  GtkEditable  *period_entry;
  GtkSwitch    *mask_switch;
  GtkLabel     *error_label;
  GtkProgressBar *progress_bar;
  GtkWidget    *export_button;
};

G_DEFINE_FINAL_TYPE (RhExportDialog, rh_export_dialog, ADW_TYPE_WINDOW)

static void
progress_cb (double fraction, gpointer data)
{
  ExportJob *job = data;

  g_atomic_int_set (&job->permille, (gint) (fraction * 1000));
}

static void
export_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  ExportJob *job = data;
  g_autoptr (GError) error = NULL;
  g_autoptr (RhDatabase) db = rh_database_open (job->db_path, &error);
  RhExportOptions options = { 0 };
  gboolean ok;

  if (db == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  /* This connection only reads: the window keeps working meanwhile. */
  rh_database_exec (db, "PRAGMA query_only = ON", NULL);
  options.period = job->period;
  options.branch_id = job->branch_id;
  options.unmasked = job->unmasked;
  options.progress = progress_cb;
  options.progress_data = job;
  options.cancellable = cancellable;
  if (job->kind == RH_EXPORT_KIND_ROSTER)
    ok = rh_export_roster (db, job->target, &options, &error);
  else if (job->kind == RH_EXPORT_KIND_MEETINGS)
    ok = rh_export_meetings (db, job->target, &options, &error);
  else
    ok = rh_export_assessment (db, job->target, &options, &error);
  if (ok)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, g_steal_pointer (&error));
}

static gboolean
progress_tick_cb (gpointer data)
{
  RhExportDialog *self = data;
  ExportJob *job;
  g_autofree char *text = NULL;
  double fraction;

  if (self->task == NULL)
    return G_SOURCE_CONTINUE;
  job = g_task_get_task_data (self->task);
  fraction = g_atomic_int_get (&job->permille) / 1000.0;
  text = g_strdup_printf ("%d%%", (int) (fraction * 100));
  gtk_progress_bar_set_fraction (self->progress_bar, fraction);
  gtk_progress_bar_set_text (self->progress_bar, text);
  return G_SOURCE_CONTINUE;
}

static void
set_running (RhExportDialog *self, gboolean running)
{
  gtk_widget_set_sensitive (GTK_WIDGET (self->group), !running);
  gtk_widget_set_sensitive (self->export_button, !running);
  gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), running);
  g_clear_handle_id (&self->progress_id, g_source_remove);
  if (running)
    {
      gtk_progress_bar_set_fraction (self->progress_bar, 0);
      self->progress_id = g_timeout_add (100, progress_tick_cb, self);
    }
}

static void
export_done_cb (GObject *source, GAsyncResult *result, gpointer data)
{
  RhExportDialog *self = RH_EXPORT_DIALOG (source);
  ExportJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr (GError) error = NULL;
  RhWindow *window;

  set_running (self, FALSE);
  g_clear_object (&self->task);
  g_clear_object (&self->cancellable);
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (g_error_matches (error, RH_EXPORT_ERROR, RH_EXPORT_ERROR_CANCELLED)
          || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          gtk_window_destroy (GTK_WINDOW (self));
          return;
        }
      gtk_label_set_label (self->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      return;
    }
  window = rh_window_for (GTK_WIDGET (self));
  if (window != NULL)
    {
      g_autofree char *base = g_path_get_basename (job->target);
      g_autofree char *message = g_strdup_printf (_("Saved %s"), base);
      rh_window_toast_file (window, message, job->target);
    }
  gtk_window_destroy (GTK_WINDOW (self));
}

void
rh_export_dialog_export_to (RhExportDialog *self, const char *path)
{
  ExportJob *job = g_new0 (ExportJob, 1);
  g_autofree char *period = rh_editable_dup_text (self->period_entry);

  g_return_if_fail (self->task == NULL);
  job->db_path = g_strdup (rh_database_get_path (self->db));
  job->target = g_str_has_suffix (path, ".xlsx") ? g_strdup (path)
                                                 : g_strconcat (path, ".xlsx", NULL);
  job->period = g_steal_pointer (&period);
  job->branch_id = rh_org_dropdown_get_id (self->scope_dropdown);
  job->unmasked = !gtk_switch_get_active (self->mask_switch);
  job->kind = self->kind;
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  self->cancellable = g_cancellable_new ();
  self->task = g_task_new (self, self->cancellable, export_done_cb, NULL);
  g_task_set_task_data (self->task, job, (GDestroyNotify) export_job_free);
  set_running (self, TRUE);
  g_task_run_in_thread (self->task, export_thread);
}

gboolean
rh_export_dialog_is_running (RhExportDialog *self)
{
  return self->task != NULL;
}

static void
chooser_response_cb (GtkNativeDialog *native, int response, gpointer data)
{
  RhExportDialog *self = data;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
      g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;
      if (path != NULL)
        rh_export_dialog_export_to (self, path);
    }
  g_clear_object (&self->chooser);
}

/* Checks the options before asking for a file. */
static gboolean
options_valid (RhExportDialog *self)
{
  g_autofree char *period = rh_editable_dup_text (self->period_entry);
  g_autoptr (GError) error = NULL;
  RhPeriod p;

  if (self->kind != RH_EXPORT_KIND_ROSTER && !rh_period_parse (period, &p, &error))
    {
      rh_form_show_error (self->error_label, self->period_row, error->message);
      return FALSE;
    }
  if (self->kind == RH_EXPORT_KIND_MEETINGS && rh_org_dropdown_get_id (self->scope_dropdown) == 0)
    {
      rh_form_show_error (self->error_label, self->scope_row, _("Choose a branch"));
      return FALSE;
    }
  rh_form_row_set_error (self->period_row, NULL);
  rh_form_row_set_error (self->scope_row, NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  return TRUE;
}

static char *
suggested_name (RhExportDialog *self)
{
  g_autofree char *period = rh_editable_dup_text (self->period_entry);

  switch (self->kind)
    {
    case RH_EXPORT_KIND_ROSTER:
      return g_strdup (_("Roster.xlsx"));
    case RH_EXPORT_KIND_MEETINGS:
      /* TRANSLATORS: a file name; %s is the period, e.g. 2025 */
      return g_strdup_printf (_("Meeting ledger %s.xlsx"), period);
    default:
      /* TRANSLATORS: a file name; %s is the period, e.g. 2025 */
      return g_strdup_printf (_("Assessment %s.xlsx"), period);
    }
}

static void
choose_activated (GtkWidget *widget, const char *action, GVariant *param)
{
  RhExportDialog *self = RH_EXPORT_DIALOG (widget);
  g_autofree char *name = NULL;
  const char *preset = g_getenv ("RONGHE_EXPORT_FILE");
  GtkFileFilter *filter;

  if (self->task != NULL || !options_valid (self))
    return;
  /* Scripts and tests name the file instead of using the chooser. */
  if (preset != NULL && *preset)
    {
      rh_export_dialog_export_to (self, preset);
      return;
    }
  name = suggested_name (self);
  self->chooser = gtk_file_chooser_native_new (_("Export to Excel"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"),
                                               _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  filter = gtk_file_filter_new ();
  gtk_file_filter_set_name (filter, _("Excel workbooks"));
  gtk_file_filter_add_pattern (filter, "*.xlsx");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  g_object_unref (filter);
  g_signal_connect (self->chooser, "response", G_CALLBACK (chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
cancel_activated (GtkWidget *widget, const char *action, GVariant *param)
{
  RhExportDialog *self = RH_EXPORT_DIALOG (widget);

  /* A running export stops at its next step and leaves no file. */
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  else
    gtk_window_destroy (GTK_WINDOW (self));
}

static gboolean
rh_export_dialog_close_request (GtkWindow *window)
{
  RhExportDialog *self = RH_EXPORT_DIALOG (window);

  if (self->cancellable != NULL)
    {
      g_cancellable_cancel (self->cancellable);
      return TRUE;   /* closes once the worker has stopped */
    }
  return GTK_WINDOW_CLASS (rh_export_dialog_parent_class)->close_request (window);
}

static void
rh_export_dialog_dispose (GObject *object)
{
  RhExportDialog *self = RH_EXPORT_DIALOG (object);

  g_clear_handle_id (&self->progress_id, g_source_remove);
  if (self->chooser != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->chooser, self);
      g_clear_object (&self->chooser);
    }
  g_clear_object (&self->db);
  gtk_widget_dispose_template (GTK_WIDGET (self), RH_TYPE_EXPORT_DIALOG);
  G_OBJECT_CLASS (rh_export_dialog_parent_class)->dispose (object);
}

static void
rh_export_dialog_class_init (RhExportDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = rh_export_dialog_dispose;
  GTK_WINDOW_CLASS (klass)->close_request = rh_export_dialog_close_request;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/ronghe/Ronghe/rh-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, RhExportDialog, group);
  gtk_widget_class_bind_template_child (widget_class, RhExportDialog, scope_row);
  gtk_widget_class_bind_template_child (widget_class, RhExportDialog, period_row);
  gtk_widget_class_bind_template_child (widget_class, RhExportDialog, mask_row);
  gtk_widget_class_bind_template_child (widget_class, RhExportDialog, scope_dropdown);
  gtk_widget_class_bind_template_child (widget_class, RhExportDialog, period_entry);
  gtk_widget_class_bind_template_child (widget_class, RhExportDialog, mask_switch);
  gtk_widget_class_bind_template_child (widget_class, RhExportDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, RhExportDialog, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, RhExportDialog, export_button);
  gtk_widget_class_install_action (widget_class, "export.choose", NULL, choose_activated);
  gtk_widget_class_install_action (widget_class, "export.cancel", NULL, cancel_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "export.cancel", NULL);
}

static void
rh_export_dialog_init (RhExportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

RhExportDialog *
rh_export_dialog_new (GtkWindow *parent, RhDatabase *db, RhExportKind kind, const char *period,
                      gint64 branch_id)
{
  RhExportDialog *self = g_object_new (RH_TYPE_EXPORT_DIALOG, "transient-for", parent, NULL);
  g_autofree char *this_year = NULL;

  self->db = g_object_ref (db);
  self->kind = kind;
  rh_org_dropdown_fill (self->scope_dropdown, db, 1u << RH_ORG_BRANCH,
                        kind == RH_EXPORT_KIND_MEETINGS ? NULL : _("Whole committee"));
  if (branch_id != 0)
    rh_org_dropdown_set_id (self->scope_dropdown, branch_id);
  if (period == NULL)
    {
      GDate today;
      rh_date_today (&today);
      this_year = g_strdup_printf ("%d", g_date_get_year (&today));
      period = this_year;
    }
  rh_editable_set_text (self->period_entry, period);
  gtk_widget_set_visible (GTK_WIDGET (self->period_row), kind != RH_EXPORT_KIND_ROSTER);
  /* Only the roster holds ID and phone numbers. */
  gtk_widget_set_visible (GTK_WIDGET (self->mask_row), kind == RH_EXPORT_KIND_ROSTER);
  switch (kind)
    {
    case RH_EXPORT_KIND_ROSTER:
      gtk_window_set_title (GTK_WINDOW (self), _("Export the Roster"));
      adw_preferences_group_set_description (self->group,
        _("Party members in the columns of the official roster (党员花名册)."));
      break;
    case RH_EXPORT_KIND_MEETINGS:
      gtk_window_set_title (GTK_WINDOW (self), _("Export the Meeting Ledger"));
      adw_preferences_group_set_description (self->group,
        _("A branch's meetings of the period with attendance, and its 三会一课 compliance."));
      adw_action_row_set_subtitle (self->period_row, _("A year (2025), a quarter (2025Q3) or a month (2025-07)"));
      break;
    default:
      gtk_window_set_title (GTK_WINDOW (self), _("Export the Assessment"));
      adw_preferences_group_set_description (self->group,
        _("A summary, one 考核细则 sheet per branch, and the period's 三会一课, central tasks, "
          "cases and member points, for the higher committee."));
      break;
    }
  return self;
}
