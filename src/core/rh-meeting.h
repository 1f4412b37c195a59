/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Meeting records (三会一课 and other organisational life) with attendance. */
#pragma once

#include "rh-database.h"
#include "rh-types.h"

G_BEGIN_DECLS

/* An exception to "everyone expected was present". */
typedef struct {
  gint64            member_id;
  RhAttendanceState state;      /* RH_ATTENDANCE_LEAVE or RH_ATTENDANCE_ABSENT */
  char             *reason;
  char             *member_name;  /* filled by loads, for display */
} RhAbsence;

void rh_absence_free (RhAbsence *absence);

#define RH_TYPE_MEETING (rh_meeting_get_type ())
G_DECLARE_FINAL_TYPE (RhMeeting, rh_meeting, RH, MEETING, GObject)

struct _RhMeeting
{
  GObject       parent_instance;

  gint64        id;              /* 0 until saved */
  gint64        org_id;          /* the branch; the party group for 党小组会 */
  RhMeetingKind kind;
  char         *date;
  char         *place;
  gint64        host_id;
  gint64        recorder_id;
  char         *topic;
  char         *business_topic;  /* 融合议题 */
  gint64        task_id;         /* a central task it discussed, or 0 */
  char         *decisions;
  char         *minutes;
  GPtrArray    *absences;        /* RhAbsence */

  /* Worked out on save. */
  int           expected;
  int           present;
  gboolean      valid;           /* the quorum was reached */

  /* Filled by loads, for display. */
  char         *org_name;
  char         *host_name;
};

RhMeeting *rh_meeting_new (void);
void       rh_meeting_add_absence (RhMeeting *meeting, gint64 member_id, RhAttendanceState state,
                                   const char *reason);

/* Validates, works out expected/present/quorum, and writes the record and
 * its attendance in one transaction. Sets meeting->id on insert. */
gboolean   rh_meeting_save (RhDatabase *db, RhMeeting *meeting, GError **error);
gboolean   rh_meeting_delete (RhDatabase *db, gint64 id, GError **error);
RhMeeting *rh_meeting_load (RhDatabase *db, gint64 id, GError **error);
/* Meetings of an organisation's subtree (0: all) within [first, last], newest first. */
GPtrArray *rh_meeting_list (RhDatabase *db, gint64 org_id, const char *first, const char *last,
                            int kind, GError **error);

typedef struct {
  gint64   member_id;
  gboolean voting;   /* a full member that day: only they vote (预备党员 do not) */
} RhAttendee;

/* The people expected at a meeting of this kind, on this day, in this
 * organisation (an array of RhAttendee): its members then, the party group's
 * for 党小组会, or the committee in office then for 支委会. */
GArray    *rh_meeting_expected (RhDatabase *db, gint64 org_id, RhMeetingKind kind,
                                const char *date, GError **error);

/* A member's attendance over a period: meetings they were expected at, and
 * those they were present at. FALSE on a database error. */
gboolean   rh_member_attendance (RhDatabase *db, gint64 member_id, const char *first,
                                 const char *last, int *expected, int *present, GError **error);

/* Frequency rules: how often each kind is required. */
typedef enum {
  RH_RULE_MONTH,
  RH_RULE_QUARTER,
  RH_RULE_YEAR,
  RH_RULE_NONE,
} RhRulePeriod;

typedef struct {
  RhRulePeriod period;
  int          times;
} RhMeetingRule;

gboolean   rh_meeting_rules_load (RhDatabase *db, RhMeetingRule rules[RH_N_MEETING_KINDS],
                                  GError **error);
gboolean   rh_meeting_rule_set (RhDatabase *db, RhMeetingKind kind, RhRulePeriod period,
                                int times, GError **error);
const char *rh_rule_period_label (RhRulePeriod period);

G_END_DECLS
