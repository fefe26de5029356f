/* SPDX-License-Identifier: MIT */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <isl/aff.h>
#include <isl/id.h>
#include <isl/map.h>
#include <isl/set.h>
#include <isl/val.h>

#include "lf_delin.h"
#include "lf_grow.h"

/* The shape of the arrays that a run reaches by flat subscripts, and
 * the model of their accesses in it (see lf_delin.c).
 */

/* The shape of an array: chain[k] is the monomial of level k (k sizes,
 * chain[0] the empty one), and the model dimension t (0 outermost) has
 * level m - t.  at[k] is the flat access where chain[k] was found.
 * The weight of level k is g[k] * chain[k], g[0] = 1 and each g[k]
 * a multiple of the one below: a constant factor that every term of
 * the level has, so that in[((c * h + y) * 3 + dy) * 3 + dx], level 1
 * weighs 9 * h and its dimension below has size 9 * h.
 */
struct lf_delin_shape {
	int m;
	struct lf_delin_term *chain[LF_DELIN_MAX_SIZES + 1];
	int at[LF_DELIN_MAX_SIZES + 1];
	long g[LF_DELIN_MAX_SIZES + 1];
};

/* The number of sizes of y left when those of x (NULL: none) are taken
 * out, as multisets (a cube's n * n has two), or -1 if x has one that
 * y has not.  *first is the index in y of the first one left, or -1.
 */
static int lf_delin_minus(__isl_keep struct lf_delin_term *x,
	__isl_keep struct lf_delin_term *y, int *first)
{
	int nx = x ? x->n_size : 0, i = 0, j, n = 0, c;

	*first = -1;
	for (j = 0; j < y->n_size; ++j) {
		c = i < nx ? strcmp(x->size[i], y->size[j]) : 1;
		if (c < 0)
			return -1;
		if (c == 0) {
			i++;
			continue;
		}
		if (*first < 0)
			*first = j;
		n++;
	}
	return i < nx ? -1 : n;
}

/* Is every size of x one of y's, as multisets?
 */
static int lf_delin_divides(__isl_keep struct lf_delin_term *x,
	__isl_keep struct lf_delin_term *y)
{
	int first;

	return lf_delin_minus(x, y, &first) >= 0;
}

/* Record that the array keyed "usr" is refused, for "reason".
 */
static int lf_delin_refuse(__isl_keep struct lf_builder *b,
	__isl_keep const char *usr, __isl_take struct lf_reason *reason)
{
	struct lf_delin *d = b->delin;
	struct lf_delin_refusal *r;

	if (!reason || LF_GROW(d->refused, d->n_refused) < 0) {
		lf_reason_free(reason);
		return -1;
	}
	r = &d->refused[d->n_refused];
	r->usr = strdup(usr);
	r->reason = reason;
	d->n_refused++;
	return r->usr ? 1 : -1;
}

/* Refuse array "a" because of access "acc": kind "why", naming "name".
 */
static int lf_delin_refuse_at(__isl_keep struct lf_builder *b, int a,
	__isl_keep struct lf_access *acc, enum lf_why why,
	__isl_keep const char *name)
{
	return lf_delin_refuse(b, b->array_usr[a],
			       lf_reason_alloc(why, acc->loc, acc->text, name));
}

/* Place the monomial of term "t" of flat access "f" in the shape, at
 * the weight of its number of sizes: it must be the monomial already
 * there, if any.  Returns 0 if it fits, 1 if not.
 */
static int lf_delin_place(__isl_keep struct lf_delin_shape *shape,
	__isl_keep struct lf_delin_term *t, int f)
{
	int k = t->n_size;

	if (k > LF_DELIN_MAX_SIZES)
		return 1;
	if (shape->chain[k])
		return lf_delin_divides(t, shape->chain[k]) ? 0 : 1;
	shape->chain[k] = t;
	shape->at[k] = f;
	if (k > shape->m)
		shape->m = k;
	return 0;
}

/* Do the monomials of the chain grow by one size at a time?
 */
static int lf_delin_is_chain(__isl_keep struct lf_delin_shape *shape,
	int *bad)
{
	int k;

	for (k = 1; k <= shape->m; ++k) {
		if (!shape->chain[k] ||
		    (k > 1 && !shape->chain[k - 1]) ||
		    (k > 1 && !lf_delin_divides(shape->chain[k - 1],
						shape->chain[k]))) {
			*bad = shape->chain[k] ? shape->at[k] :
			       shape->at[shape->m];
			return 0;
		}
	}
	return 1;
}

/* The size that the monomial of level k >= 1 adds to the one below.
 */
static const char *lf_delin_size(__isl_keep struct lf_delin_shape *shape,
	int k)
{
	int first;

	if (lf_delin_minus(shape->chain[k - 1], shape->chain[k], &first) != 1)
		return NULL;
	return shape->chain[k]->size[first];
}

static __isl_give isl_pw_aff *lf_delin_param(__isl_take isl_space *space,
	__isl_keep const char *name)
{
	isl_ctx *ctx = isl_space_get_ctx(space);

	return isl_pw_aff_param_on_domain_id(isl_set_universe(space),
					     isl_id_alloc(ctx, name, NULL));
}

/* The size of model dimension t >= 1, over "space": the weight of the
 * level above it over its own, (g[k + 1] / g[k]) * size.
 */
static __isl_give isl_pw_aff *lf_delin_dim_size(
	__isl_keep struct lf_delin_shape *shape, int t,
	__isl_take isl_space *space)
{
	int k = shape->m - t;
	isl_ctx *ctx = isl_space_get_ctx(space);
	isl_pw_aff *s = lf_delin_param(space, lf_delin_size(shape, k + 1));

	return isl_pw_aff_scale_val(s, isl_val_int_from_si(ctx,
		shape->g[k + 1] / shape->g[k]));
}

/* The size of model dimension t >= 1 as text, for a reason.
 */
static __isl_give char *lf_delin_dim_text(
	__isl_keep struct lf_delin_shape *shape, int t)
{
	int k = shape->m - t;
	const char *name = lf_delin_size(shape, k + 1);
	long f = shape->g[k + 1] / shape->g[k];
	char buf[300];

	if (f == 1)
		return strdup(name);
	snprintf(buf, sizeof(buf), "%ld * %s", f, name);
	return strdup(buf);
}

/* The level of term "t" in the shape: that of the largest monomial of
 * the shape that divides its own.  *extra is set to the index of the
 * one size left over, if any (the coefficient must then be constant),
 * or -1.  Returns the level, -1 if the term does not fit, -2 on error.
 */
static int lf_delin_level(__isl_keep struct lf_delin_shape *shape,
	__isl_keep struct lf_delin_term *t, int *extra)
{
	isl_bool cst;
	int k, n;

	for (k = shape->m; k > 0; --k)
		if (shape->chain[k]->n_size <= t->n_size &&
		    lf_delin_divides(shape->chain[k], t))
			break;
	n = lf_delin_minus(k > 0 ? shape->chain[k] : NULL, t, extra);
	if (n == 0)
		return k;
	cst = isl_pw_aff_is_cst(t->coef);
	if (cst < 0)
		return -2;
	return n == 1 && cst ? k : -1;
}

static long lf_delin_gcd(long x, long y)
{
	while (y) {
		long r = x % y;

		x = y;
		y = r;
	}
	return x < 0 ? -x : x;
}

/* Fold the integer coefficients and constant of "aff" into the gcd in
 * "user"; a rational one makes it 1.
 */
static isl_stat lf_delin_aff_content(__isl_take isl_set *set,
	__isl_take isl_aff *aff, void *user)
{
	long *g = user;
	enum isl_dim_type types[] = { isl_dim_param, isl_dim_in, isl_dim_div };
	isl_val *v = isl_aff_get_denominator_val(aff);
	int ok = v && isl_val_is_one(v), t, i;

	isl_val_free(v);
	for (t = -1; ok && t < 3; ++t) {
		isl_size n = t < 0 ? 1 : isl_aff_dim(aff, types[t]);

		for (i = 0; ok && i < n; ++i) {
			v = t < 0 ? isl_aff_get_constant_val(aff) :
			    isl_aff_get_coefficient_val(aff, types[t], i);
			ok = v && isl_val_is_int(v) &&
			     isl_val_cmp_si(v, 1L << 30) < 0 &&
			     isl_val_cmp_si(v, -(1L << 30)) > 0;
			if (ok)
				*g = lf_delin_gcd(*g, isl_val_get_num_si(v));
			isl_val_free(v);
		}
	}
	if (!ok)
		*g = 1;
	isl_set_free(set);
	isl_aff_free(aff);
	return isl_stat_ok;
}

/* The constant factors g[k] of the levels of the shape of array "a":
 * the gcd of what the terms of each level have, made a multiple of
 * the one below.  Returns 0, 1 if a term does not fit, or -1.
 */
static int lf_delin_factors(__isl_keep struct lf_builder *b, int a,
	__isl_keep struct lf_delin_shape *shape, int *bad)
{
	struct lf_delin *d = b->delin;
	int i, j, k, extra;

	for (k = 0; k <= shape->m; ++k)
		shape->g[k] = 0;
	for (i = 0; i < d->n_flat; ++i) {
		struct lf_delin_poly *poly = d->flat[i].poly;

		if (b->run->accesses[d->flat[i].access].array != a)
			continue;
		for (j = 0; j < poly->n; ++j) {
			k = lf_delin_level(shape, &poly->terms[j], &extra);
			if (k < 0) {
				*bad = i;
				return k == -1 ? 1 : -1;
			}
			if (isl_pw_aff_foreach_piece(poly->terms[j].coef,
				&lf_delin_aff_content, &shape->g[k]) < 0)
				return -1;
		}
	}
	shape->g[0] = 1;
	for (k = shape->m; k >= 1; --k) {
		if (shape->g[k] == 0)
			shape->g[k] = 1;
		if (k < shape->m)
			shape->g[k] = lf_delin_gcd(shape->g[k], shape->g[k + 1]);
	}
	return 0;
}

/* The shape of array "a" from the monomials of its flat accesses whose
 * coefficients are not constant.  Returns 0, or 1 if they form no
 * chain (the array is refused), or -1.
 */
static int lf_delin_shape_of(__isl_keep struct lf_builder *b, int a,
	__isl_keep struct lf_delin_shape *shape)
{
	struct lf_delin *d = b->delin;
	struct lf_run *run = b->run;
	int i, j, bad = -1;
	isl_bool cst;

	memset(shape, 0, sizeof(*shape));
	for (i = 0; i < d->n_flat && bad < 0; ++i) {
		struct lf_delin_poly *poly = d->flat[i].poly;

		if (run->accesses[d->flat[i].access].array != a)
			continue;
		for (j = 0; j < poly->n && bad < 0; ++j) {
			cst = isl_pw_aff_is_cst(poly->terms[j].coef);
			if (cst < 0)
				return -1;
			if (!cst && poly->terms[j].n_size > 0 &&
			    lf_delin_place(shape, &poly->terms[j], i))
				bad = i;
		}
	}
	if (bad < 0 && lf_delin_is_chain(shape, &bad)) {
		i = lf_delin_factors(b, a, shape, &bad);
		if (i <= 0)
			return i;
	}
	return lf_delin_refuse_at(b, a, &run->accesses[d->flat[bad].access],
				  LF_WHY_FLAT_SHAPE, run->arrays[a].var);
}

/* Add the term "t" to the subscripts "sub" (over "space") in the
 * shape: to the dimension of its level, divided by the level's
 * factor, times the size left over if any.  Returns 0, or 1 if it
 * does not fit.
 */
static int lf_delin_add_term(__isl_keep struct lf_delin_shape *shape,
	__isl_keep struct lf_delin_term *t, __isl_keep isl_space *space,
	isl_pw_aff **sub)
{
	isl_ctx *ctx = isl_space_get_ctx(space);
	isl_pw_aff *coef;
	int k, extra;

	k = lf_delin_level(shape, t, &extra);
	if (k < 0)
		return k == -1 ? 1 : -1;
	coef = isl_pw_aff_scale_down_val(isl_pw_aff_copy(t->coef),
		isl_val_int_from_si(ctx, shape->g[k]));
	if (extra >= 0)
		coef = isl_pw_aff_mul(coef, lf_delin_param(
			isl_space_copy(space), t->size[extra]));
	sub[shape->m - k] = isl_pw_aff_add(sub[shape->m - k], coef);
	return sub[shape->m - k] ? 0 : -1;
}

/* Is subscript "sub" of dimension t >= 1 outside [0, size) for some
 * instance of "where"?
 */
static isl_bool lf_delin_dim_out(__isl_keep struct lf_delin_shape *shape,
	__isl_keep isl_pw_aff *sub, int t, __isl_keep isl_set *where)
{
	isl_space *space = isl_set_get_space(where);
	isl_pw_aff *s, *zero;
	isl_set *bad;
	isl_bool empty;

	s = lf_delin_dim_size(shape, t, isl_space_copy(space));
	zero = isl_pw_aff_zero_on_domain(isl_local_space_from_space(space));
	bad = isl_pw_aff_lt_set(isl_pw_aff_copy(sub), zero);
	bad = isl_set_union(bad, isl_pw_aff_ge_set(isl_pw_aff_copy(sub), s));
	bad = isl_set_intersect(bad, isl_set_copy(where));
	empty = isl_set_is_empty(bad);
	isl_set_free(bad);
	return empty < 0 ? isl_bool_error : isl_bool_not(empty);
}

/* Bring the subscripts "sub" below the outermost into their dimensions
 * for every instance of "dom" (under "context"), innermost first: a
 * subscript that is not in [0, size) may be one row off, as the inner
 * part of (i + 1) * n - 1 - j is -1 - j: it is moved by its size, and
 * the one above by one the other way, which keeps the flat index.
 * Returns 0 if all fit, else 1 with the first dimension that does not
 * in *dim, or -1.
 */
static int lf_delin_fit_range(__isl_keep struct lf_delin_shape *shape,
	isl_pw_aff **sub, __isl_keep isl_set *dom,
	__isl_keep isl_set *context, int *dim)
{
	isl_set *where;
	isl_pw_aff *moved;
	isl_bool out = isl_bool_false;
	int t, c;

	where = isl_set_intersect_params(isl_set_copy(dom),
					 isl_set_copy(context));
	for (t = shape->m; t >= 1 && out == isl_bool_false; --t) {
		*dim = t;
		out = lf_delin_dim_out(shape, sub[t], t, where);
		for (c = 1; c >= -1 && out == isl_bool_true; c -= 2) {
			moved = isl_pw_aff_add(isl_pw_aff_copy(sub[t]),
				isl_pw_aff_scale_val(lf_delin_dim_size(shape,
				t, isl_set_get_space(dom)),
				isl_val_int_from_si(isl_set_get_ctx(dom), c)));
			out = lf_delin_dim_out(shape, moved, t, where);
			if (out == isl_bool_false) {
				isl_pw_aff_free(sub[t]);
				sub[t] = moved;
				sub[t - 1] = isl_pw_aff_add_constant_val(
					sub[t - 1], isl_val_int_from_si(
					isl_set_get_ctx(dom), -c));
			} else {
				isl_pw_aff_free(moved);
			}
		}
	}
	isl_set_free(where);
	return out < 0 ? -1 : out == isl_bool_true;
}

/* S[iterators] -> array[sub] over "dom", with the iterators from
 * "depth" on (loops inside a compound statement) projected out.
 */
static __isl_give isl_map *lf_delin_rel(int n, isl_pw_aff **sub,
	__isl_keep isl_set *dom, int depth, int stmt,
	__isl_keep const char *array)
{
	isl_pw_multi_aff *pma = isl_pw_multi_aff_from_pw_aff(sub[0]);
	isl_size n_in = isl_set_dim(dom, isl_dim_set);
	isl_map *rel;
	char name[32];
	int t;

	sub[0] = NULL;
	for (t = 1; t < n; ++t) {
		pma = isl_pw_multi_aff_flat_range_product(pma,
			isl_pw_multi_aff_from_pw_aff(sub[t]));
		sub[t] = NULL;
	}
	if (n_in < 0)
		pma = isl_pw_multi_aff_free(pma);
	rel = isl_map_from_pw_multi_aff(pma);
	rel = isl_map_intersect_domain(rel, isl_set_copy(dom));
	rel = isl_map_project_out(rel, isl_dim_in, depth, n_in - depth);
	snprintf(name, sizeof(name), "S%d", stmt);
	rel = isl_map_set_tuple_name(rel, isl_dim_in, name);
	return isl_map_set_tuple_name(rel, isl_dim_out, array);
}

/* Model flat access "f" of array "a" in its shape.  Returns 0, 1 if it
 * does not fit (the array is refused) or -1.
 */
static int lf_delin_flat_access(__isl_keep struct lf_builder *b, int a,
	__isl_keep struct lf_delin_flat *f,
	__isl_keep struct lf_delin_shape *shape)
{
	struct lf_run *run = b->run;
	struct lf_access *acc = &run->accesses[f->access];
	isl_pw_aff *sub[LF_DELIN_MAX_SIZES + 1];
	isl_space *space = isl_set_get_space(f->dom);
	int t, i, r = 0, dim = 0, out;
	char *size;

	for (t = 0; t <= shape->m; ++t)
		sub[t] = isl_pw_aff_zero_on_domain(isl_local_space_from_space(
			isl_space_copy(space)));
	for (i = 0; i < f->poly->n && r == 0; ++i)
		r = lf_delin_add_term(shape, &f->poly->terms[i], space, sub);
	isl_space_free(space);
	if (r == 1)
		r = lf_delin_refuse_at(b, a, acc, LF_WHY_FLAT_SHAPE,
				       run->arrays[a].var);
	out = r == 0 ? lf_delin_fit_range(shape, sub, f->dom, run->context,
					  &dim) : 0;
	if (out < 0)
		r = -1;
	if (out > 0) {
		size = lf_delin_dim_text(shape, dim);
		r = size ? lf_delin_refuse_at(b, a, acc, LF_WHY_FLAT_RANGE,
					      size) : -1;
		free(size);
	}
	if (r == 0) {
		isl_map_free(acc->rel);
		acc->rel = lf_delin_rel(shape->m + 1, sub, f->dom,
			f->stmt_depth, acc->stmt, run->arrays[a].name);
		r = acc->rel ? 0 : -1;
	}
	for (t = 0; t <= shape->m; ++t)
		isl_pw_aff_free(sub[t]);
	return r;
}

/* Is access "acc" one of the flat ones?
 */
static int lf_delin_is_flat_access(__isl_keep struct lf_delin *d, int acc)
{
	int i;

	for (i = 0; i < d->n_flat; ++i)
		if (d->flat[i].access == acc)
			return 1;
	return 0;
}

/* The elements of "range", one dimension e, that are outside the
 * innermost dimension of the shape, [0, size), or whose other
 * dimensions would be empty (a size below 1).
 */
static __isl_give isl_set *lf_delin_plain_bad(
	__isl_keep struct lf_delin_shape *shape, __isl_keep isl_set *range)
{
	isl_space *space = isl_set_get_space(range);
	isl_pw_aff *e, *s;
	isl_set *bad;
	int t;

	e = isl_pw_aff_var_on_domain(isl_local_space_from_space(
		isl_space_copy(space)), isl_dim_set, 0);
	s = lf_delin_dim_size(shape, shape->m, isl_space_copy(space));
	bad = isl_pw_aff_lt_set(isl_pw_aff_copy(e),
		isl_pw_aff_zero_on_domain(isl_local_space_from_space(
			isl_space_copy(space))));
	bad = isl_set_union(bad, isl_pw_aff_ge_set(e, s));
	for (t = 1; t < shape->m; ++t) {
		s = lf_delin_dim_size(shape, t, isl_space_copy(space));
		bad = isl_set_union(bad, isl_pw_aff_le_set(s,
			isl_pw_aff_zero_on_domain(isl_local_space_from_space(
				isl_space_copy(space)))));
	}
	isl_space_free(space);
	return isl_set_intersect(bad, isl_set_copy(range));
}

/* { array[e] -> array[0, ..., 0, e] } with m zeros.
 */
static __isl_give isl_map *lf_delin_embed(__isl_take isl_space *space, int m,
	__isl_keep const char *array)
{
	isl_space *to = isl_space_add_dims(isl_space_copy(space),
					   isl_dim_set, m);
	isl_multi_aff *ma;
	isl_aff *e;

	to = isl_space_set_tuple_name(to, isl_dim_set, array);
	e = isl_aff_var_on_domain(isl_local_space_from_space(
		isl_space_copy(space)), isl_dim_set, 0);
	ma = isl_multi_aff_zero(isl_space_map_from_domain_and_range(space,
								    to));
	ma = isl_multi_aff_set_aff(ma, m, e);
	return isl_map_from_multi_aff(ma);
}

/* Model the affine access "acc" of array "a" in the shape, as the
 * innermost subscript.  Returns 0, 1 if it is not in range or -1.
 */
static int lf_delin_plain_access(__isl_keep struct lf_builder *b, int a,
	__isl_keep struct lf_access *acc,
	__isl_keep struct lf_delin_shape *shape)
{
	struct lf_run *run = b->run;
	isl_set *range, *bad;
	isl_bool empty;
	char *size;
	int r;

	range = isl_set_intersect_params(isl_map_range(isl_map_copy(acc->rel)),
					 isl_set_copy(run->context));
	bad = lf_delin_plain_bad(shape, range);
	empty = isl_set_is_empty(bad);
	isl_set_free(bad);
	isl_set_free(range);
	if (empty < 0)
		return -1;
	if (!empty) {
		size = lf_delin_dim_text(shape, shape->m);
		r = size ? lf_delin_refuse_at(b, a, acc, LF_WHY_FLAT_RANGE,
					      size) : -1;
		free(size);
		return r;
	}
	acc->rel = isl_map_apply_range(acc->rel, lf_delin_embed(
		isl_space_range(isl_map_get_space(acc->rel)), shape->m,
		run->arrays[a].name));
	return acc->rel ? 0 : -1;
}

/* Model every access of array "a", which has flat ones, in one shape.
 * Returns 0, 1 if the array is refused, or -1.
 */
static int lf_delin_array(__isl_keep struct lf_builder *b, int a)
{
	struct lf_delin *d = b->delin;
	struct lf_run *run = b->run;
	struct lf_delin_shape shape;
	struct lf_array *array = &run->arrays[a];
	int i, t, r;

	r = lf_delin_shape_of(b, a, &shape);
	for (i = 0; i < d->n_flat && r == 0; ++i)
		if (run->accesses[d->flat[i].access].array == a)
			r = lf_delin_flat_access(b, a, &d->flat[i], &shape);
	for (i = 0; i < run->n_access && r == 0; ++i)
		if (run->accesses[i].array == a &&
		    !lf_delin_is_flat_access(d, i))
			r = lf_delin_plain_access(b, a, &run->accesses[i],
						  &shape);
	if (r != 0)
		return r;
	array->n_dim = shape.m + 1;
	for (t = 0; t < array->n_dim; ++t)
		array->size[t] = -1;
	for (t = 1; t < array->n_dim; ++t) {
		int k = shape.m - t;

		array->flat_factor[t] = shape.g[k + 1] / shape.g[k];
		array->flat_size[t] = strdup(lf_delin_size(&shape, k + 1));
		if (!array->flat_size[t])
			return -1;
	}
	array->dims.begin = array->dims.end = 0;
	array->flat = 1;
	return 0;
}

/* Give every flat access of the run its model in the shape of its
 * array.  Returns 0 if all fit, 1 if some array was refused (the run
 * must be built again: lf_delin_subscript then refuses its flat
 * accesses), -1 on error.  An analysis that runs out of its budget
 * refuses the array.
 */
int lf_delin_run(__isl_keep struct lf_builder *b)
{
	struct lf_delin *d = b->delin;
	int i, k, r, refused = 0;

	for (i = 0; d && i < d->n_flat; ++i) {
		int a = b->run->accesses[d->flat[i].access].array;

		for (k = 0; k < i; ++k)
			if (b->run->accesses[d->flat[k].access].array == a)
				break;
		if (k < i)
			continue;
		r = lf_delin_array(b, a);
		if (r < 0 && isl_ctx_last_error(b->ctx) == isl_error_quota)
			r = lf_delin_refuse_at(b, a,
				&b->run->accesses[d->flat[i].access],
				LF_WHY_TOO_COMPLEX, NULL);
		isl_ctx_reset_error(b->ctx);
		isl_ctx_reset_operations(b->ctx);
		if (r < 0)
			return -1;
		refused |= r;
	}
	lf_delin_clear(b, 0);
	return refused;
}
