/* SPDX-License-Identifier: MIT */
#ifndef LF_DRIVER_H
#define LF_DRIVER_H

#include "lf_check.h"
#include "lf_deps.h"
#include "lf_model.h"
#include "lf_options.h"
#include "lf_plan.h"

/* The analysis of one run that the rewrite and the audit share: its
 * dependences and its plan, computed within isl's budget.  If either
 * could not be computed, "failure" says why (the analysis was too
 * complex, or failed), at the run.
 *
 * With run-time alias checks (alias == LF_ALIAS_CHECKED), the plan
 * ignores the conflicts between arrays that "checks" can tell apart,
 * and check[g] lists the pairs that top-level group g of the plan needs
 * apart (none where its new order keeps their conflicts).
 */
struct lf_analysis {
	enum lf_alias alias;
	struct lf_checks checks;
	struct lf_deps *deps;
	struct lf_plan *plan;
	struct lf_check *check;
	struct lf_reason *failure;
};

int lf_driver_analyse(__isl_keep struct lf_run *run,
	__isl_keep const struct lf_options *options,
	struct lf_analysis *analysis);
void lf_analysis_clear(__isl_keep struct lf_analysis *analysis);

#endif
