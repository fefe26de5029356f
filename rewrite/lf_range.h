/* SPDX-License-Identifier: MIT */
#ifndef LF_RANGE_H
#define LF_RANGE_H

#include <isl/ast.h>
#include <isl/val.h>

#include "lf_model.h"

/* The values an expression of generated code takes, and the C type in
 * which it is computed, as lf_print prints it.  isl computes with
 * unbounded integers; C does not, so generated code is only right if
 * every subexpression stays in the range of its C type.  Intervals are
 * found by interval arithmetic from those of the leaves: loop iterators
 * and sizes.
 */
struct lf_range {
	struct lf_int_type type;
	isl_val *min;
	isl_val *max;
};

/* The leaves: "leaf" sets *range (min and max given to it) for the
 * identifier "id", and returns -1 for an identifier it does not know.
 */
struct lf_range_env {
	int (*leaf)(__isl_keep isl_id *id, struct lf_range *range,
		void *user);
	void *user;
};

void lf_range_clear(__isl_keep struct lf_range *range);
int lf_range_fits(__isl_keep const struct lf_range *range,
	struct lf_int_type type);
int lf_range_eval(__isl_keep const struct lf_range_env *env,
	__isl_keep isl_ast_expr *expr, struct lf_range *range);
isl_bool lf_range_is_nonneg(__isl_keep const struct lf_range_env *env,
	__isl_keep isl_ast_expr *expr);

#endif
