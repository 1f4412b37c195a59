/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Charts view: pick a chart, a period and a branch; print or export it. */
#include "rh-config.h"

#include <glib/gi18n-lib.h>
#include "rh-charts-page.h"
#include "rh-date.h"
#include "rh-gui-util.h"
#include "rh-handout.h"
#include "rh-period.h"
#include "rh-print-operation.h"
#include "rh-types.h"
#include "rh-window.h"

struct _RhChartsPage
{
  GtkWidget       parent_instance;
  RhDatabase     *db;
  RhChartModel   *model;
  char           *message;
  gboolean        filling;
  gboolean        stale;      /* the database changed while the page was hidden */

  GtkDropDown    *kind_dropdown;
  GtkSpinButton  *year_spin;
  GtkDropDown    *quarter_dropdown;
  GtkDropDown    *branch_dropdown;
  GtkStack       *stack;
  GtkDrawingArea *area;
  AdwStatusPage  *status_page;
};

G_DEFINE_FINAL_TYPE (RhChartsPage, rh_charts_page, GTK_TYPE_WIDGET)

/* 150 dpi first: the native dialog does not always honour a preselected choice. */
static const char *const dpis[] = { "150", "300", "600", "96", NULL };

char *
rh_charts_page_dup_period (RhChartsPage *self)
{
  guint q = gtk_drop_down_get_selected (self->quarter_dropdown);
  int year = gtk_spin_button_get_value_as_int (self->year_spin);

  return q == 0 || q == GTK_INVALID_LIST_POSITION ? g_strdup_printf ("%d", year)
                                                  : g_strdup_printf ("%dQ%u", year, q);
}

static RhChartKind
current_kind (RhChartsPage *self)
{
  guint k = gtk_drop_down_get_selected (self->kind_dropdown);
  return k < RH_N_CHART_KINDS ? (RhChartKind) k : RH_CHART_RANKING;
}

static void
show_message (RhChartsPage *self, const char *title, const char *description)
{
  g_free (self->message);
  self->message = g_strdup (description);
  adw_status_page_set_title (self->status_page, title);
  adw_status_page_set_description (self->status_page, description);
  gtk_stack_set_visible_child_name (self->stack, "message");
}

static void
load (RhChartsPage *self)
{
  g_autofree char *period = NULL;
  g_autoptr (GError) error = NULL;
  RhChartKind kind = current_kind (self);
  gint64 branch = rh_org_dropdown_get_id (self->branch_dropdown);

  if (self->db == NULL)
    return;
  self->stale = FALSE;
  g_clear_pointer (&self->model, rh_chart_model_free);
  g_clear_pointer (&self->message, g_free);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "charts.print", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "charts.export", FALSE);
  if (rh_chart_kind_needs_branch (kind) && branch == 0)
    {
      show_message (self, rh_chart_kind_label (kind), _("This chart is about one branch: choose a "
                                                        "branch above."));
      return;
    }
  period = rh_charts_page_dup_period (self);
  self->model = rh_chart_model_load (self->db, kind, period, branch, &error);
  if (self->model == NULL)
    {
      show_message (self, rh_chart_kind_label (kind), error->message);
      return;
    }
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "charts.print", TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "charts.export", TRUE);
  gtk_stack_set_visible_child_name (self->stack, "chart");
  gtk_widget_queue_draw (GTK_WIDGET (self->area));
}

static void
reload (RhChartsPage *self)
{
  if (self->db == NULL || self->filling)
    return;
  /* Hidden: read when shown, so that edits elsewhere do not wait for charts. */
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    self->stale = TRUE;
  else
    load (self);
}

static void
choice_changed_cb (RhChartsPage *self)
{
  reload (self);
}

static void
draw_cb (GtkDrawingArea *area, cairo_t *cr, int width, int height, gpointer data)
{
  RhChartsPage *self = data;
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());

  /* Charts are sized in points; the screen has 96 pixels to the inch of 72 points. */
  const double scale = 96.0 / 72.0;

  if (self->model == NULL)
    return;
  cairo_scale (cr, scale, scale);
  rh_chart_model_draw (self->model, cr, width / scale, height / scale, dark);
}

static void
fill_branches (RhChartsPage *self)
{
  gint64 id = rh_org_dropdown_get_id (self->branch_dropdown);

  self->filling = TRUE;
  rh_org_dropdown_fill (self->branch_dropdown, self->db, 1u << RH_ORG_BRANCH, _("All branches"));
  rh_org_dropdown_set_id (self->branch_dropdown, id);
  self->filling = FALSE;
}

static void
database_changed_cb (RhChartsPage *self)
{
  fill_branches (self);
  reload (self);
}

void
rh_charts_page_set_database (RhChartsPage *self, RhDatabase *db)
{
  g_set_object (&self->db, db);
  g_signal_connect_object (db, "changed", G_CALLBACK (database_changed_cb), self, G_CONNECT_SWAPPED);
  database_changed_cb (self);
}

static void
map_cb (RhChartsPage *self)
{
  if (self->stale)
    reload (self);
}

void
rh_charts_page_show (RhChartsPage *self, RhChartKind kind, const char *period, gint64 branch_id)
{
  RhPeriod p;

  self->filling = TRUE;
  gtk_drop_down_set_selected (self->kind_dropdown, kind);
  if (period != NULL && rh_period_parse (period, &p, NULL))
    {
      gtk_spin_button_set_value (self->year_spin, p.year);
      gtk_drop_down_set_selected (self->quarter_dropdown, p.kind == RH_PERIOD_QUARTER ? p.index : 0);
    }
  rh_org_dropdown_set_id (self->branch_dropdown, branch_id);
  self->filling = FALSE;
  load (self);
}

const char *
rh_charts_page_get_message (RhChartsPage *self)
{
  if (self->stale)
    load (self);
  return self->message;
}

static void
toast (RhChartsPage *self, const char *message)
{
  RhWindow *window = rh_window_for (GTK_WIDGET (self));

  if (window != NULL)
    rh_window_toast (window, message);
}

gboolean
rh_charts_page_export_to (RhChartsPage *self, const char *path, double dpi, GError **error)
{
  int format;
  double w, h;

  if (self->stale)
    load (self);
  if (self->model == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, self->message != NULL
                                                                   ? self->message : _("No chart"));
      return FALSE;
    }
  if ((format = rh_chart_format_for_path (path, error)) < 0)
    return FALSE;
  rh_chart_kind_size (rh_chart_model_get_kind (self->model), &w, &h);
  return rh_chart_model_save (self->model, path, format, w, h, dpi, error);
}

static RhHandout *
make_handout (RhChartsPage *self, GError **error)
{
  g_autofree char *period = rh_charts_page_dup_period (self);

  return rh_handout_new (self->db, period, rh_org_dropdown_get_id (self->branch_dropdown), error);
}

gboolean
rh_charts_page_export_handout_to (RhChartsPage *self, const char *path, GError **error)
{
  g_autoptr (RhHandout) handout = make_handout (self, error);

  return handout != NULL && rh_handout_write_pdf (handout, path, error);
}

static void
print_activated (GtkWidget *widget, const char *action, GVariant *param)
{
  RhChartsPage *self = RH_CHARTS_PAGE (widget);
  g_autoptr (GError) error = NULL;
  g_autoptr (RhPrintOperation) op = NULL;
  g_autofree char *period = rh_charts_page_dup_period (self);
  RhChartModel *model;

  model = rh_chart_model_load (self->db, current_kind (self), period,
                               rh_org_dropdown_get_id (self->branch_dropdown), &error);
  if (model == NULL)
    {
      toast (self, error->message);
      return;
    }
  op = rh_print_operation_new_for_chart (model, rh_chart_kind_label (current_kind (self)));
  if (!rh_print_operation_run_dialog (op, GTK_WINDOW (gtk_widget_get_root (widget)), &error))
    toast (self, error->message);
}

static void
print_handout_activated (GtkWidget *widget, const char *action, GVariant *param)
{
  RhChartsPage *self = RH_CHARTS_PAGE (widget);
  g_autoptr (GError) error = NULL;
  g_autoptr (RhPrintOperation) op = NULL;
  RhHandout *handout = make_handout (self, &error);

  if (handout == NULL)
    {
      toast (self, error->message);
      return;
    }
  op = rh_print_operation_new_for_handout (handout);
  if (!rh_print_operation_run_dialog (op, GTK_WINDOW (gtk_widget_get_root (widget)), &error))
    toast (self, error->message);
}

static void
add_filter (GtkFileChooser *chooser, const char *name, const char *pattern)
{
  g_autoptr (GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, name);
  gtk_file_filter_add_pattern (filter, pattern);
  gtk_file_chooser_add_filter (chooser, filter);
}

/* The chosen file, with the extension of the chosen filter when it has none. */
static char *
chosen_path (GtkFileChooser *chooser)
{
  g_autoptr (GFile) file = gtk_file_chooser_get_file (chooser);
  g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;
  GtkFileFilter *filter = gtk_file_chooser_get_filter (chooser);
  const char *name = filter != NULL ? gtk_file_filter_get_name (filter) : NULL;

  if (path == NULL)
    return NULL;
  if (rh_chart_format_for_path (path, NULL) >= 0)
    return g_steal_pointer (&path);
  return g_strconcat (path, g_strcmp0 (name, "PNG") == 0 ? ".png"
                            : g_strcmp0 (name, "SVG") == 0 ? ".svg" : ".pdf", NULL);
}

static void
export_response_cb (GtkNativeDialog *dialog, int response, RhChartsPage *self)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = NULL;
  const char *dpi;

  if (response == GTK_RESPONSE_ACCEPT && (path = chosen_path (GTK_FILE_CHOOSER (dialog))) != NULL)
    {
      dpi = gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (dialog), "dpi");
      if (rh_charts_page_export_to (self, path, dpi != NULL ? g_ascii_strtod (dpi, NULL) : 150, &error))
        {
          g_autofree char *base = g_path_get_basename (path);
          g_autofree char *done = g_strdup_printf (_("Saved “%s”"), base);
          toast (self, done);
        }
      else
        toast (self, error->message);
    }
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static void
export_activated (GtkWidget *widget, const char *action, GVariant *param)
{
  RhChartsPage *self = RH_CHARTS_PAGE (widget);
  GtkFileChooserNative *dialog;
  g_autofree char *period = rh_charts_page_dup_period (self);
  g_autofree char *name = g_strdup_printf ("%s-%s.pdf", rh_chart_kind_to_string (current_kind (self)),
                                           period);
  const char *dpi_labels[] = { _("150 dpi"), _("300 dpi (print)"), _("600 dpi"),
                               _("96 dpi (screen)"), NULL };

  dialog = gtk_file_chooser_native_new (_("Export Chart"), GTK_WINDOW (gtk_widget_get_root (widget)),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
  add_filter (GTK_FILE_CHOOSER (dialog), "PDF", "*.pdf");
  add_filter (GTK_FILE_CHOOSER (dialog), "PNG", "*.png");
  add_filter (GTK_FILE_CHOOSER (dialog), "SVG", "*.svg");
  gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (dialog), "dpi", _("PNG resolution"),
                               (const char **) dpis, dpi_labels);
  gtk_file_chooser_set_choice (GTK_FILE_CHOOSER (dialog), "dpi", "150");
  g_signal_connect (dialog, "response", G_CALLBACK (export_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
export_handout_response_cb (GtkNativeDialog *dialog, int response, RhChartsPage *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;

  if (response == GTK_RESPONSE_ACCEPT && path != NULL)
    {
      if (!g_str_has_suffix (path, ".pdf"))
        {
          char *with = g_strconcat (path, ".pdf", NULL);
          g_free (path);
          path = with;
        }
      if (rh_charts_page_export_handout_to (self, path, &error))
        {
          g_autofree char *base = g_path_get_basename (path);
          g_autofree char *done = g_strdup_printf (_("Saved “%s”"), base);
          toast (self, done);
        }
      else
        toast (self, error->message);
    }
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static void
export_handout_activated (GtkWidget *widget, const char *action, GVariant *param)
{
  RhChartsPage *self = RH_CHARTS_PAGE (widget);
  GtkFileChooserNative *dialog;
  g_autofree char *period = rh_charts_page_dup_period (self);
  gint64 branch = rh_org_dropdown_get_id (self->branch_dropdown);
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, branch);
  /* TRANSLATORS: the file names offered for a branch's handout and the committee's. */
  g_autofree char *name = branch != 0 ? g_strdup_printf (_("handout-%s-%s.pdf"), period, id)
                                      : g_strdup_printf (_("handout-%s.pdf"), period);

  dialog = gtk_file_chooser_native_new (_("Export Handout"), GTK_WINDOW (gtk_widget_get_root (widget)),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
  add_filter (GTK_FILE_CHOOSER (dialog), "PDF", "*.pdf");
  g_signal_connect (dialog, "response", G_CALLBACK (export_handout_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
rh_charts_page_dispose (GObject *object)
{
  RhChartsPage *self = RH_CHARTS_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), RH_TYPE_CHARTS_PAGE);
  rh_widget_unparent_children (GTK_WIDGET (self));
  g_clear_pointer (&self->model, rh_chart_model_free);
  g_clear_pointer (&self->message, g_free);
  g_clear_object (&self->db);
  G_OBJECT_CLASS (rh_charts_page_parent_class)->dispose (object);
}

static void
rh_charts_page_class_init (RhChartsPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = rh_charts_page_dispose;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/ronghe/Ronghe/rh-charts-page.ui");
  gtk_widget_class_bind_template_child (widget_class, RhChartsPage, kind_dropdown);
  gtk_widget_class_bind_template_child (widget_class, RhChartsPage, year_spin);
  gtk_widget_class_bind_template_child (widget_class, RhChartsPage, quarter_dropdown);
  gtk_widget_class_bind_template_child (widget_class, RhChartsPage, branch_dropdown);
  gtk_widget_class_bind_template_child (widget_class, RhChartsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, RhChartsPage, area);
  gtk_widget_class_bind_template_child (widget_class, RhChartsPage, status_page);
  gtk_widget_class_bind_template_callback (widget_class, choice_changed_cb);
  gtk_widget_class_install_action (widget_class, "charts.print", NULL, print_activated);
  gtk_widget_class_install_action (widget_class, "charts.export", NULL, export_activated);
  gtk_widget_class_install_action (widget_class, "charts.print-handout", NULL,
                                   print_handout_activated);
  gtk_widget_class_install_action (widget_class, "charts.export-handout", NULL,
                                   export_handout_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "charts.print", NULL);
}

static const char *
kind_label (int kind)
{
  return rh_chart_kind_label ((RhChartKind) kind);
}

static void
rh_charts_page_init (RhChartsPage *self)
{
  const char *periods[] = { N_("Whole year"), "Q1", "Q2", "Q3", "Q4" };
  GtkStringList *labels = gtk_string_list_new (NULL);
  GDate today;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->filling = TRUE;
  rh_dropdown_set_labels (self->kind_dropdown, kind_label, RH_N_CHART_KINDS);
  gtk_drop_down_set_selected (self->kind_dropdown, RH_CHART_RANKING);
  for (guint i = 0; i < G_N_ELEMENTS (periods); i++)
    gtk_string_list_append (labels, i == 0 ? _(periods[i]) : periods[i]);
  gtk_drop_down_set_model (self->quarter_dropdown, G_LIST_MODEL (labels));
  g_object_unref (labels);
  /* The last finished year is the one usually being assessed. */
  rh_date_today (&today);
  gtk_spin_button_set_value (self->year_spin, g_date_get_year (&today) - 1);
  self->filling = FALSE;
  gtk_drawing_area_set_draw_func (self->area, draw_cb, self, NULL);
  g_signal_connect (self, "map", G_CALLBACK (map_cb), NULL);
  /* Redrawn in the other palette when the desktop turns dark or light. */
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (gtk_widget_queue_draw), self->area, G_CONNECT_SWAPPED);
}
