/* SPDX-License-Identifier: MIT */
#include <stdio.h>
#include <stdlib.h>

#include <isl/flow.h>
#include <isl/id.h>
#include <isl/map.h>
#include <isl/set.h>
#include <isl/space.h>
#include <isl/union_set.h>

#include "lf_deps.h"
#include "lf_sched.h"

/* The original schedule of the run: nests in order, each in its source
 * order.
 */
__isl_give isl_union_map *lf_deps_original_schedule(
	__isl_keep struct lf_run *run)
{
	int n = 2 * lf_sched_max_depth(run) + 1;
	struct lf_term terms[LF_SCHED_MAX_LEN];
	isl_union_map *sched;
	int i;

	sched = isl_union_map_empty(isl_set_get_space(run->context));
	for (i = 0; i < run->n_stmt; ++i) {
		lf_sched_original_terms(&run->stmts[i], run, terms, n);
		sched = isl_union_map_add_map(sched,
			lf_sched_stmt_map(&run->stmts[i], terms, n));
	}
	return sched;
}

/* { [S[i] -> R<k>[]] -> S[i] } for access k.
 */
static __isl_give isl_map *lf_deps_untag(__isl_keep struct lf_access *acc)
{
	char name[32];
	isl_set *dom = isl_map_domain(isl_map_copy(acc->rel));
	isl_space *space;
	isl_map *tag;

	snprintf(name, sizeof(name), "R%d", acc->id);
	space = isl_space_set_alloc(isl_map_get_ctx(acc->rel), 0, 0);
	space = isl_space_set_tuple_name(space, isl_dim_set, name);
	tag = isl_map_from_domain_and_range(dom, isl_set_universe(space));
	return isl_map_domain_map(tag);
}

struct lf_tagged {
	isl_union_map *reads;
	isl_union_map *must_writes;
	isl_union_map *may_writes;
	isl_union_map *schedule;
};

static void lf_tagged_clear(__isl_keep struct lf_tagged *t)
{
	isl_union_map_free(t->reads);
	isl_union_map_free(t->must_writes);
	isl_union_map_free(t->may_writes);
	isl_union_map_free(t->schedule);
}

/* The accesses and the schedule of every access instance, tagged, under
 * the run's context: sizes named by macros are known, which keeps the
 * dataflow analysis small.
 */
static int lf_tagged_build(__isl_keep struct lf_run *run,
	__isl_keep isl_union_map *sched, struct lf_tagged *t)
{
	isl_space *space = isl_set_get_space(run->context);
	int i;

	t->reads = isl_union_map_empty(isl_space_copy(space));
	t->must_writes = isl_union_map_empty(isl_space_copy(space));
	t->may_writes = isl_union_map_empty(isl_space_copy(space));
	t->schedule = isl_union_map_empty(space);
	for (i = 0; i < run->n_access; ++i) {
		struct lf_access *acc = &run->accesses[i];
		isl_map *untag = lf_deps_untag(acc);
		isl_union_map *u = isl_union_map_from_map(isl_map_copy(untag));
		isl_map *tagged;

		tagged = isl_map_apply_range(untag, isl_map_copy(acc->rel));
		t->schedule = isl_union_map_union(t->schedule,
			isl_union_map_apply_range(u,
				isl_union_map_copy(sched)));
		if (acc->kind == LF_ACCESS_READ)
			t->reads = isl_union_map_add_map(t->reads, tagged);
		else if (acc->kind == LF_ACCESS_MUST_WRITE)
			t->must_writes = isl_union_map_add_map(t->must_writes,
							       tagged);
		else
			t->may_writes = isl_union_map_add_map(t->may_writes,
							      tagged);
	}
	t->reads = isl_union_map_coalesce(isl_union_map_intersect_params(
		t->reads, isl_set_copy(run->context)));
	t->must_writes = isl_union_map_coalesce(isl_union_map_intersect_params(
		t->must_writes, isl_set_copy(run->context)));
	t->may_writes = isl_union_map_coalesce(isl_union_map_intersect_params(
		t->may_writes, isl_set_copy(run->context)));
	t->schedule = isl_union_map_coalesce(isl_union_map_intersect_params(
		t->schedule, isl_set_copy(run->context)));
	if (!t->reads || !t->must_writes || !t->may_writes || !t->schedule)
		return -1;
	return 0;
}

static __isl_give isl_union_map *lf_deps_flow(__isl_keep struct lf_tagged *t,
	__isl_take isl_union_map *sink, __isl_take isl_union_map *must,
	__isl_take isl_union_map *may, __isl_take isl_union_map *kill)
{
	isl_union_access_info *info;
	isl_union_flow *flow;
	isl_union_map *dep;

	info = isl_union_access_info_from_sink(sink);
	info = isl_union_access_info_set_must_source(info, must);
	info = isl_union_access_info_set_may_source(info, may);
	if (kill)
		info = isl_union_access_info_set_kill(info, kill);
	info = isl_union_access_info_set_schedule_map(info,
		isl_union_map_copy(t->schedule));
	flow = isl_union_access_info_compute_flow(info);
	dep = isl_union_flow_get_may_dependence(flow);
	isl_union_flow_free(flow);
	return dep;
}

static __isl_give isl_union_map *lf_deps_all_writes(
	__isl_keep struct lf_tagged *t)
{
	return isl_union_map_union(isl_union_map_copy(t->must_writes),
				   isl_union_map_copy(t->may_writes));
}

/* May an array reached through a pointer of unknown target point into
 * "a"?  Not into errno, nor into a local that no pointer can reach.
 */
static int lf_deps_reachable(__isl_keep const struct lf_array *a)
{
	switch (a->origin) {
	case LF_ARRAY_GLOBAL:
	case LF_ARRAY_PARAM_POINTER:
		return 1;
	case LF_ARRAY_ERRNO:
		return 0;
	default:
		return a->any_pointer || a->escaped;
	}
}

/* Is "a" reached through a pointer without restrict (a pointer
 * parameter, member or local pointer), which may point anywhere a
 * pointer reaches?
 */
static int lf_deps_unrestricted(__isl_keep const struct lf_array *a)
{
	return a->origin == LF_ARRAY_PARAM_POINTER && !a->is_restrict;
}

/* May the two arrays share memory?  Pointer parameters without
 * restrict may point into each other and into globals, and globals into
 * each other where the unit gives storage a second name.  Members and
 * local pointers (any_pointer) may point anywhere a pointer reaches.
 */
int lf_deps_may_alias(__isl_keep const struct lf_array *a,
	__isl_keep const struct lf_array *b)
{
	int pa = lf_deps_unrestricted(a);
	int pb = lf_deps_unrestricted(b);

	if (a->any_pointer)
		return lf_deps_reachable(b);
	if (b->any_pointer)
		return lf_deps_reachable(a);
	if (pa && (pb || b->origin == LF_ARRAY_GLOBAL))
		return 1;
	if (a->aliased && b->aliased)
		return 1;
	return pb && a->origin == LF_ARRAY_GLOBAL;
}

/* A size of "run" that a pointer the run writes through may point to:
 * a global, while the run stores through a pointer without restrict
 * (lf_deps_unrestricted).  The analysis takes every size to keep its value, so
 * such a run cannot be analysed.  Returns the size's index and sets
 * *array to the pointer's, or returns -1 if there is none.
 */
int lf_deps_unstable_size(__isl_keep struct lf_run *run, int *array)
{
	int p, i;

	for (p = 0; p < run->n_param; ++p) {
		if (run->params[p].origin != LF_PARAM_GLOBAL)
			continue;
		for (i = 0; i < run->n_access; ++i) {
			struct lf_access *acc = &run->accesses[i];
			struct lf_array *a = &run->arrays[acc->array];

			if (acc->kind != LF_ACCESS_READ &&
			    lf_deps_unrestricted(a)) {
				*array = acc->array;
				return p;
			}
		}
	}
	return -1;
}

/* The tagged instances of access "acc", { [S[i] -> R<k>[]] }.
 */
static __isl_give isl_union_set *lf_deps_tagged_domain(
	__isl_keep struct lf_access *acc)
{
	return isl_union_set_from_set(isl_map_domain(lf_deps_untag(acc)));
}

/* Every ordered pair of accesses to arrays a and b, one of them a
 * write: all conflicts there could be if a and b overlap.
 */
static __isl_give isl_union_map *lf_deps_alias_pair(
	__isl_keep struct lf_run *run, __isl_keep struct lf_tagged *t, int a,
	int b)
{
	isl_union_map *dep = isl_union_map_empty(
		isl_set_get_space(run->context));
	int i, j;

	for (i = 0; i < run->n_access; ++i) {
		struct lf_access *p = &run->accesses[i];

		if (p->array != a)
			continue;
		for (j = 0; j < run->n_access; ++j) {
			struct lf_access *q = &run->accesses[j];
			isl_union_map *sp, *sq;

			if (q->array != b || (p->kind == LF_ACCESS_READ &&
					      q->kind == LF_ACCESS_READ))
				continue;
			sp = isl_union_map_intersect_domain(
				isl_union_map_copy(t->schedule),
				lf_deps_tagged_domain(p));
			sq = isl_union_map_intersect_domain(
				isl_union_map_copy(t->schedule),
				lf_deps_tagged_domain(q));
			dep = isl_union_map_union(dep,
				isl_union_map_lex_lt_union_map(
					isl_union_map_copy(sp),
					isl_union_map_copy(sq)));
			dep = isl_union_map_union(dep,
				isl_union_map_lex_lt_union_map(sq, sp));
		}
	}
	return dep;
}

/* The tagged instances of the accesses to "array", { [S[i] -> R<k>[]] }.
 */
__isl_give isl_union_set *lf_deps_array_tags(struct lf_run *run, int array)
{
	isl_union_set *tags = isl_union_set_empty(
		isl_set_get_space(run->context));
	int i;

	for (i = 0; i < run->n_access; ++i)
		if (run->accesses[i].array == array)
			tags = isl_union_set_union(tags,
				lf_deps_tagged_domain(&run->accesses[i]));
	return tags;
}

/* The conflicts of the pairs of arrays that may share memory: those
 * that a check may show apart in *checked, the others returned, as
 * "alias" says (see lf_deps.h).
 */
static __isl_give isl_union_map *lf_deps_alias(struct lf_run *run,
	struct lf_tagged *t, enum lf_alias alias, const int *checkable,
	isl_union_map **checked)
{
	isl_space *space = isl_set_get_space(run->context);
	isl_union_map *dep = isl_union_map_empty(isl_space_copy(space));
	int a, b, by_check;

	*checked = isl_union_map_empty(space);
	for (a = 0; a < run->n_array; ++a)
		for (b = a + 1; b < run->n_array; ++b) {
			isl_union_map *pair;

			if (!lf_deps_may_alias(&run->arrays[a],
					       &run->arrays[b]))
				continue;
			if (alias == LF_ALIAS_NONE &&
			    !run->arrays[a].any_pointer &&
			    !run->arrays[b].any_pointer)
				continue;
			pair = lf_deps_alias_pair(run, t, a, b);
			by_check = alias == LF_ALIAS_CHECKED && checkable &&
				   checkable[a] && checkable[b];
			if (by_check)
				*checked = isl_union_map_union(*checked, pair);
			else
				dep = isl_union_map_union(dep, pair);
		}
	return dep;
}

static __isl_give isl_union_map *lf_deps_untag_map(
	__isl_keep isl_union_map *tagged)
{
	isl_union_map *u = isl_union_map_copy(tagged);

	u = isl_union_map_domain_factor_domain(u);
	return isl_union_map_range_factor_domain(u);
}

void lf_deps_free(__isl_take struct lf_deps *deps)
{
	int k;

	if (!deps)
		return;
	for (k = 0; k < LF_DEP_N; ++k) {
		isl_union_map_free(deps->tagged[k]);
		isl_union_map_free(deps->untagged[k]);
	}
	isl_union_map_free(deps->checked);
	isl_union_map_free(deps->schedule);
	isl_union_map_free(deps->tagged_schedule);
	free(deps);
}

/* Compute the dependences of the run in its original order, with the
 * arrays that may share memory treated as "alias" says; checkable, if
 * not NULL, marks the arrays a run-time check can tell apart.
 */
struct lf_deps *lf_deps_compute(struct lf_run *run, enum lf_alias alias,
	const int *checkable)
{
	struct lf_deps *deps = calloc(1, sizeof(*deps));
	struct lf_tagged t = { NULL, NULL, NULL, NULL };
	int k, ok = 1;

	if (!deps)
		return NULL;
	deps->schedule = lf_deps_original_schedule(run);
	if (!deps->schedule || lf_tagged_build(run, deps->schedule, &t) < 0) {
		lf_tagged_clear(&t);
		lf_deps_free(deps);
		return NULL;
	}
	deps->tagged[LF_DEP_FLOW] = lf_deps_flow(&t,
		isl_union_map_copy(t.reads), isl_union_map_copy(t.must_writes),
		isl_union_map_copy(t.may_writes), NULL);
	deps->tagged[LF_DEP_OUTPUT] = lf_deps_flow(&t, lf_deps_all_writes(&t),
		isl_union_map_copy(t.must_writes),
		isl_union_map_copy(t.may_writes), NULL);
	deps->tagged[LF_DEP_ANTI] = lf_deps_flow(&t, lf_deps_all_writes(&t),
		isl_union_map_empty(isl_set_get_space(run->context)),
		isl_union_map_copy(t.reads),
		isl_union_map_copy(t.must_writes));
	deps->tagged[LF_DEP_ALIAS] = lf_deps_alias(run, &t, alias, checkable,
						   &deps->checked);
	deps->checked = isl_union_map_intersect_params(deps->checked,
		isl_set_copy(run->context));
	if (!deps->checked)
		ok = 0;
	for (k = 0; k < LF_DEP_N; ++k) {
		deps->tagged[k] = isl_union_map_intersect_params(
			deps->tagged[k], isl_set_copy(run->context));
		deps->untagged[k] = lf_deps_untag_map(deps->tagged[k]);
		if (!deps->untagged[k])
			ok = 0;
	}
	deps->tagged_schedule = t.schedule;
	t.schedule = NULL;
	lf_tagged_clear(&t);
	if (!ok) {
		lf_deps_free(deps);
		return NULL;
	}
	return deps;
}
