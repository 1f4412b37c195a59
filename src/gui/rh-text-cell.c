/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "rh-config.h"

#include "rh-text-cell.h"

struct _RhTextCell
{
  GtkWidget    parent_instance;
  char        *text;
  PangoLayout *layout;   /* shared (see shared_layout); dropped when the text changes */
  int          line_height;   /* in pixels; 0 until measured */
};

G_DEFINE_FINAL_TYPE (RhTextCell, rh_text_cell, GTK_TYPE_WIDGET)

static void
rh_text_cell_measure (GtkWidget *widget, GtkOrientation orientation, int for_size, int *minimum,
                      int *natural, int *minimum_baseline, int *natural_baseline)
{
  RhTextCell *self = RH_TEXT_CELL (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      /* The column gives the width; the text is ellipsized to it. */
      *minimum = *natural = 0;
      return;
    }
  /* One line of the font, the same for every text: no shaping to measure a row. */
  if (self->line_height == 0)
    {
      PangoContext *context = gtk_widget_get_pango_context (widget);
      PangoFontMetrics *metrics = pango_context_get_metrics (context, NULL, NULL);

      self->line_height = PANGO_PIXELS_CEIL (pango_font_metrics_get_height (metrics));
      if (self->line_height <= 0)
        self->line_height = PANGO_PIXELS_CEIL (pango_font_metrics_get_ascent (metrics)
                                               + pango_font_metrics_get_descent (metrics));
      pango_font_metrics_unref (metrics);
    }
  *minimum = *natural = self->line_height;
}

static void
rh_text_cell_size_allocate (GtkWidget *widget, int width, int height, int baseline)
{
  RhTextCell *self = RH_TEXT_CELL (widget);

  /* The layout may be shared: another width takes another layout. */
  if (self->layout != NULL && pango_layout_get_width (self->layout) != width * PANGO_SCALE)
    g_clear_object (&self->layout);
}

/* Shaped layouts, shared by the cells that show the same text at the same width with the
 * same font, resolution, font options, language and direction (the key holds all five, so
 * a layout made before a change of font or text scaling is not handed out after it). A
 * roster column repeats its genders, statuses, branches and posts, and shaping is most of
 * what a re-queried row costs (issue 8). The table is emptied when it is full; the cells
 * keep their own references. A cell never changes a shared layout: another width takes
 * another layout (rh_text_cell_size_allocate). */
#define MAX_SHARED_LAYOUTS 2048
static GHashTable *shared_layouts;   /* key (see shared_layout) → PangoLayout */

static PangoLayout *
shared_layout (RhTextCell *self, int width)
{
  GtkWidget *widget = GTK_WIDGET (self);
  PangoContext *context = gtk_widget_get_pango_context (widget);
  g_autofree char *font =
    pango_font_description_to_string (pango_context_get_font_description (context));
  const cairo_font_options_t *options = pango_cairo_context_get_font_options (context);
  g_autofree char *key =
    g_strdup_printf ("%s|%g|%lu|%s|%d|%d|%s", font, pango_cairo_context_get_resolution (context),
                     options != NULL ? cairo_font_options_hash (options) : 0UL,
                     pango_language_to_string (pango_context_get_language (context)),
                     (int) pango_context_get_base_dir (context), width, self->text);
  PangoLayout *layout;
  PangoRectangle logical;

  if (shared_layouts == NULL)
    shared_layouts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  layout = g_hash_table_lookup (shared_layouts, key);
  if (layout != NULL)
    return g_object_ref (layout);
  if (g_hash_table_size (shared_layouts) >= MAX_SHARED_LAYOUTS)
    g_hash_table_remove_all (shared_layouts);
  layout = gtk_widget_create_pango_layout (widget, self->text);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_single_paragraph_mode (layout, TRUE);
  pango_layout_set_width (layout, width * PANGO_SCALE);
  /* Shapes the text now rather than while painting. */
  pango_layout_get_pixel_extents (layout, NULL, &logical);
  g_hash_table_insert (shared_layouts, g_steal_pointer (&key), g_object_ref (layout));
  return layout;
}

/* Finds or makes the shaped layout; FALSE when there is nothing to draw. */
static gboolean
ensure_layout (RhTextCell *self)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));

  if (self->text == NULL || *self->text == '\0' || width <= 0)
    return FALSE;
  if (self->layout == NULL)
    self->layout = shared_layout (self, width);
  return TRUE;
}

static void
rh_text_cell_snapshot (GtkWidget *widget, GtkSnapshot *snapshot)
{
  RhTextCell *self = RH_TEXT_CELL (widget);
  int height = gtk_widget_get_height (widget);
  GtkStyleContext *style;
  GdkRGBA color;
  PangoRectangle logical;

  if (!ensure_layout (self))
    return;
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  style = gtk_widget_get_style_context (widget);
  gtk_style_context_get_color (style, &color);
  G_GNUC_END_IGNORE_DEPRECATIONS
  pango_layout_get_pixel_extents (self->layout, NULL, &logical);
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (0, (height - logical.height) / 2.0f));
  gtk_snapshot_append_layout (snapshot, self->layout, &color);
  gtk_snapshot_restore (snapshot);
}

static void
rh_text_cell_css_changed (GtkWidget *widget, GtkCssStyleChange *change)
{
  RhTextCell *self = RH_TEXT_CELL (widget);

  GTK_WIDGET_CLASS (rh_text_cell_parent_class)->css_changed (widget, change);
  /* The font may have changed: measure and lay out again. */
  self->line_height = 0;
  g_clear_object (&self->layout);
  gtk_widget_queue_resize (widget);
}

static void
rh_text_cell_finalize (GObject *object)
{
  RhTextCell *self = RH_TEXT_CELL (object);

  g_clear_object (&self->layout);
  g_free (self->text);
  G_OBJECT_CLASS (rh_text_cell_parent_class)->finalize (object);
}

static void
rh_text_cell_class_init (RhTextCellClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = rh_text_cell_finalize;
  widget_class->measure = rh_text_cell_measure;
  widget_class->size_allocate = rh_text_cell_size_allocate;
  widget_class->snapshot = rh_text_cell_snapshot;
  widget_class->css_changed = rh_text_cell_css_changed;
  gtk_widget_class_set_css_name (widget_class, "label");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_LABEL);
}

static void
rh_text_cell_init (RhTextCell *self)
{
}

GtkWidget *
rh_text_cell_new (void)
{
  return g_object_new (RH_TYPE_TEXT_CELL, NULL);
}

void
rh_text_cell_set_text (RhTextCell *self, const char *text)
{
  if (g_strcmp0 (text, self->text) == 0)
    return;
  g_free (self->text);
  self->text = g_strdup (text);
  g_clear_object (&self->layout);
  /* The size does not depend on the text: only a redraw. */
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
rh_text_cell_prepare (RhTextCell *self)
{
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    ensure_layout (self);
}

const char *
rh_text_cell_get_text (RhTextCell *self)
{
  return self->text;
}
