/* SPDX-License-Identifier: MIT */
#include <limits.h>
#include <string.h>

#include <isl/id.h>

#include "lf_range.h"

/* Interval arithmetic over isl's AST expressions, in the C types that
 * lf_print's text of them has.  lf_range_eval returns 1 when every
 * subexpression computes a value its type holds (and every operand
 * converted to a common type keeps its value), 0 when one may not, and
 * -1 on error; the interval of the whole is set either way, unless an
 * error occurred or a leaf is unknown (then 0 and no interval).
 */

void lf_range_clear(__isl_keep struct lf_range *range)
{
	isl_val_free(range->min);
	isl_val_free(range->max);
	range->min = range->max = NULL;
}

/* Do all values of "range" fit type "type"?
 */
int lf_range_fits(__isl_keep const struct lf_range *range,
	struct lf_int_type type)
{
	isl_ctx *ctx;
	isl_val *lo, *hi;
	int fits;

	if (!range->min || !range->max || !type.bits ||
	    !isl_val_is_int(range->min) || !isl_val_is_int(range->max))
		return 0;
	ctx = isl_val_get_ctx(range->min);
	lo = lf_int_type_min(ctx, type);
	hi = lf_int_type_max(ctx, type);
	fits = isl_val_ge(range->min, lo) == isl_bool_true &&
	       isl_val_le(range->max, hi) == isl_bool_true;
	isl_val_free(lo);
	isl_val_free(hi);
	return fits;
}

/* The type an operand of type t has after the integer promotions.
 */
static struct lf_int_type lf_range_promote(struct lf_int_type t)
{
	return t.bits < 32 ? lf_int_type_int() : t;
}

/* The common type of the usual arithmetic conversions.
 */
static struct lf_int_type lf_range_common(struct lf_int_type a,
	struct lf_int_type b)
{
	struct lf_int_type u, s;

	a = lf_range_promote(a);
	b = lf_range_promote(b);
	if (a.is_signed == b.is_signed)
		return a.bits >= b.bits ? a : b;
	u = a.is_signed ? b : a;
	s = a.is_signed ? a : b;
	if (u.bits >= s.bits)
		return u;
	return s;
}

static void lf_range_set(struct lf_range *r, struct lf_int_type type,
	__isl_take isl_val *min, __isl_take isl_val *max)
{
	r->type = type;
	r->min = min;
	r->max = max;
}

/* Evaluate argument "pos" of "expr" into *r; returns as lf_range_eval.
 */
static int lf_range_arg(__isl_keep const struct lf_range_env *env,
	__isl_keep isl_ast_expr *expr, int pos, struct lf_range *r)
{
	isl_ast_expr *arg = isl_ast_expr_op_get_arg(expr, pos);
	int ok;

	r->min = r->max = NULL;
	if (!arg)
		return -1;
	ok = lf_range_eval(env, arg, r);
	isl_ast_expr_free(arg);
	return ok;
}

/* An integer literal: an int, or a long long where lf_print adds "LL".
 */
static int lf_range_int(__isl_keep isl_ast_expr *expr, struct lf_range *r)
{
	isl_val *v = isl_ast_expr_int_get_val(expr);
	struct lf_int_type t = lf_int_type_int();
	isl_val *abs;

	if (!v)
		return -1;
	abs = isl_val_abs(isl_val_copy(v));
	if (isl_val_cmp_si(abs, INT_MAX) > 0) {
		t.bits = 64;
	}
	isl_val_free(abs);
	lf_range_set(r, t, isl_val_copy(v), v);
	return 1;
}

static int lf_range_id(__isl_keep const struct lf_range_env *env,
	__isl_keep isl_ast_expr *expr, struct lf_range *r)
{
	isl_id *id = isl_ast_expr_id_get_id(expr);
	int known;

	if (!id)
		return -1;
	r->min = r->max = NULL;
	known = env->leaf(id, r, env->user);
	isl_id_free(id);
	return known < 0 ? 0 : 1;
}

/* The smallest and largest of a * b over the intervals of a and b.
 */
static void lf_range_mul(struct lf_range *r, __isl_keep struct lf_range *a,
	__isl_keep struct lf_range *b)
{
	isl_val *p[4];
	int i;

	p[0] = isl_val_mul(isl_val_copy(a->min), isl_val_copy(b->min));
	p[1] = isl_val_mul(isl_val_copy(a->min), isl_val_copy(b->max));
	p[2] = isl_val_mul(isl_val_copy(a->max), isl_val_copy(b->min));
	p[3] = isl_val_mul(isl_val_copy(a->max), isl_val_copy(b->max));
	r->min = isl_val_copy(p[0]);
	r->max = isl_val_copy(p[0]);
	for (i = 1; i < 4; ++i) {
		r->min = isl_val_min(r->min, isl_val_copy(p[i]));
		r->max = isl_val_max(r->max, isl_val_copy(p[i]));
	}
	for (i = 0; i < 4; ++i)
		isl_val_free(p[i]);
}

/* Do both operands keep their values in the common type t?
 */
static int lf_range_convert(__isl_keep struct lf_range *a,
	__isl_keep struct lf_range *b, struct lf_int_type t)
{
	return lf_range_fits(a, t) && lf_range_fits(b, t);
}

/* a + b, a - b, a * b in the common type of a and b.
 */
static int lf_range_arith(__isl_keep const struct lf_range_env *env,
	__isl_keep isl_ast_expr *expr, enum isl_ast_expr_op_type op,
	struct lf_range *r)
{
	struct lf_range a, b;
	int ok_a, ok_b, ok = 0;

	ok_a = lf_range_arg(env, expr, 0, &a);
	ok_b = lf_range_arg(env, expr, 1, &b);
	if (ok_a > 0 && ok_b > 0) {
		r->type = lf_range_common(a.type, b.type);
		if (op == isl_ast_expr_op_add) {
			r->min = isl_val_add(isl_val_copy(a.min),
					     isl_val_copy(b.min));
			r->max = isl_val_add(isl_val_copy(a.max),
					     isl_val_copy(b.max));
		} else if (op == isl_ast_expr_op_sub) {
			r->min = isl_val_sub(isl_val_copy(a.min),
					     isl_val_copy(b.max));
			r->max = isl_val_sub(isl_val_copy(a.max),
					     isl_val_copy(b.min));
		} else {
			lf_range_mul(r, &a, &b);
		}
		ok = lf_range_convert(&a, &b, r->type) &&
		     lf_range_fits(r, r->type);
	}
	lf_range_clear(&a);
	lf_range_clear(&b);
	if (ok_a < 0 || ok_b < 0)
		return -1;
	return ok;
}

static int lf_range_minus(__isl_keep const struct lf_range_env *env,
	__isl_keep isl_ast_expr *expr, struct lf_range *r)
{
	struct lf_range a;
	int ok = lf_range_arg(env, expr, 0, &a);

	if (ok > 0) {
		lf_range_set(r, lf_range_promote(a.type),
			     isl_val_neg(isl_val_copy(a.max)),
			     isl_val_neg(isl_val_copy(a.min)));
		ok = lf_range_fits(&a, r->type) && lf_range_fits(r, r->type);
	}
	lf_range_clear(&a);
	return ok;
}

/* The positive constant divisor of a division, or NULL.
 */
static __isl_give isl_val *lf_range_divisor(__isl_keep isl_ast_expr *expr)
{
	isl_ast_expr *d = isl_ast_expr_op_get_arg(expr, 1);
	isl_val *v = NULL;

	if (d && isl_ast_expr_get_type(d) == isl_ast_expr_int)
		v = isl_ast_expr_int_get_val(d);
	isl_ast_expr_free(d);
	if (v && isl_val_is_pos(v) != isl_bool_true)
		v = isl_val_free(v);
	return v;
}

/* a / b (floor, as printed) and a % b for a positive constant b.  A
 * floor division of a value that may be negative is printed as
 * "(a - (b - 1)) / b" on that side, whose operand must fit as well.
 */
static int lf_range_div(__isl_keep const struct lf_range_env *env,
	__isl_keep isl_ast_expr *expr, enum isl_ast_expr_op_type op,
	struct lf_range *r)
{
	struct lf_range a, low;
	isl_val *d = lf_range_divisor(expr);
	int ok = lf_range_arg(env, expr, 0, &a);

	if (ok > 0 && d) {
		r->type = lf_range_common(a.type, lf_int_type_int());
		if (op == isl_ast_expr_op_pdiv_r ||
		    op == isl_ast_expr_op_zdiv_r) {
			r->max = isl_val_sub_ui(isl_val_copy(d), 1);
			r->min = op == isl_ast_expr_op_pdiv_r ?
				 isl_val_zero(isl_val_get_ctx(d)) :
				 isl_val_neg(isl_val_copy(r->max));
		} else {
			r->min = isl_val_floor(isl_val_div(
				isl_val_copy(a.min), isl_val_copy(d)));
			r->max = isl_val_floor(isl_val_div(
				isl_val_copy(a.max), isl_val_copy(d)));
		}
		low.type = r->type;
		low.min = isl_val_add_ui(isl_val_sub(isl_val_copy(a.min),
						     isl_val_copy(d)), 1);
		low.max = isl_val_copy(a.max);
		ok = lf_range_fits(&a, r->type) && lf_range_fits(r, r->type) &&
		     (op != isl_ast_expr_op_fdiv_q ||
		      isl_val_is_nonneg(a.min) == isl_bool_true ||
		      lf_range_fits(&low, r->type));
		lf_range_clear(&low);
	} else if (ok > 0) {
		ok = 0;
	}
	isl_val_free(d);
	lf_range_clear(&a);
	return ok;
}

/* min, max, and a ? b : c (first = 1): the values of the chosen
 * arguments, in their common type; the comparisons of min and max
 * compare in it too.
 */
static int lf_range_choice(__isl_keep const struct lf_range_env *env,
	__isl_keep isl_ast_expr *expr, int first, struct lf_range *r)
{
	isl_size n = isl_ast_expr_op_get_n_arg(expr);
	struct lf_range a[2] = { { { 0, 0 }, NULL, NULL },
				 { { 0, 0 }, NULL, NULL } };
	int i, k = 0, ok = 1;

	r->min = r->max = NULL;
	if (n < 0)
		return -1;
	if (first) {
		ok = lf_range_arg(env, expr, 0, &a[0]);
		lf_range_clear(&a[0]);
	}
	for (i = first; i < n && ok > 0; ++i, k = 1) {
		ok = lf_range_arg(env, expr, i, &a[1]);
		if (ok <= 0)
			break;
		if (!k) {
			lf_range_set(r, a[1].type, isl_val_copy(a[1].min),
				     isl_val_copy(a[1].max));
		} else {
			r->type = lf_range_common(r->type, a[1].type);
			r->min = isl_val_min(r->min, isl_val_copy(a[1].min));
			r->max = isl_val_max(r->max, isl_val_copy(a[1].max));
		}
		lf_range_clear(&a[1]);
	}
	lf_range_clear(&a[1]);
	if (ok > 0 && r->min)
		ok = lf_range_fits(r, r->type);
	return ok;
}

/* A comparison or a logical operation: an int, 0 or 1.  The operands
 * of a comparison are converted to their common type.
 */
static int lf_range_test(__isl_keep const struct lf_range_env *env,
	__isl_keep isl_ast_expr *expr, int compare, struct lf_range *r)
{
	struct lf_range a, b;
	isl_ctx *ctx = isl_ast_expr_get_ctx(expr);
	int ok_a, ok_b, ok;

	ok_a = lf_range_arg(env, expr, 0, &a);
	ok_b = lf_range_arg(env, expr, 1, &b);
	ok = ok_a > 0 && ok_b > 0;
	if (ok && compare)
		ok = lf_range_convert(&a, &b, lf_range_common(a.type, b.type));
	lf_range_clear(&a);
	lf_range_clear(&b);
	lf_range_set(r, lf_int_type_int(), isl_val_zero(ctx),
		     isl_val_one(ctx));
	if (ok_a < 0 || ok_b < 0)
		return -1;
	return ok;
}

static int lf_range_op(__isl_keep const struct lf_range_env *env,
	__isl_keep isl_ast_expr *expr, struct lf_range *r)
{
	enum isl_ast_expr_op_type op = isl_ast_expr_op_get_type(expr);

	switch (op) {
	case isl_ast_expr_op_add:
	case isl_ast_expr_op_sub:
	case isl_ast_expr_op_mul:
		return lf_range_arith(env, expr, op, r);
	case isl_ast_expr_op_minus:
		return lf_range_minus(env, expr, r);
	case isl_ast_expr_op_div:
	case isl_ast_expr_op_pdiv_q:
	case isl_ast_expr_op_fdiv_q:
	case isl_ast_expr_op_pdiv_r:
	case isl_ast_expr_op_zdiv_r:
		return lf_range_div(env, expr, op, r);
	case isl_ast_expr_op_min:
	case isl_ast_expr_op_max:
		return lf_range_choice(env, expr, 0, r);
	case isl_ast_expr_op_cond:
	case isl_ast_expr_op_select:
		return lf_range_choice(env, expr, 1, r);
	case isl_ast_expr_op_eq: case isl_ast_expr_op_le:
	case isl_ast_expr_op_lt: case isl_ast_expr_op_ge:
	case isl_ast_expr_op_gt:
		return lf_range_test(env, expr, 1, r);
	case isl_ast_expr_op_and: case isl_ast_expr_op_and_then:
	case isl_ast_expr_op_or: case isl_ast_expr_op_or_else:
		return lf_range_test(env, expr, 0, r);
	default:
		r->min = r->max = NULL;
		return 0;
	}
}

/* The interval and type of "expr" in *range (to be cleared by the
 * caller); see the top of the file for the result.
 */
int lf_range_eval(__isl_keep const struct lf_range_env *env,
	__isl_keep isl_ast_expr *expr, struct lf_range *range)
{
	int ok;

	range->min = range->max = NULL;
	switch (isl_ast_expr_get_type(expr)) {
	case isl_ast_expr_int:
		ok = lf_range_int(expr, range);
		break;
	case isl_ast_expr_id:
		ok = lf_range_id(env, expr, range);
		break;
	case isl_ast_expr_op:
		ok = lf_range_op(env, expr, range);
		break;
	default:
		ok = -1;
	}
	if (ok >= 0 && (!range->min || !range->max)) {
		lf_range_clear(range);
		ok = ok < 0 ? -1 : 0;
	}
	return ok;
}

/* Is "expr" known never to be negative?
 */
isl_bool lf_range_is_nonneg(__isl_keep const struct lf_range_env *env,
	__isl_keep isl_ast_expr *expr)
{
	struct lf_range r;
	int ok = lf_range_eval(env, expr, &r);
	isl_bool nonneg = isl_bool_false;

	if (ok < 0)
		return isl_bool_error;
	if (r.min)
		nonneg = isl_val_is_nonneg(r.min);
	lf_range_clear(&r);
	return nonneg;
}
