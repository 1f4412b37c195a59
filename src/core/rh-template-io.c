/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "rh-config.h"

#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>
#include "rh-template-io.h"
#include "rh-types.h"
#include "rh-validate.h"

/* Stable names in the file; the same words as in the database. */
static const char *const formula_names[] = { "weighted", "coefficient" };
static const char *const method_names[] = { "qualitative", "quantitative" };

/* ------------------------------------------------------------------ writing */

/* The shortest decimal that reads back as the same double: 0.7, not
 * 0.69999999999999996 as json-glib's generator would write. */
static void
append_number (GString *out, double d)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (!isfinite (d))
    {
      g_string_append (out, "null");
      return;
    }
  if (d == trunc (d) && fabs (d) < 1e15)
    {
      g_string_append_printf (out, "%.0f", d == 0 ? 0.0 : d);
      return;
    }
  for (int precision = 1; precision <= 17; precision++)
    {
      char format[8];

      g_snprintf (format, sizeof format, "%%.%dg", precision);
      g_ascii_formatd (buf, sizeof buf, format, d);
      if (g_ascii_strtod (buf, NULL) == d)
        break;
    }
  g_string_append (out, buf);
}

static void
append_string (GString *out, const char *s)
{
  g_string_append_c (out, '"');
  for (const char *p = s; *p != '\0'; p++)
    {
      guchar c = (guchar) *p;

      switch (c)
        {
        case '"':
          g_string_append (out, "\\\"");
          break;
        case '\\':
          g_string_append (out, "\\\\");
          break;
        case '\n':
          g_string_append (out, "\\n");
          break;
        case '\r':
          g_string_append (out, "\\r");
          break;
        case '\t':
          g_string_append (out, "\\t");
          break;
        default:
          if (c < 0x20)
            g_string_append_printf (out, "\\u%04x", c);
          else
            g_string_append_c (out, (char) c);
        }
    }
  g_string_append_c (out, '"');
}

static gboolean
is_scalar (JsonNode *node)
{
  return JSON_NODE_HOLDS_VALUE (node) || JSON_NODE_HOLDS_NULL (node);
}

static void append_node (GString *out, JsonNode *node, int indent);

static void
append_indent (GString *out, int indent)
{
  for (int i = 0; i < indent; i++)
    g_string_append_c (out, ' ');
}

static void
append_array (GString *out, JsonArray *array, int indent)
{
  guint n = json_array_get_length (array);
  gboolean flat = TRUE;

  for (guint i = 0; i < n; i++)
    flat = flat && is_scalar (json_array_get_element (array, i));
  if (n == 0 || flat)
    {
      /* Short lists of numbers stay on one line: [90, 80, 70, 60]. */
      g_string_append_c (out, '[');
      for (guint i = 0; i < n; i++)
        {
          if (i > 0)
            g_string_append (out, ", ");
          append_node (out, json_array_get_element (array, i), indent);
        }
      g_string_append_c (out, ']');
      return;
    }
  g_string_append (out, "[\n");
  for (guint i = 0; i < n; i++)
    {
      append_indent (out, indent + 2);
      append_node (out, json_array_get_element (array, i), indent + 2);
      g_string_append (out, i + 1 < n ? ",\n" : "\n");
    }
  append_indent (out, indent);
  g_string_append_c (out, ']');
}

static void
append_object (GString *out, JsonObject *object, int indent)
{
  JsonObjectIter iter;
  const char *key;
  JsonNode *member;
  guint n = json_object_get_size (object), i = 0;
  gboolean flat = n <= 2;

  if (flat)
    {
      json_object_iter_init_ordered (&iter, object);
      while (json_object_iter_next_ordered (&iter, &key, &member))
        flat = flat && is_scalar (member);
    }
  if (flat)
    {
      /* A grade stays on one line: { "label": "好", "min": 90 }. */
      g_string_append (out, n == 0 ? "{" : "{ ");
      json_object_iter_init_ordered (&iter, object);
      while (json_object_iter_next_ordered (&iter, &key, &member))
        {
          append_string (out, key);
          g_string_append (out, ": ");
          append_node (out, member, indent);
          g_string_append (out, ++i < n ? ", " : " ");
        }
      g_string_append_c (out, '}');
      return;
    }
  g_string_append (out, "{\n");
  json_object_iter_init_ordered (&iter, object);
  while (json_object_iter_next_ordered (&iter, &key, &member))
    {
      append_indent (out, indent + 2);
      append_string (out, key);
      g_string_append (out, ": ");
      append_node (out, member, indent + 2);
      g_string_append (out, ++i < n ? ",\n" : "\n");
    }
  append_indent (out, indent);
  g_string_append_c (out, '}');
}

static void
append_node (GString *out, JsonNode *node, int indent)
{
  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_OBJECT:
      append_object (out, json_node_get_object (node), indent);
      break;
    case JSON_NODE_ARRAY:
      append_array (out, json_node_get_array (node), indent);
      break;
    case JSON_NODE_NULL:
      g_string_append (out, "null");
      break;
    case JSON_NODE_VALUE:
      switch (json_node_get_value_type (node))
        {
        case G_TYPE_INT64:
          g_string_append_printf (out, "%" G_GINT64_FORMAT, json_node_get_int (node));
          break;
        case G_TYPE_DOUBLE:
          append_number (out, json_node_get_double (node));
          break;
        case G_TYPE_BOOLEAN:
          g_string_append (out, json_node_get_boolean (node) ? "true" : "false");
          break;
        case G_TYPE_STRING:
          append_string (out, json_node_get_string (node));
          break;
        default:
          g_string_append (out, "null");
        }
      break;
    default:
      g_string_append (out, "null");
    }
}

static void
add_string (JsonBuilder *b, const char *key, const char *value)
{
  json_builder_set_member_name (b, key);
  if (value != NULL)
    json_builder_add_string_value (b, value);
  else
    json_builder_add_null_value (b);
}

static void
add_number (JsonBuilder *b, const char *key, double value)
{
  json_builder_set_member_name (b, key);
  if (isfinite (value))
    json_builder_add_double_value (b, value);
  else
    json_builder_add_null_value (b);
}

static void
add_int (JsonBuilder *b, const char *key, gint64 value)
{
  json_builder_set_member_name (b, key);
  json_builder_add_int_value (b, value);
}

static void
add_indicator (JsonBuilder *b, const RhIndicator *ind)
{
  gboolean cases = ind->source == RH_SOURCE_CASES;

  json_builder_begin_object (b);
  add_string (b, "code", ind->code);
  add_string (b, "name", ind->name);
  add_string (b, "standard", ind->standard);
  add_string (b, "scoring_note", ind->scoring_note);
  add_number (b, "max_points", ind->max_points);
  add_string (b, "kind", rh_indicator_kind_to_string (ind->kind));
  add_string (b, "star", ind->star >= 0 && ind->star < RH_N_STARS
                           ? rh_star_to_string ((RhStar) ind->star) : NULL);
  add_string (b, "method", method_names[ind->quantitative ? 1 : 0]);
  add_string (b, "source", ind->source > RH_SOURCE_NONE && ind->source < RH_N_SOURCES
                             ? rh_source_to_string (ind->source) : NULL);
  /* Only the cases source reads a status and a target. */
  add_string (b, "source_status",
              cases && ind->source_status > RH_CASE_DRAFT && ind->source_status < RH_N_CASE_STATUSES
              ? rh_case_status_to_string ((RhCaseStatus) ind->source_status) : NULL);
  json_builder_set_member_name (b, "source_target");
  if (cases && ind->source_target > 0)
    json_builder_add_int_value (b, ind->source_target);
  else
    json_builder_add_null_value (b);
  json_builder_end_object (b);
}

char *
rh_template_to_json (const RhTemplate *t)
{
  g_autoptr (JsonBuilder) b = json_builder_new ();
  g_autoptr (JsonNode) root = NULL;
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (t != NULL, NULL);

  json_builder_begin_object (b);
  add_string (b, "format", RH_TEMPLATE_FORMAT);
  add_int (b, "version", RH_TEMPLATE_FORMAT_VERSION);
  add_string (b, "name", t->name);
  add_int (b, "year", t->year);
  add_string (b, "formula", formula_names[t->formula == RH_FORMULA_COEFFICIENT ? 1 : 0]);
  add_number (b, "party_weight", t->party_weight);
  add_number (b, "review_weight", t->review_weight);
  add_number (b, "business_weight", t->business_weight);
  add_number (b, "bonus_cap", t->bonus_cap);

  json_builder_set_member_name (b, "grades");
  json_builder_begin_array (b);
  for (guint i = 0; t->grades != NULL && i < t->grades->len; i++)
    {
      const RhGrade *g = &g_array_index (t->grades, RhGrade, i);

      json_builder_begin_object (b);
      add_string (b, "label", g->label);
      add_number (b, "min", g->min);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);

  add_number (b, "star_share", t->star_share);
  json_builder_set_member_name (b, "star_cutoffs");
  if (t->star_by_total)
    {
      json_builder_begin_array (b);
      for (guint i = 0; i < G_N_ELEMENTS (t->star_cutoffs); i++)
        json_builder_add_double_value (b, t->star_cutoffs[i]);
      json_builder_end_array (b);
    }
  else
    json_builder_add_null_value (b);
  add_number (b, "five_star_quota", t->five_star_quota);

  json_builder_set_member_name (b, "categories");
  json_builder_begin_array (b);
  for (guint c = 0; t->categories != NULL && c < t->categories->len; c++)
    {
      const RhCategory *cat = t->categories->pdata[c];

      json_builder_begin_object (b);
      add_string (b, "name", cat->name);
      json_builder_set_member_name (b, "indicators");
      json_builder_begin_array (b);
      for (guint i = 0; cat->indicators != NULL && i < cat->indicators->len; i++)
        add_indicator (b, cat->indicators->pdata[i]);
      json_builder_end_array (b);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);

  root = json_builder_get_root (b);
  append_node (out, root, 0);
  g_string_append_c (out, '\n');
  return g_string_free (out, FALSE);
}

/* ------------------------------------------------------------------ reading */

/* "categories[2].indicators[4]" + "max_points" → "categories[2].indicators[4].max_points". */
static char *
child_path (const char *path, const char *key)
{
  if (path == NULL || *path == '\0')
    return g_strdup (key);
  return g_strconcat (path, ".", key, NULL);
}

static gboolean G_GNUC_PRINTF (4, 5)
fail (GError **error, GQuark domain, int code, const char *format, ...)
{
  va_list args;
  g_autofree char *message = NULL;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  /* The first error found is the one reported. */
  if (error != NULL && *error == NULL)
    g_set_error_literal (error, domain, code, message);
  return FALSE;
}

#define INVALID G_IO_ERROR, G_IO_ERROR_INVALID_DATA
#define VALUE(field) RH_VALIDATION_ERROR, (field)

/* Refuses keys that are not part of the format, so that a misspelt optional
 * key ("sorce") is not silently dropped. */
static gboolean
check_keys (JsonObject *object, const char *path, const char *const *known, GError **error)
{
  JsonObjectIter iter;
  const char *key;
  JsonNode *member;

  json_object_iter_init_ordered (&iter, object);
  while (json_object_iter_next_ordered (&iter, &key, &member))
    if (!g_strv_contains (known, key))
      {
        g_autofree char *p = child_path (path, key);
        return fail (error, INVALID, _("%s: unknown key"), p);
      }
  return TRUE;
}

/* The member, NULL when absent or null. A required member that is absent or
 * null is an error. */
static JsonNode *
member (JsonObject *object, const char *path, const char *key, gboolean required,
        GError **error)
{
  JsonNode *node = json_object_get_member (object, key);

  if (node != NULL && !JSON_NODE_HOLDS_NULL (node))
    return node;
  if (required)
    {
      g_autofree char *p = child_path (path, key);

      if (node == NULL)
        fail (error, INVALID, _("%s: this key is missing"), p);
      else
        fail (error, INVALID, _("%s: must not be null"), p);
    }
  return NULL;
}

static gboolean
is_number (JsonNode *node)
{
  GType type;

  if (!JSON_NODE_HOLDS_VALUE (node))
    return FALSE;
  type = json_node_get_value_type (node);
  return (type == G_TYPE_INT64 || type == G_TYPE_DOUBLE) && isfinite (json_node_get_double (node));
}

/* A string member: *out is NULL for an absent or null optional one. */
static gboolean
get_string (JsonObject *object, const char *path, const char *key, gboolean required,
            gboolean nonempty, const char **out, GError **error)
{
  JsonNode *node = member (object, path, key, required, error);
  g_autofree char *p = child_path (path, key);

  *out = NULL;
  if (node == NULL)
    return !required;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return fail (error, INVALID,
                 required ? _("%s: must be a string") : _("%s: must be a string or null"), p);
  *out = json_node_get_string (node);
  if (nonempty)
    {
      g_autofree char *stripped = g_strstrip (g_strdup (*out));
      if (*stripped == '\0')
        return fail (error, VALUE (g_str_equal (key, "name") ? RH_FIELD_NAME : RH_FIELD_NONE),
                     _("%s: must not be empty"), p);
    }
  return TRUE;
}

/* A number ≥ 0, and at most 1 when `share`. */
static gboolean
get_number (JsonObject *object, const char *path, const char *key, gboolean share,
            double *out, GError **error)
{
  JsonNode *node = member (object, path, key, TRUE, error);
  g_autofree char *p = child_path (path, key);

  if (node == NULL)
    return FALSE;
  if (is_number (node))
    {
      double d = json_node_get_double (node);
      if (d >= 0 && (!share || d <= 1))
        {
          *out = d;
          return TRUE;
        }
    }
  if (share)
    return fail (error, INVALID, _("%s: must be a number between 0 and 1"), p);
  return fail (error, INVALID, _("%s: must be a number ≥ 0"), p);
}

/* An integer, or -1 for an absent or null optional one. */
static gboolean
get_int (JsonObject *object, const char *path, const char *key, gboolean required, gint64 *out,
         GError **error)
{
  JsonNode *node = member (object, path, key, required, error);
  g_autofree char *p = child_path (path, key);

  *out = -1;
  if (node == NULL)
    return !required;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    return fail (error, INVALID,
                 required ? _("%s: must be a whole number")
                          : _("%s: must be a whole number or null"), p);
  *out = json_node_get_int (node);
  return TRUE;
}

/* An array member: *out is NULL for an absent or null optional one. */
static gboolean
get_array (JsonObject *object, const char *path, const char *key, gboolean required,
           JsonArray **out, GError **error)
{
  JsonNode *node = member (object, path, key, required, error);
  g_autofree char *p = child_path (path, key);

  *out = NULL;
  if (node == NULL)
    return !required;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    return fail (error, INVALID,
                 required ? _("%s: must be an array") : _("%s: must be an array or null"), p);
  *out = json_node_get_array (node);
  return TRUE;
}

static JsonObject *
element_object (JsonArray *array, guint index, const char *path, GError **error)
{
  JsonNode *node = json_array_get_element (array, index);

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      fail (error, INVALID, _("%s: must be an object"), path);
      return NULL;
    }
  return json_node_get_object (node);
}

/* An enumerated word: the index in its list of stable names, or -1 on error. */
typedef int (*FromStringFunc) (const char *s);

static gboolean
get_word (JsonObject *object, const char *path, const char *key, gboolean required,
          FromStringFunc from_string, const char *const *names, guint n_names,
          RhField field, const char *message, int *out, GError **error)
{
  const char *word;
  int value = -1;

  *out = -1;
  if (!get_string (object, path, key, required, FALSE, &word, error))
    return FALSE;
  if (word == NULL)
    return TRUE;
  if (from_string != NULL)
    value = from_string (word);
  else
    for (guint i = 0; i < n_names; i++)
      if (g_str_equal (names[i], word))
        value = (int) i;
  if (value < 0)
    {
      g_autofree char *p = child_path (path, key);
      /* The message names the path, the word and the words allowed; each
       * caller passes a literal "%s: … “%s” …" through _(). */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
      return fail (error, VALUE (field), message, p, word);
#pragma GCC diagnostic pop
    }
  *out = value;
  return TRUE;
}

static const char *const template_keys[] = {
  "format", "version", "name", "year", "formula", "party_weight", "review_weight",
  "business_weight", "bonus_cap", "grades", "star_share", "star_cutoffs", "five_star_quota",
  "categories", NULL
};
static const char *const grade_keys[] = { "label", "min", NULL };
static const char *const category_keys[] = { "name", "indicators", NULL };
static const char *const indicator_keys[] = {
  "code", "name", "standard", "scoring_note", "max_points", "kind", "star", "method", "source",
  "source_status", "source_target", NULL
};

static int
case_status_from_string (const char *s)
{
  int status = rh_case_status_from_string (s);

  /* A draft counts for nothing: the schema allows only these three. */
  return status > RH_CASE_DRAFT ? status : -1;
}

static int
source_from_string (const char *s)
{
  int source = rh_source_from_string (s);

  /* No source is written null, not "none". */
  return source > RH_SOURCE_NONE ? source : -1;
}

static gboolean
read_indicator (JsonObject *object, const char *path, RhCategory *cat, GHashTable *codes,
                GError **error)
{
  const char *code, *name, *standard, *note;
  double max_points;
  int kind, star, method, source, status;
  gint64 target;
  RhIndicator *ind;
  const char *seen;

  if (!check_keys (object, path, indicator_keys, error)
      || !get_string (object, path, "code", TRUE, TRUE, &code, error)
      || !get_string (object, path, "name", TRUE, TRUE, &name, error)
      || !get_string (object, path, "standard", FALSE, FALSE, &standard, error)
      || !get_string (object, path, "scoring_note", FALSE, FALSE, &note, error)
      || !get_number (object, path, "max_points", FALSE, &max_points, error)
      || !get_word (object, path, "kind", TRUE, rh_indicator_kind_from_string, NULL, 0,
                    RH_FIELD_KIND,
                    _("%s: unknown kind “%s” (basic, bonus, deduction or veto)"), &kind, error)
      || !get_word (object, path, "star", FALSE, rh_star_from_string, NULL, 0, RH_FIELD_KIND,
                    _("%s: unknown star “%s” (political, style, action, brand or strong)"),
                    &star, error)
      || !get_word (object, path, "method", TRUE, NULL, method_names,
                    G_N_ELEMENTS (method_names), RH_FIELD_KIND,
                    _("%s: unknown method “%s” (quantitative or qualitative)"), &method, error)
      || !get_word (object, path, "source", FALSE, source_from_string, NULL, 0,
                    RH_FIELD_KIND,
                    _("%s: unknown source “%s” (compliance, integration, attendance or cases)"),
                    &source, error)
      || !get_word (object, path, "source_status", FALSE, case_status_from_string, NULL, 0,
                    RH_FIELD_CASE_STATUS,
                    _("%s: unknown case status “%s” (submitted, recommended or awarded)"),
                    &status, error)
      || !get_int (object, path, "source_target", FALSE, &target, error))
    return FALSE;

  if (target != -1 && (target < 1 || target > G_MAXINT))
    {
      g_autofree char *p = child_path (path, "source_target");
      return fail (error, INVALID, _("%s: must be a whole number ≥ 1"), p);
    }

  seen = g_hash_table_lookup (codes, code);
  if (seen != NULL)
    {
      g_autofree char *p = child_path (path, "code");
      return fail (error, VALUE (RH_FIELD_NONE),
                   _("%s: the code “%s” is also used at %s"), p, code, seen);
    }
  g_hash_table_insert (codes, g_strdup (code), g_strdup (path));

  ind = rh_category_add_indicator (cat, code, name, max_points, (RhIndicatorKind) kind, star);
  g_free (ind->standard);
  ind->standard = g_strdup (standard);
  g_free (ind->scoring_note);
  ind->scoring_note = g_strdup (note);
  ind->quantitative = method == 1;
  ind->source = source < 0 ? RH_SOURCE_NONE : (RhSource) source;
  if (status >= 0)
    ind->source_status = status;
  if (target > 0)
    ind->source_target = (int) target;
  return TRUE;
}

static gboolean
read_categories (JsonObject *root, RhTemplate *t, GError **error)
{
  g_autoptr (GHashTable) codes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  JsonArray *categories;

  if (!get_array (root, "", "categories", TRUE, &categories, error))
    return FALSE;
  for (guint c = 0; c < json_array_get_length (categories); c++)
    {
      g_autofree char *path = g_strdup_printf ("categories[%u]", c);
      JsonObject *object = element_object (categories, c, path, error);
      const char *name;
      JsonArray *indicators;
      RhCategory *cat;

      if (object == NULL
          || !check_keys (object, path, category_keys, error)
          || !get_string (object, path, "name", TRUE, TRUE, &name, error)
          || !get_array (object, path, "indicators", TRUE, &indicators, error))
        return FALSE;

      cat = rh_template_add_category (t, name);
      for (guint i = 0; i < json_array_get_length (indicators); i++)
        {
          g_autofree char *ipath = g_strdup_printf ("%s.indicators[%u]", path, i);
          JsonObject *ind = element_object (indicators, i, ipath, error);

          if (ind == NULL || !read_indicator (ind, ipath, cat, codes, error))
            return FALSE;
        }
    }
  return TRUE;
}

static gboolean
read_grades (JsonObject *root, RhTemplate *t, GError **error)
{
  JsonArray *grades;

  if (!get_array (root, "", "grades", TRUE, &grades, error))
    return FALSE;
  if (json_array_get_length (grades) == 0)
    return fail (error, INVALID, _("%s: must list at least one grade"), "grades");

  g_array_set_size (t->grades, 0);
  for (guint i = 0; i < json_array_get_length (grades); i++)
    {
      g_autofree char *path = g_strdup_printf ("grades[%u]", i);
      JsonObject *object = element_object (grades, i, path, error);
      const char *label;
      RhGrade grade;

      if (object == NULL
          || !check_keys (object, path, grade_keys, error)
          || !get_string (object, path, "label", TRUE, TRUE, &label, error)
          || !get_number (object, path, "min", FALSE, &grade.min, error))
        return FALSE;
      grade.label = g_strdup (label);
      g_array_append_val (t->grades, grade);
    }
  return TRUE;
}

static gboolean
read_star_cutoffs (JsonObject *root, RhTemplate *t, GError **error)
{
  JsonArray *cutoffs;

  if (!get_array (root, "", "star_cutoffs", FALSE, &cutoffs, error))
    return FALSE;
  if (cutoffs == NULL)
    {
      t->star_by_total = FALSE;
      return TRUE;
    }
  if (json_array_get_length (cutoffs) != G_N_ELEMENTS (t->star_cutoffs))
    return fail (error, INVALID,
                 _("%s: must list the totals for five, four, three and two stars, or be null"),
                 "star_cutoffs");
  for (guint i = 0; i < G_N_ELEMENTS (t->star_cutoffs); i++)
    {
      JsonNode *node = json_array_get_element (cutoffs, i);

      if (!is_number (node) || json_node_get_double (node) < 0)
        {
          g_autofree char *path = g_strdup_printf ("star_cutoffs[%u]", i);
          return fail (error, INVALID, _("%s: must be a number ≥ 0"), path);
        }
      t->star_cutoffs[i] = json_node_get_double (node);
    }
  t->star_by_total = TRUE;
  return TRUE;
}

static gboolean
read_quota (JsonObject *root, RhTemplate *t, GError **error)
{
  JsonNode *node = member (root, "", "five_star_quota", FALSE, error);

  if (node == NULL)
    {
      t->five_star_quota = NAN;
      return TRUE;
    }
  if (!is_number (node) || json_node_get_double (node) < 0 || json_node_get_double (node) > 1)
    return fail (error, INVALID, _("%s: must be a number between 0 and 1, or null"),
                 "five_star_quota");
  t->five_star_quota = json_node_get_double (node);
  return TRUE;
}

static gboolean
read_header (JsonObject *root, GError **error)
{
  JsonNode *format = json_object_get_member (root, "format");
  JsonNode *version = json_object_get_member (root, "version");

  if (format == NULL || !JSON_NODE_HOLDS_VALUE (format)
      || json_node_get_value_type (format) != G_TYPE_STRING
      || g_strcmp0 (json_node_get_string (format), RH_TEMPLATE_FORMAT) != 0)
    return fail (error, INVALID,
                 _("This file is not a Ronghe assessment template: its “format” is not “%s”"),
                 RH_TEMPLATE_FORMAT);
  if (version == NULL || !JSON_NODE_HOLDS_VALUE (version)
      || json_node_get_value_type (version) != G_TYPE_INT64 || json_node_get_int (version) < 1)
    return fail (error, INVALID, _("%s: must be a whole number ≥ 1"), "version");
  if (json_node_get_int (version) > RH_TEMPLATE_FORMAT_VERSION)
    return fail (error, INVALID,
                 _("This template was written by a newer version of Ronghe (format version %d). "
                   "Update Ronghe to import it."),
                 (int) json_node_get_int (version));
  return TRUE;
}

RhTemplate *
rh_template_from_json (const char *text, gsize len, GError **error)
{
  g_autoptr (JsonParser) parser = json_parser_new_immutable ();
  g_autoptr (GError) local = NULL;
  g_autoptr (RhTemplate) t = NULL;
  JsonNode *root_node;
  JsonObject *root;
  const char *name;
  gint64 year;
  int formula;

  g_return_val_if_fail (text != NULL || len == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (text == NULL)
    text = "";
  if (len > G_MAXSSIZE)
    len = G_MAXSSIZE;
  if (!g_utf8_validate_len (text, len, NULL))
    {
      fail (error, INVALID, _("This file is not a template: it is not UTF-8 text"));
      return NULL;
    }
  if (!json_parser_load_from_data (parser, text, (gssize) len, &local))
    {
      fail (error, INVALID, _("This file is not a template: it is not valid JSON (%s)"),
            local->message);
      return NULL;
    }
  root_node = json_parser_get_root (parser);
  if (root_node == NULL)
    {
      fail (error, INVALID, _("This file is not a template: it is empty"));
      return NULL;
    }
  if (!JSON_NODE_HOLDS_OBJECT (root_node))
    {
      fail (error, INVALID,
            _("This file is not a Ronghe assessment template: its top level is not an object"));
      return NULL;
    }
  root = json_node_get_object (root_node);

  if (!read_header (root, error)
      || !check_keys (root, "", template_keys, error)
      || !get_string (root, "", "name", TRUE, TRUE, &name, error)
      || !get_int (root, "", "year", TRUE, &year, error))
    return NULL;
  if (year < 1921 || year > 2200)
    {
      fail (error, VALUE (RH_FIELD_YEAR), _("%s: must be a year between %d and %d"), "year",
            1921, 2200);
      return NULL;
    }

  t = rh_template_new (name, (int) year);
  if (!get_word (root, "", "formula", TRUE, NULL, formula_names, G_N_ELEMENTS (formula_names),
                 RH_FIELD_KIND, _("%s: unknown formula “%s” (weighted or coefficient)"),
                 &formula, error)
      || !get_number (root, "", "party_weight", TRUE, &t->party_weight, error)
      || !get_number (root, "", "review_weight", TRUE, &t->review_weight, error)
      || !get_number (root, "", "business_weight", TRUE, &t->business_weight, error)
      || !get_number (root, "", "bonus_cap", FALSE, &t->bonus_cap, error)
      || !read_grades (root, t, error)
      || !get_number (root, "", "star_share", TRUE, &t->star_share, error)
      || !read_star_cutoffs (root, t, error)
      || !read_quota (root, t, error)
      || !read_categories (root, t, error))
    return NULL;
  t->formula = formula == 1 ? RH_FORMULA_COEFFICIENT : RH_FORMULA_WEIGHTED;

  if (!rh_template_validate (t, error))
    return NULL;
  return g_steal_pointer (&t);
}
