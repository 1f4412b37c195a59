/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "rh-config.h"

#include <glib/gi18n-lib.h>
#include <string.h>
#include "rh-date.h"
#include "rh-validate.h"

G_DEFINE_QUARK (rh-validation-error-quark, rh_validation_error)

static const char *const field_labels[RH_N_FIELDS] = {
  [RH_FIELD_NONE] = "",
  [RH_FIELD_NAME] = N_("Name"),
  [RH_FIELD_GENDER] = N_("Gender"),
  [RH_FIELD_ETHNICITY] = N_("Ethnicity"),
  [RH_FIELD_BIRTH_DATE] = N_("Birth date"),
  [RH_FIELD_ID_NUMBER] = N_("ID number"),
  [RH_FIELD_PHONE] = N_("Phone"),
  [RH_FIELD_EDUCATION] = N_("Education"),
  [RH_FIELD_POST] = N_("Post"),
  [RH_FIELD_BRANCH] = N_("Branch"),
  [RH_FIELD_GROUP] = N_("Party group"),
  [RH_FIELD_STATUS] = N_("Status"),
  [RH_FIELD_APPLIED_DATE] = N_("Application date"),
  [RH_FIELD_TALK_DATE] = N_("Talk date"),
  [RH_FIELD_ACTIVIST_DATE] = N_("Activist since"),
  [RH_FIELD_CANDIDATE_DATE] = N_("Candidate since"),
  [RH_FIELD_ADMITTED_DATE] = N_("Admission date"),
  [RH_FIELD_FULL_DATE] = N_("Full membership date"),
  [RH_FIELD_PROBATION_EXTENSION] = N_("Probation extension"),
  [RH_FIELD_ARCHIVE_DATE] = N_("Transfer date"),
  [RH_FIELD_ARCHIVE_REASON] = N_("Reason"),
  [RH_FIELD_PARENT] = N_("Parent organisation"),
  [RH_FIELD_KIND] = N_("Kind"),
  [RH_FIELD_TEMPORARY] = N_("Temporary"),
  [RH_FIELD_TERM_START] = N_("Term start"),
  [RH_FIELD_TERM_YEARS] = N_("Term length"),
  [RH_FIELD_ROLE] = N_("Role"),
  [RH_FIELD_FOUNDED_DATE] = N_("Founded"),
  [RH_FIELD_PERIOD] = N_("Period"),
  [RH_FIELD_MEETING_KIND] = N_("Kind of meeting"),
  [RH_FIELD_MEETING_DATE] = N_("Meeting date"),
  [RH_FIELD_HOST] = N_("Host"),
  [RH_FIELD_RECORDER] = N_("Recorder"),
  [RH_FIELD_ATTENDANCE] = N_("Attendance"),
  [RH_FIELD_TOPIC] = N_("Topic"),
  [RH_FIELD_TASK] = N_("Central task"),
  [RH_FIELD_TITLE] = N_("Title"),
  [RH_FIELD_OWNER] = N_("Owner"),
  [RH_FIELD_PLANNED] = N_("Planned together"),
  [RH_FIELD_CHECKED] = N_("Checked together"),
  [RH_FIELD_ASSESSED] = N_("Assessed together"),
  [RH_FIELD_SUMMARISED] = N_("Summarised together"),
  [RH_FIELD_METRIC] = N_("Outcome metric"),
  [RH_FIELD_YEAR] = N_("Year"),
  [RH_FIELD_MODE] = N_("Integration mode"),
  [RH_FIELD_CASE_STATUS] = N_("Case status"),
  [RH_FIELD_RULE] = N_("Frequency rule"),
  [RH_FIELD_DATE] = N_("Date"),
  [RH_FIELD_POINTS_RULE] = N_("Points rule"),
};

const char *
rh_field_label (RhField field)
{
  if (field <= RH_FIELD_NONE || field >= RH_N_FIELDS)
    return "";
  return g_dgettext (GETTEXT_PACKAGE, field_labels[field]);
}

char
rh_id_check_char (const char *first17)
{
  static const int weights[17] = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };
  static const char check[] = "10X98765432";
  int sum = 0;

  for (int i = 0; i < 17; i++)
    sum += (first17[i] - '0') * weights[i];
  return check[sum % 11];
}

gboolean
rh_validate_id_number (const char *id, GDate *birth, RhGender *gender, GError **error)
{
  GDate date;
  char date_text[11];
  char expected;

  if (id == NULL || strlen (id) != 18)
    {
      g_set_error (error, RH_VALIDATION_ERROR, RH_FIELD_ID_NUMBER,
                   _("ID number: must be 18 characters"));
      return FALSE;
    }
  for (int i = 0; i < 17; i++)
    if (!g_ascii_isdigit (id[i]))
      {
        g_set_error (error, RH_VALIDATION_ERROR, RH_FIELD_ID_NUMBER,
                     _("ID number: the first 17 characters must be digits"));
        return FALSE;
      }
  if (!g_ascii_isdigit (id[17]) && id[17] != 'X' && id[17] != 'x')
    {
      g_set_error (error, RH_VALIDATION_ERROR, RH_FIELD_ID_NUMBER,
                   _("ID number: the last character must be a digit or X"));
      return FALSE;
    }
  g_snprintf (date_text, sizeof date_text, "%.4s-%.2s-%.2s", id + 6, id + 10, id + 12);
  if (!rh_date_parse (date_text, &date))
    {
      g_set_error (error, RH_VALIDATION_ERROR, RH_FIELD_ID_NUMBER,
                   _("ID number: %s is not a real birth date"), date_text);
      return FALSE;
    }
  expected = rh_id_check_char (id);
  if (g_ascii_toupper (id[17]) != expected)
    {
      g_set_error (error, RH_VALIDATION_ERROR, RH_FIELD_ID_NUMBER,
                   _("ID number: the check character should be %c; please check the number"),
                   expected);
      return FALSE;
    }
  if (birth != NULL)
    *birth = date;
  if (gender != NULL)
    *gender = ((id[16] - '0') % 2 == 1) ? RH_GENDER_MALE : RH_GENDER_FEMALE;
  return TRUE;
}

gboolean
rh_validate_date (const char *text, RhField field, gboolean required, const GDate *today,
                  GError **error)
{
  GDate date, now;

  if (text == NULL || *text == '\0')
    {
      if (!required)
        return TRUE;
      g_set_error (error, RH_VALIDATION_ERROR, field, _("%s: required"), rh_field_label (field));
      return FALSE;
    }
  if (!rh_date_parse (text, &date))
    {
      g_set_error (error, RH_VALIDATION_ERROR, field,
                   _("%s: “%s” is not a real date (use YYYY-MM-DD)"), rh_field_label (field), text);
      return FALSE;
    }
  if (today == NULL)
    {
      rh_date_today (&now);
      today = &now;
    }
  if (g_date_compare (&date, today) > 0)
    {
      g_set_error (error, RH_VALIDATION_ERROR, field, _("%s: %s is in the future"),
                   rh_field_label (field), text);
      return FALSE;
    }
  return TRUE;
}
