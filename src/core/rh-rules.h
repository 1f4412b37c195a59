/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Rules computed once in core and shared by every caller: pipeline due dates,
 * committee terms, size rules, reminders and counts. */
#pragma once

#include "rh-database.h"
#include "rh-member.h"
#include "rh-org.h"

G_BEGIN_DECLS

/* Committee needed from this many full members; temporary branches need at least the other. */
#define RH_COMMITTEE_MIN_FULL_MEMBERS 7
#define RH_TEMPORARY_MIN_FULL_MEMBERS 3
/* A term due within this many days is shown as a reminder. */
#define RH_TERM_WARNING_DAYS 90

/* One step of a member's pipeline, for the timeline. */
typedef enum {
  RH_STEP_DONE,      /* date recorded */
  RH_STEP_CURRENT,   /* the next step; due_date may be set */
  RH_STEP_OVERDUE,   /* the next step, past its due date */
  RH_STEP_FUTURE,
} RhStepState;

typedef struct {
  const char *label;      /* translated */
  char       *date;       /* when it happened, or NULL */
  char       *due_date;   /* when it is due or possible, or NULL */
  RhStepState state;
} RhStep;

void       rh_step_free (RhStep *step);
/* The pipeline from application to full membership, with due dates. */
GPtrArray *rh_member_timeline (RhMember *member, const GDate *today);

/* The date probation ends: admitted + 1 year + any extension. NULL without admission. */
char *rh_member_probation_end (RhMember *member);
/* The date an activist may become a candidate: activist date + 1 year. */
char *rh_member_candidate_eligible (RhMember *member);
/* The date the applicant talk is due: applied + 1 month. */
char *rh_member_talk_due (RhMember *member);

typedef enum {
  RH_REMINDER_TERM_DUE,
  RH_REMINDER_TERM_OVERDUE,
  RH_REMINDER_NO_TERM,           /* ≥7 full members but no committee */
  RH_REMINDER_TEMPORARY_SMALL,   /* temporary branch under 3 full members */
  RH_REMINDER_PROBATION_ENDING,  /* within 90 days, or past */
  RH_REMINDER_ACTIVIST_READY,    /* a year as activist has passed */
  RH_REMINDER_TALK_DUE,          /* applicant not talked to within a month */
  RH_REMINDER_MEETINGS_DUE,      /* meetings not yet held this month (or quarter, or year) */
} RhReminderKind;

typedef struct {
  RhReminderKind kind;
  gint64         org_id;     /* the organisation concerned, or 0 */
  gint64         member_id;  /* the member concerned, or 0 */
  char          *title;      /* translated, names the item */
  char          *detail;     /* translated, with the date */
  char          *due_date;
  gboolean       overdue;
} RhReminder;

void       rh_reminder_free (RhReminder *r);
/* Every reminder for the active organisations and members, most urgent first. */
GPtrArray *rh_reminders_compute (RhDatabase *db, const GDate *today, GError **error);

typedef struct {
  int committees;
  int general_branches;
  int branches;
  int groups;
  int members_by_status[RH_N_STATUSES];
  int members_active;
  int members_archived;
} RhCounts;

gboolean rh_counts_compute (RhDatabase *db, RhCounts *counts, GError **error);

/* Full members (正式党员) currently in an organisation's subtree. */
int rh_org_full_member_count (RhDatabase *db, gint64 org_id);

G_END_DECLS
