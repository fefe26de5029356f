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
#include "lf_plan.h"

/* Choosing the fusion: nests are added greedily to the group of the
 * nest before them, level by level from the outermost loop in, as long
 * as the whole schedule stays legal; fused bands are tiled when they
 * are permutable.  Every step is checked against the dependences.
 */

void lf_plan_free(struct lf_plan *plan)
{
	int i;

	if (!plan)
		return;
	for (i = 0; i < plan->run->n_nest; ++i)
		free(plan->refusal[i]);
	free(plan->refusal);
	free(plan->refusal_loc);
	free(plan->levels);
	free(plan->group);
	free(plan->band);
	free(plan->tiled);
	free(plan->sink);
	free(plan->rtile);
	free(plan->shift);
	free(plan->tiles);
	free(plan);
}

static struct lf_plan *lf_plan_alloc(struct lf_run *run, int tile_size)
{
	struct lf_plan *plan = calloc(1, sizeof(*plan));
	int n = run->n_nest;

	if (!plan)
		return NULL;
	plan->run = run;
	plan->tile_size = tile_size;
	plan->levels = calloc(n, sizeof(int));
	plan->group = calloc(n, sizeof(*plan->group));
	plan->band = calloc(n, sizeof(int));
	plan->tiled = calloc(n, sizeof(int));
	plan->sink = calloc(n, sizeof(int));
	plan->rtile = calloc(n, sizeof(int));
	plan->shift = calloc(n, sizeof(*plan->shift));
	plan->tiles = calloc(n, sizeof(*plan->tiles));
	plan->refusal = calloc(n, sizeof(char *));
	plan->refusal_loc = calloc(n, sizeof(struct lf_loc));
	if (!plan->levels || !plan->group || !plan->band || !plan->tiled ||
	    !plan->sink || !plan->rtile || !plan->shift || !plan->tiles ||
	    !plan->refusal || !plan->refusal_loc) {
		lf_plan_free(plan);
		return NULL;
	}
	return plan;
}

int lf_plan_sched_len(struct lf_plan *plan)
{
	return 1 + plan->max_band + 2 + 2 * lf_sched_max_depth(plan->run) + 3;
}

/* The position of f_l, the level-l iterator of a statement sharing at
 * least l + 1 loops, in the schedule vector: after the group, the tile
 * loops and the statement and block dimensions of rtile (see lf_plan.h).
 */
static int lf_plan_loop_pos(struct lf_plan *plan, int l)
{
	return 1 + plan->max_band + 2 + 2 * l;
}

static void lf_plan_term_set(struct lf_term *t, int level, int coef, long cst)
{
	t->level = level;
	t->coef = coef;
	t->cst = cst;
	t->div = 1;
}

/* The schedule vector of a statement; see lf_plan.h.
 */
void lf_plan_terms(struct lf_plan *plan, struct lf_stmt *stmt,
	struct lf_term *terms, int len)
{
	struct lf_run *run = plan->run;
	struct lf_term orig[LF_SCHED_MAX_LEN];
	int n = stmt->nest, d = plan->levels[n], g = plan->group[n][0];
	int k, l, pos;

	lf_sched_original_terms(stmt, run, orig, LF_SCHED_MAX_LEN);
	for (k = 0; k < len; ++k)
		lf_plan_term_set(&terms[k], -1, 0, 0);
	terms[0].cst = g;
	pos = lf_plan_loop_pos(plan, 0);
	for (k = 0; k < plan->band[g] && plan->tiled[g]; ++k) {
		lf_plan_term_set(&terms[1 + k], k,
				 run->loops[stmt->loops[k]].dir,
				 plan->shift[n][k]);
		terms[1 + k].div = plan->tiles[g][k];
	}
	if (plan->rtile[g]) {
		k = plan->band[g];
		terms[1 + plan->max_band].cst = stmt - run->stmts;
		if (stmt->depth > k) {
			lf_plan_term_set(&terms[2 + plan->max_band], k,
					 run->loops[stmt->loops[k]].dir, 0);
			terms[2 + plan->max_band].div = plan->rtile[g];
		}
	}
	for (l = 0; l < d; ++l) {
		if (l > 0)
			terms[pos++].cst = plan->group[n][l];
		if (plan->sink[g] && l == plan->band[g] - 1) {
			lf_plan_term_set(&terms[len - 1], l,
					 run->loops[stmt->loops[l]].dir,
					 plan->shift[n][l]);
			continue;
		}
		lf_plan_term_set(&terms[pos++], l,
				 run->loops[stmt->loops[l]].dir,
				 plan->shift[n][l]);
	}
	if (d > 0)
		terms[pos++].cst = plan->group[n][d];
	for (k = 2 * d; k < 2 * stmt->depth + 1 && pos < len - 1; ++k)
		terms[pos++] = orig[k];
}

/* The schedule of the statements of top-level group "group" (all
 * statements if group < 0).
 */
__isl_give isl_union_map *lf_plan_schedule(struct lf_plan *plan, int group)
{
	struct lf_run *run = plan->run;
	struct lf_term terms[LF_SCHED_MAX_LEN];
	int len = lf_plan_sched_len(plan);
	isl_union_map *sched;
	int i;

	sched = isl_union_map_empty(isl_set_get_space(run->context));
	for (i = 0; i < run->n_stmt; ++i) {
		struct lf_stmt *stmt = &run->stmts[i];

		if (group >= 0 && plan->group[stmt->nest][0] != group)
			continue;
		lf_plan_terms(plan, stmt, terms, len);
		sched = isl_union_map_add_map(sched,
			lf_sched_stmt_map(stmt, terms, len));
	}
	return sched;
}

/* The number of nests in top-level group "group", the first in *first.
 */
int lf_plan_group_size(struct lf_plan *plan, int group, int *first)
{
	int i, n = 0;

	for (i = 0; i < plan->run->n_nest; ++i) {
		if (plan->group[i][0] != group)
			continue;
		if (n++ == 0)
			*first = i;
	}
	return n;
}

/* The iterator of the loop below the band that group "group" tiles
 * (rtile), or NULL.
 */
const char *lf_plan_rtile_iter(struct lf_plan *plan, int group)
{
	struct lf_run *run = plan->run;
	int i, b = plan->band[group];

	if (!plan->rtile[group])
		return NULL;
	for (i = 0; i < run->n_stmt; ++i) {
		struct lf_stmt *stmt = &run->stmts[i];

		if (plan->group[stmt->nest][0] == group && stmt->depth > b)
			return run->loops[stmt->loops[b]].iter;
	}
	return NULL;
}

/* Is the schedule of top-level group g (of all groups if g < 0) legal?
 * Groups keep the order of their nests, so dependences between groups
 * never need checking again.
 */
static int lf_plan_is_legal(struct lf_plan *plan, struct lf_deps *deps,
	int g, struct lf_witness *witness)
{
	isl_union_map *sched = lf_plan_schedule(plan, g);
	int r;

	if (!sched)
		return -1;
	r = lf_legality_check_focus(deps, sched, NULL, witness);
	isl_union_map_free(sched);
	return r;
}

/* Is the schedule of nest k's top-level group legal, given that it was
 * legal before nest k joined: only dependences of nest k can break.
 */
static int lf_plan_is_legal_nest(struct lf_plan *plan, struct lf_deps *deps,
	int k, struct lf_witness *witness)
{
	struct lf_run *run = plan->run;
	struct lf_nest *nest = &run->nests[k];
	isl_union_map *sched = lf_plan_schedule(plan, plan->group[k][0]);
	isl_union_set *focus;
	int i, r;

	focus = isl_union_set_empty(isl_set_get_space(run->context));
	for (i = nest->first_stmt; i < nest->first_stmt + nest->n_stmt; ++i)
		focus = isl_union_set_add_set(focus,
			isl_set_copy(run->stmts[i].domain));
	r = sched && focus ? lf_legality_check_focus(deps, sched, focus,
						     witness) : -1;
	isl_union_set_free(focus);
	isl_union_map_free(sched);
	return r;
}

static const char *lf_plan_kind_verb(enum lf_dep_kind kind)
{
	switch (kind) {
	case LF_DEP_FLOW: return "would be read before it is written";
	case LF_DEP_ANTI: return "would be overwritten before it is read";
	default: return "would be written in a different order";
	}
}

/* A sentence that says which dependence forbids a schedule.
 */
char *lf_plan_explain(struct lf_run *run, struct lf_witness *witness)
{
	struct lf_access *src, *dst;
	struct lf_buf buf;

	if (witness->source < 0 || witness->sink < 0 ||
	    witness->source >= run->n_access || witness->sink >= run->n_access)
		return strdup("a dependence would be violated");
	src = &run->accesses[witness->source];
	dst = &run->accesses[witness->sink];
	lf_buf_init(&buf);
	if (witness->kind == LF_DEP_ALIAS) {
		lf_buf_printf(&buf, "%s and %s may alias: add restrict or "
			"--assume-no-alias", run->arrays[src->array].name,
			run->arrays[dst->array].name);
	} else if (witness->kind == LF_DEP_FLOW) {
		lf_buf_printf(&buf, "%s at %u:%u reads %s written by %s at "
			"%u:%u: after fusion it %s", dst->text, dst->loc.line,
			dst->loc.col, run->arrays[dst->array].name, src->text,
			src->loc.line, src->loc.col,
			lf_plan_kind_verb(witness->kind));
	} else {
		lf_buf_printf(&buf, "%s at %u:%u writes %s %s by %s at %u:%u: "
			"after fusion it %s", dst->text, dst->loc.line,
			dst->loc.col, run->arrays[dst->array].name,
			witness->kind == LF_DEP_ANTI ? "read" : "also written",
			src->text, src->loc.line, src->loc.col,
			lf_plan_kind_verb(witness->kind));
	}
	if (run->arrays[dst->array].origin == LF_ARRAY_ERRNO)
		lf_buf_add_str(&buf, " (math functions set errno unless "
			"compiled with -fno-math-errno: pass it after --)");
	return lf_buf_take(&buf);
}

static void lf_plan_refuse(struct lf_plan *plan, int nest, char *reason,
	struct lf_loc loc)
{
	free(plan->refusal[nest]);
	plan->refusal[nest] = reason;
	plan->refusal_loc[nest] = loc;
}

/* Why nest k cannot join the group of nest k - 1 at all, when that is
 * clear without a dependence: one of them is not modeled or shares no
 * loop.
 */
static int lf_plan_structural_refusal(struct lf_plan *plan, int k)
{
	struct lf_run *run = plan->run;
	struct lf_nest *a = &run->nests[k - 1], *b = &run->nests[k];

	if (b->opaque_reason) {
		lf_plan_refuse(plan, k, strdup(b->opaque_reason),
			       b->reason_loc);
		return 1;
	}
	if (a->opaque_reason) {
		lf_plan_refuse(plan, k, strdup(a->opaque_reason),
			       a->reason_loc);
		return 1;
	}
	if (b->prefix || a->prefix) {
		struct lf_nest *kept = b->prefix ? b : a;
		struct lf_buf buf;

		lf_buf_init(&buf);
		lf_buf_printf(&buf, "'%s' applies to the loop nest at line "
			      "%u, which is kept as it is written",
			      kept->prefix, kept->loc.line);
		lf_plan_refuse(plan, k, lf_buf_take(&buf), kept->prefix_loc);
		return 1;
	}
	if (a->perfect_depth == 0 || b->perfect_depth == 0) {
		lf_plan_refuse(plan, k, strdup("the loop nest has no "
			       "statements"), b->loc);
		return 1;
	}
	return 0;
}

static int lf_plan_partition(struct lf_plan *plan, struct lf_deps *deps,
	int first, int n, int level);

/* The direction of loop "level" of nest n, which all its statements
 * share.
 */
static int lf_plan_dir(struct lf_run *run, int n, int level)
{
	struct lf_stmt *stmt = &run->stmts[run->nests[n].first_stmt];

	return run->loops[stmt->loops[level]].dir;
}

/* The values of the shared loops 0 .. level of nests [start, k] in the
 * plan, { [f_0, ..., f_level] }, under the run's context.
 */
static __isl_give isl_set *lf_plan_level_values(struct lf_plan *plan,
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
static int lf_plan_far_apart(struct lf_plan *plan, int start, int k,
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

/* Try to put nest k into the group [start, k) at "level": the nests
 * share loop "level" and are not fused below it.  If that is illegal
 * as it is, try running nest k up to LF_PLAN_MAX_SHIFT iterations behind
 * the group.  The witness is the dependence that forbids fusion
 * without a shift.
 */
static int lf_plan_try_join(struct lf_plan *plan, struct lf_deps *deps,
	int start, int k, int level, int gidx, struct lf_witness *witness)
{
	int n = k - start + 1, j, r, s, far;
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
			lf_plan_refuse(plan, k, strdup("their loops' ranges "
				"can be far apart for some sizes: a fused loop "
				"would run over the gap between them"),
				plan->run->nests[k].loc);
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

/* Extents beyond this come from the ranges of the types of sizes the
 * analysis does not know, not from the program: they count as unknown.
 */
#define LF_PLAN_MAX_EXTENT (1L << 30)

/* The number of values between "min" and "max", or -1 if a bound is
 * unknown or the count exceeds LF_PLAN_MAX_EXTENT.  Takes both.
 */
static long lf_plan_val_extent(__isl_take isl_val *min,
	__isl_take isl_val *max)
{
	isl_val *n;
	long extent = -1;

	if (!min || !max || !isl_val_is_int(min) || !isl_val_is_int(max)) {
		isl_val_free(min);
		isl_val_free(max);
		return -1;
	}
	n = isl_val_add_ui(isl_val_sub(max, min), 1);
	if (n && isl_val_cmp_si(n, LF_PLAN_MAX_EXTENT) <= 0)
		extent = isl_val_get_num_si(n);
	isl_val_free(n);
	return extent;
}

/* The bytes of the bounding box of "elems", elements of "array", or -1
 * if a bound is unknown or the count does not fit in a long.
 */
static long lf_plan_box_bytes(__isl_take isl_set *elems,
	const struct lf_array *array)
{
	long box = array->elem_size;
	int l;

	if (isl_set_plain_is_empty(elems) == isl_bool_true)
		box = 0;
	for (l = 0; l < array->n_dim && box > 0; ++l) {
		long extent = lf_plan_val_extent(
			isl_pw_aff_min_val(isl_set_dim_min(
				isl_set_copy(elems), l)),
			isl_pw_aff_max_val(isl_set_dim_max(
				isl_set_copy(elems), l)));

		box = extent > 0 && extent <= LONG_MAX / box ?
		      box * extent : -1;
	}
	isl_set_free(elems);
	return box;
}

/* The elements of "array" that nests [first, last] access.
 */
static __isl_give isl_set *lf_plan_elems(struct lf_run *run, int first,
	int last, int array)
{
	isl_space *space = isl_space_set_alloc(isl_set_get_ctx(run->context),
					       0, run->arrays[array].n_dim);
	isl_set *elems;
	int i, a;

	space = isl_space_set_tuple_name(space, isl_dim_set,
					 run->arrays[array].name);
	elems = isl_set_empty(space);
	for (i = 0; i < run->n_stmt; ++i) {
		struct lf_stmt *stmt = &run->stmts[i];
		isl_set *dom;

		if (stmt->nest < first || stmt->nest > last)
			continue;
		dom = isl_set_intersect_params(isl_set_copy(stmt->domain),
					       isl_set_copy(run->context));
		for (a = 0; a < stmt->n_access; ++a) {
			struct lf_access *acc = &run->accesses[stmt->accesses[a]];

			if (acc->array != array)
				continue;
			elems = isl_set_union(elems, isl_set_apply(
				isl_set_copy(dom), isl_map_copy(acc->rel)));
		}
		isl_set_free(dom);
	}
	return elems;
}

static long lf_plan_add_bytes(long x, long y)
{
	return x < 0 || y < 0 || x > LONG_MAX - y ? -1 : x + y;
}

/* Fusing nest k with nests [start, k) saves at most the traffic of the
 * elements nest k accesses that those nests accessed before: they may
 * still be in cache.  Fusion cannot gain anything measurable if that is
 * under 1/20 of the bytes the nests access in all, or if all of those
 * fit in half of the L1 cache, where they stay without fusion; and the
 * fused loop can be slower (a call between independent reductions keeps
 * the processor from overlapping them).  So the nests are kept apart.
 * Byte counts are bounding boxes of the elements; with unknown sizes
 * only the first rule, on arrays, applies.
 * Return the reason to refuse (malloc'd), or NULL; *error is set if
 * memory runs out.
 */
static char *lf_plan_no_saving(struct lf_plan *plan, int start, int k,
	int *error)
{
	struct lf_run *run = plan->run;
	long saved = 0, total = 0;
	int a, any = 0;
	char text[160], *reason;

	for (a = 0; a < run->n_array; ++a) {
		isl_set *group, *nest;

		if (run->arrays[a].n_dim == 0)
			continue;
		group = lf_plan_elems(run, start, k - 1, a);
		nest = lf_plan_elems(run, k, k, a);
		if (isl_set_plain_is_empty(group) != isl_bool_true &&
		    isl_set_plain_is_empty(nest) != isl_bool_true)
			any = 1;
		saved = lf_plan_add_bytes(saved, lf_plan_box_bytes(
			isl_set_intersect(isl_set_copy(group),
					  isl_set_copy(nest)),
			&run->arrays[a]));
		total = lf_plan_add_bytes(total, lf_plan_box_bytes(
			isl_set_union(group, nest), &run->arrays[a]));
	}
	if (!any)
		snprintf(text, sizeof(text), "shares no array with the nests "
			 "before it: fusion would save no memory traffic");
	else if (saved >= 0 && total >= 0 && saved < total / 20)
		snprintf(text, sizeof(text), "fusion would save at most %ld "
			 "of the %ld bytes these nests access (under 5%%)",
			 saved, total);
	else if (total >= 0 && total <= plan->cache_l1 / 2)
		snprintf(text, sizeof(text), "the %ld bytes these nests "
			 "access stay in the L1 cache without fusion", total);
	else
		return NULL;
	reason = strdup(text);
	*error = !reason;
	return reason;
}

/* Close the group [start, end) at "level" and fuse it further inside.
 */
static int lf_plan_close(struct lf_plan *plan, struct lf_deps *deps,
	int start, int end, int level)
{
	if (end - start < 2)
		return 0;
	return lf_plan_partition(plan, deps, start, end - start, level + 1);
}

static int lf_plan_refuse_dep(struct lf_plan *plan, int k,
	struct lf_witness *witness)
{
	struct lf_run *run = plan->run;
	char *text = lf_plan_explain(run, witness);

	lf_witness_clear(witness);
	if (!text)
		return -1;
	lf_plan_refuse(plan, k, text, run->nests[k].loc);
	return 0;
}

/* Partition nests [first, first + n), which share loops 0 .. level - 1,
 * into groups that share loop "level".
 */
static int lf_plan_partition(struct lf_plan *plan, struct lf_deps *deps,
	int first, int n, int level)
{
	struct lf_witness witness = { 0, -1, -1, NULL };
	int start = first, gidx = 0, k, r, error = 0;
	char *no_saving;

	for (k = first; k < first + n; ++k) {
		if (k == start) {
			plan->group[k][level] = gidx;
			plan->levels[k] = level;
			continue;
		}
		r = 0;
		no_saving = NULL;
		if (level == 0 && !lf_plan_structural_refusal(plan, k) &&
		    !plan->fuse_all)
			no_saving = lf_plan_no_saving(plan, start, k, &error);
		if (error)
			return -1;
		if (no_saving)
			lf_plan_refuse(plan, k, no_saving,
				       plan->run->nests[k].loc);
		else if (level > 0 || !plan->refusal[k])
			r = lf_plan_try_join(plan, deps, start, k, level, gidx,
					     level == 0 ? &witness : NULL);
		if (r < 0)
			return -1;
		if (r > 0)
			continue;
		if (level == 0 && witness.dep &&
		    lf_plan_refuse_dep(plan, k, &witness) < 0)
			return -1;
		if (level == 0 && !plan->refusal[k])
			lf_plan_refuse(plan, k, strdup("its outer loop runs in "
				"the opposite direction"), plan->run->nests[k].loc);
		plan->group[k][level] = ++gidx;
		plan->levels[k] = level;
		if (lf_plan_close(plan, deps, start, k, level) < 0)
			return -1;
		start = k;
	}
	return lf_plan_close(plan, deps, start, first + n, level);
}

/* The depth of the band that every nest of top-level group g shares.
 */
static int lf_plan_band_depth(struct lf_plan *plan, int g)
{
	int i, l, band = LF_MAX_DEPTH;

	for (i = 0; i < plan->run->n_nest; ++i) {
		if (plan->group[i][0] != g)
			continue;
		for (l = 1; l < plan->levels[i] && plan->group[i][l] == 0; ++l)
			;
		if (l < band)
			band = l;
		if (plan->levels[i] < band)
			band = plan->levels[i];
	}
	return band;
}

/* The number of values the level-l iterator of statement "stmt" takes,
 * or -1 if that depends on an unknown size.
 */
static long lf_plan_stmt_extent(struct lf_run *run, struct lf_stmt *stmt,
	int l)
{
	isl_set *dom = isl_set_intersect_params(isl_set_copy(stmt->domain),
						isl_set_copy(run->context));
	isl_val *max = isl_pw_aff_max_val(isl_set_dim_max(isl_set_copy(dom),
							  l));

	return lf_plan_val_extent(isl_pw_aff_min_val(isl_set_dim_min(dom, l)),
				  max);
}

/* The largest number of values the level-l loop of group g takes in any
 * of its statements, or -1 if unknown.
 */
static long lf_plan_extent(struct lf_plan *plan, int g, int l)
{
	struct lf_run *run = plan->run;
	long extent = 0, e;
	int i;

	for (i = 0; i < run->n_stmt; ++i) {
		if (plan->group[run->stmts[i].nest][0] != g)
			continue;
		e = lf_plan_stmt_extent(run, &run->stmts[i], l);
		if (e < 0)
			return -1;
		if (e > extent)
			extent = e;
	}
	return extent;
}

/* Is some band loop of group g longer than a tile?  Tiling loops that
 * fit in one tile only adds loop overhead.
 */
static int lf_plan_band_exceeds_tile(struct lf_plan *plan, int g)
{
	int l;

	for (l = 0; l < plan->band[g]; ++l) {
		long e = lf_plan_extent(plan, g, l);

		if (e < 0 || e > plan->tiles[g][l])
			return 1;
	}
	return 0;
}

/* Does some statement of group g have loops of its own inside the band?
 * Only then do the band's iterations reuse data, and tiling pays.
 */
static int lf_plan_has_reuse(struct lf_plan *plan, int g)
{
	struct lf_run *run = plan->run;
	int i;

	for (i = 0; i < run->n_stmt; ++i)
		if (plan->group[run->stmts[i].nest][0] == g &&
		    run->stmts[i].depth > plan->band[g])
			return 1;
	return 0;
}

/* The bytes that one tile of group g with tile size "size" in every band
 * loop touches, estimated from the bounding box of the elements each
 * array sees, or -1 if that depends on unknown sizes.
 */
static long lf_plan_footprint(struct lf_plan *plan, int g, int size)
{
	struct lf_run *run = plan->run;
	isl_union_set *seen;
	long bytes = 0;
	int i, a, l;

	seen = isl_union_set_empty(isl_set_get_space(run->context));
	for (i = 0; i < run->n_stmt; ++i) {
		struct lf_stmt *stmt = &run->stmts[i];
		isl_set *tile;

		if (plan->group[stmt->nest][0] != g)
			continue;
		tile = isl_set_intersect_params(isl_set_copy(stmt->domain),
						isl_set_copy(run->context));
		for (l = 0; l < plan->band[g]; ++l) {
			long lo = 0;
			isl_val *v = isl_pw_aff_min_val(isl_set_dim_min(
				isl_set_copy(tile), l));

			if (v && isl_val_is_int(v))
				lo = isl_val_get_num_si(v);
			isl_val_free(v);
			tile = isl_set_upper_bound_si(tile, isl_dim_set, l,
						      lo + size - 1);
		}
		for (a = 0; a < stmt->n_access; ++a) {
			struct lf_access *acc = &run->accesses[stmt->accesses[a]];

			seen = isl_union_set_add_set(seen, isl_set_apply(
				isl_set_copy(tile), isl_map_copy(acc->rel)));
		}
		isl_set_free(tile);
	}
	for (a = 0; a < run->n_array && bytes >= 0; ++a) {
		isl_space *space = isl_space_set_alloc(isl_union_set_get_ctx(seen),
						       0, run->arrays[a].n_dim);

		space = isl_space_set_tuple_name(space, isl_dim_set,
						 run->arrays[a].name);
		bytes = lf_plan_add_bytes(bytes, lf_plan_box_bytes(
			isl_union_set_extract_set(seen, space),
			&run->arrays[a]));
	}
	isl_union_set_free(seen);
	return bytes;
}

#define LF_DEFAULT_L2 (1024 * 1024)
#define LF_DEFAULT_L1 (32 * 1024)

/* The largest of 256, 128, 64, 32 whose tile fits in half the L2 cache
 * (the other half for what streams through), or 16.  Without known
 * sizes, 32.
 */
static int lf_plan_model_tile(struct lf_plan *plan, int g, long cache_l2)
{
	static const int sizes[] = { 256, 128, 64, 32 };
	unsigned k;

	if (cache_l2 <= 0)
		cache_l2 = LF_DEFAULT_L2;
	for (k = 0; k < sizeof(sizes) / sizeof(sizes[0]); ++k) {
		long bytes = lf_plan_footprint(plan, g, sizes[k]);

		if (bytes < 0)
			return 32;
		if (bytes <= cache_l2 / 2)
			return sizes[k];
	}
	return 16;
}

static void lf_plan_choose_tiles(struct lf_plan *plan, int g,
	const struct lf_plan_options *options)
{
	int k, size = options->tile_size;

	if (size < 0 && options->n_tile_sizes == 0)
		size = lf_plan_model_tile(plan, g, options->cache_l2);
	for (k = 0; k < plan->band[g]; ++k) {
		if (options->n_tile_sizes > 0)
			size = options->tile_sizes[k < options->n_tile_sizes ?
				k : options->n_tile_sizes - 1];
		plan->tiles[g][k] = size;
	}
}

/* max_band is the deepest tiled band (see lf_plan.h).
 */
static void lf_plan_set_max_band(struct lf_plan *plan)
{
	int g;

	plan->max_band = 0;
	for (g = 0; g < plan->n_group; ++g)
		if (plan->tiled[g] && plan->band[g] > plan->max_band)
			plan->max_band = plan->band[g];
}

/* Tile the bands of groups that are at least two deep, reuse data, are
 * longer than a tile and are permutable.
 */
static int lf_plan_tile(struct lf_plan *plan, struct lf_deps *deps,
	const struct lf_plan_options *options)
{
	int g, k, r, dims[LF_MAX_DEPTH];
	isl_union_map *sched;

	for (g = 0; g < plan->n_group; ++g) {
		plan->band[g] = lf_plan_band_depth(plan, g);
		if (options->tile_size == 0 || plan->band[g] < 2 ||
		    !lf_plan_has_reuse(plan, g))
			continue;
		lf_plan_choose_tiles(plan, g, options);
		if (!lf_plan_band_exceeds_tile(plan, g))
			continue;
		for (k = 0; k < plan->band[g]; ++k)
			dims[k] = lf_plan_loop_pos(plan, k);
		sched = lf_plan_schedule(plan, g);
		r = lf_legality_permutable(deps, sched, dims, plan->band[g]);
		isl_union_map_free(sched);
		if (r < 0)
			return -1;
		plan->tiled[g] = r;
	}
	lf_plan_set_max_band(plan);
	return 0;
}

struct lf_plan_involves {
	int level;
	int found;
};

static isl_stat lf_plan_piece_involves(__isl_take isl_set *set,
	__isl_take isl_aff *aff, void *user)
{
	struct lf_plan_involves *data = user;

	if (isl_aff_involves_dims(aff, isl_dim_in, data->level, 1) > 0)
		data->found = 1;
	isl_set_free(set);
	isl_aff_free(aff);
	return isl_stat_ok;
}

/* Does the last subscript of "acc" depend on the iterator at "level"?
 * Then consecutive iterations of that loop touch neighbouring elements.
 */
static int lf_plan_stride_one(struct lf_run *run, struct lf_access *acc,
	int level)
{
	int n_dim = run->arrays[acc->array].n_dim;
	struct lf_plan_involves data = { level, 0 };
	isl_pw_multi_aff *pma;
	isl_pw_aff *pa;
	isl_bool single;

	single = isl_map_is_single_valued(acc->rel);
	if (n_dim == 0 || single <= 0)
		return 0;
	pma = isl_pw_multi_aff_from_map(isl_map_copy(acc->rel));
	pa = isl_pw_multi_aff_get_pw_aff(pma, n_dim - 1);
	isl_pw_aff_foreach_piece(pa, &lf_plan_piece_involves, &data);
	isl_pw_aff_free(pa);
	isl_pw_multi_aff_free(pma);
	return data.found;
}

/* How much moving the innermost band loop inside the statements' own
 * loops improves the stride of their accesses: accesses that walk
 * along the band loop count for it, accesses that walk along the
 * innermost loop of their statement count against it.
 */
static int lf_plan_sink_score(struct lf_plan *plan, int g)
{
	struct lf_run *run = plan->run;
	int i, a, score = 0, j = plan->band[g] - 1;

	for (i = 0; i < run->n_stmt; ++i) {
		struct lf_stmt *stmt = &run->stmts[i];

		if (plan->group[stmt->nest][0] != g ||
		    stmt->depth <= plan->band[g])
			continue;
		for (a = 0; a < stmt->n_access; ++a) {
			struct lf_access *acc = &run->accesses[stmt->accesses[a]];
			int sj = lf_plan_stride_one(run, acc, j);
			int sk = lf_plan_stride_one(run, acc, stmt->depth - 1);

			score += (sj && !sk) - (sk && !sj);
		}
	}
	return score;
}

#define LF_MIN_VECTOR_TRIP 16

/* Is the innermost band loop long enough to be worth running innermost?
 * A short one (a 14-wide image row) is better left where the compiler
 * vectorized it.
 */
static int lf_plan_long_enough(struct lf_plan *plan, int g)
{
	long e = lf_plan_extent(plan, g, plan->band[g] - 1);

	return e < 0 || e >= LF_MIN_VECTOR_TRIP;
}

/* Move the innermost band loop inside where that walks memory with
 * stride 1 more often, if the dependences allow it (the order of every
 * reduction is kept, so results do not change).  A band of one loop
 * keeps it: moving the only shared loop inside would undo the fusion.
 */
static int lf_plan_sink(struct lf_plan *plan, struct lf_deps *deps)
{
	int g, r;

	for (g = 0; g < plan->n_group; ++g) {
		if (plan->band[g] < 2 || lf_plan_sink_score(plan, g) <= 0 ||
		    !lf_plan_long_enough(plan, g))
			continue;
		plan->sink[g] = 1;
		r = lf_plan_is_legal(plan, deps, g, NULL);
		if (r < 0)
			return -1;
		plan->sink[g] = r;
	}
	return 0;
}

/* Should tiled group g also tile the loop below its band (see rtile in
 * lf_plan.h)?  Only if its nests share exactly the band, the band runs
 * its stride-1 loop innermost (sink), and some statement has a loop
 * below the band that is more than twice as long as a tile: a matrix
 * product's k loop, not a convolution's few taps.
 */
static int lf_plan_wants_rtile(struct lf_plan *plan, int g)
{
	struct lf_run *run = plan->run;
	int i, b = plan->band[g], wants = 0;

	if (!plan->tiled[g] || !plan->sink[g])
		return 0;
	for (i = 0; i < run->n_stmt; ++i) {
		struct lf_stmt *stmt = &run->stmts[i];
		long extent;

		if (plan->group[stmt->nest][0] != g)
			continue;
		if (plan->levels[stmt->nest] != b)
			return 0;
		if (stmt->depth <= b)
			continue;
		extent = lf_plan_stmt_extent(run, stmt, b);
		if (extent > 2L * plan->tiles[g][0])
			wants = 1;
	}
	return wants;
}

/* The size of the largest array element of the run, in bytes.
 */
static int lf_plan_max_elem(struct lf_run *run)
{
	int a, max = 1;

	for (a = 0; a < run->n_array; ++a)
		if (run->arrays[a].elem_size > max)
			max = run->arrays[a].elem_size;
	return max;
}

/* With the loop below the band in blocks, what the rows of a tile share
 * is a block of the matrix on the right, rtile x tile elements; it should
 * stay in L1 while they run.  So a tile size from the model halves (down
 * to 32) until such a square block fits in half of L1.
 */
static void lf_plan_fit_block(struct lf_plan *plan, int g)
{
	long elem = lf_plan_max_elem(plan->run);
	int size = plan->tiles[g][0], k;

	while (size > 32 && size * size * elem > plan->cache_l1 / 2)
		size /= 2;
	for (k = 0; k < plan->band[g]; ++k)
		plan->tiles[g][k] = size;
}

/* Tile the loop below the band where lf_plan_wants_rtile says so and
 * the result is legal, with the size of the band's first tile loop
 * (fitted to L1 if the model chose it).  The tiles are kept as they were
 * if it is not legal.
 */
static int lf_plan_rtile(struct lf_plan *plan, struct lf_deps *deps)
{
	int g, r, tiles[LF_MAX_DEPTH];

	for (g = 0; g < plan->n_group; ++g) {
		if (!lf_plan_wants_rtile(plan, g))
			continue;
		memcpy(tiles, plan->tiles[g], sizeof(tiles));
		if (plan->tiles_modeled)
			lf_plan_fit_block(plan, g);
		plan->rtile[g] = plan->tiles[g][0];
		r = lf_plan_is_legal(plan, deps, g, NULL);
		if (r < 0)
			return -1;
		if (!r) {
			plan->rtile[g] = 0;
			memcpy(plan->tiles[g], tiles, sizeof(tiles));
		}
	}
	return 0;
}

/* Nest "n" alone in its group gets the band of its perfect loops, as
 * if it were fused with itself, so that it can be tiled like a group.
 * The schedule is the original one.
 */
static void lf_plan_lone_set(struct lf_plan *plan, int n, int levels)
{
	int l;

	plan->levels[n] = levels;
	for (l = 1; l <= LF_MAX_DEPTH; ++l)
		plan->group[n][l] = 0;
}

static void lf_plan_lone_bands(struct lf_plan *plan)
{
	int g, first = 0;

	for (g = 0; g < plan->n_group; ++g)
		if (lf_plan_group_size(plan, g, &first) == 1 &&
		    !plan->run->nests[first].prefix)
			lf_plan_lone_set(plan, first,
					 plan->run->nests[first].perfect_depth);
}

/* A nest alone is only rewritten as a matrix product is: tiled, with
 * its reduction in blocks (rtile).  That is where tiling alone was
 * measured to pay; other lone nests stay as they are, with the band
 * lf_plan_lone_bands gave them taken back.
 */
static void lf_plan_lone_finish(struct lf_plan *plan)
{
	int g, first = 0;

	for (g = 0; g < plan->n_group; ++g) {
		if (lf_plan_group_size(plan, g, &first) == 1 &&
		    !plan->rtile[g]) {
			plan->tiled[g] = plan->sink[g] = 0;
			lf_plan_lone_set(plan, first, 0);
			plan->band[g] = 0;
		}
	}
	lf_plan_set_max_band(plan);
}

/* Check the final schedule once more as a whole; should that fail, drop
 * the reduction blocks, the loop order changes, then the tiling.
 */
static int lf_plan_finish(struct lf_plan *plan, struct lf_deps *deps)
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
static void lf_plan_count_groups(struct lf_plan *plan)
{
	int i;

	plan->n_group = 0;
	for (i = 0; i < plan->run->n_nest; ++i)
		if (plan->group[i][0] + 1 > plan->n_group)
			plan->n_group = plan->group[i][0] + 1;
}

/* The groups are renumbered: recompute their bands.
 */
static void lf_plan_renumber(struct lf_plan *plan, int n_group)
{
	int g;

	plan->n_group = n_group;
	for (g = 0; g < n_group; ++g)
		plan->band[g] = lf_plan_band_depth(plan, g);
}

static int lf_plan_outer_only(struct lf_plan *plan, int g)
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
static int lf_plan_unfuse(struct lf_plan *plan)
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

		if (apart[cur] && cur == old) {
			free(plan->refusal[k]);
			plan->refusal[k] = strdup("sharing only the outer loop "
				"with nests that have loops of their own inside "
				"it would stream both through the cache");
			plan->refusal_loc[k] = run->nests[k].loc;
		}
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
int lf_plan_wants_run(struct lf_run *run, int tile_size)
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

struct lf_plan *lf_plan_compute(struct lf_run *run, struct lf_deps *deps,
	const struct lf_plan_options *options)
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
static void lf_plan_pair_set(struct lf_plan *plan, int k, int d,
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
__isl_give isl_union_map *lf_plan_pair_schedule(struct lf_run *run, int k,
	int d, const int *shift, int *dims)
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
int lf_plan_pair(struct lf_run *run, struct lf_deps *deps, int k,
	int *depth, int *tilable, struct lf_witness *witness)
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
