/* SPDX-License-Identifier: MIT */
#include <stdlib.h>
#include <string.h>

#include <isl/id.h>
#include <isl/ilp.h>
#include <isl/union_set.h>
#include <isl/val.h>

#include "lf_fit.h"

/* Checking generated code for overflow: the interval of every loop
 * iterator and size, and a walk over the AST that evaluates every
 * expression it holds (lf_range.c).
 */

struct lf_fit {
	struct lf_run *run;
	struct lf_plan *plan;
	const struct lf_names *names;
	int n_iter;
	int wide;
	struct lf_range *iters;
	struct lf_range *params;
	struct lf_range_env env;
};

void lf_fit_free(__isl_take struct lf_fit *fit)
{
	int i;

	if (!fit)
		return;
	for (i = 0; fit->iters && i < fit->n_iter; ++i)
		lf_range_clear(&fit->iters[i]);
	for (i = 0; fit->params && i < fit->run->n_param; ++i)
		lf_range_clear(&fit->params[i]);
	free(fit->iters);
	free(fit->params);
	free(fit);
}

/* The values of the schedule dimensions of group g, over all sizes of
 * "context", as one set of dimensions without parameters.
 */
static __isl_give isl_set *lf_fit_image(__isl_keep struct lf_plan *plan, int g,
	__isl_take isl_set *context)
{
	struct lf_run *run = plan->run;
	isl_union_set *dom;
	isl_set *image;
	isl_size n;
	int i;

	dom = isl_union_set_empty(isl_set_get_space(run->context));
	for (i = 0; i < run->n_stmt; ++i)
		if (plan->group[run->stmts[i].nest][0] == g)
			dom = isl_union_set_add_set(dom,
				isl_set_copy(run->stmts[i].domain));
	dom = isl_union_set_apply(dom, lf_plan_schedule(plan, g));
	image = isl_set_from_union_set(dom);
	image = isl_set_intersect_params(image, context);
	n = isl_set_dim(image, isl_dim_param);
	if (n < 0)
		return isl_set_free(image);
	return isl_set_move_dims(image, isl_dim_set,
				 isl_set_dim(image, isl_dim_set),
				 isl_dim_param, 0, n);
}

/* The interval of dimension "pos" of "set" (NULL bounds if it has
 * none).
 */
static void lf_fit_dim(__isl_keep isl_set *set, int pos, struct lf_range *r)
{
	r->min = isl_set_dim_min_val(isl_set_copy(set), pos);
	r->max = isl_set_dim_max_val(isl_set_copy(set), pos);
	if (r->min && !isl_val_is_int(r->min))
		r->min = isl_val_free(r->min);
	if (r->max && !isl_val_is_int(r->max))
		r->max = isl_val_free(r->max);
}

static int lf_fit_iters(__isl_keep struct lf_fit *fit, int g,
	__isl_keep isl_set *context)
{
	isl_set *image = lf_fit_image(fit->plan, g, isl_set_copy(context));
	int p;

	if (!image)
		return -1;
	for (p = 0; p < fit->names->len; ++p) {
		fit->iters[p].type = fit->names->ctype[p];
		lf_fit_dim(image, p, &fit->iters[p]);
	}
	isl_set_free(image);
	return 0;
}

/* The interval of every size of the run under "context", in the type
 * the code computes it in.
 */
static int lf_fit_params(__isl_keep struct lf_fit *fit,
	__isl_keep isl_set *context)
{
	struct lf_run *run = fit->run;
	isl_set *all;
	isl_size n = isl_set_dim(context, isl_dim_param);
	int i, pos;

	if (n < 0)
		return -1;
	all = isl_set_move_dims(isl_set_copy(context), isl_dim_set, 0,
				isl_dim_param, 0, n);
	for (i = 0; i < run->n_param && all; ++i) {
		struct lf_range *r = &fit->params[i];

		r->type = run->params[i].type;
		pos = isl_set_find_dim_by_name(context, isl_dim_param,
					       run->params[i].name);
		if (pos >= 0)
			lf_fit_dim(all, pos, r);
	}
	isl_set_free(all);
	return all ? 0 : -1;
}

/* The leaf "id": a loop of the group or a size.  In wide code a size
 * is converted to long long first, which must keep its value.
 */
static int lf_fit_leaf(__isl_keep isl_id *id, struct lf_range *range,
	void *user)
{
	struct lf_fit *fit = user;
	struct lf_run *run = fit->run;
	const char *name = isl_id_get_name(id);
	struct lf_range *r = NULL;
	int i, p = fit->names ? lf_names_find(fit->names, name) : -1;

	if (p >= 0)
		r = &fit->iters[p];
	for (i = 0; !r && name && i < run->n_param; ++i)
		if (!strcmp(run->params[i].name, name))
			r = &fit->params[i];
	if (!r || !r->min || !r->max)
		return -1;
	range->type = r->type;
	if (p < 0 && fit->wide) {
		range->type.bits = 64;
		range->type.is_signed = 1;
		if (!lf_range_fits(r, range->type))
			return -1;
	}
	range->min = isl_val_copy(r->min);
	range->max = isl_val_copy(r->max);
	return 0;
}

/* The leaf intervals of group g of "plan" named by "names", within
 * "guard" if it is not NULL.
 */
__isl_give struct lf_fit *lf_fit_alloc(__isl_keep struct lf_plan *plan, int g,
	__isl_keep const struct lf_names *names, __isl_keep isl_set *guard,
	int wide)
{
	struct lf_fit *fit = calloc(1, sizeof(*fit));
	isl_set *context;

	if (!fit)
		return NULL;
	fit->run = plan->run;
	fit->plan = plan;
	fit->names = names;
	fit->wide = wide;
	fit->env.leaf = &lf_fit_leaf;
	fit->env.user = fit;
	fit->n_iter = names->len;
	fit->iters = calloc(names->len, sizeof(*fit->iters));
	fit->params = calloc(plan->run->n_param + 1, sizeof(*fit->params));
	context = isl_set_copy(plan->run->context);
	if (guard)
		context = isl_set_intersect(context, isl_set_copy(guard));
	if (!fit->iters || !fit->params || !context ||
	    lf_fit_iters(fit, g, context) < 0 ||
	    lf_fit_params(fit, context) < 0) {
		isl_set_free(context);
		lf_fit_free(fit);
		return NULL;
	}
	isl_set_free(context);
	return fit;
}

/* The leaf intervals of the sizes of "run" alone, within "context":
 * for expressions of sizes, printed wide or not.
 */
struct lf_fit *lf_fit_alloc_sizes(struct lf_run *run,
	__isl_keep isl_set *context, int wide)
{
	struct lf_fit *fit = calloc(1, sizeof(*fit));

	if (!fit)
		return NULL;
	fit->run = run;
	fit->wide = wide;
	fit->env.leaf = &lf_fit_leaf;
	fit->env.user = fit;
	fit->params = calloc(run->n_param + 1, sizeof(*fit->params));
	if (!fit->params || lf_fit_params(fit, context) < 0) {
		lf_fit_free(fit);
		return NULL;
	}
	return fit;
}

const struct lf_range_env *lf_fit_env(struct lf_fit *fit)
{
	return &fit->env;
}

/* Does "expr" compute every value in its type?
 */
int lf_fit_expr(__isl_keep struct lf_fit *fit, __isl_keep isl_ast_expr *expr)
{
	struct lf_range r;
	int ok = lf_range_eval(&fit->env, expr, &r);

	lf_range_clear(&r);
	return ok;
}

/* Does expression "expr", which the caller takes, fit?
 */
static int lf_fit_take(__isl_keep struct lf_fit *fit,
	__isl_take isl_ast_expr *expr)
{
	int ok = expr ? lf_fit_expr(fit, expr) : -1;

	isl_ast_expr_free(expr);
	return ok;
}

/* Does the initial value "init" of loop p, which the caller takes, fit
 * where it is computed and in the iterator it is assigned to?  The
 * latter conversion is implicit: a constant printed as long long
 * (2147483648LL) would otherwise become INT_MIN in an int iterator.
 */
static int lf_fit_init(__isl_keep struct lf_fit *fit, int p,
	__isl_take isl_ast_expr *init)
{
	struct lf_range r;
	int ok = init ? lf_range_eval(&fit->env, init, &r) : -1;

	if (ok > 0)
		ok = lf_range_fits(&r, fit->iters[p].type);
	if (init)
		lf_range_clear(&r);
	isl_ast_expr_free(init);
	return ok;
}

/* A loop fits if its bounds do and its iterator holds every value it
 * takes, including the one after the last iteration.
 */
static int lf_fit_for(__isl_keep struct lf_fit *fit,
	__isl_keep isl_ast_node *node)
{
	isl_ast_expr *it = isl_ast_node_for_get_iterator(node);
	isl_ast_expr *inc = isl_ast_node_for_get_inc(node);
	isl_id *id = it ? isl_ast_expr_id_get_id(it) : NULL;
	int p = id ? lf_names_find(fit->names, isl_id_get_name(id)) : -1;
	struct lf_range last;
	isl_val *step = NULL;
	int ok = p >= 0 && inc && isl_ast_expr_get_type(inc) ==
		 isl_ast_expr_int;

	if (ok)
		step = isl_ast_expr_int_get_val(inc);
	if (ok && step && fit->iters[p].min && fit->iters[p].max) {
		last.type = fit->iters[p].type;
		last.min = isl_val_copy(fit->iters[p].min);
		last.max = isl_val_add(isl_val_copy(fit->iters[p].max), step);
		ok = lf_range_fits(&last, last.type);
		lf_range_clear(&last);
	} else {
		isl_val_free(step);
		ok = 0;
	}
	isl_id_free(id);
	isl_ast_expr_free(it);
	isl_ast_expr_free(inc);
	if (ok > 0)
		ok = lf_fit_init(fit, p, isl_ast_node_for_get_init(node));
	if (ok > 0)
		ok = lf_fit_take(fit, isl_ast_node_for_get_cond(node));
	return ok;
}

/* The arguments of the call a user node makes: the values of its
 * statement's iterators.
 */
static int lf_fit_user(__isl_keep struct lf_fit *fit,
	__isl_keep isl_ast_node *node)
{
	isl_ast_expr *call = isl_ast_node_user_get_expr(node);
	isl_size n = call ? isl_ast_expr_op_get_n_arg(call) : -1;
	int i, ok = n < 0 ? -1 : 1;

	for (i = 1; i < n && ok > 0; ++i)
		ok = lf_fit_take(fit, isl_ast_expr_op_get_arg(call, i));
	isl_ast_expr_free(call);
	return ok;
}

struct lf_fit_walk {
	struct lf_fit *fit;
	int ok;
};

static isl_bool lf_fit_node(__isl_keep isl_ast_node *node, void *user)
{
	struct lf_fit_walk *w = user;

	switch (isl_ast_node_get_type(node)) {
	case isl_ast_node_for:
		w->ok = lf_fit_for(w->fit, node);
		break;
	case isl_ast_node_if:
		w->ok = lf_fit_take(w->fit, isl_ast_node_if_get_cond(node));
		break;
	case isl_ast_node_user:
		w->ok = lf_fit_user(w->fit, node);
		break;
	case isl_ast_node_error:
		w->ok = -1;
		break;
	default:
		break;
	}
	return w->ok > 0 ? isl_bool_true : isl_bool_error;
}

/* Does all of "tree" compute every value in its type?  1 yes, 0 no,
 * -1 on error.
 */
int lf_fit_tree(__isl_keep struct lf_fit *fit, __isl_keep isl_ast_node *tree)
{
	struct lf_fit_walk w = { fit, 1 };

	if (isl_ast_node_foreach_descendant_top_down(tree, &lf_fit_node,
						     &w) < 0 && w.ok > 0)
		return -1;
	return w.ok;
}
