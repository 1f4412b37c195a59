/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Compliance heatmap: red, amber and green that differ in greyscale too. */
#include "rh-config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include "rh-chart-private.h"

#define MIN_ROW 10.0

/* Green is light, amber middle and hatched, red dark with a cross. */
static void
cell (RhChartCtx *ctx, RhChartCell state, double x, double y, double w, double h)
{
  cairo_t *cr = ctx->cr;

  cairo_save (cr);
  cairo_rectangle (cr, x, y, w, h);
  switch (state)
    {
    case RH_CHART_CELL_MET:
      cairo_set_source_rgb (cr, 0.62, 0.85, 0.58);
      cairo_fill (cr);
      break;
    case RH_CHART_CELL_PARTIAL:
      cairo_set_source_rgb (cr, 0.96, 0.72, 0.25);
      cairo_fill_preserve (cr);
      cairo_clip (cr);
      cairo_set_source_rgb (cr, 0.45, 0.30, 0.05);
      cairo_set_line_width (cr, 0.6);
      for (double d = -h; d < w; d += 3.5)
        {
          cairo_move_to (cr, x + d, y + h);
          cairo_line_to (cr, x + d + h, y);
        }
      cairo_stroke (cr);
      break;
    case RH_CHART_CELL_MISSED:
      cairo_set_source_rgb (cr, 0.70, 0.10, 0.12);
      cairo_fill (cr);
      if (w > 6 && h > 6)
        {
          double s = MIN (w, h) * 0.25;
          cairo_set_source_rgb (cr, 1, 1, 1);
          cairo_set_line_width (cr, 1.0);
          cairo_move_to (cr, x + w / 2 - s, y + h / 2 - s);
          cairo_line_to (cr, x + w / 2 + s, y + h / 2 + s);
          cairo_move_to (cr, x + w / 2 + s, y + h / 2 - s);
          cairo_line_to (cr, x + w / 2 - s, y + h / 2 + s);
          cairo_stroke (cr);
        }
      break;
    case RH_CHART_CELL_PENDING:
      rh_chart_set_rgb (cr, ctx->bg);
      cairo_fill (cr);
      cairo_rectangle (cr, x + 1, y + 1, w - 2, h - 2);
      rh_chart_set_rgb (cr, ctx->muted);
      cairo_set_line_width (cr, 0.6);
      cairo_set_dash (cr, (double[]) { 1.5, 1.5 }, 2, 0);
      cairo_stroke (cr);
      break;
    case RH_CHART_CELL_NONE:
    default:
      /* Nothing due: an empty box with a dash, apart from the filled ones in greyscale. */
      rh_chart_set_rgb (cr, ctx->bg);
      cairo_fill (cr);
      cairo_rectangle (cr, x + 0.5, y + 0.5, w - 1, h - 1);
      rh_chart_set_rgb (cr, ctx->grid);
      cairo_set_line_width (cr, 0.8);
      cairo_stroke (cr);
      if (w > 8)
        {
          cairo_move_to (cr, x + w / 2 - 2.5, y + h / 2);
          cairo_line_to (cr, x + w / 2 + 2.5, y + h / 2);
          cairo_stroke (cr);
        }
      break;
    }
  cairo_restore (cr);
}

const char *
rh_chart_heatmap (cairo_t *cr, double width, double height, const RhChartInfo *info,
                  const char *const *rows, guint n_rows, const char *const *columns,
                  guint n_columns, const RhChartCell *cells, const guint *spans)
{
  RhChartCtx ctx;
  double label_w = 0, head_h = RH_CHART_TEXT * 1.8, legend_h, cw, rh, x0, y0;
  guint shown, due = 0;
  static const RhChartCell legend_states[] = { RH_CHART_CELL_MET, RH_CHART_CELL_PARTIAL,
                                               RH_CHART_CELL_MISSED, RH_CHART_CELL_PENDING,
                                               RH_CHART_CELL_NONE };
  const char *legend_labels[] = { _("Met"), _("Partly met"), _("Missed"), _("Not over yet"),
                                  _("Nothing due") };

  rh_chart_begin (&ctx, cr, width, height, info);
  for (guint i = 0; i < n_rows * n_columns; i++)
    due += cells[i] != RH_CHART_CELL_NONE;
  if (n_rows == 0 || n_columns == 0 || ctx.w < 80 || ctx.h < 60)
    return rh_chart_empty (&ctx, _("There is nothing to show for this period."));
  if (due == 0)
    return rh_chart_empty (&ctx, _("No meeting was due in this period."));

  /* Legend at the bottom. */
  {
    double lx = ctx.x, ly = ctx.y + ctx.h - RH_CHART_TEXT * 1.6;
    for (guint i = 0; i < G_N_ELEMENTS (legend_states); i++)
      {
        double tw;
        cell (&ctx, legend_states[i], lx, ly + 1, 12, RH_CHART_TEXT + 1);
        rh_chart_set_rgb (cr, ctx.fg);
        rh_chart_text_size (&ctx, RH_CHART_TEXT, FALSE, legend_labels[i], &tw, NULL);
        rh_chart_text (&ctx, RH_CHART_TEXT, FALSE, legend_labels[i], lx + 15, ly, -1,
                       PANGO_ALIGN_LEFT, FALSE);
        lx += 15 + tw + 12;
      }
    legend_h = RH_CHART_TEXT * 2.4;
  }
  for (guint r = 0; r < n_rows && r < 400; r++)
    {
      double tw;
      rh_chart_text_size (&ctx, RH_CHART_TEXT, FALSE, rows[r], &tw, NULL);
      label_w = MAX (label_w, tw + 6);
    }
  label_w = MIN (label_w, ctx.w * 0.3);
  x0 = ctx.x + label_w;
  y0 = ctx.y + head_h;
  cw = (ctx.w - label_w) / n_columns;
  shown = (guint) MAX (1, floor ((ctx.h - head_h - legend_h) / MIN_ROW));
  shown = MIN (shown, n_rows);
  if (shown < n_rows)
    {
      /* TRANSLATORS: when not every row fits on the chart. */
      g_autofree char *more = g_strdup_printf (_("The first %u of %u rows."), shown - 1, n_rows);
      shown--;
      rh_chart_set_rgb (cr, ctx.muted);
      rh_chart_text (&ctx, RH_CHART_SMALL, FALSE, more, ctx.x, y0 + shown * MIN_ROW + 2, ctx.w,
                     PANGO_ALIGN_LEFT, FALSE);
    }
  rh = MIN ((ctx.h - head_h - legend_h - (shown < n_rows ? MIN_ROW : 0)) / shown, 26);

  for (guint c = 0; c < n_columns; c++)
    {
      rh_chart_set_rgb (cr, ctx.fg);
      rh_chart_text (&ctx, MIN (RH_CHART_TEXT, cw * 0.5), FALSE, columns[c], x0 + cw * c, ctx.y, cw,
                     PANGO_ALIGN_CENTER, TRUE);
    }
  for (guint r = 0; r < shown; r++)
    {
      double th;
      rh_chart_text_size (&ctx, MIN (RH_CHART_TEXT, rh * 0.8), FALSE, "8", NULL, &th);
      rh_chart_set_rgb (cr, ctx.fg);
      rh_chart_text (&ctx, MIN (RH_CHART_TEXT, rh * 0.8), FALSE, rows[r], ctx.x, y0 + rh * r + (rh - th) / 2,
                     label_w - 6, PANGO_ALIGN_RIGHT, TRUE);
      for (guint c = 0; c < n_columns; c++)
        {
          guint span = spans != NULL ? MIN (spans[r * n_columns + c], n_columns - c) : 1;
          if (span == 0)
            continue;
          cell (&ctx, cells[r * n_columns + c], x0 + cw * c + 0.75, y0 + rh * r + 0.75,
                cw * span - 1.5, rh - 1.5);
        }
    }
  return NULL;
}
