/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "rh-config.h"

#include <glib/gi18n-lib.h>
#include "rh-print-operation.h"

struct _RhPrintOperation
{
  GtkPrintOperation parent_instance;
  RhChartModel     *model;
  RhHandout        *handout;
};

G_DEFINE_FINAL_TYPE (RhPrintOperation, rh_print_operation, GTK_TYPE_PRINT_OPERATION)

static void
rh_print_operation_begin_print (GtkPrintOperation *op, GtkPrintContext *context)
{
  RhPrintOperation *self = RH_PRINT_OPERATION (op);

  gtk_print_operation_set_n_pages (op, self->handout != NULL
                                         ? (int) rh_handout_get_n_pages (self->handout) : 1);
}

static void
rh_print_operation_draw_page (GtkPrintOperation *op, GtkPrintContext *context, int page)
{
  RhPrintOperation *self = RH_PRINT_OPERATION (op);
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  double width = gtk_print_context_get_width (context);
  double height = gtk_print_context_get_height (context);

  if (self->handout != NULL)
    {
      /* The page is the whole sheet in points: the handout keeps its own margins. */
      rh_handout_draw_page (self->handout, cr, (guint) page);
      return;
    }
  {
    /* The chart across the printable width, in its own proportions. */
    double w, h;
    rh_chart_kind_size (rh_chart_model_get_kind (self->model), &w, &h);
    h = MIN (height, width * h / w);
    rh_chart_model_draw (self->model, cr, width, h, FALSE);
  }
}

static void
rh_print_operation_finalize (GObject *object)
{
  RhPrintOperation *self = RH_PRINT_OPERATION (object);

  g_clear_pointer (&self->model, rh_chart_model_free);
  g_clear_pointer (&self->handout, rh_handout_free);
  G_OBJECT_CLASS (rh_print_operation_parent_class)->finalize (object);
}

static void
rh_print_operation_class_init (RhPrintOperationClass *klass)
{
  GtkPrintOperationClass *op_class = GTK_PRINT_OPERATION_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = rh_print_operation_finalize;
  op_class->begin_print = rh_print_operation_begin_print;
  op_class->draw_page = rh_print_operation_draw_page;
}

static void
rh_print_operation_init (RhPrintOperation *self)
{
  g_autoptr (GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr (GtkPaperSize) a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);

  gtk_page_setup_set_paper_size (setup, a4);
  /* GB/T 9704: 37 mm top, 28 mm binding (left), a 156 × 225 mm text area. */
  gtk_page_setup_set_top_margin (setup, 37, GTK_UNIT_MM);
  gtk_page_setup_set_bottom_margin (setup, 35, GTK_UNIT_MM);
  gtk_page_setup_set_left_margin (setup, 28, GTK_UNIT_MM);
  gtk_page_setup_set_right_margin (setup, 26, GTK_UNIT_MM);
  gtk_print_operation_set_default_page_setup (GTK_PRINT_OPERATION (self), setup);
  gtk_print_operation_set_unit (GTK_PRINT_OPERATION (self), GTK_UNIT_POINTS);
  gtk_print_operation_set_embed_page_setup (GTK_PRINT_OPERATION (self), TRUE);
}

RhPrintOperation *
rh_print_operation_new_for_chart (RhChartModel *model, const char *job_name)
{
  RhPrintOperation *self = g_object_new (RH_TYPE_PRINT_OPERATION, NULL);

  self->model = model;
  gtk_print_operation_set_job_name (GTK_PRINT_OPERATION (self), job_name);
  return self;
}

RhPrintOperation *
rh_print_operation_new_for_handout (RhHandout *handout)
{
  RhPrintOperation *self = g_object_new (RH_TYPE_PRINT_OPERATION, NULL);

  self->handout = handout;
  gtk_print_operation_set_use_full_page (GTK_PRINT_OPERATION (self), TRUE);
  gtk_print_operation_set_job_name (GTK_PRINT_OPERATION (self), rh_handout_get_title (handout));
  return self;
}

gboolean
rh_print_operation_run_dialog (RhPrintOperation *self, GtkWindow *parent, GError **error)
{
  const char *pdf = g_getenv ("RONGHE_PRINT_PDF");

  if (pdf != NULL)
    gtk_print_operation_set_export_filename (GTK_PRINT_OPERATION (self), pdf);
  return gtk_print_operation_run (GTK_PRINT_OPERATION (self),
                                  pdf != NULL ? GTK_PRINT_OPERATION_ACTION_EXPORT
                                              : GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                                  parent, error) != GTK_PRINT_OPERATION_RESULT_ERROR;
}
