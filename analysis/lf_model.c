/* SPDX-License-Identifier: MIT */
#include <stdlib.h>
#include <string.h>

#include <isl/id.h>
#include <isl/val.h>

#include "lf_model.h"

void lf_stmt_clear(__isl_keep struct lf_stmt *stmt)
{
	int i;

	free(stmt->name);
	free(stmt->loops);
	free(stmt->pos);
	free(stmt->subst);
	free(stmt->accesses);
	for (i = 0; i < stmt->n_outer_iter; ++i)
		free(stmt->outer_iters[i]);
	free(stmt->outer_iters);
	for (i = 0; i < stmt->n_name; ++i)
		free(stmt->names[i]);
	free(stmt->names);
	isl_set_free(stmt->domain);
}

void lf_access_clear(__isl_keep struct lf_access *access)
{
	free(access->text);
	isl_map_free(access->rel);
}

void lf_loop_clear(__isl_keep struct lf_loop *loop)
{
	free(loop->iter);
	free(loop->iter_type);
}

void lf_run_free(__isl_take struct lf_run *run)
{
	int i, k;

	if (!run)
		return;
	for (i = 0; i < run->n_stmt; ++i)
		lf_stmt_clear(&run->stmts[i]);
	for (i = 0; i < run->n_access; ++i)
		lf_access_clear(&run->accesses[i]);
	for (i = 0; i < run->n_loop; ++i)
		lf_loop_clear(&run->loops[i]);
	for (i = 0; i < run->n_nest; ++i) {
		lf_reason_free(run->nests[i].opaque);
		free(run->nests[i].prefix);
	}
	for (i = 0; i < run->n_array; ++i) {
		free(run->arrays[i].name);
		free(run->arrays[i].var);
		for (k = 0; k < LF_MAX_DEPTH; ++k)
			free(run->arrays[i].flat_size[k]);
	}
	for (i = 0; i < run->n_param; ++i)
		free(run->params[i].name);
	free(run->stmts);
	free(run->accesses);
	free(run->loops);
	free(run->nests);
	free(run->arrays);
	free(run->params);
	free(run->comments);
	free(run->long_tokens);
	free(run->indent);
	free(run->indent_unit);
	isl_set_free(run->context);
	isl_set_free(run->outside_types);
	free(run);
}

void lf_call_clear(__isl_keep struct lf_call *call)
{
	free(call->callee);
	free(call->text);
	lf_reason_free(call->refused);
	memset(call, 0, sizeof(*call));
}

void lf_file_free(__isl_take struct lf_file *file)
{
	int i;

	if (!file)
		return;
	for (i = 0; i < file->n_run; ++i)
		lf_run_free(file->runs[i]);
	for (i = 0; i < file->n_function; ++i)
		free(file->functions[i].name);
	for (i = 0; i < file->n_ident; ++i)
		free(file->idents[i]);
	for (i = 0; i < file->n_include; ++i)
		free(file->includes[i]);
	free(file->includes);
	for (i = 0; i < file->n_call; ++i)
		lf_call_clear(&file->calls[i]);
	free(file->calls);
	lf_file_free(file->expanded);
	free(file->runs);
	free(file->functions);
	free(file->idents);
	free(file->line_uses);
	free(file->path);
	free(file->text);
	free(file);
}

static int lf_cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *) a, *(char *const *) b);
}

int lf_file_has_ident(__isl_keep const struct lf_file *file,
	__isl_keep const char *name)
{
	return bsearch(&name, file->idents, file->n_ident, sizeof(char *),
			lf_cmp_str) != NULL;
}

/* Line and column (both 1-based, columns in bytes) of a byte offset.
 */
struct lf_loc lf_file_loc(__isl_keep const struct lf_file *file,
	unsigned offset)
{
	struct lf_loc loc = { offset, 1, 1 };
	unsigned i;

	if (offset > file->len)
		offset = file->len;
	for (i = 0; i < offset; ++i) {
		if (file->text[i] == '\n') {
			loc.line++;
			loc.col = 1;
		} else {
			loc.col++;
		}
	}
	return loc;
}

/* C's int, as on every platform loopfuse generates code for.
 */
struct lf_int_type lf_int_type_int(void)
{
	struct lf_int_type t = { 32, 1 };

	return t;
}

/* The smallest and the largest value of type t.
 */
__isl_give isl_val *lf_int_type_min(isl_ctx *ctx, struct lf_int_type t)
{
	if (!t.is_signed)
		return isl_val_zero(ctx);
	return isl_val_neg(isl_val_2exp(isl_val_int_from_si(ctx, t.bits - 1)));
}

__isl_give isl_val *lf_int_type_max(isl_ctx *ctx, struct lf_int_type t)
{
	isl_val *v = isl_val_int_from_si(ctx, t.bits - t.is_signed);

	return isl_val_sub_ui(isl_val_2exp(v), 1);
}

/* "context" without the sizes for which the iterations of a loop leave
 * the range of its iterator's type, if the run's own sizes stay in it.
 * Those sizes are other values of constants than theirs: code
 * generated for them would have pieces at the limits of the types,
 * with bounds that the loops' iterators cannot hold.  Takes "context".
 */
static __isl_give isl_set *lf_run_within_types(__isl_keep struct lf_run *run,
	__isl_take isl_set *context)
{
	isl_set *within;
	isl_bool keeps;

	within = isl_set_subtract(isl_set_copy(context),
				  isl_set_copy(run->outside_types));
	keeps = isl_set_is_subset(run->context, within);
	if (keeps < 0 || !keeps) {
		isl_set_free(within);
		return keeps < 0 ? isl_set_free(context) : context;
	}
	isl_set_free(context);
	return within;
}

/* The run's context, but with the values fixed in it (macros,
 * enumerators, consts) loosened to lower bounds: domains simplified and
 * code generated under it keep their names rather than their values,
 * and stay correct for every value the types allow above them, but
 * for those where a loop's iterations would leave their type.
 */
__isl_give isl_set *lf_run_loose_context(__isl_keep struct lf_run *run)
{
	isl_set *context = isl_set_copy(run->context);
	isl_ctx *ctx = isl_set_get_ctx(context);
	int i, pos;

	for (i = 0; i < run->n_param && context; ++i) {
		struct lf_param *param = &run->params[i];
		isl_id *id;

		if (!param->has_value)
			continue;
		pos = isl_set_find_dim_by_name(context, isl_dim_param,
					       param->name);
		if (pos < 0)
			continue;
		id = isl_set_get_dim_id(context, isl_dim_param, pos);
		context = isl_set_project_out(context, isl_dim_param, pos, 1);
		context = isl_set_insert_dims(context, isl_dim_param, pos, 1);
		context = isl_set_set_dim_id(context, isl_dim_param, pos, id);
		context = isl_set_lower_bound_val(context, isl_dim_param, pos,
			isl_val_int_from_si(ctx, param->value));
		context = isl_set_upper_bound_val(context, isl_dim_param, pos,
			lf_int_type_max(ctx, param->type));
	}
	return lf_run_within_types(run, context);
}

/* The statement named "name" ("S3"), or NULL.
 */
__isl_keep struct lf_stmt *lf_run_stmt_by_name(__isl_keep struct lf_run *run,
	__isl_keep const char *name)
{
	char *end;
	long s;

	if (!name || name[0] != 'S')
		return NULL;
	s = strtol(name + 1, &end, 10);
	if (end == name + 1 || *end || s < 0 || s >= run->n_stmt)
		return NULL;
	return &run->stmts[s];
}
