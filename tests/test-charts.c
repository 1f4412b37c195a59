/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Charts render to image and PDF surfaces, and what they draw can be checked. */
#include "rh-config.h"

#include <cairo-pdf.h>
#include <string.h>
#include <math.h>
#include "rh-chart.h"
#include "test-util.h"

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

/* Facts about the assessment charts. */

#define FONT "Noto Sans CJK SC, Sans"

static cairo_surface_t *
blank (int w, int h, cairo_t **cr)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, w, h);

  *cr = cairo_create (surface);
  cairo_set_source_rgb (*cr, 1, 1, 1);
  cairo_paint (*cr);
  return surface;
}

static gboolean
pixel_is (cairo_surface_t *s, int x, int y, int r, int g, int b, int tolerance)
{
  guint32 px = *(guint32 *) (cairo_image_surface_get_data (s) + y * cairo_image_surface_get_stride (s)
                             + 4 * x);
  return abs ((int) ((px >> 16) & 0xff) - r) <= tolerance && abs ((int) ((px >> 8) & 0xff) - g) <= tolerance
         && abs ((int) (px & 0xff) - b) <= tolerance;
}

/* The bounding box of pixels of a colour. */
static gboolean
bbox_of (cairo_surface_t *s, int r, int g, int b, int *x0, int *y0, int *x1, int *y1)
{
  int w = cairo_image_surface_get_width (s), h = cairo_image_surface_get_height (s);
  gboolean any = FALSE;

  cairo_surface_flush (s);
  *x0 = *y0 = G_MAXINT;
  *x1 = *y1 = -1;
  for (int y = 0; y < h; y++)
    for (int x = 0; x < w; x++)
      if (pixel_is (s, x, y, r, g, b, 1))
        {
          any = TRUE;
          *x0 = MIN (*x0, x);
          *y0 = MIN (*y0, y);
          *x1 = MAX (*x1, x);
          *y1 = MAX (*y1, y);
        }
  return any;
}

/* The centre of the solid highlight marker: pixels of the highlight red whose
 * 5 × 5 neighbourhood is all that red (text strokes are thinner). */
static gboolean
marker_centre (cairo_surface_t *s, double *cx, double *cy)
{
  int w = cairo_image_surface_get_width (s), h = cairo_image_surface_get_height (s);
  double sx = 0, sy = 0;
  int n = 0;

  cairo_surface_flush (s);
  for (int y = 2; y < h - 2; y++)
    for (int x = 2; x < w - 2; x++)
      {
        gboolean solid = TRUE;
        for (int dy = -2; dy <= 2 && solid; dy++)
          for (int dx = -2; dx <= 2 && solid; dx++)
            solid = pixel_is (s, x + dx, y + dy, 204, 13, 26, 3);
        if (solid)
          {
            sx += x;
            sy += y;
            n++;
          }
      }
  if (n == 0)
    return FALSE;
  *cx = sx / n;
  *cy = sy / n;
  return TRUE;
}

static void
check_quadrant (double party, double business, int shade)
{
  RhChartInfo info = { "融合象限", "测试党委", "2025", NULL, FONT, FALSE };
  RhChartPoint points[] = {
    { "甲支部", party, business, TRUE },
    { "乙", 40, 45, FALSE }, { "丙", 75, 70, FALSE }, { "丁", 55, 90, FALSE },
  };
  cairo_t *cr;
  cairo_surface_t *s = blank (500, 500, &cr);
  int x0, y0, x1, y1;
  double cx = 0, cy = 0;

  g_assert_null (rh_chart_quadrant (cr, 500, 500, &info, points, G_N_ELEMENTS (points), 60, 60, NULL));
  g_assert_true (marker_centre (s, &cx, &cy));
  g_assert_true (bbox_of (s, shade, shade, shade, &x0, &y0, &x1, &y1));
  g_assert_cmpfloat (cx, >, x0);
  g_assert_cmpfloat (cx, <, x1);
  g_assert_cmpfloat (cy, >, y0);
  g_assert_cmpfloat (cy, <, y1);
  cairo_destroy (cr);
  cairo_surface_destroy (s);
}

/* Pixels of the highlight red. */
static int
count_highlight (cairo_surface_t *s)
{
  int w = cairo_image_surface_get_width (s), h = cairo_image_surface_get_height (s), n = 0;

  cairo_surface_flush (s);
  for (int y = 0; y < h; y++)
    for (int x = 0; x < w; x++)
      n += pixel_is (s, x, y, 204, 13, 26, 3);
  return n;
}

/* The move since the previous period: more red, between the two positions. */
static void
test_quadrant_previous (void)
{
  RhChartInfo info = { "融合象限", "测试党委", "2025", NULL, FONT, FALSE };
  RhChartPoint points[] = { { "", 85, 80, TRUE }, { "乙", 40, 45, FALSE }, { "丙", 75, 70, FALSE } };
  RhChartPoint before = { "", 50, 50, FALSE };
  cairo_t *cr;
  cairo_surface_t *s = blank (500, 500, &cr);
  int alone, moved;

  g_assert_null (rh_chart_quadrant (cr, 500, 500, &info, points, 3, 60, 60, NULL));
  alone = count_highlight (s);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  g_assert_null (rh_chart_quadrant (cr, 500, 500, &info, points, 3, 60, 60, &before));
  moved = count_highlight (s);
  g_assert_cmpint (moved, >, alone + 20);
  cairo_destroy (cr);
  cairo_surface_destroy (s);
}

static void
test_quadrant_regions (void)
{
  /* Quadrant backgrounds are greys 0.86 (双强), 0.93 (党建强业务弱),
   * 0.96 (业务强党建弱) and 0.99 (双弱) of 255. */
  check_quadrant (85, 80, 219);
  check_quadrant (85, 30, 237);
  check_quadrant (30, 80, 245);
  check_quadrant (35, 30, 252);
}

/* Bar lengths: the longest run of the best grade's fill on each bar's rows. */
static void
test_ranking_proportional (void)
{
  RhChartInfo info = { "排名", "测试党委", "2025", "来源", FONT, FALSE };
  RhChartBar bars[] = {
    { "一支部", 80, 0, 5, FALSE }, { "二支部", 40, 0, 3, FALSE }, { "三支部", 20, 0, 1, FALSE },
  };
  const char *grades[] = { "好" };
  cairo_t *cr;
  cairo_surface_t *s = blank (600, 300, &cr);
  g_autoptr (GArray) lengths = g_array_new (FALSE, FALSE, sizeof (int));
  int w = 600, run_max = 0;

  g_assert_null (rh_chart_ranking (cr, 600, 300, &info, bars, 3, grades, 1, 100));
  cairo_surface_flush (s);
  for (int y = 0; y < 300; y++)
    {
      int run = 0, best = 0;
      for (int x = 0; x < w; x++)
        {
          run = pixel_is (s, x, y, 158, 20, 28, 2) ? run + 1 : 0;
          best = MAX (best, run);
        }
      /* Rows past the legend swatch (10 pt wide) belong to bars. */
      if (best > 20)
        run_max = MAX (run_max, best);
      else if (run_max > 0)
        {
          g_array_append_val (lengths, run_max);
          run_max = 0;
        }
    }
  g_assert_cmpuint (lengths->len, ==, 3);
  g_assert_cmpfloat (fabs ((double) g_array_index (lengths, int, 0) / g_array_index (lengths, int, 1) - 2), <, 0.05);
  g_assert_cmpfloat (fabs ((double) g_array_index (lengths, int, 1) / g_array_index (lengths, int, 2) - 2), <, 0.1);
  cairo_destroy (cr);
  cairo_surface_destroy (s);
}

static void
test_pdf_chinese_title (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_BUILT, "stars.pdf", NULL);
  g_autofree char *text = NULL;
  RhChartInfo info = { "星级分布图", "测试党委", "2025", "来源：融合", FONT, FALSE };
  const guint counts[5] = { 1, 2, 5, 4, 3 };
  cairo_surface_t *surface = cairo_pdf_surface_create (path, 400, 300);
  cairo_t *cr = cairo_create (surface);

  g_assert_null (rh_chart_stars (cr, 400, 300, &info, counts, 0.3));
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
  text = rh_test_pdf_text (path, 0);
  g_assert_nonnull (strstr (text, "星级分布图"));
  g_assert_nonnull (strstr (text, "测试党委"));
}

/* 0 items, 1 item, all equal and missing periods: a message, no crash. */
static void
test_empty_states (void)
{
  RhChartInfo info = { "图", "党委", "2025", NULL, FONT, FALSE };
  RhChartBar one = { "甲", 70, 0, 3, TRUE };
  RhChartBar equal[] = { { "甲", 80, 0, 4, FALSE }, { "乙", 80, 0, 4, FALSE }, { "丙", 80, 0, 4, FALSE } };
  RhChartBar zeros[] = { { "甲", 0, 0, 1, FALSE }, { "乙", 0, 0, 1, FALSE } };
  RhChartPoint point = { "甲", 70, 80, TRUE };
  RhChartPoint same[] = { { "甲", 70, 70, FALSE }, { "乙", 70, 70, FALSE } };
  RhChartTrendPoint missing[] = { { "2024", NAN, NAN }, { "2025", NAN, 80 } };
  RhChartTrendPoint once[] = { { "2024", NAN, 70 }, { "2025", 82, 80 } };
  const double nothing[5] = { NAN, NAN, NAN, NAN, NAN };
  const char *axes[5] = { "一", "二", "三", "四", "五" };
  RhChartSeries series = { "甲", nothing };
  const guint no_stars[5] = { 0 }, one_star[5] = { 0, 0, 1, 0, 0 };
  const RhChartCell none[2] = { RH_CHART_CELL_NONE, RH_CHART_CELL_NONE };
  const char *rows[] = { "党员大会" }, *cols[] = { "1月", "2月" };
  const char *grades[] = { "好" };
  cairo_t *cr;
  cairo_surface_t *s = blank (300, 240, &cr);

  g_assert_nonnull (rh_chart_ranking (cr, 300, 240, &info, NULL, 0, grades, 1, 100));
  g_assert_nonnull (rh_chart_ranking (cr, 300, 240, &info, &one, 1, grades, 1, 100));
  g_assert_nonnull (rh_chart_ranking (cr, 300, 240, &info, equal, 3, grades, 1, 0));
  g_assert_nonnull (rh_chart_ranking (cr, 300, 240, &info, zeros, 2, grades, 1, 0));
  g_assert_nonnull (rh_chart_points (cr, 300, 240, &info, NULL, 0, NULL, 0));
  g_assert_nonnull (rh_chart_quadrant (cr, 300, 240, &info, NULL, 0, NAN, NAN, NULL));
  g_assert_nonnull (rh_chart_quadrant (cr, 300, 240, &info, &point, 1, 70, 80, NULL));
  g_assert_nonnull (rh_chart_quadrant (cr, 300, 240, &info, same, 2, 70, 70, NULL));
  g_assert_nonnull (rh_chart_trend (cr, 300, 240, &info, missing, 2, 100));
  g_assert_nonnull (rh_chart_trend (cr, 300, 240, &info, NULL, 0, 100));
  g_assert_nonnull (rh_chart_trend (cr, 300, 240, &info, once, 2, 0));
  g_assert_nonnull (rh_chart_radar (cr, 300, 240, &info, axes, 5, &series, 1));
  g_assert_nonnull (rh_chart_radar (cr, 300, 240, &info, axes, 5, NULL, 0));
  g_assert_nonnull (rh_chart_stars (cr, 300, 240, &info, no_stars, 0.3));
  g_assert_nonnull (rh_chart_stars (cr, 300, 240, &info, one_star, NAN));
  g_assert_nonnull (rh_chart_heatmap (cr, 300, 240, &info, rows, 1, cols, 2, none, NULL));
  g_assert_nonnull (rh_chart_heatmap (cr, 300, 240, &info, NULL, 0, NULL, 0, NULL, NULL));
  /* No room at all. */
  g_assert_nonnull (rh_chart_ranking (cr, 10, 10, &info, equal, 3, grades, 1, 0));
  g_assert_nonnull (rh_chart_quadrant (cr, 10, 10, &info, same, 2, 70, 70, NULL));
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_destroy (s);
}

/* A quarter's unit is one cell across its three months: no gap between them. */
static void
test_heatmap_spans (void)
{
  RhChartInfo info = { "热力图", "支部", "2025", NULL, FONT, FALSE };
  const char *rows[] = { "党员大会", "党课" }, *cols[] = { "1月", "2月", "3月" };
  const RhChartCell cells[] = { RH_CHART_CELL_MISSED, RH_CHART_CELL_MISSED, RH_CHART_CELL_MISSED,
                                RH_CHART_CELL_MISSED, RH_CHART_CELL_MISSED, RH_CHART_CELL_MISSED };
  const guint spans[] = { 1, 1, 1, 3, 0, 0 };
  cairo_t *cr;
  cairo_surface_t *s = blank (400, 300, &cr);
  int x0, y0, x1, y1, gaps[2] = { 0, 0 };

  g_assert_null (rh_chart_heatmap (cr, 400, 300, &info, rows, 2, cols, 3, cells, spans));
  /* The legend's swatches at the bottom are left out. */
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_rectangle (cr, 0, 200, 400, 100);
  cairo_fill (cr);
  /* The red of a missed cell (0.70, 0.10, 0.12): its box covers both rows. */
  g_assert_true (bbox_of (s, 179, 26, 31, &x0, &y0, &x1, &y1));
  for (int r = 0; r < 2; r++)
    {
      /* Along a line near the top of a row (clear of the white crosses),
       * count the breaks in the red. */
      int y = y0 + (int) ((y1 - y0) / 2.0 * (r + 0.1));
      gboolean in = FALSE;
      for (int x = x0; x <= x1; x++)
        {
          gboolean red = pixel_is (s, x, y, 179, 26, 31, 2);
          if (in && !red)
            gaps[r]++;
          in = red;
        }
    }
  /* Three cells have two gaps between them; one merged cell has none. */
  g_assert_cmpint (gaps[0], ==, 2);
  g_assert_cmpint (gaps[1], ==, 0);
  cairo_destroy (cr);
  cairo_surface_destroy (s);
}

/* 2,000 bars: cut to the top and bottom with the chosen one kept and legible. */
static void
test_ranking_many (void)
{
  RhChartInfo info = { "排名", "党委", "2025", NULL, FONT, FALSE };
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  RhChartBar *bars = g_new0 (RhChartBar, 2000);
  const char *grades[] = { "好", "较好", "一般", "差" };
  cairo_t *cr;
  cairo_surface_t *s = blank (600, 800, &cr);

  for (int i = 0; i < 2000; i++)
    {
      char *name = g_strdup_printf ("第%04d党支部", i + 1);
      g_ptr_array_add (names, name);
      bars[i] = (RhChartBar) { name, 100 - i * 0.04, i / 500, 5 - i / 400, i == 1234 };
    }
  g_assert_null (rh_chart_ranking (cr, 600, 800, &info, bars, 2000, grades, 4, 100));
  /* The highlighted branch's frame is drawn in the highlight red. */
  {
    int x0, y0, x1, y1;
    g_assert_true (bbox_of (s, 204, 13, 26, &x0, &y0, &x1, &y1));
    g_assert_cmpint (y1 - y0, >, 8);
  }
  cairo_destroy (cr);
  cairo_surface_destroy (s);
  g_free (bars);
}

/* Where the bars start: the leftmost run of the first grade's red longer than
 * the legend swatch. */
static int
bars_left (cairo_surface_t *s)
{
  int w = cairo_image_surface_get_width (s), h = cairo_image_surface_get_height (s), left = G_MAXINT;

  cairo_surface_flush (s);
  for (int y = 0; y < h; y++)
    for (int x = 0, run = 0; x < w; x++)
      {
        run = pixel_is (s, x, y, 158, 20, 28, 2) ? run + 1 : 0;
        if (run > 20)
          left = MIN (left, x - run + 1);
      }
  return left;
}

/* A cut ranking sizes its label column to the names it shows: a long name
 * among the rows left out does not narrow the bars. */
static void
test_ranking_label_column (void)
{
  RhChartInfo info = { "排名", "党委", "2025", NULL, FONT, FALSE };
  const char *grades[] = { "好" };
  int left[2];

  for (int variant = 0; variant < 2; variant++)
    {
      g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
      RhChartBar *bars = g_new0 (RhChartBar, 2000);
      cairo_t *cr;
      cairo_surface_t *s = blank (600, 800, &cr);

      for (int i = 0; i < 2000; i++)
        {
          char *name = variant == 1 && i == 200
                         ? g_strdup ("东川市经济技术开发区管委会机关第三党总支第五党支部")
                         : g_strdup_printf ("第%04d支部", i + 1);
          g_ptr_array_add (names, name);
          bars[i] = (RhChartBar) { name, 100 - i * 0.04, 0, 3, FALSE };
        }
      g_assert_null (rh_chart_ranking (cr, 600, 800, &info, bars, 2000, grades, 1, 100));
      left[variant] = bars_left (s);
      cairo_destroy (cr);
      cairo_surface_destroy (s);
      g_free (bars);
    }
  g_assert_cmpint (left[0], <, 600 / 3);
  g_assert_cmpint (left[1], ==, left[0]);
}

/* With no font given, a PDF chart embeds only WenQuanYi Micro Hei (TrueType
 * outlines, cheap to subset), not Noto Sans CJK (whole CFF tables): the
 * names, digits, stars and the "… N more …" row all come from it. */
static void
test_pdf_default_font (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_BUILT, "ranking-default-font.pdf", NULL);
  g_autofree char *text = NULL;
  RhChartInfo info = { "党支部综合得分排名", "测试党委", "2025", "来源：融合", NULL, FALSE };
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  RhChartBar *bars = g_new0 (RhChartBar, 300);
  const char *grades[] = { "好", "较好", "一般", "差" };
  cairo_surface_t *surface = cairo_pdf_surface_create (path, 520, 640);
  cairo_t *cr = cairo_create (surface);

  for (int i = 0; i < 300; i++)
    {
      char *name = g_strdup_printf ("青石镇第%03d党支部", i + 1);
      g_ptr_array_add (names, name);
      bars[i] = (RhChartBar) { name, 100 - i * 0.2, i / 100, 5 - i / 60, i == 150 };
    }
  g_assert_null (rh_chart_ranking (cr, 520, 640, &info, bars, 300, grades, 4, 100));
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
  g_free (bars);

  /* The font names are in the uncompressed font dictionaries. */
  g_assert_true (rh_test_file_contains (path, "/BaseFont /"));
  g_assert_true (rh_test_file_contains (path, "WenQuanYiMicroHei"));
  g_assert_false (rh_test_file_contains (path, "NotoSansCJK"));
  text = rh_test_pdf_text (path, 0);
  g_assert_nonnull (strstr (text, "党支部综合得分排名"));
  g_assert_nonnull (strstr (text, "青石镇第001党支部"));
  g_assert_nonnull (strstr (text, "★"));
  g_assert_nonnull (strstr (text, "more"));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/charts/before-after-png", test_before_after_png);
  g_test_add_func ("/charts/before-after-pdf", test_before_after_pdf);
  g_test_add_func ("/charts/degenerate", test_degenerate);
  g_test_add_func ("/charts/quadrant-regions", test_quadrant_regions);
  g_test_add_func ("/charts/quadrant-previous", test_quadrant_previous);
  g_test_add_func ("/charts/ranking-proportional", test_ranking_proportional);
  g_test_add_func ("/charts/ranking-many", test_ranking_many);
  g_test_add_func ("/charts/ranking-label-column", test_ranking_label_column);
  g_test_add_func ("/charts/pdf-chinese-title", test_pdf_chinese_title);
  g_test_add_func ("/charts/pdf-default-font", test_pdf_default_font);
  g_test_add_func ("/charts/empty-states", test_empty_states);
  g_test_add_func ("/charts/heatmap-spans", test_heatmap_spans);
  return g_test_run ();
}
