/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Enumerations shared by every layer, with their stored names and translated labels. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  RH_ORG_COMMITTEE,        /* 党委 */
  RH_ORG_GENERAL_BRANCH,   /* 党总支 */
  RH_ORG_BRANCH,           /* 党支部 */
  RH_ORG_GROUP,            /* 党小组 */
  RH_N_ORG_KINDS
} RhOrgKind;

typedef enum {
  RH_HOST_GOVERNMENT,      /* 机关 */
  RH_HOST_ENTERPRISE,      /* 企业 */
  RH_HOST_UNIVERSITY,      /* 高校 */
  RH_HOST_HOSPITAL,        /* 医院 */
  RH_HOST_TWO_NEW,         /* 两新组织 */
  RH_HOST_RURAL,           /* 农村 */
  RH_HOST_COMMUNITY,       /* 社区 */
  RH_N_HOST_TYPES
} RhHostType;

typedef enum {
  RH_GENDER_MALE,
  RH_GENDER_FEMALE,
  RH_N_GENDERS
} RhGender;

/* The development pipeline, in order. */
typedef enum {
  RH_STATUS_APPLICANT,     /* 入党申请人 */
  RH_STATUS_ACTIVIST,      /* 入党积极分子 */
  RH_STATUS_CANDIDATE,     /* 发展对象 */
  RH_STATUS_PROBATIONARY,  /* 预备党员 */
  RH_STATUS_FULL,          /* 正式党员 */
  RH_N_STATUSES
} RhMemberStatus;

typedef enum {
  RH_ROLE_SECRETARY,         /* 书记 */
  RH_ROLE_DEPUTY_SECRETARY,  /* 副书记 */
  RH_ROLE_ORGANISATION,      /* 组织委员 */
  RH_ROLE_PUBLICITY,         /* 宣传委员 */
  RH_ROLE_DISCIPLINE,        /* 纪检委员 */
  RH_ROLE_MEMBER,            /* 委员 */
  RH_N_ROLES
} RhCommitteeRole;

typedef enum {
  RH_FLOW_NONE,
  RH_FLOW_OUT,   /* 流出: works away from the branch */
  RH_FLOW_IN,    /* 流入: from elsewhere, attached here */
  RH_N_FLOWS
} RhFlowState;

/* 三会一课 and the other kinds of organisational life. */
typedef enum {
  RH_MEETING_GENERAL_ASSEMBLY,  /* 支部党员大会 */
  RH_MEETING_COMMITTEE,         /* 支部委员会 */
  RH_MEETING_GROUP,             /* 党小组会 */
  RH_MEETING_LECTURE,           /* 党课 */
  RH_MEETING_THEME_DAY,         /* 主题党日 */
  RH_MEETING_LIFE,              /* 组织生活会 */
  RH_MEETING_REVIEW,            /* 民主评议党员 */
  RH_MEETING_TALK,              /* 谈心谈话 */
  RH_N_MEETING_KINDS
} RhMeetingKind;

typedef enum {
  RH_ATTENDANCE_PRESENT,
  RH_ATTENDANCE_LEAVE,          /* 请假 */
  RH_ATTENDANCE_ABSENT,         /* 缺席 */
  RH_N_ATTENDANCE
} RhAttendanceState;

/* The seven integration modes of seed 000. */
typedef enum {
  RH_MODE_COORDINATED,   /* 协同式融合 */
  RH_MODE_BRAND,         /* 品牌式融合 */
  RH_MODE_MODEL,         /* 模式融合 */
  RH_MODE_EMPOWERING,    /* 赋能式融合 */
  RH_MODE_ACCOMPANYING,  /* 伴随式融合 */
  RH_MODE_JOINT,         /* 联建式融合 */
  RH_MODE_SCENE,         /* 场景式融合 */
  RH_N_MODES
} RhCaseMode;

typedef enum {
  RH_CASE_DRAFT,
  RH_CASE_SUBMITTED,
  RH_CASE_RECOMMENDED,
  RH_CASE_AWARDED,
  RH_N_CASE_STATUSES
} RhCaseStatus;

/* Stored names are stable ASCII words; labels are translated for display. */
const char *rh_org_kind_to_string (RhOrgKind kind);
int         rh_org_kind_from_string (const char *s);
const char *rh_org_kind_label (RhOrgKind kind);
gboolean    rh_org_kind_can_contain (RhOrgKind parent, RhOrgKind child);

const char *rh_host_type_to_string (RhHostType t);
int         rh_host_type_from_string (const char *s);
const char *rh_host_type_label (RhHostType t);

const char *rh_gender_to_string (RhGender g);
int         rh_gender_from_string (const char *s);
const char *rh_gender_label (RhGender g);

const char *rh_status_to_string (RhMemberStatus s);
int         rh_status_from_string (const char *s);
const char *rh_status_label (RhMemberStatus s);

const char *rh_role_to_string (RhCommitteeRole r);
int         rh_role_from_string (const char *s);
const char *rh_role_label (RhCommitteeRole r);

const char *rh_flow_to_string (RhFlowState f);
int         rh_flow_from_string (const char *s);
const char *rh_flow_label (RhFlowState f);

const char *rh_meeting_kind_to_string (RhMeetingKind k);
int         rh_meeting_kind_from_string (const char *s);
const char *rh_meeting_kind_label (RhMeetingKind k);

const char *rh_attendance_to_string (RhAttendanceState a);
int         rh_attendance_from_string (const char *s);
const char *rh_attendance_label (RhAttendanceState a);

const char *rh_case_mode_to_string (RhCaseMode m);
int         rh_case_mode_from_string (const char *s);
const char *rh_case_mode_label (RhCaseMode m);

const char *rh_case_status_to_string (RhCaseStatus s);
int         rh_case_status_from_string (const char *s);
const char *rh_case_status_label (RhCaseStatus s);

G_END_DECLS
