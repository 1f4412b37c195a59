/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "rh-config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include "rh-case-editor.h"
#include "rh-case-view.h"
#include "rh-case.h"
#include "rh-chart.h"
#include "rh-window.h"

#define FONT "Noto Sans CJK SC, Sans"
#define CHART_HEIGHT 180.0   /* points */

struct _RhCaseView
{
  AdwWindow   parent_instance;
  RhDatabase *db;
  gint64      case_id;
  RhCase     *c;

  GtkBox     *content_box;
};

G_DEFINE_FINAL_TYPE (RhCaseView, rh_case_view, ADW_TYPE_WINDOW)

/* The metrics as chart pairs; the strings stay owned by the case. */
static GArray *
chart_pairs (RhCase *c)
{
  GArray *pairs = g_array_new (FALSE, FALSE, sizeof (RhChartPair));

  for (guint i = 0; i < c->metrics->len; i++)
    {
      RhCaseMetric *m = c->metrics->pdata[i];
      RhChartPair p = { m->name, m->unit, m->before, m->after };
      g_array_append_val (pairs, p);
    }
  return pairs;
}

static char *
status_line (RhCase *c)
{
  GString *s = g_string_new (rh_case_status_label (c->status));

  for (int st = RH_CASE_SUBMITTED; st <= (int) c->status; st++)
    g_string_append_printf (s, "%s%s %s", st == RH_CASE_SUBMITTED ? " (" : ", ",
                            rh_case_status_label ((RhCaseStatus) st), c->status_date[st]);
  if (c->status > RH_CASE_DRAFT)
    g_string_append_c (s, ')');
  return g_string_free (s, FALSE);
}

/* The sections of the page, shared by the screen and the printout. */
typedef struct {
  const char *heading;
  const char *text;
} Section;

static guint
sections (RhCase *c, Section out[4])
{
  const Section all[] = {
    { _("Main measures"), c->measures },
    { _("Story"), c->story },
    { _("Honours"), c->honours },
    { _("Joint-building partners"), c->partners },
  };
  guint n = 0;

  for (guint i = 0; i < G_N_ELEMENTS (all); i++)
    if (all[i].text != NULL && *all[i].text)
      out[n++] = all[i];
  return n;
}

static void
draw_chart_cb (GtkDrawingArea *area, cairo_t *cr, int width, int height, gpointer data)
{
  RhCase *c = data;
  g_autoptr (GArray) pairs = chart_pairs (c);

  rh_chart_before_after (cr, width, height, (RhChartPair *) (gpointer) pairs->data, pairs->len,
                         FONT);
}

static GtkWidget *
label (const char *text, const char *css)
{
  GtkWidget *l = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (l), 0);
  gtk_label_set_wrap (GTK_LABEL (l), TRUE);
  gtk_label_set_selectable (GTK_LABEL (l), TRUE);
  if (css != NULL)
    gtk_widget_add_css_class (l, css);
  return l;
}

static void
fill (RhCaseView *self)
{
  RhCase *c = self->c;
  g_autofree char *meta = g_strdup_printf ("%s · %d · %s", rh_case_credit (c), c->year,
                                           rh_case_mode_label (c->mode));
  g_autofree char *status = status_line (c);
  Section s[4];
  guint n = sections (c, s);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->content_box))) != NULL)
    gtk_box_remove (self->content_box, child);
  gtk_window_set_title (GTK_WINDOW (self), c->title);
  gtk_box_append (self->content_box, label (c->title, "title-1"));
  gtk_box_append (self->content_box, label (meta, "dim-label"));
  gtk_box_append (self->content_box, label (status, "dim-label"));
  for (guint i = 0; i < n; i++)
    {
      GtkWidget *heading = label (s[i].heading, "heading");
      gtk_widget_set_margin_top (heading, 8);
      gtk_box_append (self->content_box, heading);
      gtk_box_append (self->content_box, label (s[i].text, NULL));
    }
  if (c->metrics->len > 0)
    {
      GtkWidget *heading = label (_("Outcome"), "heading");
      GtkWidget *area = gtk_drawing_area_new ();

      gtk_widget_set_margin_top (heading, 8);
      gtk_box_append (self->content_box, heading);
      gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (area), (int) CHART_HEIGHT);
      gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (area), draw_chart_cb, c, NULL);
      gtk_box_append (self->content_box, area);
    }
}

/* Printing: one A4 page after GB/T 9704 (37 mm top, 28 mm binding margin). */
static double
print_text (cairo_t *cr, PangoLayout *layout, const char *text, double size, gboolean bold,
            double y)
{
  PangoFontDescription *font = pango_font_description_from_string (FONT);
  int h;

  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  pango_font_description_set_weight (font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, text, -1);
  cairo_move_to (cr, 0, y);
  pango_cairo_show_layout (cr, layout);
  pango_layout_get_size (layout, NULL, &h);
  pango_font_description_free (font);
  return y + (double) h / PANGO_SCALE;
}

static void
draw_page_cb (GtkPrintOperation *op, GtkPrintContext *context, int page, RhCaseView *self)
{
  RhCase *c = self->c;
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  double width = gtk_print_context_get_width (context);
  PangoLayout *layout = gtk_print_context_create_pango_layout (context);
  g_autofree char *meta = g_strdup_printf ("%s · %d · %s", rh_case_credit (c), c->year,
                                           rh_case_mode_label (c->mode));
  g_autofree char *status = status_line (c);
  Section s[4];
  guint n = sections (c, s);
  double y = 0;

  cairo_set_source_rgb (cr, 0, 0, 0);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
  y = print_text (cr, layout, c->title, 20, TRUE, y) + 6;
  y = print_text (cr, layout, meta, 11, FALSE, y) + 2;
  y = print_text (cr, layout, status, 10, FALSE, y) + 14;
  pango_layout_set_alignment (layout, PANGO_ALIGN_LEFT);
  for (guint i = 0; i < n; i++)
    {
      y = print_text (cr, layout, s[i].heading, 13, TRUE, y) + 3;
      y = print_text (cr, layout, s[i].text, 11, FALSE, y) + 10;
    }
  if (c->metrics->len > 0)
    {
      g_autoptr (GArray) pairs = chart_pairs (c);
      y = print_text (cr, layout, _("Outcome"), 13, TRUE, y) + 6;
      cairo_save (cr);
      cairo_translate (cr, 0, y);
      rh_chart_before_after (cr, width, CHART_HEIGHT, (RhChartPair *) (gpointer) pairs->data,
                             pairs->len, FONT);
      cairo_restore (cr);
    }
  g_object_unref (layout);
}

static void
print_activated (GtkWidget *widget, const char *action, GVariant *param)
{
  RhCaseView *self = RH_CASE_VIEW (widget);
  g_autoptr (GtkPrintOperation) op = gtk_print_operation_new ();
  g_autoptr (GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr (GtkPaperSize) a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);
  g_autoptr (GError) error = NULL;

  gtk_page_setup_set_paper_size (setup, a4);
  gtk_page_setup_set_top_margin (setup, 37, GTK_UNIT_MM);
  gtk_page_setup_set_bottom_margin (setup, 35, GTK_UNIT_MM);
  gtk_page_setup_set_left_margin (setup, 28, GTK_UNIT_MM);
  gtk_page_setup_set_right_margin (setup, 26, GTK_UNIT_MM);
  gtk_print_operation_set_default_page_setup (op, setup);
  gtk_print_operation_set_n_pages (op, 1);
  gtk_print_operation_set_job_name (op, self->c->title);
  /* RONGHE_PRINT_PDF writes the page to a file without a dialog (tests, look-ups). */
  if (g_getenv ("RONGHE_PRINT_PDF") != NULL)
    gtk_print_operation_set_export_filename (op, g_getenv ("RONGHE_PRINT_PDF"));
  g_signal_connect (op, "draw-page", G_CALLBACK (draw_page_cb), self);
  if (gtk_print_operation_run (op, g_getenv ("RONGHE_PRINT_PDF") != NULL
                                     ? GTK_PRINT_OPERATION_ACTION_EXPORT
                                     : GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                               GTK_WINDOW (self), &error) == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      RhWindow *window = rh_window_for (widget);
      if (window != NULL)
        rh_window_toast (window, error->message);
    }
}

static void
edit_activated (GtkWidget *widget, const char *action, GVariant *param)
{
  RhCaseView *self = RH_CASE_VIEW (widget);

  gtk_window_present (GTK_WINDOW (rh_case_editor_new (GTK_WINDOW (self), self->db, self->c, 0)));
}

static void
reload (RhCaseView *self)
{
  RhCase *c = rh_case_load (self->db, self->case_id, NULL);

  if (c == NULL)
    return;
  g_set_object (&self->c, c);
  g_object_unref (c);
  fill (self);
}

static void
rh_case_view_dispose (GObject *object)
{
  RhCaseView *self = RH_CASE_VIEW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), RH_TYPE_CASE_VIEW);
  g_clear_object (&self->c);
  g_clear_object (&self->db);
  G_OBJECT_CLASS (rh_case_view_parent_class)->dispose (object);
}

static void
rh_case_view_class_init (RhCaseViewClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = rh_case_view_dispose;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/ronghe/Ronghe/rh-case-view.ui");
  gtk_widget_class_bind_template_child (widget_class, RhCaseView, content_box);
  gtk_widget_class_install_action (widget_class, "case.edit", NULL, edit_activated);
  gtk_widget_class_install_action (widget_class, "case.print", NULL, print_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "case.print",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
rh_case_view_init (RhCaseView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

RhCaseView *
rh_case_view_new (GtkWindow *parent, RhDatabase *db, gint64 case_id)
{
  RhCaseView *self;
  RhCase *c = rh_case_load (db, case_id, NULL);

  if (c == NULL)
    return NULL;
  self = g_object_new (RH_TYPE_CASE_VIEW, "transient-for", parent, NULL);
  self->db = g_object_ref (db);
  self->case_id = case_id;
  self->c = c;
  g_signal_connect_object (db, "changed", G_CALLBACK (reload), self, G_CONNECT_SWAPPED);
  fill (self);
  return self;
}
