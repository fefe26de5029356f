/* SPDX-License-Identifier: MIT */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <isl/map.h>
#include <isl/set.h>
#include <isl/space.h>
#include <isl/union_map.h>
#include <isl/union_set.h>

#include "lf_contract.h"
#include "lf_grow.h"

/* Array contraction: a local array that a fused group writes and reads
 * back in the same iteration, and that nothing else uses, becomes a
 * scalar.  Its declaration loses its dimensions and its accesses become
 * the bare name, so fusion saves the array's memory traffic entirely.
 */

/* Does the function name array a nowhere but in the spelled accesses
 * of group g?  Then nothing else sees its dimensions: not sizeof, not
 * its address, not a call, not a macro.
 */
static int lf_contract_only_here(__isl_keep struct lf_plan *plan, int g, int a)
{
	struct lf_run *run = plan->run;
	unsigned *seen = malloc((run->n_access + 1) * sizeof(unsigned));
	int i, k, n = 0;

	if (!seen)
		return -1;
	for (i = 0; i < run->n_access; ++i) {
		struct lf_access *acc = &run->accesses[i];

		if (acc->array != a)
			continue;
		if (!acc->spelled ||
		    plan->group[run->stmts[acc->stmt].nest][0] != g) {
			free(seen);
			return 0;
		}
		for (k = 0; k < n && seen[k] != acc->loc.offset; ++k)
			;
		if (k == n)
			seen[n++] = acc->loc.offset;
	}
	free(seen);
	return n == run->arrays[a].n_ref;
}

/* The flow dependences from access "w" to access "r", untagged.
 */
static __isl_give isl_union_map *lf_contract_flow(
	__isl_keep struct lf_deps *deps, int w, int r)
{
	isl_union_map *flow = isl_union_map_copy(deps->tagged[LF_DEP_FLOW]);
	isl_union_map *keep;
	isl_map_list *list;
	int i, n;
	char src[32], dst[32];

	snprintf(src, sizeof(src), "R%d", w);
	snprintf(dst, sizeof(dst), "R%d", r);
	keep = isl_union_map_empty(isl_union_map_get_space(flow));
	list = isl_union_map_get_map_list(flow);
	n = isl_map_list_n_map(list);
	for (i = 0; i < n; ++i) {
		isl_map *m = isl_map_list_get_map(list, i);
		isl_space *space = isl_map_get_space(m);
		isl_space *d = isl_space_unwrap(isl_space_domain(
			isl_space_copy(space)));
		isl_space *g = isl_space_unwrap(isl_space_range(space));
		const char *ds = isl_space_get_tuple_name(d, isl_dim_out);
		const char *gs = isl_space_get_tuple_name(g, isl_dim_out);

		if (ds && gs && !strcmp(ds, src) && !strcmp(gs, dst))
			keep = isl_union_map_add_map(keep, m);
		else
			isl_map_free(m);
		isl_space_free(d);
		isl_space_free(g);
	}
	isl_map_list_free(list);
	isl_union_map_free(flow);
	keep = isl_union_map_domain_factor_domain(keep);
	return isl_union_map_range_factor_domain(keep);
}

/* Every instance of read "r" gets its value from write "w" in the same
 * iteration of every loop around "w" in the new schedule, after "w"
 * in its innermost one: the two instances agree on every position of
 * the schedule up to "last", the last loop of the write.  Equal loop
 * positions alone would not do: where a loop comes after a position
 * at which the two differ (the innermost band loop run inside the
 * statements' own loops), the write runs all its iterations before
 * the read runs any.  With the prefix equal, any other instance of the
 * write differs from both at a position up to "last", so it runs
 * before the write or after the read.
 */
static int lf_contract_same_iteration(__isl_keep struct lf_run *run,
	__isl_keep struct lf_deps *deps, __isl_keep isl_union_map *sched,
	int last, int w, int r)
{
	isl_union_map *flow = lf_contract_flow(deps, w, r);
	isl_union_set *reads, *sourced;
	isl_union_map *times;
	isl_map *t, *eq;
	isl_bool ok;
	int p;

	reads = isl_union_set_from_set(isl_set_intersect_params(
		isl_map_domain(isl_map_copy(run->accesses[r].rel)),
		isl_set_copy(run->context)));
	sourced = isl_union_map_range(isl_union_map_copy(flow));
	ok = isl_union_set_is_subset(reads, sourced);
	isl_union_set_free(reads);
	isl_union_set_free(sourced);
	if (ok <= 0) {
		isl_union_map_free(flow);
		return ok < 0 ? -1 : 0;
	}
	times = isl_union_map_apply_range(flow, isl_union_map_copy(sched));
	times = isl_union_map_apply_domain(times, isl_union_map_copy(sched));
	if (isl_union_map_is_empty(times) == isl_bool_true) {
		isl_union_map_free(times);
		return 0;
	}
	t = isl_map_from_union_map(times);
	eq = isl_map_universe(isl_map_get_space(t));
	for (p = 0; p <= last; ++p)
		eq = isl_map_equate(eq, isl_dim_in, p, isl_dim_out, p);
	ok = isl_map_is_subset(t, eq);
	isl_map_free(t);
	isl_map_free(eq);
	return ok < 0 ? -1 : ok;
}

/* The last position of the new schedule (of length len) that is a loop
 * of the statement of access w, or -1.
 */
static int lf_contract_last_loop(__isl_keep struct lf_plan *plan, int w,
	int len)
{
	struct lf_run *run = plan->run;
	struct lf_term terms[LF_SCHED_MAX_LEN];
	int p, last = -1;

	lf_plan_terms(plan, &run->stmts[run->accesses[w].stmt], terms, len);
	for (p = 0; p < len; ++p)
		if (terms[p].level >= 0)
			last = p;
	return last;
}

/* The single must-write of array a in group g, or -1 (none, several, a
 * may-write, or an access outside the group or in a compound statement).
 */
static int lf_contract_writer(__isl_keep struct lf_plan *plan, int g, int a)
{
	struct lf_run *run = plan->run;
	int i, w = -1;

	for (i = 0; i < run->n_access; ++i) {
		struct lf_access *acc = &run->accesses[i];
		struct lf_stmt *stmt = &run->stmts[acc->stmt];

		if (acc->array != a)
			continue;
		if (plan->group[stmt->nest][0] != g || stmt->is_compound ||
		    acc->kind == LF_ACCESS_MAY_WRITE)
			return -1;
		if (acc->kind != LF_ACCESS_MUST_WRITE)
			continue;
		if (w >= 0)
			return -1;
		w = i;
	}
	return w;
}

static int lf_contract_reads_ok(__isl_keep struct lf_plan *plan,
	__isl_keep struct lf_deps *deps, int g, int a, int w)
{
	struct lf_run *run = plan->run;
	int len = lf_plan_sched_len(plan);
	isl_union_map *sched = lf_plan_schedule(plan, g);
	int last = lf_contract_last_loop(plan, w, len);
	int i, ok = sched ? 1 : -1;

	for (i = 0; i < run->n_access && ok == 1; ++i)
		if (run->accesses[i].array == a &&
		    run->accesses[i].kind == LF_ACCESS_READ)
			ok = lf_contract_same_iteration(run, deps, sched, last,
							w, i);
	isl_union_map_free(sched);
	return ok;
}

/* Can array a of the run be contracted to a scalar in group g?
 * Returns 1 (with the byte range of its dimensions), 0 or -1.
 */
static int lf_contract_array(__isl_keep struct lf_plan *plan,
	__isl_keep struct lf_deps *deps, int g, int a, struct lf_contraction *c)
{
	struct lf_run *run = plan->run;
	struct lf_array *array = &run->arrays[a];
	int first = 0, w, r;

	lf_plan_group_size(plan, g, &first);
	if (array->origin != LF_ARRAY_LOCAL || array->n_dim == 0 ||
	    array->dims.end <= array->dims.begin ||
	    array->decl.offset >= run->nests[first].begin)
		return 0;
	r = lf_contract_only_here(plan, g, a);
	if (r <= 0)
		return r;
	c->dims_begin = array->dims.begin;
	c->dims_end = array->dims.end;
	w = lf_contract_writer(plan, g, a);
	if (w < 0)
		return 0;
	c->array = a;
	return lf_contract_reads_ok(plan, deps, g, a, w);
}

/* The arrays of group g that become scalars; *list gets them (malloc'd,
 * possibly NULL when there are none).  Returns their number or -1.
 * A group whose statements run one after another inside each tile
 * (rtile) has none: a value written for one element of the tile would
 * be overwritten by the next element's before it is read.
 */
int lf_contract_group(__isl_keep struct lf_plan *plan,
	__isl_keep struct lf_deps *deps, int g, struct lf_contraction **list)
{
	struct lf_run *run = plan->run;
	struct lf_contraction c;
	int a, n = 0, r;

	*list = NULL;
	if (plan->rtile[g])
		return 0;
	for (a = 0; a < run->n_array; ++a) {
		r = lf_contract_array(plan, deps, g, a, &c);
		if (r < 0) {
			free(*list);
			*list = NULL;
			return -1;
		}
		if (!r)
			continue;
		if (LF_GROW(*list, n) < 0) {
			free(*list);
			*list = NULL;
			return -1;
		}
		(*list)[n++] = c;
	}
	return n;
}
