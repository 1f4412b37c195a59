/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "rh-config.h"

#include <glib/gi18n-lib.h>
#include "rh-date.h"
#include "rh-member.h"
#include "rh-org.h"
#include "rh-pinyin.h"
#include "rh-sql.h"

G_DEFINE_FINAL_TYPE (RhMember, rh_member, G_TYPE_OBJECT)

const char RH_MEMBER_COLUMNS[] =
  "m.id, m.org_id, m.group_id, m.name, m.pinyin, m.initials, m.gender, m.ethnicity,"
  " m.birth_date, m.id_number, m.phone, m.education, m.post, m.status, m.applied_date,"
  " m.talk_date, m.activist_date, m.candidate_date, m.admitted_date, m.full_date,"
  " m.probation_extension_months, m.vanguard_post, m.is_cadre, m.flow, m.note,"
  " m.archived_date, m.archive_reason, b.name, g.name";

#define MEMBER_FROM                                                      \
  " FROM member m LEFT JOIN organisation b ON b.id = m.org_id"           \
  " LEFT JOIN organisation g ON g.id = m.group_id"

static void
rh_member_finalize (GObject *object)
{
  RhMember *self = RH_MEMBER (object);
  char **strings[] = {
    &self->name, &self->pinyin, &self->initials, &self->ethnicity, &self->birth_date,
    &self->id_number, &self->phone, &self->education, &self->post, &self->applied_date,
    &self->talk_date, &self->activist_date, &self->candidate_date, &self->admitted_date,
    &self->full_date, &self->vanguard_post, &self->note, &self->archived_date,
    &self->archive_reason, &self->branch_name, &self->group_name,
  };

  for (guint i = 0; i < G_N_ELEMENTS (strings); i++)
    g_free (*strings[i]);
  G_OBJECT_CLASS (rh_member_parent_class)->finalize (object);
}

static void
rh_member_class_init (RhMemberClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rh_member_finalize;
}

static void
rh_member_init (RhMember *self)
{
  self->status = RH_STATUS_FULL;
}

RhMember *
rh_member_new (void)
{
  return g_object_new (RH_TYPE_MEMBER, NULL);
}

RhMember *
rh_member_copy (RhMember *m)
{
  RhMember *c = rh_member_new ();

  c->id = m->id;
  c->org_id = m->org_id;
  c->group_id = m->group_id;
  c->name = g_strdup (m->name);
  c->pinyin = g_strdup (m->pinyin);
  c->initials = g_strdup (m->initials);
  c->gender = m->gender;
  c->ethnicity = g_strdup (m->ethnicity);
  c->birth_date = g_strdup (m->birth_date);
  c->id_number = g_strdup (m->id_number);
  c->phone = g_strdup (m->phone);
  c->education = g_strdup (m->education);
  c->post = g_strdup (m->post);
  c->status = m->status;
  c->applied_date = g_strdup (m->applied_date);
  c->talk_date = g_strdup (m->talk_date);
  c->activist_date = g_strdup (m->activist_date);
  c->candidate_date = g_strdup (m->candidate_date);
  c->admitted_date = g_strdup (m->admitted_date);
  c->full_date = g_strdup (m->full_date);
  c->probation_extension_months = m->probation_extension_months;
  c->vanguard_post = g_strdup (m->vanguard_post);
  c->is_cadre = m->is_cadre;
  c->flow = m->flow;
  c->note = g_strdup (m->note);
  c->archived_date = g_strdup (m->archived_date);
  c->archive_reason = g_strdup (m->archive_reason);
  c->branch_name = g_strdup (m->branch_name);
  c->group_name = g_strdup (m->group_name);
  return c;
}

RhMember *
rh_member_from_row (sqlite3_stmt *stmt)
{
  RhMember *m = rh_member_new ();
  int gender = rh_gender_from_string (rh_sql_text (stmt, 6));
  int status = rh_status_from_string (rh_sql_text (stmt, 13));
  int flow = rh_flow_from_string (rh_sql_text (stmt, 23));

  m->id = sqlite3_column_int64 (stmt, 0);
  m->org_id = sqlite3_column_int64 (stmt, 1);
  m->group_id = sqlite3_column_int64 (stmt, 2);
  m->name = rh_sql_dup (stmt, 3);
  m->pinyin = rh_sql_dup (stmt, 4);
  m->initials = rh_sql_dup (stmt, 5);
  m->gender = gender >= 0 ? (RhGender) gender : RH_GENDER_MALE;
  m->ethnicity = rh_sql_dup (stmt, 7);
  m->birth_date = rh_sql_dup (stmt, 8);
  m->id_number = rh_sql_dup (stmt, 9);
  m->phone = rh_sql_dup (stmt, 10);
  m->education = rh_sql_dup (stmt, 11);
  m->post = rh_sql_dup (stmt, 12);
  m->status = status >= 0 ? (RhMemberStatus) status : RH_STATUS_FULL;
  m->applied_date = rh_sql_dup (stmt, 14);
  m->talk_date = rh_sql_dup (stmt, 15);
  m->activist_date = rh_sql_dup (stmt, 16);
  m->candidate_date = rh_sql_dup (stmt, 17);
  m->admitted_date = rh_sql_dup (stmt, 18);
  m->full_date = rh_sql_dup (stmt, 19);
  m->probation_extension_months = sqlite3_column_int (stmt, 20);
  m->vanguard_post = rh_sql_dup (stmt, 21);
  m->is_cadre = sqlite3_column_int (stmt, 22) != 0;
  m->flow = flow >= 0 ? (RhFlowState) flow : RH_FLOW_NONE;
  m->note = rh_sql_dup (stmt, 24);
  m->archived_date = rh_sql_dup (stmt, 25);
  m->archive_reason = rh_sql_dup (stmt, 26);
  m->branch_name = rh_sql_dup (stmt, 27);
  m->group_name = rh_sql_dup (stmt, 28);
  return m;
}

/* Validation. Each check appends a GError to `errors`; rh_member_validate
 * reports the first, rh_member_problems all of them. */

static void
add (GPtrArray *errors, RhField field, char *message)
{
  g_ptr_array_add (errors, g_error_new_literal (RH_VALIDATION_ERROR, field, message));
  g_free (message);
}

static gboolean
empty (const char *s)
{
  return s == NULL || *s == '\0';
}

/* Empty, or only white space. */
static gboolean
blank (const char *s)
{
  for (; s != NULL && *s; s = g_utf8_next_char (s))
    if (!g_unichar_isspace (g_utf8_get_char (s)))
      return FALSE;
  return TRUE;
}

/* A date field that is present must be real and not in the future. */
static void
check_date (GPtrArray *errors, const char *text, RhField field, const GDate *today)
{
  GError *error = NULL;

  if (!rh_validate_date (text, field, FALSE, today, &error))
    g_ptr_array_add (errors, error);
}

static void
require (GPtrArray *errors, const char *text, RhField field, RhMemberStatus status)
{
  if (empty (text))
    add (errors, field, g_strdup_printf (_("%s: required for a member whose status is %s"),
                                         rh_field_label (field), rh_status_label (status)));
}

/* later must not be before earlier (both optional). */
static void
check_order (GPtrArray *errors, const char *earlier, RhField earlier_field, const char *later,
             RhField later_field)
{
  GDate a, b;

  if (rh_date_parse (earlier, &a) && rh_date_parse (later, &b) && g_date_compare (&b, &a) < 0)
    add (errors, later_field, g_strdup_printf (_("%s: cannot be before the %s (%s)"),
                                               rh_field_label (later_field),
                                               rh_field_label (earlier_field), earlier));
}

/* later must be at least `months` after earlier. */
static void
check_gap (GPtrArray *errors, const char *earlier, RhField earlier_field, const char *later,
           RhField later_field, int months)
{
  g_autofree char *due = rh_date_add_months (earlier, months);

  if (due != NULL && !empty (later) && g_strcmp0 (later, due) < 0)
    add (errors, later_field,
         g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "%s: must be at least %d month after the %s (%s), "
                                       "that is on or after %s",
                                       "%s: must be at least %d months after the %s (%s), "
                                       "that is on or after %s",
                                       months),
                          rh_field_label (later_field), months, rh_field_label (earlier_field),
                          earlier, due));
}

static void
check_identity (GPtrArray *errors, RhMember *m, const GDate *today)
{
  GDate id_birth, entered;
  RhGender id_gender;
  GError *error = NULL;

  if (empty (m->id_number))
    {
      add (errors, RH_FIELD_ID_NUMBER,
           g_strdup_printf (_("%s: required"), rh_field_label (RH_FIELD_ID_NUMBER)));
      return;
    }
  if (!rh_validate_id_number (m->id_number, &id_birth, &id_gender, &error))
    {
      g_ptr_array_add (errors, error);
      return;
    }
  if (g_date_compare (&id_birth, today) > 0)
    add (errors, RH_FIELD_ID_NUMBER,
         g_strdup_printf (_("%s: the birth date in it is in the future"),
                          rh_field_label (RH_FIELD_ID_NUMBER)));
  if (!empty (m->birth_date) && rh_date_parse (m->birth_date, &entered)
      && g_date_compare (&entered, &id_birth) != 0)
    {
      g_autofree char *derived = rh_date_format (&id_birth);
      add (errors, RH_FIELD_BIRTH_DATE,
           g_strdup_printf (_("%s: %s does not match the ID number, which gives %s"),
                            rh_field_label (RH_FIELD_BIRTH_DATE), m->birth_date, derived));
    }
  if (m->gender != id_gender)
    add (errors, RH_FIELD_GENDER,
         g_strdup_printf (_("%s: the ID number is a %s's; please check both"),
                          rh_field_label (RH_FIELD_GENDER), rh_gender_label (id_gender)));
}

/* An applicant must be 18 on the day of applying. */
static void
check_age (GPtrArray *errors, RhMember *m)
{
  GDate birth, applied;
  const char *birth_text = m->birth_date;
  g_autofree char *from_id = NULL;

  if (empty (birth_text) && m->id_number != NULL)
    {
      GDate b;
      if (rh_validate_id_number (m->id_number, &b, NULL, NULL))
        birth_text = from_id = rh_date_format (&b);
    }
  if (!rh_date_parse (birth_text, &birth) || !rh_date_parse (m->applied_date, &applied))
    return;
  if (rh_date_years_between (&birth, &applied) < 18)
    add (errors, RH_FIELD_APPLIED_DATE,
         g_strdup_printf (_("%s: an applicant must be at least 18 years old when applying"),
                          rh_field_label (RH_FIELD_APPLIED_DATE)));
}

static void
check_pipeline (GPtrArray *errors, RhMember *m)
{
  const char *birth = m->birth_date;

  switch (m->status)
    {
    case RH_STATUS_APPLICANT:
      require (errors, m->applied_date, RH_FIELD_APPLIED_DATE, m->status);
      break;
    case RH_STATUS_ACTIVIST:
      require (errors, m->activist_date, RH_FIELD_ACTIVIST_DATE, m->status);
      break;
    case RH_STATUS_CANDIDATE:
      require (errors, m->candidate_date, RH_FIELD_CANDIDATE_DATE, m->status);
      break;
    case RH_STATUS_PROBATIONARY:
      require (errors, m->admitted_date, RH_FIELD_ADMITTED_DATE, m->status);
      if (!empty (m->full_date))
        add (errors, RH_FIELD_FULL_DATE,
             g_strdup_printf (_("%s: a probationary member has no full membership date yet; "
                                "change the status to full member"),
                              rh_field_label (RH_FIELD_FULL_DATE)));
      break;
    case RH_STATUS_FULL:
      require (errors, m->admitted_date, RH_FIELD_ADMITTED_DATE, m->status);
      require (errors, m->full_date, RH_FIELD_FULL_DATE, m->status);
      break;
    default:
      add (errors, RH_FIELD_STATUS,
           g_strdup_printf (_("%s: unknown status"), rh_field_label (RH_FIELD_STATUS)));
    }

  /* Later steps of the pipeline happen after earlier ones, and after birth. */
  check_order (errors, birth, RH_FIELD_BIRTH_DATE, m->applied_date, RH_FIELD_APPLIED_DATE);
  check_order (errors, m->applied_date, RH_FIELD_APPLIED_DATE, m->talk_date, RH_FIELD_TALK_DATE);
  check_order (errors, m->applied_date, RH_FIELD_APPLIED_DATE, m->activist_date,
               RH_FIELD_ACTIVIST_DATE);
  check_order (errors, m->activist_date, RH_FIELD_ACTIVIST_DATE, m->candidate_date,
               RH_FIELD_CANDIDATE_DATE);
  check_order (errors, m->candidate_date, RH_FIELD_CANDIDATE_DATE, m->admitted_date,
               RH_FIELD_ADMITTED_DATE);
  check_order (errors, birth, RH_FIELD_BIRTH_DATE, m->admitted_date, RH_FIELD_ADMITTED_DATE);
  /* An activist is trained at least a year before becoming a candidate. */
  check_gap (errors, m->activist_date, RH_FIELD_ACTIVIST_DATE, m->candidate_date,
             RH_FIELD_CANDIDATE_DATE, 12);
  /* Probation lasts a year, or longer when it was extended. */
  check_gap (errors, m->admitted_date, RH_FIELD_ADMITTED_DATE, m->full_date, RH_FIELD_FULL_DATE,
             12 + m->probation_extension_months);

  if (m->probation_extension_months != 0
      && (m->probation_extension_months < 6 || m->probation_extension_months > 12))
    add (errors, RH_FIELD_PROBATION_EXTENSION,
         g_strdup_printf (_("%s: probation can be extended once, by 6 to 12 months"),
                          rh_field_label (RH_FIELD_PROBATION_EXTENSION)));
}

static void
check_phone (GPtrArray *errors, const char *phone)
{
  int digits = 0;

  if (empty (phone))
    return;
  for (const char *p = phone; *p; p++)
    {
      if (g_ascii_isdigit (*p))
        digits++;
      else if (*p != '-' && *p != '+' && *p != ' ')
        digits = -100;
    }
  if (digits < 7 || digits > 15)
    add (errors, RH_FIELD_PHONE,
         g_strdup_printf (_("%s: “%s” is not a phone number"), rh_field_label (RH_FIELD_PHONE),
                          phone));
}

static GPtrArray *
collect_errors (RhMember *m, const GDate *today)
{
  GPtrArray *errors = g_ptr_array_new_with_free_func ((GDestroyNotify) g_error_free);
  struct {
    const char *text;
    RhField field;
  } dates[] = {
    { m->birth_date, RH_FIELD_BIRTH_DATE },       { m->applied_date, RH_FIELD_APPLIED_DATE },
    { m->talk_date, RH_FIELD_TALK_DATE },         { m->activist_date, RH_FIELD_ACTIVIST_DATE },
    { m->candidate_date, RH_FIELD_CANDIDATE_DATE }, { m->admitted_date, RH_FIELD_ADMITTED_DATE },
    { m->full_date, RH_FIELD_FULL_DATE },         { m->archived_date, RH_FIELD_ARCHIVE_DATE },
  };

  if (m->name == NULL || *g_strstrip (m->name) == '\0')
    add (errors, RH_FIELD_NAME, g_strdup_printf (_("%s: required"), rh_field_label (RH_FIELD_NAME)));
  if (m->org_id == 0)
    add (errors, RH_FIELD_BRANCH,
         g_strdup_printf (_("%s: choose the member's branch"), rh_field_label (RH_FIELD_BRANCH)));
  check_identity (errors, m, today);
  for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
    check_date (errors, dates[i].text, dates[i].field, today);
  if (errors->len == 0)
    {
      /* Order and age rules only make sense once every date is real. */
      check_age (errors, m);
      check_pipeline (errors, m);
    }
  check_phone (errors, m->phone);
  return errors;
}

gboolean
rh_member_validate (RhMember *member, const GDate *today, GError **error)
{
  GDate now;
  g_autoptr (GPtrArray) errors = NULL;

  if (today == NULL)
    {
      rh_date_today (&now);
      today = &now;
    }
  errors = collect_errors (member, today);
  if (errors->len == 0)
    return TRUE;
  g_propagate_error (error, g_error_copy (errors->pdata[0]));
  return FALSE;
}

GPtrArray *
rh_member_errors (RhMember *member, const GDate *today)
{
  GDate now;

  if (today == NULL)
    {
      rh_date_today (&now);
      today = &now;
    }
  return collect_errors (member, today);
}

GPtrArray *
rh_member_problems (RhMember *member, const GDate *today)
{
  GDate now;
  g_autoptr (GPtrArray) errors = NULL;
  GPtrArray *out = g_ptr_array_new_with_free_func (g_free);

  if (today == NULL)
    {
      rh_date_today (&now);
      today = &now;
    }
  errors = collect_errors (member, today);
  for (guint i = 0; i < errors->len; i++)
    g_ptr_array_add (out, g_strdup (((GError *) errors->pdata[i])->message));
  return out;
}

/* Whether an active organisation of this kind (and parent, unless 0) exists.
 * A light query: it runs for every member written, 100,000 in a large import. */
static gboolean
org_is (RhDatabase *db, gint64 id, RhOrgKind kind, gint64 parent_id)
{
  sqlite3_stmt *stmt = rh_database_prepare (db, "SELECT 1 FROM organisation WHERE id = ?1"
                                                " AND kind = ?2 AND archived_date IS NULL"
                                                " AND (?3 = 0 OR parent_id = ?3)", NULL);
  gboolean found;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  rh_sql_bind_text (stmt, 2, rh_org_kind_to_string (kind));
  sqlite3_bind_int64 (stmt, 3, parent_id);
  found = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);
  return found;
}

/* The branch is an active branch, and the party group (unless 0) one of its groups. */
static gboolean
check_orgs (RhDatabase *db, gint64 org_id, gint64 group_id, GError **error)
{
  if (!org_is (db, org_id, RH_ORG_BRANCH, 0))
    {
      g_set_error (error, RH_VALIDATION_ERROR, RH_FIELD_BRANCH,
                   _("%s: members belong to an active branch (党支部)"),
                   rh_field_label (RH_FIELD_BRANCH));
      return FALSE;
    }
  if (group_id != 0 && !org_is (db, group_id, RH_ORG_GROUP, org_id))
    {
      g_set_error (error, RH_VALIDATION_ERROR, RH_FIELD_GROUP,
                   _("%s: the party group must belong to the member's branch"),
                   rh_field_label (RH_FIELD_GROUP));
      return FALSE;
    }
  return TRUE;
}

gboolean
rh_member_check_orgs (RhDatabase *db, gint64 org_id, gint64 group_id, GError **error)
{
  return check_orgs (db, org_id, group_id, error);
}

/* Checks against other rows: the branch and group exist, the id number is unused. */
static gboolean
check_references (RhDatabase *db, RhMember *m, GError **error)
{
  sqlite3_stmt *stmt;
  g_autofree char *other = NULL;

  if (!check_orgs (db, m->org_id, m->group_id, error))
    return FALSE;
  stmt = rh_database_prepare (db, "SELECT name FROM member WHERE id_number = ?1 AND id <> ?2",
                              error);
  if (stmt == NULL)
    return FALSE;
  rh_sql_bind_text (stmt, 1, m->id_number);
  sqlite3_bind_int64 (stmt, 2, m->id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    other = rh_sql_dup (stmt, 0);
  sqlite3_reset (stmt);
  if (other != NULL)
    {
      g_set_error (error, RH_VALIDATION_ERROR, RH_FIELD_ID_NUMBER,
                   _("%s: already recorded for %s"), rh_field_label (RH_FIELD_ID_NUMBER), other);
      return FALSE;
    }
  return TRUE;
}

/* Derived fields: upper-case X, birth date from the id, pinyin keys. */
void
rh_member_normalise (RhMember *m)
{
  GDate birth;

  if (m->id_number != NULL)
    {
      g_strstrip (m->id_number);
      for (char *p = m->id_number; *p; p++)
        *p = g_ascii_toupper (*p);
    }
  if (empty (m->birth_date) && m->id_number != NULL
      && rh_validate_id_number (m->id_number, &birth, NULL, NULL))
    {
      g_free (m->birth_date);
      m->birth_date = rh_date_format (&birth);
    }
  g_free (m->pinyin);
  g_free (m->initials);
  rh_pinyin_keys (m->name, &m->pinyin, &m->initials);
}

/* Binds ?1…?25 of the INSERT and the UPDATE; the keys are those rh_member_normalise set.
 * The member's strings are bound without a copy: write_member steps, resets and clears the
 * statement while the member is unchanged. */
static void
bind_member (sqlite3_stmt *stmt, RhMember *m)
{
  sqlite3_bind_int64 (stmt, 1, m->org_id);
  rh_sql_bind_id (stmt, 2, m->group_id);
  rh_sql_bind_text_static (stmt, 3, m->name);
  rh_sql_bind_text_static (stmt, 4, m->pinyin);
  rh_sql_bind_text_static (stmt, 5, m->initials);
  rh_sql_bind_text_static (stmt, 6, rh_gender_to_string (m->gender));
  rh_sql_bind_text_static (stmt, 7, m->ethnicity);
  rh_sql_bind_text_static (stmt, 8, m->birth_date);
  rh_sql_bind_text_static (stmt, 9, m->id_number);
  rh_sql_bind_text_static (stmt, 10, m->phone);
  rh_sql_bind_text_static (stmt, 11, m->education);
  rh_sql_bind_text_static (stmt, 12, m->post);
  rh_sql_bind_text_static (stmt, 13, rh_status_to_string (m->status));
  rh_sql_bind_text_static (stmt, 14, m->applied_date);
  rh_sql_bind_text_static (stmt, 15, m->talk_date);
  rh_sql_bind_text_static (stmt, 16, m->activist_date);
  rh_sql_bind_text_static (stmt, 17, m->candidate_date);
  rh_sql_bind_text_static (stmt, 18, m->admitted_date);
  rh_sql_bind_text_static (stmt, 19, m->full_date);
  sqlite3_bind_int (stmt, 20, m->probation_extension_months);
  rh_sql_bind_text_static (stmt, 21, m->vanguard_post);
  sqlite3_bind_int (stmt, 22, m->is_cadre ? 1 : 0);
  rh_sql_bind_text_static (stmt, 23, rh_flow_to_string (m->flow));
  rh_sql_bind_text_static (stmt, 24, m->note);
  sqlite3_bind_text (stmt, 25,
                     rh_pinyin_search_text_from_keys (m->name, m->pinyin, m->initials,
                                                      m->id_number),
                     -1, g_free);
}

/* Runs the INSERT or UPDATE. When the database refuses the row (a 身份证号 recorded
 * meanwhile, a branch archived meanwhile), the full reference check says why in the
 * user's words; otherwise SQLite's message is given. */
static gboolean
write_member (RhDatabase *db, RhMember *m, gboolean insert, GError **error)
{
  sqlite3_stmt *stmt;
  int rc;

  if (insert)
    stmt = rh_database_prepare (db,
                                "INSERT INTO member (org_id, group_id, name, pinyin, initials,"
                                " gender, ethnicity, birth_date, id_number, phone, education,"
                                " post, status, applied_date, talk_date, activist_date,"
                                " candidate_date, admitted_date, full_date,"
                                " probation_extension_months, vanguard_post, is_cadre, flow,"
                                " note, search_text) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9,"
                                " ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21,"
                                " ?22, ?23, ?24, ?25)",
                                error);
  else
    stmt = rh_database_prepare (db,
                                "UPDATE member SET org_id = ?1, group_id = ?2, name = ?3,"
                                " pinyin = ?4, initials = ?5, gender = ?6, ethnicity = ?7,"
                                " birth_date = ?8, id_number = ?9, phone = ?10, education = ?11,"
                                " post = ?12, status = ?13, applied_date = ?14, talk_date = ?15,"
                                " activist_date = ?16, candidate_date = ?17, admitted_date = ?18,"
                                " full_date = ?19, probation_extension_months = ?20,"
                                " vanguard_post = ?21, is_cadre = ?22, flow = ?23, note = ?24,"
                                " search_text = ?25 WHERE id = ?26",
                                error);
  if (stmt == NULL)
    return FALSE;
  bind_member (stmt, m);
  if (!insert)
    sqlite3_bind_int64 (stmt, 26, m->id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      if (insert)
        m->id = sqlite3_last_insert_rowid (rh_database_get_handle (db));
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return TRUE;
    }
  {
    g_autoptr (GError) sql_error = NULL;
    GError *why = NULL;

    rh_database_set_error (db, &sql_error);
    sqlite3_reset (stmt);
    sqlite3_clear_bindings (stmt);
    if ((rc & 0xff) == SQLITE_CONSTRAINT && !check_references (db, m, &why))
      g_propagate_error (error, why);
    else
      g_propagate_error (error, g_steal_pointer (&sql_error));
    return FALSE;
  }
}

gboolean
rh_member_insert (RhDatabase *db, RhMember *member, GError **error)
{
  rh_member_normalise (member);
  member->id = 0;
  if (!rh_member_validate (member, NULL, error) || !check_references (db, member, error))
    return FALSE;
  return write_member (db, member, TRUE, error);
}

gboolean
rh_member_update (RhDatabase *db, RhMember *member, GError **error)
{
  rh_member_normalise (member);
  if (!rh_member_validate (member, NULL, error) || !check_references (db, member, error))
    return FALSE;
  return write_member (db, member, FALSE, error);
}

gboolean
rh_member_insert_checked (RhDatabase *db, RhMember *member, GError **error)
{
  member->id = 0;
  return write_member (db, member, TRUE, error);
}

gboolean
rh_member_update_checked (RhDatabase *db, RhMember *member, GError **error)
{
  return write_member (db, member, FALSE, error);
}

gboolean
rh_member_archive (RhDatabase *db, gint64 id, const char *date, const char *reason,
                   GError **error)
{
  sqlite3_stmt *stmt;

  if (!rh_validate_date (date, RH_FIELD_ARCHIVE_DATE, TRUE, NULL, error))
    return FALSE;
  if (blank (reason))
    {
      g_set_error (error, RH_VALIDATION_ERROR, RH_FIELD_ARCHIVE_REASON, _("%s: required"),
                   rh_field_label (RH_FIELD_ARCHIVE_REASON));
      return FALSE;
    }
  stmt = rh_database_prepare (db,
                              "UPDATE member SET archived_date = ?1, archive_reason = ?2"
                              " WHERE id = ?3 AND archived_date IS NULL",
                              error);
  if (stmt == NULL)
    return FALSE;
  rh_sql_bind_text (stmt, 1, date);
  rh_sql_bind_text (stmt, 2, reason);
  sqlite3_bind_int64 (stmt, 3, id);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return rh_database_set_error (db, error);
  if (sqlite3_changes (rh_database_get_handle (db)) == 0)
    {
      g_set_error (error, RH_DATABASE_ERROR, RH_DATABASE_ERROR_NOT_FOUND,
                   _("The member was not found, or is already transferred out"));
      return FALSE;
    }
  return TRUE;
}

gboolean
rh_member_restore (RhDatabase *db, gint64 id, GError **error)
{
  g_autoptr (RhMember) member = rh_member_load (db, id, error);
  sqlite3_stmt *stmt;

  if (member == NULL)
    return FALSE;
  /* The branch may have been archived meanwhile: restore only into an active one. */
  g_clear_pointer (&member->archived_date, g_free);
  if (!check_references (db, member, error))
    return FALSE;
  stmt = rh_database_prepare (db,
                              "UPDATE member SET archived_date = NULL, archive_reason = NULL"
                              " WHERE id = ?1",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return rh_database_set_error (db, error);
  return TRUE;
}

RhMember *
rh_member_load (RhDatabase *db, gint64 id, GError **error)
{
  g_autofree char *sql = g_strconcat ("SELECT ", RH_MEMBER_COLUMNS, MEMBER_FROM,
                                      " WHERE m.id = ?1", NULL);
  sqlite3_stmt *stmt = rh_database_prepare (db, sql, error);
  RhMember *member = NULL;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    member = rh_member_from_row (stmt);
  else
    g_set_error (error, RH_DATABASE_ERROR, RH_DATABASE_ERROR_NOT_FOUND,
                 _("Member %lld was not found"), (long long) id);
  sqlite3_reset (stmt);
  return member;
}

/* Runs a member query whose only parameter ?1 is an organisation id. */
static GPtrArray *
query_members (RhDatabase *db, const char *where, gint64 org_id, GError **error)
{
  g_autofree char *sql = g_strconcat ("WITH RECURSIVE sub(id) AS (SELECT ?1"
                                      " UNION ALL SELECT o.id FROM organisation o"
                                      " JOIN sub ON o.parent_id = sub.id"
                                      " WHERE o.archived_date IS NULL)"
                                      " SELECT ", RH_MEMBER_COLUMNS, MEMBER_FROM, where,
                                      " ORDER BY m.pinyin, m.name LIMIT 2000", NULL);
  sqlite3_stmt *stmt = rh_database_prepare (db, sql, error);
  GPtrArray *members;

  if (stmt == NULL)
    return NULL;
  members = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_bind_int64 (stmt, 1, org_id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (members, rh_member_from_row (stmt));
  sqlite3_reset (stmt);
  return members;
}

GPtrArray *
rh_member_list_for_org (RhDatabase *db, gint64 org_id, GError **error)
{
  return query_members (db, " WHERE m.org_id = ?1 AND m.archived_date IS NULL", org_id, error);
}

GPtrArray *
rh_member_list_committee_candidates (RhDatabase *db, gint64 org_id, GError **error)
{
  return query_members (db,
                        " WHERE m.archived_date IS NULL AND m.status = 'full'"
                        " AND (m.org_id = ?1 OR (m.org_id IN (SELECT id FROM sub)"
                        "  AND (m.is_cadre OR EXISTS (SELECT 1 FROM committee_role r"
                        "   JOIN committee_term t ON t.id = r.term_id"
                        "   WHERE r.member_id = m.id AND t.ended_date IS NULL))))",
                        org_id, error);
}

/* Per-row triggers are set aside during a bulk load, and their work is done once at the
 * end for every member inserted since it began (the ids above the largest before):
 * - member_fts_insert: the search index takes the new rows in one statement;
 * - member_audit_insert, when the caller only inserts (a member changed during the load
 *   would have its change logged before its insert): an INSERT that fires a trigger runs
 *   as a statement transaction,
 *   which copies every page it changes (a dozen per member: the table, eight indexes, the
 *   audit log and its index) to a statement journal first. That more than doubled the
 *   cost of each member's INSERT; one INSERT … SELECT copies each page once.
 * When the caller only inserts and the table is empty (a committee's first roster), the
 * table's own indexes are set aside too and built at the end: CREATE INDEX sorts once and
 * fills its pages (1.2 s of processor time for 100,000 members, against 1.7 s for
 * inserting each row into seven indexes at random places). The unique
 * index of 身份证号 stays, so duplicates are still refused row by row. (The demo reads
 * members while it loads, and keeps the indexes.)
 * Triggers and indexes are put back from their own stored text, so their definitions live
 * only in the migrations; the audit rows written at the end are the ones
 * member_audit_insert writes (tests/test-import.c compares them). Updates and deletes keep
 * their triggers, except the three of member_tally, for the same statement journal: the
 * table is counted again at the end (RH_MEMBER_TALLY_RECOUNT, 20 ms for 100,000 members). */
gboolean
rh_member_bulk_begin (RhDatabase *db, gboolean insert_only, GError **error)
{
  sqlite3_stmt *stmt;
  g_autoptr (GPtrArray) drops = g_ptr_array_new_with_free_func (sqlite3_free);

  if (!rh_database_exec (db, "CREATE TEMP TABLE IF NOT EXISTS rh_bulk"
                             " (type TEXT, name TEXT, sql TEXT, after_id INTEGER);"
                             "DELETE FROM rh_bulk;",
                         error))
    return FALSE;
  stmt = rh_database_prepare (db, "INSERT INTO rh_bulk SELECT type, name, sql,"
                                  " (SELECT coalesce(max(id), 0) FROM member) FROM sqlite_schema"
                                  " WHERE (type = 'trigger' AND (name = 'member_fts_insert'"
                                  "  OR name IN ('member_tally_insert', 'member_tally_update',"
                                  "               'member_tally_delete')"
                                  "  OR (?1 AND name = 'member_audit_insert')))"
                                  " OR (?1 AND type = 'index' AND tbl_name = 'member'"
                                  "  AND sql IS NOT NULL AND NOT EXISTS (SELECT 1 FROM member))",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, insert_only ? 1 : 0);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      rh_database_set_error (db, error);
      sqlite3_reset (stmt);
      return FALSE;
    }
  sqlite3_reset (stmt);
  stmt = rh_database_prepare (db, "SELECT type, name FROM rh_bulk", error);
  if (stmt == NULL)
    return FALSE;
  /* The names come from the schema, never from the user; %w quotes them all the same. */
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (drops, sqlite3_mprintf ("DROP %s \"%w\"",
                                             g_str_equal (sqlite3_column_text (stmt, 0),
                                                          "index") ? "INDEX" : "TRIGGER",
                                             (const char *) sqlite3_column_text (stmt, 1)));
  sqlite3_reset (stmt);
  for (guint i = 0; i < drops->len; i++)
    if (!rh_database_exec (db, drops->pdata[i], error))
      return FALSE;
  return TRUE;
}

/* What the two triggers would have written for the members inserted after `after_id`.
 * Into an empty search index (a first load), FTS5's own rebuild is a fifth cheaper than
 * inserting the rows one by one through SQL. */
static gboolean
bulk_catch_up (RhDatabase *db, gint64 after_id, gboolean audit, GError **error)
{
  const char *const sql[] = {
    "INSERT INTO audit_log (table_name, row_id, action, new_values)"
    " SELECT 'member', id, 'insert', json_object('org_id', org_id, 'name', name,"
    " 'id_number', id_number, 'status', status) FROM member WHERE id > ?1 ORDER BY id",
    after_id == 0 ? "INSERT INTO member_fts (member_fts) VALUES ('rebuild')"
                  : "INSERT INTO member_fts (rowid, search_text) SELECT id, search_text"
                    " FROM member WHERE id > ?1",
  };

  /* The audit rows only if their trigger was set aside. */
  for (guint i = audit ? 0 : 1; i < G_N_ELEMENTS (sql); i++)
    {
      sqlite3_stmt *stmt = rh_database_prepare (db, sql[i], error);
      int rc;

      if (stmt == NULL)
        return FALSE;
      if (sqlite3_bind_parameter_count (stmt) > 0)
        sqlite3_bind_int64 (stmt, 1, after_id);
      rc = sqlite3_step (stmt);
      if (rc != SQLITE_DONE)
        rh_database_set_error (db, error);
      sqlite3_reset (stmt);
      if (rc != SQLITE_DONE)
        return FALSE;
    }
  return TRUE;
}

gboolean
rh_member_bulk_end (RhDatabase *db, GError **error)
{
  sqlite3_stmt *stmt = rh_database_prepare (db, "SELECT sql, after_id, name = 'member_fts_insert',"
                                                " name = 'member_audit_insert'"
                                                " FROM rh_bulk ORDER BY type", error);
  g_autoptr (GPtrArray) schema = g_ptr_array_new_with_free_func (g_free);
  gint64 after_id = 0;
  gboolean search = FALSE, audit = FALSE;

  if (stmt == NULL)
    return FALSE;
  /* Indexes first ("index" < "trigger"), so they are built before the triggers return. */
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_ptr_array_add (schema, rh_sql_dup (stmt, 0));
      after_id = sqlite3_column_int64 (stmt, 1);
      search |= sqlite3_column_int (stmt, 2);
      audit |= sqlite3_column_int (stmt, 3);
    }
  sqlite3_reset (stmt);
  if (!search)
    {
      g_set_error (error, RH_DATABASE_ERROR, RH_DATABASE_ERROR_SQL,
                   _("A bulk load ended that had not begun"));
      return FALSE;
    }
  if (!bulk_catch_up (db, after_id, audit, error)
      || !rh_database_exec (db, RH_MEMBER_TALLY_RECOUNT "DELETE FROM rh_bulk;", error))
    return FALSE;
  for (guint i = 0; i < schema->len; i++)
    if (!rh_database_exec (db, schema->pdata[i], error))
      return FALSE;
  return TRUE;
}
