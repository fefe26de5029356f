/* SPDX-License-Identifier: MIT */
#include <stdlib.h>
#include <string.h>

#include <isl/aff.h>
#include <isl/id.h>
#include <isl/map.h>
#include <isl/set.h>
#include <isl/val.h>

#include "lf_build.h"
#include "lf_grow.h"

/* Delinearization of flat subscripts with run-time strides, in the
 * spirit of Grosser et al., "Optimistic Delinearization of
 * Parametrically Sized Arrays" (ICS'15): a[i * n + j] is modeled as
 * a[i][j] over the shape [*][n].
 *
 * A flat subscript is read as a polynomial: a sum of terms A * M, where
 * A is affine in the iterators and the parameters and M is a product of
 * parameters without a value (the sizes).  "(c * h + y) * w + x" is
 * c * [h w] + y * [w] + x * [].  Every access of the run to the array
 * must fit one shape: the monomials of the terms whose A is not a
 * constant, ordered by inclusion, must grow by one size at a time
 * ([] < [w] < [h w] gives [*][h][w]).  A term then belongs to the
 * largest monomial of the shape that divides its own; what is left may
 * be one more parameter if A is a constant ("off * n" adds off to the
 * row).  The model is exact only if every inner subscript d_k lies in
 * [0, s_k) for every instance: then the subscripts are the digits of
 * the flat index in a mixed radix, so two instances touch one element
 * exactly when their subscripts are equal.  This is proven with isl
 * from the domains and the run's context; an array that does not fit
 * or whose subscripts are not proven in range is refused, and every
 * nest that reaches it by a flat subscript is built again, opaque.
 *
 * The polynomial is the value C computes only where no operation
 * wraps: only signed additions, subtractions, negations and
 * multiplications, and conversions that keep every value, are looked
 * through (a signed overflow would be undefined); an unsigned one
 * refuses the subscript.  Anything else must be affine as a whole.
 */

#include "lf_delin.h"

static void lf_delin_term_clear(__isl_keep struct lf_delin_term *t)
{
	int k;

	isl_pw_aff_free(t->coef);
	for (k = 0; k < t->n_size; ++k)
		free(t->size[k]);
}

void lf_delin_poly_free(__isl_take struct lf_delin_poly *poly)
{
	int i;

	if (!poly)
		return;
	for (i = 0; i < poly->n; ++i)
		lf_delin_term_clear(&poly->terms[i]);
	free(poly->terms);
	free(poly);
}

/* Append coef * sizes to "poly" (a term of equal sizes absorbs it).
 */
static int lf_delin_poly_add(__isl_keep struct lf_delin_poly *poly,
	__isl_take isl_pw_aff *coef, int n_size, char **size)
{
	struct lf_delin_term *t;
	int i, k;

	if (!coef)
		return -1;
	for (i = 0; i < poly->n; ++i) {
		t = &poly->terms[i];
		for (k = 0; k < n_size && t->n_size == n_size; ++k)
			if (strcmp(t->size[k], size[k]))
				break;
		if (t->n_size == n_size && k == n_size) {
			t->coef = isl_pw_aff_add(t->coef, coef);
			return t->coef ? 0 : -1;
		}
	}
	if (LF_GROW(poly->terms, poly->n) < 0) {
		isl_pw_aff_free(coef);
		return -1;
	}
	t = &poly->terms[poly->n++];
	t->coef = coef;
	t->n_size = 0;
	for (k = 0; k < n_size; ++k) {
		t->size[k] = strdup(size[k]);
		if (!t->size[k])
			return -1;
		t->n_size++;
	}
	return 0;
}

static __isl_give struct lf_delin_poly *lf_delin_poly_alloc(void)
{
	return calloc(1, sizeof(struct lf_delin_poly));
}

static __isl_give struct lf_delin_poly *lf_delin_poly_copy(
	__isl_keep struct lf_delin_poly *poly)
{
	struct lf_delin_poly *copy = lf_delin_poly_alloc();
	int i;

	for (i = 0; copy && i < poly->n; ++i)
		if (lf_delin_poly_add(copy,
				      isl_pw_aff_copy(poly->terms[i].coef),
				      poly->terms[i].n_size,
				      poly->terms[i].size) < 0) {
			lf_delin_poly_free(copy);
			return NULL;
		}
	return copy;
}

/* The name of the parameter without a value that "pa" is, exactly
 * (coefficient 1, nothing else), or NULL.
 */
static const char *lf_delin_size_name(__isl_keep struct lf_builder *b,
	__isl_keep isl_pw_aff *pa)
{
	isl_aff *aff;
	isl_val *v;
	isl_size n_param;
	const char *name = NULL;
	int i, ok, found = -1;

	if (isl_pw_aff_n_piece(pa) != 1 || isl_pw_aff_isa_aff(pa) != isl_bool_true)
		return NULL;
	aff = isl_pw_aff_as_aff(isl_pw_aff_copy(pa));
	n_param = isl_aff_dim(aff, isl_dim_param);
	v = isl_aff_get_constant_val(aff);
	ok = v && isl_val_is_zero(v) && n_param >= 0 &&
	     isl_aff_dim(aff, isl_dim_div) == 0 &&
	     isl_aff_involves_dims(aff, isl_dim_in, 0,
				   isl_aff_dim(aff, isl_dim_in)) == isl_bool_false;
	isl_val_free(v);
	for (i = 0; ok && i < n_param; ++i) {
		v = isl_aff_get_coefficient_val(aff, isl_dim_param, i);
		if (!v || (!isl_val_is_zero(v) &&
			   (found >= 0 || !isl_val_is_one(v))))
			ok = 0;
		else if (!isl_val_is_zero(v))
			found = i;
		isl_val_free(v);
	}
	if (ok && found >= 0)
		name = isl_aff_get_dim_name(aff, isl_dim_param, found);
	for (i = 0; name && i < b->run->n_param; ++i)
		if (!strcmp(b->run->params[i].name, name)) {
			name = b->run->params[i].has_value ? NULL :
			       b->run->params[i].name;
			break;
		}
	isl_aff_free(aff);
	return name;
}

/* A term of its own for an expression that must be affine as a whole:
 * a parameter without a value is a size, anything else a coefficient.
 */
static __isl_give struct lf_delin_poly *lf_delin_leaf(
	__isl_keep struct lf_builder *b, CXCursor c, __isl_keep isl_set *dom)
{
	struct lf_delin_poly *poly;
	isl_pw_aff *pa = lf_affine_expr(b, c, dom);
	const char *name;
	char *size[1];

	if (!pa)
		return NULL;
	poly = lf_delin_poly_alloc();
	name = lf_delin_size_name(b, pa);
	if (name) {
		size[0] = (char *) name;
		isl_pw_aff_free(pa);
		pa = isl_pw_aff_val_on_domain(isl_set_universe(
			lf_build_space(b)), isl_val_one(b->ctx));
	}
	if (!poly || lf_delin_poly_add(poly, pa, name ? 1 : 0, size) < 0) {
		lf_delin_poly_free(poly);
		return NULL;
	}
	return poly;
}

/* A compile-time constant, by value: a macro N is a parameter fixed to
 * its value for the affine code, which a product with a size could
 * not take as a constant factor.
 */
static __isl_give struct lf_delin_poly *lf_delin_constant(
	__isl_keep struct lf_builder *b, long value)
{
	struct lf_delin_poly *poly = lf_delin_poly_alloc();
	isl_pw_aff *pa;

	pa = isl_pw_aff_val_on_domain(isl_set_universe(lf_build_space(b)),
				      isl_val_int_from_si(b->ctx, value));
	if (!poly || lf_delin_poly_add(poly, pa, 0, NULL) < 0) {
		lf_delin_poly_free(poly);
		return NULL;
	}
	return poly;
}

static __isl_give struct lf_delin_poly *lf_delin_parse(
	__isl_keep struct lf_builder *b, CXCursor c, __isl_keep isl_set *dom);

/* An operation that is not looked through: an unsigned one, which may
 * wrap.  It is taken as a whole if it is affine (wrapping included),
 * else it is why the subscript is refused.
 */
static __isl_give struct lf_delin_poly *lf_delin_unsigned(
	__isl_keep struct lf_builder *b, CXCursor c, __isl_keep isl_set *dom)
{
	struct lf_delin_poly *poly = lf_delin_leaf(b, c, dom);

	if (poly)
		return poly;
	lf_reason_free(b->reason);
	b->reason = NULL;
	lf_build_fail_text(b, c, LF_WHY_FLAT_UNSIGNED);
	return NULL;
}

/* Is "c" computed in a signed integer type, where it cannot wrap?
 */
static int lf_delin_is_signed(CXCursor c)
{
	struct lf_int_type t = lf_affine_type(clang_getCursorType(c));

	return t.bits && t.is_signed;
}

/* Insert "name" into the sorted sizes[0 .. *n - 1].
 */
static int lf_delin_insert(char **sizes, int *n, __isl_keep char *name)
{
	int k;

	if (*n >= LF_DELIN_MAX_SIZES)
		return -1;
	for (k = *n; k > 0 && strcmp(sizes[k - 1], name) > 0; --k)
		sizes[k] = sizes[k - 1];
	sizes[k] = name;
	(*n)++;
	return 0;
}

/* The product of two terms, if one of their coefficients is constant.
 */
static int lf_delin_mul_term(__isl_keep struct lf_delin_poly *res,
	__isl_keep struct lf_delin_term *x, __isl_keep struct lf_delin_term *y)
{
	char *sizes[LF_DELIN_MAX_SIZES];
	isl_bool cx = isl_pw_aff_is_cst(x->coef);
	isl_bool cy = isl_pw_aff_is_cst(y->coef);
	int n = 0, k;

	if (cx < 0 || cy < 0 || (!cx && !cy))
		return -1;
	for (k = 0; k < x->n_size; ++k)
		if (lf_delin_insert(sizes, &n, x->size[k]) < 0)
			return -1;
	for (k = 0; k < y->n_size; ++k)
		if (lf_delin_insert(sizes, &n, y->size[k]) < 0)
			return -1;
	return lf_delin_poly_add(res, isl_pw_aff_mul(isl_pw_aff_copy(x->coef),
				 isl_pw_aff_copy(y->coef)), n, sizes);
}

static __isl_give struct lf_delin_poly *lf_delin_mul(
	__isl_take struct lf_delin_poly *l, __isl_take struct lf_delin_poly *r)
{
	struct lf_delin_poly *res = l && r ? lf_delin_poly_alloc() : NULL;
	int i, j;

	for (i = 0; res && i < l->n; ++i)
		for (j = 0; res && j < r->n; ++j)
			if (lf_delin_mul_term(res, &l->terms[i],
					      &r->terms[j]) < 0) {
				lf_delin_poly_free(res);
				res = NULL;
			}
	lf_delin_poly_free(l);
	lf_delin_poly_free(r);
	return res;
}

/* l + sign * r.
 */
static __isl_give struct lf_delin_poly *lf_delin_add(
	__isl_take struct lf_delin_poly *l, __isl_take struct lf_delin_poly *r,
	int sign)
{
	int i;

	for (i = 0; l && r && i < r->n; ++i) {
		isl_pw_aff *coef = isl_pw_aff_copy(r->terms[i].coef);

		if (sign < 0)
			coef = isl_pw_aff_neg(coef);
		if (lf_delin_poly_add(l, coef, r->terms[i].n_size,
				      r->terms[i].size) < 0) {
			lf_delin_poly_free(l);
			l = NULL;
		}
	}
	if (!r) {
		lf_delin_poly_free(l);
		l = NULL;
	}
	lf_delin_poly_free(r);
	return l;
}

static __isl_give struct lf_delin_poly *lf_delin_binary(
	__isl_keep struct lf_builder *b, CXCursor c, CXCursor *ch,
	__isl_keep isl_set *dom)
{
	enum CXBinaryOperatorKind op = clang_getCursorBinaryOperatorKind(c);
	struct lf_delin_poly *l, *r;

	if (op != CXBinaryOperator_Add && op != CXBinaryOperator_Sub &&
	    op != CXBinaryOperator_Mul)
		return lf_delin_leaf(b, c, dom);
	if (!lf_delin_is_signed(c))
		return lf_delin_unsigned(b, c, dom);
	l = lf_delin_parse(b, ch[0], dom);
	r = l ? lf_delin_parse(b, ch[1], dom) : NULL;
	if (op == CXBinaryOperator_Mul)
		return lf_delin_mul(l, r);
	return lf_delin_add(l, r, op == CXBinaryOperator_Add ? 1 : -1);
}

/* A conversion is looked through if it keeps every value: the operand
 * is then the polynomial.  Any other must be affine as a whole.
 */
static __isl_give struct lf_delin_poly *lf_delin_cast(
	__isl_keep struct lf_builder *b, CXCursor c, CXCursor from,
	__isl_keep isl_set *dom)
{
	struct lf_int_type to = lf_affine_type(clang_getCursorType(c));
	struct lf_int_type src = lf_affine_type(clang_getCursorType(from));

	if (to.bits && src.bits && (src.is_signed || !to.is_signed) &&
	    to.bits - to.is_signed >= src.bits - src.is_signed)
		return lf_delin_parse(b, from, dom);
	return lf_delin_leaf(b, c, dom);
}

static __isl_give struct lf_delin_poly *lf_delin_parse(
	__isl_keep struct lf_builder *b, CXCursor c, __isl_keep isl_set *dom)
{
	enum CXCursorKind kind = clang_getCursorKind(c);
	struct lf_delin_poly *poly = NULL;
	CXCursor *ch;
	long value;
	int n;

	if (lf_affine_eval(c, &value))
		return lf_delin_constant(b, value);
	n = lf_cursor_children(c, &ch);
	if (kind == CXCursor_BinaryOperator && n == 2) {
		poly = lf_delin_binary(b, c, ch, dom);
	} else if (kind == CXCursor_UnaryOperator && n == 1 &&
		   clang_getCursorUnaryOperatorKind(c) == CXUnaryOperator_Minus) {
		poly = !lf_delin_is_signed(c) ?
		       lf_delin_unsigned(b, c, dom) :
		       lf_delin_add(lf_delin_poly_alloc(),
				    lf_delin_parse(b, ch[0], dom), -1);
	} else if ((kind == CXCursor_ParenExpr && n == 1) ||
		   (kind == CXCursor_UnaryOperator && n == 1 &&
		    clang_getCursorUnaryOperatorKind(c) ==
		    CXUnaryOperator_Plus)) {
		poly = lf_delin_parse(b, ch[0], dom);
	} else if ((kind == CXCursor_CStyleCastExpr && n >= 1) ||
		   (kind == CXCursor_UnexposedExpr && n == 1)) {
		poly = lf_delin_cast(b, c, ch[n - 1], dom);
	} else {
		poly = lf_delin_leaf(b, c, dom);
	}
	free(ch);
	return poly;
}

/* Is some size a factor of a term whose coefficient is not constant?
 * Else the subscript needs no shape.
 */
static int lf_delin_is_flat(__isl_keep struct lf_delin_poly *poly)
{
	int i;

	for (i = 0; i < poly->n; ++i)
		if (poly->terms[i].n_size > 0 &&
		    isl_pw_aff_is_cst(poly->terms[i].coef) == isl_bool_false)
			return 1;
	return 0;
}

/* The refusal recorded for the array keyed "usr", or NULL.
 */
static struct lf_reason *lf_delin_refusal(__isl_keep struct lf_builder *b,
	__isl_keep const char *usr)
{
	int i;

	for (i = 0; b->delin && i < b->delin->n_refused; ++i)
		if (!strcmp(b->delin->refused[i].usr, usr))
			return b->delin->refused[i].reason;
	return NULL;
}

/* The single subscript "sub" of access "c" to the array keyed "usr",
 * which is not affine (b->reason says so), read as a flat polynomial
 * over the current domain.  Returns the polynomial with b->reason
 * cleared, or NULL with the reason: the one given if it is not a
 * polynomial, why its operations may wrap, or why its array was
 * refused.
 */
__isl_give struct lf_delin_poly *lf_delin_subscript(
	__isl_keep struct lf_builder *b, CXCursor c, CXCursor sub,
	__isl_keep const char *usr)
{
	struct lf_reason *given = b->reason, *refused;
	struct lf_delin_poly *poly;

	b->reason = NULL;
	poly = lf_delin_parse(b, sub, b->cur_dom);
	if (poly && !lf_delin_is_flat(poly)) {
		lf_delin_poly_free(poly);
		poly = NULL;
	}
	if (poly || (b->reason && b->reason->why == LF_WHY_FLAT_UNSIGNED)) {
		lf_reason_free(given);
	} else {
		lf_reason_free(b->reason);
		b->reason = given;
	}
	refused = poly ? lf_delin_refusal(b, usr) : NULL;
	if (refused) {
		lf_delin_poly_free(poly);
		lf_build_fail_reason(b, lf_reason_copy(refused));
		return NULL;
	}
	return poly;
}

static struct lf_delin *lf_delin_state(__isl_keep struct lf_builder *b)
{
	if (!b->delin)
		b->delin = calloc(1, sizeof(struct lf_delin));
	return b->delin;
}

/* Remember that access "access" of the current statement has the flat
 * subscript "poly" (which this keeps a copy of).
 */
int lf_delin_note(__isl_keep struct lf_builder *b, int access,
	__isl_keep struct lf_delin_poly *poly)
{
	struct lf_delin *d = lf_delin_state(b);
	struct lf_delin_flat *f;

	if (!d || LF_GROW(d->flat, d->n_flat) < 0)
		return -1;
	f = &d->flat[d->n_flat];
	f->access = access;
	f->stmt_depth = b->stmt_depth;
	f->dom = isl_set_copy(b->cur_dom);
	f->poly = lf_delin_poly_copy(poly);
	d->n_flat++;
	return f->dom && f->poly ? 0 : -1;
}

void lf_delin_flat_clear(__isl_keep struct lf_delin_flat *f)
{
	isl_set_free(f->dom);
	lf_delin_poly_free(f->poly);
}

/* Forget the flat accesses from "n_access" on, which a failed nest
 * drops.
 */
void lf_delin_rollback(__isl_keep struct lf_builder *b, int n_access)
{
	struct lf_delin *d = b->delin;
	int i, k = 0;

	for (i = 0; d && i < d->n_flat; ++i) {
		if (d->flat[i].access >= n_access)
			lf_delin_flat_clear(&d->flat[i]);
		else
			d->flat[k++] = d->flat[i];
	}
	if (d)
		d->n_flat = k;
}

/* Forget the flat accesses of the run, and with "all" the refusals.
 */
void lf_delin_clear(__isl_keep struct lf_builder *b, int all)
{
	struct lf_delin *d = b->delin;
	int i;

	lf_delin_rollback(b, 0);
	if (!d || !all)
		return;
	for (i = 0; i < d->n_refused; ++i) {
		free(d->refused[i].usr);
		lf_reason_free(d->refused[i].reason);
	}
	free(d->refused);
	free(d->flat);
	free(d);
	b->delin = NULL;
}
