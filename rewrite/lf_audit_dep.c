/* SPDX-License-Identifier: MIT */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <isl/aff.h>
#include <isl/ast.h>
#include <isl/ast_build.h>
#include <isl/local_space.h>
#include <isl/map.h>
#include <isl/point.h>
#include <isl/set.h>
#include <isl/space.h>
#include <isl/val.h>

#include "lf_audit.h"
#include "lf_buf.h"
#include "lf_print.h"

/* The description of one dependence for the audit: its two accesses,
 * the iterations it relates as C expressions (or an example), its isl
 * relation, and its distances in the loops a fusion group shares.
 */

void lf_audit_strs_free(__isl_take char **strs, int n)
{
	int i;

	if (!strs)
		return;
	for (i = 0; i < n; ++i)
		free(strs[i]);
	free(strs);
}

/* Free the NULL-terminated "strs".
 */
static void lf_audit_strv_free(__isl_take char **strs)
{
	int i;

	for (i = 0; strs && strs[i]; ++i)
		free(strs[i]);
	free(strs);
}

static void lf_audit_ref_clear(__isl_keep struct lf_audit_ref *ref)
{
	free(ref->text);
	free(ref->array);
	free(ref->stmt);
	free(ref->target);
}

void lf_audit_dep_clear(__isl_keep struct lf_audit_dep *dep)
{
	lf_audit_ref_clear(&dep->source);
	lf_audit_ref_clear(&dep->sink);
	free(dep->iteration);
	free(dep->example_source);
	free(dep->example_sink);
	free(dep->example_params);
	free(dep->relation);
	lf_audit_strs_free(dep->distance, dep->n_distance);
	lf_audit_strv_free(dep->iters);
	memset(dep, 0, sizeof(*dep));
}

void lf_audit_reason_clear(__isl_keep struct lf_audit_reason *reason)
{
	lf_reason_free(reason->reason);
	if (reason->has_dep)
		lf_audit_dep_clear(&reason->dep);
	memset(reason, 0, sizeof(*reason));
}

/* Accesses and statements. */

static __isl_give char *lf_audit_strdup(__isl_keep const char *s)
{
	return s ? strdup(s) : NULL;
}

/* The text of the first access that statement "stmt" writes, or NULL.
 */
static __isl_keep const char *lf_audit_stmt_target(
	__isl_keep struct lf_run *run, __isl_keep struct lf_stmt *stmt)
{
	int i;

	for (i = 0; i < stmt->n_access; ++i) {
		struct lf_access *acc = &run->accesses[stmt->accesses[i]];

		if (acc->kind != LF_ACCESS_READ)
			return acc->text;
	}
	return NULL;
}

static int lf_audit_ref_init(struct lf_audit_ref *ref,
	__isl_keep struct lf_run *run, int access, int base)
{
	struct lf_access *acc;
	struct lf_stmt *stmt;

	memset(ref, 0, sizeof(*ref));
	if (access < 0 || access >= run->n_access)
		return -1;
	acc = &run->accesses[access];
	stmt = &run->stmts[acc->stmt];
	ref->text = lf_audit_strdup(acc->text);
	ref->array = lf_audit_strdup(run->arrays[acc->array].name);
	ref->write = acc->kind != LF_ACCESS_READ;
	ref->loc = acc->loc;
	ref->stmt = lf_audit_strdup(stmt->name);
	ref->target = lf_audit_strdup(lf_audit_stmt_target(run, stmt));
	ref->stmt_loc = stmt->loc;
	ref->nest = base + stmt->nest;
	if (!ref->text || !ref->array || !ref->stmt)
		return -1;
	return 0;
}

/* Name the dimensions of "type" of "map" after the iterators of
 * statement "stmt"; a name that "other" uses in the same position gets
 * a prime, as isl would print it.
 */
static __isl_give isl_map *lf_audit_name_dims(__isl_take isl_map *map,
	enum isl_dim_type type, __isl_keep struct lf_run *run,
	__isl_keep struct lf_stmt *stmt, __isl_keep struct lf_stmt *other)
{
	char name[256];
	int l, j, clash;
	isl_size n = isl_map_dim(map, type);

	if (n < 0)
		return isl_map_free(map);
	for (l = 0; l < n && l < stmt->depth; ++l) {
		const char *iter = run->loops[stmt->loops[l]].iter;

		clash = 0;
		for (j = 0; other && j < other->depth; ++j)
			if (!strcmp(run->loops[other->loops[j]].iter, iter))
				clash = 1;
		snprintf(name, sizeof(name), "%s%s", iter, clash ? "'" : "");
		map = isl_map_set_dim_name(map, type, l, name);
	}
	return map;
}

/* Printing isl objects as C. */

static __isl_give char *lf_audit_expr_str(__isl_take isl_pw_aff *pa,
	__isl_keep isl_set *dom)
{
	isl_ast_build *build;
	isl_ast_expr *expr;
	struct lf_buf buf;
	char *s;

	build = isl_ast_build_from_context(isl_set_copy(dom));
	expr = isl_ast_build_expr_from_pw_aff(build, pa);
	lf_buf_init(&buf);
	if (!expr || lf_print_expr(&buf, expr) < 0)
		buf.failed = 1;
	s = lf_buf_take(&buf);
	isl_ast_expr_free(expr);
	isl_ast_build_free(build);
	return s;
}

/* "e" for one expression, "(e0, e1, ...)" for several.
 */
static __isl_give char *lf_audit_multi_aff_str(__isl_keep isl_multi_aff *ma,
	__isl_keep isl_set *dom)
{
	struct lf_buf buf;
	isl_size n = isl_multi_aff_dim(ma, isl_dim_out);
	int i;

	if (n <= 0)
		return NULL;
	lf_buf_init(&buf);
	if (n > 1)
		lf_buf_add_char(&buf, '(');
	for (i = 0; i < n; ++i) {
		isl_aff *aff = isl_multi_aff_get_aff(ma, i);
		char *s = lf_audit_expr_str(isl_pw_aff_from_aff(aff), dom);

		if (!s)
			buf.failed = 1;
		lf_buf_printf(&buf, "%s%s", i ? ", " : "", s ? s : "");
		free(s);
	}
	if (n > 1)
		lf_buf_add_char(&buf, ')');
	return lf_buf_take(&buf);
}

struct lf_audit_piece {
	isl_set *within;
	isl_set *dom;
	isl_multi_aff *ma;
	int n;
};

/* Remember the piece of a function that applies on "within"; count the
 * pieces that do.
 */
static isl_stat lf_audit_piece_find(__isl_take isl_set *set,
	__isl_take isl_multi_aff *ma, void *user)
{
	struct lf_audit_piece *p = user;
	isl_bool disjoint = isl_set_is_disjoint(set, p->within);

	if (disjoint < 0 || disjoint) {
		isl_set_free(set);
		isl_multi_aff_free(ma);
		return disjoint < 0 ? isl_stat_error : isl_stat_ok;
	}
	p->n++;
	isl_set_free(p->dom);
	isl_multi_aff_free(p->ma);
	p->dom = set;
	p->ma = ma;
	return isl_stat_ok;
}

/* The single-valued "fn" (sink -> source instances) as C expressions
 * of the sink's iterators, if one piece of it covers "within".
 */
static __isl_give char *lf_audit_fn_str(__isl_take isl_map *fn,
	__isl_keep isl_set *within)
{
	struct lf_audit_piece p = { within, NULL, NULL, 0 };
	isl_pw_multi_aff *pma = isl_pw_multi_aff_from_map(fn);
	isl_stat r;
	char *s = NULL;

	r = isl_pw_multi_aff_foreach_piece(pma, &lf_audit_piece_find, &p);
	if (r >= 0 && p.n == 1)
		s = lf_audit_multi_aff_str(p.ma, p.dom);
	isl_set_free(p.dom);
	isl_multi_aff_free(p.ma);
	isl_pw_multi_aff_free(pma);
	return s;
}

/* { sink instance -> source instance } for the instances of the two
 * accesses that touch the same element, over symbolic sizes.
 */
static __isl_give isl_map *lf_audit_same_element(__isl_keep struct lf_run *run,
	__isl_keep struct lf_access *src, __isl_keep struct lf_access *dst)
{
	isl_map *a, *b;

	a = isl_map_intersect_domain(isl_map_copy(src->rel),
		isl_set_copy(run->stmts[src->stmt].domain));
	b = isl_map_intersect_domain(isl_map_copy(dst->rel),
		isl_set_copy(run->stmts[dst->stmt].domain));
	return isl_map_apply_range(b, isl_map_reverse(a));
}

/* A function from sink to source instances that contains "rev" and is
 * written in the program's own sizes where possible: the instances of
 * the source access that touch the element the sink touches, or the
 * last of them (the value a read sees), checked against "rev".
 */
static __isl_give isl_map *lf_audit_symbolic(__isl_keep struct lf_run *run,
	__isl_keep struct lf_audit_dep *dep, int src, int dst,
	__isl_keep isl_map *rev)
{
	isl_map *fn;
	isl_bool sv, sub;

	fn = lf_audit_same_element(run, &run->accesses[src],
				   &run->accesses[dst]);
	sv = isl_map_is_single_valued(fn);
	if (sv == isl_bool_false && dep->kind != LF_DEP_ANTI) {
		fn = isl_map_lexmax(fn);
		sv = isl_map_is_single_valued(fn);
	}
	if (sv != isl_bool_true)
		return isl_map_free(fn);
	fn = isl_map_align_params(fn, isl_map_get_space(rev));
	fn = lf_audit_name_dims(fn, isl_dim_in, run,
		&run->stmts[run->accesses[dst].stmt], NULL);
	sub = isl_map_is_subset(rev, fn);
	if (sub != isl_bool_true)
		return isl_map_free(fn);
	return fn;
}

/* "i = 0, j = 3" for the n coordinates of "pnt" from "first" on, named
 * after the iterators of "stmt".
 */
static __isl_give char *lf_audit_point_str(__isl_keep isl_point *pnt, int first,
	__isl_keep struct lf_run *run, __isl_keep struct lf_stmt *stmt)
{
	struct lf_buf buf;
	int l;

	lf_buf_init(&buf);
	for (l = 0; l < stmt->depth; ++l) {
		isl_val *v;
		char *s;

		v = isl_point_get_coordinate_val(pnt, isl_dim_set, first + l);
		s = v ? isl_val_to_str(v) : NULL;
		if (!s)
			buf.failed = 1;
		lf_buf_printf(&buf, "%s%s = %s", l ? ", " : "",
			      run->loops[stmt->loops[l]].iter, s ? s : "");
		free(s);
		isl_val_free(v);
	}
	return lf_buf_take(&buf);
}

static int lf_audit_param_known(__isl_keep struct lf_run *run,
	__isl_keep const char *name)
{
	int i;

	for (i = 0; name && i < run->n_param; ++i)
		if (!strcmp(run->params[i].name, name))
			return run->params[i].has_value;
	return 0;
}

/* "n = 3, m = 2" for the sizes of "pnt" that the program does not fix,
 * or NULL if it fixes them all.
 */
static __isl_give char *lf_audit_point_params(__isl_keep isl_point *pnt,
	__isl_keep struct lf_run *run)
{
	isl_space *space = isl_point_get_space(pnt);
	isl_size n = isl_space_dim(space, isl_dim_param);
	struct lf_buf buf;
	int i, any = 0;

	lf_buf_init(&buf);
	for (i = 0; i < n; ++i) {
		const char *name = isl_space_get_dim_name(space,
							 isl_dim_param, i);
		isl_val *v;
		char *s;

		if (!name || lf_audit_param_known(run, name))
			continue;
		v = isl_point_get_coordinate_val(pnt, isl_dim_param, i);
		s = v ? isl_val_to_str(v) : NULL;
		if (!s)
			buf.failed = 1;
		lf_buf_printf(&buf, "%s%s = %s", any++ ? ", " : "", name,
			      s ? s : "");
		free(s);
		isl_val_free(v);
	}
	isl_space_free(space);
	if (!any) {
		lf_buf_free(&buf);
		return NULL;
	}
	return lf_buf_take(&buf);
}

/* One concrete pair of instances of "map" (source -> sink).
 */
static int lf_audit_dep_example(__isl_keep struct lf_audit_dep *dep,
	__isl_keep struct lf_run *run, __isl_keep struct lf_stmt *src,
	__isl_keep struct lf_stmt *dst, __isl_keep isl_map *map)
{
	isl_point *pnt;
	isl_bool void_pnt;

	pnt = isl_set_sample_point(isl_map_wrap(isl_map_copy(map)));
	void_pnt = isl_point_is_void(pnt);
	if (void_pnt < 0 || void_pnt) {
		isl_point_free(pnt);
		return void_pnt < 0 ? -1 : 0;
	}
	dep->example_source = lf_audit_point_str(pnt, 0, run, src);
	dep->example_sink = lf_audit_point_str(pnt, src->depth, run, dst);
	dep->example_params = lf_audit_point_params(pnt, run);
	isl_point_free(pnt);
	return dep->example_source && dep->example_sink ? 0 : -1;
}

/* The source iterations of "map" as C expressions of the sink's
 * iterators, in the program's own sizes where possible.
 */
static __isl_give char *lf_audit_dep_iteration(
	__isl_keep struct lf_audit_dep *dep, __isl_keep struct lf_run *run,
	int src, int dst, __isl_keep isl_map *map)
{
	struct lf_stmt *sink = &run->stmts[run->accesses[dst].stmt];
	isl_map *rev, *fn;
	isl_set *within;
	isl_bool sv;
	char *s = NULL;

	rev = isl_map_reverse(isl_map_copy(map));
	rev = lf_audit_name_dims(rev, isl_dim_in, run, sink, NULL);
	within = isl_map_domain(isl_map_copy(rev));
	fn = lf_audit_symbolic(run, dep, src, dst, rev);
	if (fn)
		s = lf_audit_fn_str(fn, within);
	sv = s ? isl_bool_false : isl_map_is_single_valued(rev);
	if (sv == isl_bool_true)
		s = lf_audit_fn_str(isl_map_copy(rev), within);
	isl_set_free(within);
	isl_map_free(rev);
	return s;
}

/* The relation with the dimensions named after the iterators, the
 * sink's primed where they clash with the source's.
 */
static __isl_give char *lf_audit_relation_str(__isl_keep struct lf_run *run,
	__isl_keep struct lf_stmt *src, __isl_keep struct lf_stmt *dst,
	__isl_keep isl_map *map)
{
	isl_map *named = isl_map_copy(map);
	char *s;

	named = lf_audit_name_dims(named, isl_dim_in, run, src, NULL);
	named = lf_audit_name_dims(named, isl_dim_out, run, dst, src);
	s = named ? isl_map_to_str(named) : NULL;
	isl_map_free(named);
	return s;
}

/* Describe the dependence "map" of kind "kind" from access "src" to
 * access "dst" of "run"; "base" is the index of the run's first nest
 * in its function.  The relation, iteration and example are left out
 * when isl cannot compute them within its budget.
 */
int lf_audit_dep_init(struct lf_audit_dep *dep, __isl_keep struct lf_run *run,
	enum lf_dep_kind kind, int src, int dst, __isl_keep isl_map *map,
	int base)
{
	struct lf_stmt *s, *d;

	memset(dep, 0, sizeof(*dep));
	dep->kind = kind;
	if (lf_audit_ref_init(&dep->source, run, src, base) < 0 ||
	    lf_audit_ref_init(&dep->sink, run, dst, base) < 0)
		return -1;
	s = &run->stmts[run->accesses[src].stmt];
	d = &run->stmts[run->accesses[dst].stmt];
	dep->relation = lf_audit_relation_str(run, s, d, map);
	dep->iteration = lf_audit_dep_iteration(dep, run, src, dst, map);
	if (!dep->iteration)
		lf_audit_dep_example(dep, run, s, d, map);
	isl_ctx_reset_error(isl_set_get_ctx(run->context));
	return 0;
}

/* { S[i] -> [t_0, ..., t_{n-1}] }: the first n fused loops of "stmt",
 * each iterator in the loop's direction plus the nest's shift.
 */
static __isl_give isl_map *lf_audit_fused_time(__isl_keep struct lf_run *run,
	__isl_keep struct lf_stmt *stmt, const int *shift, int n)
{
	isl_space *space = isl_set_get_space(stmt->domain);
	isl_ctx *ctx = isl_space_get_ctx(space);
	isl_local_space *ls;
	isl_aff_list *list;
	int l;

	ls = isl_local_space_from_space(isl_space_copy(space));
	list = isl_aff_list_alloc(ctx, n);
	for (l = 0; l < n; ++l) {
		isl_aff *aff;

		aff = isl_aff_var_on_domain(isl_local_space_copy(ls),
					    isl_dim_set, l);
		aff = isl_aff_scale_val(aff, isl_val_int_from_si(ctx,
			run->loops[stmt->loops[l]].dir));
		aff = isl_aff_add_constant_si(aff, shift[l]);
		list = isl_aff_list_add(list, aff);
	}
	isl_local_space_free(ls);
	space = isl_space_add_dims(isl_space_from_domain(space),
				   isl_dim_out, n);
	return isl_map_from_multi_aff(isl_multi_aff_from_aff_list(space,
								   list));
}

static isl_bool lf_audit_at_least(__isl_keep isl_set *one, int v)
{
	isl_set *bound;
	isl_bool sub;

	bound = isl_set_universe(isl_set_get_space(one));
	bound = isl_set_lower_bound_si(bound, isl_dim_set, 0, v);
	sub = isl_set_is_subset(one, bound);
	isl_set_free(bound);
	return sub;
}

/* Distance l of the set of distance vectors "delta": a number if it
 * is fixed, else ">= 1", ">= 0" or "*".
 */
static __isl_give char *lf_audit_distance_str(__isl_keep isl_set *delta, int l)
{
	isl_size n = isl_set_dim(delta, isl_dim_set);
	isl_set *one;
	isl_val *v;
	isl_bool pos = isl_bool_false, nonneg = isl_bool_false;
	char *s = NULL;

	if (n < 0)
		return NULL;
	one = isl_set_project_out(isl_set_copy(delta), isl_dim_set, l + 1,
				  n - l - 1);
	one = isl_set_project_out(one, isl_dim_set, 0, l);
	one = isl_set_detect_equalities(one);
	v = isl_set_plain_get_val_if_fixed(one, isl_dim_set, 0);
	if (v && isl_val_is_int(v))
		s = isl_val_to_str(v);
	if (v && !s) {
		pos = lf_audit_at_least(one, 1);
		nonneg = pos == isl_bool_false ? lf_audit_at_least(one, 0) :
			 isl_bool_false;
	}
	if (v && !s && pos >= 0 && nonneg >= 0)
		s = strdup(pos ? ">= 1" : nonneg ? ">= 0" : "*");
	isl_val_free(v);
	isl_set_free(one);
	return s;
}

/* The distances of "map" (from statement "src" of nest a to statement
 * "dst" of nest b) in the n loops the two nests share in "plan".
 */
int lf_audit_dep_distance(__isl_keep struct lf_audit_dep *dep,
	__isl_keep struct lf_run *run, __isl_keep struct lf_plan *plan,
	__isl_keep struct lf_stmt *src, __isl_keep struct lf_stmt *dst,
	__isl_keep isl_map *map, int n)
{
	isl_map *t;
	isl_set *delta;
	int l;

	dep->distance = calloc(n > 0 ? n : 1, sizeof(char *));
	dep->iters = calloc(n + 1, sizeof(char *));
	if (!dep->distance || !dep->iters)
		return -1;
	for (l = 0; l < n && l < src->depth; ++l) {
		dep->iters[l] = strdup(run->loops[src->loops[l]].iter);
		if (!dep->iters[l])
			return -1;
	}
	t = isl_map_apply_domain(isl_map_copy(map), lf_audit_fused_time(run,
		src, plan->shift[src->nest], n));
	t = isl_map_apply_range(t, lf_audit_fused_time(run, dst,
		plan->shift[dst->nest], n));
	delta = isl_map_deltas(t);
	for (l = 0; l < n && delta; ++l) {
		dep->distance[l] = lf_audit_distance_str(delta, l);
		dep->n_distance = l + 1;
		if (!dep->distance[l])
			break;
	}
	isl_set_free(delta);
	return dep->n_distance == n && (n == 0 || dep->distance[n - 1]) ?
		0 : -1;
}

