/* SPDX-License-Identifier: MIT */
#include <isl/aff.h>
#include <isl/local_space.h>
#include <isl/space.h>
#include <isl/val.h>

#include "lf_sched.h"

static __isl_give isl_aff *lf_sched_term_aff(__isl_keep isl_local_space *ls,
	__isl_keep const struct lf_term *t)
{
	isl_ctx *ctx = isl_local_space_get_ctx(ls);
	isl_aff *aff;

	aff = isl_aff_val_on_domain(isl_local_space_copy(ls),
				    isl_val_int_from_si(ctx, t->cst));
	if (t->level >= 0 && t->coef != 0) {
		isl_aff *var;

		var = isl_aff_var_on_domain(isl_local_space_copy(ls),
					    isl_dim_set, t->level);
		var = isl_aff_scale_val(var, isl_val_int_from_si(ctx, t->coef));
		aff = isl_aff_add(aff, var);
	}
	if (t->div > 1)
		aff = isl_aff_floor(isl_aff_scale_down_ui(aff, t->div));
	return aff;
}

/* { S[i] -> [terms] } on the statement's domain.
 */
__isl_give isl_map *lf_sched_stmt_map(__isl_keep struct lf_stmt *stmt,
	__isl_keep const struct lf_term *terms, int n)
{
	isl_space *space = isl_set_get_space(stmt->domain);
	isl_local_space *ls;
	isl_aff_list *list;
	isl_multi_aff *ma;
	int k;

	ls = isl_local_space_from_space(isl_space_copy(space));
	list = isl_aff_list_alloc(isl_local_space_get_ctx(ls), n);
	for (k = 0; k < n; ++k)
		list = isl_aff_list_add(list, lf_sched_term_aff(ls, &terms[k]));
	isl_local_space_free(ls);
	space = isl_space_add_dims(isl_space_from_domain(space),
				   isl_dim_out, n);
	ma = isl_multi_aff_from_aff_list(space, list);
	return isl_map_intersect_domain(isl_map_from_multi_aff(ma),
					isl_set_copy(stmt->domain));
}

int lf_sched_max_depth(__isl_keep struct lf_run *run)
{
	int i, d = 0;

	for (i = 0; i < run->n_stmt; ++i)
		if (run->stmts[i].depth > d)
			d = run->stmts[i].depth;
	return d;
}

/* The original order: [pos0, dir0 * i0, pos1, ..., pos_depth, 0, ...].
 * n must be at least 2 * depth + 1.
 */
int lf_sched_original_terms(__isl_keep struct lf_stmt *stmt,
	__isl_keep struct lf_run *run, struct lf_term *terms, int n)
{
	int k;

	for (k = 0; k < n; ++k) {
		terms[k].level = -1;
		terms[k].coef = 0;
		terms[k].cst = 0;
		terms[k].div = 1;
	}
	for (k = 0; k <= stmt->depth && 2 * k < n; ++k) {
		terms[2 * k].cst = stmt->pos[k];
		if (k == stmt->depth || 2 * k + 1 >= n)
			continue;
		terms[2 * k + 1].level = k;
		terms[2 * k + 1].coef = run->loops[stmt->loops[k]].dir;
	}
	return 0;
}
