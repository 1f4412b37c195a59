/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Pinyin keys, including the surnames read differently in names. */
#include "rh-config.h"

#include "rh-pinyin.h"

static void
assert_keys (const char *name, const char *full, const char *initials)
{
  g_autofree char *f = NULL, *i = NULL;

  rh_pinyin_keys (name, &f, &i);
  g_assert_cmpstr (f, ==, full);
  g_assert_cmpstr (i, ==, initials);
}

static void
test_common (void)
{
  assert_keys ("张伟", "zhang wei", "zw");
  assert_keys ("李秀英", "li xiu ying", "lxy");
  assert_keys ("吕娜", "lu na", "ln");          /* ü folds to u */
  assert_keys (" 王 芳 ", "wang fang", "wf");
  assert_keys ("", "", "");
}

static void
test_polyphonic_surnames (void)
{
  assert_keys ("曾伟", "zeng wei", "zw");
  assert_keys ("单磊", "shan lei", "sl");
  assert_keys ("仇军", "qiu jun", "qj");
  assert_keys ("解明", "xie ming", "xm");
  assert_keys ("区华", "ou hua", "oh");
  assert_keys ("查强", "zha qiang", "zq");
  assert_keys ("朴敏", "piao min", "pm");
  assert_keys ("乐静", "yue jing", "yj");
  assert_keys ("缪丽", "miao li", "ml");
  assert_keys ("尉迟恭", "yu chi gong", "ycg");
  /* Only the surname is read as a surname: 单 inside a given name is dan. */
  assert_keys ("王单", "wang dan", "wd");
}

static void
test_mixed (void)
{
  assert_keys ("阿依古丽·买买提", "a yi gu li mai mai ti", "aygl" "mmt");
  assert_keys ("Anna李", "anna li", "al");
}

/* Dictionary order: chen before cheng, whatever follows. */
static void
test_sort_order (void)
{
  g_autofree char *chen = NULL, *cheng = NULL, *i1 = NULL, *i2 = NULL;

  rh_pinyin_keys ("陈华", &chen, &i1);
  rh_pinyin_keys ("程嘉帅", &cheng, &i2);
  g_assert_cmpint (g_strcmp0 (chen, cheng), <, 0);
}

static void
test_fold_query (void)
{
  g_autofree char *q = rh_pinyin_fold_query (" Zhang Wei ");
  g_autofree char *c = rh_pinyin_fold_query ("张 伟");

  g_assert_cmpstr (q, ==, "zhangwei");
  g_assert_cmpstr (c, ==, "张伟");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/pinyin/common", test_common);
  g_test_add_func ("/pinyin/polyphonic-surnames", test_polyphonic_surnames);
  g_test_add_func ("/pinyin/mixed", test_mixed);
  g_test_add_func ("/pinyin/sort-order", test_sort_order);
  g_test_add_func ("/pinyin/fold-query", test_fold_query);
  return g_test_run ();
}
