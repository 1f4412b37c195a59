/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Demo data, part two: the life of the sample branches. Meetings (三会一课 and the rest) with
 * attendance, central tasks with the four 同, and the case library: the seven cases of seed 000
 * credited to their real units, and a few of our own branches.
 *
 * Everything goes through the public savers (rh_meeting_save, rh_task_save, rh_case_save), which
 * validate it; the branches, groups, committees and members are read with plain SELECTs. Every
 * draw comes from the GRand passed in, in a fixed order, so the same seed and the same today give
 * the same data. */

#include "rh-config.h"

#include <math.h>
#include <string.h>

#include "rh-case.h"
#include "rh-date.h"
#include "rh-demo-life.h"
#include "rh-meeting.h"
#include "rh-period.h"
#include "rh-sql.h"
#include "rh-task.h"

#define LIST(a) (a), G_N_ELEMENTS (a)

/* How much life to write. Saving a meeting validates it with about five queries over the
 * branch's members, some 250 µs here, and a branch holds about 55 meetings a year: three years
 * for 2,000 branches would take several minutes. So an organisation of up to LIFE_BRANCHES
 * branches gets three years of records (the current one up to today and the two before it) for
 * every branch; a larger one gets them for LIFE_BRANCHES branches spread evenly over it (so
 * that every host type is represented), plus the branches with a brand and the temporary ones,
 * which the cases use. The other branches have no meetings or tasks: in the compliance and
 * integration views they show as not meeting the rules, which a benchmark does not mind. */
#define LIFE_BRANCHES 300
#define LIFE_YEARS 3

/* ---- Vocabulary ---------------------------------------------------------------------------- */

static const char *const QUARTER_NAMES[] = { "一", "二", "三", "四" };

static const char *const PLACES[RH_N_HOST_TYPES][3] = {
  [RH_HOST_GOVERNMENT] = { "机关党员活动室", "三楼会议室", "局机关会议室" },
  [RH_HOST_ENTERPRISE] = { "车间党员活动室", "公司党建活动中心", "生产调度会议室" },
  [RH_HOST_UNIVERSITY] = { "学院会议室", "党员之家", "实验楼会议室" },
  [RH_HOST_HOSPITAL] = { "科室示教室", "医院党员活动室", "行政楼会议室" },
  [RH_HOST_TWO_NEW] = { "公司会议室", "园区党群服务中心", "公司党员活动室" },
  [RH_HOST_RURAL] = { "村党群服务中心", "村委会议室", "产业示范基地" },
  [RH_HOST_COMMUNITY] = { "社区党群服务中心", "社区会议室", "小区红色驿站" },
};

/* Where a 主题党日 goes when it leaves the office. */
static const char *const OUTINGS[] = {
  "东川市革命纪念馆", "东川市廉政教育基地", "东川烈士陵园", "东川市党史教育馆",
  "结对社区志愿服务点", "东川市图书馆",
};

static const char *const ASSEMBLY_TOPICS[] = {
  "学习贯彻习近平新时代中国特色社会主义思想", "传达学习上级党委全会精神",
  "学习《中国共产党支部工作条例（试行）》", "通报党费收缴、使用和管理情况",
  "学习《中国共产党纪律处分条例》，开展警示教育", "学习贯彻党的二十大精神",
};

/* By quarter: what a branch usually settles in each. */
static const char *const ASSEMBLY_QUARTER_TOPICS[] = {
  "审议通过支部年度工作计划", "推荐“优秀共产党员”“优秀党务工作者”人选",
  "通报支部上半年工作，部署下半年任务", "总结支部全年工作，研究明年工作思路",
};

static const char *const COMMITTEE_TOPICS[] = {
  "研究本月支部工作安排", "研究发展党员工作", "研究主题党日活动方案", "分析党员队伍思想动态",
  "研究落实意识形态工作责任制", "研究党员教育培训计划", "研究困难党员关怀帮扶",
  "研究党费收缴和使用", "研究党员积分管理情况",
};

static const char *const GROUP_TOPICS[] = {
  "学习习近平新时代中国特色社会主义思想相关篇目", "学习党章，交流学习体会", "党员每月一讲",
  "学习上级文件精神，结合岗位谈认识", "学习党史，讲身边榜样故事",
  "学习《中国共产党廉洁自律准则》", "对照先锋岗标准，查找工作差距",
};

static const char *const LECTURE_TOPICS[] = {
  "书记讲党课：以高质量党建引领高质量发展", "专题党课：弘扬伟大建党精神",
  "专题党课：坚定理想信念 筑牢信仰之基", "专题党课：学习《中国共产党章程》",
  "专题党课：严守纪律规矩 永葆清廉本色", "邀请老党员讲党课：我的入党故事",
  "专题党课：践行全心全意为人民服务的根本宗旨",
};

static const char *const HOST_LECTURES[RH_N_HOST_TYPES] = {
  [RH_HOST_GOVERNMENT] = "专题党课：推进机关党建与业务深度融合",
  [RH_HOST_ENTERPRISE] = "安全技术党课：守牢安全生产红线",
  [RH_HOST_UNIVERSITY] = "专题党课：立德树人，为党育人、为国育才",
  [RH_HOST_HOSPITAL] = "专题党课：弘扬崇高职业精神，做人民健康守护者",
  [RH_HOST_TWO_NEW] = "专题党课：以党建引领企业健康发展",
  [RH_HOST_RURAL] = "专题党课：以党建引领乡村振兴",
  [RH_HOST_COMMUNITY] = "专题党课：坚持和发展新时代“枫桥经验”",
};

/* 主题党日 by month: what the calendar suggests. */
static const char *const THEME_DAY_BY_MONTH[12] = {
  "走访慰问困难党员和老党员", "学习上级党委工作部署，开展“新春送温暖”", "学雷锋志愿服务",
  "清明缅怀革命先烈，开展国家安全教育", "“五四”青年座谈，学习劳模精神",
  "“党员亮身份”岗位承诺践诺", "庆祝建党节，重温入党誓词", "“八一”走访慰问退役军人",
  "参观红色教育基地", "国庆爱国主义教育", "党史学习教育读书分享", "“12·4”宪法宣传日学习宪法",
};

static const char *const THEME_DAY_TOPICS[] = {
  "重温入党誓词", "参观廉政教育基地，开展警示教育", "志愿服务进社区", "为党员过“政治生日”",
  "“书记荐书大家读”读书分享",
};

/* 融合议题: the business a 党员大会 or 支委会 takes up. A quarterly one reads
 * 研究部署 + 一 + 季度 + text. */
typedef struct
{
  const char *text;
  gboolean quarterly;
} Business;

static const Business GOV_BUSINESS[] = {
  { "重点工作", TRUE }, { "推进政务服务“一网通办”，提升办件效率", FALSE },
  { "优化营商环境专项行动", FALSE }, { "开展调查研究，解决群众急难愁盼问题", FALSE },
  { "预算执行和审计整改", FALSE }, { "重点项目专班推进", FALSE }, { "信访积案化解", FALSE },
};
static const Business ENT_BUSINESS[] = {
  { "安全生产工作", TRUE }, { "生产经营任务", TRUE }, { "关重件质量攻关", FALSE },
  { "党员突击队保节点、保交付", FALSE }, { "提质增效、降本节支", FALSE },
  { "设备隐患排查治理", FALSE }, { "技术攻关项目推进", FALSE },
};
static const Business UNIV_BUSINESS[] = {
  { "教学科研工作", TRUE }, { "科研项目申报与结题", FALSE }, { "学科建设推进", FALSE },
  { "课程思政建设", FALSE }, { "毕业生就业工作", FALSE }, { "实验室安全检查", FALSE },
  { "人才培养方案修订", FALSE },
};
static const Business HOSP_BUSINESS[] = {
  { "医疗业务工作", TRUE }, { "医疗质量与安全专项检查", FALSE }, { "改善患者就医体验", FALSE },
  { "院感防控工作", FALSE }, { "“党建进病房”志愿服务", FALSE }, { "医德医风建设", FALSE },
  { "DRG付费改革推进", FALSE },
};
static const Business TWO_NEW_BUSINESS[] = {
  { "经营工作", TRUE }, { "研发项目节点推进", FALSE }, { "市场拓展与客户服务", FALSE },
  { "员工技能培训", FALSE }, { "合规经营风险排查", FALSE },
};
static const Business RURAL_BUSINESS[] = {
  { "农业生产", TRUE }, { "特色种植产业发展", FALSE }, { "农村人居环境整治", FALSE },
  { "乡村振兴项目推进", FALSE }, { "防汛抗旱准备", FALSE }, { "村集体经济增收", FALSE },
};
static const Business COMMUNITY_BUSINESS[] = {
  { "社区治理工作", TRUE }, { "老旧小区改造", FALSE }, { "网格化服务管理", FALSE },
  { "为老服务与助餐点运营", FALSE }, { "垃圾分类推进", FALSE }, { "平安社区建设", FALSE },
  { "为民办实事项目", FALSE },
};

typedef struct
{
  const Business *items;
  guint n_items;
} BusinessList;

static const BusinessList BUSINESS[RH_N_HOST_TYPES] = {
  [RH_HOST_GOVERNMENT] = { LIST (GOV_BUSINESS) },
  [RH_HOST_ENTERPRISE] = { LIST (ENT_BUSINESS) },
  [RH_HOST_UNIVERSITY] = { LIST (UNIV_BUSINESS) },
  [RH_HOST_HOSPITAL] = { LIST (HOSP_BUSINESS) },
  [RH_HOST_TWO_NEW] = { LIST (TWO_NEW_BUSINESS) },
  [RH_HOST_RURAL] = { LIST (RURAL_BUSINESS) },
  [RH_HOST_COMMUNITY] = { LIST (COMMUNITY_BUSINESS) },
};

/* Central tasks: a business goal, how it is measured, and the party measures behind it. */
typedef enum {
  COUNT,     /* whole numbers */
  DECIMAL,   /* one decimal */
  PERCENT,   /* one decimal, at most 100 */
} MetricKind;

typedef struct
{
  const char *title;
  const char *goal;
  const char *metric;
  const char *unit;
  double target;
  gboolean higher_is_better;
  MetricKind kind;
} TaskTemplate;

static const TaskTemplate GOV_TASKS[] = {
  { "政务服务提质增效", "政务服务事项按时办结率达到100%", "按时办结率", "%", 100, TRUE, PERCENT },
  { "年度重点项目推进", "12个重点项目全部按计划推进", "完成重点项目", "个", 12, TRUE, COUNT },
  { "优化营商环境", "企业满意度达到95%以上", "企业满意度", "%", 95, TRUE, PERCENT },
  { "信访积案化解", "化解信访积案20件", "化解积案", "件", 20, TRUE, COUNT },
  { "大兴调查研究", "形成4篇高质量调研报告并推动成果转化", "调研报告", "篇", 4, TRUE, COUNT },
};
static const TaskTemplate ENT_TASKS[] = {
  { "关重件质量攻关", "关重件加工合格率保持100%", "关重件加工合格率", "%", 100, TRUE, PERCENT },
  { "安全生产", "全年不发生一般及以上安全生产事故", "安全生产事故", "起", 0, FALSE, COUNT },
  { "守节点保交付", "生产准时完成率达到98%", "生产准时完成率", "%", 98, TRUE, PERCENT },
  { "降本增效", "降本增效200万元", "降本增效", "万元", 200, TRUE, DECIMAL },
  { "技术攻关", "完成技术攻关课题5项", "攻关课题", "项", 5, TRUE, COUNT },
};
static const TaskTemplate UNIV_TASKS[] = {
  { "科研项目申报", "获批省部级以上科研项目5项", "省部级以上项目", "项", 5, TRUE, COUNT },
  { "毕业生就业", "毕业去向落实率达到95%", "毕业去向落实率", "%", 95, TRUE, PERCENT },
  { "课程思政建设", "建成课程思政示范课程3门", "示范课程", "门", 3, TRUE, COUNT },
  { "学科建设", "发表高水平论文20篇", "高水平论文", "篇", 20, TRUE, COUNT },
};
static const TaskTemplate HOSP_TASKS[] = {
  { "医疗质量提升", "患者满意度达到95%", "患者满意度", "%", 95, TRUE, PERCENT },
  { "缩短平均住院日", "平均住院日降至7.5天", "平均住院日", "天", 7.5, FALSE, DECIMAL },
  { "院感防控", "医院感染发生率控制在1.5%以下", "医院感染发生率", "%", 1.5, FALSE, PERCENT },
  { "志愿服务进病房", "志愿服务1200人次", "志愿服务", "人次", 1200, TRUE, COUNT },
};
static const TaskTemplate TWO_NEW_TASKS[] = {
  { "研发项目按期交付", "4个研发项目按期交付", "按期交付项目", "个", 4, TRUE, COUNT },
  { "营业收入增长", "营业收入同比增长10%", "营业收入增长率", "%", 10, TRUE, PERCENT },
  { "员工技能提升", "培训员工300人次", "培训", "人次", 300, TRUE, COUNT },
};
static const TaskTemplate RURAL_TASKS[] = {
  { "村集体经济增收", "村集体经营性收入达到50万元", "集体经营性收入", "万元", 50, TRUE, DECIMAL },
  { "特色种植产业", "特色种植面积达到800亩", "特色种植面积", "亩", 800, TRUE, COUNT },
  { "人居环境整治", "人居环境整治达标率达到95%", "整治达标率", "%", 95, TRUE, PERCENT },
};
static const TaskTemplate COMMUNITY_TASKS[] = {
  { "老旧小区改造", "完成3个老旧小区改造", "完成改造小区", "个", 3, TRUE, COUNT },
  { "网格事件办结", "网格事件按时办结率达到98%", "按时办结率", "%", 98, TRUE, PERCENT },
  { "为民办实事", "办结为民实事项目10件", "办结实事项目", "件", 10, TRUE, COUNT },
};

/* Campaigns for a quarter or a month (专项行动, 攻坚). */
static const TaskTemplate GOV_CAMPAIGNS[] = {
  { "政务服务窗口攻坚", "窗口事项按时办结率达到100%", "按时办结率", "%", 100, TRUE, PERCENT },
  { "重点项目专班攻坚", "专班节点任务按期完成率达到100%", "节点按期完成率", "%", 100, TRUE, PERCENT },
};
static const TaskTemplate ENT_CAMPAIGNS[] = {
  { "安全生产专项攻坚", "攻坚期内不发生一般及以上安全生产事故", "安全生产事故", "起", 0, FALSE,
    COUNT },
  { "交付节点攻坚", "当期交付节点按时完成率达到100%", "节点按时完成率", "%", 100, TRUE, PERCENT },
};
static const TaskTemplate UNIV_CAMPAIGNS[] = {
  { "毕业生就业攻坚", "当期新增落实毕业去向200人", "新增落实毕业去向", "人", 200, TRUE, COUNT },
  { "实验室安全专项检查", "安全隐患整改率达到100%", "隐患整改率", "%", 100, TRUE, PERCENT },
};
static const TaskTemplate HOSP_CAMPAIGNS[] = {
  { "院感防控专项行动", "医院感染发生率不高于1.5%", "医院感染发生率", "%", 1.5, FALSE, PERCENT },
  { "改善就医体验专项行动", "门诊患者满意度达到95%", "门诊患者满意度", "%", 95, TRUE, PERCENT },
};
static const TaskTemplate TWO_NEW_CAMPAIGNS[] = {
  { "研发节点冲刺", "当期研发节点按时完成率达到100%", "节点按时完成率", "%", 100, TRUE, PERCENT },
};
static const TaskTemplate RURAL_CAMPAIGNS[] = {
  { "人居环境整治专项行动", "整治达标率达到95%", "整治达标率", "%", 95, TRUE, PERCENT },
  { "防汛备汛专项行动", "排查整改隐患点30处", "整改隐患点", "处", 30, TRUE, COUNT },
};
static const TaskTemplate COMMUNITY_CAMPAIGNS[] = {
  { "平安社区专项行动", "矛盾纠纷化解率达到98%", "矛盾纠纷化解率", "%", 98, TRUE, PERCENT },
  { "老旧小区改造攻坚", "完成20栋楼改造", "完成改造楼栋", "栋", 20, TRUE, COUNT },
};

typedef struct
{
  const TaskTemplate *items;      /* yearly tasks */
  guint n_items;
  const TaskTemplate *campaigns;  /* for a quarter or a month */
  guint n_campaigns;
} TaskList;

static const TaskList TASKS[RH_N_HOST_TYPES] = {
  [RH_HOST_GOVERNMENT] = { LIST (GOV_TASKS), LIST (GOV_CAMPAIGNS) },
  [RH_HOST_ENTERPRISE] = { LIST (ENT_TASKS), LIST (ENT_CAMPAIGNS) },
  [RH_HOST_UNIVERSITY] = { LIST (UNIV_TASKS), LIST (UNIV_CAMPAIGNS) },
  [RH_HOST_HOSPITAL] = { LIST (HOSP_TASKS), LIST (HOSP_CAMPAIGNS) },
  [RH_HOST_TWO_NEW] = { LIST (TWO_NEW_TASKS), LIST (TWO_NEW_CAMPAIGNS) },
  [RH_HOST_RURAL] = { LIST (RURAL_TASKS), LIST (RURAL_CAMPAIGNS) },
  [RH_HOST_COMMUNITY] = { LIST (COMMUNITY_TASKS), LIST (COMMUNITY_CAMPAIGNS) },
};

static const char *const PARTY_MEASURES[] = {
  "党员突击队", "党员先锋岗", "党员示范岗", "支委会专题研究", "党员责任区", "党员承诺践诺",
  "“1对1”结对帮扶", "党建联建", "主题党日现场推进",
};

static const char *const SYNC_NOTES[RH_N_SYNCS] = {
  "支委会专题研究，与业务工作同安排、同部署",
  "结合业务例会督促检查进度，通报党员先锋岗履职情况",
  "纳入支部年度考核和党员积分管理",
  "总结经验做法，形成典型案例素材",
};

typedef RhWeighted Reason;

static const Reason LEAVE_REASONS[] = {
  { "出差", 30 }, { "公务", 25 }, { "病假", 20 }, { "事假", 10 }, { "外出培训", 8 },
  { "产假", 2 }, { NULL, 0 },
};
static const Reason AWAY_REASONS[] = {
  { "出差", 45 }, { "公务", 40 }, { "外出培训", 15 }, { NULL, 0 },
};

/* ---- The seven cases of seed 000 ----------------------------------------------------------- */

typedef struct
{
  const char *name;
  const char *unit;
  double before;
  double after;
} SeedMetric;

/* Years are the seed's where it gives one (常青松 founded 2018-12, the epidemic, the party's
 * centenary in 2021); otherwise the year of the material (2023). */
typedef struct
{
  const char *unit;
  const char *title;
  int year;
  RhCaseMode mode;
  const char *measures;
  const char *story;
  const char *honours;
  const char *partners;
  RhCaseStatus status;
  SeedMetric metrics[3];
} SeedCase;

static const SeedCase SEED_CASES[] = {
  { "南航后勤", "支部书记由中心主任担任，党建与安全质量、经营管理同考核", 2023,
    RH_MODE_COORDINATED,
    "党建工作与中心工作一起研究、一起部署、一起推进、一起考核、一起督办\n"
    "“一岗双责”\n支部书记履职情况纳入集团事业发展评价指标体系",
    "南航后勤支部书记全部由中心主任担任，纪检委员也是中心班子成员，80%以上的支委由中心主任"
    "助理及以上人员担任，党建与业务同部署。同考核方面，把党建工作纳入集团事业发展评价指标体系，"
    "把支部书记履职情况作为重要指标项，与安全质量、经营管理同考核，结果同运用，激发了支部书记"
    "干事创业的热情。",
    "饮食服务中心党支部获评江苏省样板支部\n公寓服务中心党支部获评“清廉南航”建设优秀案例",
    NULL, RH_CASE_AWARDED,
    { { "支部书记由中心主任担任", "%", NAN, 100 },
      { "支委由中心主任助理及以上人员担任", "%", NAN, 80 },
      { "“党内主题教育活动”立项覆盖支部", "%", NAN, 70 } } },
  { "浦东新区人民医院内科党支部", "“常青松”志愿服务团队：党建进病房", 2021, RH_MODE_BRAND,
    "创建支部党建特色品牌\n“常青松”志愿服务团队\n“时光剧院”“手作课堂”“健康讲堂”三大主题活动\n"
    "红色主题活动进病房",
    "在浦东新区人民医院党委领导下，内科党支部党团员、全科医护人员和热衷公益的企业员工组成"
    "“常青松”志愿服务团队，自2018年12月成立以来持续为老人提供关爱服务。团队开展“时光剧院”"
    "“手作课堂”“健康讲堂”三大主题活动，组织观看红色电影、学习党史知识、邀请老党员讲党课，"
    "把红色精神送进病房，以“为民服务解难题”为落脚点，形成了“党建进病房”品牌。",
    NULL, NULL, RH_CASE_AWARDED,
    { { "主题活动", "项", NAN, 3 } } },
  { "航空工业郑飞机加二厂党支部", "党员“1+1+1+1”守节点保交付", 2023, RH_MODE_MODEL,
    "岗位履责争第1\n1对1帮扶助成长\n机床周围1米晒6S\n每月1个改善点",
    "航空工业郑飞机加二厂党支部聚焦党建价值提升和科研生产优质高效完成，常态化开展党员"
    "“1+1+1+1”守节点保交付活动。面向全体党员，通过“岗位履责争第1”“1对1帮扶助成长”"
    "“机床周围1米晒6S”“每月1个改善点”的“4个1”创先争优，党员示范带动，全员岗位建功。"
    "产品质量大幅改进，生产准时完成率、优质诚信交付率同比大幅提升，均接近100%。",
    NULL, NULL, RH_CASE_RECOMMENDED,
    { { "关重件加工合格率", "%", NAN, 100 } } },
  { "某市国库集中收付中心党支部", "“四学四比四会”岗位练兵", 2023, RH_MODE_EMPOWERING,
    "以党小组为单位开展“四学四比四会”岗位练兵\n“书记荐书大家读”\n常态化学习机制",
    "支部健全常态化学习机制，使理论学习“实践化”。以党小组为单位开展“四学四比四会”岗位练兵，"
    "通过“学理论、比忠诚；学党规、比素质；学知识、比能力；学方法、比创新”，培养“会讲、会写、"
    "会业务、会做群众工作”的新时代党员干部。组织“书记荐书大家读”，研读理论经典，结合工作实际"
    "谈体会、谈启示、谈工作，推动中心工作质效提升。",
    NULL, NULL, RH_CASE_SUBMITTED, { { NULL } } },
  { "沈阳理工大学后勤服务保障单位临时党支部", "疫情期间住校党员成立临时党支部", 2020,
    RH_MODE_ACCOMPANYING,
    "成立临时党支部\n住校党员亮身份、当先锋\n引领服务保障人员做好保障工作",
    "疫情期间，沈阳理工大学后勤服务集团党委所属后勤服务集团、后勤资产经营管理公司、场馆管理"
    "中心共有19名教职工住校工作，其中党员13名。根据学校党委工作安排，这些单位的住校党员联合"
    "成立临时党支部，发挥党员先锋作用，引领服务保障单位各类人员踏实做好服务保障工作。",
    NULL, NULL, RH_CASE_AWARDED,
    { { "住校工作教职工", "人", NAN, 19 }, { "其中党员", "人", NAN, 13 } } },
  { "电科莱斯、28所", "“共建+”党建联建平台", 2023, RH_MODE_JOINT,
    "党建共建、联建\n“共建+技术攻关”\n“共建+深挖需求”\n“共建+健康服务”",
    "电科莱斯、28所发挥国有企业基层党组织独特优势，按照党委党建平台工程要求，把促进中心工作"
    "作为出发点和落脚点，与党政军用户、产业链上下游单位、高校与医疗机构开展党建联建，以“共建+”"
    "模式打造“共建+技术攻关”“共建+深挖需求”“共建+健康服务”等平台，推动党建工作与业务工作"
    "深度融合。",
    NULL, "党政军用户\n产业链上下游单位\n高校\n医疗机构", RH_CASE_RECOMMENDED, { { NULL } } },
  { "前海廉政监督局党支部", "党建元素融入办公场景：电梯屏、清风书吧、宣誓墙", 2021,
    RH_MODE_SCENE,
    "电梯显示屏滚动播放党史学习教育专题片\n“清风书吧”党史学习教育读书专栏\n会议室入党宣誓墙",
    "前海廉政监督局党支部是梦工场片区内唯一的政治机关党支部。支部在办公楼入口电梯显示屏滚动"
    "播放党史学习教育专题片，在电梯内张贴建党百年主题海报，在“清风书吧”悬挂党史学习教育金句"
    "窗帘、开辟读书专栏，在会议室设置入党宣誓墙。对内是党员开展党建活动和业务工作的平台，对外"
    "向来访者标明政治机关属性。",
    NULL, NULL, RH_CASE_SUBMITTED, { { NULL } } },
};

/* Our own branches' brands (from rh-demo.c) and the mode each illustrates. */
typedef struct
{
  const char *brand;
  RhCaseMode mode;
} BrandMode;

static const BrandMode BRAND_MODES[] = {
  { "常青松", RH_MODE_BRAND }, { "1+1+1+1", RH_MODE_MODEL }, { "四学四比四会", RH_MODE_EMPOWERING },
  { "共建+", RH_MODE_JOINT }, { "清风书吧", RH_MODE_SCENE }, { "亮晒比", RH_MODE_MODEL },
  { "双示范", RH_MODE_COORDINATED }, { "红色网格", RH_MODE_BRAND },
};

static const char *const MODE_NAMES[RH_N_MODES] = {
  [RH_MODE_COORDINATED] = "协同式融合", [RH_MODE_BRAND] = "品牌式融合", [RH_MODE_MODEL] = "模式融合",
  [RH_MODE_EMPOWERING] = "赋能式融合", [RH_MODE_ACCOMPANYING] = "伴随式融合",
  [RH_MODE_JOINT] = "联建式融合", [RH_MODE_SCENE] = "场景式融合",
};

/* The 主要抓手 of each mode, as seed 000 names them. */
static const char *const MODE_MEASURES[RH_N_MODES] = {
  [RH_MODE_COORDINATED] = "党建工作与中心工作一起研究、一起部署、一起推进、一起考核、一起督办\n“一岗双责”",
  [RH_MODE_BRAND] = "创建支部党建特色品牌\n围绕群众操心事、烦心事、揪心事开展主题活动",
  [RH_MODE_MODEL] = "党员示范岗、党员先锋岗\n党员积分管理\n“亮晒比”活动",
  [RH_MODE_EMPOWERING] = "双培养\n常态化业务学习\n技能比武",
  [RH_MODE_ACCOMPANYING] = "随任务成立临时党支部\n党员亮身份、当先锋",
  [RH_MODE_JOINT] = "党建共建、联建\n资源共享、活动共办",
  [RH_MODE_SCENE] = "党徽戴起来、党旗树起来、党歌唱起来、身份亮出来\n党建文化墙",
};

/* ---- State --------------------------------------------------------------------------------- */

typedef enum {
  STEADY,   /* holds nearly everything */
  USUAL,    /* misses one to three a year */
  LAX,      /* misses a good share */
} Diligence;

typedef enum {
  EVENT_ELECTION,    /* 换届选举 on the day the current term began */
  EVENT_ADMISSION,   /* 接收预备党员 on the admission day */
  EVENT_FULL,        /* 预备党员转正 on the full-member day */
} EventKind;

/* Business that only a 支部党员大会 can settle, on the day the records say it happened. */
typedef struct
{
  guint32 day;
  EventKind kind;
  GString *names;
} Event;

typedef struct
{
  gint64 id;
  guint32 first, last;
  char *title;
} TaskRef;

typedef struct
{
  gint64 id;
  char *name;
  RhHostType host;
  gboolean temporary;
  guint32 founded;
  char *brand;
  char *brand_summary;
  char *honours;
  char *partners;
  GArray *groups;              /* gint64 */
  guint32 term_start;          /* of the current term, 0 for none */
  int committee_size;
  gint64 roles[RH_N_ROLES];    /* who holds each role now, 0 for nobody */
  guint32 role_from[RH_N_ROLES];   /* …a member of the branch from (admitted) */
  guint32 role_until[RH_N_ROLES];  /* …until (transferred out), 0 for still */
  GArray *events;              /* Event */
  GArray *tasks;               /* TaskRef, of the year being written */

  /* Character, drawn once: how this branch runs its life. */
  Diligence diligence;
  double absence;              /* chance an ordinary member is away from a meeting */
  double linking;              /* chance a 党员大会/支委会 takes up business work */
  double syncing;              /* chance a task has all four 同 recorded */
  double meeting_targets;      /* chance a task meets its target */
  double habit[RH_N_MEETING_KINDS];  /* where in its month, quarter or year a kind falls, 0–1 */
  guint32 life_day;            /* the 组织生活会 of the year being planned, 0 for none */
} Branch;

typedef struct
{
  RhMeetingKind kind;
  gint64 holder;     /* the branch, or the group */
  guint32 first;     /* the unit of the rule, clipped to the branch's life */
  guint32 last;
  guint32 day;
  gboolean missed;
} Slot;

typedef struct
{
  RhDatabase *db;
  GRand *rand;
  guint32 today;
  int year;
  RhMeetingRule rules[RH_N_MEETING_KINDS];
  GPtrArray *branches;     /* Branch, by id */
  GHashTable *by_id;       /* gint64 id → Branch */
  GHashTable *flowing;     /* member ids working away (流出) */
  Diligence deck[10];      /* see deal_diligence */
  guint dealt;
} Life;

static void
event_clear (gpointer data)
{
  g_string_free (((Event *) data)->names, TRUE);
}

static void
task_ref_clear (gpointer data)
{
  g_free (((TaskRef *) data)->title);
}

static void
branch_free (Branch *b)
{
  g_free (b->name);
  g_free (b->brand);
  g_free (b->brand_summary);
  g_free (b->honours);
  g_free (b->partners);
  g_array_unref (b->groups);
  g_array_unref (b->events);
  g_array_unref (b->tasks);
  g_free (b);
}

/* ---- Small helpers ------------------------------------------------------------------------- */

static gboolean
chance (Life *life, double p)
{
  return g_rand_double (life->rand) < p;
}

static int
rand_between (Life *life, int lo, int hi)
{
  return hi <= lo ? lo : g_rand_int_range (life->rand, lo, hi + 1);
}

static double
rand_range (Life *life, double lo, double hi)
{
  return g_rand_double_range (life->rand, lo, hi);
}

#define PICK(life, array) ((array)[g_rand_int_range ((life)->rand, 0, G_N_ELEMENTS (array))])

const char *
rh_demo_pick_weighted (GRand *rand, const RhWeighted *items)
{
  guint total = 0, roll;

  for (const RhWeighted *w = items; w->text; w++)
    total += w->weight;
  roll = g_rand_int_range (rand, 0, total);
  for (const RhWeighted *w = items; w->text; w++)
    {
      if (roll < w->weight)
        return w->text;
      roll -= w->weight;
    }
  return items[0].text;
}

static guint32
jd_parse (const char *text)
{
  GDate d;

  return text != NULL && rh_date_parse (text, &d) ? g_date_get_julian (&d) : 0;
}

static char *
jd_format (guint32 jd)
{
  GDate d;

  g_date_clear (&d, 1);
  g_date_set_julian (&d, jd);
  return rh_date_format (&d);
}

static void
jd_dmy (guint32 jd, int *year, int *month)
{
  GDate d;

  g_date_clear (&d, 1);
  g_date_set_julian (&d, jd);
  *year = g_date_get_year (&d);
  *month = g_date_get_month (&d);
}

static guint32
jd_of_dmy (int day, int month, int year)
{
  GDate d;

  g_date_clear (&d, 1);
  g_date_set_dmy (&d, day, month, year);
  return g_date_get_julian (&d);
}

/* Meetings fall on working days: a Saturday moves to Friday and a Sunday to Monday, unless
 * that leaves the unit. */
static guint32
working_day (guint32 jd, guint32 first, guint32 last)
{
  GDate d;
  GDateWeekday w;
  guint32 moved = jd;

  g_date_clear (&d, 1);
  g_date_set_julian (&d, jd);
  w = g_date_get_weekday (&d);
  if (w == G_DATE_SATURDAY)
    moved = jd - 1 >= first ? jd - 1 : jd + 2;
  else if (w == G_DATE_SUNDAY)
    moved = jd + 1 <= last ? jd + 1 : jd - 2;
  return moved >= first && moved <= last ? moved : jd;
}

static gboolean
same_text (const char *a, const char *b)
{
  return g_strcmp0 (a, b) == 0;
}

/* ---- Reading the organisation -------------------------------------------------------------- */

static gboolean
load_branches (Life *life, GError **error)
{
  sqlite3_stmt *stmt = rh_database_prepare (life->db,
    "SELECT id, name, host_type, is_temporary, founded_date, brand_name, brand_summary, honours,"
    " partners FROM organisation WHERE kind = 'branch' AND archived_date IS NULL ORDER BY id",
    error);

  if (stmt == NULL)
    return FALSE;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      Branch *b = g_new0 (Branch, 1);
      int host = rh_host_type_from_string (rh_sql_text (stmt, 2));

      b->id = sqlite3_column_int64 (stmt, 0);
      b->name = rh_sql_dup (stmt, 1);
      b->host = host >= 0 ? (RhHostType) host : RH_HOST_GOVERNMENT;
      b->temporary = sqlite3_column_int (stmt, 3) != 0;
      b->founded = jd_parse (rh_sql_text (stmt, 4));
      b->brand = rh_sql_dup (stmt, 5);
      b->brand_summary = rh_sql_dup (stmt, 6);
      b->honours = rh_sql_dup (stmt, 7);
      b->partners = rh_sql_dup (stmt, 8);
      b->groups = g_array_new (FALSE, FALSE, sizeof (gint64));
      b->events = g_array_new (FALSE, FALSE, sizeof (Event));
      g_array_set_clear_func (b->events, event_clear);
      b->tasks = g_array_new (FALSE, FALSE, sizeof (TaskRef));
      g_array_set_clear_func (b->tasks, task_ref_clear);
      g_ptr_array_add (life->branches, b);
      g_hash_table_insert (life->by_id, &b->id, b);
    }
  sqlite3_reset (stmt);
  return TRUE;
}

static gboolean
load_groups (Life *life, GError **error)
{
  sqlite3_stmt *stmt = rh_database_prepare (life->db,
    "SELECT id, parent_id FROM organisation WHERE kind = 'group' AND archived_date IS NULL"
    " ORDER BY id",
    error);

  if (stmt == NULL)
    return FALSE;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      gint64 parent = sqlite3_column_int64 (stmt, 1);
      Branch *b = g_hash_table_lookup (life->by_id, &parent);

      if (b != NULL)
        g_array_append_val (b->groups, id);
    }
  sqlite3_reset (stmt);
  return TRUE;
}

/* The committees in office now: who holds which role, and since when. */
static gboolean
load_committees (Life *life, GError **error)
{
  sqlite3_stmt *stmt = rh_database_prepare (life->db,
    "SELECT t.org_id, t.start_date, r.member_id, r.role, m.admitted_date, m.archived_date"
    " FROM committee_term t JOIN committee_role r ON r.term_id = t.id"
    " JOIN member m ON m.id = r.member_id WHERE t.ended_date IS NULL ORDER BY t.org_id, r.id",
    error);

  if (stmt == NULL)
    return FALSE;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 org = sqlite3_column_int64 (stmt, 0);
      Branch *b = g_hash_table_lookup (life->by_id, &org);
      int role = rh_role_from_string (rh_sql_text (stmt, 3));

      if (b == NULL)
        continue;
      b->term_start = jd_parse (rh_sql_text (stmt, 1));
      b->committee_size++;
      if (role >= 0 && b->roles[role] == 0)
        {
          b->roles[role] = sqlite3_column_int64 (stmt, 2);
          b->role_from[role] = jd_parse (rh_sql_text (stmt, 4));
          b->role_until[role] = jd_parse (rh_sql_text (stmt, 5));
        }
    }
  sqlite3_reset (stmt);
  return TRUE;
}

static gboolean
load_flowing (Life *life, GError **error)
{
  sqlite3_stmt *stmt = rh_database_prepare (life->db, "SELECT id FROM member WHERE flow = 'out'",
                                            error);

  if (stmt == NULL)
    return FALSE;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_hash_table_add (life->flowing, GSIZE_TO_POINTER ((gsize) sqlite3_column_int64 (stmt, 0)));
  sqlite3_reset (stmt);
  return TRUE;
}

static void
add_event (Branch *b, guint32 day, EventKind kind, const char *name)
{
  Event e;

  /* Everyone admitted (or made full) on the same day is one item of the same meeting. */
  for (guint i = 0; i < b->events->len; i++)
    {
      Event *old = &g_array_index (b->events, Event, i);

      if (old->day == day && old->kind == kind)
        {
          if (name != NULL)
            g_string_append_printf (old->names, "、%s", name);
          return;
        }
    }
  e.day = day;
  e.kind = kind;
  e.names = g_string_new (name);
  g_array_append_val (b->events, e);
}

static int
compare_events (gconstpointer a, gconstpointer b)
{
  const Event *x = a, *y = b;

  if (x->day != y->day)
    return x->day < y->day ? -1 : 1;
  return (int) x->kind - (int) y->kind;
}

/* Admissions, full memberships and elections since `since`: each was decided by a 支部党员大会
 * on that day, so those meetings are always in the records. */
static gboolean
load_events (Life *life, guint32 since, GError **error)
{
  g_autofree char *since_text = jd_format (since);
  sqlite3_stmt *stmt = rh_database_prepare (life->db,
    "SELECT org_id, name, admitted_date, full_date FROM member WHERE admitted_date >= ?1"
    " ORDER BY admitted_date, id",
    error);

  if (stmt == NULL)
    return FALSE;
  /* A full member was admitted a year or more before: look that much further back. */
  {
    g_autofree char *earlier = rh_date_add_months (since_text, -24);

    rh_sql_bind_text (stmt, 1, earlier);
  }
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 org = sqlite3_column_int64 (stmt, 0);
      Branch *b = g_hash_table_lookup (life->by_id, &org);
      guint32 admitted = jd_parse (rh_sql_text (stmt, 2));
      guint32 full = jd_parse (rh_sql_text (stmt, 3));

      if (b == NULL)
        continue;
      if (admitted >= since && admitted <= life->today && admitted >= b->founded)
        add_event (b, admitted, EVENT_ADMISSION, rh_sql_text (stmt, 1));
      if (full >= since && full <= life->today && full >= b->founded)
        add_event (b, full, EVENT_FULL, rh_sql_text (stmt, 1));
    }
  sqlite3_reset (stmt);

  for (guint i = 0; i < life->branches->len; i++)
    {
      Branch *b = life->branches->pdata[i];

      if (b->term_start >= since && b->term_start <= life->today)
        add_event (b, b->term_start, EVENT_ELECTION, NULL);
      g_array_sort (b->events, compare_events);
    }
  return TRUE;
}

/* Of every ten branches, three are steady, six usual and one lax: dealt from a shuffled deck
 * rather than drawn one by one, so that even the twelve branches of the default demo show
 * each kind. */
static Diligence
deal_diligence (Life *life)
{
  static const Diligence DECK[G_N_ELEMENTS (life->deck)] = {
    STEADY, STEADY, STEADY, USUAL, USUAL, USUAL, USUAL, USUAL, USUAL, LAX,
  };
  guint n = G_N_ELEMENTS (life->deck);

  if (life->dealt % n == 0)
    {
      memcpy (life->deck, DECK, sizeof DECK);
      for (guint k = n - 1; k > 0; k--)
        {
          guint j = g_rand_int_range (life->rand, 0, k + 1);
          Diligence tmp = life->deck[k];

          life->deck[k] = life->deck[j];
          life->deck[j] = tmp;
        }
    }
  return life->deck[life->dealt++ % n];
}

/* Each branch has its own habits and its own standards, drawn once. */
static void
draw_character (Life *life, Branch *b, Diligence diligence)
{
  double life_meeting;

  b->diligence = diligence;
  b->absence = rand_range (life, 0.02, 0.09);
  b->linking = rand_range (life, 0.45, 0.95);
  b->syncing = rand_range (life, 0.45, 0.95);
  b->meeting_targets = rand_range (life, 0.4, 0.9);
  if (b->diligence == LAX)
    {
      b->linking *= 0.7;
      b->syncing *= 0.7;
    }

  b->habit[RH_MEETING_GENERAL_ASSEMBLY] = rand_range (life, 0.2, 0.8);
  b->habit[RH_MEETING_COMMITTEE] = rand_range (life, 0.05, 0.3);
  b->habit[RH_MEETING_GROUP] = rand_range (life, 0.3, 0.8);
  b->habit[RH_MEETING_LECTURE] = rand_range (life, 0.3, 0.9);
  b->habit[RH_MEETING_THEME_DAY] = rand_range (life, 0.1, 0.7);
  /* 组织生活会 closes the year in December, or reviews it in January or February; the
   * 民主评议 follows it. */
  life_meeting = chance (life, 0.75) ? rand_range (life, 0.9, 0.96) : rand_range (life, 0.03, 0.12);
  b->habit[RH_MEETING_LIFE] = life_meeting;
  b->habit[RH_MEETING_REVIEW] = life_meeting + 0.003;
  b->habit[RH_MEETING_TALK] = 0.5;
}

/* ---- Central tasks ------------------------------------------------------------------------- */

/* Rounds a non-negative value to a multiple of step (without libm, which core does not link). */
static double
round_to (double value, double step)
{
  return (double) (gint64) (value / step + 0.5) * step;
}

static double
round_metric (double value, MetricKind kind)
{
  if (kind == COUNT)
    return round_to (value, 1);
  value = round_to (value, 0.1);
  return kind == PERCENT ? MIN (value, 100) : value;
}

/* The outcome: met, or missed, in the metric's own direction. Rates approach 100% rather
 * than pass it. */
static double
draw_actual (Life *life, Branch *b, const TaskTemplate *t)
{
  gboolean met = chance (life, b->meeting_targets);
  double target = t->target;
  double actual;

  if (t->higher_is_better && t->kind == PERCENT)
    actual = met ? target + (100 - target) * rand_range (life, 0, 0.8)
                 : MAX (0, target - rand_range (life, 0.3, 8));
  else if (t->higher_is_better)
    actual = met ? target * rand_range (life, 1.0, 1.12) : target * rand_range (life, 0.7, 0.95);
  else if (target == 0)
    actual = met ? 0 : rand_between (life, 1, 2);
  else
    actual = met ? target * rand_range (life, 0.6, 1.0) : target * rand_range (life, 1.05, 1.5);
  actual = round_metric (actual, t->kind);
  /* Rounding may not carry a miss onto the target. */
  if (!met && actual == target)
    actual = t->higher_is_better ? target - (t->kind == COUNT ? 1 : 0.1)
                                 : target + (t->kind == COUNT ? 1 : 0.1);
  return actual;
}

static char *
pick_measures (Life *life)
{
  guint first = g_rand_int_range (life->rand, 0, G_N_ELEMENTS (PARTY_MEASURES));
  int n = rand_between (life, 2, 3);
  GString *s = g_string_new (NULL);

  for (int i = 0; i < n; i++)
    g_string_append_printf (s, "%s%s", i ? "\n" : "",
                            PARTY_MEASURES[(first + 2 * i) % G_N_ELEMENTS (PARTY_MEASURES)]);
  return g_string_free (s, FALSE);
}

/* Sets a 同 step when its day has come, with the branch's usual note. */
static void
set_sync (Life *life, RhTask *t, RhSync sync, guint32 day)
{
  if (day == 0 || day > life->today)
    return;
  t->sync_date[sync] = jd_format (day);
  t->sync_note[sync] = g_strdup (SYNC_NOTES[sync]);
}

/* The four 同 of a task over [first, last]: planned just before or as it starts (not before
 * `earliest`), checked midway, assessed and summed up after it ends, each once its day has come.
 * A branch that keeps to the four 同 records them all; the others stop partway. */
static void
record_syncs (Life *life, Branch *b, RhTask *t, guint32 first, guint32 last, guint32 earliest)
{
  int steps = chance (life, b->syncing) ? RH_N_SYNCS : rand_between (life, 1, RH_N_SYNCS - 1);
  guint32 assessed = last + rand_between (life, 1, 25);

  set_sync (life, t, RH_SYNC_PLANNED, MAX (first - rand_between (life, 0, 12), earliest));
  if (steps > 1)
    set_sync (life, t, RH_SYNC_CHECKED,
              first + (guint32) ((last - first) * rand_range (life, 0.4, 0.7)));
  if (steps > 2)
    set_sync (life, t, RH_SYNC_ASSESSED, assessed);
  if (steps > 3)
    set_sync (life, t, RH_SYNC_SUMMARISED, assessed + rand_between (life, 0, 15));
}

/* One to four central tasks of the year, mostly yearly, some for a quarter or a month. */
static gboolean
make_tasks (Life *life, Branch *b, int year, GError **error)
{
  const TaskList *list = &TASKS[b->host];
  guint32 year_first = jd_of_dmy (1, 1, year);
  int n = b->temporary ? 1 : rand_between (life, 1, 4);
  guint offset = g_rand_int_range (life->rand, 0, list->n_items);

  g_array_set_size (b->tasks, 0);
  n = MIN (n, (int) list->n_items);
  for (int i = 0; i < n; i++)
    {
      const TaskTemplate *tpl = &list->items[(offset + i) % list->n_items];
      g_autoptr (RhTask) t = rh_task_new ();
      RhPeriod period;
      double roll = g_rand_double (life->rand);
      guint32 first, last;
      TaskRef ref;

      /* Most tasks run for the year; some are campaigns for a quarter or a month. */
      rh_period_init (&period, RH_PERIOD_YEAR, year, 0);
      if (roll < 0.28 && !b->temporary)
        {
          tpl = &list->campaigns[g_rand_int_range (life->rand, 0, list->n_campaigns)];
          if (roll < 0.2)
            {
              int q = rand_between (life, 1, 4);

              rh_period_init (&period, RH_PERIOD_QUARTER, year, q);
              t->title = g_strconcat (QUARTER_NAMES[q - 1], "季度", tpl->title, NULL);
            }
          else
            {
              int m = rand_between (life, 1, 12);

              rh_period_init (&period, RH_PERIOD_MONTH, year, m);
              t->title = g_strdup_printf ("%d月%s", m, tpl->title);
            }
        }
      else
        t->title = g_strdup (tpl->title);
      first = jd_parse (period.first);
      last = jd_parse (period.last);
      /* Nothing is planned for a period that has not begun, nor before the branch existed. */
      if (first > life->today || last < b->founded)
        continue;

      t->org_id = b->id;
      t->period = rh_period_format (&period);
      t->owner_id = b->roles[RH_ROLE_SECRETARY];
      t->goal = g_strdup (tpl->goal);
      t->measures = pick_measures (life);
      t->metric_name = g_strdup (tpl->metric);
      t->metric_unit = g_strdup (tpl->unit);
      t->metric_target = tpl->target;
      t->higher_is_better = tpl->higher_is_better;

      record_syncs (life, b, t, first, last, MAX (b->founded, year_first - 20));
      if (last < life->today)
        t->metric_actual = draw_actual (life, b, tpl);

      if (!rh_task_save (life->db, t, error))
        return FALSE;
      ref.id = t->id;
      ref.first = first;
      ref.last = last;
      ref.title = g_strdup (t->title);
      g_array_append_val (b->tasks, ref);
    }
  return TRUE;
}

/* ---- Meetings ------------------------------------------------------------------------------ */

static const char *
pick_place (Life *life, Branch *b, RhMeetingKind kind)
{
  if (kind == RH_MEETING_THEME_DAY && chance (life, 0.35))
    return PICK (life, OUTINGS);
  return PICK (life, PLACES[b->host]);
}

/* A 融合议题 in the host's words; a quarterly item is deployed for the quarter of the day. */
static char *
business_text (Life *life, Branch *b, guint32 day)
{
  const BusinessList *list = &BUSINESS[b->host];
  const Business *item = &list->items[g_rand_int_range (life->rand, 0, list->n_items)];
  int year, month;

  if (!item->quarterly)
    return g_strdup (item->text);
  jd_dmy (day, &year, &month);
  return g_strconcat ("研究部署", QUARTER_NAMES[(month - 1) / 3], "季度", item->text, NULL);
}

/* A 主题党日 held around the business: one of the host's standing items, not a deployment. */
static char *
theme_day_business (Life *life, Branch *b)
{
  const BusinessList *list = &BUSINESS[b->host];
  guint n = 0, k;

  for (guint i = 0; i < list->n_items; i++)
    n += !list->items[i].quarterly;
  k = g_rand_int_range (life->rand, 0, MAX (n, 1));
  for (guint i = 0; i < list->n_items; i++)
    if (!list->items[i].quarterly && k-- == 0)
      return g_strdup (list->items[i].text);
  return g_strdup (list->items[0].text);
}

/* The 融合议题 of a meeting that takes up business work: a central task of the day when there
 * is one (and the link is made), otherwise business in the host's words. */
static void
link_business (Life *life, Branch *b, RhMeeting *m, guint32 day)
{
  if (chance (life, 0.5))
    for (guint i = 0; i < b->tasks->len; i++)
      {
        TaskRef *ref = &g_array_index (b->tasks, TaskRef, i);

        if (ref->first <= day && day <= ref->last)
          {
            m->task_id = ref->id;
            m->business_topic = g_strconcat ("研究推进", ref->title, NULL);
            return;
          }
      }
  m->business_topic = business_text (life, b, day);
}

static char *
topic_for (Life *life, Branch *b, RhMeetingKind kind, guint32 day, const Event *event)
{
  int year, month;

  jd_dmy (day, &year, &month);
  if (event != NULL)
    switch (event->kind)
      {
      case EVENT_ELECTION:
        return g_strdup ("换届选举，选举产生新一届支部委员会");
      case EVENT_ADMISSION:
        return g_strconcat ("讨论接收", event->names->str, "同志为中共预备党员", NULL);
      case EVENT_FULL:
      default:
        return g_strconcat ("讨论", event->names->str, "同志预备期满转为正式党员", NULL);
      }

  switch (kind)
    {
    case RH_MEETING_GENERAL_ASSEMBLY:
      if (chance (life, 0.5))
        return g_strdup (ASSEMBLY_QUARTER_TOPICS[(month - 1) / 3]);
      return g_strdup (PICK (life, ASSEMBLY_TOPICS));
    case RH_MEETING_COMMITTEE:
      if ((month - 1) % 3 == 0 && chance (life, 0.4))
        return g_strconcat ("研究部署", QUARTER_NAMES[(month - 1) / 3], "季度支部工作", NULL);
      return g_strdup (PICK (life, COMMITTEE_TOPICS));
    case RH_MEETING_GROUP:
      return g_strdup (PICK (life, GROUP_TOPICS));
    case RH_MEETING_LECTURE:
      if (chance (life, 0.35))
        return g_strdup (HOST_LECTURES[b->host]);
      return g_strdup (PICK (life, LECTURE_TOPICS));
    case RH_MEETING_THEME_DAY:
      if (chance (life, 0.65))
        return g_strdup (THEME_DAY_BY_MONTH[month - 1]);
      return g_strdup (PICK (life, THEME_DAY_TOPICS));
    case RH_MEETING_LIFE:
      /* Held early in the year, it looks back on the year before. */
      return g_strdup_printf ("%d年度组织生活会：对照检查，开展批评和自我批评",
                              month <= 3 ? year - 1 : year);
    case RH_MEETING_REVIEW:
      return g_strdup_printf ("%d年度民主评议党员", month <= 3 ? year - 1 : year);
    case RH_MEETING_TALK:
    case RH_N_MEETING_KINDS:
    default:
      return g_strdup ("谈心谈话");
    }
}

static const char *
minutes_body (RhMeetingKind kind)
{
  switch (kind)
    {
    case RH_MEETING_GENERAL_ASSEMBLY:
      return "与会党员围绕议题逐一发言，充分讨论后形成决定。";
    case RH_MEETING_COMMITTEE:
      return "支委逐项研究议题，明确责任分工和完成时限。";
    case RH_MEETING_GROUP:
      return "党小组长领学，党员结合岗位实际交流学习体会。";
    case RH_MEETING_LECTURE:
      return "授课人结合本单位工作实际讲授党课，党员交流心得体会。";
    case RH_MEETING_THEME_DAY:
      return "党员按活动方案参加主题党日活动，并交流体会。";
    case RH_MEETING_LIFE:
      return "通报上年度查摆问题整改情况；党员逐一对照检查，开展批评和自我批评。";
    case RH_MEETING_REVIEW:
      return "党员个人自评、党员互评、民主测评，支部委员会综合评定等次。";
    case RH_MEETING_TALK:
    case RH_N_MEETING_KINDS:
    default:
      return "";
    }
}

static char *
decisions_for (RhMeetingKind kind, const Event *event, const RhMeeting *m, gboolean quorate)
{
  if (!quorate)
    return NULL;
  if (event != NULL)
    switch (event->kind)
      {
      case EVENT_ELECTION:
        return g_strdup ("选举产生新一届支部委员会，报上级党组织批准。");
      case EVENT_ADMISSION:
        return g_strconcat ("同意接收", event->names->str, "同志为中共预备党员，报上级党组织审批。",
                            NULL);
      case EVENT_FULL:
      default:
        return g_strconcat ("同意", event->names->str, "同志按期转为中共正式党员，报上级党组织审批。",
                            NULL);
      }
  if (kind != RH_MEETING_GENERAL_ASSEMBLY && kind != RH_MEETING_COMMITTEE)
    return NULL;
  if (m->business_topic != NULL)
    return g_strdup ("明确党员责任分工和完成时限，党员带头攻坚，下次会议通报进展。");
  return g_strdup ("会议议定事项由支部委员分工落实。");
}

static const RhAttendee *
attendee (GArray *people, guint i)
{
  return &g_array_index (people, RhAttendee, i);
}

static gboolean
expects (GArray *people, gint64 member_id)
{
  for (guint i = 0; i < people->len; i++)
    if (attendee (people, i)->member_id == member_id)
      return TRUE;
  return FALSE;
}

/* The first voting member of the list, else the first one, other than `not`. */
static gint64
first_attendee (GArray *people, gint64 not)
{
  for (int pass = 0; pass < 2; pass++)
    for (guint i = 0; i < people->len; i++)
      {
        const RhAttendee *a = attendee (people, i);

        if (a->member_id != not && (pass == 1 || a->voting))
          return a->member_id;
      }
  return 0;
}

/* Whether the holder of a committee role chairs or records a meeting that day. The committee
 * on record may include someone who joined the branch after the term began, and only members
 * of the branch that day may chair or record. */
static gboolean
role_serves (Branch *b, RhCommitteeRole role, guint32 day)
{
  return b->roles[role] != 0 && b->term_start != 0 && b->term_start <= day
         && b->role_from[role] != 0 && b->role_from[role] <= day
         && (b->role_until[role] == 0 || day < b->role_until[role]);
}

/* The first role of the list whose holder serves that day (and, when people is given, is
 * among them), other than `not`; 0 when none does. */
static gint64
serving (Branch *b, const RhCommitteeRole *roles, guint n_roles, guint32 day, GArray *people,
         gint64 not)
{
  for (guint i = 0; i < n_roles; i++)
    if (role_serves (b, roles[i], day) && b->roles[roles[i]] != not
        && (people == NULL || expects (people, b->roles[roles[i]])))
      return b->roles[roles[i]];
  return 0;
}

/* The secretary chairs and a committee member takes the minutes when a committee is in office;
 * otherwise the senior members present, and a party group's own people for its meetings.
 * A 支委会 is chaired and recorded by its own members only (both may stay empty). */
static void
choose_chair (Branch *b, RhMeetingKind kind, guint32 day, GArray *people, gint64 *host,
              gint64 *recorder)
{
  static const RhCommitteeRole CHAIRS[] = {
    RH_ROLE_SECRETARY, RH_ROLE_DEPUTY_SECRETARY, RH_ROLE_ORGANISATION, RH_ROLE_PUBLICITY,
    RH_ROLE_DISCIPLINE,
  };
  static const RhCommitteeRole RECORDERS[] = {
    RH_ROLE_ORGANISATION, RH_ROLE_PUBLICITY, RH_ROLE_DEPUTY_SECRETARY, RH_ROLE_DISCIPLINE,
  };

  *host = 0;
  *recorder = 0;
  if (kind == RH_MEETING_COMMITTEE)
    {
      *host = serving (b, CHAIRS, G_N_ELEMENTS (CHAIRS), day, NULL, 0);
      *recorder = serving (b, RECORDERS, G_N_ELEMENTS (RECORDERS), day, NULL, *host);
      return;
    }
  if (kind != RH_MEETING_GROUP)
    {
      *host = serving (b, CHAIRS, 1, day, people, 0);
      *recorder = serving (b, RECORDERS, G_N_ELEMENTS (RECORDERS), day, people, *host);
    }
  if (*host == 0)
    *host = first_attendee (people, 0);
  if (*recorder == 0)
    *recorder = first_attendee (people, *host);
}

/* Who stayed away. Flowing members are often away at work; the others now and then, on leave
 * nearly always. The quorum holds unless `inquorate` asks for a meeting where more than half
 * of the voting members were away on business. Returns how many flowing members took part
 * (by video). */
static int
mark_absences (Life *life, Branch *b, RhMeeting *m, GArray *people, gboolean inquorate)
{
  int voting = 0, voting_away = 0, away = 0, online = 0;
  int n = (int) people->len;
  double base = b->absence * (m->kind == RH_MEETING_COMMITTEE ? 0.6 : 1.0);

  for (guint i = 0; i < people->len; i++)
    voting += attendee (people, i)->voting;

  if (inquorate)
    {
      /* Away on business in a busy season, starting from a random member. */
      guint start = g_rand_int_range (life->rand, 0, people->len);

      for (guint k = 0; k < people->len && 2 * (voting - voting_away) > voting; k++)
        {
          const RhAttendee *a = attendee (people, (start + k) % people->len);

          if (!a->voting || a->member_id == m->host_id || a->member_id == m->recorder_id)
            continue;
          rh_meeting_add_absence (m, a->member_id, RH_ATTENDANCE_LEAVE,
                                  rh_demo_pick_weighted (life->rand, AWAY_REASONS));
          voting_away++;
          away++;
        }
      return 0;
    }

  for (guint i = 0; i < people->len; i++)
    {
      const RhAttendee *a = attendee (people, i);
      gboolean flowing = g_hash_table_contains (life->flowing,
                                                GSIZE_TO_POINTER ((gsize) a->member_id));
      gboolean quorum_allows;

      if (a->member_id == m->host_id || a->member_id == m->recorder_id)
        continue;
      if (!chance (life, flowing ? 0.5 : base))
        {
          online += flowing;
          continue;
        }
      /* Never more than half away, and the quorum of voting members kept. */
      quorum_allows = 2 * (away + 1) < n
                      && (!a->voting || 2 * (voting - voting_away - 1) > voting);
      if (!quorum_allows)
        {
          online += flowing;
          continue;
        }
      if (flowing)
        rh_meeting_add_absence (m, a->member_id, RH_ATTENDANCE_LEAVE,
                                chance (life, 0.5) ? "外出务工" : "流动在外");
      else if (chance (life, 0.9))
        rh_meeting_add_absence (m, a->member_id, RH_ATTENDANCE_LEAVE,
                                rh_demo_pick_weighted (life->rand, LEAVE_REASONS));
      else
        rh_meeting_add_absence (m, a->member_id, RH_ATTENDANCE_ABSENT, "未请假");
      away++;
      voting_away += a->voting;
    }
  return online;
}

/* Writes one meeting. Nothing is written when nobody was expected that day. */
static gboolean
hold_meeting (Life *life, Branch *b, RhMeetingKind kind, gint64 holder, guint32 day,
              const Event *event, gboolean inquorate, GError **error)
{
  g_autoptr (RhMeeting) m = rh_meeting_new ();
  g_autoptr (GArray) people = NULL;
  g_autofree char *date = jd_format (day);
  GString *minutes;
  int online;

  people = rh_meeting_expected (life->db, holder, kind, date, error);
  if (people == NULL)
    return FALSE;
  if (people->len == 0)
    return TRUE;

  m->org_id = holder;
  m->kind = kind;
  m->date = g_steal_pointer (&date);
  m->place = g_strdup (pick_place (life, b, kind));
  choose_chair (b, kind, day, people, &m->host_id, &m->recorder_id);
  m->topic = topic_for (life, b, kind, day, event);
  if (kind == RH_MEETING_GENERAL_ASSEMBLY || kind == RH_MEETING_COMMITTEE)
    {
      if (chance (life, b->linking))
        link_business (life, b, m, day);
    }
  else if (kind == RH_MEETING_THEME_DAY && chance (life, 0.2))
    m->business_topic = theme_day_business (life, b);

  online = mark_absences (life, b, m, people, inquorate);
  m->decisions = decisions_for (kind, event, m, !inquorate);

  minutes = g_string_new (NULL);
  g_string_append_printf (minutes, "应到%u人，实到%u人。", people->len,
                          people->len - m->absences->len);
  if (inquorate)
    g_string_append (minutes, "到会有表决权的党员未超过半数，会议不作决定，择期另行召开。");
  else
    {
      g_string_append (minutes, minutes_body (kind));
      if (m->business_topic == NULL)
        ;
      else if (kind == RH_MEETING_THEME_DAY)
        g_string_append_printf (minutes, "活动结合%s开展。", m->business_topic);
      else if (g_str_has_prefix (m->business_topic, "研究"))
        g_string_append_printf (minutes, "会议同时%s。", m->business_topic);
      else
        g_string_append_printf (minutes, "会议同时研究了%s。", m->business_topic);
    }
  if (online > 0)
    g_string_append (minutes, "流动党员通过视频方式参会。");
  m->minutes = g_string_free (minutes, FALSE);
  return rh_meeting_save (life->db, m, error);
}

/* The required meetings of one kind in one year, as the rules count them: each of `times` in
 * each month, quarter or year, per party group for 党小组会. */
static void
plan_kind (Life *life, Branch *b, RhMeetingKind kind, int year, GArray *slots)
{
  const RhMeetingRule *rule = &life->rules[kind];
  RhPeriod whole;
  g_autoptr (GArray) units = NULL;
  GArray *holders = kind == RH_MEETING_GROUP ? b->groups : NULL;
  guint n_holders = holders != NULL ? holders->len : 1;
  RhPeriodKind unit_kind;
  double jitter;

  if (rule->period == RH_RULE_NONE || rule->times <= 0 || kind == RH_MEETING_TALK)
    return;
  /* 支委会 where there is a committee of three or more, as compliance counts it; only while
   * that committee is in office, since none before it is on record. */
  if (kind == RH_MEETING_COMMITTEE && b->committee_size < 3)
    return;
  unit_kind = rule->period == RH_RULE_MONTH ? RH_PERIOD_MONTH
              : rule->period == RH_RULE_QUARTER ? RH_PERIOD_QUARTER : RH_PERIOD_YEAR;
  jitter = unit_kind == RH_PERIOD_MONTH ? 0.15 : unit_kind == RH_PERIOD_QUARTER ? 0.1 : 0.03;
  rh_period_init (&whole, RH_PERIOD_YEAR, year, 0);
  units = rh_period_split (&whole, unit_kind);

  for (guint u = 0; u < units->len; u++)
    {
      const RhPeriod *unit = &g_array_index (units, RhPeriod, u);
      guint32 first = jd_parse (unit->first), last = jd_parse (unit->last);
      int times = rule->times;

      if (first > life->today || last < b->founded)
        continue;
      first = MAX (first, b->founded);
      if (kind == RH_MEETING_COMMITTEE)
        {
          if (last < b->term_start)
            continue;
          first = MAX (first, b->term_start);
        }
      /* A 党员大会 that admitted someone or elected the committee counts for its quarter. */
      if (kind == RH_MEETING_GENERAL_ASSEMBLY)
        for (guint e = 0; e < b->events->len; e++)
          {
            guint32 day = g_array_index (b->events, Event, e).day;

            if (day >= first && day <= last
                && (e == 0 || g_array_index (b->events, Event, e - 1).day != day))
              times--;
          }

      for (guint h = 0; h < n_holders; h++)
        for (int i = 0; i < times; i++)
          {
            Slot s = { 0 };
            double at = CLAMP (b->habit[kind] + rand_range (life, -jitter, jitter), 0, 0.999);

            s.kind = kind;
            s.holder = holders != NULL ? g_array_index (holders, gint64, h) : b->id;
            s.first = first;
            s.last = last;
            s.day = first + (guint32) ((i + at) * (last - first + 1) / times);
            /* 民主评议 is held with the 组织生活会 or a day or two after it. */
            if (kind == RH_MEETING_REVIEW && b->life_day >= first && b->life_day <= last)
              s.day = MIN (b->life_day + rand_between (life, 0, 2), last);
            s.day = working_day (s.day, first, last);
            if (kind == RH_MEETING_LIFE)
              b->life_day = s.day;
            /* Not yet held: today is before its usual day. */
            if (s.day <= life->today)
              g_array_append_val (slots, s);
          }
    }
}

/* How many meetings of the year the branch lets slip. */
static int
misses (Life *life, Branch *b, guint n_slots, double share_of_year)
{
  double k;

  switch (b->diligence)
    {
    case STEADY:
      k = chance (life, 0.15) ? 1 : 0;
      break;
    case USUAL:
      k = rand_between (life, 1, 3) * share_of_year;
      break;
    case LAX:
    default:
      k = n_slots * rand_range (life, 0.2, 0.45);
      break;
    }
  return (int) (k + g_rand_double (life->rand));
}

static gboolean
write_year (Life *life, Branch *b, int year, GError **error)
{
  g_autoptr (GArray) slots = g_array_new (FALSE, FALSE, sizeof (Slot));
  guint32 year_first = jd_of_dmy (1, 1, year);
  guint32 year_last = jd_of_dmy (31, 12, year);
  double share = (double) (MIN (year_last, life->today) - MAX (year_first, b->founded) + 1) / 365.0;
  int k;

  if (year_last < b->founded)
    return TRUE;
  if (!make_tasks (life, b, year, error))
    return FALSE;
  b->life_day = 0;
  for (int kind = 0; kind < RH_N_MEETING_KINDS; kind++)
    plan_kind (life, b, (RhMeetingKind) kind, year, slots);

  /* The meetings that slip are mostly 党小组会 and 支委会, rarely a 党员大会. */
  k = slots->len > 0 ? misses (life, b, slots->len, CLAMP (share, 0, 1)) : 0;
  for (guint tries = 0; k > 0 && tries < 30 * slots->len; tries++)
    {
      static const int WEIGHT[RH_N_MEETING_KINDS] = { 1, 3, 3, 2, 2, 1, 1, 0 };
      Slot *s = &g_array_index (slots, Slot, g_rand_int_range (life->rand, 0, slots->len));

      if (!s->missed && g_rand_int_range (life->rand, 0, 3) < WEIGHT[s->kind])
        {
          s->missed = TRUE;
          k--;
        }
    }

  for (guint i = 0; i < slots->len; i++)
    {
      Slot *s = &g_array_index (slots, Slot, i);
      gboolean inquorate = s->kind == RH_MEETING_GENERAL_ASSEMBLY && chance (life, 0.04);

      if (s->missed)
        continue;
      if (!hold_meeting (life, b, s->kind, s->holder, s->day, NULL, inquorate, error))
        return FALSE;
      /* Half the branches call the meeting again within the quarter (补开). */
      if (inquorate && chance (life, 0.5))
        {
          guint32 again = s->day + rand_between (life, 10, 20);

          if (again <= s->last && again <= life->today
              && !hold_meeting (life, b, s->kind, s->holder, again, NULL, FALSE, error))
            return FALSE;
        }
    }

  for (guint e = 0; e < b->events->len; e++)
    {
      const Event *event = &g_array_index (b->events, Event, e);

      if (event->day >= year_first && event->day <= year_last
          && !hold_meeting (life, b, RH_MEETING_GENERAL_ASSEMBLY, b->id, event->day, event,
                            FALSE, error))
        return FALSE;
    }
  return TRUE;
}

/* ---- Cases --------------------------------------------------------------------------------- */

/* Moves a case along the library's steps from `submitted` on: a few weeks to months between
 * steps, and never past today, where it stops at the step it has reached. */
static void
set_status (Life *life, RhCase *c, RhCaseStatus wanted, guint32 submitted)
{
  guint32 day = submitted;

  c->status = RH_CASE_DRAFT;
  for (int s = RH_CASE_SUBMITTED; s <= (int) wanted; s++)
    {
      if (s > RH_CASE_SUBMITTED)
        day += rand_between (life, 20, 120);
      if (day > life->today)
        break;
      c->status = (RhCaseStatus) s;
      c->status_date[s] = jd_format (day);
    }
}

static gboolean
write_seed_cases (Life *life, GError **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (SEED_CASES); i++)
    {
      const SeedCase *seed = &SEED_CASES[i];
      g_autoptr (RhCase) c = rh_case_new ();

      c->unit_name = g_strdup (seed->unit);
      c->title = g_strdup (seed->title);
      c->year = MIN (seed->year, life->year);
      c->mode = seed->mode;
      c->measures = g_strdup (seed->measures);
      c->story = g_strdup (seed->story);
      c->honours = g_strdup (seed->honours);
      c->partners = g_strdup (seed->partners);
      for (guint k = 0; k < G_N_ELEMENTS (seed->metrics) && seed->metrics[k].name; k++)
        rh_case_add_metric (c, seed->metrics[k].name, seed->metrics[k].unit,
                            seed->metrics[k].before, seed->metrics[k].after);
      /* Sent up at the end of its year or early in the next. */
      set_status (life, c, seed->status,
                  jd_of_dmy (1, 11, c->year) + (guint32) rand_between (life, 0, 100));
      if (!rh_case_save (life->db, c, error))
        return FALSE;
    }
  return TRUE;
}

static RhCaseMode
brand_mode (const char *brand)
{
  for (guint i = 0; i < G_N_ELEMENTS (BRAND_MODES); i++)
    if (same_text (BRAND_MODES[i].brand, brand))
      return BRAND_MODES[i].mode;
  return RH_MODE_BRAND;
}

/* Before and after for one of last year's tasks of the branch that met its target: its
 * actual, and the year before drawn a little worse. */
static gboolean
add_task_metric (Life *life, Branch *b, RhCase *c, GError **error)
{
  sqlite3_stmt *stmt = rh_database_prepare (life->db,
    "SELECT metric_name, metric_unit, metric_actual, higher_is_better FROM central_task"
    " WHERE org_id = ?1 AND period = ?2 AND metric_actual IS NOT NULL"
    " AND CASE WHEN higher_is_better THEN metric_actual >= metric_target"
    "  ELSE metric_actual <= metric_target END ORDER BY id LIMIT 1",
    error);
  g_autofree char *period = g_strdup_printf ("%d", life->year - 1);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, b->id);
  rh_sql_bind_text (stmt, 2, period);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      double after = sqlite3_column_double (stmt, 2);
      gboolean higher = sqlite3_column_int (stmt, 3) != 0;
      gboolean percent = same_text (rh_sql_text (stmt, 1), "%");
      /* Whole numbers stay whole; rates keep one decimal. */
      double step = percent || after != round_to (after, 1) ? 0.1 : 1;
      double before;

      if (after == 0)
        /* No accident last year: one to three the year before. */
        before = rand_between (life, 1, 3);
      else
        {
          before = after * (higher ? rand_range (life, 0.8, 0.95) : rand_range (life, 1.1, 1.4));
          before = round_to (before, step);
          if (before == after)
            before = higher ? after - step : after + step;
          if (percent)
            before = MIN (before, 100);
        }
      rh_case_add_metric (c, rh_sql_text (stmt, 0), rh_sql_text (stmt, 1), before, after);
    }
  sqlite3_reset (stmt);
  return TRUE;
}

static gboolean
write_branch_case (Life *life, Branch *b, RhCaseMode mode, const char *title, const char *story,
                   RhCaseStatus wanted, GError **error)
{
  g_autoptr (RhCase) c = rh_case_new ();

  c->org_id = b->id;
  c->title = g_strdup (title);
  c->mode = mode;
  c->measures = g_strdup (MODE_MEASURES[mode]);
  c->story = g_strdup (story);
  c->honours = g_strdup (b->honours);
  if (mode == RH_MODE_JOINT)
    c->partners = g_strdup (b->partners);
  /* Drafts are this year's; anything further along was written up last year. */
  c->year = wanted == RH_CASE_DRAFT ? life->year : life->year - 1;
  if (wanted != RH_CASE_DRAFT)
    set_status (life, c, wanted, jd_of_dmy (1, 11, c->year) + (guint32) rand_between (life, 0, 60));
  if (!add_task_metric (life, b, c, error))
    return FALSE;
  return rh_case_save (life->db, c, error);
}

/* A few cases of our own: each branch with a brand, a temporary branch (伴随式), and a branch
 * with joint-building partners. Statuses cycle so that every step of the library shows. */
static gboolean
write_own_cases (Life *life, GError **error)
{
  static const RhCaseStatus CYCLE[] = {
    RH_CASE_AWARDED, RH_CASE_SUBMITTED, RH_CASE_DRAFT, RH_CASE_RECOMMENDED,
  };
  guint n = 0;
  gboolean temporary_done = FALSE, joint_done = FALSE;

  for (guint i = 0; i < life->branches->len; i++)
    {
      Branch *b = life->branches->pdata[i];
      RhCaseStatus status = CYCLE[n % G_N_ELEMENTS (CYCLE)];
      g_autofree char *title = NULL;
      g_autofree char *story = NULL;
      RhCaseMode mode;

      if (b->brand != NULL)
        {
          mode = brand_mode (b->brand);
          title = g_strconcat ("“", b->brand, "”", MODE_NAMES[mode], "实践", NULL);
          story = g_strconcat (b->name, b->brand_summary ? b->brand_summary : "", NULL);
        }
      else if (b->temporary && !temporary_done && b->committee_size >= 3)
        {
          mode = RH_MODE_ACCOMPANYING;
          temporary_done = TRUE;
          title = g_strconcat (b->name, "：任务推进到哪里，党组织就覆盖到哪里", NULL);
          story = g_strconcat ("随任务组建", b->name,
                               "，党员亮身份、当先锋，支部委员分片包保，"
                               "把党的组织生活开到任务一线。", NULL);
        }
      else if (b->partners != NULL && !joint_done && !b->temporary)
        {
          mode = RH_MODE_JOINT;
          joint_done = TRUE;
          title = g_strconcat (b->name, "：支部联建，资源共享、活动共办", NULL);
          story = g_strconcat (b->name, "与共建单位签订联建协议，轮流承办主题党日，"
                               "共享阵地和师资，围绕业务难题开展联合攻关。", NULL);
        }
      else
        continue;

      /* A temporary branch is this year's work, so its case is still a draft. */
      if (b->temporary)
        status = RH_CASE_DRAFT;
      if (!write_branch_case (life, b, mode, title, story, status, error))
        return FALSE;
      n++;
    }
  return TRUE;
}

/* ---- Entry --------------------------------------------------------------------------------- */

/* Whether a branch gets its life written; see LIFE_BRANCHES. */
static gboolean
has_life (Life *life, guint i)
{
  guint n = life->branches->len;
  Branch *b = life->branches->pdata[i];

  return n <= LIFE_BRANCHES || b->brand != NULL || b->temporary
         || (guint64) (i + 1) * LIFE_BRANCHES / n > (guint64) i * LIFE_BRANCHES / n;
}

static gboolean
write_all (Life *life, GError **error)
{
  int first_year = life->year - LIFE_YEARS + 1;

  if (!rh_meeting_rules_load (life->db, life->rules, error)
      || !load_groups (life, error) || !load_committees (life, error)
      || !load_flowing (life, error)
      || !load_events (life, jd_of_dmy (1, 1, first_year), error))
    return FALSE;

  for (guint i = 0; i < life->branches->len; i++)
    {
      Branch *b = life->branches->pdata[i];

      if (!has_life (life, i))
        continue;
      draw_character (life, b, deal_diligence (life));
      for (int year = first_year; year <= life->year; year++)
        if (!write_year (life, b, year, error))
          return FALSE;
    }
  return write_seed_cases (life, error) && write_own_cases (life, error);
}

gboolean
rh_demo_life_generate (RhDatabase *db, GRand *rand, const GDate *today, GError **error)
{
  Life life = { 0 };
  gboolean ok;

  g_return_val_if_fail (RH_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (rand != NULL && today != NULL, FALSE);

  life.db = db;
  life.rand = rand;
  life.today = g_date_get_julian (today);
  life.year = g_date_get_year (today);
  life.branches = g_ptr_array_new_with_free_func ((GDestroyNotify) branch_free);
  life.by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  life.flowing = g_hash_table_new (g_direct_hash, g_direct_equal);

  ok = load_branches (&life, error) && write_all (&life, error);

  g_hash_table_unref (life.flowing);
  g_hash_table_unref (life.by_id);
  g_ptr_array_unref (life.branches);
  return ok;
}
