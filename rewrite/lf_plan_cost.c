/* SPDX-License-Identifier: MIT */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <isl/aff.h>
#include <isl/constraint.h>
#include <isl/local_space.h>
#include <isl/ilp.h>
#include <isl/val.h>
#include <isl/map.h>
#include <isl/mat.h>
#include <isl/set.h>
#include <isl/space.h>
#include <isl/stride_info.h>
#include <isl/union_set.h>

#include "lf_buf.h"
#include "lf_plan_private.h"

/* The cost model of the planner: how many bytes nests access, and
 * whether fusing them saves enough of that traffic to pay.
 */

/* Extents beyond this come from the ranges of the types of sizes the
 * analysis does not know, not from the program: they count as unknown.
 */
#define LF_PLAN_MAX_EXTENT (1L << 30)

/* The number of values between "min" and "max", or -1 if a bound is
 * unknown or the count exceeds LF_PLAN_MAX_EXTENT.  Takes both.
 */
long lf_plan_val_extent(__isl_take isl_val *min,
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

/* The largest number of values dimension "l" of the range of "elems"
 * spans for any one element of its domain and value of the parameters,
 * or -1 if it is unbounded or exceeds LF_PLAN_MAX_EXTENT.
 */
static long lf_plan_dim_extent(__isl_keep isl_map *elems, int l)
{
	isl_pw_aff *span;

	span = isl_pw_aff_sub(isl_map_dim_max(isl_map_copy(elems), l),
			      isl_map_dim_min(isl_map_copy(elems), l));
	return lf_plan_val_extent(isl_val_zero(isl_map_get_ctx(elems)),
				  isl_pw_aff_max_val(span));
}

/* The bytes of the largest bounding box of the elements of "array"
 * that "elems" maps one point of its domain to, for one value of the
 * parameters, or -1 if a bound is unknown or the count does not fit in
 * a long.  Each dimension is maximised on its own, so the box is an
 * upper bound.
 */
static long lf_plan_map_box_bytes(__isl_take isl_map *elems,
	__isl_keep const struct lf_array *array)
{
	long box = array->elem_size;
	int l;

	if (isl_map_plain_is_empty(elems) == isl_bool_true)
		box = 0;
	for (l = 0; l < array->n_dim && box > 0; ++l) {
		long extent = lf_plan_dim_extent(elems, l);

		box = extent > 0 && extent <= LONG_MAX / box ?
		      box * extent : -1;
	}
	isl_map_free(elems);
	return box;
}

/* The bytes of the largest bounding box of "elems", elements of
 * "array", for one value of the parameters, or -1 if a bound is unknown
 * or the count does not fit in a long.  The parameters of a run nested
 * in loops include the outer iterators: the box is what one execution
 * of the run touches (a row of a matrix, not the matrix), which is what
 * stays in cache between the nests.
 */
long lf_plan_box_bytes(__isl_take isl_set *elems,
	__isl_keep const struct lf_array *array)
{
	return lf_plan_map_box_bytes(isl_map_from_range(elems), array);
}

/* No element of "array".
 */
static __isl_give isl_set *lf_plan_no_elems(__isl_keep struct lf_run *run,
	int array)
{
	isl_space *space = isl_space_set_alloc(isl_set_get_ctx(run->context),
					       0, run->arrays[array].n_dim);

	space = isl_space_set_tuple_name(space, isl_dim_set,
					 run->arrays[array].name);
	return isl_set_empty(space);
}

/* The elements of "array" that nests [first, last] access.
 */
static __isl_give isl_set *lf_plan_elems(__isl_keep struct lf_run *run,
	int first, int last, int array)
{
	isl_set *elems = lf_plan_no_elems(run, array);
	int i, a;

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

long lf_plan_add_bytes(long x, long y)
{
	return x < 0 || y < 0 || x > LONG_MAX - y ? -1 : x + y;
}

/* Iterations of the outer loops further apart than this do not reuse
 * what the other touched while it is still in cache.
 */
#define LF_PLAN_NEAR 16

/* "rel" restricted to the instances of "stmt" that run.  Takes "rel".
 */
static __isl_give isl_map *lf_plan_running(__isl_keep struct lf_run *run,
	__isl_keep struct lf_stmt *stmt, __isl_take isl_map *rel)
{
	return isl_map_intersect_domain(rel, isl_set_intersect_params(
		isl_set_copy(stmt->domain), isl_set_copy(run->context)));
}

/* The elements of "array" that one iteration of the shared loops
 * 0 .. level - 1 of nests [start, k] accesses, { [f_0, ...] -> A[...] }.
 */
static __isl_give isl_map *lf_plan_outer_elems(__isl_keep struct lf_plan *plan,
	int start, int k, int level, int array)
{
	struct lf_run *run = plan->run;
	struct lf_term terms[LF_SCHED_MAX_LEN], loops[LF_MAX_DEPTH];
	int len = lf_plan_sched_len(plan), i, a, l;
	isl_map *elems;
	isl_space *space;

	space = isl_space_alloc(isl_set_get_ctx(run->context), 0, level,
				run->arrays[array].n_dim);
	space = isl_space_set_tuple_name(space, isl_dim_out,
					 run->arrays[array].name);
	elems = isl_map_empty(space);
	for (i = 0; i < run->n_stmt; ++i) {
		struct lf_stmt *stmt = &run->stmts[i];
		isl_map *outer;

		if (stmt->nest < start || stmt->nest > k)
			continue;
		lf_plan_terms(plan, stmt, terms, len);
		for (l = 0; l < level; ++l)
			loops[l] = terms[lf_plan_loop_pos(plan, l)];
		outer = isl_map_reverse(lf_plan_running(run, stmt,
			lf_sched_stmt_map(stmt, loops, level)));
		for (a = 0; a < stmt->n_access; ++a) {
			struct lf_access *acc = &run->accesses[stmt->accesses[a]];

			if (acc->array == array)
				elems = isl_map_union(elems, isl_map_apply_range(
					isl_map_copy(outer),
					isl_map_copy(acc->rel)));
		}
		isl_map_free(outer);
	}
	return elems;
}

/* The bytes that one iteration of the shared loops 0 .. level - 1 of
 * nests [start, k] accesses at most (a row or two of each matrix), or
 * -1 if unknown.  What fits in the L1 cache stays there from one inner
 * loop to the next without fusing them.
 */
long lf_plan_outer_bytes(__isl_keep struct lf_plan *plan, int start, int k,
	int level)
{
	struct lf_run *run = plan->run;
	long total = 0;
	int a;

	for (a = 0; a < run->n_array && total >= 0; ++a)
		if (run->arrays[a].n_dim > 0)
			total = lf_plan_add_bytes(total, lf_plan_map_box_bytes(
				lf_plan_outer_elems(plan, start, k, level, a),
				&run->arrays[a]));
	return total;
}

/* Restrict "pairs", { S[x] -> T[y] }, to |y_0 - x_0| <= LF_PLAN_NEAR:
 * instances whose outer loops run close to each other.  Takes "pairs".
 */
static __isl_give isl_map *lf_plan_near(__isl_take isl_map *pairs)
{
	isl_local_space *ls = isl_local_space_from_space(
		isl_map_get_space(pairs));
	isl_constraint *c;
	int sign;

	for (sign = -1; sign <= 1; sign += 2) {
		c = isl_constraint_alloc_inequality(isl_local_space_copy(ls));
		c = isl_constraint_set_coefficient_si(c, isl_dim_in, 0, sign);
		c = isl_constraint_set_coefficient_si(c, isl_dim_out, 0, -sign);
		c = isl_constraint_set_constant_si(c, LF_PLAN_NEAR);
		pairs = isl_map_add_constraint(pairs, c);
	}
	isl_local_space_free(ls);
	return pairs;
}

/* The elements that an access touches, "r1" (its relation over the
 * instances that run), and access "a2" touches again (or before) at
 * most LF_PLAN_NEAR outer iterations away, if that holds for every
 * element both touch, or the empty set: a2 then reads A[j][i] where
 * the other read A[i][j], and fusing them brings nothing closer.
 */
static __isl_give isl_set *lf_plan_pair_reuse(__isl_keep struct lf_run *run,
	__isl_keep isl_map *r1, __isl_keep struct lf_access *a2)
{
	isl_map *r2, *pairs, *close;
	isl_set *elems;
	isl_bool near;

	r2 = lf_plan_running(run, &run->stmts[a2->stmt],
			     isl_map_copy(a2->rel));
	pairs = isl_map_apply_range(isl_map_copy(r1), isl_map_reverse(r2));
	close = lf_plan_near(isl_map_copy(pairs));
	near = isl_map_is_subset(pairs, close);
	isl_map_free(close);
	elems = isl_set_apply(isl_map_domain(pairs), isl_map_copy(r1));
	if (near == isl_bool_false)
		elems = isl_set_subtract(elems, isl_set_copy(elems));
	if (near < 0)
		return isl_set_free(elems);
	return elems;
}

/* The elements of "array" that nests [first, last] access and nest k
 * accesses again a few outer iterations away (lf_plan_pair_reuse): the
 * traffic fusing k with them can save.
 */
static __isl_give isl_set *lf_plan_reuse(__isl_keep struct lf_run *run,
	int first, int last, int k, int array)
{
	isl_set *elems = lf_plan_no_elems(run, array);
	isl_map *r1;
	int i, j;

	for (i = 0; i < run->n_access; ++i) {
		struct lf_access *a1 = &run->accesses[i];
		int n1 = run->stmts[a1->stmt].nest;

		if (a1->array != array || n1 < first || n1 > last)
			continue;
		r1 = lf_plan_running(run, &run->stmts[a1->stmt],
				     isl_map_copy(a1->rel));
		for (j = 0; j < run->n_access; ++j) {
			struct lf_access *a2 = &run->accesses[j];

			if (a2->array == array &&
			    run->stmts[a2->stmt].nest == k)
				elems = isl_set_union(elems,
					lf_plan_pair_reuse(run, r1, a2));
		}
		isl_map_free(r1);
	}
	return elems;
}

/* The dimension of "set": how many of its dimensions vary, whatever
 * the sizes; -1 if it is empty or that cannot be told.  Takes "set".
 */
static int lf_plan_dimension(__isl_take isl_set *set)
{
	isl_basic_set *hull;
	isl_mat *eq;
	isl_size n, cols, rank;

	if (!set || isl_set_is_empty(set) != isl_bool_false) {
		isl_set_free(set);
		return -1;
	}
	hull = isl_set_affine_hull(isl_set_remove_divs(set));
	n = isl_basic_set_dim(hull, isl_dim_set);
	eq = isl_basic_set_equalities_matrix(hull, isl_dim_set,
		isl_dim_param, isl_dim_div, isl_dim_cst);
	isl_basic_set_free(hull);
	cols = eq ? isl_mat_cols(eq) : -1;
	if (n < 0 || cols < n) {
		isl_mat_free(eq);
		return -1;
	}
	eq = isl_mat_drop_cols(eq, n, cols - n);
	rank = eq ? isl_mat_rank(eq) : -1;
	isl_mat_free(eq);
	return rank < 0 ? -1 : n - rank;
}

/* Fusing nest k with nests [start, k) saves at most the traffic of the
 * elements nest k accesses a few outer iterations away from where those
 * nests accessed them (lf_plan_reuse): they may still be in cache.
 * Fusion cannot gain anything measurable if there are none, if that is
 * under 1/20 of the bytes the nests access in all, or if all of those
 * fit in half of the L1 cache, where they stay without fusion; and the
 * fused loop can be slower (a call between independent reductions keeps
 * the processor from overlapping them).  So the nests are kept apart.
 * Byte counts are bounding boxes of the elements.  With unknown sizes
 * the elements' dimensions stand for the counts: a saving of fewer
 * dimensions than the traffic (a vector reused beside a matrix read
 * once: a matrix-vector product and its activation) vanishes as the
 * sizes grow.
 * Return the reason to refuse, or NULL and the bytes in *bytes (-1 if
 * unknown); *error is set if memory runs out.
 */
__isl_give struct lf_reason *lf_plan_no_saving(__isl_keep struct lf_plan *plan,
	int start, int k, long *bytes, int *error)
{
	struct lf_run *run = plan->run;
	long saved = 0, total = 0;
	int a, shared = -1, reused = 0, dim_saved = -1, dim_total = -1, d;
	enum lf_why why;
	struct lf_reason *reason;

	for (a = 0; a < run->n_array; ++a) {
		isl_set *group, *nest, *reuse;

		if (run->arrays[a].n_dim == 0)
			continue;
		group = lf_plan_elems(run, start, k - 1, a);
		nest = lf_plan_elems(run, k, k, a);
		if (shared < 0 &&
		    isl_set_plain_is_empty(group) != isl_bool_true &&
		    isl_set_plain_is_empty(nest) != isl_bool_true)
			shared = a;
		reuse = lf_plan_reuse(run, start, k - 1, k, a);
		if (!reuse || isl_set_is_empty(reuse) != isl_bool_true)
			reused = 1;
		d = lf_plan_dimension(isl_set_copy(reuse));
		dim_saved = d > dim_saved ? d : dim_saved;
		d = lf_plan_dimension(isl_set_union(isl_set_copy(group),
						    isl_set_copy(nest)));
		dim_total = d > dim_total ? d : dim_total;
		saved = lf_plan_add_bytes(saved,
					  lf_plan_box_bytes(reuse, &run->arrays[a]));
		total = lf_plan_add_bytes(total, lf_plan_box_bytes(
			isl_set_union(group, nest), &run->arrays[a]));
	}
	if (shared < 0)
		why = LF_WHY_NO_SHARED_ARRAY;
	else if (!reused)
		why = LF_WHY_NO_NEAR_REUSE;
	else if (saved >= 0 && total >= 0 && saved < total / 20)
		why = LF_WHY_SMALL_SAVING;
	else if ((saved < 0 || total < 0) && dim_saved >= 0 &&
		 dim_saved < dim_total)
		why = LF_WHY_LOWER_DIM_SAVING;
	else if (total >= 0 && total <= plan->cache_l1 / 2)
		why = LF_WHY_FITS_L1;
	else {
		*bytes = total;
		return NULL;
	}
	reason = lf_reason_alloc(why, run->nests[k].loc,
		NULL, shared >= 0 ? run->arrays[shared].name : NULL);
	*error = !reason;
	if (reason) {
		reason->n0 = why == LF_WHY_SMALL_SAVING ? saved : total;
		reason->n1 = total;
		if (why == LF_WHY_LOWER_DIM_SAVING) {
			reason->n0 = dim_saved;
			reason->n1 = dim_total;
		}
	}
	return reason;
}
