/* SPDX-License-Identifier: MIT */
#include <stdlib.h>
#include <string.h>

#include <isl/ctx.h>
#include <isl/set.h>

#include "lf_driver.h"

/* How "options" want arrays that may share memory treated.  A check
 * covers the pairs of arrays the fused order needs apart, not those a
 * parallel loop needs apart, so there are none with --openmp.
 */
static enum lf_alias lf_driver_alias(const struct lf_options *options)
{
	if (options->assume_no_alias)
		return LF_ALIAS_NONE;
	if (options->no_alias_checks || options->openmp)
		return LF_ALIAS_DEPS;
	return LF_ALIAS_CHECKED;
}

/* The pairs of arrays each top-level group of the plan needs apart.
 */
static int lf_driver_checks(struct lf_run *run, struct lf_analysis *analysis)
{
	struct lf_plan *plan = analysis->plan;
	isl_union_map *sched;
	int g, r;

	analysis->check = calloc(plan->n_group + 1, sizeof(struct lf_check));
	if (!analysis->check)
		return -1;
	for (g = 0; g < plan->n_group; ++g) {
		sched = lf_plan_schedule(plan, g);
		r = sched ? lf_check_needed(run, analysis->deps, sched,
					    &analysis->check[g]) : -1;
		isl_union_map_free(sched);
		if (r < 0)
			return -1;
	}
	return 0;
}

/* Drop the plan and the checks of its groups.
 */
static void lf_driver_drop_plan(struct lf_analysis *analysis)
{
	int g;

	for (g = 0; analysis->check && g < analysis->plan->n_group; ++g)
		lf_check_clear(&analysis->check[g]);
	free(analysis->check);
	analysis->check = NULL;
	lf_plan_free(analysis->plan);
	analysis->plan = NULL;
}

/* The dependences of "run" and, if they could be computed, its plan
 * and the checks its groups need.
 */
static int lf_driver_plan(struct lf_run *run,
	const struct lf_options *options, struct lf_analysis *analysis)
{
	const int *checkable = NULL;

	if (analysis->alias == LF_ALIAS_CHECKED) {
		if (lf_checks_init(&analysis->checks, run) < 0)
			return -1;
		checkable = analysis->checks.checkable;
	}
	analysis->deps = lf_deps_compute(run, analysis->alias, checkable);
	if (!analysis->deps)
		return -1;
	analysis->plan = lf_plan_compute(run, analysis->deps, options);
	if (!analysis->plan)
		return -1;
	if (analysis->alias == LF_ALIAS_CHECKED)
		return lf_driver_checks(run, analysis);
	return 0;
}

/* The reason not to analyse "run" if a size may change while it runs
 * (lf_deps_unstable_size), or NULL.
 */
static __isl_give struct lf_reason *lf_driver_unstable(
	__isl_keep struct lf_run *run)
{
	struct lf_reason *reason;
	int p, a;

	p = lf_deps_unstable_size(run, &a);
	if (p < 0)
		return NULL;
	reason = lf_reason_alloc(LF_WHY_GLOBAL_SIZE, run->loc,
				 NULL, run->params[p].name);
	if (reason && !(reason->name2 = strdup(run->arrays[a].var))) {
		lf_reason_free(reason);
		return NULL;
	}
	return reason;
}

/* Compute the dependences of "run" and, if they could be, its plan,
 * together within isl's budget.  Returns 0, with analysis->failure set
 * where one of them could not be computed, or -1 if even that cannot be
 * said.
 */
int lf_driver_analyse(__isl_keep struct lf_run *run,
	__isl_keep const struct lf_options *options,
	struct lf_analysis *analysis)
{
	isl_ctx *ctx = isl_set_get_ctx(run->context);
	enum lf_why why;

	memset(analysis, 0, sizeof(*analysis));
	analysis->alias = lf_driver_alias(options);
	if (analysis->alias != LF_ALIAS_NONE)
		analysis->failure = lf_driver_unstable(run);
	if (analysis->failure)
		return 0;
	isl_ctx_reset_operations(ctx);
	if (lf_driver_plan(run, options, analysis) < 0) {
		lf_driver_drop_plan(analysis);
		why = isl_ctx_last_error(ctx) == isl_error_quota ?
		      LF_WHY_TOO_COMPLEX : LF_WHY_FAILED;
		analysis->failure = lf_reason_alloc(why, run->loc, NULL, NULL);
	}
	isl_ctx_reset_error(ctx);
	return analysis->plan || analysis->failure ? 0 : -1;
}

void lf_analysis_clear(__isl_keep struct lf_analysis *analysis)
{
	lf_driver_drop_plan(analysis);
	lf_deps_free(analysis->deps);
	if (analysis->checks.run)
		lf_checks_clear(&analysis->checks);
	lf_reason_free(analysis->failure);
	memset(analysis, 0, sizeof(*analysis));
}
