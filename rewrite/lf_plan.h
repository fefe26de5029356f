/* SPDX-License-Identifier: MIT */
#ifndef LF_PLAN_H
#define LF_PLAN_H

#include <isl/union_map.h>

#include "lf_deps.h"
#include "lf_legality.h"
#include "lf_model.h"
#include "lf_options.h"
#include "lf_sched.h"

/* Which nests of a run are fused, how deep, and which fused bands are
 * tiled.
 *
 * The nests form top-level groups of consecutive nests that share their
 * outermost loop; inside a group, nests may again form subgroups that
 * share the next loop, and so on.  levels[n] is the number of loop
 * levels nest n shares with other nests; group[n][l] is the index of
 * the (sub)group nest n belongs to at level l, among its siblings.
 * A statement of nest n with D = levels[n] is scheduled at
 *   [group[n][0], T_0 .. T_{B-1},
 *    f_0, group[n][1], f_1, ..., f_{D-1}, group[n][D], <its original
 *    schedule below level D>]
 * where f_l is its level-l iterator (negated for loops that count
 * down) and T_k = floor(f_k / tiles[g][k]) are the tile loops of a tiled
 * group's band of depth B (zero in untiled groups).  In a group with
 * sink set, f_{B-1} moves from its place to the last dimension: the
 * innermost band loop runs inside the statements' own inner loops
 * (matmul in i, k, j order), so that it walks memory with stride 1.
 *
 * In a tiled group with rtile set, every statement instead runs on its
 * own inside the tile, one statement after the other in source order,
 * and the loop just below the band is tiled too:
 *   [group[n][0], T_0 .. T_{B-1}, s, floor(f_B / rtile[g]), <as above>]
 * where s is the statement's index in the run and f_B its iterator at
 * depth B (0 if it has none).  The reduction loop of a matrix product
 * then runs a block of k for every row of the tile, so that the block of
 * B it reads stays in cache across the rows, and the epilogue runs on
 * the whole tile once its reductions are done.  Each element still sees
 * its k iterations in order.
 *
 * shift[n][l] is added to f_l of nest n: a consumer that reads what
 * a later iteration of its producer writes can still share the loop,
 * a few iterations behind.
 *
 * For each nest that does not join the group of the nest before it,
 * refusal says why.
 */
struct lf_plan {
	struct lf_run *run;
	int n_group;
	int *levels;
	int (*group)[LF_MAX_DEPTH + 1];
	int *band;
	int *tiled;
	int *sink;
	int *rtile;
	int (*shift)[LF_MAX_DEPTH];
	int max_band;
	int tile_size;
	int tiles_modeled;
	long cache_l1;
	long cache_l2;
	int fuse_all;
	int (*tiles)[LF_MAX_DEPTH];
	struct lf_reason **refusal;
};

/* A nest joins a group at most this many iterations behind it. */
#define LF_PLAN_MAX_SHIFT 4

int lf_plan_wants_run(__isl_keep struct lf_run *run, int tile_size);
__isl_give struct lf_plan *lf_plan_compute(__isl_keep struct lf_run *run,
	__isl_keep struct lf_deps *deps,
	__isl_keep const struct lf_options *options);
void lf_plan_free(__isl_take struct lf_plan *plan);
int lf_plan_sched_len(__isl_keep struct lf_plan *plan);
void lf_plan_terms(__isl_keep struct lf_plan *plan,
	__isl_keep struct lf_stmt *stmt, struct lf_term *terms, int len);
__isl_give isl_union_map *lf_plan_schedule(__isl_keep struct lf_plan *plan,
	int group);
int lf_plan_group_size(__isl_keep struct lf_plan *plan, int group, int *first);
__isl_keep const char *lf_plan_rtile_iter(__isl_keep struct lf_plan *plan,
	int group);
__isl_give isl_union_map *lf_plan_pair_schedule(__isl_keep struct lf_run *run,
	int k, int d, const int *shift, int *dims);
int lf_plan_pair(__isl_keep struct lf_run *run, __isl_keep struct lf_deps *deps,
	int k, int *depth, int *tilable, struct lf_witness *witness);
__isl_give struct lf_reason *lf_plan_explain(__isl_keep struct lf_run *run,
	__isl_keep struct lf_witness *witness, struct lf_loc loc);

#endif
