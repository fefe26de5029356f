/* SPDX-License-Identifier: MIT */
#ifndef LF_SCHED_H
#define LF_SCHED_H

#include <isl/map.h>

#include "lf_model.h"

/* A schedule dimension of one statement:
 *   floor((cst + coef * iterator[level]) / div)
 * (level < 0: a constant; div 1: no division).  Statements of a run
 * are scheduled by vectors of such terms of one common length, the
 * original order as well as every transformed one.
 */
#define LF_SCHED_MAX_LEN (4 * LF_MAX_DEPTH + 8)

struct lf_term {
	int level;
	int coef;
	long cst;
	int div;
};

__isl_give isl_map *lf_sched_stmt_map(__isl_keep struct lf_stmt *stmt,
	__isl_keep const struct lf_term *terms, int n);
int lf_sched_original_terms(__isl_keep struct lf_stmt *stmt,
	__isl_keep struct lf_run *run, struct lf_term *terms, int n);
int lf_sched_max_depth(__isl_keep struct lf_run *run);

#endif
