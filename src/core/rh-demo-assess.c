/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Demo data, part three: the assessments (考核) of past periods. Each branch has a level of its
 * own, so that some are strong year after year and a few are weak; the hand-entered indicators
 * are drawn around it, the automatic ones are left to the engine, which fills them from the
 * meetings, tasks and cases that rh-demo-life.c wrote. A few bonus and deduction items, now and
 * then a veto, then the committee finalises.
 *
 * Everything goes through the public assessment API (rh_assessment_save, rh_assessment_set_status
 * and rh_assessment_finalise_all, which reads each period's automatic figures once instead of once
 * per branch), so the results are exactly what a committee would get by typing the same scores.
 * Every draw comes from the GRand passed in, in a fixed order. */

#include "rh-config.h"

#include <math.h>
#include <string.h>

#include "rh-assessment.h"
#include "rh-demo-assess.h"
#include "rh-period.h"
#include "rh-sql.h"
#include "rh-types.h"

/* Share of the finished periods' assessments that trigger a veto (at least one in all). */
#define VETO_SHARE 0.03
/* Share of the last quarter's assessments that still wait for the committee. */
#define PENDING_SHARE 0.12
/* Share of the branches that have started this year's self-assessment (at least two). */
#define STARTED_SHARE 0.25

/* ---- Vocabulary ---------------------------------------------------------------------------- */

/* A bonus or deduction item: found by a word of the indicator's name, so that both default
 * templates and edited copies of them get fitting comments. The entry without a keyword, last,
 * fits any indicator. Entries with the same keyword follow one another. */
typedef struct
{
  const char *keyword;
  double points;
  const char *comment;
} Item;

static const Item BONUSES[] = {
  { "表彰", 1, "支部获评市级先进基层党组织" },
  { "表彰", 1, "支部被命名为市级机关党建工作示范点" },
  { "表彰", 1, "1名党员获评全市优秀共产党员" },
  { "表彰", 2, "支部获评省级“五星级党支部”" },
  { "表彰", 3, "支部获评全国党建工作样板支部" },
  { "推广", 1, "融合经验在全市机关党建工作会议上交流发言" },
  { "推广", 1, "支部做法被《东川日报》专题报道" },
  { "推广", 2, "经验做法被上级党委转发推广，并在省级媒体刊发" },
  { "获奖", 1, "书记讲党课获评全市机关“十佳精品党课”" },
  { "获奖", 1, "支部党建品牌获评市直机关“十佳党建品牌”" },
  { "获奖", 2, "党建创新成果在全省机关党建创新优秀案例评比中获三等奖" },
  { NULL, 1, "经考核组核实予以加分" },
};

static const Item DEDUCTIONS[] = {
  { "记录", 1, "抽查发现1次支委会会议记录事后补记" },
  { "记录", 2, "2次党小组会记录缺少参会人员签到" },
  { "记录", 1, "1次党员大会记录内容空泛，决议事项不明确" },
  { "党费", 0.5, "1名党员党费未按月足额缴纳" },
  { "党费", 1, "2名党员党费未按月足额缴纳" },
  { "党费", 1, "党费未按时上缴" },
  { "两张皮", 2, "重点任务推进中党建措施缺位，被上级党委通报" },
  { "通报", 2, "在上级党建工作督查中被通报1次" },
  { "通报", 1, "上级督查指出的1项问题未按期整改" },
  { "处分", 2, "1名党员受到党内警告处分" },
  { "处分", 4, "1名党员受到党内严重警告处分" },
  { NULL, 1, "经考核组核实予以扣分" },
};

static const Item VETOES[] = {
  { "违纪", 1, "支部1名党员因严重违纪违法被开除党籍，纪委已通报" },
  { "违纪", 1, "支部委员受到撤销党内职务处分" },
  { "安全", 1, "所在单位发生一起较大生产安全责任事故，支部负有责任" },   /* companies only */
  { "安全", 1, "所在部门发生一起失泄密事件，支部负有管理责任" },
  { "安全", 1, "业务系统发生网络安全责任事故，造成数据泄露" },
  { "意识形态", 1, "支部工作群转发错误言论，引发负面舆情，造成不良影响" },
  { NULL, 1, "经考核组认定，触发一票否决" },
};

/* What the committee writes when it docks points from an indicator. */
static const char *const SHORTCOMINGS[] = {
  "相关记录不够完整", "落实不够到位，成效不够明显", "个别环节不够规范", "台账资料不齐全",
  "与业务工作结合不够紧密", "计划执行有遗漏",
};

/* The committee's remarks on a whole assessment, from strong to weak. */
static const char *const REMARKS[4][3] = {
  { "支部班子坚强有力，“三会一课”规范扎实，党建与业务融合成效明显，品牌特色鲜明。",
    "支部工作基础扎实、亮点突出，党员先锋作用发挥充分，业务攻坚成效显著。",
    "支部政治功能和组织功能突出，“四同步”落实到位，可作为全市示范。" },
  { "支部各项工作扎实推进，党建与业务结合较好；品牌创建和宣传推广仍有提升空间。",
    "支部基础工作规范，党员作用发挥较好；融合载体还需进一步丰富。",
    "支部工作总体较好，组织生活规范；典型经验总结提炼不够。" },
  { "支部基础工作基本规范，但学习教育与业务结合不够紧密，党员先锋作用发挥不够明显。",
    "支部工作有计划、有落实，但创新不足，党建品牌有名无实。",
    "支部组织生活基本正常，“四同步”落实不够，需加强党建与业务统筹。" },
  { "支部组织生活不够经常，记录不规范，党建与业务“两张皮”问题突出，需限期整改。",
    "支部班子作用发挥不够，基础工作薄弱，列为后进支部，建立联系帮扶制度。",
    "支部工作被动应付，整改落实不到位，由机关党委委员联系指导、对标提升。" },
};

/* ---- State --------------------------------------------------------------------------------- */

/* How well a branch works, from its usual share of the points. */
typedef enum
{
  STRONG,   /* 0.95–1: five stars year after year */
  GOOD,     /* 0.85–0.95 */
  MIDDLE,   /* 0.72–0.85 */
  WEAK,     /* 0.55–0.68: near the bottom, a committee contact */
} Band;

typedef struct
{
  gint64 id;
  RhHostType host;
  gboolean honoured;   /* a brand or honours */
  double level;        /* the share of the hand-entered points its work usually earns */
} Branch;

typedef enum
{
  STAGE_DRAFT,         /* self scores on part of the indicators */
  STAGE_SUBMITTED,     /* self scores everywhere, waiting for the committee */
  STAGE_FINALISED,     /* committee scores, finalised */
} Stage;

/* One assessment to write. */
typedef struct
{
  const char *period;
  guint branch;        /* index into branches */
  Stage stage;
  gboolean veto;
} Job;

typedef struct
{
  RhDatabase *db;
  GRand *rand;
  GArray *branches;       /* Branch, by id */
  GHashTable *by_id;      /* gint64 id → index + 1 */
  GHashTable *templates;  /* gint64 id → RhTemplate */
  gint64 business_id;     /* a coefficient template for enterprises, or 0 */
  Band deck[10];          /* see deal_band */
} Assess;

/* ---- Small helpers ------------------------------------------------------------------------- */

static gboolean
chance (Assess *a, double p)
{
  return g_rand_double (a->rand) < p;
}

static double
rand_range (Assess *a, double lo, double hi)
{
  return g_rand_double_range (a->rand, lo, hi);
}

/* A standard normal draw (Box–Muller; one of the pair is dropped to keep the order simple). */
static double
gauss (Assess *a)
{
  double u = 1.0 - g_rand_double (a->rand);   /* (0, 1]: log never sees 0 */
  double v = g_rand_double (a->rand);

  return sqrt (-2.0 * log (u)) * cos (2.0 * G_PI * v);
}

/* Points are given in halves, as the scoring notes deduct them. */
static double
halves (double points)
{
  return round (points * 2) / 2;
}

static double
tenths (double points)
{
  return round (points * 10) / 10;
}

/* An item that fits an indicator and its maximum; NULL for none. */
static const Item *
pick_item (Assess *a, const Item *items, guint n_items, const RhIndicator *ind)
{
  const Item *fit[16];
  guint n = 0;
  const char *keyword = NULL;
  guint i;

  for (i = 0; i < n_items; i++)
    if (items[i].keyword == NULL || strstr (ind->name, items[i].keyword) != NULL)
      break;
  if (i == n_items)
    return NULL;
  keyword = items[i].keyword;
  for (; i < n_items && g_strcmp0 (items[i].keyword, keyword) == 0 && n < G_N_ELEMENTS (fit);
       i++)
    if (items[i].points <= ind->max_points)
      fit[n++] = &items[i];
  if (n == 0)
    return NULL;
  return fit[g_rand_int_range (a->rand, 0, n)];
}

static int
compare_index (gconstpointer x, gconstpointer y)
{
  guint i = *(const guint *) x, j = *(const guint *) y;

  return i < j ? -1 : i > j;
}

/* ---- Reading the organisation -------------------------------------------------------------- */

/* Of every twenty branches, nine are strong, six good, four middling and one weak: dealt from
 * two shuffled half-decks rather than drawn one by one, the weak card in the first, so that
 * even the twelve branches of the default demo show each band in about its share. */
static Band
deal_band (Assess *a, guint dealt)
{
  static const Band DECK[2 * G_N_ELEMENTS (a->deck)] = {
    STRONG, STRONG, STRONG, STRONG, GOOD, GOOD, GOOD, MIDDLE, MIDDLE, WEAK,
    STRONG, STRONG, STRONG, STRONG, STRONG, GOOD, GOOD, GOOD, MIDDLE, MIDDLE,
  };
  guint half = G_N_ELEMENTS (a->deck);

  if (dealt % half == 0)
    {
      guint first = dealt % G_N_ELEMENTS (DECK);

      memcpy (a->deck, DECK + first, half * sizeof *DECK);
      for (guint k = half - 1; k > 0; k--)
        {
          guint j = g_rand_int_range (a->rand, 0, k + 1);
          Band tmp = a->deck[k];

          a->deck[k] = a->deck[j];
          a->deck[j] = tmp;
        }
    }
  return a->deck[dealt % half];
}

static double
draw_level (Assess *a, const Branch *b, Band band)
{
  static const double RANGE[][2] = {
    [STRONG] = { 0.95, 1.0 }, [GOOD] = { 0.85, 0.95 }, [MIDDLE] = { 0.72, 0.85 },
    [WEAK] = { 0.55, 0.68 },
  };
  double level = rand_range (a, RANGE[band][0], RANGE[band][1]);

  if (b->honoured)
    level += 0.02;
  return MIN (level, 1.0);
}

static gboolean
load_branches (Assess *a, GError **error)
{
  sqlite3_stmt *stmt = rh_database_prepare (a->db,
    "SELECT id, host_type, brand_name IS NOT NULL OR honours IS NOT NULL FROM organisation"
    " WHERE kind = 'branch' AND archived_date IS NULL ORDER BY id", error);

  if (stmt == NULL)
    return FALSE;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      Branch b = { 0 };
      int host = rh_host_type_from_string (rh_sql_text (stmt, 1));

      b.id = sqlite3_column_int64 (stmt, 0);
      b.host = host >= 0 ? (RhHostType) host : RH_HOST_GOVERNMENT;
      b.honoured = sqlite3_column_int (stmt, 2) != 0;
      g_array_append_val (a->branches, b);
      g_hash_table_insert (a->by_id, g_memdup2 (&b.id, sizeof b.id),
                           GUINT_TO_POINTER (a->branches->len));
    }
  sqlite3_reset (stmt);
  for (guint i = 0; i < a->branches->len; i++)
    {
      Branch *b = &g_array_index (a->branches, Branch, i);
      b->level = draw_level (a, b, deal_band (a, i));
    }
  return TRUE;
}

/* The branches (indexes into a->branches) with at least one meeting in a period, their own
 * or a party group's. */
static GArray *
branches_meeting (Assess *a, const RhPeriod *p, GError **error)
{
  sqlite3_stmt *stmt = rh_database_prepare (a->db,
    "SELECT DISTINCT coalesce (g.parent_id, m.org_id) FROM meeting m"
    " LEFT JOIN organisation g ON g.id = m.org_id AND g.kind = 'group'"
    " WHERE m.date BETWEEN ?1 AND ?2 ORDER BY 1", error);
  GArray *out;

  if (stmt == NULL)
    return NULL;
  out = g_array_new (FALSE, FALSE, sizeof (guint));
  rh_sql_bind_text (stmt, 1, p->first);
  rh_sql_bind_text (stmt, 2, p->last);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      guint index = GPOINTER_TO_UINT (g_hash_table_lookup (a->by_id, &id));

      if (index > 0)
        {
          index--;
          g_array_append_val (out, index);
        }
    }
  sqlite3_reset (stmt);
  return out;
}

static RhTemplate *
template_for (Assess *a, gint64 id, GError **error)
{
  RhTemplate *t = g_hash_table_lookup (a->templates, &id);

  if (t == NULL)
    {
      t = rh_template_load (a->db, id, error);
      if (t != NULL)
        g_hash_table_insert (a->templates, g_memdup2 (&id, sizeof id), t);
    }
  return t;
}

/* The template of seed 004 (the party score as a coefficient on the business one), which
 * enterprises use; 0 when the committee has none. */
static gboolean
find_business_template (Assess *a, GError **error)
{
  g_autoptr (GPtrArray) templates = rh_template_list (a->db, error);

  if (templates == NULL)
    return FALSE;
  for (guint i = 0; i < templates->len && a->business_id == 0; i++)
    if (((RhTemplate *) templates->pdata[i])->formula == RH_FORMULA_COEFFICIENT)
      a->business_id = ((RhTemplate *) templates->pdata[i])->id;
  return TRUE;
}

/* ---- Writing one assessment ---------------------------------------------------------------- */

static void
score_basic (Assess *a, RhAssessment *as, const RhIndicator *ind, double level, Stage stage)
{
  RhScore *s = rh_assessment_score (as, ind->id);
  double share = level + (0.03 + 0.25 * (1.0 - level)) * gauss (a);
  double given = halves (ind->max_points * CLAMP (share, 0.2, 1.0));
  double generous = 0.5 * g_rand_int_range (a->rand, 0, 3);

  /* Branches mark themselves a little higher than the committee does. */
  s->self_score = chance (a, 0.35) ? ind->max_points : MIN (ind->max_points, given + generous);
  if (stage != STAGE_FINALISED)
    return;
  s->committee_score = given;
  if (ind->max_points - given >= 1 && chance (a, 0.5))
    s->comment = g_strdup_printf ("扣%g分：%s", ind->max_points - given,
                                  SHORTCOMINGS[g_rand_int_range (a->rand, 0,
                                                                 G_N_ELEMENTS (SHORTCOMINGS))]);
}

/* Bonus and deduction items: strong branches win honours, weak ones get docked. */
static void
score_item (Assess *a, RhAssessment *as, const RhIndicator *ind, double level, Stage stage)
{
  double strength = CLAMP ((level - 0.6) / 0.4, 0.0, 1.0);
  const Item *item;
  RhScore *s;

  if (ind->kind == RH_INDICATOR_BONUS)
    {
      if (!chance (a, 0.04 + 0.3 * strength * strength))
        return;
      item = pick_item (a, BONUSES, G_N_ELEMENTS (BONUSES), ind);
    }
  else
    {
      if (stage != STAGE_FINALISED || !chance (a, 0.03 + 0.3 * (1.0 - strength)))
        return;
      item = pick_item (a, DEDUCTIONS, G_N_ELEMENTS (DEDUCTIONS), ind);
    }
  if (item == NULL)
    return;
  s = rh_assessment_score (as, ind->id);
  if (ind->kind == RH_INDICATOR_BONUS)
    s->self_score = item->points;
  if (stage == STAGE_FINALISED)
    s->committee_score = item->points;
  s->comment = g_strdup (item->comment);
}

/* One of the template's veto items, with what happened. */
static void
score_veto (Assess *a, RhAssessment *as, const RhTemplate *t, const Branch *b)
{
  g_autoptr (GPtrArray) vetoes = g_ptr_array_new ();
  const RhIndicator *ind;
  const Item *item;
  RhScore *s;

  for (guint c = 0; c < t->categories->len; c++)
    {
      RhCategory *cat = t->categories->pdata[c];

      for (guint i = 0; i < cat->indicators->len; i++)
        if (((RhIndicator *) cat->indicators->pdata[i])->kind == RH_INDICATOR_VETO)
          g_ptr_array_add (vetoes, cat->indicators->pdata[i]);
    }
  if (vetoes->len == 0)
    return;
  ind = vetoes->pdata[g_rand_int_range (a->rand, 0, vetoes->len)];
  item = pick_item (a, VETOES, G_N_ELEMENTS (VETOES), ind);
  /* A production accident happens to a company; anywhere else it is the next entry, a leak
   * of secrets. */
  if (item != NULL && strstr (item->comment, "生产") != NULL
      && b->host != RH_HOST_ENTERPRISE && b->host != RH_HOST_TWO_NEW)
    item++;
  s = rh_assessment_score (as, ind->id);
  s->committee_score = MIN (1, ind->max_points);
  s->comment = g_strdup (item != NULL ? item->comment : VETOES[G_N_ELEMENTS (VETOES) - 1].comment);
  g_free (as->comments);
  as->comments = g_strconcat ("触发一票否决：", s->comment, "。考核等次定为最低等次。", NULL);
}

/* Saves one assessment. A finalised one is added to `finalise`, for the committee to finalise
 * with the others of its period at once. */
static gboolean
write_job (Assess *a, const Job *job, GPtrArray *finalise, GError **error)
{
  const Branch *b = &g_array_index (a->branches, Branch, job->branch);
  g_autoptr (RhAssessment) as = rh_assessment_load_or_new (a->db, b->id, job->period, error);
  RhTemplate *t;
  double level;
  guint filled;

  if (as == NULL)
    return FALSE;
  if (a->business_id != 0 && (b->host == RH_HOST_ENTERPRISE || b->host == RH_HOST_TWO_NEW))
    as->template_id = a->business_id;
  t = template_for (a, as->template_id, error);
  if (t == NULL)
    return FALSE;

  /* This period's form, around the branch's usual level. */
  level = b->level + 0.025 * gauss (a);
  level = CLAMP (level, 0.4, 1.0);
  /* A draft has only its first categories filled in. */
  filled = job->stage == STAGE_DRAFT ? (guint) g_rand_int_range (a->rand, 1, 4)
                                     : t->categories->len;
  for (guint c = 0; c < t->categories->len && c < filled; c++)
    {
      RhCategory *cat = t->categories->pdata[c];

      for (guint i = 0; i < cat->indicators->len; i++)
        {
          RhIndicator *ind = cat->indicators->pdata[i];

          /* Automatic indicators are the engine's to fill from the records. */
          if (ind->source != RH_SOURCE_NONE)
            continue;
          if (ind->kind == RH_INDICATOR_BASIC)
            score_basic (a, as, ind, level, job->stage);
          else if (ind->kind == RH_INDICATOR_BONUS || ind->kind == RH_INDICATOR_DEDUCTION)
            score_item (a, as, ind, level, job->stage);
        }
    }

  if (job->stage != STAGE_DRAFT)
    {
      double business = 100 * (0.6 + 0.4 * level) + 3 * gauss (a);
      double review = 70 + 30 * (level - 0.55) / 0.45 + 3 * gauss (a);

      /* CLAMP evaluates its argument more than once: never give it a draw. */
      as->business_score = tenths (CLAMP (business, 60, 100));
      as->review_score = tenths (CLAMP (review, 70, 100));
    }
  if (job->stage == STAGE_FINALISED)
    {
      int band = level >= 0.93 ? 0 : level >= 0.84 ? 1 : level >= 0.7 ? 2 : 3;

      as->comments = g_strdup (REMARKS[band][g_rand_int_range (a->rand, 0, 3)]);
      if (job->veto)
        score_veto (a, as, t, b);
    }

  if (!rh_assessment_save (a->db, as, error))
    return FALSE;
  if (job->stage == STAGE_FINALISED)
    g_ptr_array_add (finalise, g_steal_pointer (&as));
  else if (job->stage == STAGE_SUBMITTED)
    return rh_assessment_set_status (a->db, as, RH_ASSESSMENT_SUBMITTED, NULL, error);
  return TRUE;
}

/* ---- Planning ------------------------------------------------------------------------------ */

/* Finished periods: every branch that met, finalised but for a few of the last quarter's. */
static gboolean
plan_finished (Assess *a, const RhPeriod *p, const char *period, gboolean latest, GArray *jobs,
               GError **error)
{
  g_autoptr (GArray) met = branches_meeting (a, p, error);

  if (met == NULL)
    return FALSE;
  for (guint i = 0; i < met->len; i++)
    {
      Job job = { period, g_array_index (met, guint, i), STAGE_FINALISED, FALSE };

      if (latest && chance (a, PENDING_SHARE))
        job.stage = STAGE_SUBMITTED;
      g_array_append_val (jobs, job);
    }
  return TRUE;
}

/* This year: a few branches have started their self-assessment, some have submitted it. */
static gboolean
plan_current (Assess *a, const RhPeriod *p, const char *period, GArray *jobs, GError **error)
{
  g_autoptr (GArray) met = branches_meeting (a, p, error);
  guint n;

  if (met == NULL)
    return FALSE;
  n = MIN (met->len, MAX (2, (guint) round (met->len * STARTED_SHARE)));
  /* The first n of a partial shuffle, then back in branch order. */
  for (guint i = 0; i < n; i++)
    {
      guint j = g_rand_int_range (a->rand, i, met->len);
      guint tmp = g_array_index (met, guint, i);

      g_array_index (met, guint, i) = g_array_index (met, guint, j);
      g_array_index (met, guint, j) = tmp;
    }
  g_array_set_size (met, n);
  g_array_sort (met, compare_index);
  for (guint i = 0; i < n; i++)
    {
      Job job = { period, g_array_index (met, guint, i), STAGE_DRAFT, FALSE };

      /* At least one of each. */
      if (i == 1 || (i > 1 && chance (a, 0.4)))
        job.stage = STAGE_SUBMITTED;
      g_array_append_val (jobs, job);
    }
  return TRUE;
}

/* Vetoes fall on finalised assessments, about VETO_SHARE of them and at least one. */
static void
plan_vetoes (Assess *a, GArray *jobs)
{
  g_autoptr (GArray) finalised = g_array_new (FALSE, FALSE, sizeof (guint));
  guint n;

  for (guint i = 0; i < jobs->len; i++)
    if (g_array_index (jobs, Job, i).stage == STAGE_FINALISED)
      g_array_append_val (finalised, i);
  if (finalised->len == 0)
    return;
  n = MAX (1, (guint) round (finalised->len * VETO_SHARE));
  for (guint k = 0; k < n; k++)
    {
      guint i = g_rand_int_range (a->rand, k, finalised->len);
      guint tmp = g_array_index (finalised, guint, k);

      g_array_index (finalised, guint, k) = g_array_index (finalised, guint, i);
      g_array_index (finalised, guint, i) = tmp;
      g_array_index (jobs, Job, g_array_index (finalised, guint, k)).veto = TRUE;
    }
}

/* ---- Entry --------------------------------------------------------------------------------- */

static gboolean
write_all (Assess *a, int year, int quarter, GError **error)
{
  RhPeriod periods[4];
  char *names[4];
  g_autoptr (GArray) jobs = g_array_new (FALSE, FALSE, sizeof (Job));
  g_autoptr (GPtrArray) finalise = g_ptr_array_new_with_free_func ((GDestroyNotify)
                                                                   rh_assessment_free);
  gboolean ok = TRUE;

  /* The two years before this one, the last finished quarter, and this year. */
  rh_period_init (&periods[0], RH_PERIOD_YEAR, year - 2, 0);
  rh_period_init (&periods[1], RH_PERIOD_YEAR, year - 1, 0);
  if (quarter == 1)
    rh_period_init (&periods[2], RH_PERIOD_QUARTER, year - 1, 4);
  else
    rh_period_init (&periods[2], RH_PERIOD_QUARTER, year, quarter - 1);
  rh_period_init (&periods[3], RH_PERIOD_YEAR, year, 0);
  for (guint i = 0; i < G_N_ELEMENTS (periods); i++)
    names[i] = rh_period_format (&periods[i]);

  for (guint i = 0; ok && i < 3; i++)
    ok = plan_finished (a, &periods[i], names[i], i == 2, jobs, error);
  ok = ok && plan_current (a, &periods[3], names[3], jobs, error);
  if (ok)
    plan_vetoes (a, jobs);
  for (guint i = 0; ok && i < jobs->len; i++)
    ok = write_job (a, &g_array_index (jobs, Job, i), finalise, error);
  ok = ok && rh_assessment_finalise_all (a->db, finalise, error);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    g_free (names[i]);
  return ok;
}

gboolean
rh_demo_assess_generate (RhDatabase *db, GRand *rand, const GDate *today, GError **error)
{
  Assess a = { 0 };
  gboolean ok;

  g_return_val_if_fail (RH_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (rand != NULL && today != NULL, FALSE);

  a.db = db;
  a.rand = rand;
  a.branches = g_array_new (FALSE, FALSE, sizeof (Branch));
  a.by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  a.templates = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                       (GDestroyNotify) rh_template_free);

  ok = find_business_template (&a, error) && load_branches (&a, error)
       && write_all (&a, g_date_get_year (today), (g_date_get_month (today) - 1) / 3 + 1, error);

  g_hash_table_unref (a.templates);
  g_hash_table_unref (a.by_id);
  g_array_unref (a.branches);
  return ok;
}
