/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Roster import (党员花名册) from a sheet of cells: header detection and column mapping,
 * value parsing (dates, status words, gender), validation of every row with the member
 * rules, a preview of what would change, and the write in one transaction. */
#pragma once

#include <gio/gio.h>
#include "rh-database.h"
#include "rh-sheet.h"

G_BEGIN_DECLS

#define RH_IMPORT_ERROR (rh_import_error_quark ())
GQuark rh_import_error_quark (void);

typedef enum {
  RH_IMPORT_ERROR_FORMAT,      /* neither .xlsx nor .csv */
  RH_IMPORT_ERROR_NO_SHEET,    /* --sheet names no sheet of the workbook */
  RH_IMPORT_ERROR_MAPPING,     /* the name column is not mapped */
  RH_IMPORT_ERROR_BRANCH,      /* the default branch is not an active branch */
  RH_IMPORT_ERROR_ROW,         /* a row failed while writing: nothing was written */
} RhImportError;

typedef enum {
  RH_IMPORT_NAME,
  RH_IMPORT_GENDER,
  RH_IMPORT_ETHNICITY,
  RH_IMPORT_BIRTH_DATE,
  RH_IMPORT_ID_NUMBER,
  RH_IMPORT_EDUCATION,
  RH_IMPORT_BRANCH,
  RH_IMPORT_GROUP,
  RH_IMPORT_STATUS,
  RH_IMPORT_APPLIED_DATE,
  RH_IMPORT_ACTIVIST_DATE,
  RH_IMPORT_CANDIDATE_DATE,
  RH_IMPORT_ADMITTED_DATE,
  RH_IMPORT_FULL_DATE,
  RH_IMPORT_POST,
  RH_IMPORT_PHONE,
  RH_IMPORT_NOTE,
  RH_IMPORT_N_FIELDS
} RhImportField;

/* A stable ASCII key ("name", "id_number") and the translated label of a field. */
const char   *rh_import_field_key (RhImportField field);
const char   *rh_import_field_label (RhImportField field);
/* The field a header names (Chinese or English, e.g. 姓名, 入党时间, "Phone"), or -1. */
int           rh_import_match_header (const char *header);

/* Which column holds each field (-1: none), and the row of the headers. */
typedef struct {
  int header_row;
  int columns[RH_IMPORT_N_FIELDS];
} RhImportMapping;

void     rh_import_mapping_clear (RhImportMapping *mapping);
/* Finds the header row among the first rows and maps every header it knows. */
void     rh_import_mapping_detect (const RhSheet *sheet, RhImportMapping *mapping);
/* The same with the headers in a given row (from 0). */
void     rh_import_mapping_detect_row (const RhSheet *sheet, guint row,
                                       RhImportMapping *mapping);
/* The mapping as text by header name ("field\theader" lines), to be applied to the
 * next file with the same headers. */
char    *rh_import_mapping_to_string (const RhSheet *sheet, const RhImportMapping *mapping);
/* Applies a saved mapping over a detected one where the headers match; returns how many
 * fields it set. */
guint    rh_import_mapping_apply (const RhSheet *sheet, RhImportMapping *mapping,
                                  const char *saved);
/* The saved mapping lives in the database's settings. */
gboolean rh_import_mapping_save (RhDatabase *db, const RhSheet *sheet,
                                 const RhImportMapping *mapping, GError **error);
char    *rh_import_mapping_load (RhDatabase *db);

/* Values. Dates: 2020-01-05, 2020/1/5, 2020.01.05, 2020年1月5日, 20200105 and Excel
 * serial numbers (43835), optionally followed by a time. */
gboolean rh_import_parse_date (const char *text, GDate *out);
/* 正式党员, 预备党员, 发展对象, 入党积极分子, 入党申请人 and their English names: an
 * RhMemberStatus, or -1. */
int      rh_import_parse_status (const char *text);
/* 男/女, male/female, M/F: an RhGender, or -1. */
int      rh_import_parse_gender (const char *text);

/* Reads a .xlsx (sheet by name, or the first when NULL) or .csv file. */
RhSheet *rh_import_read_file (const char *path, const char *sheet_name, GError **error);
/* The sheet names of a .xlsx file; NULL (no error) for a CSV file. */
GStrv    rh_import_sheet_names (const char *path, GError **error);

typedef struct {
  guint row;          /* as numbered in the file, from 1 */
  int   column;       /* from 0, or -1 when the problem is not in one column */
  char *column_name;  /* the header (or the column's letter, or the field's name) */
  char *message;
} RhImportProblem;

typedef struct _RhImportPlan RhImportPlan;

/* Reads every row, validates it and compares it with the database; writes nothing.
 * default_branch (0 for none) takes the rows that name no branch. The sheet is kept. */
RhImportPlan *rh_import_prepare (RhDatabase *db, RhSheet *sheet, const RhImportMapping *mapping,
                                 gint64 default_branch, GError **error);
void          rh_import_plan_free (RhImportPlan *plan);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RhImportPlan, rh_import_plan_free)

/* Whether branches (and party groups) named in the file but missing are created. Rows that
 * name one are invalid unless they are. Off by default. */
void       rh_import_plan_set_create_branches (RhImportPlan *plan, gboolean create);
guint      rh_import_plan_n_new (RhImportPlan *plan);
guint      rh_import_plan_n_updated (RhImportPlan *plan);
guint      rh_import_plan_n_invalid (RhImportPlan *plan);
/* Rows with data (the header row and empty rows aside). */
guint      rh_import_plan_n_rows (RhImportPlan *plan);
/* Missing organisations, as "Branch" or "Branch / Group". */
GPtrArray *rh_import_plan_missing (RhImportPlan *plan);
/* Every problem (RhImportProblem, owned by the plan), by row. */
GPtrArray *rh_import_plan_problems (RhImportPlan *plan);

/* Called every few hundred rows; returning FALSE cancels (and rolls back). */
typedef gboolean (*RhImportProgressFunc) (guint done, guint total, gpointer data);

/* Writes the valid rows in one transaction, after an automatic backup; records the import in
 * the audit log. A cancel or any failure leaves the database as it was. */
gboolean   rh_import_commit (RhDatabase *db, RhImportPlan *plan, GCancellable *cancellable,
                             RhImportProgressFunc progress, gpointer data, GError **error);

G_END_DECLS
