/* SPDX-License-Identifier: MIT */
#include <stdlib.h>
#include <string.h>

#include <isl/aff.h>
#include <isl/ast_build.h>
#include <isl/id.h>
#include <isl/map.h>
#include <isl/union_set.h>
#include <isl/val.h>

#include "lf_check.h"
#include "lf_fit.h"
#include "lf_grow.h"
#include "lf_legality.h"
#include "lf_print.h"

/* Run-time alias checks (lf_check.h): which arrays a check can tell
 * apart, which pairs a piece of new code needs apart, and the check
 * as C.
 */

/* Does "array" have a partner that may share memory with it?
 */
static int lf_check_has_partner(struct lf_run *run, int array)
{
	int b;

	for (b = 0; b < run->n_array; ++b)
		if (b != array && lf_deps_may_alias(&run->arrays[array],
						    &run->arrays[b]))
			return 1;
	return 0;
}

/* The elements of "array" that the run accesses.
 */
static __isl_give isl_set *lf_check_elems(struct lf_run *run, int array)
{
	isl_union_set *elems;
	int i;

	elems = isl_union_set_empty(isl_set_get_space(run->context));
	for (i = 0; i < run->n_access; ++i)
		if (run->accesses[i].array == array)
			elems = isl_union_set_add_set(elems, isl_map_range(
				isl_map_copy(run->accesses[i].rel)));
	return isl_set_intersect_params(isl_set_from_union_set(elems),
					isl_set_copy(run->context));
}

/* The offsets of "elems", elements of "array" whose dimensions below
 * the outermost have constant sizes, from its first element: the
 * subscripts weighed by the sizes of the dimensions below them.
 */
static __isl_give isl_set *lf_check_offsets(const struct lf_array *array,
	__isl_take isl_set *elems)
{
	isl_ctx *ctx = isl_set_get_ctx(elems);
	isl_local_space *ls;
	isl_val *weight = isl_val_one(ctx);
	isl_aff *off;
	int k;

	ls = isl_local_space_from_space(isl_set_get_space(elems));
	off = isl_aff_zero_on_domain(ls);
	for (k = array->n_dim - 1; k >= 0; --k) {
		off = isl_aff_set_coefficient_val(off, isl_dim_in, k,
						  isl_val_copy(weight));
		if (k > 0)
			weight = isl_val_mul_ui(weight, array->size[k]);
	}
	isl_val_free(weight);
	return isl_set_apply(elems, isl_map_from_aff(off));
}

/* Is "array" checked as a whole object, from its address to its end
 * (sizeof tells it, so not "extern float a[];")?
 */
static int lf_check_whole(const struct lf_array *array)
{
	return array->origin == LF_ARRAY_GLOBAL ||
	       (array->any_pointer && array->n_dim == 0);
}

/* Does "array" alone in the run spell its C expression var?  A member
 * or a local pointer is named apart from its spelling; two arrays with
 * one spelling would be two variables of one name.
 */
static int lf_check_spelled_once(struct lf_run *run,
	const struct lf_array *array)
{
	int i;

	if (!array->any_pointer)
		return !strcmp(array->name, array->var);
	for (i = 0; i < run->n_array; ++i)
		if (&run->arrays[i] != array &&
		    !strcmp(run->arrays[i].var, array->var))
			return 0;
	return 1;
}

/* Is "array" one whose addresses the check can print: a global, a
 * member scalar, or a pointer parameter, member or local pointer whose
 * offsets lf_check_offsets or lf_check_flat_bounds can compute?
 */
static int lf_check_kind_ok(struct lf_run *run, const struct lf_array *array)
{
	int k;

	if (!lf_check_spelled_once(run, array))
		return 0;
	if (array->flat)
		return array->origin == LF_ARRAY_PARAM_POINTER;
	if (lf_check_whole(array)) {
		for (k = 0; array->origin == LF_ARRAY_GLOBAL &&
			    k < array->n_dim; ++k)
			if (array->size[k] <= 0)
				return 0;
		return 1;
	}
	if (array->origin != LF_ARRAY_PARAM_POINTER || array->n_dim < 1 ||
	    array->n_dim > LF_MAX_DEPTH)
		return 0;
	for (k = 1; k < array->n_dim; ++k)
		if (array->size[k] <= 0)
			return 0;
	return 1;
}

/* Does "expr" compute every value in its type, for the sizes "fit"
 * knows?  1 if so, 0 if not, -1 on error.
 */
static int lf_check_fits(struct lf_fit *fit, __isl_keep isl_ast_expr *expr)
{
	return fit && expr ? lf_fit_expr(fit, expr) : -1;
}

/* Does "expr" fit for the sizes of "context", plainly (*wide = 0) or
 * with the sizes converted to long long (*wide = 1)?  With keep, the
 * fit stays in *fit.
 */
static int lf_check_fit_either(struct lf_run *run, __isl_keep isl_set *context,
	__isl_keep isl_ast_expr *expr, int *wide, struct lf_fit **fit)
{
	int ok = 0;

	for (*wide = 0; *wide < 2 && ok == 0; ++*wide) {
		lf_fit_free(*fit);
		*fit = lf_fit_alloc_sizes(run, context, *wide);
		ok = lf_check_fits(*fit, expr);
	}
	--*wide;
	return ok;
}

/* Bound range "r": its offsets lo and end are computed where "within"
 * holds (all sizes of the run, or those under the guard).
 */
static int lf_check_fit_bounds(struct lf_check_range *r, struct lf_run *run,
	__isl_keep isl_set *within)
{
	int ok = 0;

	for (r->wide = 0; r->wide < 2 && ok == 0; ++r->wide) {
		lf_fit_free(r->fit);
		r->fit = lf_fit_alloc_sizes(run, within, r->wide);
		ok = lf_check_fits(r->fit, r->lo);
		if (ok > 0)
			ok = lf_check_fits(r->fit, r->end);
	}
	--r->wide;
	return ok;
}

/* Guard range "r" by when the run accesses the array, "nonempty": its
 * offsets are then only computed for those sizes.
 */
static int lf_check_set_guard(struct lf_check_range *r, struct lf_run *run,
	__isl_keep isl_set *nonempty)
{
	isl_set *loose = lf_run_loose_context(run);
	isl_set *guard = isl_set_gist(isl_set_copy(nonempty),
				      isl_set_copy(loose));
	isl_set *within;
	isl_ast_build *build;
	struct lf_fit *fit = NULL;
	int ok;

	build = isl_ast_build_from_context(loose);
	r->guard = isl_ast_build_expr_from_set(build, guard);
	isl_ast_build_free(build);
	ok = lf_check_fit_either(run, run->context, r->guard,
				 &r->guard_wide, &fit);
	lf_fit_free(fit);
	if (ok <= 0)
		return ok;
	within = isl_set_intersect(isl_set_copy(run->context),
				   isl_set_copy(nonempty));
	ok = lf_check_fit_bounds(r, run, within);
	isl_set_free(within);
	return ok;
}

/* The least offset of "offsets" and the greatest plus one, as
 * expressions, where "nonempty" says the run accesses the array, and
 * how to compute them: unguarded if they fit for every size.
 */
static int lf_check_bounds(struct lf_check_range *r, struct lf_run *run,
	__isl_take isl_set *offsets, __isl_keep isl_set *nonempty)
{
	isl_ast_build *build;
	isl_pw_aff *lo, *hi;
	int ok;

	lo = isl_set_dim_min(isl_set_copy(offsets), 0);
	hi = isl_set_dim_max(offsets, 0);
	hi = isl_pw_aff_add_constant_val(hi, isl_val_one(
		isl_set_get_ctx(nonempty)));
	build = isl_ast_build_from_context(isl_set_intersect(
		lf_run_loose_context(run), isl_set_copy(nonempty)));
	r->lo = isl_ast_build_expr_from_pw_aff(build, lo);
	r->end = isl_ast_build_expr_from_pw_aff(build, hi);
	isl_ast_build_free(build);
	if (!r->lo || !r->end)
		return -1;
	ok = lf_check_fit_bounds(r, run, run->context);
	if (ok != 0)
		return ok;
	return lf_check_set_guard(r, run, nonempty);
}

/* Is "e" the number 0?
 */
static int lf_check_is_zero(__isl_keep isl_ast_expr *e)
{
	isl_val *v;
	int zero;

	if (!e || isl_ast_expr_get_type(e) != isl_ast_expr_int)
		return 0;
	v = isl_ast_expr_int_get_val(e);
	zero = v && isl_val_is_zero(v);
	isl_val_free(v);
	return zero;
}

/* "a + b", or one of them if the other is 0.
 */
static __isl_give isl_ast_expr *lf_check_add_expr(__isl_take isl_ast_expr *a,
	__isl_take isl_ast_expr *b)
{
	if (lf_check_is_zero(a)) {
		isl_ast_expr_free(a);
		return b;
	}
	if (lf_check_is_zero(b)) {
		isl_ast_expr_free(b);
		return a;
	}
	return isl_ast_expr_add(a, b);
}

/* Dimension "t" of "array", modeled from flat subscripts, times "e":
 * e * factor * size.
 */
static __isl_give isl_ast_expr *lf_check_flat_scale(isl_ctx *ctx,
	const struct lf_array *array, int t, __isl_take isl_ast_expr *e)
{
	isl_ast_expr *size;

	if (lf_check_is_zero(e))
		return e;
	size = isl_ast_expr_from_id(isl_id_alloc(ctx, array->flat_size[t],
						 NULL));
	if (array->flat_factor[t] != 1)
		size = isl_ast_expr_mul(isl_ast_expr_from_val(
			isl_val_int_from_si(ctx, array->flat_factor[t])), size);
	return isl_ast_expr_mul(e, size);
}

/* The bounds of "elems", elements of "array" modeled from flat
 * subscripts, as offsets from its first element: the least subscript
 * of each dimension weighed by the sizes below it, summed, and the
 * same of the greatest plus one.  The offsets of the elements lie
 * between them, since every size is positive wherever the run accesses
 * the array (the inner subscripts lie in [0, size)).
 */
static int lf_check_flat_bounds(struct lf_check_range *r, struct lf_run *run,
	const struct lf_array *array, __isl_take isl_set *elems,
	__isl_keep isl_set *nonempty)
{
	isl_ctx *ctx = isl_set_get_ctx(elems);
	isl_ast_build *build;
	isl_ast_expr *lo, *hi;
	int t, u, ok;

	build = isl_ast_build_from_context(isl_set_intersect(
		lf_run_loose_context(run), isl_set_copy(nonempty)));
	for (t = 0; t < array->n_dim; ++t) {
		lo = isl_ast_build_expr_from_pw_aff(build,
			isl_set_dim_min(isl_set_copy(elems), t));
		hi = isl_ast_build_expr_from_pw_aff(build,
			isl_set_dim_max(isl_set_copy(elems), t));
		for (u = t + 1; u < array->n_dim; ++u) {
			lo = lf_check_flat_scale(ctx, array, u, lo);
			hi = lf_check_flat_scale(ctx, array, u, hi);
		}
		r->lo = t ? lf_check_add_expr(r->lo, lo) : lo;
		r->end = t ? lf_check_add_expr(r->end, hi) : hi;
	}
	r->end = lf_check_add_expr(r->end, isl_ast_expr_from_val(
		isl_val_one(ctx)));
	isl_ast_build_free(build);
	isl_set_free(elems);
	if (!r->lo || !r->end)
		return -1;
	ok = lf_check_fit_bounds(r, run, run->context);
	if (ok != 0)
		return ok;
	return lf_check_set_guard(r, run, nonempty);
}

/* Fill in the range of "array", and whether it is checkable.
 */
static int lf_check_range_init(struct lf_check_range *r, struct lf_run *run,
	int array)
{
	const struct lf_array *a = &run->arrays[array];
	isl_set *elems, *nonempty;
	int ok;

	if (!lf_check_kind_ok(run, a) || !lf_check_has_partner(run, array))
		return 0;
	if (lf_check_whole(a)) {
		r->checkable = 1;
		return 0;
	}
	elems = lf_check_elems(run, array);
	nonempty = isl_set_params(isl_set_copy(elems));
	if (nonempty && a->flat)
		ok = lf_check_flat_bounds(r, run, a, elems, nonempty);
	else
		ok = nonempty ? lf_check_bounds(r, run,
				lf_check_offsets(a, elems), nonempty) : -1;
	if (!nonempty)
		isl_set_free(elems);
	isl_set_free(nonempty);
	r->checkable = ok > 0;
	return ok < 0 ? -1 : 0;
}

static void lf_check_range_clear(struct lf_check_range *r)
{
	isl_ast_expr_free(r->guard);
	isl_ast_expr_free(r->lo);
	isl_ast_expr_free(r->end);
	lf_fit_free(r->fit);
	memset(r, 0, sizeof(*r));
}

/* The text of every size of the run in a check: converted to long
 * long, so that the bounds are computed in it.
 */
static int lf_checks_casts(struct lf_checks *checks)
{
	struct lf_run *run = checks->run;
	struct lf_buf buf;
	int i;

	checks->casts = calloc(run->n_param + 1, sizeof(char *));
	if (!checks->casts)
		return -1;
	for (i = 0; i < run->n_param; ++i) {
		lf_buf_init(&buf);
		lf_buf_printf(&buf, "(long long)%s", run->params[i].name);
		checks->casts[i] = lf_buf_take(&buf);
		if (!checks->casts[i])
			return -1;
	}
	return 0;
}

/* Find which arrays of "run" a check can tell apart, and how.  An
 * array whose range isl cannot bound in time is not checkable.
 */
int lf_checks_init(struct lf_checks *checks, struct lf_run *run)
{
	isl_ctx *ctx = isl_set_get_ctx(run->context);
	int a;

	memset(checks, 0, sizeof(*checks));
	checks->run = run;
	checks->ranges = calloc(run->n_array + 1, sizeof(*checks->ranges));
	checks->checkable = calloc(run->n_array + 1, sizeof(int));
	if (!checks->ranges || !checks->checkable ||
	    lf_checks_casts(checks) < 0)
		return -1;
	for (a = 0; a < run->n_array; ++a) {
		if (lf_check_range_init(&checks->ranges[a], run, a) < 0) {
			if (isl_ctx_last_error(ctx) != isl_error_quota)
				return -1;
			isl_ctx_reset_error(ctx);
			lf_check_range_clear(&checks->ranges[a]);
		}
		checks->checkable[a] = checks->ranges[a].checkable;
	}
	return 0;
}

void lf_checks_clear(struct lf_checks *checks)
{
	int a;

	for (a = 0; checks->ranges && a < checks->run->n_array; ++a)
		lf_check_range_clear(&checks->ranges[a]);
	for (a = 0; checks->casts && a < checks->run->n_param; ++a)
		free(checks->casts[a]);
	free(checks->casts);
	free(checks->ranges);
	free(checks->checkable);
	memset(checks, 0, sizeof(*checks));
}

void lf_check_clear(struct lf_check *check)
{
	free(check->pair);
	check->pair = NULL;
	check->n_pair = 0;
}

/* The names of the arrays of the pairs of "check", two per pair, in
 * *names (NULL if there are none); returns the number of pairs or -1.
 */
int lf_check_names(struct lf_run *run, const struct lf_check *check,
	char ***names)
{
	int i, k;

	*names = NULL;
	if (check->n_pair == 0)
		return 0;
	*names = calloc(2 * check->n_pair, sizeof(char *));
	if (!*names)
		return -1;
	for (i = 0; i < check->n_pair; ++i)
		for (k = 0; k < 2; ++k) {
			(*names)[2 * i + k] = strdup(
				run->arrays[check->pair[i][k]].var);
			if (!(*names)[2 * i + k]) {
				lf_check_names_free(*names, check->n_pair);
				*names = NULL;
				return -1;
			}
		}
	return check->n_pair;
}

void lf_check_names_free(char **names, int n_pair)
{
	int i;

	for (i = 0; names && i < 2 * n_pair; ++i)
		free(names[i]);
	free(names);
}

/* Drop from *tagged every conflict between arrays a and b.
 */
static __isl_give isl_union_map *lf_check_drop_pair(struct lf_run *run,
	__isl_take isl_union_map *tagged, int a, int b)
{
	isl_union_set *ta = lf_deps_array_tags(run, a);
	isl_union_set *tb = lf_deps_array_tags(run, b);
	isl_union_map *ab, *ba;

	ab = isl_union_map_intersect_range(
		isl_union_map_intersect_domain(isl_union_map_copy(tagged),
					       isl_union_set_copy(ta)),
		isl_union_set_copy(tb));
	ba = isl_union_map_intersect_range(
		isl_union_map_intersect_domain(isl_union_map_copy(tagged), tb),
		ta);
	tagged = isl_union_map_subtract(tagged, ab);
	return isl_union_map_subtract(tagged, ba);
}

/* Is array a declared before array b (a parameter before another)?
 */
static int lf_check_before(struct lf_run *run, int a, int b)
{
	unsigned pa = run->arrays[a].decl.offset;
	unsigned pb = run->arrays[b].decl.offset;

	return pa < pb || (pa == pb && a < b);
}

/* Add the pair of the arrays of accesses "source" and "sink", the one
 * declared first first.
 */
static int lf_check_add(struct lf_run *run, struct lf_check *check,
	int source, int sink, int *a, int *b)
{
	int first;

	*a = run->accesses[source].array;
	*b = run->accesses[sink].array;
	if (LF_GROW(check->pair, check->n_pair) < 0)
		return -1;
	first = lf_check_before(run, *a, *b);
	check->pair[check->n_pair][0] = first ? *a : *b;
	check->pair[check->n_pair][1] = first ? *b : *a;
	check->n_pair++;
	return 0;
}

/* The pairs of arrays whose conflicts in deps->checked the new order
 * "sched" breaks: the pairs a check must find apart for "sched" to be
 * legal.  Returns 0 or -1 on error.
 */
int lf_check_needed(struct lf_run *run, struct lf_deps *deps,
	__isl_keep isl_union_map *sched, struct lf_check *check)
{
	isl_union_map *left = isl_union_map_copy(deps->checked);
	struct lf_witness witness;
	int r, a, b;

	check->n_pair = 0;
	check->pair = NULL;
	while ((r = lf_legality_check_tagged(left, LF_DEP_ALIAS, sched,
					     &witness)) == 0) {
		r = lf_check_add(run, check, witness.source, witness.sink,
				 &a, &b);
		lf_witness_clear(&witness);
		if (r < 0)
			break;
		left = lf_check_drop_pair(run, left, a, b);
	}
	isl_union_map_free(left);
	if (r < 0)
		lf_check_clear(check);
	return r < 0 ? -1 : 0;
}

/* In a check, a size is converted to long long.
 */
static const char *lf_check_id_text(__isl_keep isl_id *id, void *user)
{
	struct lf_checks *checks = user;
	const char *name = isl_id_get_name(id);
	int i;

	for (i = 0; name && i < checks->run->n_param; ++i)
		if (!strcmp(checks->run->params[i].name, name))
			return checks->casts[i];
	return NULL;
}

/* Append "expr", an expression of the sizes, to "out": with the sizes
 * converted to long long if "wide", and with the ranges of "fit" (if
 * not NULL) to print divisions.
 */
static int lf_check_print_expr(struct lf_checks *checks, int wide,
	struct lf_fit *fit, __isl_keep isl_ast_expr *expr, struct lf_buf *out)
{
	struct lf_print_expr_style es = { NULL, NULL, checks };

	if (wide)
		es.id_text = &lf_check_id_text;
	if (fit)
		es.ranges = lf_fit_env(fit);
	return lf_print_expr_styled(&es, out, expr);
}

/* Is "expr" a name or a number, which needs no parentheses?
 */
static int lf_check_is_atom(__isl_keep isl_ast_expr *expr)
{
	enum isl_ast_expr_type type = isl_ast_expr_get_type(expr);

	return type == isl_ast_expr_id || type == isl_ast_expr_int;
}

/* Append the address of element "off" of array a, as an integer:
 * "(__UINTPTR_TYPE__)a + (__UINTPTR_TYPE__)(off) * sizeof a[0]".
 * Computed in unsigned integers it is defined whatever the offset,
 * where pointer arithmetic could leave the object.
 */
static int lf_check_print_address(struct lf_checks *checks, int a,
	__isl_keep isl_ast_expr *off, struct lf_buf *out)
{
	const struct lf_array *array = &checks->run->arrays[a];
	const struct lf_check_range *r = &checks->ranges[a];
	isl_val *v = isl_ast_expr_get_type(off) == isl_ast_expr_int ?
		     isl_ast_expr_int_get_val(off) : NULL;
	int k, zero = v && isl_val_is_zero(v);
	int atom = lf_check_is_atom(off) && !r->wide;

	isl_val_free(v);
	lf_buf_printf(out, "(__UINTPTR_TYPE__)%s", array->var);
	if (zero)
		return 0;
	lf_buf_printf(out, " + (__UINTPTR_TYPE__)%s", atom ? "" : "(");
	if (lf_check_print_expr(checks, r->wide, r->fit, off, out) < 0)
		return -1;
	lf_buf_printf(out, "%s * sizeof %s", atom ? "" : ")", array->var);
	for (k = 0; k < (array->flat ? 1 : array->n_dim); ++k)
		lf_buf_add_str(out, "[0]");
	return 0;
}

/* Append the address of the first byte of array a that the run
 * accesses, or with "end" of the byte after the last.
 */
static int lf_check_print_edge(struct lf_checks *checks, int a, int end,
	struct lf_buf *out)
{
	const struct lf_array *array = &checks->run->arrays[a];
	const struct lf_check_range *r = &checks->ranges[a];

	if (!r->lo) {
		lf_buf_printf(out, "(__UINTPTR_TYPE__)&%s", array->var);
		if (end)
			lf_buf_printf(out, " + sizeof %s", array->var);
		return 0;
	}
	return lf_check_print_address(checks, a, end ? r->end : r->lo, out);
}

/* The guard of array a as text, "" if it has none; the caller frees it.
 */
static char *lf_check_guard_text(struct lf_checks *checks, int a)
{
	const struct lf_check_range *r = &checks->ranges[a];
	struct lf_buf buf;

	lf_buf_init(&buf);
	lf_buf_add_str(&buf, "");
	if (r->guard && lf_check_print_expr(checks, r->guard_wide, NULL,
					    r->guard, &buf) < 0)
		buf.failed = 1;
	return lf_buf_take(&buf);
}

/* Append "!(guard) ||" and "separator" for the guards of arrays a and
 * b (once if they are the same).
 */
static int lf_check_print_guards(struct lf_checks *checks, int a, int b,
	const char *separator, struct lf_buf *out)
{
	char *ga = lf_check_guard_text(checks, a);
	char *gb = lf_check_guard_text(checks, b);
	int ok = ga && gb;

	if (ok && *ga)
		lf_buf_printf(out, "!(%s) ||%s", ga, separator);
	if (ok && *gb && strcmp(ga, gb))
		lf_buf_printf(out, "!(%s) ||%s", gb, separator);
	free(ga);
	free(gb);
	return ok ? 0 : -1;
}

/* Append that arrays a and b are apart: the run accesses one of them
 * not at all, or the bytes of one end before those of the other begin.
 */
static int lf_check_print_pair(struct lf_checks *checks, int a, int b,
	const char *separator, struct lf_buf *out)
{
	if (lf_check_print_guards(checks, a, b, separator, out) < 0 ||
	    lf_check_print_edge(checks, a, 1, out) < 0)
		return -1;
	lf_buf_add_str(out, " <= ");
	if (lf_check_print_edge(checks, b, 0, out) < 0)
		return -1;
	lf_buf_printf(out, " ||%s", separator);
	if (lf_check_print_edge(checks, b, 1, out) < 0)
		return -1;
	lf_buf_add_str(out, " <= ");
	return lf_check_print_edge(checks, a, 0, out);
}

/* Append the condition of "check": every pair apart, in parentheses
 * joined by "&&" if there are several, a line for each part, the lines
 * joined by "separator" (a newline and indentation).
 */
int lf_check_print(struct lf_checks *checks, const struct lf_check *check,
	const char *separator, struct lf_buf *out)
{
	struct lf_buf sep;
	int i, several = check->n_pair > 1;

	lf_buf_init(&sep);
	lf_buf_printf(&sep, "%s%s", separator, several ? " " : "");
	for (i = 0; i < check->n_pair && !sep.failed; ++i) {
		if (i)
			lf_buf_printf(out, " &&%s", separator);
		if (several)
			lf_buf_add_char(out, '(');
		if (lf_check_print_pair(checks, check->pair[i][0],
					check->pair[i][1], sep.data, out) < 0)
			sep.failed = 1;
		if (several)
			lf_buf_add_char(out, ')');
	}
	if (sep.failed)
		out->failed = 1;
	lf_buf_free(&sep);
	return out->failed ? -1 : 0;
}
