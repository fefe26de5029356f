/* SPDX-License-Identifier: MIT */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <isl/aff.h>
#include <isl/local_space.h>
#include <isl/ilp.h>
#include <isl/val.h>
#include <isl/map.h>
#include <isl/set.h>
#include <isl/space.h>
#include <isl/stride_info.h>
#include <isl/union_set.h>

#include "lf_buf.h"
#include "lf_plan_private.h"

/* Choosing the fusion: nests are added greedily to the group of the
 * nest before them, level by level from the outermost loop in, as long
 * as the whole schedule stays legal; fused bands are tiled when they
 * are permutable.  Every step is checked against the dependences.
 */

/* The kind of reason a dependence of kind "kind" gives.
 */
static enum lf_why lf_plan_dep_why(enum lf_dep_kind kind)
{
	switch (kind) {
	case LF_DEP_FLOW: return LF_WHY_DEP_FLOW;
	case LF_DEP_ANTI: return LF_WHY_DEP_ANTI;
	case LF_DEP_OUTPUT: return LF_WHY_DEP_OUTPUT;
	default: return LF_WHY_MAY_ALIAS;
	}
}

/* Why a schedule that "witness" violates is refused, reported at "loc":
 * the dependence, with its two accesses.
 */
__isl_give struct lf_reason *lf_plan_explain(__isl_keep struct lf_run *run,
	__isl_keep struct lf_witness *witness, struct lf_loc loc)
{
	struct lf_access *src, *dst;
	struct lf_reason *reason;

	if (witness->source < 0 || witness->sink < 0 ||
	    witness->source >= run->n_access || witness->sink >= run->n_access)
		return lf_reason_alloc(LF_WHY_FAILED, loc, NULL, NULL);
	src = &run->accesses[witness->source];
	dst = &run->accesses[witness->sink];
	reason = lf_reason_alloc(lf_plan_dep_why(witness->kind), loc,
				 dst->text, run->arrays[dst->array].name);
	if (!reason)
		return NULL;
	reason->loc1 = dst->loc;
	reason->text2 = strdup(src->text);
	reason->name2 = strdup(run->arrays[src->array].name);
	reason->loc2 = src->loc;
	reason->n0 = run->arrays[dst->array].origin == LF_ARRAY_ERRNO;
	if (!reason->text2 || !reason->name2) {
		lf_reason_free(reason);
		return NULL;
	}
	return reason;
}

/* Record why nest k does not join the group before it; takes "reason".
 */
static void lf_plan_refuse(__isl_keep struct lf_plan *plan, int nest,
	__isl_take struct lf_reason *reason)
{
	lf_reason_free(plan->refusal[nest]);
	plan->refusal[nest] = reason;
}

/* A reason of kind "why" about nest k, at the nest.
 */
static void lf_plan_refuse_why(__isl_keep struct lf_plan *plan, int k,
	enum lf_why why)
{
	lf_plan_refuse(plan, k, lf_reason_alloc(why, plan->run->nests[k].loc,
						NULL, NULL));
}

/* A reason of kind "why" about nest k and the "bytes" it is about.
 */
static void lf_plan_refuse_bytes(__isl_keep struct lf_plan *plan, int k,
	enum lf_why why, long bytes)
{
	struct lf_reason *reason;

	reason = lf_reason_alloc(why, plan->run->nests[k].loc, NULL, NULL);
	if (reason)
		reason->n0 = bytes;
	lf_plan_refuse(plan, k, reason);
}

/* Why nest k cannot join the group of nest k - 1 at all, when that is
 * clear without a dependence: one of them is not modeled or shares no
 * loop.
 */
static int lf_plan_structural_refusal(__isl_keep struct lf_plan *plan, int k)
{
	struct lf_run *run = plan->run;
	struct lf_nest *a = &run->nests[k - 1], *b = &run->nests[k];
	struct lf_reason *reason;

	if (b->opaque || a->opaque) {
		lf_plan_refuse(plan, k, lf_reason_copy(b->opaque ? b->opaque :
							a->opaque));
		return 1;
	}
	if (b->prefix || a->prefix) {
		struct lf_nest *kept = b->prefix ? b : a;

		reason = lf_reason_alloc(LF_WHY_KEPT, kept->prefix_loc,
					 kept->prefix, NULL);
		if (reason)
			reason->n0 = kept->loc.line;
		lf_plan_refuse(plan, k, reason);
		return 1;
	}
	if (a->perfect_depth == 0 || b->perfect_depth == 0) {
		lf_plan_refuse_why(plan, k, LF_WHY_NO_STATEMENTS);
		return 1;
	}
	return 0;
}

static int lf_plan_partition(__isl_keep struct lf_plan *plan,
	__isl_keep struct lf_deps *deps, int first, int n, int level);

/* The direction of loop "level" of nest n, which all its statements
 * share.
 */
static int lf_plan_dir(__isl_keep struct lf_run *run, int n, int level)
{
	struct lf_stmt *stmt = &run->stmts[run->nests[n].first_stmt];

	return run->loops[stmt->loops[level]].dir;
}

/* The values of the shared loops 0 .. level of nests [start, k] in the
 * plan, { [f_0, ..., f_level] }, under the run's context.
 */
static __isl_give isl_set *lf_plan_level_values(__isl_keep struct lf_plan *plan,
	int start, int k, int level)
{
	struct lf_run *run = plan->run;
	struct lf_term terms[LF_SCHED_MAX_LEN], loops[LF_MAX_DEPTH];
	int len = lf_plan_sched_len(plan), i, l;
	isl_space *space;
	isl_set *values;

	space = isl_space_set_alloc(isl_set_get_ctx(run->context), 0,
				    level + 1);
	values = isl_set_empty(space);
	for (i = 0; i < run->n_stmt; ++i) {
		struct lf_stmt *stmt = &run->stmts[i];

		if (stmt->nest < start || stmt->nest > k)
			continue;
		lf_plan_terms(plan, stmt, terms, len);
		for (l = 0; l <= level; ++l)
			loops[l] = terms[lf_plan_loop_pos(plan, l)];
		values = isl_set_union(values, isl_set_apply(
			isl_set_copy(stmt->domain),
			lf_sched_stmt_map(stmt, loops, level + 1)));
	}
	return isl_set_intersect_params(values, isl_set_copy(run->context));
}

/* The points whose dimension "pos" is on the lattice "si" gives (the
 * offset plus a multiple of the stride); takes "si".  A loop over
 * values on a lattice steps along it.
 */
static __isl_give isl_set *lf_plan_lattice(__isl_keep isl_set *values,
	__isl_take isl_stride_info *si, int pos)
{
	isl_val *stride = si ? isl_stride_info_get_stride(si) : NULL;
	isl_aff *offset = si ? isl_stride_info_get_offset(si) : NULL;
	isl_aff *x;
	isl_set *lattice;

	isl_stride_info_free(si);
	if (!stride || !offset || isl_val_cmp_si(stride, 1) <= 0) {
		isl_val_free(stride);
		isl_aff_free(offset);
		return isl_set_universe(isl_set_get_space(values));
	}
	x = isl_aff_var_on_domain(isl_local_space_from_space(
		isl_set_get_space(values)), isl_dim_set, pos);
	x = isl_aff_mod_val(isl_aff_sub(x, offset), stride);
	lattice = isl_set_from_basic_set(isl_aff_zero_basic_set(x));
	return isl_set_intersect_params(lattice,
		isl_set_params(isl_set_copy(values)));
}

/* The points of the lattice of the last dimension of "values" that lie
 * between two of its values (the outer ones equal) without being one:
 * the iterations a loop over all of them runs for nothing.
 */
static __isl_give isl_set *lf_plan_holes(__isl_take isl_set *values)
{
	isl_size n = isl_set_dim(values, isl_dim_set);
	isl_map *before, *after;
	isl_set *holes;
	isl_stride_info *si;
	int k;

	if (n < 0)
		return isl_set_free(values);
	before = isl_map_universe(isl_space_map_from_set(
		isl_set_get_space(values)));
	for (k = 0; k + 1 < n; ++k)
		before = isl_map_equate(before, isl_dim_in, k, isl_dim_out, k);
	after = isl_map_order_lt(isl_map_copy(before), isl_dim_in, n - 1,
				 isl_dim_out, n - 1);
	before = isl_map_order_gt(before, isl_dim_in, n - 1, isl_dim_out,
				  n - 1);
	holes = isl_set_intersect(
		isl_set_apply(isl_set_copy(values), after),
		isl_set_apply(isl_set_copy(values), before));
	si = isl_set_get_stride_info(values, n - 1);
	holes = isl_set_intersect(holes, lf_plan_lattice(values, si, n - 1));
	return isl_set_subtract(holes, values);
}

/* Holes of the fused loop up to this long are accepted: shifted nests
 * leave a few at their ends.
 */
#define LF_PLAN_MAX_HOLE (2 * LF_PLAN_MAX_SHIFT)

/* Would the loop at "level" that nests [start, k] share run over a gap
 * of more than LF_PLAN_MAX_HOLE iterations between their ranges, for
 * some sizes?  Two nests over [0, 65536) and [off, off + 65536) would
 * take 10^12 iterations for a large "off".  Returns 1 if so, 0 if not,
 * -1 on error.
 */
static int lf_plan_far_apart(__isl_keep struct lf_plan *plan, int start, int k,
	int level)
{
	isl_set *holes = lf_plan_holes(lf_plan_level_values(plan, start, k,
							    level));
	isl_map *wide;
	isl_bool empty;
	isl_size n = isl_set_dim(holes, isl_dim_set);
	int l;

	if (n < 0) {
		isl_set_free(holes);
		return -1;
	}
	wide = isl_map_from_domain_and_range(isl_set_copy(holes), holes);
	for (l = 0; l + 1 < n; ++l)
		wide = isl_map_equate(wide, isl_dim_in, l, isl_dim_out, l);
	wide = isl_map_lower_bound_si(isl_map_deltas_map(wide), isl_dim_out,
				      n - 1, LF_PLAN_MAX_HOLE);
	empty = isl_map_is_empty(wide);
	isl_map_free(wide);
	return empty < 0 ? -1 : !empty;
}

/* The points of "values" that are the first of the last dimension for
 * their values of the outer ones.
 */
static __isl_give isl_set *lf_plan_firsts(__isl_take isl_set *values)
{
	isl_size n = isl_set_dim(values, isl_dim_set);
	isl_map *later;
	int l;

	if (n < 0)
		return isl_set_free(values);
	later = isl_map_universe(isl_space_map_from_set(
		isl_set_get_space(values)));
	for (l = 0; l + 1 < n; ++l)
		later = isl_map_equate(later, isl_dim_in, l, isl_dim_out, l);
	later = isl_map_order_lt(later, isl_dim_in, n - 1, isl_dim_out, n - 1);
	later = isl_map_intersect_domain(later, isl_set_copy(values));
	return isl_set_subtract(values, isl_map_range(later));
}

/* Would the loop at "level" that nest k shares with nests [start, k)
 * start at another iteration for nest k than for them, for some
 * iteration of the outer loops both run?  The fused loop then peels
 * the first iterations of one of them, and the accesses of the other
 * move off the alignment their own loop gave them.  Returns 1 if so,
 * 0 if not, -1 on error.
 */
static int lf_plan_starts_differ(__isl_keep struct lf_plan *plan, int start,
	int k, int level)
{
	isl_set *group = lf_plan_level_values(plan, start, k - 1, level);
	isl_set *nest = lf_plan_level_values(plan, k, k, level);
	isl_set *both;
	isl_bool equal;

	both = isl_set_intersect(
		isl_set_project_out(isl_set_copy(group), isl_dim_set, level, 1),
		isl_set_project_out(isl_set_copy(nest), isl_dim_set, level, 1));
	both = isl_set_add_dims(both, isl_dim_set, 1);
	group = isl_set_intersect(lf_plan_firsts(group), isl_set_copy(both));
	nest = isl_set_intersect(lf_plan_firsts(nest), both);
	equal = isl_set_is_equal(group, nest);
	isl_set_free(group);
	isl_set_free(nest);
	return equal < 0 ? -1 : !equal;
}

/* Is loop "level" of every statement of nests [start, k] its innermost,
 * the one a compiler vectorizes?
 */
static int lf_plan_innermost(__isl_keep struct lf_plan *plan, int start,
	int k, int level)
{
	struct lf_run *run = plan->run;
	int i;

	for (i = 0; i < run->n_stmt; ++i)
		if (run->stmts[i].nest >= start && run->stmts[i].nest <= k &&
		    run->stmts[i].depth != level + 1)
			return 0;
	return 1;
}

/* Does fusing the innermost loop "level" of nest k with that of nests
 * [start, k), inside the outer loops they share, cost more than it
 * saves?  If one iteration of the outer loops touches at most half of
 * the L1 cache, the inner loops find each other's rows there without
 * fusion, which then saves only loads from L1.  If their starts differ
 * as well, the fused loop misaligns one nest's vector accesses.
 * PolyBench's fdtd-2d, whose two inner loops start at 0 and 1 over rows
 * of 0.6 to 2 KB, ran at 0.78x to 0.86x so fused (gcc -O3 -march=native,
 * 64-byte vectors), and at 1.12x with only the outer loop shared.
 * Returns 1 and the bytes in *bytes if so, 0 if not, -1 on error.
 */
static int lf_plan_inner_costs(__isl_keep struct lf_plan *plan, int start,
	int k, int level, long *bytes)
{
	if (level == 0 || plan->fuse_all ||
	    !lf_plan_innermost(plan, start, k, level))
		return 0;
	*bytes = lf_plan_outer_bytes(plan, start, k, level);
	if (*bytes < 0 || *bytes > plan->cache_l1 / 2)
		return 0;
	return lf_plan_starts_differ(plan, start, k, level);
}

/* Refuse nest k a join that needs it "shift" iterations behind while
 * the nests access "bytes", which fit in the L2 cache.
 */
static void lf_plan_refuse_shift(__isl_keep struct lf_plan *plan, int k,
	long bytes, int shift)
{
	struct lf_reason *reason;

	reason = lf_reason_alloc(LF_WHY_SHIFT_IN_L2, plan->run->nests[k].loc,
				 NULL, NULL);
	if (reason) {
		reason->n0 = bytes;
		reason->n1 = shift;
	}
	lf_plan_refuse(plan, k, reason);
}

/* Does a join at "level" that runs nest k behind the group cost more
 * than it saves?  The nests access "bytes" (-1: unknown).  If those
 * (nearly) stay in the L2 cache without fusion, fusion saves only
 * traffic between caches, while the shifted loop peels its first and
 * last iterations and runs more streams side by side, one row apart.
 * Measured on PolyBench's stencils with gcc -O3 -march=native: fdtd-2d's
 * three sweeps over 1.15 MB ran at 0.39x to 0.46x fused, jacobi-2d's
 * and heat-3d's two over 1 MB at 0.73x to 1.17x, on a machine that
 * reports 1 MB of L2; the same sweeps over 64 and 124 MB ran at 1.57x
 * and 1.42x.  Hence the bound of twice the L2 cache.
 */
static int lf_plan_shift_costs(__isl_keep struct lf_plan *plan, int k,
	int level, long bytes)
{
	return plan->shift[k][level] > 0 && bytes >= 0 &&
	       bytes <= 2 * plan->cache_l2;
}

/* Try to put nest k into the group [start, k) at "level": the nests
 * share loop "level" and are not fused below it.  If that is illegal
 * as it is, try running nest k up to LF_PLAN_MAX_SHIFT iterations behind
 * the group, unless that costs more than it saves for nests that access
 * "bytes".  The witness is the dependence that forbids fusion without
 * a shift.
 */
static int lf_plan_try_join(__isl_keep struct lf_plan *plan,
	__isl_keep struct lf_deps *deps, int start, int k, int level, int gidx,
	struct lf_witness *witness, long bytes)
{
	int n = k - start + 1, j, r, s, far, inner;
	long row;
	int *levels;
	int (*group)[LF_MAX_DEPTH + 1];

	for (j = start; j <= k; ++j)
		if (plan->run->nests[j].perfect_depth <= level ||
		    lf_plan_dir(plan->run, j, level) !=
		    lf_plan_dir(plan->run, start, level))
			return 0;
	levels = malloc(n * sizeof(int));
	group = malloc(n * sizeof(*group));
	if (!levels || !group) {
		free(levels);
		free(group);
		return -1;
	}
	memcpy(levels, plan->levels + start, n * sizeof(int));
	memcpy(group, plan->group + start, n * sizeof(*group));
	for (j = start; j <= k; ++j) {
		plan->levels[j] = level + 1;
		plan->group[j][level] = gidx;
		plan->group[j][level + 1] = j - start;
	}
	r = lf_plan_is_legal_nest(plan, deps, k, witness);
	for (s = 1; r == 0 && s <= LF_PLAN_MAX_SHIFT; ++s) {
		plan->shift[k][level] = s;
		r = lf_plan_is_legal_nest(plan, deps, k, NULL);
	}
	if (r > 0 && (far = lf_plan_far_apart(plan, start, k, level)) != 0) {
		r = far < 0 ? -1 : 0;
		if (r == 0 && level == 0)
			lf_plan_refuse_why(plan, k, LF_WHY_FAR_APART);
	}
	if (r > 0 && (inner = lf_plan_inner_costs(plan, start, k, level,
						  &row)) != 0) {
		r = inner < 0 ? -1 : 0;
		if (r == 0)
			lf_plan_refuse_bytes(plan, k, LF_WHY_INNER_IN_L1, row);
	}
	if (r > 0 && lf_plan_shift_costs(plan, k, level, bytes)) {
		lf_plan_refuse_shift(plan, k, bytes, plan->shift[k][level]);
		if (witness)
			lf_witness_clear(witness);
		r = 0;
	}
	if (r <= 0) {
		plan->shift[k][level] = 0;
		memcpy(plan->levels + start, levels, n * sizeof(int));
		memcpy(plan->group + start, group, n * sizeof(*group));
	}
	/* The witness only explains a refusal: a join that succeeded, or
	 * a shift that ran out of budget, has no use for it.
	 */
	if (r != 0 && witness)
		lf_witness_clear(witness);
	free(levels);
	free(group);
	return r;
}

/* Close the group [start, end) at "level" and fuse it further inside.
 */
static int lf_plan_close(__isl_keep struct lf_plan *plan,
	__isl_keep struct lf_deps *deps, int start, int end, int level)
{
	if (end - start < 2)
		return 0;
	return lf_plan_partition(plan, deps, start, end - start, level + 1);
}

static int lf_plan_refuse_dep(__isl_keep struct lf_plan *plan, int k,
	__isl_keep struct lf_witness *witness)
{
	struct lf_run *run = plan->run;
	struct lf_reason *reason;

	reason = lf_plan_explain(run, witness, run->nests[k].loc);
	lf_witness_clear(witness);
	if (!reason)
		return -1;
	lf_plan_refuse(plan, k, reason);
	return 0;
}

/* Partition nests [first, first + n), which share loops 0 .. level - 1,
 * into groups that share loop "level".
 */
static int lf_plan_partition(__isl_keep struct lf_plan *plan,
	__isl_keep struct lf_deps *deps, int first, int n, int level)
{
	struct lf_witness witness = { 0, -1, -1, NULL };
	int start = first, gidx = 0, k, r, error = 0;
	struct lf_reason *no_saving;
	long bytes;

	for (k = first; k < first + n; ++k) {
		if (k == start) {
			plan->group[k][level] = gidx;
			plan->levels[k] = level;
			continue;
		}
		r = 0;
		no_saving = NULL;
		bytes = -1;
		if (level == 0 && !lf_plan_structural_refusal(plan, k) &&
		    !plan->fuse_all)
			no_saving = lf_plan_no_saving(plan, start, k, &bytes,
						      &error);
		if (error)
			return -1;
		if (no_saving)
			lf_plan_refuse(plan, k, no_saving);
		else if (level > 0 || !plan->refusal[k])
			r = lf_plan_try_join(plan, deps, start, k, level, gidx,
					     level == 0 ? &witness : NULL, bytes);
		if (r < 0)
			return -1;
		if (r > 0)
			continue;
		if (level == 0 && witness.dep &&
		    lf_plan_refuse_dep(plan, k, &witness) < 0)
			return -1;
		if (level == 0 && !plan->refusal[k])
			lf_plan_refuse_why(plan, k, LF_WHY_DIRECTION_OUTER);
		plan->group[k][level] = ++gidx;
		plan->levels[k] = level;
		if (lf_plan_close(plan, deps, start, k, level) < 0)
			return -1;
		start = k;
	}
	return lf_plan_close(plan, deps, start, first + n, level);
}

/* Check the final schedule once more as a whole; should that fail, drop
 * the reduction blocks, the loop order changes, then the tiling.
 */
static int lf_plan_finish(__isl_keep struct lf_plan *plan,
	__isl_keep struct lf_deps *deps)
{
	int *drop[] = { plan->rtile, plan->sink, plan->tiled };
	int i, r;

	lf_plan_lone_finish(plan);
	r = lf_plan_is_legal(plan, deps, -1, NULL);
	for (i = 0; r == 0 && i < 3; ++i) {
		memset(drop[i], 0, plan->run->n_nest * sizeof(int));
		lf_plan_lone_finish(plan);
		r = lf_plan_is_legal(plan, deps, -1, NULL);
	}
	return r == 1 ? 0 : -1;
}

/* Would group g share only its outer loop between nests that each run
 * two or more loops of their own inside it (2mm's two matrix products)?
 * Each iteration then streams the inputs of both products through the
 * cache, which costs more than the reuse of one row gains.
 */
static void lf_plan_count_groups(__isl_keep struct lf_plan *plan)
{
	int i;

	plan->n_group = 0;
	for (i = 0; i < plan->run->n_nest; ++i)
		if (plan->group[i][0] + 1 > plan->n_group)
			plan->n_group = plan->group[i][0] + 1;
}

/* The groups are renumbered: recompute their bands.
 */
static void lf_plan_renumber(__isl_keep struct lf_plan *plan, int n_group)
{
	int g;

	plan->n_group = n_group;
	for (g = 0; g < n_group; ++g)
		plan->band[g] = lf_plan_band_depth(plan, g);
}

static int lf_plan_outer_only(__isl_keep struct lf_plan *plan, int g)
{
	struct lf_run *run = plan->run;
	int k, deep = 0;

	if (plan->band[g] != 1)
		return 0;
	for (k = 0; k < run->n_nest; ++k)
		if (plan->group[k][0] == g && run->nests[k].depth >= 3)
			deep++;
	return deep >= 2;
}

/* Split the groups that lf_plan_outer_only rejects back into their
 * nests, in order, and say why.
 */
static int lf_plan_unfuse(__isl_keep struct lf_plan *plan)
{
	struct lf_run *run = plan->run;
	int k, g = -1, old = -1, split = 0;
	int *apart = calloc(plan->n_group + 1, sizeof(int));

	if (!apart)
		return -1;
	for (k = 0; k < plan->n_group; ++k)
		split |= apart[k] = lf_plan_outer_only(plan, k);
	for (k = 0; split && k < run->n_nest; ++k) {
		int cur = plan->group[k][0];

		if (apart[cur] && cur == old)
			lf_plan_refuse_why(plan, k, LF_WHY_OUTER_ONLY);
		if (cur != old || apart[cur])
			g++;
		old = cur;
		if (apart[cur]) {
			memset(plan->group[k], 0, sizeof(plan->group[k]));
			memset(plan->shift[k], 0, sizeof(plan->shift[k]));
			plan->levels[k] = 0;
		}
		plan->group[k][0] = g;
	}
	free(apart);
	if (split)
		lf_plan_renumber(plan, g + 1);
	return 0;
}

/* Is "run" worth planning with tile size "tile_size" (0: no tiling)?  A
 * run of two or more nests always is; a run of one nest only if the
 * planner could tile it alone: with tiling on, and two or more perfect
 * loops with more loops inside them.
 */
int lf_plan_wants_run(__isl_keep struct lf_run *run, int tile_size)
{
	int i;

	if (run->n_nest >= 2)
		return 1;
	if (tile_size == 0)
		return 0;
	for (i = 0; i < run->n_stmt; ++i) {
		struct lf_nest *nest = &run->nests[run->stmts[i].nest];

		if (nest->perfect_depth >= 2 &&
		    run->stmts[i].depth > nest->perfect_depth)
			return 1;
	}
	return 0;
}

__isl_give struct lf_plan *lf_plan_compute(__isl_keep struct lf_run *run,
	__isl_keep struct lf_deps *deps,
	__isl_keep const struct lf_options *options)
{
	struct lf_plan *plan = lf_plan_alloc(run, options->tile_size);
	int i;

	if (!plan)
		return NULL;
	plan->fuse_all = options->fuse_all;
	plan->tiles_modeled = options->tile_size < 0 &&
			      options->n_tile_sizes == 0;
	plan->cache_l1 = options->cache_l1 > 0 ? options->cache_l1 :
			 LF_DEFAULT_L1;
	plan->cache_l2 = options->cache_l2 > 0 ? options->cache_l2 :
			 LF_DEFAULT_L2;
	for (i = 0; i < run->n_nest; ++i)
		plan->group[i][0] = i;
	if (lf_plan_partition(plan, deps, 0, run->n_nest, 0) < 0)
		goto error;
	lf_plan_count_groups(plan);
	for (i = 0; i < plan->n_group; ++i)
		plan->band[i] = lf_plan_band_depth(plan, i);
	if (!plan->fuse_all && lf_plan_unfuse(plan) < 0)
		goto error;
	lf_plan_lone_bands(plan);
	if (lf_plan_tile(plan, deps, options) < 0 ||
	    lf_plan_sink(plan, deps) < 0 ||
	    lf_plan_rtile(plan, deps) < 0 ||
	    lf_plan_finish(plan, deps) < 0)
		goto error;
	return plan;
error:
	lf_plan_free(plan);
	return NULL;
}

/* Make nests k - 1 and k of "plan" share their outer d loops, nest k
 * shifted by shift[l] in loop l (not at all if shift is NULL); every
 * other nest stays on its own.
 */
static void lf_plan_pair_set(__isl_keep struct lf_plan *plan, int k, int d,
	const int *shift)
{
	struct lf_run *run = plan->run;
	int i, l;

	for (i = 0; i < run->n_nest; ++i) {
		memset(plan->group[i], 0, sizeof(plan->group[i]));
		plan->group[i][0] = i;
		plan->levels[i] = 0;
	}
	plan->group[k][0] = k - 1;
	plan->group[k][d] = 1;
	plan->levels[k - 1] = plan->levels[k] = d;
	for (l = 0; l < d; ++l)
		plan->shift[k][l] = shift ? shift[l] : 0;
}

/* The schedule of the whole run with nests k - 1 and k sharing their
 * outer d loops (d > 0), nest k shifted by shift[l] in loop l, every
 * other nest on its own.  Unless dims is NULL, dims[l] is set to the
 * position of loop l in it.
 */
__isl_give isl_union_map *lf_plan_pair_schedule(__isl_keep struct lf_run *run,
	int k, int d, const int *shift, int *dims)
{
	struct lf_plan *plan = lf_plan_alloc(run, 0);
	isl_union_map *sched;
	int l;

	if (!plan)
		return NULL;
	lf_plan_pair_set(plan, k, d, shift);
	for (l = 0; dims && l < d; ++l)
		dims[l] = lf_plan_loop_pos(plan, l);
	sched = lf_plan_schedule(plan, -1);
	lf_plan_free(plan);
	return sched;
}

/* Fuse nests k - 1 and k alone, one more shared loop at a time, while
 * that is legal.  *depth gets the number of loops they can share (0: not
 * fusable; then *witness, if not NULL, gets the dependence that forbids
 * it, or stays empty if they have no loop to share) and *tilable whether
 * those loops form a permutable band.
 */
int lf_plan_pair(__isl_keep struct lf_run *run, __isl_keep struct lf_deps *deps,
	int k, int *depth, int *tilable, struct lf_witness *witness)
{
	struct lf_plan *plan = lf_plan_alloc(run, 0);
	int l, max, r = 1, dims[LF_MAX_DEPTH];

	*depth = 0;
	*tilable = 0;
	if (!plan)
		return -1;
	max = run->nests[k - 1].perfect_depth;
	if (run->nests[k].perfect_depth < max)
		max = run->nests[k].perfect_depth;
	for (l = 0; l < max && r == 1; ++l) {
		if (lf_plan_dir(run, k - 1, l) != lf_plan_dir(run, k, l))
			break;
		lf_plan_pair_set(plan, k, l + 1, NULL);
		r = lf_plan_is_legal(plan, deps, k - 1,
				     l == 0 ? witness : NULL);
		if (r == 1)
			*depth = l + 1;
	}
	if (r >= 0 && *depth >= 2) {
		isl_union_map *sched;

		lf_plan_pair_set(plan, k, *depth, NULL);
		for (l = 0; l < *depth; ++l)
			dims[l] = lf_plan_loop_pos(plan, l);
		sched = lf_plan_schedule(plan, k - 1);
		*tilable = lf_legality_permutable(deps, sched, dims, *depth);
		isl_union_map_free(sched);
		if (*tilable < 0)
			r = -1;
	}
	lf_plan_free(plan);
	return r < 0 ? -1 : 0;
}
