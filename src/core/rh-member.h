/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Party members (党员) and people in the development pipeline (发展党员). */
#pragma once

#include "rh-database.h"
#include "rh-types.h"
#include "rh-validate.h"

G_BEGIN_DECLS

#define RH_TYPE_MEMBER (rh_member_get_type ())
G_DECLARE_FINAL_TYPE (RhMember, rh_member, RH, MEMBER, GObject)

struct _RhMember
{
  GObject parent_instance;

  gint64         id;              /* 0 until inserted */
  gint64         org_id;          /* the branch */
  gint64         group_id;        /* the party group, 0 for none */
  char          *name;
  char          *pinyin;
  char          *initials;
  RhGender       gender;
  char          *ethnicity;
  char          *birth_date;
  char          *id_number;
  char          *phone;
  char          *education;
  char          *post;            /* 工作岗位 */
  RhMemberStatus status;
  char          *applied_date;    /* 递交入党申请 */
  char          *talk_date;       /* 谈话 (due within a month of applying) */
  char          *activist_date;   /* 列为积极分子 */
  char          *candidate_date;  /* 列为发展对象 */
  char          *admitted_date;   /* 支部大会接收为预备党员 (入党) */
  char          *full_date;       /* 转正 */
  int            probation_extension_months; /* 0, or 6–12 */
  char          *vanguard_post;   /* 党员先锋岗/示范岗 */
  gboolean       is_cadre;
  RhFlowState    flow;
  char          *note;
  char          *archived_date;   /* NULL while active */
  char          *archive_reason;  /* e.g. 组织关系转出 to … */

  /* Joined for display by list queries; not stored. */
  char          *branch_name;
  char          *group_name;
};

RhMember *rh_member_new (void);
RhMember *rh_member_copy (RhMember *member);

/* Every rule on one member, with today as the reference date. The first problem wins;
 * its code is the RhField at fault. Duplicate ids need the database: see rh_member_insert. */
gboolean rh_member_validate (RhMember *member, const GDate *today, GError **error);
/* All problems of one member, as "field: message" strings (for check and import). */
GPtrArray *rh_member_problems (RhMember *member, const GDate *today);
/* The same as GErrors of RH_VALIDATION_ERROR whose codes are the fields at fault (import). */
GPtrArray *rh_member_errors (RhMember *member, const GDate *today);

/* Validate, refuse duplicate 身份证号, compute pinyin, write. */
gboolean  rh_member_insert (RhDatabase *db, RhMember *member, GError **error);
gboolean  rh_member_update (RhDatabase *db, RhMember *member, GError **error);
/* The derived fields rh_member_insert and rh_member_update set before validating: the
 * 身份证号 trimmed in capitals, the birth date from it when empty, pinyin and initials. */
void      rh_member_normalise (RhMember *member);
/* For the import, which checks every row before writing any: the branch and group are
 * checked once per organisation with rh_member_check_orgs, and each member was normalised
 * and found without errors by rh_member_errors. These write it without checking it again;
 * a 身份证号 recorded meanwhile is still refused (by the UNIQUE constraint) in the words of
 * rh_member_insert. */
gboolean  rh_member_check_orgs (RhDatabase *db, gint64 org_id, gint64 group_id,
                                GError **error);
gboolean  rh_member_insert_checked (RhDatabase *db, RhMember *member, GError **error);
gboolean  rh_member_update_checked (RhDatabase *db, RhMember *member, GError **error);
/* Transfer out / archive: kept forever, hidden from the active roster. */
gboolean  rh_member_archive (RhDatabase *db, gint64 id, const char *date,
                             const char *reason, GError **error);
gboolean  rh_member_restore (RhDatabase *db, gint64 id, GError **error);
RhMember *rh_member_load (RhDatabase *db, gint64 id, GError **error);
/* Fills a member from a row of the standard member SELECT (see RH_MEMBER_COLUMNS). */
RhMember *rh_member_from_row (sqlite3_stmt *stmt);
/* Active members of one branch (not its subtree), by pinyin; at most 2000. */
GPtrArray *rh_member_list_for_org (RhDatabase *db, gint64 org_id, GError **error);

/* Bulk loading (demo, import), inside the caller's transaction: the search
 * index (and, see insert_only, the audit log's insert rows) are written once at
 * the end instead of row by row, which is several times faster. Both run in
 * that transaction, so a rollback undoes them. Members inserted in between must not be deleted or have
 * their search_text changed before the end (their index rows are not there yet).
 * `insert_only`: the caller inserts members and neither reads nor changes any of
 * them until the end; their audit rows are then written at the end too (with
 * FALSE, row by row, so that a change made during the load is logged after its
 * insert), and into an empty table the member indexes are built at the end. */
/* Counts member_tally (migration 0012) again from the member table. All members by status
 * are a scan of the narrow member_status index, and those transferred out a range of
 * member_sort ("+status" keeps the planner on it): 20 ms at 100,000 members, where grouping
 * the table by both columns reads every row (180-340 ms). */
#define RH_MEMBER_TALLY_RECOUNT                                                              \
  "DELETE FROM member_tally;"                                                                \
  "INSERT INTO member_tally (status, archived, n) SELECT status, 1, count(*) FROM member"    \
  " WHERE archived_date IS NOT NULL GROUP BY +status;"                                       \
  "INSERT INTO member_tally (status, archived, n) SELECT status, 0, count(*) - coalesce ("   \
  " (SELECT t.n FROM member_tally t WHERE t.status = m.status AND t.archived = 1), 0)"       \
  " FROM member m GROUP BY status;"

gboolean rh_member_bulk_begin (RhDatabase *db, gboolean insert_only, GError **error);
gboolean rh_member_bulk_end (RhDatabase *db, GError **error);

/* People who can hold a committee role in an organisation: a branch's full members;
 * for higher organisations, cadres and committee members of the branches below. */
GPtrArray *rh_member_list_committee_candidates (RhDatabase *db, gint64 org_id, GError **error);

/* The SELECT list understood by rh_member_from_row; needs FROM member m
 * LEFT JOIN organisation b ON b.id = m.org_id LEFT JOIN organisation g ON g.id = m.group_id. */
extern const char RH_MEMBER_COLUMNS[];

G_END_DECLS
