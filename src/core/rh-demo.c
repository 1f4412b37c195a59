/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Demo data: a fictitious city committee with branches of every host type, people at every
 * stage of the pipeline and committee terms. Everything comes from one GRand and one fixed
 * "today", so the same seed and the same today always give the same database. */

#include "rh-config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "rh-date.h"
#include "rh-demo-assess.h"
#include "rh-demo-life.h"
#include "rh-demo-points.h"
#include "rh-demo.h"
#include "rh-member.h"
#include "rh-org.h"
#include "rh-validate.h"

#define LIST(a) (a), G_N_ELEMENTS (a)

/* ---- Vocabulary ---------------------------------------------------------------------------- */

/* Single CJK characters, three bytes each in UTF-8, so a string is an array of them. */
#define CJK_BYTES 3

/* Roughly by frequency: the first ones are drawn more often. */
static const char COMMON_SURNAMES[] =
  "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程"
  "苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝"
  "龚邵万钱严覃武戴莫孔向汤";

/* Surnames read differently from their common reading: they exercise the pinyin overrides. */
static const char *const SPECIAL_SURNAMES[] = {
  "曾", "单", "仇", "解", "区", "查", "朴", "乐", "缪", "尉迟",
};

static const char MALE_CHARS[] = "伟强磊军洋勇杰涛明超斌鹏辉刚平浩亮健宇凯峰波鑫帅俊毅华";
static const char FEMALE_CHARS[] = "芳娜敏静丽艳娟霞燕玲婷雪琳颖倩洁萍红梅慧兰琴华";
static const char FIRST_CHARS[] = "晓文思嘉佳志建海俊春永明家子雨";

static const char *const MALE_NAMES[] = {
  "建华", "志强", "建国", "海涛", "俊杰", "子轩", "浩然", "志刚", "文博", "宇航", "晓东",
  "国强", "建军", "永刚", "明辉", "嘉豪", "思远", "天宇", "立新", "振华", "国平", "文斌",
};

static const char *const FEMALE_NAMES[] = {
  "秀英", "桂英", "秀兰", "丽娟", "晓燕", "雅琴", "思雨", "欣怡", "佳怡", "雨涵", "梦洁",
  "婉婷", "海燕", "春梅", "玉兰", "晓红", "丽华", "子涵", "诗琪", "慧敏",
};

static const char *const MINOR_ETHNICITIES[] = {
  "回族", "满族", "壮族", "蒙古族", "土家族",
};

/* Real district codes: the check character only needs the right shape, but the codes should
 * look familiar. */
static const char *const AREA_CODES[] = {
  "110105", "110108", "310104", "310115", "440305", "440106", "420102",
  "420106", "510107", "210102", "320102", "330106", "370102", "610113",
};

static const char *const PHONE_PREFIXES[] = {
  "130", "131", "132", "133", "135", "136", "137", "138", "139", "150", "151",
  "152", "153", "155", "156", "157", "158", "159", "180", "181", "182", "183",
  "185", "186", "187", "188", "189",
};

static const char *const GROUP_NAMES[] = {
  "第一党小组", "第二党小组", "第三党小组", "第四党小组",
};

static const char *const HONOURS[] = {
  "全国党建工作样板支部", "省级样板党支部", "市级机关党建工作示范点", "五星级党支部",
  "先进基层党组织", "标准化规范化建设示范点",
};

static const char *const PARTNERS[] = {
  "东川市第一人民医院", "东川理工大学计算机学院", "青石镇王家湾村", "东川电力设备有限公司",
  "东城街道幸福里社区", "东川市税务局第一税务分局", "东川市消防救援支队", "东川日报社",
  "东川高新区管理委员会", "东川市图书馆",
};

static const char *const ARCHIVE_DESTINATIONS[] = {
  "北京市海淀区委组织部", "上海市浦东新区机关工委", "深圳市南山区委组织部",
  "武汉大学党委", "成都市锦江区委组织部", "杭州市西湖区委组织部",
};

typedef RhWeighted Weighted;

static const Weighted EDU_GOVERNMENT[] = {
  { "大学本科", 60 }, { "硕士研究生", 30 }, { "大专", 8 }, { "博士研究生", 2 }, { NULL, 0 } };
static const Weighted EDU_ENTERPRISE[] = {
  { "大学本科", 40 }, { "大专", 35 }, { "高中", 15 }, { "硕士研究生", 10 }, { NULL, 0 } };
static const Weighted EDU_UNIVERSITY[] = {
  { "博士研究生", 55 }, { "硕士研究生", 35 }, { "大学本科", 10 }, { NULL, 0 } };
static const Weighted EDU_HOSPITAL[] = {
  { "大学本科", 50 }, { "硕士研究生", 25 }, { "大专", 15 }, { "博士研究生", 10 }, { NULL, 0 } };
static const Weighted EDU_TWO_NEW[] = {
  { "大学本科", 55 }, { "大专", 25 }, { "硕士研究生", 15 }, { "高中", 5 }, { NULL, 0 } };
static const Weighted EDU_RURAL[] = {
  { "高中", 55 }, { "大专", 30 }, { "大学本科", 15 }, { NULL, 0 } };
static const Weighted EDU_COMMUNITY[] = {
  { "大专", 40 }, { "大学本科", 40 }, { "高中", 20 }, { NULL, 0 } };

/* ---- Host types ---------------------------------------------------------------------------- */

typedef enum {
  STEM_NUMBERED = 1 << 0,   /* always "…第N党支部" */
  STEM_STUDENTS = 1 << 1,   /* 本科生/研究生 branches */
  STEM_RETIRED  = 1 << 2,   /* 离退休 branches */
  STEM_FLOWING  = 1 << 3,   /* 流动党员 branches */
  STEM_GRADUATE = 1 << 4,   /* 研究生 (with STEM_STUDENTS) */
} StemFlags;

typedef struct
{
  const char *text;
  guint flags;
} Stem;

/* A unit's full name and the shorter prefix its branches carry. */
typedef struct
{
  const char *full;
  const char *prefix;
} Place;

static const Place NO_REGION[] = { { "", "" } };

static const Place GOV_REGIONS[] = {
  { "东川市", "" }, { "东川市浦江区", "浦江区" }, { "东川市临河区", "临河区" }, { "青阳县", "青阳县" },
};
static const Place GOV_UNITS[] = {
  { "财政局", "财政局" }, { "发展和改革委员会", "发改委" }, { "教育局", "教育局" },
  { "民政局", "民政局" }, { "人力资源和社会保障局", "人社局" }, { "自然资源和规划局", "自然资源局" },
  { "生态环境局", "生态环境局" }, { "住房和城乡建设局", "住建局" }, { "交通运输局", "交通运输局" },
  { "水务局", "水务局" }, { "农业农村局", "农业农村局" }, { "商务局", "商务局" },
  { "审计局", "审计局" }, { "市场监督管理局", "市场监管局" }, { "统计局", "统计局" },
  { "医疗保障局", "医保局" }, { "司法局", "司法局" }, { "应急管理局", "应急管理局" },
};
static const Stem GOV_STEMS[] = {
  { "办公室", 0 }, { "机关", STEM_NUMBERED }, { "综合科", 0 }, { "政策法规科", 0 },
  { "人事科", 0 }, { "规划发展科", 0 }, { "执法监督科", 0 }, { "财务科", 0 }, { "信息中心", 0 },
  { "政务服务中心", 0 }, { "离退休干部", STEM_RETIRED },
};

static const Place ENT_UNITS[] = {
  { "东川重工集团有限公司", "重工集团" }, { "东川电力设备有限公司", "电力设备公司" },
  { "东川城市建设投资集团", "城投集团" }, { "东川航空机械有限公司", "航空机械公司" },
  { "东川水务集团", "水务集团" }, { "东川交通投资集团", "交投集团" },
  { "东川钢铁有限公司", "东钢公司" }, { "东川医药集团", "医药集团" },
  { "东川电子科技集团", "电子科技集团" }, { "东川市烟草公司", "烟草公司" },
};
static const Stem ENT_STEMS[] = {
  { "生产一车间", 0 }, { "生产二车间", 0 }, { "机加车间", 0 }, { "装配车间", 0 },
  { "质量管理部", 0 }, { "技术研发中心", 0 }, { "安全环保部", 0 }, { "物资供应部", 0 },
  { "市场营销部", 0 }, { "综合管理部", 0 }, { "设备动力部", 0 }, { "检测中心", 0 },
  { "仓储物流部", 0 }, { "离退休职工", STEM_RETIRED },
};

static const Place UNIV_REGIONS[] = {
  { "东川理工大学", "" }, { "东川师范大学", "师大" }, { "东川医科大学", "医大" },
};
static const Place UNIV_UNITS[] = {
  { "计算机学院", "计算机学院" }, { "机械工程学院", "机械工程学院" },
  { "电气与信息工程学院", "电气学院" }, { "材料科学与工程学院", "材料学院" },
  { "经济管理学院", "经管学院" }, { "外国语学院", "外国语学院" },
  { "马克思主义学院", "马克思主义学院" }, { "数学与统计学院", "数统学院" },
  { "化学化工学院", "化工学院" },
};
static const Stem UNIV_STEMS[] = {
  { "教工", STEM_NUMBERED }, { "研究生", STEM_NUMBERED | STEM_STUDENTS | STEM_GRADUATE },
  { "本科生", STEM_NUMBERED | STEM_STUDENTS }, { "行政", 0 }, { "教工", STEM_NUMBERED },
  { "研究生", STEM_NUMBERED | STEM_STUDENTS | STEM_GRADUATE }, { "离退休教工", STEM_RETIRED },
};

static const Place HOSP_UNITS[] = {
  { "东川市第一人民医院", "市一医院" }, { "东川市第二人民医院", "市二医院" },
  { "东川市中心医院", "市中心医院" }, { "东川市中医院", "市中医院" },
  { "东川市妇幼保健院", "市妇幼保健院" }, { "浦江区人民医院", "浦江区医院" },
  { "临河区人民医院", "临河区医院" }, { "青阳县人民医院", "青阳县医院" },
};
static const Stem HOSP_STEMS[] = {
  { "心内科", 0 }, { "神经内科", 0 }, { "消化内科", 0 }, { "外科", STEM_NUMBERED },
  { "骨科", 0 }, { "急诊科", 0 }, { "重症医学科", 0 }, { "儿科", 0 }, { "妇产科", 0 },
  { "护理部", 0 }, { "医技", 0 }, { "药剂科", 0 }, { "检验科", 0 }, { "行政后勤", 0 },
  { "离退休", STEM_RETIRED },
};

/* 两新组织: general branches gather companies; the branches are named after the company. */
static const Place TWO_NEW_UNITS[] = {
  { "东川高新区非公企业联合", "" }, { "东川经开区两新组织联合", "" },
  { "东川市律师行业", "" }, { "东川市社会组织联合", "" }, { "东川软件园企业联合", "" },
};
static const char TRADE_NAMES[] =
  "云启华睿恒信锦程博远启航卓越中科新源瑞达天合汇通鼎盛明德嘉禾金诚宏图聚力睿思远景蓝海和光"
  "正泰长风";
static const char *const COMPANY_KINDS[] = {
  "科技有限公司", "软件有限公司", "信息技术有限公司", "电子商务有限公司", "物流有限公司",
  "律师事务所", "会计师事务所", "建筑设计有限公司", "新材料股份有限公司", "生物医药有限公司",
  "智能装备有限公司", "餐饮管理有限公司",
};

static const Place RURAL_REGIONS[] = {
  { "青石镇", "青石镇" }, { "柳河镇", "柳河镇" }, { "白沙镇", "白沙镇" },
  { "云溪乡", "云溪乡" }, { "桃源镇", "桃源镇" }, { "龙泉镇", "龙泉镇" },
};
static const Place RURAL_UNITS[] = {
  { "王家湾村", "王家湾村" }, { "李庄村", "李庄村" }, { "柳树屯村", "柳树屯村" },
  { "河东村", "河东村" }, { "石桥村", "石桥村" }, { "高家坪村", "高家坪村" },
  { "大王庄村", "大王庄村" }, { "新华村", "新华村" }, { "红旗村", "红旗村" },
  { "东岭村", "东岭村" }, { "西沟村", "西沟村" }, { "桃园村", "桃园村" },
};
static const Stem RURAL_STEMS[] = {
  { "", STEM_NUMBERED }, { "", STEM_NUMBERED }, { "产业合作社", 0 },
  { "流动党员", STEM_FLOWING }, { "老党员", STEM_RETIRED },
};

static const Place COMMUNITY_REGIONS[] = {
  { "东城街道", "东城街道" }, { "西湖街道", "西湖街道" }, { "滨江街道", "滨江街道" },
  { "南关街道", "南关街道" }, { "北苑街道", "北苑街道" },
};
static const Place COMMUNITY_UNITS[] = {
  { "幸福里社区", "幸福里社区" }, { "和平社区", "和平社区" }, { "阳光花园社区", "阳光花园社区" },
  { "锦绣社区", "锦绣社区" }, { "滨河社区", "滨河社区" }, { "翠苑社区", "翠苑社区" },
  { "建设路社区", "建设路社区" }, { "金桥社区", "金桥社区" }, { "枫林社区", "枫林社区" },
};
static const Stem COMMUNITY_STEMS[] = {
  { "", STEM_NUMBERED }, { "", STEM_NUMBERED }, { "物业服务企业", 0 },
  { "离退休党员", STEM_RETIRED },
};

static const char *const GOV_POSTS[] = {
  "科员", "一级科员", "四级主任科员", "二级主任科员", "副科长", "工作人员", "信息管理员",
};
static const char *const GOV_LEADERS[] = { "科长", "办公室主任", "副局长", "主任" };
static const char *const ENT_POSTS[] = {
  "工程师", "助理工程师", "高级工程师", "技术员", "班组长", "数控车工", "钳工", "质检员",
  "安全员", "销售经理", "会计",
};
static const char *const ENT_LEADERS[] = { "车间主任", "部门经理", "副总经理" };
static const char *const UNIV_POSTS[] = {
  "教授", "副教授", "讲师", "辅导员", "实验员", "行政人员",
};
static const char *const UNIV_LEADERS[] = { "副院长", "教授", "系主任", "辅导员" };
static const char *const HOSP_POSTS[] = {
  "主任医师", "副主任医师", "主治医师", "住院医师", "护士", "护师", "主管护师", "药师",
  "检验师", "行政人员",
};
static const char *const HOSP_LEADERS[] = { "科主任", "主任医师", "护士长" };
static const char *const TWO_NEW_POSTS[] = {
  "软件工程师", "产品经理", "项目经理", "律师", "会计师", "销售代表", "运营专员", "行政主管",
};
static const char *const TWO_NEW_LEADERS[] = { "总经理", "副总经理", "部门经理" };
static const char *const RURAL_POSTS[] = {
  "农民", "种植大户", "村委委员", "乡村医生", "个体工商户", "合作社社员",
};
static const char *const RURAL_LEADERS[] = { "村委会主任", "合作社理事长" };
static const char *const COMMUNITY_POSTS[] = {
  "社区工作者", "网格员", "物业管理员", "个体工商户", "志愿者",
};
static const char *const COMMUNITY_LEADERS[] = { "社区居委会主任", "社区工作者" };

static const char *const GOV_BUSINESS[] = { "政务服务窗口", "重点项目专班", "执法监督业务科室" };
static const char *const ENT_BUSINESS[] = { "数控加工生产线", "总装生产线", "技术攻关项目组", "项目部" };
static const char *const UNIV_BUSINESS[] = { "科研项目组", "教研室", "重点实验室", "学科团队" };
static const char *const HOSP_BUSINESS[] = { "临床科室", "心血管介入团队", "护理单元" };
static const char *const TWO_NEW_BUSINESS[] = { "研发项目组", "业务部门" };
static const char *const RURAL_BUSINESS[] = { "专业合作社", "特色种植产业链" };
static const char *const COMMUNITY_BUSINESS[] = { "网格", "小区楼栋" };

typedef struct
{
  guint share;                 /* percent of the ordinary branches */
  const Place *regions;
  guint n_regions;
  const Place *units;
  guint n_units;
  const char *general_suffix;  /* a unit's general branch: full name + this */
  const char *single_suffix;   /* a unit with one branch: full name + this */
  const Stem *stems;
  guint n_stems;
  const char *const *posts;
  guint n_posts;
  const char *const *leaders;
  guint n_leaders;
  const char *const *business;
  guint n_business;
  const Weighted *education;
  double female_share;
  double cadre_share;
  int max_age;                 /* working members are not older */
} HostProfile;

static const HostProfile PROFILES[RH_N_HOST_TYPES] = {
  [RH_HOST_GOVERNMENT] = { 30, LIST (GOV_REGIONS), LIST (GOV_UNITS), "机关党总支", "机关党支部",
                           LIST (GOV_STEMS), LIST (GOV_POSTS), LIST (GOV_LEADERS),
                           LIST (GOV_BUSINESS), EDU_GOVERNMENT, 0.45, 0.4, 60 },
  [RH_HOST_ENTERPRISE] = { 25, LIST (NO_REGION), LIST (ENT_UNITS), "党总支", "党支部",
                           LIST (ENT_STEMS), LIST (ENT_POSTS), LIST (ENT_LEADERS),
                           LIST (ENT_BUSINESS), EDU_ENTERPRISE, 0.35, 0.12, 60 },
  [RH_HOST_UNIVERSITY] = { 15, LIST (UNIV_REGIONS), LIST (UNIV_UNITS), "党总支", "党支部",
                           LIST (UNIV_STEMS), LIST (UNIV_POSTS), LIST (UNIV_LEADERS),
                           LIST (UNIV_BUSINESS), EDU_UNIVERSITY, 0.5, 0.12, 60 },
  [RH_HOST_HOSPITAL] = { 10, LIST (NO_REGION), LIST (HOSP_UNITS), "党总支", "党支部",
                         LIST (HOSP_STEMS), LIST (HOSP_POSTS), LIST (HOSP_LEADERS),
                         LIST (HOSP_BUSINESS), EDU_HOSPITAL, 0.7, 0.12, 60 },
  [RH_HOST_TWO_NEW] = { 8, LIST (NO_REGION), LIST (TWO_NEW_UNITS), "党总支", "党支部",
                        NULL, 0, LIST (TWO_NEW_POSTS), LIST (TWO_NEW_LEADERS),
                        LIST (TWO_NEW_BUSINESS), EDU_TWO_NEW, 0.45, 0.05, 60 },
  [RH_HOST_RURAL] = { 6, LIST (RURAL_REGIONS), LIST (RURAL_UNITS), "党总支", "党支部",
                      LIST (RURAL_STEMS), LIST (RURAL_POSTS), LIST (RURAL_LEADERS),
                      LIST (RURAL_BUSINESS), EDU_RURAL, 0.3, 0.05, 72 },
  [RH_HOST_COMMUNITY] = { 6, LIST (COMMUNITY_REGIONS), LIST (COMMUNITY_UNITS), "党总支", "党支部",
                          LIST (COMMUNITY_STEMS), LIST (COMMUNITY_POSTS),
                          LIST (COMMUNITY_LEADERS), LIST (COMMUNITY_BUSINESS), EDU_COMMUNITY,
                          0.6, 0.05, 70 },
};

/* Brands from the seed cases, each given to the first branch of its host type. */
typedef struct
{
  RhHostType host;
  const char *name;
  const char *summary;
} Brand;

static const Brand BRANDS[] = {
  { RH_HOST_HOSPITAL, "常青松",
    "党员联合全科医护人员和热心公益的企业员工组成“常青松”志愿服务团队，开展“时光剧院”"
    "“手作课堂”“健康讲堂”活动，打造“党建进病房”品牌。" },
  { RH_HOST_ENTERPRISE, "1+1+1+1",
    "党员“1+1+1+1”守节点保交付：岗位履责争第1、1对1帮扶助成长、机床周围1米晒6S、"
    "每月1个改善点，关重件加工合格率保持100%。" },
  { RH_HOST_GOVERNMENT, "四学四比四会",
    "以党小组为单位开展岗位练兵：学理论比忠诚、学党规比素质、学知识比能力、学方法比创新，"
    "培养会讲、会写、会业务、会做群众工作的党员干部，开展“书记荐书大家读”。" },
  { RH_HOST_ENTERPRISE, "共建+",
    "与用户、产业链上下游单位、高校和医疗机构开展党建联建，打造“共建+技术攻关”"
    "“共建+深挖需求”“共建+健康服务”平台。" },
  { RH_HOST_GOVERNMENT, "清风书吧",
    "在电梯显示屏滚动播放党史学习教育专题片，开辟“清风书吧”党史读书专栏，设置入党宣誓墙，"
    "让党建元素融入工作场景。" },
  { RH_HOST_UNIVERSITY, "亮晒比",
    "开展“亮晒比”活动：亮身份、亮任务、亮职责；晒成绩、晒亮点、晒差距；比贡献、比进度、"
    "比位次。" },
  { RH_HOST_RURAL, "双示范",
    "以党员为引领，承办产业示范点、结对帮扶示范户，带动村民增收。" },
  { RH_HOST_COMMUNITY, "红色网格",
    "党员认领网格责任区，亮身份、亮承诺、亮绩效，接受群众评议，为居民解决急难愁盼问题。" },
};

/* Temporary branches follow the work (伴随式融合). The first one is kept small on purpose. */
typedef struct
{
  RhHostType host;
  const char *stem;
} TemporaryTask;

static const TemporaryTask TEMPORARY_TASKS[] = {
  { RH_HOST_HOSPITAL, "东川市援疆医疗队" },
  { RH_HOST_ENTERPRISE, "东川新区综合管廊建设项目" },
  { RH_HOST_GOVERNMENT, "防汛抢险突击队" },
  { RH_HOST_RURAL, "乡村振兴驻村工作队" },
  { RH_HOST_UNIVERSITY, "住校服务保障" },
  { RH_HOST_GOVERNMENT, "全国经济普查" },
  { RH_HOST_COMMUNITY, "老旧小区改造项目" },
  { RH_HOST_ENTERPRISE, "东川国际航展保障任务" },
  { RH_HOST_TWO_NEW, "软件园联合攻关项目" },
};

#define ROOT_NAME "中共东川市直机关工作委员会"
#define BRANCH_SUFFIX "党支部"
#define TEMPORARY_SUFFIX "临时党支部"

/* ---- Plans --------------------------------------------------------------------------------- */

typedef struct
{
  char *name;
  RhHostType host;
  guint flags;             /* StemFlags */
  gboolean temporary;
  gboolean fixed_size;     /* small branches keep their size when the total is scaled */
  gboolean no_term;        /* left without a committee for the reminder */
  int size;
  const Brand *brand;
} BranchPlan;

typedef struct
{
  char *name;              /* the general branch; NULL when the branch hangs under the root */
  RhHostType host;
  guint first;             /* index of its first branch */
  guint n_branches;
} UnitPlan;

typedef struct
{
  RhDatabase *db;
  GRand *rand;
  guint32 today;           /* Julian day of the fixed today */
  int today_year;
  int members;
  GArray *branches;        /* BranchPlan */
  GArray *units;           /* UnitPlan */
  GHashTable *name_counts; /* stem + suffix → times used */
  GHashTable *names;       /* every organisation name handed out */
  GHashTable *ids;         /* the 17-digit bodies of every 身份证号 */
  guint unit_cursor[RH_N_HOST_TYPES];
  int ordinary_statuses[RH_N_STATUSES]; /* per mille for members not forced to be full */
  int status_counts[RH_N_STATUSES];
  int people;              /* members created so far */
  int terms;               /* branch terms started so far */
  int general_terms;       /* general branch terms started so far */
} Demo;

/* ---- Small helpers ------------------------------------------------------------------------- */

static int
rand_between (Demo *demo, int lo, int hi)
{
  if (hi <= lo)
    return lo;
  return g_rand_int_range (demo->rand, lo, hi + 1);
}

static gboolean
chance (Demo *demo, double p)
{
  return g_rand_double (demo->rand) < p;
}

#define PICK(demo, array) ((array)[g_rand_int_range ((demo)->rand, 0, G_N_ELEMENTS (array))])


static void
append_cjk (GString *s, const char *chars, guint index_)
{
  g_string_append_len (s, chars + index_ * CJK_BYTES, CJK_BYTES);
}

static void
append_random_cjk (Demo *demo, GString *s, const char *chars)
{
  append_cjk (s, chars, g_rand_int_range (demo->rand, 0, strlen (chars) / CJK_BYTES));
}

/* Chinese numerals for ordinals: 一, 十二, 二十, 一百零五… */
static void
append_chinese_number (GString *s, guint n)
{
  static const char DIGITS[] = "零一二三四五六七八九";

  if (n >= 1000)
    {
      g_string_append_printf (s, "%u", n);
      return;
    }
  if (n >= 100)
    {
      append_cjk (s, DIGITS, n / 100);
      g_string_append (s, "百");
      n %= 100;
      if (n == 0)
        return;
      if (n < 10)
        g_string_append (s, "零");
      else if (n < 20)
        g_string_append (s, "一");
    }
  if (n >= 10)
    {
      if (n >= 20)
        append_cjk (s, DIGITS, n / 10);
      g_string_append (s, "十");
      n %= 10;
      if (n == 0)
        return;
    }
  append_cjk (s, DIGITS, n);
}

/* Julian-day arithmetic: months and years clamp to the month's end like rh_date_add_months. */
static guint32
jd_add_months (guint32 jd, int months)
{
  GDate d;

  g_date_clear (&d, 1);
  g_date_set_julian (&d, jd);
  if (months >= 0)
    g_date_add_months (&d, months);
  else
    g_date_subtract_months (&d, -months);
  return g_date_get_julian (&d);
}

static guint32
jd_add_years (guint32 jd, int years)
{
  return jd_add_months (jd, 12 * years);
}

static char *
jd_format (guint32 jd)
{
  GDate d;

  g_date_clear (&d, 1);
  g_date_set_julian (&d, jd);
  return rh_date_format (&d);
}

static guint32
rand_jd (Demo *demo, guint32 lo, guint32 hi)
{
  return (guint32) rand_between (demo, (int) lo, (int) hi);
}

/* A name no other organisation has: stem + suffix, or stem + 第N + suffix. */
static char *
unique_name (Demo *demo, const char *stem, gboolean numbered, const char *suffix)
{
  g_autofree char *key = g_strconcat (stem, suffix, NULL);
  guint n = GPOINTER_TO_UINT (g_hash_table_lookup (demo->name_counts, key));

  for (;;)
    {
      GString *name = g_string_new (stem);

      n++;
      if (numbered || n > 1)
        {
          g_string_append (name, "第");
          append_chinese_number (name, n);
        }
      g_string_append (name, suffix);
      if (!g_hash_table_contains (demo->names, name->str))
        {
          g_hash_table_replace (demo->name_counts, g_strdup (key), GUINT_TO_POINTER (n));
          g_hash_table_add (demo->names, g_strdup (name->str));
          return g_string_free (name, FALSE);
        }
      g_string_free (name, TRUE);
    }
}

/* ---- Planning the tree --------------------------------------------------------------------- */

/* Branches per host type by share (largest remainder), every type present when possible. */
static void
plan_host_counts (int n, int counts[RH_N_HOST_TYPES])
{
  double remainders[RH_N_HOST_TYPES];
  int given = 0;

  for (int t = 0; t < RH_N_HOST_TYPES; t++)
    {
      double exact = (double) n * PROFILES[t].share / 100.0;

      counts[t] = (int) exact;
      remainders[t] = exact - counts[t];
      given += counts[t];
    }
  while (given < n)
    {
      int best = 0;

      for (int t = 1; t < RH_N_HOST_TYPES; t++)
        if (remainders[t] > remainders[best])
          best = t;
      counts[best]++;
      remainders[best] = -1.0;
      given++;
    }
  /* A type with no branch takes one from the largest. */
  for (int t = 0; t < RH_N_HOST_TYPES && n >= RH_N_HOST_TYPES; t++)
    if (counts[t] == 0)
      {
        int largest = 0;

        for (int u = 1; u < RH_N_HOST_TYPES; u++)
          if (counts[u] > counts[largest])
            largest = u;
        counts[largest]--;
        counts[t]++;
      }
}

static void
next_place (Demo *demo, RhHostType host, char **full, char **prefix)
{
  const HostProfile *p = &PROFILES[host];
  guint c = demo->unit_cursor[host]++;
  const Place *unit = &p->units[c % p->n_units];
  const Place *region = &p->regions[(c / p->n_units) % p->n_regions];

  *full = g_strconcat (region->full, unit->full, NULL);
  *prefix = g_strconcat (region->prefix, unit->prefix, NULL);
}

static char *
company_name (Demo *demo)
{
  GString *stem = g_string_new ("东川");
  char *name;

  append_random_cjk (demo, stem, TRADE_NAMES);
  append_random_cjk (demo, stem, TRADE_NAMES);
  g_string_append (stem, PICK (demo, COMPANY_KINDS));
  name = unique_name (demo, stem->str, FALSE, BRANCH_SUFFIX);
  g_string_free (stem, TRUE);
  return name;
}

static void
add_branch (Demo *demo, char *name, RhHostType host, guint flags)
{
  BranchPlan plan = { 0 };

  plan.name = name;
  plan.host = host;
  plan.flags = flags;
  g_array_append_val (demo->branches, plan);
}

static void
add_unit (Demo *demo, RhHostType host, guint n_branches)
{
  const HostProfile *p = &PROFILES[host];
  UnitPlan unit = { 0 };
  g_autofree char *full = NULL;
  g_autofree char *prefix = NULL;

  next_place (demo, host, &full, &prefix);
  unit.host = host;
  unit.first = demo->branches->len;
  unit.n_branches = n_branches;

  if (n_branches == 1)
    {
      /* A small unit: one branch straight under the committee. */
      if (host == RH_HOST_TWO_NEW)
        add_branch (demo, company_name (demo), host, 0);
      else
        add_branch (demo, unique_name (demo, full, FALSE, p->single_suffix), host, 0);
    }
  else
    {
      guint offset = g_rand_int_range (demo->rand, 0, p->n_stems ? p->n_stems : 1);

      unit.name = unique_name (demo, full, FALSE, p->general_suffix);
      for (guint i = 0; i < n_branches; i++)
        {
          const Stem *stem;
          g_autofree char *text = NULL;

          if (host == RH_HOST_TWO_NEW)
            {
              add_branch (demo, company_name (demo), host, 0);
              continue;
            }
          stem = &p->stems[(offset + i) % p->n_stems];
          text = g_strconcat (prefix, stem->text, NULL);
          add_branch (demo, unique_name (demo, text, (stem->flags & STEM_NUMBERED) != 0,
                                         BRANCH_SUFFIX),
                      host, stem->flags);
        }
    }
  g_array_append_val (demo->units, unit);
}

static void
plan_units (Demo *demo, int n_ordinary)
{
  int counts[RH_N_HOST_TYPES];

  plan_host_counts (n_ordinary, counts);
  for (int t = 0; t < RH_N_HOST_TYPES; t++)
    {
      int left = counts[t];
      gboolean first = TRUE;

      while (left > 0)
        {
          /* About one general branch per 4–8 branches; the first unit of a type with three or
           * more branches always gets one so that small demos show a 党总支 too. */
          double p_general = t == RH_HOST_TWO_NEW ? 0.6 : 0.8;

          if (left >= 3 && (first || chance (demo, p_general)))
            {
              int k = rand_between (demo, 4, 8);

              k = MIN (k, left);

              add_unit (demo, t, k);
              left -= k;
            }
          else
            {
              add_unit (demo, t, 1);
              left--;
            }
          first = FALSE;
        }
    }
}

static void
plan_temporary (Demo *demo, guint task, gboolean small)
{
  const TemporaryTask *t = &TEMPORARY_TASKS[task % G_N_ELEMENTS (TEMPORARY_TASKS)];
  UnitPlan unit = { 0 };
  BranchPlan *plan;

  unit.host = t->host;
  unit.first = demo->branches->len;
  unit.n_branches = 1;
  g_array_append_val (demo->units, unit);
  add_branch (demo, unique_name (demo, t->stem, FALSE, TEMPORARY_SUFFIX), t->host, 0);
  plan = &g_array_index (demo->branches, BranchPlan, demo->branches->len - 1);
  plan->temporary = TRUE;
  if (small)
    {
      /* Two full members only: shows the "temporary branch under 3" reminder. */
      plan->size = 2;
      plan->fixed_size = TRUE;
    }
}

/* The first members of a branch are full members so that it can have a secretary (and a
 * committee when it is large enough); a temporary branch needs three. */
static int
forced_full_members (const BranchPlan *plan)
{
  return plan->size >= 9 ? 7 : MIN (plan->size, 3);
}

/* Skewed sizes: a few tiny branches, most 15–60, a few above 80; scaled to the exact total. */
static void
plan_sizes (Demo *demo)
{
  GArray *b = demo->branches;
  gint64 fixed = 0, flexible = 0, target;
  guint n_flexible = 0;

  for (guint i = 0; i < b->len; i++)
    {
      BranchPlan *plan = &g_array_index (b, BranchPlan, i);
      double roll = g_rand_double (demo->rand);

      if (plan->fixed_size)
        ;
      else if (plan->temporary)
        plan->size = rand_between (demo, 8, 19);
      else if (roll < 0.1 && !(plan->flags & STEM_RETIRED))
        {
          plan->size = rand_between (demo, 3, 6);
          plan->fixed_size = TRUE;
        }
      else if (roll < 0.88)
        plan->size = rand_between (demo, 15, 60);
      else
        plan->size = rand_between (demo, 80, 160);

      if (plan->fixed_size)
        fixed += plan->size;
      else
        {
          flexible += plan->size;
          n_flexible++;
        }
    }

  target = demo->members - fixed;
  if (n_flexible == 0 || target < (gint64) n_flexible * 3)
    {
      /* Too few people for the shape: spread them evenly. */
      for (guint i = 0; i < b->len; i++)
        g_array_index (b, BranchPlan, i).size = demo->members / b->len
                                                + (i < demo->members % b->len ? 1 : 0);
      return;
    }

  {
    gint64 given = 0;

    for (guint i = 0; i < b->len; i++)
      {
        BranchPlan *plan = &g_array_index (b, BranchPlan, i);

        if (plan->fixed_size)
          continue;
        plan->size = (int) (plan->size * target / flexible);
        given += plan->size;
      }
    for (guint i = 0; given < target; i = (i + 1) % b->len)
      {
        BranchPlan *plan = &g_array_index (b, BranchPlan, i);

        if (!plan->fixed_size)
          {
            plan->size++;
            given++;
          }
      }
  }
}

static void
plan_extras (Demo *demo)
{
  GArray *b = demo->branches;

  /* Brands: the first ordinary branch of each brand's host type. */
  for (guint k = 0; k < G_N_ELEMENTS (BRANDS); k++)
    for (guint i = 0; i < b->len; i++)
      {
        BranchPlan *plan = &g_array_index (b, BranchPlan, i);

        if (plan->host == BRANDS[k].host && !plan->brand && !plan->temporary
            && !(plan->flags & STEM_RETIRED))
          {
            plan->brand = &BRANDS[k];
            break;
          }
      }

  /* One branch big enough for a committee is left without one, for the reminder; a branch
   * without a brand if there is one, since model branches would have elected theirs. */
  for (int pass = 0; pass < 2; pass++)
    for (guint i = b->len; i-- > 1;)
      {
        BranchPlan *plan = &g_array_index (b, BranchPlan, i);

        if (!plan->temporary && (pass == 1 || !plan->brand) && plan->size >= 12
            && !(plan->flags & STEM_RETIRED))
          {
            plan->no_term = TRUE;
            return;
          }
      }
}

/* Shares for the members drawn at random, so that with the forced full members and the
 * retired branches the whole roster is about 80% full, 7% probationary, 3% candidates, 5%
 * activists and 5% applicants. */
static void
plan_status_shares (Demo *demo)
{
  static const int NON_FULL[RH_N_STATUSES] = { 25, 25, 15, 35, 0 }; /* percent of the rest */
  int fixed_full = 0;
  int full;

  for (guint i = 0; i < demo->branches->len; i++)
    {
      const BranchPlan *plan = &g_array_index (demo->branches, BranchPlan, i);

      fixed_full += (plan->flags & STEM_RETIRED) ? plan->size : forced_full_members (plan);
    }
  if (demo->members > fixed_full)
    full = (int) (1000.0 * (0.8 * demo->members - fixed_full) / (demo->members - fixed_full));
  else
    full = 800;
  full = CLAMP (full, 400, 900);
  for (int s = 0; s < RH_STATUS_FULL; s++)
    demo->ordinary_statuses[s] = (1000 - full) * NON_FULL[s] / 100;
  demo->ordinary_statuses[RH_STATUS_FULL] = full;
}

static void
plan_tree (Demo *demo, int n_branches)
{
  int n_small_temporary = n_branches >= 2 ? 1 : 0;
  int n_temporary = n_branches >= 3 ? MAX (1, n_branches / 100) : 0;

  plan_units (demo, n_branches - n_small_temporary - n_temporary);
  for (int i = 0; i < n_temporary; i++)
    plan_temporary (demo, 1 + i, FALSE);
  if (n_small_temporary)
    plan_temporary (demo, 0, TRUE);
  plan_sizes (demo);
  plan_status_shares (demo);
  plan_extras (demo);
}

/* ---- People -------------------------------------------------------------------------------- */

typedef struct
{
  guint32 applied, talk, activist, candidate, admitted;  /* Julian days, 0 for none */
  int extension;
} Pipeline;

static RhMemberStatus
draw_status (Demo *demo, guint flags)
{
  /* Per mille: students are mostly still in the pipeline. */
  static const int STUDENTS[RH_N_STATUSES] = { 180, 220, 100, 200, 300 };
  const int *table = (flags & STEM_STUDENTS) ? STUDENTS : demo->ordinary_statuses;
  int roll = g_rand_int_range (demo->rand, 0, 1000);

  if (flags & STEM_RETIRED)
    return RH_STATUS_FULL;
  for (int s = 0; s < RH_N_STATUSES; s++)
    {
      if (roll < table[s])
        return s;
      roll -= table[s];
    }
  return RH_STATUS_FULL;
}

/* Dates from the anchor of each status backwards, so that every gap the rules ask for holds
 * and nothing lies after today. */
static void
make_pipeline (Demo *demo, RhMemberStatus status, guint flags, gboolean senior, Pipeline *p)
{
  guint32 t = demo->today;
  int n = demo->status_counts[status]++;

  memset (p, 0, sizeof *p);
  switch (status)
    {
    case RH_STATUS_APPLICANT:
      if (n % 10 == 3)
        /* Applied more than a month ago and nobody has talked to them yet. */
        p->applied = rand_jd (demo, t - 300, jd_add_months (t, -1) - 5);
      else if (n % 10 < 3)
        /* Applied recently; the talk is not due yet. */
        p->applied = rand_jd (demo, t - 25, t);
      else
        {
          p->applied = rand_jd (demo, t - 330, t - 3);
          p->talk = p->applied + rand_between (demo, 3, 25);
          p->talk = MIN (p->talk, t);
        }
      return;

    case RH_STATUS_ACTIVIST:
      if (n % 3 == 0)
        /* A year of training done: ready to become a candidate. */
        p->activist = rand_jd (demo, jd_add_months (t, -24), jd_add_months (t, -12) - 1);
      else
        p->activist = rand_jd (demo, jd_add_months (t, -12) + 1, t);
      break;

    case RH_STATUS_CANDIDATE:
      p->candidate = rand_jd (demo, t - 300, t);
      break;

    case RH_STATUS_PROBATIONARY:
      {
        guint32 year_ago = jd_add_months (t, -12) + 2;

        if (n % 40 == 39)
          {
            p->extension = 6;
            p->admitted = rand_jd (demo, jd_add_months (t, -18) + 2, year_ago - 1);
          }
        else if (n % 10 == 0)
          /* Probation ends within 90 days (besides those the uniform draw puts there). */
          p->admitted = rand_jd (demo, year_ago, MIN (year_ago + 80, t));
        else
          p->admitted = rand_jd (demo, year_ago, t);
      }
      break;

    case RH_STATUS_FULL:
    default:
      if (!senior && n % 33 == 7)
        p->extension = 6;
      if (flags & STEM_RETIRED)
        p->admitted = rand_jd (demo, jd_add_years (t, -50), jd_add_years (t, -25));
      else if (senior)
        p->admitted = rand_jd (demo, jd_add_years (t, -30), jd_add_years (t, -8));
      else
        {
          /* Skewed towards recent admissions; students have been members a few years at most. */
          guint32 latest = jd_add_months (t, -(12 + p->extension));
          double span = (flags & STEM_STUDENTS) ? 3 * 365.0 : 35 * 365.0;
          double u = g_rand_double (demo->rand);

          p->admitted = latest - (guint32) (u * (0.3 + 0.7 * u) * span);
        }
      break;
    }

  if (p->admitted)
    p->candidate = p->admitted - rand_between (demo, 30, 240);
  /* At least a year (plus a margin) as an activist before becoming a candidate. */
  if (p->candidate)
    p->activist = jd_add_months (p->candidate, -12) - rand_between (demo, 7, 200);
  p->applied = p->activist - rand_between (demo, 31, 365);
  p->talk = p->applied + rand_between (demo, 3, 25);
}

/* Birth so that the person was at least 18 on applying and working members are not past
 * their host's age limit. */
static guint32
make_birth (Demo *demo, const HostProfile *profile, guint flags, guint32 applied)
{
  int years_since = (int) ((demo->today - applied) / 365);
  int age;

  if (flags & STEM_GRADUATE)
    age = 21 + rand_between (demo, 0, 3);
  else if (flags & STEM_STUDENTS)
    age = 18 + rand_between (demo, 0, 2);
  else if (flags & STEM_RETIRED)
    age = 20 + rand_between (demo, 0, 6);
  else
    age = 20 + rand_between (demo, 0, 6) + rand_between (demo, 0, 6);

  if (flags & STEM_RETIRED)
    {
      if (age + years_since < 61)
        age = 61 - years_since + rand_between (demo, 0, 6);
    }
  else if (age + years_since > profile->max_age)
    age = MAX (18, profile->max_age - years_since);

  return jd_add_years (applied, -age) - rand_between (demo, 0, 364);
}

static char *
make_name (Demo *demo, RhGender gender)
{
  GString *name = g_string_new (NULL);
  gboolean male = gender == RH_GENDER_MALE;
  double roll;

  if (chance (demo, 0.04))
    g_string_append (name, PICK (demo, SPECIAL_SURNAMES));
  else
    {
      guint n = strlen (COMMON_SURNAMES) / CJK_BYTES;
      double u = g_rand_double (demo->rand);

      append_cjk (name, COMMON_SURNAMES, (guint) (u * u * n));
    }

  roll = g_rand_double (demo->rand);
  if (roll < 0.35)
    append_random_cjk (demo, name, male ? MALE_CHARS : FEMALE_CHARS);
  else if (roll < 0.7)
    g_string_append (name, male ? PICK (demo, MALE_NAMES) : PICK (demo, FEMALE_NAMES));
  else
    {
      append_random_cjk (demo, name, FIRST_CHARS);
      append_random_cjk (demo, name, male ? MALE_CHARS : FEMALE_CHARS);
    }
  return g_string_free (name, FALSE);
}

/* A unique 身份证号: the sequence's last digit carries the gender (odd for men). */
static char *
make_id_number (Demo *demo, guint32 birth, RhGender gender)
{
  GDate d;
  char id[19];

  g_date_clear (&d, 1);
  g_date_set_julian (&d, birth);
  for (;;)
    {
      int digit = 2 * rand_between (demo, 0, 4) + (gender == RH_GENDER_MALE ? 1 : 0);
      int sequence = 10 * rand_between (demo, 0, 99) + digit;

      g_snprintf (id, sizeof id, "%s%04u%02u%02u%03d", PICK (demo, AREA_CODES),
                  g_date_get_year (&d), g_date_get_month (&d), g_date_get_day (&d), sequence);
      if (!g_hash_table_contains (demo->ids, id))
        break;
    }
  g_hash_table_add (demo->ids, g_strdup (id));
  id[17] = rh_id_check_char (id);
  id[18] = '\0';
  return g_strdup (id);
}

static char *
make_phone (Demo *demo)
{
  return g_strdup_printf ("%s%08d", PICK (demo, PHONE_PREFIXES),
                          g_rand_int_range (demo->rand, 0, 100000000));
}

static const char *
student_post (Demo *demo, guint flags, const char **education)
{
  if (!(flags & STEM_GRADUATE))
    {
      *education = "大学本科";
      return "本科生";
    }
  if (chance (demo, 0.8))
    {
      *education = "大学本科";
      return "硕士研究生";
    }
  *education = "硕士研究生";
  return "博士研究生";
}

/* One person of a branch. Index 0 is the secretary-to-be; the first seven of a larger branch
 * (the first three of a small one) are full members so that committees can be formed. */
static RhMember *
make_member (Demo *demo, const BranchPlan *plan, int index_, int forced_full, Pipeline *p)
{
  const HostProfile *profile = &PROFILES[plan->host];
  RhMember *m = rh_member_new ();
  gboolean forced = index_ < forced_full;
  gboolean senior = forced && index_ < 5 && !(plan->flags & STEM_RETIRED);
  guint flags = plan->flags;
  const char *education = NULL;
  const char *post;
  guint32 birth;

  /* Students' branches are usually led by a teacher or counsellor. */
  if (index_ == 0)
    flags &= ~STEM_STUDENTS;
  if (senior && (flags & STEM_STUDENTS))
    senior = FALSE;

  m->status = forced ? RH_STATUS_FULL : draw_status (demo, flags);
  if (demo->people == 0)
    {
      /* Searching "zw" must find 张伟. */
      m->gender = RH_GENDER_MALE;
      m->name = g_strdup ("张伟");
    }
  else
    {
      m->gender = chance (demo, (flags & STEM_STUDENTS) ? 0.5 : profile->female_share)
                    ? RH_GENDER_FEMALE : RH_GENDER_MALE;
      m->name = make_name (demo, m->gender);
    }
  demo->people++;

  make_pipeline (demo, m->status, flags, senior, p);
  birth = make_birth (demo, profile, flags, p->applied);
  m->birth_date = jd_format (birth);
  m->id_number = make_id_number (demo, birth, m->gender);
  m->ethnicity = g_strdup (chance (demo, 0.92) ? "汉族" : PICK (demo, MINOR_ETHNICITIES));
  m->phone = make_phone (demo);

  m->applied_date = jd_format (p->applied);
  if (p->talk)
    m->talk_date = jd_format (p->talk);
  if (p->activist)
    m->activist_date = jd_format (p->activist);
  if (p->candidate)
    m->candidate_date = jd_format (p->candidate);
  if (p->admitted)
    m->admitted_date = jd_format (p->admitted);
  m->probation_extension_months = p->extension;
  if (m->status == RH_STATUS_FULL)
    /* Through the same helper as the rules, so that "exactly a year" agrees with them. */
    m->full_date = rh_date_add_months (m->admitted_date, 12 + p->extension);

  if (flags & STEM_STUDENTS)
    post = student_post (demo, flags, &education);
  else if (flags & STEM_RETIRED)
    post = m->gender == RH_GENDER_MALE && chance (demo, 0.5) ? "退休干部" : "退休职工";
  else if (senior && index_ < 2)
    post = profile->leaders[g_rand_int_range (demo->rand, 0, profile->n_leaders)];
  else
    post = profile->posts[g_rand_int_range (demo->rand, 0, profile->n_posts)];
  if (!education)
    education = rh_demo_pick_weighted (demo->rand, profile->education);
  m->post = g_strdup (post);
  m->education = g_strdup (education);

  if (m->status == RH_STATUS_FULL)
    {
      if (chance (demo, 0.08) && !(flags & STEM_RETIRED))
        m->vanguard_post = g_strdup (chance (demo, 0.5) ? "党员先锋岗" : "党员示范岗");
      if (!(flags & (STEM_STUDENTS | STEM_RETIRED)))
        m->is_cadre = chance (demo, index_ == 0 ? 0.8 : profile->cadre_share);
    }

  /* Members who work away from the branch; never the committee's people. */
  if (!forced && (m->status == RH_STATUS_FULL || m->status == RH_STATUS_PROBATIONARY))
    {
      double out = (flags & STEM_FLOWING) ? 0.6 : plan->host == RH_HOST_RURAL ? 0.03 : 0.012;

      if (chance (demo, out))
        m->flow = RH_FLOW_OUT;
      else if (chance (demo, 0.004))
        m->flow = RH_FLOW_IN;
    }
  return m;
}

/* ---- Writing ------------------------------------------------------------------------------- */

static const RhCommitteeRole COMMITTEE_ROLES[5][5] = {
  { RH_ROLE_SECRETARY },
  { RH_ROLE_SECRETARY, RH_ROLE_DEPUTY_SECRETARY },
  { RH_ROLE_SECRETARY, RH_ROLE_ORGANISATION, RH_ROLE_PUBLICITY },
  { RH_ROLE_SECRETARY, RH_ROLE_ORGANISATION, RH_ROLE_PUBLICITY, RH_ROLE_DISCIPLINE },
  { RH_ROLE_SECRETARY, RH_ROLE_DEPUTY_SECRETARY, RH_ROLE_ORGANISATION, RH_ROLE_PUBLICITY,
    RH_ROLE_DISCIPLINE },
};

static int
term_years (RhHostType host)
{
  return host == RH_HOST_RURAL || host == RH_HOST_COMMUNITY ? 5 : 3;
}

/* Most terms run comfortably; a few are overdue or due within the warning window. */
static guint32
term_start (Demo *demo, int years, gboolean reminders)
{
  guint32 t = demo->today;
  guint32 due_today = jd_add_years (t, -years);
  int n = reminders ? ++demo->terms : 0;
  double roll = g_rand_double (demo->rand);
  gboolean overdue, due_soon;

  /* The second and third branch terms always show each reminder; then a few by chance. */
  if (n == 2 || n == 3)
    {
      overdue = n == 2;
      due_soon = n == 3;
    }
  else
    {
      overdue = reminders && roll < 0.04;
      due_soon = reminders && !overdue && roll < 0.11;
    }
  if (overdue)
    return rand_jd (demo, due_today - 400, due_today - 1);
  if (due_soon)
    return rand_jd (demo, due_today + 1, due_today + 80);
  return rand_jd (demo, due_today + 100, t - 30);
}

static gboolean
start_term (Demo *demo, gint64 org_id, guint32 start, int years, const gint64 *member_ids,
            guint n_roles, GError **error)
{
  g_autoptr (GPtrArray) roles = g_ptr_array_new_with_free_func ((GDestroyNotify) rh_role_free);
  g_autofree char *start_text = jd_format (start);

  n_roles = MIN (n_roles, 5);
  for (guint i = 0; i < n_roles; i++)
    {
      RhRole *role = g_new0 (RhRole, 1);

      role->member_id = member_ids[i];
      role->role = COMMITTEE_ROLES[n_roles - 1][i];
      g_ptr_array_add (roles, role);
    }
  return rh_term_start (demo->db, org_id, start_text, years, roles, error);
}

static guint
committee_size (Demo *demo, int full_members)
{
  double roll = g_rand_double (demo->rand);

  if (full_members >= 15)
    return roll < 0.7 ? 5 : 3;
  return roll < 0.6 ? 3 : roll < 0.8 ? 4 : 5;
}

/* Picks up to n distinct ids from pool in a random order (the pool is shuffled in place). */
static guint
pick_distinct (Demo *demo, GArray *pool, guint n)
{
  n = MIN (n, pool->len);
  for (guint i = 0; i < n; i++)
    {
      guint j = g_rand_int_range (demo->rand, i, pool->len);
      gint64 tmp = g_array_index (pool, gint64, i);

      g_array_index (pool, gint64, i) = g_array_index (pool, gint64, j);
      g_array_index (pool, gint64, j) = tmp;
    }
  return n;
}

static gboolean
insert_org (Demo *demo, RhOrg *org, gint64 parent_id, RhHostType host, guint32 founded,
            GError **error)
{
  org->parent_id = parent_id;
  org->host_type = host;
  org->founded_date = jd_format (founded);
  return rh_org_insert (demo->db, org, error);
}

static void
fill_branch_details (Demo *demo, const BranchPlan *plan, RhOrg *org)
{
  const HostProfile *profile = &PROFILES[plan->host];

  org->is_temporary = plan->temporary;
  if (plan->temporary)
    {
      org->note = g_strdup ("随任务组建，任务完成后按程序撤销。");
      return;
    }
  if (plan->brand)
    {
      org->brand_name = g_strdup (plan->brand->name);
      org->brand_summary = g_strdup (plan->brand->summary);
    }
  if (chance (demo, plan->brand ? 0.8 : 0.25) && !(plan->flags & STEM_RETIRED))
    org->business_unit =
      g_strdup (profile->business[g_rand_int_range (demo->rand, 0, profile->n_business)]);
  if (chance (demo, plan->brand ? 0.9 : 0.06))
    {
      int n = rand_between (demo, 1, 2);
      GString *honours = g_string_new (NULL);

      for (int i = 0; i < n; i++)
        g_string_append_printf (honours, "%s%d年%s", i ? "\n" : "",
                                demo->today_year - 1 - 2 * i, PICK (demo, HONOURS));
      org->honours = g_string_free (honours, FALSE);
    }
  if (chance (demo, plan->brand ? 0.7 : 0.06))
    {
      guint first = g_rand_int_range (demo->rand, 0, G_N_ELEMENTS (PARTNERS));
      int n = rand_between (demo, 1, 3);
      GString *partners = g_string_new (NULL);

      for (int i = 0; i < n; i++)
        g_string_append_printf (partners, "%s%s", i ? "\n" : "",
                                PARTNERS[(first + 3 * i) % G_N_ELEMENTS (PARTNERS)]);
      org->partners = g_string_free (partners, FALSE);
    }
}

static gboolean
archive_member (Demo *demo, RhMember *m, const Pipeline *p, GError **error)
{
  guint32 last = p->admitted ? jd_add_months (p->admitted, 12 + p->extension) : p->applied;
  g_autofree char *date = jd_format (rand_jd (demo, MAX (last, demo->today - 730), demo->today));
  g_autofree char *reason = g_strconcat ("组织关系转出至", PICK (demo, ARCHIVE_DESTINATIONS), NULL);

  return rh_member_archive (demo->db, m->id, date, reason, error);
}

/* Inserts a branch, its party groups, its people and its term. The secretary and one more
 * full member go into pool for the committees above. */
static gboolean
insert_branch (Demo *demo, const BranchPlan *plan, gint64 parent_id, GArray *pool,
               GError **error)
{
  g_autoptr (RhOrg) org = rh_org_new (RH_ORG_BRANCH, plan->name);
  g_autoptr (GArray) leaders = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 groups[G_N_ELEMENTS (GROUP_NAMES)];
  guint n_groups = 0;
  int forced_full = forced_full_members (plan);
  int full_members = 0;
  guint32 founded;
  guint32 start = 0;
  int years = term_years (plan->host);

  if (plan->temporary)
    founded = rand_jd (demo, demo->today - 330, demo->today - 30);
  else
    founded = rand_jd (demo, jd_add_years (demo->today, -40), jd_add_years (demo->today, -7));
  fill_branch_details (demo, plan, org);
  if (!insert_org (demo, org, parent_id, plan->host, founded, error))
    return FALSE;

  if (!plan->temporary && plan->size >= 20)
    {
      n_groups = 2 + (plan->size >= 45) + (plan->size >= 80);
      for (guint i = 0; i < n_groups; i++)
        {
          g_autoptr (RhOrg) group = rh_org_new (RH_ORG_GROUP, GROUP_NAMES[i]);

          if (!insert_org (demo, group, org->id, plan->host, founded, error))
            return FALSE;
          groups[i] = group->id;
        }
    }

  for (int i = 0; i < plan->size; i++)
    {
      Pipeline p;
      g_autoptr (RhMember) m = make_member (demo, plan, i, forced_full, &p);

      m->org_id = org->id;
      if (n_groups)
        m->group_id = groups[i % n_groups];
      if (!rh_member_insert (demo->db, m, error))
        return FALSE;

      /* A few ordinary members of big branches have moved away (组织关系转出). */
      if (i >= forced_full && plan->size >= 12 && m->status == RH_STATUS_FULL
          && m->flow == RH_FLOW_NONE && chance (demo, 0.01))
        {
          if (!archive_member (demo, m, &p, error))
            return FALSE;
          continue;
        }
      if (m->status == RH_STATUS_FULL)
        {
          full_members++;
          if (m->flow == RH_FLOW_NONE && leaders->len < 5)
            g_array_append_val (leaders, m->id);
        }
    }

  if (leaders->len > 0)
    {
      /* The secretary first, then whoever might sit on a committee above. */
      g_array_append_val (pool, g_array_index (leaders, gint64, 0));
      if (leaders->len > 1)
        g_array_append_val (pool, g_array_index (leaders, gint64, 1));
    }
  if (plan->no_term || leaders->len == 0)
    return TRUE;

  if (plan->temporary)
    {
      start = founded + rand_between (demo, 0, 20);
      start = MIN (start, demo->today);
    }
  else
    start = term_start (demo, years, TRUE);
  return start_term (demo, org->id, start, years,
                     (const gint64 *) (gpointer) leaders->data,
                     full_members >= 7 ? committee_size (demo, full_members) : 1, error);
}

static gboolean
insert_unit (Demo *demo, const UnitPlan *unit, gint64 root_id, GArray *root_pool,
             GError **error)
{
  g_autoptr (GArray) pool = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (RhOrg) general = NULL;
  gint64 parent_id = root_id;

  if (unit->name)
    {
      general = rh_org_new (RH_ORG_GENERAL_BRANCH, unit->name);
      if (!insert_org (demo, general, root_id, unit->host,
                       rand_jd (demo, jd_add_years (demo->today, -35),
                                jd_add_years (demo->today, -10)),
                       error))
        return FALSE;
      parent_id = general->id;
    }

  for (guint i = 0; i < unit->n_branches; i++)
    if (!insert_branch (demo, &g_array_index (demo->branches, BranchPlan, unit->first + i),
                        parent_id, pool, error))
      return FALSE;

  if (!general)
    {
      /* Branch secretaries straight under the committee may sit on it. */
      if (pool->len > 0)
        g_array_append_val (root_pool, g_array_index (pool, gint64, 0));
      return TRUE;
    }

  /* Most general branches (always the first) have a committee drawn from their branches. */
  if (pool->len >= 3 && (demo->general_terms++ == 0 || chance (demo, 0.9)))
    {
      int years = term_years (unit->host);
      guint n = pick_distinct (demo, pool, chance (demo, 0.6) ? 5 : 3);

      if (!start_term (demo, general->id, term_start (demo, years, FALSE), years,
                       (const gint64 *) (gpointer) pool->data, n, error))
        return FALSE;
    }
  if (pool->len > 0)
    g_array_append_val (root_pool, g_array_index (pool, gint64, 0));
  return TRUE;
}

static gboolean
generate (RhDatabase *db, gpointer data, GError **error)
{
  Demo *demo = data;
  g_autoptr (RhOrg) root = rh_org_new (RH_ORG_COMMITTEE, ROOT_NAME);
  g_autoptr (GArray) root_pool = g_array_new (FALSE, FALSE, sizeof (gint64));
  GDate founded;

  g_date_clear (&founded, 1);
  g_date_set_dmy (&founded, 1, G_DATE_JULY, demo->today_year - 40);
  root->brand_name = g_strdup ("红色引擎");
  root->brand_summary = g_strdup ("党建和业务一起谋划、一起部署、一起落实、一起检查，"
                                  "以“四同步”推动机关党建与中心工作深度融合。");
  /* Not insert-only: the committees, meetings and points below read the members. */
  if (!rh_member_bulk_begin (db, FALSE, error)
      || !insert_org (demo, root, 0, RH_HOST_GOVERNMENT, g_date_get_julian (&founded), error))
    return FALSE;

  for (guint i = 0; i < demo->units->len; i++)
    if (!insert_unit (demo, &g_array_index (demo->units, UnitPlan, i), root->id, root_pool,
                      error))
      return FALSE;

  if (root_pool->len > 0)
    {
      guint n = pick_distinct (demo, root_pool, 5);

      if (!start_term (demo, root->id, term_start (demo, 5, FALSE), 5,
                       (const gint64 *) (gpointer) root_pool->data, n, error))
        return FALSE;
    }

  /* Meetings, central tasks and cases, now that everyone they involve exists. */
  {
    GDate today;

    g_date_clear (&today, 1);
    g_date_set_julian (&today, demo->today);
    if (!rh_demo_life_generate (db, demo->rand, &today, error)
        || !rh_demo_assess_generate (db, demo->rand, &today, error)
        || !rh_demo_points_generate (db, demo->rand, &today, error))
      return FALSE;
  }
  return rh_member_bulk_end (db, error);
}

static void
branch_plan_clear (gpointer data)
{
  g_free (((BranchPlan *) data)->name);
}

static void
unit_plan_clear (gpointer data)
{
  g_free (((UnitPlan *) data)->name);
}

gboolean
rh_demo_generate (RhDatabase *db, const RhDemoOptions *options, GError **error)
{
  RhDemoOptions defaults = { RH_DEMO_DEFAULT_BRANCHES, RH_DEMO_DEFAULT_MEMBERS, 0 };
  Demo demo = { 0 };
  GDate today;
  gint64 existing;
  gint64 cache_size;
  gboolean ok;

  g_return_val_if_fail (RH_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!options)
    options = &defaults;
  if (options->branches < 1 || options->members < 0)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           _("The demo needs at least one branch and cannot have a negative "
                             "number of members."));
      return FALSE;
    }

  existing = rh_org_count (db);
  if (existing != 0)
    {
      g_set_error_literal (error, RH_DATABASE_ERROR, RH_DATABASE_ERROR_SQL,
                           existing > 0
                             ? _("The database already has organisations; demo data can only "
                                 "be added to an empty database.")
                             : _("Could not count the organisations in the database."));
      return FALSE;
    }

  rh_date_today (&today);
  demo.db = db;
  demo.rand = g_rand_new_with_seed (options->seed);
  demo.today = g_date_get_julian (&today);
  demo.today_year = g_date_get_year (&today);
  demo.members = options->members;
  demo.branches = g_array_new (FALSE, TRUE, sizeof (BranchPlan));
  g_array_set_clear_func (demo.branches, branch_plan_clear);
  demo.units = g_array_new (FALSE, TRUE, sizeof (UnitPlan));
  g_array_set_clear_func (demo.units, unit_plan_clear);
  demo.name_counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  demo.names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  demo.ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  g_hash_table_add (demo.names, g_strdup (ROOT_NAME));
  plan_tree (&demo, options->branches);

  /* One transaction of 100 000 members outgrows the connection's page cache, and spilling
   * dirty pages to the WAL midway cost a quarter of the time: raise it for the load only. */
  cache_size = rh_database_query_int (db, "PRAGMA cache_size");
  if (cache_size != -1)
    rh_database_exec (db, "PRAGMA cache_size = -262144", NULL);
  ok = rh_database_transaction (db, generate, &demo, error);
  if (cache_size != -1)
    {
      g_autofree char *restore = g_strdup_printf ("PRAGMA cache_size = %" G_GINT64_FORMAT,
                                                  cache_size);

      rh_database_exec (db, restore, NULL);
    }

  g_hash_table_unref (demo.ids);
  g_hash_table_unref (demo.names);
  g_hash_table_unref (demo.name_counts);
  g_array_unref (demo.units);
  g_array_unref (demo.branches);
  g_rand_free (demo.rand);
  return ok;
}
