/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Demo data, part four: member points and the democratic review. Manual entries go through
 * rh_points_add and grades through rh_review_set, so they are what a secretary typing them
 * would get (dates not after today, the 优秀 quota). Points for meetings come from the meeting
 * records that rh-demo-life.c wrote. Every draw comes from the GRand passed in, in a fixed
 * order. */

#include "rh-config.h"

#include "rh-date.h"
#include "rh-demo-points.h"
#include "rh-points.h"
#include "rh-sql.h"

typedef struct
{
  const char  *code;
  double       chance;       /* of a first entry in a year (vanguard posts: see below) */
  double       more;         /* of each further entry, up to three */
  const char  *notes[6];
} Draw;

static const Draw DRAWS[] = {
  { "P04", 0.50, 0.35, { "社区疫苗接种志愿服务", "“文明城市创建”街道清扫志愿服务", "无偿献血",
                         "防汛值守志愿服务", "结对帮扶困难群众走访", NULL } },
  { "P05", 0.05, 0.30, { "党员先锋岗季度考评优秀", "示范岗牵头完成技术攻关",
                         "先锋岗“亮身份、作表率”承诺践诺", NULL } },
  { "P06", 0.08, 0.20, { "参加抗洪抢险党员突击队", "参加重点项目攻坚党员突击队",
                         "参加春运保障党员突击队", NULL } },
  { "P07", 0.04, 0.10, { "获评市级优秀共产党员", "获评局“岗位标兵”", "获评全市“最美志愿者”",
                         NULL } },
  { "P08", 0.06, 0.10, { "主题党日迟到且未请假", "未按时完成学习强国学习任务",
                         "党费未按时交纳，经提醒后补交", NULL } },
  { "P09", 0.002, 0.0, { "受到党内警告处分", NULL } },
};

typedef struct
{
  gint64   id;
  gint64   org_id;
  gboolean probationary;
  gboolean vanguard;
  guint32  admitted;   /* julian day */
} Member;

static guint32
julian (int year, int month, int day)
{
  GDate d;

  g_date_clear (&d, 1);
  g_date_set_dmy (&d, day, month, year);
  return g_date_get_julian (&d);
}

static char *
format_julian (guint32 j)
{
  GDate d;

  g_date_clear (&d, 1);
  g_date_set_julian (&d, j);
  return rh_date_format (&d);
}

static gboolean
add_entries (RhDatabase *db, GRand *rand, const Member *m, int year, guint32 last, GError **error)
{
  guint32 first = MAX (julian (year, 1, 1), m->admitted);

  if (first > last)
    return TRUE;
  for (guint r = 0; r < G_N_ELEMENTS (DRAWS); r++)
    {
      const Draw *d = &DRAWS[r];
      /* Members at a vanguard post earn its points most quarters. */
      double chance = r == 1 && m->vanguard ? 0.9 : d->chance;
      guint n_notes = 0;

      while (d->notes[n_notes] != NULL)
        n_notes++;
      for (int k = 0; k < 4 && g_rand_double (rand) < (k == 0 ? chance : d->more); k++)
        {
          g_autofree char *date = format_julian (first + g_rand_int_range (rand, 0, last - first + 1));
          const char *note = d->notes[g_rand_int_range (rand, 0, n_notes)];

          if (!rh_points_add (db, m->id, d->code, date, note, error))
            return FALSE;
        }
    }
  return TRUE;
}

/* One group (full or probationary members of a branch): about a quarter 优秀, within the
 * third allowed; a few 基本合格, rarely 不合格; the rest 合格. */
static gboolean
review_group (RhDatabase *db, GRand *rand, GPtrArray *group, int year, GError **error)
{
  guint excellent = MIN (group->len / 3, (guint) (group->len * 0.25 + 0.5));

  for (guint i = group->len; i > 1; i--)
    {
      guint j = g_rand_int_range (rand, 0, i);
      gpointer t = group->pdata[i - 1];
      group->pdata[i - 1] = group->pdata[j];
      group->pdata[j] = t;
    }
  for (guint i = 0; i < group->len; i++)
    {
      const Member *m = group->pdata[i];
      double x = g_rand_double (rand);
      RhReviewGrade grade = i < excellent ? RH_REVIEW_EXCELLENT
                            : x < 0.01    ? RH_REVIEW_UNQUALIFIED
                            : x < 0.05    ? RH_REVIEW_BASIC
                                          : RH_REVIEW_QUALIFIED;

      if (!rh_review_set (db, m->id, year, grade, NULL, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
rh_demo_points_generate (RhDatabase *db, GRand *rand, const GDate *today, GError **error)
{
  sqlite3_stmt *stmt = rh_database_prepare (db, "SELECT id, org_id, status = 'probationary',"
                                                " vanguard_post IS NOT NULL, admitted_date"
                                                " FROM member WHERE archived_date IS NULL"
                                                " AND status IN ('full', 'probationary')"
                                                " ORDER BY org_id, id", error);
  g_autoptr (GArray) members = g_array_new (FALSE, FALSE, sizeof (Member));
  int year = g_date_get_year (today);
  guint32 now = g_date_get_julian (today);
  guint32 last_year_end = julian (year - 1, 12, 31);

  if (stmt == NULL)
    return FALSE;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      Member m = { sqlite3_column_int64 (stmt, 0), sqlite3_column_int64 (stmt, 1),
                   sqlite3_column_int (stmt, 2) != 0, sqlite3_column_int (stmt, 3) != 0, 0 };
      GDate admitted;

      if (!rh_date_parse (rh_sql_text (stmt, 4), &admitted))
        continue;
      m.admitted = g_date_get_julian (&admitted);
      g_array_append_val (members, m);
    }
  sqlite3_reset (stmt);

  for (guint i = 0; i < members->len; i++)
    {
      const Member *m = &g_array_index (members, Member, i);
      if (!add_entries (db, rand, m, year - 1, last_year_end, error)
          || !add_entries (db, rand, m, year, now, error))
        return FALSE;
    }

  /* Last year's review, branch by branch, of those admitted by its end. */
  for (guint i = 0; i < members->len;)
    {
      g_autoptr (GPtrArray) full = g_ptr_array_new ();
      g_autoptr (GPtrArray) probationary = g_ptr_array_new ();
      gint64 org = g_array_index (members, Member, i).org_id;

      for (; i < members->len && g_array_index (members, Member, i).org_id == org; i++)
        {
          Member *m = &g_array_index (members, Member, i);
          if (m->admitted <= last_year_end)
            g_ptr_array_add (m->probationary ? probationary : full, m);
        }
      if (!review_group (db, rand, full, year - 1, error)
          || !review_group (db, rand, probationary, year - 1, error))
        return FALSE;
    }
  return TRUE;
}
