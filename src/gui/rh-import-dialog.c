/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "rh-config.h"

#include <glib/gi18n-lib.h>
#include "rh-gui-util.h"
#include "rh-import-dialog.h"
#include "rh-import.h"
#include "rh-org.h"
#include "rh-window.h"

struct _RhImportDialog
{
  AdwWindow     parent_instance;

  RhDatabase   *db;
  char         *path;
  char         *db_path;
  GStrv         sheet_names;    /* NULL for CSV */
  RhSheet      *sheet;
  RhImportPlan *plan;
  GArray       *branch_ids;     /* gint64 per entry of branch_row, 0 first */
  AdwComboRow  *field_rows[RH_IMPORT_N_FIELDS];
  GCancellable *cancellable;
  guint         progress_source;
  gint          done;           /* atomic: rows written so far */
  gint          total;
  gboolean      busy;
  gboolean      filling;        /* setting up rows: no reloads */

  AdwWindowTitle *window_title;
  GtkButton      *close_button;
  GtkButton      *next_button;
  GtkButton      *back_button;
  GtkStack       *stack;
  GtkSpinner     *spinner;
  GtkLabel       *busy_label;
  AdwStatusPage  *error_page;
  AdwComboRow    *sheet_row;
  AdwActionRow   *header_row;
  GtkSpinButton  *header_spin;
  AdwComboRow    *branch_row;
  AdwPreferencesGroup *columns_group;
  GtkSwitch      *remember_switch;
  GtkLabel       *new_label;
  GtkLabel       *updated_label;
  GtkLabel       *invalid_label;
  GtkWidget      *missing_group;
  AdwActionRow   *missing_row;
  GtkSwitch      *create_switch;
  GtkLabel       *problems_label;
  GtkWidget      *problems_scroller;
  GtkColumnView  *problems_view;
  GtkColumnViewColumn *row_column;
  GtkColumnViewColumn *column_column;
  GtkColumnViewColumn *message_column;
  GtkLabel       *progress_label;
  GtkProgressBar *progress_bar;
};

G_DEFINE_FINAL_TYPE (RhImportDialog, rh_import_dialog, ADW_TYPE_WINDOW)

static void
show_busy (RhImportDialog *self, const char *message)
{
  self->busy = TRUE;
  gtk_label_set_text (self->busy_label, message);
  gtk_spinner_set_spinning (self->spinner, TRUE);
  gtk_stack_set_visible_child_name (self->stack, "busy");
  gtk_widget_set_sensitive (GTK_WIDGET (self->next_button), FALSE);
}

static void
show_error (RhImportDialog *self, const GError *error)
{
  self->busy = FALSE;
  gtk_widget_set_visible (GTK_WIDGET (self->back_button), FALSE);
  gtk_spinner_set_spinning (self->spinner, FALSE);
  adw_status_page_set_description (self->error_page, error->message);
  gtk_stack_set_visible_child_name (self->stack, "error");
  gtk_widget_set_visible (GTK_WIDGET (self->next_button), FALSE);
  gtk_button_set_label (self->close_button, _("_Close"));
}

/* Reading the file */

typedef struct {
  char   *path;
  char   *sheet_name;
  GStrv   names;
  RhSheet *sheet;
} LoadJob;

static void
load_job_free (gpointer data)
{
  LoadJob *job = data;

  g_free (job->path);
  g_free (job->sheet_name);
  g_strfreev (job->names);
  g_clear_pointer (&job->sheet, rh_sheet_free);
  g_free (job);
}

static void
load_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  LoadJob *job = data;
  GError *error = NULL;

  job->names = rh_import_sheet_names (job->path, &error);
  if (error == NULL)
    job->sheet = rh_import_read_file (job->path, job->sheet_name, &error);
  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static char *
column_label (RhSheet *sheet, guint row, guint column)
{
  g_autofree char *letter = rh_sheet_column_name (column);
  const char *header = rh_sheet_cell (sheet, row, column);
  const char *sample = "";
  g_autofree char *shown = NULL;

  /* The first value below the header shows what the column holds. */
  for (guint r = row + 1; r < rh_sheet_n_rows (sheet) && r < row + 50 && *sample == '\0'; r++)
    sample = rh_sheet_cell (sheet, r, column);
  if (g_utf8_validate (sample, -1, NULL) && g_utf8_strlen (sample, -1) > 16)
    {
      g_autofree char *start = g_utf8_substring (sample, 0, 15);
      shown = g_strconcat (start, "…", NULL);
    }
  else
    shown = g_strdelimit (g_strdup (sample), "\n\r\t", ' ');
  /* "C  出生日期 (1980/1/5)" */
  if (*header == '\0')
    return *shown ? g_strdup_printf ("%s  (%s)", letter, shown) : g_strdup (letter);
  return *shown ? g_strdup_printf ("%s  %s (%s)", letter, header, shown)
                : g_strdup_printf ("%s  %s", letter, header);
}

static void
fill_mapping (RhImportDialog *self, const RhImportMapping *mapping)
{
  guint width = rh_sheet_width (self->sheet, (guint) mapping->header_row + 20);

  self->filling = TRUE;
  for (int f = 0; f < RH_IMPORT_N_FIELDS; f++)
    {
      g_autoptr (GtkStringList) list = gtk_string_list_new (NULL);

      gtk_string_list_append (list, _("(not imported)"));
      for (guint c = 0; c < width; c++)
        {
          g_autofree char *label = column_label (self->sheet, (guint) mapping->header_row, c);
          gtk_string_list_append (list, label);
        }
      adw_combo_row_set_model (self->field_rows[f], G_LIST_MODEL (list));
      adw_combo_row_set_selected (self->field_rows[f], (guint) (mapping->columns[f] + 1));
    }
  gtk_spin_button_set_range (self->header_spin, 1, MAX (1, MIN (rh_sheet_n_rows (self->sheet), 50)));
  gtk_spin_button_set_value (self->header_spin, mapping->header_row + 1);
  g_object_set_data (G_OBJECT (self), "header-row", GINT_TO_POINTER (mapping->header_row));
  self->filling = FALSE;
}

static void
load_done (GObject *source, GAsyncResult *result, gpointer data)
{
  RhImportDialog *self = RH_IMPORT_DIALOG (source);
  LoadJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr (GError) error = NULL;
  g_autofree char *saved = NULL;
  RhImportMapping mapping;

  self->busy = FALSE;
  gtk_spinner_set_spinning (self->spinner, FALSE);
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      show_error (self, error);
      return;
    }
  g_clear_pointer (&self->sheet, rh_sheet_free);
  self->sheet = g_steal_pointer (&job->sheet);
  if (self->sheet_names == NULL && job->names != NULL)
    {
      self->sheet_names = g_steal_pointer (&job->names);
      self->filling = TRUE;
      adw_combo_row_set_model (self->sheet_row,
                               G_LIST_MODEL (gtk_string_list_new ((const char *const *)
                                                                    self->sheet_names)));
      self->filling = FALSE;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->sheet_row), self->sheet_names != NULL);
  rh_import_mapping_detect (self->sheet, &mapping);
  saved = rh_import_mapping_load (self->db);
  rh_import_mapping_apply (self->sheet, &mapping, saved);
  fill_mapping (self, &mapping);
  gtk_stack_set_visible_child_name (self->stack, "mapping");
  gtk_widget_set_sensitive (GTK_WIDGET (self->next_button), TRUE);
}

static void
load (RhImportDialog *self, const char *sheet_name)
{
  g_autoptr (GTask) task = g_task_new (self, NULL, load_done, NULL);
  LoadJob *job = g_new0 (LoadJob, 1);

  job->path = g_strdup (self->path);
  job->sheet_name = g_strdup (sheet_name);
  g_task_set_task_data (task, job, load_job_free);
  show_busy (self, _("Reading the file…"));
  g_task_run_in_thread (task, load_thread);
}

/* The user says where the headers are: map again from that row. */
static void
header_changed_cb (RhImportDialog *self)
{
  RhImportMapping mapping;
  g_autofree char *saved = NULL;
  int row = gtk_spin_button_get_value_as_int (self->header_spin) - 1;

  if (self->filling || self->sheet == NULL
      || row == GPOINTER_TO_INT (g_object_get_data (G_OBJECT (self), "header-row")))
    return;
  rh_import_mapping_detect_row (self->sheet, (guint) MAX (row, 0), &mapping);
  saved = rh_import_mapping_load (self->db);
  rh_import_mapping_apply (self->sheet, &mapping, saved);
  fill_mapping (self, &mapping);
}

static void
sheet_changed_cb (RhImportDialog *self)
{
  guint i = adw_combo_row_get_selected (self->sheet_row);

  if (self->filling || self->sheet_names == NULL || i >= g_strv_length (self->sheet_names))
    return;
  load (self, self->sheet_names[i]);
}

/* Checking */

typedef struct {
  char           *db_path;
  RhSheet        *sheet;        /* the dialog's; it outlives the job */
  RhImportMapping mapping;
  gint64          branch;
  RhImportPlan   *plan;
} PrepareJob;

static void
prepare_job_free (gpointer data)
{
  PrepareJob *job = data;

  g_free (job->db_path);
  g_clear_pointer (&job->plan, rh_import_plan_free);
  g_free (job);
}

static void
prepare_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  PrepareJob *job = data;
  GError *error = NULL;
  g_autoptr (RhDatabase) db = rh_database_open (job->db_path, &error);

  if (db != NULL)
    job->plan = rh_import_prepare (db, job->sheet, &job->mapping, job->branch, &error);
  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
bind_problem_cb (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer data)
{
  RhImportDialog *self = RH_IMPORT_DIALOG (data);
  GtkStringObject *object = gtk_list_item_get_item (item);
  GPtrArray *problems = rh_import_plan_problems (self->plan);
  guint i = (guint) g_ascii_strtoull (gtk_string_object_get_string (object), NULL, 10);
  GtkLabel *label = GTK_LABEL (gtk_list_item_get_child (item));
  int which = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (factory), "which"));
  RhImportProblem *p;

  if (i >= problems->len)
    return;
  p = problems->pdata[i];
  if (which == 0)
    {
      g_autofree char *row = g_strdup_printf ("%u", p->row);
      gtk_label_set_text (label, row);
    }
  else
    gtk_label_set_text (label, which == 1 ? p->column_name : p->message);
}

static void
setup_problem_cb (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer data)
{
  int which = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (factory), "which"));
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (which == 2)
    {
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
    }
  else
    gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (item, label);
}

static void
show_counts (RhImportDialog *self)
{
  RhImportPlan *plan = self->plan;
  GPtrArray *problems = rh_import_plan_problems (plan);
  GPtrArray *missing = rh_import_plan_missing (plan);
  guint n = rh_import_plan_n_new (plan) + rh_import_plan_n_updated (plan);
  g_autofree char *new_text = g_strdup_printf ("%u", rh_import_plan_n_new (plan));
  g_autofree char *updated_text = g_strdup_printf ("%u", rh_import_plan_n_updated (plan));
  g_autofree char *invalid_text = g_strdup_printf ("%u", rh_import_plan_n_invalid (plan));
  g_autofree char *button = NULL;
  g_autoptr (GtkStringList) rows = gtk_string_list_new (NULL);

  gtk_label_set_text (self->new_label, new_text);
  gtk_label_set_text (self->updated_label, updated_text);
  gtk_label_set_text (self->invalid_label, invalid_text);
  if (missing->len > 0)
    {
      g_autoptr (GString) names = g_string_new (NULL);
      g_autofree char *title = NULL;

      for (guint i = 0; i < missing->len && i < 12; i++)
        g_string_append_printf (names, "%s%s", i ? _(", ") : "", (char *) missing->pdata[i]);
      if (missing->len > 12)
        g_string_append (names, _(", …"));
      title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "Create %u organisation named in the file",
                                            "Create %u organisations named in the file",
                                            missing->len),
                               missing->len);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->missing_row), title);
      adw_action_row_set_subtitle (self->missing_row, names->str);
    }
  gtk_widget_set_visible (self->missing_group, missing->len > 0);

  for (guint i = 0; i < problems->len; i++)
    {
      char index[16];

      g_snprintf (index, sizeof index, "%u", i);
      gtk_string_list_append (rows, index);
    }
  gtk_column_view_set_model (self->problems_view,
                             GTK_SELECTION_MODEL (gtk_no_selection_new (
                               G_LIST_MODEL (g_steal_pointer (&rows)))));
  gtk_label_set_text (self->problems_label,
                      problems->len > 0 ? _("Problems (these rows are not imported)")
                                        : _("No problems found"));
  gtk_widget_set_visible (self->problems_scroller, problems->len > 0);

  button = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "_Import %u Row", "_Import %u Rows", n),
                            n);
  gtk_button_set_label (self->next_button, button);
  gtk_widget_set_sensitive (GTK_WIDGET (self->next_button), n > 0);
}

static void
prepare_done (GObject *source, GAsyncResult *result, gpointer data)
{
  RhImportDialog *self = RH_IMPORT_DIALOG (source);
  PrepareJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr (GError) error = NULL;

  self->busy = FALSE;
  gtk_spinner_set_spinning (self->spinner, FALSE);
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      /* A mapping problem (no name column) sends the user back to the mapping. */
      if (g_error_matches (error, RH_IMPORT_ERROR, RH_IMPORT_ERROR_MAPPING))
        {
          gtk_stack_set_visible_child_name (self->stack, "mapping");
          gtk_widget_set_sensitive (GTK_WIDGET (self->next_button), TRUE);
          rh_form_row_set_error (ADW_ACTION_ROW (self->field_rows[RH_IMPORT_NAME]),
                                 error->message);
          return;
        }
      show_error (self, error);
      return;
    }
  g_clear_pointer (&self->plan, rh_import_plan_free);
  self->plan = g_steal_pointer (&job->plan);
  rh_import_plan_set_create_branches (self->plan, gtk_switch_get_active (self->create_switch));
  show_counts (self);
  gtk_button_set_label (self->close_button, _("Import _Nothing"));
  gtk_widget_set_visible (GTK_WIDGET (self->back_button), TRUE);
  gtk_stack_set_visible_child_name (self->stack, "preview");
}

static void
current_mapping (RhImportDialog *self, RhImportMapping *mapping)
{
  rh_import_mapping_clear (mapping);
  mapping->header_row = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (self), "header-row"));
  for (int f = 0; f < RH_IMPORT_N_FIELDS; f++)
    {
      guint selected = adw_combo_row_get_selected (self->field_rows[f]);

      mapping->columns[f] = selected == GTK_INVALID_LIST_POSITION ? -1 : (int) selected - 1;
    }
}

static void
preview (RhImportDialog *self)
{
  g_autoptr (GTask) task = g_task_new (self, NULL, prepare_done, NULL);
  PrepareJob *job = g_new0 (PrepareJob, 1);
  guint branch = adw_combo_row_get_selected (self->branch_row);

  current_mapping (self, &job->mapping);
  rh_form_row_set_error (ADW_ACTION_ROW (self->field_rows[RH_IMPORT_NAME]), NULL);
  if (gtk_switch_get_active (self->remember_switch))
    {
      g_autoptr (GError) error = NULL;

      if (!rh_import_mapping_save (self->db, self->sheet, &job->mapping, &error))
        g_warning ("The import mapping was not saved: %s", error->message);
    }
  job->db_path = g_strdup (self->db_path);
  job->sheet = self->sheet;
  job->branch = branch < self->branch_ids->len ? g_array_index (self->branch_ids, gint64, branch)
                                               : 0;
  g_task_set_task_data (task, job, prepare_job_free);
  show_busy (self, _("Checking every row…"));
  g_task_run_in_thread (task, prepare_thread);
}

static void
create_changed_cb (RhImportDialog *self)
{
  if (self->plan == NULL)
    return;
  rh_import_plan_set_create_branches (self->plan, gtk_switch_get_active (self->create_switch));
  show_counts (self);
}

/* Writing */

typedef struct {
  char         *db_path;
  RhImportPlan *plan;   /* the dialog's; it outlives the job */
  RhImportDialog *self;
} CommitJob;

static void
commit_job_free (gpointer data)
{
  CommitJob *job = data;

  g_free (job->db_path);
  g_free (job);
}

static gboolean
progress_cb (guint done, guint total, gpointer data)
{
  RhImportDialog *self = data;

  g_atomic_int_set (&self->total, (gint) total);
  g_atomic_int_set (&self->done, (gint) done);
  return TRUE;
}

static void
commit_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  CommitJob *job = data;
  GError *error = NULL;
  g_autoptr (RhDatabase) db = rh_database_open (job->db_path, &error);

  if (db != NULL)
    rh_import_commit (db, job->plan, cancellable, progress_cb, job->self, &error);
  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static gboolean
update_progress_cb (gpointer data)
{
  RhImportDialog *self = data;
  int total = g_atomic_int_get (&self->total);
  int done = g_atomic_int_get (&self->done);
  g_autofree char *text = NULL;

  if (total > 0)
    {
      text = g_strdup_printf (_("%d of %d"), done, total);
      gtk_progress_bar_set_fraction (self->progress_bar, (double) done / total);
      gtk_progress_bar_set_text (self->progress_bar, text);
    }
  return G_SOURCE_CONTINUE;
}

static void
commit_done (GObject *source, GAsyncResult *result, gpointer data)
{
  RhImportDialog *self = RH_IMPORT_DIALOG (source);
  g_autoptr (GError) error = NULL;
  RhWindow *window = rh_window_for (GTK_WIDGET (self));
  guint n = rh_import_plan_n_new (self->plan) + rh_import_plan_n_updated (self->plan);
  g_autofree char *message = NULL;

  self->busy = FALSE;
  g_clear_handle_id (&self->progress_source, g_source_remove);
  g_clear_object (&self->cancellable);
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          /* Back to the preview: nothing was written, and the user may try again. */
          gtk_stack_set_visible_child_name (self->stack, "preview");
          gtk_widget_set_sensitive (GTK_WIDGET (self->next_button), n > 0);
          gtk_widget_set_sensitive (GTK_WIDGET (self->close_button), TRUE);
          gtk_widget_set_sensitive (GTK_WIDGET (self->back_button), TRUE);
          if (window != NULL)
            rh_window_toast (window, _("Import cancelled; nothing was changed"));
          return;
        }
      gtk_widget_set_sensitive (GTK_WIDGET (self->close_button), TRUE);
      show_error (self, error);
      return;
    }
  rh_database_emit_changed (self->db);
  message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Imported %u member",
                                          "Imported %u members", n), n);
  if (window != NULL)
    rh_window_toast (window, message);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
commit (RhImportDialog *self)
{
  g_autoptr (GTask) task = NULL;
  CommitJob *job = g_new0 (CommitJob, 1);
  guint n = rh_import_plan_n_new (self->plan) + rh_import_plan_n_updated (self->plan);
  g_autofree char *label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Importing %u member…",
                                                         "Importing %u members…", n), n);

  self->cancellable = g_cancellable_new ();
  task = g_task_new (self, self->cancellable, commit_done, NULL);
  job->db_path = g_strdup (self->db_path);
  job->plan = self->plan;
  job->self = self;
  g_task_set_task_data (task, job, commit_job_free);
  g_atomic_int_set (&self->done, 0);
  g_atomic_int_set (&self->total, (gint) n);
  self->busy = TRUE;
  gtk_label_set_text (self->progress_label, label);
  gtk_progress_bar_set_fraction (self->progress_bar, 0);
  gtk_stack_set_visible_child_name (self->stack, "progress");
  gtk_widget_set_sensitive (GTK_WIDGET (self->next_button), FALSE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->close_button), FALSE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->back_button), FALSE);
  self->progress_source = g_timeout_add (100, update_progress_cb, self);
  g_task_run_in_thread (task, commit_thread);
}

static void
next_activated (GtkWidget *widget, const char *action, GVariant *param)
{
  RhImportDialog *self = RH_IMPORT_DIALOG (widget);
  const char *page = gtk_stack_get_visible_child_name (self->stack);

  if (self->busy)
    return;
  if (g_strcmp0 (page, "mapping") == 0)
    preview (self);
  else if (g_strcmp0 (page, "preview") == 0 && self->plan != NULL)
    commit (self);
}

static void
back_activated (GtkWidget *widget, const char *action, GVariant *param)
{
  RhImportDialog *self = RH_IMPORT_DIALOG (widget);

  if (self->busy || g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "preview") != 0)
    return;
  gtk_widget_set_visible (GTK_WIDGET (self->back_button), FALSE);
  gtk_button_set_label (self->close_button, _("_Cancel"));
  gtk_button_set_label (self->next_button, _("_Preview"));
  gtk_widget_set_sensitive (GTK_WIDGET (self->next_button), TRUE);
  gtk_stack_set_visible_child_name (self->stack, "mapping");
}

static void
cancel_activated (GtkWidget *widget, const char *action, GVariant *param)
{
  RhImportDialog *self = RH_IMPORT_DIALOG (widget);

  if (self->cancellable != NULL)
    {
      g_cancellable_cancel (self->cancellable);
      gtk_label_set_text (self->progress_label, _("Cancelling; undoing what was written…"));
    }
}

static gboolean
rh_import_dialog_close_request (GtkWindow *window)
{
  RhImportDialog *self = RH_IMPORT_DIALOG (window);

  /* Closing while writing cancels the write (it rolls back) and waits for it. */
  if (self->cancellable != NULL)
    {
      g_cancellable_cancel (self->cancellable);
      return TRUE;
    }
  return GTK_WINDOW_CLASS (rh_import_dialog_parent_class)->close_request (window);
}

static void
rh_import_dialog_dispose (GObject *object)
{
  RhImportDialog *self = RH_IMPORT_DIALOG (object);

  g_clear_handle_id (&self->progress_source, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), RH_TYPE_IMPORT_DIALOG);
  G_OBJECT_CLASS (rh_import_dialog_parent_class)->dispose (object);
}

static void
rh_import_dialog_finalize (GObject *object)
{
  RhImportDialog *self = RH_IMPORT_DIALOG (object);

  g_clear_pointer (&self->plan, rh_import_plan_free);
  g_clear_pointer (&self->sheet, rh_sheet_free);
  g_clear_pointer (&self->sheet_names, g_strfreev);
  g_clear_pointer (&self->branch_ids, g_array_unref);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->db);
  g_free (self->path);
  g_free (self->db_path);
  G_OBJECT_CLASS (rh_import_dialog_parent_class)->finalize (object);
}

static void
rh_import_dialog_class_init (RhImportDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = rh_import_dialog_dispose;
  G_OBJECT_CLASS (klass)->finalize = rh_import_dialog_finalize;
  GTK_WINDOW_CLASS (klass)->close_request = rh_import_dialog_close_request;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/ronghe/Ronghe/rh-import-dialog.ui");
#define CHILD(name) gtk_widget_class_bind_template_child (widget_class, RhImportDialog, name)
  CHILD (window_title);
  CHILD (close_button);
  CHILD (next_button);
  CHILD (back_button);
  CHILD (stack);
  CHILD (spinner);
  CHILD (busy_label);
  CHILD (error_page);
  CHILD (sheet_row);
  CHILD (header_row);
  CHILD (header_spin);
  CHILD (branch_row);
  CHILD (columns_group);
  CHILD (remember_switch);
  CHILD (new_label);
  CHILD (updated_label);
  CHILD (invalid_label);
  CHILD (missing_group);
  CHILD (missing_row);
  CHILD (create_switch);
  CHILD (problems_label);
  CHILD (problems_scroller);
  CHILD (problems_view);
  CHILD (row_column);
  CHILD (column_column);
  CHILD (message_column);
  CHILD (progress_label);
  CHILD (progress_bar);
#undef CHILD
  gtk_widget_class_install_action (widget_class, "import.next", NULL, next_activated);
  gtk_widget_class_install_action (widget_class, "import.cancel", NULL, cancel_activated);
  gtk_widget_class_install_action (widget_class, "import.back", NULL, back_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
rh_import_dialog_init (RhImportDialog *self)
{
  GtkColumnViewColumn *columns[3];

  gtk_widget_init_template (GTK_WIDGET (self));
  for (int f = 0; f < RH_IMPORT_N_FIELDS; f++)
    {
      self->field_rows[f] = ADW_COMBO_ROW (adw_combo_row_new ());
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->field_rows[f]),
                                     rh_import_field_label (f));
      adw_preferences_group_add (self->columns_group, GTK_WIDGET (self->field_rows[f]));
    }
  columns[0] = self->row_column;
  columns[1] = self->column_column;
  columns[2] = self->message_column;
  for (int i = 0; i < 3; i++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

      g_object_set_data (G_OBJECT (factory), "which", GINT_TO_POINTER (i));
      g_signal_connect (factory, "setup", G_CALLBACK (setup_problem_cb), self);
      g_signal_connect (factory, "bind", G_CALLBACK (bind_problem_cb), self);
      gtk_column_view_column_set_factory (columns[i], factory);
      g_object_unref (factory);
    }
  g_signal_connect_swapped (self->sheet_row, "notify::selected", G_CALLBACK (sheet_changed_cb),
                            self);
  g_signal_connect_swapped (self->header_spin, "value-changed", G_CALLBACK (header_changed_cb),
                            self);
  g_signal_connect_swapped (self->create_switch, "notify::active",
                            G_CALLBACK (create_changed_cb), self);
}

static void
fill_branches (RhImportDialog *self)
{
  g_autoptr (GPtrArray) branches = rh_org_list_by_kind (self->db, 1u << RH_ORG_BRANCH, NULL);
  g_autoptr (GtkStringList) list = gtk_string_list_new (NULL);
  gint64 none = 0;

  self->branch_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  /* TRANSLATORS: no default branch: rows without one are invalid */
  gtk_string_list_append (list, C_("branch", "None"));
  g_array_append_val (self->branch_ids, none);
  for (guint i = 0; branches != NULL && i < branches->len; i++)
    {
      RhOrg *org = branches->pdata[i];

      gtk_string_list_append (list, org->name);
      g_array_append_val (self->branch_ids, org->id);
    }
  adw_combo_row_set_model (self->branch_row, G_LIST_MODEL (list));
}

RhImportDialog *
rh_import_dialog_new (GtkWindow *parent, RhDatabase *db, const char *path)
{
  RhImportDialog *self = g_object_new (RH_TYPE_IMPORT_DIALOG, "transient-for", parent, NULL);
  g_autofree char *base = g_path_get_basename (path);

  self->db = g_object_ref (db);
  self->path = g_strdup (path);
  self->db_path = g_strdup (rh_database_get_path (db));
  adw_window_title_set_subtitle (self->window_title, base);
  fill_branches (self);
  load (self, NULL);
  return self;
}

const char *
rh_import_dialog_get_page (RhImportDialog *self)
{
  return gtk_stack_get_visible_child_name (self->stack);
}

int
rh_import_dialog_get_column (RhImportDialog *self, int field)
{
  guint selected = adw_combo_row_get_selected (self->field_rows[field]);

  return selected == GTK_INVALID_LIST_POSITION ? -1 : (int) selected - 1;
}

void
rh_import_dialog_set_column (RhImportDialog *self, int field, int column)
{
  adw_combo_row_set_selected (self->field_rows[field], (guint) (column + 1));
}
