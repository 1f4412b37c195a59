/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Compliance with the frequency rules of 三会一课: required against held. */
#pragma once

#include "rh-database.h"
#include "rh-meeting.h"
#include "rh-period.h"

G_BEGIN_DECLS

typedef enum {
  RH_UNIT_MET,      /* enough valid meetings */
  RH_UNIT_MISSED,   /* over, and not enough */
  RH_UNIT_PENDING,  /* not over yet, and not yet enough: not counted */
  RH_UNIT_NOT_DUE,  /* before the branch was founded, or no committee in office: not counted */
} RhUnitState;

/* One month, quarter or year of a rule within the period asked for. */
typedef struct {
  RhPeriod    period;
  int         held;       /* valid meetings counted (at most `times` per group) */
  int         required;
  RhUnitState state;
} RhComplianceUnit;

typedef struct {
  gboolean applicable;    /* FALSE: not counted (rule off, coarser than the period, no committee…) */
  int      times;         /* per unit and per group */
  int      required;      /* over the units that count */
  int      met;
  int      held;          /* valid meetings in the period */
  int      invalid;       /* meetings below quorum: held but not counted */
  GArray  *units;         /* RhComplianceUnit */
} RhComplianceKind;

typedef struct {
  gint64           org_id;
  char            *org_name;
  RhPeriod         period;
  RhComplianceKind kinds[RH_N_MEETING_KINDS];
  int              required;
  int              met;
  double           rate;  /* met / required, or -1 when nothing is due yet */
  /* People present and expected at every meeting of the period held by the
   * branch or one of its groups, archived groups included, valid or not. */
  gint64           present;
  gint64           expected;
} RhCompliance;

void          rh_compliance_free (RhCompliance *c);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RhCompliance, rh_compliance_free)

/* One branch over a period, as of today (NULL: the real today). */
RhCompliance *rh_compliance_compute (RhDatabase *db, gint64 branch_id, const RhPeriod *period,
                                     const GDate *today, GError **error);
/* Every active branch, by pinyin, in a few queries whatever their number. */
GPtrArray    *rh_compliance_compute_all (RhDatabase *db, const RhPeriod *period,
                                         const GDate *today, GError **error);
/* The same for the active branches whose ids are keys of branch_ids (gint64
 * pointers, as with g_int64_hash), by pinyin: a few of a large committee's
 * cost a fraction of all of them. */
GPtrArray    *rh_compliance_compute_some (RhDatabase *db, const RhPeriod *period,
                                          GHashTable *branch_ids, const GDate *today,
                                          GError **error);

G_END_DECLS
