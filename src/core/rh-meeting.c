/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "rh-config.h"

#include <glib/gi18n-lib.h>
#include "rh-meeting.h"
#include "rh-org.h"
#include "rh-sql.h"
#include "rh-validate.h"

G_DEFINE_FINAL_TYPE (RhMeeting, rh_meeting, G_TYPE_OBJECT)

void
rh_absence_free (RhAbsence *absence)
{
  if (absence == NULL)
    return;
  g_free (absence->reason);
  g_free (absence->member_name);
  g_free (absence);
}

static void
rh_meeting_finalize (GObject *object)
{
  RhMeeting *self = RH_MEETING (object);
  char **strings[] = { &self->date, &self->place, &self->topic, &self->business_topic,
                       &self->decisions, &self->minutes, &self->org_name, &self->host_name };

  for (guint i = 0; i < G_N_ELEMENTS (strings); i++)
    g_free (*strings[i]);
  g_ptr_array_unref (self->absences);
  G_OBJECT_CLASS (rh_meeting_parent_class)->finalize (object);
}

static void
rh_meeting_class_init (RhMeetingClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rh_meeting_finalize;
}

static void
rh_meeting_init (RhMeeting *self)
{
  self->absences = g_ptr_array_new_with_free_func ((GDestroyNotify) rh_absence_free);
  self->valid = TRUE;
}

RhMeeting *
rh_meeting_new (void)
{
  return g_object_new (RH_TYPE_MEETING, NULL);
}

void
rh_meeting_add_absence (RhMeeting *meeting, gint64 member_id, RhAttendanceState state,
                        const char *reason)
{
  RhAbsence *a = g_new0 (RhAbsence, 1);

  a->member_id = member_id;
  a->state = state;
  a->reason = g_strdup (reason);
  g_ptr_array_add (meeting->absences, a);
}

GArray *
rh_meeting_expected (RhDatabase *db, gint64 org_id, RhMeetingKind kind, const char *date,
                     GError **error)
{
  /* Members that day: admitted by then and not yet transferred out. */
  static const char *const members_sql =
    "SELECT id, full_date IS NOT NULL AND full_date <= ?2 FROM member"
    " WHERE org_id = ?1 AND admitted_date <= ?2 AND (archived_date IS NULL OR archived_date > ?2)";
  static const char *const group_sql =
    "SELECT id, full_date IS NOT NULL AND full_date <= ?2 FROM member"
    " WHERE group_id = ?1 AND admitted_date <= ?2 AND (archived_date IS NULL OR archived_date > ?2)";
  /* The committee in office that day. */
  static const char *const committee_sql =
    "SELECT r.member_id, 1 FROM committee_role r JOIN committee_term t ON t.id = r.term_id"
    " WHERE t.org_id = ?1 AND t.start_date <= ?2 AND (t.ended_date IS NULL OR t.ended_date > ?2)";
  sqlite3_stmt *stmt = rh_database_prepare (db, kind == RH_MEETING_COMMITTEE ? committee_sql
                                                : kind == RH_MEETING_GROUP   ? group_sql
                                                                             : members_sql,
                                            error);
  GArray *people;

  if (stmt == NULL)
    return NULL;
  people = g_array_new (FALSE, FALSE, sizeof (RhAttendee));
  sqlite3_bind_int64 (stmt, 1, org_id);
  rh_sql_bind_text (stmt, 2, date);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      RhAttendee a = { sqlite3_column_int64 (stmt, 0), sqlite3_column_int (stmt, 1) != 0 };
      g_array_append_val (people, a);
    }
  sqlite3_reset (stmt);
  return people;
}

static const RhAttendee *
find_attendee (GArray *people, gint64 member_id)
{
  for (guint i = 0; i < people->len; i++)
    if (g_array_index (people, RhAttendee, i).member_id == member_id)
      return &g_array_index (people, RhAttendee, i);
  return NULL;
}

static gboolean
fail (GError **error, RhField field, char *message)
{
  g_set_error_literal (error, RH_VALIDATION_ERROR, field, message);
  g_free (message);
  return FALSE;
}

/* The organisation must be a branch, or a party group for 党小组会. */
static gboolean
check_organisation (RhDatabase *db, RhMeeting *m, gint64 *branch_id, GError **error)
{
  g_autoptr (RhOrg) org = rh_org_load (db, m->org_id, NULL);
  RhOrgKind wanted = m->kind == RH_MEETING_GROUP ? RH_ORG_GROUP : RH_ORG_BRANCH;

  if (org == NULL || org->archived_date != NULL || org->kind != wanted)
    return fail (error, RH_FIELD_BRANCH,
                 g_strdup_printf (m->kind == RH_MEETING_GROUP
                                    ? _("%s: a party group meeting is held by a party group")
                                    : _("%s: choose the branch that held the meeting"),
                                  rh_field_label (RH_FIELD_BRANCH)));
  *branch_id = org->kind == RH_ORG_GROUP ? org->parent_id : org->id;
  return TRUE;
}

/* Host and recorder were members of the branch that day (one indexed lookup). */
static gboolean
check_person (RhDatabase *db, gint64 branch_id, const char *date, gint64 member_id,
              RhField field, GError **error)
{
  sqlite3_stmt *stmt;
  gboolean member;

  if (member_id == 0)
    return TRUE;
  stmt = rh_database_prepare (db, "SELECT 1 FROM member WHERE id = ?1 AND org_id = ?2"
                                  " AND admitted_date <= ?3"
                                  " AND (archived_date IS NULL OR archived_date > ?3)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, member_id);
  sqlite3_bind_int64 (stmt, 2, branch_id);
  rh_sql_bind_text (stmt, 3, date);
  member = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);
  if (!member)
    return fail (error, field, g_strdup_printf (_("%s: was not a member of the branch on %s"),
                                                rh_field_label (field), date));
  return TRUE;
}

/* Works out who was expected and present, and whether the quorum was met:
 * a general assembly needs more than half of the voting (full) members, a
 * committee meeting more than half of the committee. */
static gboolean
count_attendance (RhDatabase *db, RhMeeting *m, GError **error)
{
  g_autoptr (GArray) expected = rh_meeting_expected (db, m->org_id, m->kind, m->date, error);
  int voting = 0, voting_absent = 0;

  if (expected == NULL)
    return FALSE;
  for (guint i = 0; i < m->absences->len; i++)
    {
      RhAbsence *a = m->absences->pdata[i];
      const RhAttendee *who = find_attendee (expected, a->member_id);

      if (who == NULL)
        return fail (error, RH_FIELD_ATTENDANCE,
                     g_strdup_printf (_("%s: member %lld was not expected at this meeting on %s "
                                        "(not a member of it that day)"),
                                      rh_field_label (RH_FIELD_ATTENDANCE),
                                      (long long) a->member_id, m->date));
      if (a->state != RH_ATTENDANCE_LEAVE && a->state != RH_ATTENDANCE_ABSENT)
        return fail (error, RH_FIELD_ATTENDANCE,
                     g_strdup_printf (_("%s: only leave and absence are recorded"),
                                      rh_field_label (RH_FIELD_ATTENDANCE)));
      for (guint j = 0; j < i; j++)
        if (((RhAbsence *) m->absences->pdata[j])->member_id == a->member_id)
          return fail (error, RH_FIELD_ATTENDANCE,
                       g_strdup_printf (_("%s: member %lld is listed twice"),
                                        rh_field_label (RH_FIELD_ATTENDANCE),
                                        (long long) a->member_id));
      if (who->voting)
        voting_absent++;
    }
  for (guint i = 0; i < expected->len; i++)
    voting += g_array_index (expected, RhAttendee, i).voting;

  m->expected = (int) expected->len;
  m->present = m->expected - (int) m->absences->len;
  if (m->kind == RH_MEETING_GENERAL_ASSEMBLY)
    m->valid = 2 * (voting - voting_absent) > voting;
  else if (m->kind == RH_MEETING_COMMITTEE)
    m->valid = 2 * m->present > m->expected;
  else
    m->valid = TRUE;
  return TRUE;
}

static gboolean
validate (RhDatabase *db, RhMeeting *m, GError **error)
{
  gint64 branch_id = 0;

  if (m->kind >= RH_N_MEETING_KINDS)
    return fail (error, RH_FIELD_MEETING_KIND,
                 g_strdup_printf (_("%s: unknown kind"), rh_field_label (RH_FIELD_MEETING_KIND)));
  return rh_validate_date (m->date, RH_FIELD_MEETING_DATE, TRUE, NULL, error)
         && check_organisation (db, m, &branch_id, error)
         && check_person (db, branch_id, m->date, m->host_id, RH_FIELD_HOST, error)
         && check_person (db, branch_id, m->date, m->recorder_id, RH_FIELD_RECORDER, error)
         && count_attendance (db, m, error);
}

static gboolean
write_meeting (RhDatabase *db, gpointer data, GError **error)
{
  RhMeeting *m = data;
  sqlite3_stmt *stmt;

  stmt = rh_database_prepare (db, m->id == 0
    ? "INSERT INTO meeting (org_id, kind, date, place, host_id, recorder_id, topic,"
      " business_topic, task_id, decisions, minutes, expected, present, valid)"
      " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)"
    : "UPDATE meeting SET org_id = ?1, kind = ?2, date = ?3, place = ?4, host_id = ?5,"
      " recorder_id = ?6, topic = ?7, business_topic = ?8, task_id = ?9, decisions = ?10,"
      " minutes = ?11, expected = ?12, present = ?13, valid = ?14 WHERE id = ?15",
    error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, m->org_id);
  rh_sql_bind_text (stmt, 2, rh_meeting_kind_to_string (m->kind));
  rh_sql_bind_text (stmt, 3, m->date);
  rh_sql_bind_text (stmt, 4, m->place);
  rh_sql_bind_id (stmt, 5, m->host_id);
  rh_sql_bind_id (stmt, 6, m->recorder_id);
  rh_sql_bind_text (stmt, 7, m->topic);
  rh_sql_bind_text (stmt, 8, m->business_topic);
  rh_sql_bind_id (stmt, 9, m->task_id);
  rh_sql_bind_text (stmt, 10, m->decisions);
  rh_sql_bind_text (stmt, 11, m->minutes);
  sqlite3_bind_int (stmt, 12, m->expected);
  sqlite3_bind_int (stmt, 13, m->present);
  sqlite3_bind_int (stmt, 14, m->valid ? 1 : 0);
  if (m->id != 0)
    sqlite3_bind_int64 (stmt, 15, m->id);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return rh_database_set_error (db, error);
  if (m->id == 0)
    m->id = sqlite3_last_insert_rowid (rh_database_get_handle (db));

  stmt = rh_database_prepare (db, "DELETE FROM attendance WHERE meeting_id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, m->id);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return rh_database_set_error (db, error);
  for (guint i = 0; i < m->absences->len; i++)
    {
      RhAbsence *a = m->absences->pdata[i];

      stmt = rh_database_prepare (db, "INSERT INTO attendance (meeting_id, member_id, state, reason)"
                                      " VALUES (?1, ?2, ?3, ?4)", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, m->id);
      sqlite3_bind_int64 (stmt, 2, a->member_id);
      rh_sql_bind_text (stmt, 3, rh_attendance_to_string (a->state));
      rh_sql_bind_text (stmt, 4, a->reason);
      if (sqlite3_step (stmt) != SQLITE_DONE)
        return rh_database_set_error (db, error);
    }
  return TRUE;
}

gboolean
rh_meeting_save (RhDatabase *db, RhMeeting *meeting, GError **error)
{
  gint64 id = meeting->id;

  if (!validate (db, meeting, error))
    return FALSE;
  if (!rh_database_transaction (db, write_meeting, meeting, error))
    {
      meeting->id = id;  /* an insert that rolled back has no id */
      return FALSE;
    }
  return TRUE;
}

gboolean
rh_meeting_delete (RhDatabase *db, gint64 id, GError **error)
{
  sqlite3_stmt *stmt = rh_database_prepare (db, "DELETE FROM meeting WHERE id = ?1", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return rh_database_set_error (db, error);
  return TRUE;
}

#define MEETING_SELECT                                                                        \
  "SELECT mt.id, mt.org_id, mt.kind, mt.date, mt.place, mt.host_id, mt.recorder_id, mt.topic," \
  " mt.business_topic, mt.task_id, mt.decisions, mt.minutes, mt.expected, mt.present,"        \
  " mt.valid, o.name, h.name FROM meeting mt JOIN organisation o ON o.id = mt.org_id"         \
  " LEFT JOIN member h ON h.id = mt.host_id"

static RhMeeting *
meeting_from_row (sqlite3_stmt *stmt)
{
  RhMeeting *m = rh_meeting_new ();
  int kind = rh_meeting_kind_from_string (rh_sql_text (stmt, 2));

  m->id = sqlite3_column_int64 (stmt, 0);
  m->org_id = sqlite3_column_int64 (stmt, 1);
  m->kind = kind >= 0 ? (RhMeetingKind) kind : RH_MEETING_GENERAL_ASSEMBLY;
  m->date = rh_sql_dup (stmt, 3);
  m->place = rh_sql_dup (stmt, 4);
  m->host_id = sqlite3_column_int64 (stmt, 5);
  m->recorder_id = sqlite3_column_int64 (stmt, 6);
  m->topic = rh_sql_dup (stmt, 7);
  m->business_topic = rh_sql_dup (stmt, 8);
  m->task_id = sqlite3_column_int64 (stmt, 9);
  m->decisions = rh_sql_dup (stmt, 10);
  m->minutes = rh_sql_dup (stmt, 11);
  m->expected = sqlite3_column_int (stmt, 12);
  m->present = sqlite3_column_int (stmt, 13);
  m->valid = sqlite3_column_int (stmt, 14) != 0;
  m->org_name = rh_sql_dup (stmt, 15);
  m->host_name = rh_sql_dup (stmt, 16);
  return m;
}

RhMeeting *
rh_meeting_load (RhDatabase *db, gint64 id, GError **error)
{
  sqlite3_stmt *stmt = rh_database_prepare (db, MEETING_SELECT " WHERE mt.id = ?1", error);
  RhMeeting *m = NULL;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    m = meeting_from_row (stmt);
  sqlite3_reset (stmt);
  if (m == NULL)
    {
      g_set_error (error, RH_DATABASE_ERROR, RH_DATABASE_ERROR_NOT_FOUND,
                   _("Meeting %lld was not found"), (long long) id);
      return NULL;
    }
  stmt = rh_database_prepare (db, "SELECT a.member_id, a.state, a.reason, me.name"
                                  " FROM attendance a JOIN member me ON me.id = a.member_id"
                                  " WHERE a.meeting_id = ?1 ORDER BY me.pinyin", error);
  if (stmt == NULL)
    {
      g_object_unref (m);
      return NULL;
    }
  sqlite3_bind_int64 (stmt, 1, id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      int state = rh_attendance_from_string (rh_sql_text (stmt, 1));
      rh_meeting_add_absence (m, sqlite3_column_int64 (stmt, 0),
                              state >= 0 ? (RhAttendanceState) state : RH_ATTENDANCE_ABSENT,
                              rh_sql_text (stmt, 2));
      ((RhAbsence *) m->absences->pdata[m->absences->len - 1])->member_name = rh_sql_dup (stmt, 3);
    }
  sqlite3_reset (stmt);
  return m;
}

GPtrArray *
rh_meeting_list (RhDatabase *db, gint64 org_id, const char *first, const char *last, int kind,
                 GError **error)
{
  sqlite3_stmt *stmt = rh_database_prepare (db,
    "WITH RECURSIVE sub(id) AS (SELECT ?1 UNION ALL SELECT o.id FROM organisation o"
    " JOIN sub ON o.parent_id = sub.id) " MEETING_SELECT
    " WHERE (?1 = 0 OR mt.org_id IN (SELECT id FROM sub)) AND mt.date BETWEEN ?2 AND ?3"
    " AND (?4 < 0 OR mt.kind = ?5) ORDER BY mt.date DESC, mt.id DESC",
    error);
  GPtrArray *meetings;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, org_id);
  rh_sql_bind_text (stmt, 2, first);
  rh_sql_bind_text (stmt, 3, last);
  sqlite3_bind_int (stmt, 4, kind);
  rh_sql_bind_text (stmt, 5, kind >= 0 ? rh_meeting_kind_to_string (kind) : NULL);
  meetings = g_ptr_array_new_with_free_func (g_object_unref);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (meetings, meeting_from_row (stmt));
  sqlite3_reset (stmt);
  return meetings;
}

gboolean
rh_member_attendance (RhDatabase *db, gint64 member_id, const char *first, const char *last,
                      int *expected, int *present, GError **error)
{
  /* The meetings the member was expected at: the branch's meetings for all
   * members, the party group's, and 支委会 while on the committee; each
   * while a member. Present unless an attendance row says otherwise. */
  sqlite3_stmt *stmt = rh_database_prepare (db,
    "SELECT count(*), coalesce(sum(a.member_id IS NULL), 0) FROM member me"
    " JOIN meeting mt ON mt.date BETWEEN ?2 AND ?3 AND mt.date >= me.admitted_date"
    "  AND (me.archived_date IS NULL OR mt.date < me.archived_date)"
    "  AND ((mt.org_id = me.org_id AND mt.kind IN ('general_assembly', 'lecture', 'theme_day',"
    "        'life_meeting', 'review'))"
    "   OR (mt.org_id = me.group_id AND mt.kind = 'group')"
    "   OR (mt.org_id = me.org_id AND mt.kind = 'committee' AND EXISTS (SELECT 1"
    "        FROM committee_role r JOIN committee_term t ON t.id = r.term_id"
    "        WHERE r.member_id = me.id AND t.org_id = mt.org_id AND t.start_date <= mt.date"
    "        AND (t.ended_date IS NULL OR t.ended_date > mt.date))))"
    " LEFT JOIN attendance a ON a.meeting_id = mt.id AND a.member_id = me.id"
    " WHERE me.id = ?1",
    error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, member_id);
  rh_sql_bind_text (stmt, 2, first);
  rh_sql_bind_text (stmt, 3, last);
  *expected = *present = 0;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      *expected = sqlite3_column_int (stmt, 0);
      *present = sqlite3_column_int (stmt, 1);
    }
  sqlite3_reset (stmt);
  return TRUE;
}

static const char *const rule_period_names[] = { "month", "quarter", "year", "none" };

const char *
rh_rule_period_label (RhRulePeriod period)
{
  static const char *const labels[] = { N_("Monthly"), N_("Quarterly"), N_("Yearly"),
                                        N_("Not counted") };
  return period <= RH_RULE_NONE ? g_dgettext (GETTEXT_PACKAGE, labels[period]) : "";
}

gboolean
rh_meeting_rules_load (RhDatabase *db, RhMeetingRule rules[RH_N_MEETING_KINDS], GError **error)
{
  sqlite3_stmt *stmt = rh_database_prepare (db, "SELECT kind, period, times FROM meeting_rule",
                                            error);

  if (stmt == NULL)
    return FALSE;
  for (int k = 0; k < RH_N_MEETING_KINDS; k++)
    rules[k] = (RhMeetingRule) { RH_RULE_NONE, 0 };
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      int kind = rh_meeting_kind_from_string (rh_sql_text (stmt, 0));
      for (int p = 0; kind >= 0 && p <= RH_RULE_NONE; p++)
        if (g_strcmp0 (rh_sql_text (stmt, 1), rule_period_names[p]) == 0)
          rules[kind] = (RhMeetingRule) { (RhRulePeriod) p, sqlite3_column_int (stmt, 2) };
    }
  sqlite3_reset (stmt);
  return TRUE;
}

gboolean
rh_meeting_rule_set (RhDatabase *db, RhMeetingKind kind, RhRulePeriod period, int times,
                     GError **error)
{
  sqlite3_stmt *stmt;

  if (kind >= RH_N_MEETING_KINDS || period > RH_RULE_NONE || times < 0 || times > 31)
    return fail (error, RH_FIELD_RULE,
                 g_strdup_printf (_("%s: between 0 and 31 meetings a month, quarter or year"),
                                  rh_field_label (RH_FIELD_RULE)));
  stmt = rh_database_prepare (db, "INSERT INTO meeting_rule (kind, period, times)"
                                  " VALUES (?1, ?2, ?3) ON CONFLICT (kind) DO UPDATE"
                                  " SET period = excluded.period, times = excluded.times", error);
  if (stmt == NULL)
    return FALSE;
  rh_sql_bind_text (stmt, 1, rh_meeting_kind_to_string (kind));
  rh_sql_bind_text (stmt, 2, rule_period_names[period]);
  sqlite3_bind_int (stmt, 3, times);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return rh_database_set_error (db, error);
  return TRUE;
}
