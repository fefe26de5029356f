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

/* The bytes of the bounding box of "elems", elements of "array", or -1
 * if a bound is unknown or the count does not fit in a long.
 */
long lf_plan_box_bytes(__isl_take isl_set *elems,
	__isl_keep const struct lf_array *array)
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
static __isl_give isl_set *lf_plan_elems(__isl_keep struct lf_run *run,
	int first, int last, int array)
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

long lf_plan_add_bytes(long x, long y)
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
__isl_give struct lf_reason *lf_plan_no_saving(__isl_keep struct lf_plan *plan,
	int start, int k, int *error)
{
	struct lf_run *run = plan->run;
	long saved = 0, total = 0;
	int a, any = 0;
	enum lf_why why;
	struct lf_reason *reason;

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
		why = LF_WHY_NO_SHARED_ARRAY;
	else if (saved >= 0 && total >= 0 && saved < total / 20)
		why = LF_WHY_SMALL_SAVING;
	else if (total >= 0 && total <= plan->cache_l1 / 2)
		why = LF_WHY_FITS_L1;
	else
		return NULL;
	reason = lf_reason_alloc(why, run->nests[k].loc, NULL, NULL);
	*error = !reason;
	if (reason) {
		reason->n0 = why == LF_WHY_SMALL_SAVING ? saved : total;
		reason->n1 = total;
	}
	return reason;
}
