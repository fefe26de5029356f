/* SPDX-License-Identifier: MIT */
#include <stdlib.h>
#include <string.h>

#include <isl/id.h>
#include <isl/map.h>
#include <isl/space.h>
#include <isl/union_set.h>

#include "lf_legality.h"

/* Legality of a schedule of a run: every dependence must go forward in
 * the new time order.  All schedules of a run share one range space.
 */

void lf_witness_clear(__isl_keep struct lf_witness *witness)
{
	isl_map_free(witness->dep);
	witness->dep = NULL;
}

/* { time(source) -> time(sink) } for the dependences "dep".
 */
static __isl_give isl_union_map *lf_legality_times(
	__isl_keep isl_union_map *dep, __isl_keep isl_union_map *sched)
{
	isl_union_map *t;

	t = isl_union_map_apply_range(isl_union_map_copy(dep),
				      isl_union_map_copy(sched));
	return isl_union_map_apply_domain(t, isl_union_map_copy(sched));
}

/* Is every pair in "times" strictly increasing?
 */
static isl_bool lf_legality_forward(__isl_take isl_union_map *times)
{
	isl_bool empty = isl_union_map_is_empty(times);
	isl_map *map, *lt;
	isl_bool ok;

	if (empty < 0 || empty) {
		isl_union_map_free(times);
		return empty < 0 ? isl_bool_error : isl_bool_true;
	}
	map = isl_map_from_union_map(times);
	lt = isl_map_lex_lt(isl_space_range(isl_map_get_space(map)));
	ok = isl_map_is_subset(map, lt);
	isl_map_free(map);
	isl_map_free(lt);
	return ok;
}

static int lf_legality_access_id(__isl_keep isl_space *wrapped)
{
	isl_space *space = isl_space_unwrap(isl_space_copy(wrapped));
	const char *name = isl_space_get_tuple_name(space, isl_dim_out);
	int id = name && name[0] == 'R' ? atoi(name + 1) : -1;

	isl_space_free(space);
	return id;
}

/* The dependences of "dep" with an end in "focus" (all if focus is
 * NULL).
 */
static __isl_give isl_union_map *lf_legality_focus(
	__isl_keep isl_union_map *dep, __isl_keep isl_union_set *focus)
{
	isl_union_map *from, *to;

	if (!focus)
		return isl_union_map_copy(dep);
	from = isl_union_map_intersect_domain(isl_union_map_copy(dep),
					      isl_union_set_copy(focus));
	to = isl_union_map_intersect_range(isl_union_map_copy(dep),
					   isl_union_set_copy(focus));
	return isl_union_map_union(from, to);
}

struct lf_legality_find {
	isl_union_set *focus;
	isl_union_map *sched;
	struct lf_witness *witness;
	int found;
};

/* The pairs of one tagged dependence map that do not go forward in
 * time; the first map that has any becomes the witness, which stops
 * the walk.
 */
static isl_stat lf_legality_find_map(__isl_take isl_map *tagged, void *user)
{
	struct lf_legality_find *find = user;
	isl_space *space = isl_map_get_space(tagged);
	isl_union_map *dep, *t_src, *t_dst, *back;
	isl_space *dom, *ran;
	isl_bool empty;

	dep = isl_union_map_from_map(tagged);
	dep = isl_union_map_domain_factor_domain(dep);
	dep = isl_union_map_range_factor_domain(dep);
	if (find->focus) {
		isl_union_map *all = dep;

		dep = lf_legality_focus(all, find->focus);
		isl_union_map_free(all);
	}
	t_src = isl_union_map_intersect_domain(isl_union_map_copy(find->sched),
		isl_union_map_domain(isl_union_map_copy(dep)));
	t_dst = isl_union_map_intersect_domain(isl_union_map_copy(find->sched),
		isl_union_map_range(isl_union_map_copy(dep)));
	back = isl_union_map_lex_ge_union_map(t_src, t_dst);
	back = isl_union_map_intersect(back, dep);
	empty = isl_union_map_is_empty(back);
	if (empty == isl_bool_false) {
		dom = isl_space_domain(isl_space_copy(space));
		ran = isl_space_range(isl_space_copy(space));
		find->witness->source = lf_legality_access_id(dom);
		find->witness->sink = lf_legality_access_id(ran);
		isl_space_free(dom);
		isl_space_free(ran);
		find->witness->dep = isl_map_from_union_map(back);
		back = NULL;
		find->found = 1;
	}
	isl_union_map_free(back);
	isl_space_free(space);
	if (empty < 0 || find->found)
		return isl_stat_error;
	return isl_stat_ok;
}

/* Put in *witness a dependence of kind "kind" among "tagged" that
 * "sched" breaks, with an end in "focus" (anywhere if NULL).  Returns 1
 * if one was found, 0 if none, -1 on error.
 */
static int lf_legality_witness(__isl_keep isl_union_map *tagged,
	enum lf_dep_kind kind, __isl_keep isl_union_map *sched,
	__isl_keep isl_union_set *focus, struct lf_witness *witness)
{
	struct lf_legality_find find = { focus, sched, witness, 0 };
	isl_stat r;

	witness->kind = kind;
	witness->dep = NULL;
	r = isl_union_map_foreach_map(tagged, &lf_legality_find_map, &find);
	if (find.found)
		return 1;
	return r < 0 ? -1 : 0;
}

/* Does "sched" keep every dependence of the tagged relation "tagged"
 * (of kind "kind") in order?  Returns 1 if so, 0 if not, with a broken
 * one in *witness, and -1 on error.
 */
int lf_legality_check_tagged(__isl_keep isl_union_map *tagged,
	enum lf_dep_kind kind, __isl_keep isl_union_map *sched,
	struct lf_witness *witness)
{
	int r = lf_legality_witness(tagged, kind, sched, NULL, witness);

	return r < 0 ? -1 : !r;
}

/* Does "sched" (statement instances to time) respect every dependence
 * that has an end in "focus" (every dependence if focus is NULL)?
 * Returns 1 if so, 0 if not (then a violated dependence is put in
 * *witness, if witness is not NULL) and -1 on error.
 */
int lf_legality_check_focus(__isl_keep struct lf_deps *deps,
	__isl_keep isl_union_map *sched, __isl_keep isl_union_set *focus,
	struct lf_witness *witness)
{
	int k;

	for (k = 0; k < LF_DEP_N; ++k) {
		isl_union_map *dep;
		isl_bool ok;

		dep = lf_legality_focus(deps->untagged[k], focus);
		ok = lf_legality_forward(lf_legality_times(dep, sched));
		isl_union_map_free(dep);
		if (ok < 0)
			return -1;
		if (ok)
			continue;
		if (witness && lf_legality_witness(deps->tagged[k], k, sched,
						   focus, witness) < 0)
			return -1;
		return 0;
	}
	return 1;
}

int lf_legality_check(__isl_keep struct lf_deps *deps,
	__isl_keep isl_union_map *sched, struct lf_witness *witness)
{
	return lf_legality_check_focus(deps, sched, NULL, witness);
}

/* Are the n schedule dimensions "dims" (increasing positions, the
 * dimensions between them equal for every pair of statements that they
 * order) a permutable band, so that tiling them is legal?  That is,
 * does every dependence that is not carried before dims[0] have a
 * non-negative distance in each of them?
 */
int lf_legality_permutable(__isl_keep struct lf_deps *deps,
	__isl_keep isl_union_map *sched, const int *dims, int n)
{
	int k, i;

	for (k = 0; k < LF_DEP_N; ++k) {
		isl_union_map *times;
		isl_map *map;
		isl_bool empty;

		times = lf_legality_times(deps->untagged[k], sched);
		empty = isl_union_map_is_empty(times);
		if (empty < 0 || empty) {
			isl_union_map_free(times);
			if (empty < 0)
				return -1;
			continue;
		}
		map = isl_map_from_union_map(times);
		for (i = 0; i < dims[0]; ++i)
			map = isl_map_equate(map, isl_dim_in, i, isl_dim_out, i);
		for (i = 0; i < n; ++i) {
			isl_map *back = isl_map_copy(map);

			back = isl_map_order_lt(back, isl_dim_out, dims[i],
						isl_dim_in, dims[i]);
			empty = isl_map_is_empty(back);
			isl_map_free(back);
			if (empty < 0 || !empty)
				break;
		}
		isl_map_free(map);
		if (empty < 0)
			return -1;
		if (!empty)
			return 0;
	}
	return 1;
}
