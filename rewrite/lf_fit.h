/* SPDX-License-Identifier: MIT */
#ifndef LF_FIT_H
#define LF_FIT_H

#include <isl/ast.h>
#include <isl/set.h>

#include "lf_names.h"
#include "lf_plan.h"
#include "lf_range.h"

/* Does the code generated for a fused group compute every value in the
 * C type it is computed in?  The leaves of its expressions are the
 * group's loops, whose values are those of the group's schedule, and
 * the sizes, whose values are those of the run's context (within
 * "guard", where the code is guarded).  In "wide" code the sizes are
 * printed converted to long long.
 */
struct lf_fit;

struct lf_fit *lf_fit_alloc(struct lf_plan *plan, int g,
	const struct lf_names *names, __isl_keep isl_set *guard, int wide);
struct lf_fit *lf_fit_alloc_sizes(struct lf_run *run,
	__isl_keep isl_set *context, int wide);
void lf_fit_free(struct lf_fit *fit);
const struct lf_range_env *lf_fit_env(struct lf_fit *fit);
int lf_fit_tree(struct lf_fit *fit, __isl_keep isl_ast_node *tree);
int lf_fit_expr(struct lf_fit *fit, __isl_keep isl_ast_expr *expr);

#endif
