/* SPDX-License-Identifier: MIT */
#include <stdlib.h>
#include <string.h>

#include <isl/map.h>
#include <isl/space.h>
#include <isl/union_map.h>

#include "lf_audit.h"
#include "lf_check.h"
#include "lf_grow.h"

/* A fusion group for the audit (and for --explain): its nests, loops,
 * tiling and shifts, and the dependences between its nests that the
 * fused order keeps.
 */

void lf_audit_group_clear(__isl_keep struct lf_audit_group *group)
{
	int i;

	for (i = 0; i < group->n_dep; ++i)
		lf_audit_dep_clear(&group->deps[i]);
	free(group->deps);
	lf_audit_strs_free(group->iters, group->depth);
	for (i = 0; group->members && i < group->n; ++i)
		lf_audit_strs_free(group->members[i].iters, group->depth);
	free(group->members);
	free(group->rtile_iter);
	free(group->shift);
	lf_check_names_free(group->apart, group->n_apart);
	lf_audit_strs_free(group->calls, group->n_call);
	memset(group, 0, sizeof(*group));
}

void lf_audit_group_free(__isl_take struct lf_audit_group *group)
{
	if (!group)
		return;
	lf_audit_group_clear(group);
	free(group);
}

/* The number of loops nests a and b of one group share in "plan".
 */
static int lf_audit_plan_shared(__isl_keep struct lf_plan *plan, int a, int b)
{
	int l, n = 0;

	if (plan->group[a][0] != plan->group[b][0])
		return 0;
	for (l = 0; l < plan->levels[a] && l < plan->levels[b]; ++l) {
		if (l > 0 && plan->group[a][l] != plan->group[b][l])
			break;
		n = l + 1;
	}
	return n;
}

struct lf_audit_collect {
	struct lf_run *run;
	struct lf_plan *plan;
	int g;
	enum lf_dep_kind kind;
	struct lf_audit_group *group;
};

/* The access id of a tagged tuple [S<i>[..] -> R<k>[]].
 */
static int lf_audit_tag_access(__isl_take isl_space *wrapped)
{
	isl_space *space = isl_space_unwrap(wrapped);
	const char *name = isl_space_get_tuple_name(space, isl_dim_out);
	int id = name && name[0] == 'R' ? atoi(name + 1) : -1;

	isl_space_free(space);
	return id;
}

static int lf_audit_group_add(__isl_keep struct lf_audit_collect *c, int src,
	int dst, __isl_keep isl_map *map)
{
	struct lf_run *run = c->run;
	struct lf_audit_group *group = c->group;
	struct lf_stmt *s = &run->stmts[run->accesses[src].stmt];
	struct lf_stmt *d = &run->stmts[run->accesses[dst].stmt];
	struct lf_audit_dep *dep;
	int n = lf_audit_plan_shared(c->plan, s->nest, d->nest);

	if (LF_GROW(group->deps, group->n_dep) < 0)
		return -1;
	dep = &group->deps[group->n_dep++];
	if (lf_audit_dep_init(dep, run, c->kind, src, dst, map, 0) < 0 ||
	    lf_audit_dep_distance(dep, run, c->plan, s, d, map, n) < 0)
		return -1;
	dep->phases = c->plan->rtile[c->g] != 0;
	return 0;
}

/* Keep the dependence "tagged" if it goes from one nest of the group
 * to another.
 */
static isl_stat lf_audit_collect_map(__isl_take isl_map *tagged, void *user)
{
	struct lf_audit_collect *c = user;
	struct lf_run *run = c->run;
	isl_space *space = isl_map_get_space(tagged);
	int src, dst, a, b, r = 0;
	isl_map *map;

	src = lf_audit_tag_access(isl_space_domain(isl_space_copy(space)));
	dst = lf_audit_tag_access(isl_space_range(space));
	if (src < 0 || dst < 0 || src >= run->n_access ||
	    dst >= run->n_access) {
		isl_map_free(tagged);
		return isl_stat_error;
	}
	a = run->stmts[run->accesses[src].stmt].nest;
	b = run->stmts[run->accesses[dst].stmt].nest;
	if (a == b || c->plan->group[a][0] != c->g ||
	    c->plan->group[b][0] != c->g) {
		isl_map_free(tagged);
		return isl_stat_ok;
	}
	map = isl_map_range_factor_domain(isl_map_domain_factor_domain(
		tagged));
	r = map ? lf_audit_group_add(c, src, dst, map) : -1;
	isl_map_free(map);
	return r < 0 ? isl_stat_error : isl_stat_ok;
}

static int lf_audit_group_collect(__isl_keep struct lf_audit_group *group,
	__isl_keep struct lf_run *run, __isl_keep struct lf_deps *deps,
	__isl_keep struct lf_plan *plan, int g)
{
	struct lf_audit_collect c = { run, plan, g, LF_DEP_FLOW, group };
	int k;

	for (k = 0; k < LF_DEP_N; ++k) {
		c.kind = k;
		if (isl_union_map_foreach_map(deps->tagged[k],
					      &lf_audit_collect_map, &c) < 0)
			return -1;
	}
	return 0;
}

static int lf_audit_group_layout(__isl_keep struct lf_audit_group *group,
	__isl_keep struct lf_run *run, __isl_keep struct lf_plan *plan, int g)
{
	struct lf_stmt *stmt;
	int i, l;

	group->n = lf_plan_group_size(plan, g, &group->first);
	group->loc = run->nests[group->first].loc;
	group->depth = plan->band[g];
	group->tiled = plan->tiled[g];
	for (l = 0; group->tiled && l < group->depth; ++l)
		group->tile_sizes[l] = plan->tiles[g][l];
	group->iters = calloc(group->depth + 1, sizeof(char *));
	group->shift = calloc(group->n, sizeof(*group->shift));
	if (!group->iters || !group->shift)
		return -1;
	stmt = &run->stmts[run->nests[group->first].first_stmt];
	for (l = 0; l < group->depth; ++l) {
		group->iters[l] = strdup(run->loops[stmt->loops[l]].iter);
		if (!group->iters[l])
			return -1;
	}
	for (i = 0; i < group->n; ++i)
		for (l = 0; l < group->depth; ++l)
			group->shift[i][l] = plan->shift[group->first + i][l];
	group->sink = plan->sink[g];
	group->rtile = plan->rtile[g];
	if (lf_plan_rtile_iter(plan, g)) {
		group->rtile_iter = strdup(lf_plan_rtile_iter(plan, g));
		if (!group->rtile_iter)
			return -1;
	}
	return 0;
}

/* Where each nest of the group is, and its first statement's iterators
 * of the shared loops.
 */
static int lf_audit_group_members(__isl_keep struct lf_audit_group *group,
	__isl_keep struct lf_run *run)
{
	int i, l;

	group->members = calloc(group->n, sizeof(*group->members));
	if (!group->members)
		return -1;
	for (i = 0; i < group->n; ++i) {
		struct lf_nest *nest = &run->nests[group->first + i];
		struct lf_stmt *stmt = &run->stmts[nest->first_stmt];
		struct lf_audit_member *m = &group->members[i];

		m->loc = nest->loc;
		m->end_loc = nest->end_loc;
		m->iters = calloc(group->depth + 1, sizeof(char *));
		if (!m->iters)
			return -1;
		for (l = 0; l < group->depth && l < stmt->depth; ++l) {
			m->iters[l] = strdup(run->loops[stmt->loops[l]].iter);
			if (!m->iters[l])
				return -1;
		}
	}
	return 0;
}

/* The dependences of a group could not all be described (isl ran out
 * of its budget): list none.
 */
static void lf_audit_group_drop_deps(__isl_keep struct lf_audit_group *group,
	__isl_keep struct lf_run *run)
{
	int i;

	isl_ctx_reset_error(isl_set_get_ctx(run->context));
	for (i = 0; i < group->n_dep; ++i)
		lf_audit_dep_clear(&group->deps[i]);
	free(group->deps);
	group->deps = NULL;
	group->n_dep = 0;
	group->incomplete = 1;
}

/* Describe top-level group g of "plan": its nests, loops, tiling and
 * the dependences between its nests that the fused order keeps.
 * Nest indices are those of the run.
 */
int lf_audit_group_init(struct lf_audit_group *group,
	__isl_keep struct lf_run *run, __isl_keep struct lf_deps *deps,
	__isl_keep struct lf_plan *plan, int g)
{
	memset(group, 0, sizeof(*group));
	if (lf_audit_group_layout(group, run, plan, g) < 0 ||
	    lf_audit_group_members(group, run) < 0)
		return -1;
	if (lf_audit_group_collect(group, run, deps, plan, g) < 0)
		lf_audit_group_drop_deps(group, run);
	return 0;
}

