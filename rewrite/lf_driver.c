#include <string.h>

#include <isl/ctx.h>
#include <isl/set.h>

#include "lf_driver.h"

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
	isl_ctx_reset_operations(ctx);
	analysis->deps = lf_deps_compute(run, options->assume_no_alias);
	if (analysis->deps)
		analysis->plan = lf_plan_compute(run, analysis->deps, options);
	if (!analysis->plan) {
		why = isl_ctx_last_error(ctx) == isl_error_quota ?
		      LF_WHY_TOO_COMPLEX : LF_WHY_FAILED;
		analysis->failure = lf_reason_alloc(why, run->loc, NULL, NULL);
	}
	isl_ctx_reset_error(ctx);
	return analysis->plan || analysis->failure ? 0 : -1;
}

void lf_analysis_clear(__isl_keep struct lf_analysis *analysis)
{
	lf_plan_free(analysis->plan);
	lf_deps_free(analysis->deps);
	lf_reason_free(analysis->failure);
	memset(analysis, 0, sizeof(*analysis));
}
