/* SPDX-License-Identifier: MIT */
#ifndef LF_PLAN_PRIVATE_H
#define LF_PLAN_PRIVATE_H

#include <isl/set.h>
#include <isl/val.h>

#include "lf_plan.h"

/* What the parts of the planner share: the schedule of a plan
 * (lf_plan_schedule.c), the cost model (lf_plan_cost.c) and the
 * tiling of fused bands (lf_plan_tile.c), all used by the choice of
 * the fusion (lf_plan.c).
 */

/* The caches assumed when the options give no size. */
#define LF_DEFAULT_L2 (1024 * 1024)
#define LF_DEFAULT_L1 (32 * 1024)

/* lf_plan_schedule.c */
__isl_give struct lf_plan *lf_plan_alloc(__isl_keep struct lf_run *run,
	int tile_size);
int lf_plan_is_legal(__isl_keep struct lf_plan *plan,
	__isl_keep struct lf_deps *deps, int g, struct lf_witness *witness);
int lf_plan_is_legal_nest(__isl_keep struct lf_plan *plan,
	__isl_keep struct lf_deps *deps, int k, struct lf_witness *witness);
int lf_plan_loop_pos(__isl_keep struct lf_plan *plan, int l);

/* lf_plan_cost.c */
long lf_plan_add_bytes(long x, long y);
long lf_plan_box_bytes(__isl_take isl_set *elems,
	__isl_keep const struct lf_array *array);
__isl_give struct lf_reason *lf_plan_no_saving(__isl_keep struct lf_plan *plan,
	int start, int k, long *total, int *error);
long lf_plan_outer_bytes(__isl_keep struct lf_plan *plan, int start, int k,
	int level);
long lf_plan_val_extent(__isl_take isl_val *min,
	__isl_take isl_val *max);

/* lf_plan_tile.c */
int lf_plan_band_depth(__isl_keep struct lf_plan *plan, int g);
void lf_plan_lone_bands(__isl_keep struct lf_plan *plan);
void lf_plan_lone_finish(__isl_keep struct lf_plan *plan);
int lf_plan_rtile(__isl_keep struct lf_plan *plan,
	__isl_keep struct lf_deps *deps);
int lf_plan_sink(__isl_keep struct lf_plan *plan,
	__isl_keep struct lf_deps *deps);
int lf_plan_tile(__isl_keep struct lf_plan *plan,
	__isl_keep struct lf_deps *deps,
	__isl_keep const struct lf_options *options);

#endif
