/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Validation: every error names its field through the error code, and its message is translated. */
#pragma once

#include <glib.h>
#include "rh-types.h"

G_BEGIN_DECLS

#define RH_VALIDATION_ERROR (rh_validation_error_quark ())
GQuark rh_validation_error_quark (void);

/* The error code of RH_VALIDATION_ERROR is the field at fault. */
typedef enum {
  RH_FIELD_NONE,
  RH_FIELD_NAME,
  RH_FIELD_GENDER,
  RH_FIELD_ETHNICITY,
  RH_FIELD_BIRTH_DATE,
  RH_FIELD_ID_NUMBER,
  RH_FIELD_PHONE,
  RH_FIELD_EDUCATION,
  RH_FIELD_POST,
  RH_FIELD_BRANCH,
  RH_FIELD_GROUP,
  RH_FIELD_STATUS,
  RH_FIELD_APPLIED_DATE,
  RH_FIELD_TALK_DATE,
  RH_FIELD_ACTIVIST_DATE,
  RH_FIELD_CANDIDATE_DATE,
  RH_FIELD_ADMITTED_DATE,
  RH_FIELD_FULL_DATE,
  RH_FIELD_PROBATION_EXTENSION,
  RH_FIELD_ARCHIVE_DATE,
  RH_FIELD_ARCHIVE_REASON,
  RH_FIELD_PARENT,
  RH_FIELD_KIND,
  RH_FIELD_TEMPORARY,
  RH_FIELD_TERM_START,
  RH_FIELD_TERM_YEARS,
  RH_FIELD_ROLE,
  RH_FIELD_FOUNDED_DATE,
  RH_FIELD_PERIOD,
  RH_FIELD_MEETING_KIND,
  RH_FIELD_MEETING_DATE,
  RH_FIELD_HOST,
  RH_FIELD_RECORDER,
  RH_FIELD_ATTENDANCE,
  RH_FIELD_TOPIC,
  RH_FIELD_TASK,
  RH_FIELD_TITLE,
  RH_FIELD_OWNER,
  RH_FIELD_PLANNED,
  RH_FIELD_CHECKED,
  RH_FIELD_ASSESSED,
  RH_FIELD_SUMMARISED,
  RH_FIELD_METRIC,
  RH_FIELD_YEAR,
  RH_FIELD_MODE,
  RH_FIELD_CASE_STATUS,
  RH_FIELD_RULE,
  RH_FIELD_DATE,
  RH_FIELD_POINTS_RULE,
  RH_N_FIELDS
} RhField;

/* The translated name of a field, as shown beside it. */
const char *rh_field_label (RhField field);

/* Checks an 18-character 身份证号: format, date and check character.
 * On success fills birth (may be NULL) and gender (may be NULL). */
gboolean rh_validate_id_number (const char *id, GDate *birth, RhGender *gender, GError **error);
/* The check character ('0'–'9' or 'X') for the first 17 digits. */
char     rh_id_check_char (const char *first17);

/* A date field: empty allowed when !required; must parse, be real and not after today
 * (NULL: the real today, see rh_date_today). */
gboolean rh_validate_date (const char *text, RhField field, gboolean required,
                           const GDate *today, GError **error);

G_END_DECLS
