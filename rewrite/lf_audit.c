/* SPDX-License-Identifier: MIT */
#include <stdlib.h>
#include <string.h>

#include <isl/ctx.h>
#include <isl/set.h>
#include <isl/union_map.h>
#include <isl/union_set.h>

#include "lf_audit.h"
#include "lf_driver.h"
#include "lf_grow.h"

/* The audit asks the same questions as the planner, one pair of nests
 * at a time, and records every answer with its kind of reason and the
 * locations a reader needs to act on it.
 */

void lf_audit_pair_clear(__isl_keep struct lf_audit_pair *pair)
{
	lf_reason_free(pair->plan_reason);
	lf_check_names_free(pair->apart, pair->n_apart);
	lf_audit_reason_clear(&pair->reason);
	if (pair->limit)
		lf_audit_reason_clear(pair->limit);
	free(pair->limit);
	memset(pair, 0, sizeof(*pair));
}

void lf_audit_nest_clear(__isl_keep struct lf_audit_nest *nest)
{
	free(nest->call);
	lf_audit_strs_free(nest->iters, nest->perfect);
	lf_audit_reason_clear(&nest->reason);
	memset(nest, 0, sizeof(*nest));
}

void lf_audit_function_clear(__isl_keep struct lf_audit_function *fn)
{
	int i;

	free(fn->name);
	for (i = 0; i < fn->n_nest; ++i)
		lf_audit_nest_clear(&fn->nests[i]);
	free(fn->nests);
	for (i = 0; i < fn->n_pair; ++i)
		lf_audit_pair_clear(&fn->pairs[i]);
	free(fn->pairs);
	for (i = 0; i < fn->n_group; ++i)
		lf_audit_group_clear(&fn->groups[i]);
	free(fn->groups);
}

void lf_audit_free(__isl_take struct lf_audit *audit)
{
	int i;

	if (!audit)
		return;
	for (i = 0; i < audit->n_function; ++i)
		lf_audit_function_clear(&audit->functions[i]);
	free(audit->functions);
	free(audit->path);
	free(audit);
}

/* Pairs of nests. */

/* A reason of kind "why" at "loc".
 */
static int lf_audit_reason_why(__isl_keep struct lf_audit_reason *reason,
	enum lf_why why, struct lf_loc loc)
{
	reason->reason = lf_reason_alloc(why, loc, NULL, NULL);
	return reason->reason ? 0 : -1;
}

/* The kind of reason a dependence of kind "kind" gives.
 */
static enum lf_why lf_audit_dep_why(enum lf_dep_kind kind)
{
	switch (kind) {
	case LF_DEP_FLOW: return LF_WHY_DEP_FLOW;
	case LF_DEP_ANTI: return LF_WHY_DEP_ANTI;
	case LF_DEP_OUTPUT: return LF_WHY_DEP_OUTPUT;
	default: return LF_WHY_MAY_ALIAS;
	}
}

/* The reason for a dependence that a fusion breaks; "shifted" says that
 * it is broken without the shift (rather than after fusion).
 */
static int lf_audit_reason_dep(__isl_keep struct lf_audit_reason *reason,
	__isl_keep struct lf_run *run, __isl_keep struct lf_witness *witness,
	int base, int shifted)
{
	struct lf_audit_dep *dep = &reason->dep;

	reason->has_dep = 1;
	reason->shifted = shifted;
	if (lf_audit_dep_init(dep, run, witness->kind, witness->source,
			      witness->sink, witness->dep, base) < 0)
		return -1;
	return lf_audit_reason_why(reason, lf_audit_dep_why(witness->kind),
				   dep->sink.loc);
}

/* The analysis of a run ran out of its budget or failed.
 */
static int lf_audit_reason_failed(__isl_keep struct lf_audit_reason *reason,
	__isl_keep struct lf_run *run)
{
	isl_ctx *ctx = isl_set_get_ctx(run->context);
	int quota = isl_ctx_last_error(ctx) == isl_error_quota;

	isl_ctx_reset_error(ctx);
	return lf_audit_reason_why(reason, quota ? LF_WHY_TOO_COMPLEX :
				   LF_WHY_FAILED, run->loc);
}

static int lf_audit_dir(__isl_keep struct lf_run *run, int n, int level)
{
	struct lf_stmt *stmt = &run->stmts[run->nests[n].first_stmt];

	return run->loops[stmt->loops[level]].dir;
}

static int lf_audit_reason_mismatch(__isl_keep struct lf_audit_reason *reason,
	__isl_keep struct lf_run *run, int k, int level)
{
	struct lf_nest *b = &run->nests[k];

	if (run->nests[k - 1].perfect_depth <= level ||
	    b->perfect_depth <= level)
		return lf_audit_reason_why(reason, LF_WHY_EMPTY_NEST, b->loc);
	if (lf_audit_reason_why(reason, LF_WHY_DIRECTION, b->loc) < 0)
		return -1;
	reason->reason->n0 = level + 1;
	reason->reason->n1 = b->loc.line;
	return 0;
}

static __isl_give isl_union_set *lf_audit_nest_domains(
	__isl_keep struct lf_run *run, int k)
{
	struct lf_nest *nest = &run->nests[k];
	isl_union_set *dom;
	int i;

	dom = isl_union_set_empty(isl_set_get_space(run->context));
	for (i = nest->first_stmt; i < nest->first_stmt + nest->n_stmt; ++i)
		dom = isl_union_set_add_set(dom,
			isl_set_copy(run->stmts[i].domain));
	return dom;
}

/* Can nests k - 1 and k share their outer d loops, nest k shifted by
 * "shift"?  Returns 1 if so, 0 if not (with the dependence that forbids
 * it in *witness, unless witness is NULL) and -1 on error.
 */
static int lf_audit_pair_check(__isl_keep struct lf_run *run,
	__isl_keep struct lf_deps *deps, int k, int d, const int *shift,
	struct lf_witness *witness)
{
	isl_union_map *sched = lf_plan_pair_schedule(run, k, d, shift, NULL);
	isl_union_set *focus = lf_audit_nest_domains(run, k);
	int r;

	isl_ctx_reset_operations(isl_set_get_ctx(run->context));
	r = sched && focus ? lf_legality_check_focus(deps, sched, focus,
						     witness) : -1;
	isl_union_set_free(focus);
	isl_union_map_free(sched);
	return r;
}

/* Why the pair, nest k shifted by "shift", cannot share loop "level"
 * (0-based), the first one it does not share: into *reason.  Returns 1
 * if a reason was found.
 */
static int lf_audit_pair_limit(__isl_keep struct lf_audit_reason *reason,
	__isl_keep struct lf_run *run, __isl_keep struct lf_deps *deps, int k,
	int level, const int *shift, int base, int shifted)
{
	struct lf_witness witness = { LF_DEP_FLOW, -1, -1, NULL };
	int r;

	if (lf_audit_dir(run, k - 1, level) != lf_audit_dir(run, k, level))
		return lf_audit_reason_mismatch(reason, run, k, level) < 0 ?
			-1 : 1;
	r = lf_audit_pair_check(run, deps, k, level + 1, shift, &witness);
	if (r < 0) {
		lf_witness_clear(&witness);
		return lf_audit_reason_failed(reason, run) < 0 ? -1 : 1;
	}
	if (r == 1 || !witness.dep) {
		lf_witness_clear(&witness);
		return 0;
	}
	r = lf_audit_reason_dep(reason, run, &witness, base, shifted);
	lf_witness_clear(&witness);
	return r < 0 ? -1 : 1;
}

/* Why nests k - 1 and k of "run" are not both modeled, if they are not.
 */
static int lf_audit_pair_opaque(__isl_keep struct lf_audit_pair *pair,
	__isl_keep struct lf_run *run, int k)
{
	struct lf_nest *a = &run->nests[k - 1], *b = &run->nests[k];
	struct lf_nest *opaque = b->opaque ? b : a;

	if (!opaque->opaque)
		return 0;
	pair->verdict = LF_VERDICT_NOT_ANALYSABLE;
	pair->reason.where = opaque == a ? 1 : 2;
	pair->reason.reason = lf_reason_copy(opaque->opaque);
	return pair->reason.reason ? 1 : -1;
}

/* Can nest k share loop "level" with nest k - 1 if it runs behind by
 * a shift of at least "from", and at most the planner's limit?  Sets
 * shift[level] to the smallest that works and returns 1, or returns 0
 * (or -1 on error).
 */
static int lf_audit_try_shift(__isl_keep struct lf_run *run,
	__isl_keep struct lf_deps *deps, int k, int level, int from, int *shift)
{
	int r = 0;

	for (shift[level] = from; shift[level] <= LF_PLAN_MAX_SHIFT;
	     ++shift[level]) {
		r = lf_audit_pair_check(run, deps, k, level + 1, shift, NULL);
		if (r != 0)
			return r;
	}
	shift[level] = 0;
	return 0;
}

/* Share more loops than lf_plan_pair found, shifting nest k where that
 * makes it legal (lf_plan_pair found the first loop it does not share
 * illegal without a shift).  Returns the first level that needs a
 * shift, or -1 if none does (or on error, which leaves the depth where
 * it is).
 */
static int lf_audit_pair_deepen(__isl_keep struct lf_audit_pair *pair,
	__isl_keep struct lf_run *run, __isl_keep struct lf_deps *deps, int k)
{
	int l, r, first = -1;

	for (l = pair->depth; l < pair->max_depth; ++l) {
		if (lf_audit_dir(run, k - 1, l) != lf_audit_dir(run, k, l))
			break;
		r = lf_audit_try_shift(run, deps, k, l, first < 0 ? 1 : 0,
				       pair->shift);
		if (r <= 0)
			break;
		if (first < 0)
			first = l;
		pair->depth = l + 1;
	}
	isl_ctx_reset_error(isl_set_get_ctx(run->context));
	return first;
}

/* Is the band of the pair's "depth" shared loops, shifted as found,
 * permutable?
 */
static int lf_audit_pair_tilable(__isl_keep struct lf_audit_pair *pair,
	__isl_keep struct lf_run *run, __isl_keep struct lf_deps *deps, int k)
{
	isl_union_map *sched;
	int r, dims[LF_MAX_DEPTH];

	if (pair->depth < 2)
		return 0;
	sched = lf_plan_pair_schedule(run, k, pair->depth, pair->shift, dims);
	isl_ctx_reset_operations(isl_set_get_ctx(run->context));
	r = sched ? lf_legality_permutable(deps, sched, dims, pair->depth) :
		-1;
	isl_union_map_free(sched);
	if (r < 0)
		isl_ctx_reset_error(isl_set_get_ctx(run->context));
	return r > 0;
}

/* The pair shares its loops only with nest k shifted, the first time
 * at loop "level": why the shift is needed.
 */
static int lf_audit_pair_shifted(__isl_keep struct lf_audit_pair *pair,
	__isl_keep struct lf_run *run, __isl_keep struct lf_deps *deps, int k,
	int level, int base)
{
	int shift[LF_MAX_DEPTH] = { 0 };
	int r;

	pair->verdict = LF_VERDICT_FUSABLE_SHIFT;
	pair->tilable = lf_audit_pair_tilable(pair, run, deps, k);
	r = lf_audit_pair_limit(&pair->reason, run, deps, k, level, shift,
				base, 1);
	if (r == 0)
		r = lf_audit_reason_why(&pair->reason, LF_WHY_BEHIND,
					run->nests[k].loc);
	return r < 0 ? -1 : 0;
}

/* The verdict when the pair on its own cannot share any loop.
 */
static int lf_audit_pair_refused(__isl_keep struct lf_audit_pair *pair,
	__isl_keep struct lf_run *run, int k,
	__isl_keep struct lf_witness *witness, int base)
{
	if (!witness->dep) {
		pair->verdict = LF_VERDICT_NOT_ANALYSABLE;
		return lf_audit_reason_mismatch(&pair->reason, run, k, 0);
	}
	pair->verdict = witness->kind == LF_DEP_ALIAS ?
		LF_VERDICT_NOT_ANALYSABLE : LF_VERDICT_ILLEGAL;
	return lf_audit_reason_dep(&pair->reason, run, witness, base, 0);
}

/* Why a fusable pair shares no more loops than it does.
 */
static int lf_audit_pair_fusable(__isl_keep struct lf_audit_pair *pair,
	__isl_keep struct lf_run *run, __isl_keep struct lf_deps *deps, int k,
	int base)
{
	int r;

	if (pair->depth >= pair->max_depth)
		return 0;
	pair->limit = calloc(1, sizeof(*pair->limit));
	if (!pair->limit)
		return -1;
	r = lf_audit_pair_limit(pair->limit, run, deps, k, pair->depth,
				pair->shift, base, 0);
	if (r == 0) {
		free(pair->limit);
		pair->limit = NULL;
	}
	return r < 0 ? -1 : 0;
}

/* The arrays that a check must find apart for fusable nests k - 1 and k
 * to share their loops as "pair" says, with alias checks.
 */
static int lf_audit_pair_apart(struct lf_audit_pair *pair,
	struct lf_run *run, struct lf_analysis *analysis, int k)
{
	struct lf_check check;
	isl_union_map *sched;
	int r;

	if (analysis->alias != LF_ALIAS_CHECKED || pair->depth == 0 ||
	    (pair->verdict != LF_VERDICT_FUSABLE &&
	     pair->verdict != LF_VERDICT_FUSABLE_SHIFT))
		return 0;
	sched = lf_plan_pair_schedule(run, k, pair->depth, pair->shift, NULL);
	r = sched ? lf_check_needed(run, analysis->deps, sched, &check) : -1;
	isl_union_map_free(sched);
	if (r == 0)
		r = lf_check_names(run, &check, &pair->apart);
	lf_check_clear(&check);
	pair->n_apart = r > 0 ? r : 0;
	return r < 0 ? -1 : 0;
}

/* Whether the plan of "analysis" fuses nests k - 1 and k, and if they
 * are fusable but not fused, why: the planner's refusal, or the
 * failure to plan at all.
 */
static int lf_audit_pair_plan(__isl_keep struct lf_audit_pair *pair,
	__isl_keep struct lf_analysis *analysis, int k)
{
	struct lf_plan *plan = analysis->plan;
	const struct lf_reason *why;
	int fusable = pair->verdict == LF_VERDICT_FUSABLE ||
		      pair->verdict == LF_VERDICT_FUSABLE_SHIFT;

	pair->fused = plan && plan->group[k - 1][0] == plan->group[k][0];
	why = plan ? plan->refusal[k] : analysis->failure;
	if (!fusable || pair->fused || !why)
		return 0;
	pair->plan_reason = lf_reason_copy(why);
	return pair->plan_reason ? 0 : -1;
}

/* The verdict on nests k - 1 and k of "run", analysed as "analysis"
 * says: without dependences, the analysis's failure is the reason.
 */
static int lf_audit_pair(struct lf_audit_pair *pair,
	__isl_keep struct lf_run *run, __isl_keep struct lf_analysis *analysis,
	int k, int base)
{
	struct lf_deps *deps = analysis->deps;
	struct lf_witness witness = { LF_DEP_FLOW, -1, -1, NULL };
	int r, level, a = run->nests[k - 1].perfect_depth;

	memset(pair, 0, sizeof(*pair));
	pair->first = base + k - 1;
	r = lf_audit_pair_opaque(pair, run, k);
	if (r != 0)
		return r < 0 ? -1 : 0;
	pair->max_depth = a < run->nests[k].perfect_depth ? a :
			  run->nests[k].perfect_depth;
	if (!deps) {
		pair->verdict = LF_VERDICT_NOT_ANALYSABLE;
		pair->reason.reason = lf_reason_copy(analysis->failure);
		return pair->reason.reason ? 0 : -1;
	}
	isl_ctx_reset_operations(isl_set_get_ctx(run->context));
	if (lf_plan_pair(run, deps, k, &pair->depth, &pair->tilable,
			 &witness) < 0) {
		lf_witness_clear(&witness);
		pair->verdict = LF_VERDICT_NOT_ANALYSABLE;
		return lf_audit_reason_failed(&pair->reason, run);
	}
	level = witness.dep || pair->depth > 0 ?
		lf_audit_pair_deepen(pair, run, deps, k) : -1;
	pair->verdict = LF_VERDICT_FUSABLE;
	r = 0;
	if (level >= 0)
		r = lf_audit_pair_shifted(pair, run, deps, k, level, base);
	else if (pair->depth == 0)
		r = lf_audit_pair_refused(pair, run, k, &witness, base);
	if (r == 0 && pair->depth > 0)
		r = lf_audit_pair_fusable(pair, run, deps, k, base);
	lf_witness_clear(&witness);
	if (r == 0)
		r = lf_audit_pair_apart(pair, run, analysis, k);
	if (r == 0)
		r = lf_audit_pair_plan(pair, analysis, k);
	return r;
}

/* Nests, runs and functions. */

static int lf_audit_nest_init(struct lf_audit_nest *an,
	__isl_keep struct lf_run *run, int run_index, int k)
{
	struct lf_nest *nest = &run->nests[k];
	struct lf_stmt *stmt;
	int l;

	memset(an, 0, sizeof(*an));
	an->run = run_index;
	an->loc = nest->loc;
	an->end_loc = nest->end_loc;
	if (nest->opaque) {
		an->opaque = 1;
		an->reason.reason = lf_reason_copy(nest->opaque);
		return an->reason.reason ? 0 : -1;
	}
	an->depth = nest->depth;
	an->perfect = nest->perfect_depth;
	an->iters = calloc(an->perfect + 1, sizeof(char *));
	if (!an->iters || nest->n_stmt == 0)
		return an->iters ? 0 : -1;
	stmt = &run->stmts[nest->first_stmt];
	for (l = 0; l < an->perfect; ++l) {
		an->iters[l] = strdup(run->loops[stmt->loops[l]].iter);
		if (!an->iters[l])
			return -1;
	}
	return 0;
}

static int lf_audit_add_nests(__isl_keep struct lf_audit_function *fn,
	__isl_keep struct lf_run *run, int run_index)
{
	int k;

	for (k = 0; k < run->n_nest; ++k) {
		if (LF_GROW(fn->nests, fn->n_nest) < 0)
			return -1;
		if (lf_audit_nest_init(&fn->nests[fn->n_nest++], run,
				       run_index, k) < 0)
			return -1;
	}
	return 0;
}

static int lf_audit_add_pairs(__isl_keep struct lf_audit_function *fn,
	__isl_keep struct lf_run *run, __isl_keep struct lf_analysis *analysis,
	int base)
{
	int k;

	for (k = 1; k < run->n_nest; ++k) {
		if (LF_GROW(fn->pairs, fn->n_pair) < 0)
			return -1;
		if (lf_audit_pair(&fn->pairs[fn->n_pair++], run, analysis, k,
				  base) < 0)
			return -1;
	}
	return 0;
}

/* Shift the nest indices of a group of a run to those of the function.
 */
static void lf_audit_group_rebase(__isl_keep struct lf_audit_group *group,
	int base)
{
	int i;

	group->first += base;
	for (i = 0; i < group->n_dep; ++i) {
		group->deps[i].source.nest += base;
		group->deps[i].sink.nest += base;
	}
}

/* The groups of the plan of "analysis" that fuse or tile nests, with
 * the arrays a check must find apart for them.
 */
static int lf_audit_add_groups(struct lf_audit_function *fn,
	struct lf_run *run, struct lf_analysis *analysis, int base)
{
	struct lf_plan *plan = analysis->plan;
	struct lf_audit_group *group;
	int g, first, n;

	for (g = 0; plan && g < plan->n_group; ++g) {
		if (lf_plan_group_size(plan, g, &first) < 2 &&
		    !plan->tiled[g])
			continue;
		if (LF_GROW(fn->groups, fn->n_group) < 0)
			return -1;
		group = &fn->groups[fn->n_group++];
		isl_ctx_reset_operations(isl_set_get_ctx(run->context));
		if (lf_audit_group_init(group, run, analysis->deps, plan,
					g) < 0)
			return -1;
		lf_audit_group_rebase(group, base);
		n = analysis->check ? lf_check_names(run, &analysis->check[g],
						     &group->apart) : 0;
		if (n < 0)
			return -1;
		group->n_apart = n;
	}
	return 0;
}

/* Audit one run of function "fn", the run_index-th of the function.
 */
int lf_audit_run(__isl_keep struct lf_audit_function *fn,
	__isl_keep struct lf_run *run, int run_index,
	__isl_keep const struct lf_options *options)
{
	struct lf_analysis analysis;
	int base = fn->n_nest, r;

	if (lf_audit_add_nests(fn, run, run_index) < 0)
		return -1;
	if (!lf_plan_wants_run(run, options->tile_size))
		return 0;
	if (lf_driver_analyse(run, options, &analysis) < 0)
		return -1;
	r = lf_audit_add_pairs(fn, run, &analysis, base);
	if (r == 0 && analysis.deps)
		r = lf_audit_add_groups(fn, run, &analysis, base);
	lf_analysis_clear(&analysis);
	return r;
}

/* The number of pairs with verdict "verdict".
 */
int lf_audit_count(__isl_keep const struct lf_audit *audit,
	enum lf_verdict verdict)
{
	int f, i, n = 0;

	for (f = 0; f < audit->n_function; ++f)
		for (i = 0; i < audit->functions[f].n_pair; ++i)
			if (audit->functions[f].pairs[i].verdict == verdict)
				n++;
	return n;
}

/* The number of calls among the members of the functions' runs.
 */
int lf_audit_count_calls(__isl_keep const struct lf_audit *audit)
{
	int f, i, n = 0;

	for (f = 0; f < audit->n_function; ++f)
		for (i = 0; i < audit->functions[f].n_nest; ++i)
			if (audit->functions[f].nests[i].call)
				n++;
	return n;
}

/* The number of groups of two or more nests (alone == 0), or of nests
 * tiled alone (alone == 1).
 */
int lf_audit_count_groups(__isl_keep const struct lf_audit *audit, int alone)
{
	int f, i, n = 0;

	for (f = 0; f < audit->n_function; ++f)
		for (i = 0; i < audit->functions[f].n_group; ++i)
			if ((audit->functions[f].groups[i].n == 1) == alone)
				n++;
	return n;
}

