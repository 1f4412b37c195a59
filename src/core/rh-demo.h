/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A realistic, deterministic sample organisation for first use, demos and benchmarks. */
#pragma once

#include "rh-database.h"

G_BEGIN_DECLS

typedef struct {
  int     branches;   /* 党支部 to create (default 12) */
  int     members;    /* people to create, across all statuses (default 300) */
  guint32 seed;       /* same seed, same data */
} RhDemoOptions;

#define RH_DEMO_DEFAULT_BRANCHES 12
#define RH_DEMO_DEFAULT_MEMBERS 300

/* Fills an empty database in one transaction; refuses a database that has organisations. */
gboolean rh_demo_generate (RhDatabase *db, const RhDemoOptions *options, GError **error);

G_END_DECLS
