/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "rh-config.h"

#include <glib/gi18n-lib.h>
#include <string.h>
#include "rh-backup.h"
#include "rh-csv.h"
#include "rh-date.h"
#include "rh-import.h"
#include "rh-member.h"
#include "rh-org.h"
#include "rh-sql.h"
#include "rh-xlsx-reader.h"

G_DEFINE_QUARK (rh-import-error-quark, rh_import_error)

#define SETTING_KEY "import_mapping"
/* The header row is looked for among the first rows (a title row often comes first). */
#define HEADER_SEARCH_ROWS 20

static const struct {
  const char *key;
  const char *label;
  RhField     field;        /* the validation field it fills */
  const char *headers;      /* known headers, '|'-separated, compared after normalising */
} FIELDS[RH_IMPORT_N_FIELDS] = {
  [RH_IMPORT_NAME] = { "name", N_("Name"), RH_FIELD_NAME,
                       "姓名|名字|党员姓名|name|fullname" },
  [RH_IMPORT_GENDER] = { "gender", N_("Gender"), RH_FIELD_GENDER, "性别|gender|sex" },
  [RH_IMPORT_ETHNICITY] = { "ethnicity", N_("Ethnicity"), RH_FIELD_ETHNICITY,
                            "民族|ethnicity|ethnicgroup|nation" },
  [RH_IMPORT_BIRTH_DATE] = { "birth_date", N_("Birth date"), RH_FIELD_BIRTH_DATE,
                             "出生日期|出生年月日|出生年月|生日|birthdate|dateofbirth|birthday|dob" },
  [RH_IMPORT_ID_NUMBER] = { "id_number", N_("ID number"), RH_FIELD_ID_NUMBER,
                            "身份证号|身份证号码|公民身份号码|公民身份证号|身份证|idnumber|idcard"
                            "|idcardnumber|idno" },
  [RH_IMPORT_EDUCATION] = { "education", N_("Education"), RH_FIELD_EDUCATION,
                            "学历|文化程度|最高学历|education" },
  [RH_IMPORT_BRANCH] = { "branch", N_("Branch"), RH_FIELD_BRANCH,
                         "所在支部|所在党支部|支部|党支部|支部名称|所属支部|所属党支部|branch"
                         "|partybranch" },
  [RH_IMPORT_GROUP] = { "group", N_("Party group"), RH_FIELD_GROUP,
                        "党小组|所在党小组|所属党小组|partygroup|group" },
  [RH_IMPORT_STATUS] = { "status", N_("Status"), RH_FIELD_STATUS,
                         "人员类别|党员状态|党员类别|人员类型|党员类型|类别|状态|政治面貌|status"
                         "|category" },
  [RH_IMPORT_APPLIED_DATE] = { "applied_date", N_("Application date"), RH_FIELD_APPLIED_DATE,
                               "申请入党时间|申请入党日期|递交入党申请书时间|入党申请时间"
                               "|applicationdate|applied" },
  [RH_IMPORT_ACTIVIST_DATE] = { "activist_date", N_("Activist since"), RH_FIELD_ACTIVIST_DATE,
                                "列为积极分子时间|确定积极分子时间|列为入党积极分子时间"
                                "|确定为入党积极分子时间|activistdate|activistsince" },
  [RH_IMPORT_CANDIDATE_DATE] = { "candidate_date", N_("Candidate since"),
                                 RH_FIELD_CANDIDATE_DATE,
                                 "列为发展对象时间|确定发展对象时间|确定为发展对象时间"
                                 "|candidatedate|candidatesince" },
  [RH_IMPORT_ADMITTED_DATE] = { "admitted_date", N_("Joined the party"), RH_FIELD_ADMITTED_DATE,
                                "入党时间|入党日期|入党年月|加入党组织日期|加入中国共产党时间"
                                "|joined|joindate|joinedparty|admitted|admissiondate" },
  [RH_IMPORT_FULL_DATE] = { "full_date", N_("Full member since"), RH_FIELD_FULL_DATE,
                            "转正时间|转正日期|转正年月|fullmemberdate|fullmembersince|fulldate" },
  [RH_IMPORT_POST] = { "post", N_("Post"), RH_FIELD_POST,
                       "工作岗位|岗位|职务|工作单位及职务|现任职务|post|position|job|jobtitle" },
  [RH_IMPORT_PHONE] = { "phone", N_("Phone"), RH_FIELD_PHONE,
                        "联系电话|电话|手机|手机号|手机号码|联系方式|phone|mobile|telephone|tel" },
  [RH_IMPORT_NOTE] = { "note", N_("Note"), RH_FIELD_NONE, "备注|说明|note|notes|remarks|comment" },
};

const char *
rh_import_field_key (RhImportField field)
{
  g_return_val_if_fail (field < RH_IMPORT_N_FIELDS, NULL);
  return FIELDS[field].key;
}

const char *
rh_import_field_label (RhImportField field)
{
  g_return_val_if_fail (field < RH_IMPORT_N_FIELDS, NULL);
  return _(FIELDS[field].label);
}

/* Lower case, without spaces (also U+3000), asterisks marking required columns, colons and
 * bracketed hints such as “(必填)” or “（YYYY-MM-DD）”. */
static char *
normalise_header (const char *header)
{
  GString *out = g_string_new (NULL);
  int depth = 0;

  if (!g_utf8_validate (header, -1, NULL))
    return g_string_free (out, FALSE);
  for (const char *p = header; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_unichar_tolower (g_utf8_get_char (p));

      if (c == '(' || c == 0xFF08 || c == '[' || c == 0x3010)
        depth++;
      else if (c == ')' || c == 0xFF09 || c == ']' || c == 0x3011)
        depth = MAX (depth - 1, 0);
      else if (depth == 0 && !g_unichar_isspace (c) && c != 0x3000 && c != '*' && c != ':'
               && c != 0xFF1A && c != '_' && c != '-' && c != '.')
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

int
rh_import_match_header (const char *header)
{
  g_autofree char *norm = NULL;

  if (header == NULL || *header == '\0')
    return -1;
  norm = normalise_header (header);
  if (*norm == '\0')
    return -1;
  for (int f = 0; f < RH_IMPORT_N_FIELDS; f++)
    {
      g_auto (GStrv) names = g_strsplit (FIELDS[f].headers, "|", -1);

      for (guint i = 0; names[i] != NULL; i++)
        if (strcmp (norm, names[i]) == 0)
          return f;
    }
  return -1;
}

void
rh_import_mapping_clear (RhImportMapping *mapping)
{
  mapping->header_row = 0;
  for (int f = 0; f < RH_IMPORT_N_FIELDS; f++)
    mapping->columns[f] = -1;
}

void
rh_import_mapping_detect (const RhSheet *sheet, RhImportMapping *mapping)
{
  guint best_row = 0, best_score = 0;

  rh_import_mapping_clear (mapping);
  for (guint r = 0; r < HEADER_SEARCH_ROWS && r < rh_sheet_n_rows (sheet); r++)
    {
      guint score = 0, seen = 0;

      for (guint c = 0; c < rh_sheet_n_columns (sheet, r); c++)
        {
          int f = rh_import_match_header (rh_sheet_cell (sheet, r, c));

          if (f >= 0 && !(seen & (1u << f)))
            {
              seen |= 1u << f;
              score++;
            }
        }
      if (score > best_score)
        {
          best_score = score;
          best_row = r;
        }
    }
  mapping->header_row = (int) best_row;
  if (best_score > 0)
    rh_import_mapping_detect_row (sheet, best_row, mapping);
}

void
rh_import_mapping_detect_row (const RhSheet *sheet, guint row, RhImportMapping *mapping)
{
  rh_import_mapping_clear (mapping);
  mapping->header_row = (int) row;
  for (guint c = 0; c < rh_sheet_n_columns (sheet, row); c++)
    {
      int f = rh_import_match_header (rh_sheet_cell (sheet, row, c));

      /* The first column of a field wins (a second 备注 stays unmapped). */
      if (f >= 0 && mapping->columns[f] < 0)
        mapping->columns[f] = (int) c;
    }
}

char *
rh_import_mapping_to_string (const RhSheet *sheet, const RhImportMapping *mapping)
{
  GString *out = g_string_new (NULL);

  for (int f = 0; f < RH_IMPORT_N_FIELDS; f++)
    {
      const char *header;

      if (mapping->columns[f] < 0)
        continue;
      header = rh_sheet_cell (sheet, (guint) mapping->header_row, (guint) mapping->columns[f]);
      if (*header == '\0' || strchr (header, '\n') != NULL || strchr (header, '\t') != NULL)
        continue;
      g_string_append_printf (out, "%s\t%s\n", FIELDS[f].key, header);
    }
  return g_string_free (out, FALSE);
}

guint
rh_import_mapping_apply (const RhSheet *sheet, RhImportMapping *mapping, const char *saved)
{
  g_auto (GStrv) lines = NULL;
  guint applied = 0;
  guint row = (guint) mapping->header_row;

  if (saved == NULL)
    return 0;
  lines = g_strsplit (saved, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *tab = strchr (lines[i], '\t');

      if (tab == NULL)
        continue;
      *tab = '\0';
      for (int f = 0; f < RH_IMPORT_N_FIELDS; f++)
        {
          if (strcmp (lines[i], FIELDS[f].key) != 0)
            continue;
          for (guint c = 0; c < rh_sheet_n_columns (sheet, row); c++)
            if (strcmp (rh_sheet_cell (sheet, row, c), tab + 1) == 0)
              {
                /* A column holds one field: the saved choice replaces a detected one. */
                for (int g = 0; g < RH_IMPORT_N_FIELDS; g++)
                  if (mapping->columns[g] == (int) c)
                    mapping->columns[g] = -1;
                mapping->columns[f] = (int) c;
                applied++;
                break;
              }
        }
    }
  return applied;
}

gboolean
rh_import_mapping_save (RhDatabase *db, const RhSheet *sheet, const RhImportMapping *mapping,
                        GError **error)
{
  g_autofree char *text = rh_import_mapping_to_string (sheet, mapping);
  sqlite3_stmt *stmt = rh_database_prepare (db, "INSERT INTO setting (key, value) VALUES (?1, ?2)"
                                                " ON CONFLICT (key) DO UPDATE SET value = ?2",
                                            error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, SETTING_KEY, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, text, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      rh_database_set_error (db, error);
      sqlite3_reset (stmt);
      return FALSE;
    }
  sqlite3_reset (stmt);
  return TRUE;
}

char *
rh_import_mapping_load (RhDatabase *db)
{
  sqlite3_stmt *stmt = rh_database_prepare (db, "SELECT value FROM setting WHERE key = ?1", NULL);
  char *value = NULL;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, SETTING_KEY, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = rh_sql_dup (stmt, 0);
  sqlite3_reset (stmt);
  return value;
}

/* Values */

static char *
squeeze (const char *text)
{
  g_autofree char *norm = NULL;

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return g_strdup ("");
  norm = g_utf8_strdown (text, -1);
  {
    GString *out = g_string_new (NULL);

    for (const char *p = norm; *p; p = g_utf8_next_char (p))
      {
        gunichar c = g_utf8_get_char (p);

        if (!g_unichar_isspace (c) && c != 0x3000)
          g_string_append_unichar (out, c);
      }
    return g_string_free (out, FALSE);
  }
}

static int
match_words (const char *text, const char *const *words, const int *values, guint n)
{
  g_autofree char *s = squeeze (text);

  for (guint i = 0; i < n; i++)
    if (strcmp (s, words[i]) == 0)
      return values[i];
  return -1;
}

int
rh_import_parse_status (const char *text)
{
  static const char *const words[] = {
    "正式党员", "中共党员", "党员", "正式", "full", "fullmember", "member",
    "预备党员", "中共预备党员", "预备", "probationary", "probationarymember", "probation",
    "发展对象", "candidate",
    "入党积极分子", "积极分子", "activist",
    "入党申请人", "申请人", "申请入党", "applicant",
  };
  static const int values[] = {
    RH_STATUS_FULL, RH_STATUS_FULL, RH_STATUS_FULL, RH_STATUS_FULL, RH_STATUS_FULL,
    RH_STATUS_FULL, RH_STATUS_FULL,
    RH_STATUS_PROBATIONARY, RH_STATUS_PROBATIONARY, RH_STATUS_PROBATIONARY,
    RH_STATUS_PROBATIONARY, RH_STATUS_PROBATIONARY, RH_STATUS_PROBATIONARY,
    RH_STATUS_CANDIDATE, RH_STATUS_CANDIDATE,
    RH_STATUS_ACTIVIST, RH_STATUS_ACTIVIST, RH_STATUS_ACTIVIST,
    RH_STATUS_APPLICANT, RH_STATUS_APPLICANT, RH_STATUS_APPLICANT, RH_STATUS_APPLICANT,
  };
  int v = match_words (text, words, values, G_N_ELEMENTS (words));

  G_STATIC_ASSERT (G_N_ELEMENTS (words) == G_N_ELEMENTS (values));
  if (v >= 0)
    return v;
  /* The labels of the interface's language too. */
  for (int s = 0; s < RH_N_STATUSES; s++)
    {
      g_autofree char *label = squeeze (rh_status_label (s));
      g_autofree char *mine = squeeze (text);

      if (strcmp (label, mine) == 0)
        return s;
    }
  return -1;
}

int
rh_import_parse_gender (const char *text)
{
  static const char *const words[] = { "男", "男性", "male", "m", "man",
                                       "女", "女性", "female", "f", "woman" };
  static const int values[] = { RH_GENDER_MALE, RH_GENDER_MALE, RH_GENDER_MALE, RH_GENDER_MALE,
                                RH_GENDER_MALE, RH_GENDER_FEMALE, RH_GENDER_FEMALE,
                                RH_GENDER_FEMALE, RH_GENDER_FEMALE, RH_GENDER_FEMALE };

  G_STATIC_ASSERT (G_N_ELEMENTS (words) == G_N_ELEMENTS (values));
  return match_words (text, words, values, G_N_ELEMENTS (words));
}

/* Files */

static gboolean
is_xlsx (const char *path)
{
  g_autofree char *lower = g_ascii_strdown (path, -1);

  return g_str_has_suffix (lower, ".xlsx") || g_str_has_suffix (lower, ".xlsm");
}

static gboolean
is_csv (const char *path)
{
  g_autofree char *lower = g_ascii_strdown (path, -1);

  return g_str_has_suffix (lower, ".csv") || g_str_has_suffix (lower, ".txt")
         || g_str_has_suffix (lower, ".tsv");
}

GStrv
rh_import_sheet_names (const char *path, GError **error)
{
  g_autoptr (RhXlsxReader) xlsx = NULL;
  GStrvBuilder *builder;
  GStrv names;

  if (!is_xlsx (path))
    return NULL;
  xlsx = rh_xlsx_reader_open_file (path, error);
  if (xlsx == NULL)
    return NULL;
  builder = g_strv_builder_new ();
  for (guint i = 0; i < rh_xlsx_reader_n_sheets (xlsx); i++)
    g_strv_builder_add (builder, rh_xlsx_reader_sheet_name (xlsx, i));
  names = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);
  return names;
}

RhSheet *
rh_import_read_file (const char *path, const char *sheet_name, GError **error)
{
  if (is_xlsx (path))
    {
      g_autoptr (RhXlsxReader) xlsx = rh_xlsx_reader_open_file (path, error);
      int index = 0;

      if (xlsx == NULL)
        return NULL;
      if (sheet_name != NULL && (index = rh_xlsx_reader_find_sheet (xlsx, sheet_name)) < 0)
        {
          g_set_error (error, RH_IMPORT_ERROR, RH_IMPORT_ERROR_NO_SHEET,
                       _("The workbook has no sheet named “%s”"), sheet_name);
          return NULL;
        }
      return rh_xlsx_reader_read_sheet (xlsx, (guint) index, error);
    }
  if (is_csv (path))
    return rh_csv_read_file (path, error);
  g_set_error (error, RH_IMPORT_ERROR, RH_IMPORT_ERROR_FORMAT,
               _("“%s” is neither an Excel workbook (.xlsx) nor a CSV file (.csv)"), path);
  return NULL;
}

/* The plan */

typedef enum { ROW_EMPTY, ROW_NEW, ROW_UPDATE, ROW_INVALID } RowKind;

typedef struct {
  char *branch;
  char *group;   /* NULL for a branch */
} MissingOrg;

static void
missing_org_clear (gpointer data)
{
  MissingOrg *org = data;

  g_free (org->branch);
  g_free (org->group);
}

typedef struct {
  guint     row;            /* 1-based in the file */
  RowKind   kind;
  RhMember *member;         /* NULL when invalid or empty */
  int       missing;        /* index into missing, or -1 */
  gboolean  new_branch;     /* member->org_id is -1 until the branch is created */
  gboolean  new_group;      /* member->group_id is -1 until the group is created */
} PlanRow;

struct _RhImportPlan
{
  RhSheet        *sheet;
  RhImportMapping mapping;
  GArray         *rows;        /* PlanRow */
  GPtrArray      *problems;    /* RhImportProblem: problems in the rows' values */
  GPtrArray      *pending;     /* RhImportProblem: rows waiting for an organisation */
  GPtrArray      *all_problems;
  GPtrArray      *missing;     /* "Branch" or "Branch / Group" */
  GArray         *missing_orgs;    /* MissingOrg, in the same order */
  gboolean        create;
  guint           n_new, n_updated, n_invalid, n_rows;
  guint           n_missing_new, n_missing_updated;
};

static void
problem_free (gpointer data)
{
  RhImportProblem *p = data;

  if (p == NULL)
    return;
  g_free (p->column_name);
  g_free (p->message);
  g_free (p);
}

static void
plan_row_clear (gpointer data)
{
  g_clear_object (&((PlanRow *) data)->member);
}

void
rh_import_plan_free (RhImportPlan *plan)
{
  if (plan == NULL)
    return;
  g_array_unref (plan->rows);
  g_ptr_array_unref (plan->problems);
  g_clear_pointer (&plan->all_problems, g_ptr_array_unref);
  g_clear_pointer (&plan->pending, g_ptr_array_unref);
  g_ptr_array_unref (plan->missing);
  g_array_unref (plan->missing_orgs);
  g_free (plan);
}

/* The column's header, or its letter when the header is empty, or the field's name. */
static char *
column_name (RhImportPlan *plan, int column, RhImportField field)
{
  const char *header;

  if (column < 0)
    return g_strdup (rh_import_field_label (field));
  header = rh_sheet_cell (plan->sheet, (guint) plan->mapping.header_row, (guint) column);
  if (*header != '\0')
    return g_strdup (header);
  return rh_sheet_column_name ((guint) column);
}

static void
add_problem (GPtrArray *problems, RhImportPlan *plan, guint row, RhImportField field,
             char *message)
{
  RhImportProblem *p = g_new0 (RhImportProblem, 1);

  p->row = row;
  p->column = (int) field < RH_IMPORT_N_FIELDS ? plan->mapping.columns[field] : -1;
  p->column_name = column_name (plan, p->column, field);
  p->message = message;
  g_ptr_array_add (problems, p);
}

/* The import field that fills a validation field, or the ID number for the birth date and
 * gender derived from it when those have no column. */
static RhImportField
field_for (RhImportPlan *plan, RhField field)
{
  for (int f = 0; f < RH_IMPORT_N_FIELDS; f++)
    if (FIELDS[f].field == field && field != RH_FIELD_NONE)
      {
        if (plan->mapping.columns[f] < 0
            && (f == RH_IMPORT_BIRTH_DATE || f == RH_IMPORT_GENDER))
          return RH_IMPORT_ID_NUMBER;
        return (RhImportField) f;
      }
  return RH_IMPORT_N_FIELDS;
}

typedef struct {
  RhDatabase *db;
  GHashTable *branches;      /* name → gint64 id, or -1 when several share the name */
  GHashTable *groups;        /* "branch id/name" → gint64 id */
  GHashTable *existing;      /* id number → gint64 member id */
  GHashTable *seen;          /* id number → row (in this file) */
  GHashTable *missing_index; /* "Branch" or "Branch / Group" → index + 1 */
  gint64      default_branch;
  char       *default_branch_name;
  GDate       today;
} Context;

static gint64 *
new_id (gint64 id)
{
  return g_memdup2 (&id, sizeof id);
}

static gboolean
load_context (Context *cx, GError **error)
{
  sqlite3_stmt *stmt;

  cx->branches = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  cx->groups = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  cx->existing = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  cx->seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  cx->missing_index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  stmt = rh_database_prepare (cx->db, "SELECT id, kind, name, parent_id FROM organisation"
                                      " WHERE archived_date IS NULL"
                                      " AND kind IN ('branch', 'group')", error);
  if (stmt == NULL)
    return FALSE;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      const char *name = rh_sql_text (stmt, 2);

      if (g_strcmp0 (rh_sql_text (stmt, 1), "branch") == 0)
        {
          gint64 *old = g_hash_table_lookup (cx->branches, name);

          if (old != NULL)
            *old = -1;
          else
            g_hash_table_insert (cx->branches, g_strdup (name), new_id (id));
          if (id == cx->default_branch)
            cx->default_branch_name = g_strdup (name);
        }
      else
        g_hash_table_insert (cx->groups,
                             g_strdup_printf ("%" G_GINT64_FORMAT "/%s",
                                              (gint64) sqlite3_column_int64 (stmt, 3), name),
                             new_id (id));
    }
  sqlite3_reset (stmt);

  stmt = rh_database_prepare (cx->db, "SELECT id_number, id FROM member"
                                      " WHERE id_number IS NOT NULL", error);
  if (stmt == NULL)
    return FALSE;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_hash_table_insert (cx->existing, rh_sql_dup (stmt, 0),
                         new_id (sqlite3_column_int64 (stmt, 1)));
  sqlite3_reset (stmt);

  if (cx->default_branch != 0 && cx->default_branch_name == NULL)
    {
      g_set_error (error, RH_IMPORT_ERROR, RH_IMPORT_ERROR_BRANCH,
                   _("Organisation %lld is not an active branch (党支部)"),
                   (long long) cx->default_branch);
      return FALSE;
    }
  rh_date_today (&cx->today);
  return TRUE;
}

static void
context_clear (Context *cx)
{
  g_clear_pointer (&cx->branches, g_hash_table_unref);
  g_clear_pointer (&cx->groups, g_hash_table_unref);
  g_clear_pointer (&cx->existing, g_hash_table_unref);
  g_clear_pointer (&cx->seen, g_hash_table_unref);
  g_clear_pointer (&cx->missing_index, g_hash_table_unref);
  g_free (cx->default_branch_name);
}

static const char *
value (RhImportPlan *plan, guint r, RhImportField field)
{
  int c = plan->mapping.columns[field];

  return c < 0 ? "" : rh_sheet_cell (plan->sheet, r, (guint) c);
}

/* Whether a cell holds anything but white space (what text_of would keep). */
static gboolean
has_text (RhImportPlan *plan, guint r, RhImportField field)
{
  const char *v = value (plan, r, field);

  for (; *v; v++)
    if (!g_ascii_isspace (*v))
      return g_utf8_validate (value (plan, r, field), -1, NULL);
  return FALSE;
}

/* A trimmed copy, or NULL for an empty cell. */
static char *
text_of (RhImportPlan *plan, guint r, RhImportField field)
{
  const char *v = value (plan, r, field);
  char *s;

  if (*v == '\0' || !g_utf8_validate (v, -1, NULL))
    return NULL;
  s = g_strstrip (g_strdup (v));
  if (*s == '\0')
    g_clear_pointer (&s, g_free);
  return s;
}

static void
set_text (char **slot, char *text)
{
  if (text != NULL)
    {
      g_free (*slot);
      *slot = text;
    }
}

/* Sets a date field from its cell; a cell that is not a date is a problem of that field. */
static void
set_date_field (RhImportPlan *plan, GPtrArray *problems, guint r, RhImportField field,
                char **slot, guint *bad_fields)
{
  g_autofree char *text = text_of (plan, r, field);
  GDate date;

  if (text == NULL)
    return;
  if (!rh_import_parse_date (text, &date))
    {
      add_problem (problems, plan, r + 1, field,
                   g_strdup_printf (_("“%s” is not a date (write it as 2020-01-05)"), text));
      *bad_fields |= 1u << FIELDS[field].field;
      return;
    }
  g_free (*slot);
  *slot = rh_date_format (&date);
}

/* Registers an organisation to create (a branch, or a group when group is not NULL). */
static int
missing_org (RhImportPlan *plan, Context *cx, const char *branch, const char *group)
{
  g_autofree char *label = group != NULL ? g_strdup_printf ("%s / %s", branch, group)
                                         : g_strdup (branch);
  gpointer index = g_hash_table_lookup (cx->missing_index, label);
  MissingOrg org;

  if (index != NULL)
    return GPOINTER_TO_INT (index) - 1;
  org.branch = g_strdup (branch);
  org.group = g_strdup (group);
  g_ptr_array_add (plan->missing, g_strdup (label));
  g_array_append_val (plan->missing_orgs, org);
  g_hash_table_insert (cx->missing_index, g_steal_pointer (&label),
                       GINT_TO_POINTER (plan->missing->len));
  return (int) plan->missing->len - 1;
}

static void
prepare_row (RhImportPlan *plan, Context *cx, guint r)
{
  g_autoptr (RhMember) m = NULL;
  g_autoptr (GPtrArray) problems = g_ptr_array_new_with_free_func (problem_free);
  g_autofree char *id_number = NULL;
  g_autofree char *gender_text = NULL;
  g_autofree char *status_text = NULL;
  g_autofree char *branch_name = NULL;
  g_autofree char *group_name = NULL;
  PlanRow row = { r + 1, ROW_NEW, NULL, -1, FALSE, FALSE };
  guint bad_fields = 0;
  gboolean any = FALSE, missing_branch = FALSE, missing_group = FALSE;
  gint64 *existing = NULL;

  for (int f = 0; f < RH_IMPORT_N_FIELDS && !any; f++)
    any = has_text (plan, r, (RhImportField) f);
  if (!any)
    return;  /* an empty row, or one with data only in columns not imported */
  plan->n_rows++;

  id_number = text_of (plan, r, RH_IMPORT_ID_NUMBER);
  if (id_number != NULL)
    {
      GString *s = g_string_new (NULL);

      /* Spaces inside and a lower-case x are typing habits, not errors. */
      for (const char *p = id_number; *p; p++)
        if (*p != ' ')
          g_string_append_c (s, g_ascii_toupper (*p));
      g_free (id_number);
      id_number = g_string_free (s, FALSE);
      existing = g_hash_table_lookup (cx->existing, id_number);
      /* Excel keeps 15 significant digits of a number: an ID typed into a number cell
       * shows as 1.10105E+17 and its last digits are gone for good. */
      if (strchr (id_number, 'E') != NULL
          || (strlen (id_number) == 18 && g_str_has_suffix (id_number, "000")
              && g_ascii_strtod (id_number, NULL) >= 1e17
              && rh_validate_id_number (id_number, NULL, NULL, NULL) == FALSE))
        {
          add_problem (problems, plan, r + 1, RH_IMPORT_ID_NUMBER,
                       g_strdup_printf (_("“%s” was stored as a number, which keeps only 15 "
                                          "digits; format the column as text and type the ID "
                                          "numbers again"),
                                        id_number));
          bad_fields |= 1u << RH_FIELD_ID_NUMBER;
        }
    }

  if (existing != NULL)
    {
      m = rh_member_load (cx->db, *existing, NULL);
      if (m != NULL)
        row.kind = ROW_UPDATE;
    }
  if (m == NULL)
    m = rh_member_new ();
  set_text (&m->id_number, g_steal_pointer (&id_number));
  set_text (&m->name, text_of (plan, r, RH_IMPORT_NAME));
  set_text (&m->ethnicity, text_of (plan, r, RH_IMPORT_ETHNICITY));
  set_text (&m->education, text_of (plan, r, RH_IMPORT_EDUCATION));
  set_text (&m->post, text_of (plan, r, RH_IMPORT_POST));
  set_text (&m->phone, text_of (plan, r, RH_IMPORT_PHONE));
  set_text (&m->note, text_of (plan, r, RH_IMPORT_NOTE));
  set_date_field (plan, problems, r, RH_IMPORT_BIRTH_DATE, &m->birth_date, &bad_fields);
  set_date_field (plan, problems, r, RH_IMPORT_APPLIED_DATE, &m->applied_date, &bad_fields);
  set_date_field (plan, problems, r, RH_IMPORT_ACTIVIST_DATE, &m->activist_date, &bad_fields);
  set_date_field (plan, problems, r, RH_IMPORT_CANDIDATE_DATE, &m->candidate_date, &bad_fields);
  set_date_field (plan, problems, r, RH_IMPORT_ADMITTED_DATE, &m->admitted_date, &bad_fields);
  set_date_field (plan, problems, r, RH_IMPORT_FULL_DATE, &m->full_date, &bad_fields);

  /* Gender: the cell, else the ID number's (its 17th digit). */
  gender_text = text_of (plan, r, RH_IMPORT_GENDER);
  if (gender_text != NULL)
    {
      int g = rh_import_parse_gender (gender_text);

      if (g < 0)
        {
          add_problem (problems, plan, r + 1, RH_IMPORT_GENDER,
                       g_strdup_printf (_("“%s” is not a gender (write 男 or 女)"), gender_text));
          bad_fields |= 1u << RH_FIELD_GENDER;
        }
      else
        m->gender = (RhGender) g;
    }
  else if (row.kind == ROW_NEW)
    {
      RhGender g;

      if (m->id_number != NULL && rh_validate_id_number (m->id_number, NULL, &g, NULL))
        m->gender = g;
    }

  /* Status: the cell, else the furthest step of the pipeline with a date. */
  status_text = text_of (plan, r, RH_IMPORT_STATUS);
  if (status_text != NULL)
    {
      int s = rh_import_parse_status (status_text);

      if (s < 0)
        {
          add_problem (problems, plan, r + 1, RH_IMPORT_STATUS,
                       g_strdup_printf (_("“%s” is not a status (write 正式党员, 预备党员, 发展对象, "
                                          "入党积极分子 or 入党申请人)"), status_text));
          bad_fields |= 1u << RH_FIELD_STATUS;
        }
      else
        m->status = (RhMemberStatus) s;
    }
  else if (row.kind == ROW_NEW)
    m->status = m->full_date ? RH_STATUS_FULL
                : m->admitted_date ? RH_STATUS_PROBATIONARY
                : m->candidate_date ? RH_STATUS_CANDIDATE
                : m->activist_date ? RH_STATUS_ACTIVIST
                : m->applied_date ? RH_STATUS_APPLICANT : RH_STATUS_FULL;

  /* Branch and party group, by name. */
  branch_name = text_of (plan, r, RH_IMPORT_BRANCH);
  group_name = text_of (plan, r, RH_IMPORT_GROUP);
  if (branch_name != NULL)
    {
      gint64 *id = g_hash_table_lookup (cx->branches, branch_name);

      if (id != NULL && *id < 0)
        {
          add_problem (problems, plan, r + 1, RH_IMPORT_BRANCH,
                       g_strdup_printf (_("Several branches are named “%s”; rename one of them "
                                          "first"), branch_name));
          bad_fields |= 1u << RH_FIELD_BRANCH;
        }
      else if (id != NULL)
        m->org_id = *id;
      else
        {
          missing_branch = TRUE;
          m->org_id = -1;  /* created at commit; valid meanwhile */
        }
    }
  else if (row.kind == ROW_NEW || plan->mapping.columns[RH_IMPORT_BRANCH] < 0)
    {
      if (cx->default_branch != 0)
        {
          m->org_id = row.kind == ROW_NEW ? cx->default_branch : m->org_id;
          branch_name = g_strdup (row.kind == ROW_NEW ? cx->default_branch_name : m->branch_name);
        }
      else if (row.kind == ROW_NEW)
        {
          add_problem (problems, plan, r + 1, RH_IMPORT_BRANCH,
                       g_strdup (_("No branch: fill in the branch column, or choose a branch "
                                   "for rows without one")));
          bad_fields |= 1u << RH_FIELD_BRANCH;
        }
    }
  else
    branch_name = g_strdup (m->branch_name);

  g_clear_pointer (&m->group_name, g_free);
  if (group_name != NULL && branch_name != NULL)
    {
      g_autofree char *key = g_strdup_printf ("%" G_GINT64_FORMAT "/%s", m->org_id, group_name);
      gint64 *id = m->org_id > 0 ? g_hash_table_lookup (cx->groups, key) : NULL;

      if (id != NULL)
        m->group_id = *id;
      else
        {
          missing_group = TRUE;
          m->group_id = -1;
          m->group_name = g_strdup (group_name);
        }
    }

  /* A moved member leaves the old branch's party group. */
  if (row.kind == ROW_UPDATE && branch_name != NULL && group_name == NULL
      && g_strcmp0 (branch_name, m->branch_name) != 0)
    m->group_id = 0;
  g_free (m->branch_name);
  m->branch_name = g_strdup (branch_name);

  /* The member rules, with a stand-in branch while it is still to be created. */
  {
    gint64 org = m->org_id, group = m->group_id;
    g_autoptr (GPtrArray) errors = NULL;

    if (m->org_id < 0)
      m->org_id = G_MAXINT64;
    if (m->group_id < 0)
      m->group_id = 0;
    /* As rh_member_insert does before its checks: the member is checked, and later written,
     * exactly as it will be stored. */
    rh_member_normalise (m);
    errors = rh_member_errors (m, &cx->today);
    m->org_id = org;
    m->group_id = group;
    for (guint i = 0; i < errors->len; i++)
      {
        GError *e = errors->pdata[i];

        if (e->code < 32 && (bad_fields & (1u << e->code)))
          continue;  /* already said, in the words of the cell */
        if (e->code == RH_FIELD_BRANCH && (bad_fields & (1u << RH_FIELD_BRANCH)))
          continue;
        add_problem (problems, plan, r + 1, field_for (plan, (RhField) e->code),
                     g_strdup (e->message));
      }
  }

  /* The same person twice in one file: the first row counts, later ones are refused. */
  if (m->id_number != NULL && problems->len == 0)
    {
      gpointer first = g_hash_table_lookup (cx->seen, m->id_number);

      if (first != NULL)
        add_problem (problems, plan, r + 1, RH_IMPORT_ID_NUMBER,
                     g_strdup_printf (_("%s: the same ID number is already in row %u"),
                                      rh_field_label (RH_FIELD_ID_NUMBER),
                                      GPOINTER_TO_UINT (first)));
      else
        g_hash_table_insert (cx->seen, g_strdup (m->id_number), GUINT_TO_POINTER (r + 1));
    }

  if (problems->len > 0)
    {
      row.kind = ROW_INVALID;
      row.missing = -1;
      plan->n_invalid++;
      for (guint i = 0; i < problems->len; i++)
        g_ptr_array_add (plan->problems, g_steal_pointer (&problems->pdata[i]));
      g_ptr_array_set_size (problems, 0);
    }
  else
    {
      /* Only valid rows ask for organisations; a group is created after its branch, so the
       * row waits for the group alone. */
      if (missing_branch)
        row.missing = missing_org (plan, cx, branch_name, NULL);
      if (missing_group)
        row.missing = missing_org (plan, cx, branch_name, m->group_name);
      row.member = g_steal_pointer (&m);
      row.new_branch = missing_branch;
      row.new_group = missing_group;
      if (row.missing >= 0)
        {
          if (row.kind == ROW_NEW)
            plan->n_missing_new++;
          else
            plan->n_missing_updated++;
        }
      else if (row.kind == ROW_NEW)
        plan->n_new++;
      else
        plan->n_updated++;
    }
  g_array_append_val (plan->rows, row);
}

RhImportPlan *
rh_import_prepare (RhDatabase *db, RhSheet *sheet, const RhImportMapping *mapping,
                   gint64 default_branch, GError **error)
{
  g_autoptr (RhImportPlan) plan = g_new0 (RhImportPlan, 1);
  Context cx = { db, .default_branch = default_branch };

  plan->sheet = sheet;
  plan->mapping = *mapping;
  plan->rows = g_array_new (FALSE, TRUE, sizeof (PlanRow));
  g_array_set_clear_func (plan->rows, plan_row_clear);
  plan->problems = g_ptr_array_new_with_free_func (problem_free);
  plan->missing = g_ptr_array_new_with_free_func (g_free);
  plan->missing_orgs = g_array_new (FALSE, TRUE, sizeof (MissingOrg));
  g_array_set_clear_func (plan->missing_orgs, missing_org_clear);

  if (mapping->columns[RH_IMPORT_NAME] < 0)
    {
      g_set_error (error, RH_IMPORT_ERROR, RH_IMPORT_ERROR_MAPPING,
                   _("No column is chosen for the name (姓名); map one before importing"));
      return NULL;
    }
  if (!load_context (&cx, error))
    {
      context_clear (&cx);
      return NULL;
    }
  for (guint r = (guint) mapping->header_row + 1; r < rh_sheet_n_rows (sheet); r++)
    prepare_row (plan, &cx, r);
  context_clear (&cx);
  return g_steal_pointer (&plan);
}

void
rh_import_plan_set_create_branches (RhImportPlan *plan, gboolean create)
{
  plan->create = create;
  g_clear_pointer (&plan->all_problems, g_ptr_array_unref);
  g_clear_pointer (&plan->pending, g_ptr_array_unref);
}

guint
rh_import_plan_n_new (RhImportPlan *plan)
{
  return plan->n_new + (plan->create ? plan->n_missing_new : 0);
}

guint
rh_import_plan_n_updated (RhImportPlan *plan)
{
  return plan->n_updated + (plan->create ? plan->n_missing_updated : 0);
}

guint
rh_import_plan_n_invalid (RhImportPlan *plan)
{
  return plan->n_invalid + (plan->create ? 0 : plan->n_missing_new + plan->n_missing_updated);
}

guint
rh_import_plan_n_rows (RhImportPlan *plan)
{
  return plan->n_rows;
}

GPtrArray *
rh_import_plan_missing (RhImportPlan *plan)
{
  return plan->missing;
}

static int
compare_problems (gconstpointer a, gconstpointer b)
{
  const RhImportProblem *p = *(RhImportProblem *const *) a;
  const RhImportProblem *q = *(RhImportProblem *const *) b;

  if (p->row != q->row)
    return p->row < q->row ? -1 : 1;
  return (p->column > q->column) - (p->column < q->column);
}

GPtrArray *
rh_import_plan_problems (RhImportPlan *plan)
{
  if (plan->all_problems != NULL)
    return plan->all_problems;
  plan->all_problems = g_ptr_array_new ();
  plan->pending = g_ptr_array_new_with_free_func (problem_free);
  for (guint i = 0; i < plan->problems->len; i++)
    g_ptr_array_add (plan->all_problems, plan->problems->pdata[i]);
  /* Rows waiting for an organisation are refused unless it is created: say so there. */
  for (guint i = 0; !plan->create && i < plan->rows->len; i++)
    {
      PlanRow *row = &g_array_index (plan->rows, PlanRow, i);
      MissingOrg *org;

      if (row->missing < 0 || row->member == NULL)
        continue;
      org = &g_array_index (plan->missing_orgs, MissingOrg, row->missing);
      add_problem (plan->pending, plan, row->row,
                   org->group == NULL ? RH_IMPORT_BRANCH : RH_IMPORT_GROUP,
                   org->group == NULL
                     ? g_strdup_printf (_("There is no branch “%s”; it is created only if you "
                                          "agree"), org->branch)
                     : g_strdup_printf (_("There is no party group “%s” in “%s”; it is created "
                                          "only if you agree"), org->group, org->branch));
      g_ptr_array_add (plan->all_problems, plan->pending->pdata[plan->pending->len - 1]);
    }
  g_ptr_array_sort (plan->all_problems, compare_problems);
  return plan->all_problems;
}

/* Writing */

typedef struct {
  RhImportPlan        *plan;
  GCancellable        *cancellable;
  RhImportProgressFunc progress;
  gpointer             data;
  guint                written;
} Commit;

/* New branches go under the one top organisation when there is exactly one. */
static gint64
parent_for_new_branches (RhDatabase *db)
{
  sqlite3_stmt *stmt = rh_database_prepare (db, "SELECT id FROM organisation"
                                                " WHERE parent_id IS NULL AND archived_date IS NULL"
                                                " AND kind IN ('committee', 'general_branch')",
                                            NULL);
  gint64 id = 0;
  int n = 0;

  if (stmt == NULL)
    return 0;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      id = sqlite3_column_int64 (stmt, 0);
      n++;
    }
  sqlite3_reset (stmt);
  return n == 1 ? id : 0;
}

static gint64
find_org (RhDatabase *db, RhOrgKind kind, const char *name, gint64 parent_id)
{
  sqlite3_stmt *stmt = rh_database_prepare (db, "SELECT id FROM organisation WHERE kind = ?1"
                                                " AND name = ?2 AND archived_date IS NULL"
                                                " AND (?3 = 0 OR parent_id = ?3)", NULL);
  gint64 id = 0;

  if (stmt == NULL)
    return 0;
  rh_sql_bind_text (stmt, 1, rh_org_kind_to_string (kind));
  rh_sql_bind_text (stmt, 2, name);
  sqlite3_bind_int64 (stmt, 3, parent_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return id;
}

static gboolean
create_missing (RhDatabase *db, RhImportPlan *plan, GHashTable *created, GError **error)
{
  gint64 parent = parent_for_new_branches (db);

  for (guint i = 0; i < plan->missing_orgs->len; i++)
    {
      MissingOrg *o = &g_array_index (plan->missing_orgs, MissingOrg, i);
      gint64 *branch_id = g_hash_table_lookup (created, o->branch);
      gint64 branch = branch_id ? *branch_id : find_org (db, RH_ORG_BRANCH, o->branch, 0);
      g_autoptr (RhOrg) org = NULL;

      if (o->group == NULL)
        {
          if (branch != 0)
            continue;
          org = rh_org_new (RH_ORG_BRANCH, o->branch);
          org->parent_id = parent;
        }
      else
        {
          org = rh_org_new (RH_ORG_GROUP, o->group);
          org->parent_id = branch;
        }
      if (!rh_org_insert (db, org, error))
        {
          g_prefix_error (error, "%s: ", (char *) plan->missing->pdata[i]);
          return FALSE;
        }
      g_hash_table_insert (created, g_strdup (plan->missing->pdata[i]), new_id (org->id));
    }
  return TRUE;
}

static gboolean
write_rows (RhDatabase *db, gpointer data, GError **error)
{
  Commit *c = data;
  RhImportPlan *plan = c->plan;
  g_autoptr (GHashTable) created = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                          g_free);
  /* "branch/group" pairs found active, inside this transaction, so nothing changes them. */
  g_autoptr (GHashTable) checked = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint total = rh_import_plan_n_new (plan) + rh_import_plan_n_updated (plan);
  guint n_new = 0, n_updated = 0;
  sqlite3_stmt *stmt;

  /* Insert-only: the rows below are inserted, or updated by id, and none is read. */
  if (!rh_member_bulk_begin (db, TRUE, error))
    return FALSE;
  if (plan->create && !create_missing (db, plan, created, error))
    return FALSE;
  for (guint i = 0; i < plan->rows->len; i++)
    {
      PlanRow *row = &g_array_index (plan->rows, PlanRow, i);
      RhMember *m = row->member;
      gboolean ok;

      if (m == NULL || (row->missing >= 0 && !plan->create))
        continue;
      if (m->org_id < 0)
        m->org_id = *(gint64 *) g_hash_table_lookup (created, m->branch_name);
      if (m->group_id < 0)
        {
          g_autofree char *label = g_strdup_printf ("%s / %s", m->branch_name, m->group_name);
          gint64 *id = g_hash_table_lookup (created, label);

          m->group_id = id ? *id : 0;
        }
      /* Every row was normalised and checked by rh_import_prepare; what may have changed
       * since is the organisations, checked here once each (the 身份证号 is kept unique by
       * the database). */
      {
        char key[48];

        g_snprintf (key, sizeof key, "%" G_GINT64_FORMAT "/%" G_GINT64_FORMAT, m->org_id,
                    m->group_id);
        ok = g_hash_table_contains (checked, key)
             || (rh_member_check_orgs (db, m->org_id, m->group_id, error)
                 && g_hash_table_add (checked, g_strdup (key)));
      }
      if (ok)
        ok = row->kind == ROW_NEW ? rh_member_insert_checked (db, m, error)
                                  : rh_member_update_checked (db, m, error);
      if (!ok)
        {
          g_prefix_error (error, _("Row %u: "), row->row);
          return FALSE;
        }
      if (row->kind == ROW_NEW)
        n_new++;
      else
        n_updated++;
      if (++c->written % 500 == 0)
        {
          if (g_cancellable_set_error_if_cancelled (c->cancellable, error))
            return FALSE;
          if (c->progress != NULL && !c->progress (c->written, total, c->data))
            {
              g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED,
                                   _("The import was cancelled; nothing was changed"));
              return FALSE;
            }
        }
    }
  if (g_cancellable_set_error_if_cancelled (c->cancellable, error))
    return FALSE;

  /* The audit log records each member (at the end of the bulk load, before this row)… */
  if (!rh_member_bulk_end (db, error))
    return FALSE;
  /* …and this row the import itself. */
  stmt = rh_database_prepare (db, "INSERT INTO audit_log (table_name, row_id, action, new_values)"
                                  " VALUES ('import', ?1, 'insert', json_object('file', ?2,"
                                  " 'new', ?3, 'updated', ?4, 'organisations', ?5,"
                                  " 'invalid', ?6))", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, (gint64) (n_new + n_updated));
  rh_sql_bind_text (stmt, 2, plan->sheet->name);
  sqlite3_bind_int (stmt, 3, (int) n_new);
  sqlite3_bind_int (stmt, 4, (int) n_updated);
  sqlite3_bind_int (stmt, 5, (int) g_hash_table_size (created));
  sqlite3_bind_int (stmt, 6, (int) rh_import_plan_n_invalid (plan));
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      rh_database_set_error (db, error);
      sqlite3_reset (stmt);
      return FALSE;
    }
  sqlite3_reset (stmt);
  if (c->progress != NULL)
    c->progress (total, total, c->data);
  return TRUE;
}

gboolean
rh_import_commit (RhDatabase *db, RhImportPlan *plan, GCancellable *cancellable,
                  RhImportProgressFunc progress, gpointer data, GError **error)
{
  Commit c = { plan, cancellable, progress, data, 0 };
  g_autofree char *backup = NULL;
  gint64 cache_size;
  gboolean ok;

  backup = rh_backup_auto (db, "before-import", error);
  if (backup == NULL)
    return FALSE;
  /* As for the demo: a large load outgrows the page cache, and spilling to the WAL midway
   * is slow. */
  cache_size = rh_database_query_int (db, "PRAGMA cache_size");
  if (cache_size != -1)
    rh_database_exec (db, "PRAGMA cache_size = -262144", NULL);
  ok = rh_database_transaction (db, write_rows, &c, error);
  if (cache_size != -1)
    {
      g_autofree char *restore = g_strdup_printf ("PRAGMA cache_size = %" G_GINT64_FORMAT,
                                                  cache_size);

      rh_database_exec (db, restore, NULL);
    }
  if (!ok)
    {
      /* A failed row leaves the plan's members with ids from the rolled-back inserts… */
      for (guint i = 0; i < plan->rows->len; i++)
        {
          PlanRow *row = &g_array_index (plan->rows, PlanRow, i);

          if (row->member == NULL)
            continue;
          if (row->kind == ROW_NEW)
            row->member->id = 0;
          /* …and with the ids of organisations created and rolled back. */
          if (row->new_branch)
            row->member->org_id = -1;
          if (row->new_group)
            row->member->group_id = -1;
        }
    }
  return ok;
}
