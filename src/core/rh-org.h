/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Party organisations: the tree 党委 → 党总支 → 党支部 → 党小组. */
#pragma once

#include "rh-database.h"
#include "rh-types.h"

G_BEGIN_DECLS

#define RH_TYPE_ORG (rh_org_get_type ())
G_DECLARE_FINAL_TYPE (RhOrg, rh_org, RH, ORG, GObject)

struct _RhOrg
{
  GObject parent_instance;

  gint64     id;              /* 0 until inserted */
  gint64     parent_id;       /* 0 for a root */
  RhOrgKind  kind;
  char      *name;
  char      *pinyin;
  char      *initials;
  RhHostType host_type;
  gboolean   is_temporary;    /* 临时党支部 */
  char      *founded_date;
  char      *business_unit;   /* the unit it is built on (科研项目组, 生产线…) */
  char      *brand_name;      /* 党建品牌 */
  char      *brand_summary;
  char      *honours;         /* one per line */
  char      *partners;        /* 联建/共建单位, one per line */
  char      *note;
  char      *archived_date;   /* NULL while active */
  char      *archive_reason;

  /* Filled by rh_org_fill_member_counts and queries that count; not stored. */
  int        member_count;    /* active members in the subtree */
  int        child_count;
};

RhOrg   *rh_org_new (RhOrgKind kind, const char *name);
RhOrg   *rh_org_copy (RhOrg *org);

/* Validates and inserts; sets org->id. */
gboolean rh_org_insert (RhDatabase *db, RhOrg *org, GError **error);
/* Validates and writes every stored field except parent and archive. */
gboolean rh_org_update (RhDatabase *db, RhOrg *org, GError **error);
/* Moves under a new parent; refuses cycles and kinds that cannot contain it. */
gboolean rh_org_move (RhDatabase *db, gint64 org_id, gint64 new_parent_id, GError **error);
/* Archives an organisation that has no active members or children. */
gboolean rh_org_archive (RhDatabase *db, gint64 org_id, const char *date,
                         const char *reason, GError **error);

RhOrg     *rh_org_load (RhDatabase *db, gint64 id, GError **error);
/* Active children of parent_id (0: the roots), by kind then pinyin. */
GPtrArray *rh_org_list_children (RhDatabase *db, gint64 parent_id, GError **error);
/* The name of the first root (the committee), as rh_org_list_children orders
 * them; NULL when there is none. */
char      *rh_org_root_name (RhDatabase *db);
/* Every active organisation of the given kinds (a mask of 1 << RhOrgKind), by pinyin. */
GPtrArray *rh_org_list_by_kind (RhDatabase *db, guint kind_mask, GError **error);
/* Active members of every organisation's subtree: a table from gint64 id to count. */
GHashTable *rh_org_member_counts (RhDatabase *db);
/* Sets member_count on each organisation from such a table. */
void        rh_org_fill_member_counts (GPtrArray *orgs, GHashTable *counts);
/* Ids of org_id and all its active descendants. */
GArray    *rh_org_subtree_ids (RhDatabase *db, gint64 org_id, GError **error);
/* "党委 / 总支 / 支部" for display. */
char      *rh_org_path_label (RhDatabase *db, gint64 org_id);
gint64     rh_org_count (RhDatabase *db);

/* Committee (支委会) terms and roles. */
typedef struct {
  gint64 id;
  gint64 org_id;
  char  *start_date;
  int    years;        /* 3, or 5 for 村/社区 */
  char  *due_date;     /* start + years */
} RhTerm;

typedef struct {
  gint64          id;
  gint64          member_id;
  RhCommitteeRole role;
  char           *member_name;
} RhRole;

void     rh_term_free (RhTerm *term);
void     rh_role_free (RhRole *role);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RhTerm, rh_term_free)

/* The current term of an organisation, or NULL (no error) when it has none. */
RhTerm    *rh_term_current (RhDatabase *db, gint64 org_id, GError **error);
/* Starts a new term (换届), closing the previous one; roles is an array of RhRole. */
gboolean   rh_term_start (RhDatabase *db, gint64 org_id, const char *start_date, int years,
                          GPtrArray *roles, GError **error);
/* Roles of the current term, secretary first. */
GPtrArray *rh_term_roles (RhDatabase *db, gint64 org_id, GError **error);
/* Every organisation's secretary in its current term, as rh_term_roles puts
 * first: a table from gint64 org id to the name, for exports of many branches. */
GHashTable *rh_term_secretaries (RhDatabase *db, GError **error);

G_END_DECLS
