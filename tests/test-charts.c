/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Charts render to image and PDF surfaces, and what they draw can be checked. */
#include "rh-config.h"

#include <cairo-pdf.h>
#include <string.h>
#include <math.h>
#include "rh-chart.h"

static const RhChartPair pairs[] = {
  { "关键件合格率", "%", 97.5, 100 },
  { "科研立项", "项", 10, 18 },
  { "事故", "起", 3, NAN },
};

/* Counts pixels close to the "after" red (0.70, 0.09, 0.14). */
static int
count_red (cairo_surface_t *surface)
{
  int w = cairo_image_surface_get_width (surface);
  int h = cairo_image_surface_get_height (surface);
  int stride = cairo_image_surface_get_stride (surface);
  unsigned char *data = cairo_image_surface_get_data (surface);
  int n = 0;

  cairo_surface_flush (surface);
  for (int y = 0; y < h; y++)
    for (int x = 0; x < w; x++)
      {
        guint32 px = *(guint32 *) (data + y * stride + 4 * x);
        int r = (px >> 16) & 0xff, g = (px >> 8) & 0xff, b = px & 0xff;
        n += abs (r - 179) < 6 && abs (g - 23) < 6 && abs (b - 36) < 6;
      }
  return n;
}

static void
test_before_after_png (void)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 480, 200);
  cairo_t *cr = cairo_create (surface);
  g_autofree char *path = g_test_build_filename (G_TEST_BUILT, "before-after.png", NULL);
  int red_all, red_one;

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  rh_chart_before_after (cr, 480, 200, pairs, G_N_ELEMENTS (pairs), "Noto Sans CJK SC, Sans");
  red_all = count_red (surface);
  /* Kept beside the test for a person to look at. */
  g_assert_cmpint (cairo_surface_write_to_png (surface, path), ==, CAIRO_STATUS_SUCCESS);

  /* Two "after" bars are drawn (the third is unknown): a chart of only the
   * first metric has about half as much red. */
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  rh_chart_before_after (cr, 480, 200, pairs, 1, "Sans");
  red_one = count_red (surface);
  g_assert_cmpint (red_one, >, 500);
  g_assert_cmpint (red_all, >, red_one);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* A binary-safe search (the PDF has NUL bytes). */
static gboolean
contains (const char *bytes, gsize len, const char *needle)
{
  gsize n = strlen (needle);

  for (gsize i = 0; i + n <= len; i++)
    if (memcmp (bytes + i, needle, n) == 0)
      return TRUE;
  return FALSE;
}

static void
test_before_after_pdf (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_BUILT, "before-after.pdf", NULL);
  cairo_surface_t *surface = cairo_pdf_surface_create (path, 400, 200);
  cairo_t *cr = cairo_create (surface);
  g_autofree char *bytes = NULL;
  gsize len;

  rh_chart_before_after (cr, 400, 200, pairs, G_N_ELEMENTS (pairs), "Noto Sans CJK SC, Sans");
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
  g_assert_true (g_file_get_contents (path, &bytes, &len, NULL));
  g_assert_true (g_str_has_prefix (bytes, "%PDF"));
  /* The text is real text with an embedded font, not paths. */
  g_assert_true (contains (bytes, len, "/FontFile"));
}

static void
test_degenerate (void)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 20, 10);
  cairo_t *cr = cairo_create (surface);
  RhChartPair zero = { "零", NULL, 0, 0 };

  /* Nothing to draw, no room, zeros: no crash. */
  rh_chart_before_after (cr, 20, 10, pairs, 0, "Sans");
  rh_chart_before_after (cr, 20, 10, pairs, 3, "Sans");
  rh_chart_before_after (cr, 200, 100, &zero, 1, "Sans");
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/charts/before-after-png", test_before_after_png);
  g_test_add_func ("/charts/before-after-pdf", test_before_after_pdf);
  g_test_add_func ("/charts/degenerate", test_degenerate);
  return g_test_run ();
}
