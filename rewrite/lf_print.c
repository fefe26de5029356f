/* SPDX-License-Identifier: MIT */
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include <isl/ast.h>
#include <isl/id.h>
#include <isl/val.h>

#include "lf_print.h"

/* C operator precedence, higher binds tighter.  Only the levels of the
 * operators printed here are named.
 */
enum lf_prec {
	LF_PREC_NONE = 0,
	LF_PREC_COND = 3,
	LF_PREC_OR = 4,
	LF_PREC_AND = 5,
	LF_PREC_EQ = 9,
	LF_PREC_REL = 10,
	LF_PREC_OPERAND_REL = 11,
	LF_PREC_ADD = 12,
	LF_PREC_MUL = 13,
	LF_PREC_UNARY = 15,
	LF_PREC_POSTFIX = 16
};

/* The text of a subexpression and the precedence of its outermost
 * operator, kept apart so that the parent decides on parentheses, and
 * so that a subexpression that min, max and floor division repeat is
 * printed once.
 */
struct lf_text {
	struct lf_buf buf;
	int prec;
};

static int lf_expr_print(__isl_keep const struct lf_print_expr_style *es,
	__isl_keep struct lf_buf *out, __isl_keep isl_ast_expr *expr);

static void lf_text_free(__isl_keep struct lf_text *text)
{
	lf_buf_free(&text->buf);
}

static int lf_text_set_expr(__isl_keep const struct lf_print_expr_style *es,
	struct lf_text *text,
	__isl_keep isl_ast_expr *expr)
{
	lf_buf_init(&text->buf);
	text->prec = lf_expr_print(es, &text->buf, expr);
	if (text->buf.failed)
		text->prec = -1;
	return text->prec;
}

static int lf_text_set_arg(__isl_keep const struct lf_print_expr_style *es,
	struct lf_text *text,
	__isl_keep isl_ast_expr *expr, int pos)
{
	isl_ast_expr *arg;
	int r;

	arg = isl_ast_expr_op_get_arg(expr, pos);
	if (!arg) {
		lf_buf_init(&text->buf);
		text->prec = -1;
		return -1;
	}
	r = lf_text_set_expr(es, text, arg);
	isl_ast_expr_free(arg);
	return r;
}

/* Append "text" where its context binds with precedence "min".
 * An operator of precedence "avoid" is parenthesized as well, since
 * compilers warn about it there even though C does not need it
 * ("&&" within "||").  A conditional inside a conditional is always
 * parenthesized for the reader's sake.
 */
static void lf_text_add(__isl_keep struct lf_buf *out,
	__isl_keep struct lf_text *text, int min, int avoid)
{
	int paren;

	paren = text->prec < min || text->prec == avoid;
	if (paren)
		lf_buf_add_char(out, '(');
	if (text->buf.data)
		lf_buf_add(out, text->buf.data, text->buf.len);
	if (paren)
		lf_buf_add_char(out, ')');
}

static int lf_expr_print_arg(__isl_keep const struct lf_print_expr_style *es,
	__isl_keep struct lf_buf *out,
	__isl_keep isl_ast_expr *expr, int pos, int min, int avoid)
{
	struct lf_text text;
	int r;

	r = lf_text_set_arg(es, &text, expr, pos);
	if (r >= 0)
		lf_text_add(out, &text, min, avoid);
	lf_text_free(&text);
	return r;
}

/* Is "abs" below 2^63, so that it fits in a long long of the minimal
 * width of 64 bits?
 */
static isl_bool lf_val_abs_fits_llong(__isl_keep isl_val *abs)
{
	isl_val *bound;
	isl_bool fits;

	bound = isl_val_int_from_si(isl_val_get_ctx(abs), 63);
	bound = isl_val_2exp(bound);
	fits = isl_val_lt(abs, bound);
	isl_val_free(bound);
	return fits;
}

/* Which suffix does the decimal literal of "v" need?  A constant that
 * does not fit in a 32-bit int gets "LL", the one type that holds it on
 * every platform; a constant beyond 64 bits has no C literal.
 */
static __isl_keep const char *lf_val_suffix(__isl_keep isl_val *v)
{
	isl_val *abs;
	isl_bool fits;

	abs = isl_val_abs(isl_val_copy(v));
	if (!abs)
		return NULL;
	if (isl_val_cmp_si(abs, INT_MAX) <= 0) {
		isl_val_free(abs);
		return "";
	}
	fits = lf_val_abs_fits_llong(abs);
	isl_val_free(abs);
	return fits == isl_bool_true ? "LL" : NULL;
}

/* Print the integer "v" as a C literal and return its precedence:
 * a negative value is a negated literal.
 */
static int lf_val_print(__isl_keep struct lf_buf *out, __isl_keep isl_val *v)
{
	const char *suffix;
	char *str;
	int neg;

	if (isl_val_is_int(v) != isl_bool_true)
		return -1;
	suffix = lf_val_suffix(v);
	if (!suffix)
		return -1;
	neg = isl_val_is_neg(v);
	str = isl_val_to_str(v);
	if (neg < 0 || !str) {
		free(str);
		return -1;
	}
	lf_buf_add_str(out, str);
	lf_buf_add_str(out, suffix);
	free(str);
	return neg ? LF_PREC_UNARY : LF_PREC_POSTFIX;
}

static int lf_expr_print_int(__isl_keep struct lf_buf *out,
	__isl_keep isl_ast_expr *expr)
{
	isl_val *v;
	int prec;

	v = isl_ast_expr_int_get_val(expr);
	if (!v)
		return -1;
	prec = lf_val_print(out, v);
	isl_val_free(v);
	return prec;
}

static int lf_expr_print_id(__isl_keep const struct lf_print_expr_style *es,
	__isl_keep struct lf_buf *out, __isl_keep isl_ast_expr *expr)
{
	isl_id *id;
	const char *name, *text = NULL;
	int prec = LF_PREC_POSTFIX;

	id = isl_ast_expr_id_get_id(expr);
	name = isl_id_get_name(id);
	if (id && es && es->id_text)
		text = es->id_text(id, es->user);
	if (text && text[0] == '(')
		prec = LF_PREC_UNARY;
	if (text || name)
		lf_buf_add_str(out, text ? text : name);
	isl_id_free(id);
	return text || name ? prec : -1;
}

static int lf_expr_print_binary(__isl_keep const struct lf_print_expr_style *es,
	__isl_keep struct lf_buf *out,
	__isl_keep isl_ast_expr *expr, __isl_keep const char *op, int prec)
{
	if (lf_expr_print_arg(es, out, expr, 0, prec, -1) < 0)
		return -1;
	lf_buf_add_str(out, op);
	if (lf_expr_print_arg(es, out, expr, 1, prec + 1, -1) < 0)
		return -1;
	return prec;
}

/* "&&" and "||" are associative, also when short-circuiting, so a
 * right operand of the same operator needs no parentheses.
 */
static int lf_expr_print_logical(
	__isl_keep const struct lf_print_expr_style *es,
	__isl_keep struct lf_buf *out, __isl_keep isl_ast_expr *expr,
	__isl_keep const char *op, int prec, int avoid)
{
	if (lf_expr_print_arg(es, out, expr, 0, prec, avoid) < 0)
		return -1;
	lf_buf_add_str(out, op);
	if (lf_expr_print_arg(es, out, expr, 1, prec, avoid) < 0)
		return -1;
	return prec;
}

static int lf_expr_is_op(__isl_keep isl_ast_expr *expr,
	enum isl_ast_expr_op_type type)
{
	if (isl_ast_expr_get_type(expr) != isl_ast_expr_op)
		return 0;
	return isl_ast_expr_op_get_type(expr) == type;
}

/* Is "expr" a negative constant or a negation?
 */
static isl_bool lf_expr_is_negated(__isl_keep isl_ast_expr *expr)
{
	isl_val *v;
	isl_bool neg;

	if (lf_expr_is_op(expr, isl_ast_expr_op_minus))
		return isl_bool_true;
	if (isl_ast_expr_get_type(expr) != isl_ast_expr_int)
		return isl_bool_false;
	v = isl_ast_expr_int_get_val(expr);
	neg = isl_val_is_neg(v);
	isl_val_free(v);
	return neg;
}

/* Print -expr for a negated "expr" as an operand of "+" or "-".
 */
static int lf_expr_print_negation(
	__isl_keep const struct lf_print_expr_style *es,
	__isl_keep struct lf_buf *out, __isl_keep isl_ast_expr *expr)
{
	isl_val *v;
	int prec;

	if (lf_expr_is_op(expr, isl_ast_expr_op_minus))
		return lf_expr_print_arg(es, out, expr, 0, LF_PREC_ADD + 1, -1);
	v = isl_val_neg(isl_ast_expr_int_get_val(expr));
	if (!v)
		return -1;
	prec = lf_val_print(out, v);
	isl_val_free(v);
	return prec;
}

/* Print "a + b" ("sign" 1) or "a - b" ("sign" -1).  A negated b flips
 * the operator, so that "a + -1" reads "a - 1" and "a - -b" reads
 * "a + b"; this gives the same value in every case where the original
 * does not overflow, also for unsigned operands.
 */
static int lf_expr_print_add(__isl_keep const struct lf_print_expr_style *es,
	__isl_keep struct lf_buf *out,
	__isl_keep isl_ast_expr *expr, int sign)
{
	isl_ast_expr *b;
	isl_bool neg;
	int r;

	b = isl_ast_expr_op_get_arg(expr, 1);
	neg = lf_expr_is_negated(b);
	r = neg < 0 ? -1 : lf_expr_print_arg(es, out, expr, 0, LF_PREC_ADD, -1);
	if (r >= 0 && neg)
		sign = -sign;
	if (r >= 0)
		lf_buf_add_str(out, sign > 0 ? " + " : " - ");
	if (r >= 0 && neg)
		r = lf_expr_print_negation(es, out, b);
	else if (r >= 0)
		r = lf_expr_print_arg(es, out, expr, 1, LF_PREC_ADD + 1, -1);
	isl_ast_expr_free(b);
	return r < 0 ? -1 : LF_PREC_ADD;
}

/* Print "-a".  A text that starts with '-' itself is parenthesized so
 * that no "--" token forms.
 */
static int lf_expr_print_minus(__isl_keep const struct lf_print_expr_style *es,
	__isl_keep struct lf_buf *out,
	__isl_keep isl_ast_expr *expr)
{
	struct lf_text text;
	int min;

	if (lf_text_set_arg(es, &text, expr, 0) < 0) {
		lf_text_free(&text);
		return -1;
	}
	min = text.buf.data[0] == '-' ? LF_PREC_POSTFIX + 1 : LF_PREC_UNARY;
	lf_buf_add_char(out, '-');
	lf_text_add(out, &text, min, -1);
	lf_text_free(&text);
	return LF_PREC_UNARY;
}

static int lf_expr_print_address_of(
	__isl_keep const struct lf_print_expr_style *es,
	__isl_keep struct lf_buf *out, __isl_keep isl_ast_expr *expr)
{
	lf_buf_add_char(out, '&');
	if (lf_expr_print_arg(es, out, expr, 0, LF_PREC_UNARY, -1) < 0)
		return -1;
	return LF_PREC_UNARY;
}

/* Print "c ? a : b" from the texts of its operands.
 */
static int lf_text_print_cond(__isl_keep struct lf_buf *out,
	__isl_keep struct lf_text *c, __isl_keep struct lf_text *a,
	__isl_keep struct lf_text *b)
{
	lf_text_add(out, c, LF_PREC_OR, -1);
	lf_buf_add_str(out, " ? ");
	lf_text_add(out, a, LF_PREC_OR, -1);
	lf_buf_add_str(out, " : ");
	lf_text_add(out, b, LF_PREC_OR, -1);
	return LF_PREC_COND;
}

/* Print the minimum ("cmp" is " < ") or maximum (" > ") of arguments
 * [lo, hi) of "expr" as nested conditionals.  Splitting the range in
 * halves keeps the repeated text quadratic rather than exponential in
 * the number of arguments.
 */
static int lf_expr_print_min_max_range(
	__isl_keep const struct lf_print_expr_style *es,
	__isl_keep struct lf_buf *out, __isl_keep isl_ast_expr *expr, int lo,
	int hi, __isl_keep const char *cmp)
{
	struct lf_text a, b, c;
	int mid;
	int r;

	if (hi - lo == 1)
		return lf_expr_print_arg(es, out, expr, lo, LF_PREC_NONE, -1);
	mid = lo + (hi - lo) / 2;
	lf_buf_init(&a.buf);
	lf_buf_init(&b.buf);
	lf_buf_init(&c.buf);
	a.prec = lf_expr_print_min_max_range(es, &a.buf, expr, lo, mid, cmp);
	b.prec = lf_expr_print_min_max_range(es, &b.buf, expr, mid, hi, cmp);
	r = -1;
	if (a.prec >= 0 && b.prec >= 0) {
		lf_text_add(&c.buf, &a, LF_PREC_OPERAND_REL, -1);
		lf_buf_add_str(&c.buf, cmp);
		lf_text_add(&c.buf, &b, LF_PREC_OPERAND_REL, -1);
		c.prec = LF_PREC_REL;
		r = lf_text_print_cond(out, &c, &a, &b);
	}
	lf_text_free(&a);
	lf_text_free(&b);
	lf_text_free(&c);
	return r;
}

static int lf_expr_print_min_max(
	__isl_keep const struct lf_print_expr_style *es,
	__isl_keep struct lf_buf *out, __isl_keep isl_ast_expr *expr,
	__isl_keep const char *cmp)
{
	isl_size n;

	n = isl_ast_expr_op_get_n_arg(expr);
	if (n < 1)
		return -1;
	return lf_expr_print_min_max_range(es, out, expr, 0, n, cmp);
}

static int lf_expr_print_conditional(
	__isl_keep const struct lf_print_expr_style *es,
	__isl_keep struct lf_buf *out, __isl_keep isl_ast_expr *expr)
{
	struct lf_text t[3];
	int i;
	int r;

	r = 0;
	for (i = 0; i < 3; ++i)
		if (lf_text_set_arg(es, &t[i], expr, i) < 0)
			r = -1;
	if (r >= 0)
		r = lf_text_print_cond(out, &t[0], &t[1], &t[2]);
	for (i = 0; i < 3; ++i)
		lf_text_free(&t[i]);
	return r;
}

/* Print "d - 1" for the constant divisor "d" or "b - 1" for any other
 * divisor "b" as the subtrahend in "a - (d - 1)", that is, as "- 31"
 * or "- b + 1".
 */
static int lf_expr_print_divisor_minus_one(__isl_keep struct lf_buf *out,
	__isl_keep isl_ast_expr *div, __isl_keep struct lf_text *b)
{
	isl_val *d;
	int r;

	if (isl_ast_expr_get_type(div) != isl_ast_expr_int) {
		lf_buf_add_str(out, " - ");
		lf_text_add(out, b, LF_PREC_ADD + 1, -1);
		lf_buf_add_str(out, " + 1");
		return 0;
	}
	d = isl_ast_expr_int_get_val(div);
	d = isl_val_sub_ui(d, 1);
	if (!d)
		return -1;
	lf_buf_add_str(out, " - ");
	r = lf_val_print(out, d);
	isl_val_free(d);
	return r;
}

/* Is the dividend of the division "expr" never negative, as far as the
 * style's ranges tell?
 */
static isl_bool lf_expr_dividend_is_nonneg(
	__isl_keep const struct lf_print_expr_style *es,
	__isl_keep isl_ast_expr *expr)
{
	isl_ast_expr *a;
	isl_bool nonneg;

	if (!es || !es->ranges)
		return isl_bool_false;
	a = isl_ast_expr_op_get_arg(expr, 0);
	nonneg = a ? lf_range_is_nonneg(es->ranges, a) : isl_bool_error;
	isl_ast_expr_free(a);
	return nonneg;
}

/* Print the floor of a / b for a positive b.  C99 division truncates
 * towards zero, so a negative a is first moved down by b - 1:
 * "a < 0 ? (a - (b - 1)) / b : a / b".
 */
static int lf_expr_print_fdiv_q(__isl_keep const struct lf_print_expr_style *es,
	__isl_keep struct lf_buf *out,
	__isl_keep isl_ast_expr *expr)
{
	struct lf_text a, b;
	isl_ast_expr *div;
	int r;

	if (lf_expr_dividend_is_nonneg(es, expr) == isl_bool_true)
		return lf_expr_print_binary(es, out, expr, " / ", LF_PREC_MUL);
	div = isl_ast_expr_op_get_arg(expr, 1);
	r = lf_text_set_arg(es, &a, expr, 0);
	if (lf_text_set_arg(es, &b, expr, 1) < 0 || !div)
		r = -1;
	if (r >= 0) {
		lf_text_add(out, &a, LF_PREC_OPERAND_REL, -1);
		lf_buf_add_str(out, " < 0 ? (");
		lf_text_add(out, &a, LF_PREC_ADD, -1);
		r = lf_expr_print_divisor_minus_one(out, div, &b);
	}
	if (r >= 0) {
		lf_buf_add_str(out, ") / ");
		lf_text_add(out, &b, LF_PREC_UNARY, -1);
		lf_buf_add_str(out, " : ");
		lf_text_add(out, &a, LF_PREC_MUL, -1);
		lf_buf_add_str(out, " / ");
		lf_text_add(out, &b, LF_PREC_UNARY, -1);
		r = LF_PREC_COND;
	}
	isl_ast_expr_free(div);
	lf_text_free(&a);
	lf_text_free(&b);
	return r;
}

/* Print a comparison.  Operands that are comparisons themselves are
 * parenthesized, as compilers warn about "a < b < c".  A loop bound
 * that is a minimum stays one expression, "i <= (a < b ? a : b)":
 * written as "i <= a && i <= b" it would keep gcc from computing the
 * trip count, and so from vectorizing the loop.
 */
static int lf_expr_print_cmp(__isl_keep const struct lf_print_expr_style *es,
	__isl_keep struct lf_buf *out,
	__isl_keep isl_ast_expr *expr, __isl_keep const char *op, int prec)
{
	struct lf_text a;
	isl_ast_expr *b;
	int r;

	b = isl_ast_expr_op_get_arg(expr, 1);
	r = lf_text_set_arg(es, &a, expr, 0);
	if (!b)
		r = -1;
	if (r >= 0) {
		lf_text_add(out, &a, LF_PREC_OPERAND_REL, -1);
		lf_buf_add_str(out, op);
		r = lf_expr_print_arg(es, out, expr, 1, LF_PREC_OPERAND_REL, -1);
		r = r < 0 ? -1 : prec;
	}
	isl_ast_expr_free(b);
	lf_text_free(&a);
	return r;
}

/* Print the call or array access "f(args)" or "a[i][j]".
 */
static int lf_expr_print_postfix(
	__isl_keep const struct lf_print_expr_style *es,
	__isl_keep struct lf_buf *out, __isl_keep isl_ast_expr *expr,
	int is_call)
{
	isl_size n;
	int i;

	n = isl_ast_expr_op_get_n_arg(expr);
	if (n < 1)
		return -1;
	if (lf_expr_print_arg(es, out, expr, 0, LF_PREC_POSTFIX, -1) < 0)
		return -1;
	if (is_call)
		lf_buf_add_char(out, '(');
	for (i = 1; i < n; ++i) {
		if (is_call && i > 1)
			lf_buf_add_str(out, ", ");
		if (!is_call)
			lf_buf_add_char(out, '[');
		if (lf_expr_print_arg(es, out, expr, i, LF_PREC_COND, -1) < 0)
			return -1;
		if (!is_call)
			lf_buf_add_char(out, ']');
	}
	if (is_call)
		lf_buf_add_char(out, ')');
	return LF_PREC_POSTFIX;
}

static int lf_expr_print_member(__isl_keep const struct lf_print_expr_style *es,
	__isl_keep struct lf_buf *out,
	__isl_keep isl_ast_expr *expr)
{
	if (lf_expr_print_arg(es, out, expr, 0, LF_PREC_POSTFIX, -1) < 0)
		return -1;
	lf_buf_add_char(out, '.');
	if (lf_expr_print_arg(es, out, expr, 1, LF_PREC_POSTFIX, -1) < 0)
		return -1;
	return LF_PREC_POSTFIX;
}

static int lf_expr_print_op(__isl_keep const struct lf_print_expr_style *es,
	__isl_keep struct lf_buf *out,
	__isl_keep isl_ast_expr *expr)
{
	switch (isl_ast_expr_op_get_type(expr)) {
	case isl_ast_expr_op_and:
	case isl_ast_expr_op_and_then:
		return lf_expr_print_logical(es, out, expr, " && ", LF_PREC_AND,
					-1);
	case isl_ast_expr_op_or:
	case isl_ast_expr_op_or_else:
		return lf_expr_print_logical(es, out, expr, " || ", LF_PREC_OR,
					LF_PREC_AND);
	case isl_ast_expr_op_max:
		return lf_expr_print_min_max(es, out, expr, " > ");
	case isl_ast_expr_op_min:
		return lf_expr_print_min_max(es, out, expr, " < ");
	case isl_ast_expr_op_minus:
		return lf_expr_print_minus(es, out, expr);
	case isl_ast_expr_op_add:
		return lf_expr_print_add(es, out, expr, 1);
	case isl_ast_expr_op_sub:
		return lf_expr_print_add(es, out, expr, -1);
	case isl_ast_expr_op_mul:
		return lf_expr_print_binary(es, out, expr, " * ", LF_PREC_MUL);
	case isl_ast_expr_op_div:
	case isl_ast_expr_op_pdiv_q:
		return lf_expr_print_binary(es, out, expr, " / ", LF_PREC_MUL);
	case isl_ast_expr_op_pdiv_r:
	case isl_ast_expr_op_zdiv_r:
		return lf_expr_print_binary(es, out, expr, " % ", LF_PREC_MUL);
	case isl_ast_expr_op_fdiv_q:
		return lf_expr_print_fdiv_q(es, out, expr);
	case isl_ast_expr_op_cond:
	case isl_ast_expr_op_select:
		return lf_expr_print_conditional(es, out, expr);
	case isl_ast_expr_op_eq:
		return lf_expr_print_cmp(es, out, expr, " == ", LF_PREC_EQ);
	case isl_ast_expr_op_le:
		return lf_expr_print_cmp(es, out, expr, " <= ", LF_PREC_REL);
	case isl_ast_expr_op_lt:
		return lf_expr_print_cmp(es, out, expr, " < ", LF_PREC_REL);
	case isl_ast_expr_op_ge:
		return lf_expr_print_cmp(es, out, expr, " >= ", LF_PREC_REL);
	case isl_ast_expr_op_gt:
		return lf_expr_print_cmp(es, out, expr, " > ", LF_PREC_REL);
	case isl_ast_expr_op_call:
		return lf_expr_print_postfix(es, out, expr, 1);
	case isl_ast_expr_op_access:
		return lf_expr_print_postfix(es, out, expr, 0);
	case isl_ast_expr_op_member:
		return lf_expr_print_member(es, out, expr);
	case isl_ast_expr_op_address_of:
		return lf_expr_print_address_of(es, out, expr);
	default:
		return -1;
	}
}

/* Print "expr" and return the precedence of its outermost operator,
 * or -1 on error.
 */
static int lf_expr_print(__isl_keep const struct lf_print_expr_style *es,
	__isl_keep struct lf_buf *out, __isl_keep isl_ast_expr *expr)
{
	switch (isl_ast_expr_get_type(expr)) {
	case isl_ast_expr_op:
		return lf_expr_print_op(es, out, expr);
	case isl_ast_expr_id:
		return lf_expr_print_id(es, out, expr);
	case isl_ast_expr_int:
		return lf_expr_print_int(out, expr);
	default:
		return -1;
	}
}

int lf_print_expr_styled(__isl_keep const struct lf_print_expr_style *es,
	__isl_keep struct lf_buf *out, __isl_keep isl_ast_expr *expr)
{
	struct lf_text text;
	int r;

	if (!out || out->failed)
		return -1;
	r = lf_text_set_expr(es, &text, expr);
	if (r >= 0 && text.buf.data)
		lf_buf_add(out, text.buf.data, text.buf.len);
	lf_text_free(&text);
	if (out->failed)
		return -1;
	return r < 0 ? -1 : 0;
}

int lf_print_expr(__isl_keep struct lf_buf *out, __isl_keep isl_ast_expr *expr)
{
	return lf_print_expr_styled(NULL, out, expr);
}

/* Ways in which the context of a node restricts how it is printed.
 *
 * LF_SCOPED: the node is all there is between a pair of braces, so it
 * may declare variables without braces of its own.
 * LF_SINGLE: the node must be one statement, as the statement after a
 * "#pragma omp" is; a loop that runs once must then stay a loop.
 */
enum {
	LF_SCOPED = 1,
	LF_SINGLE = 2
};

struct lf_printer {
	struct lf_buf *out;
	const struct lf_print_style *style;
	int in_parallel;
};

static int lf_printer_node(__isl_keep struct lf_printer *p,
	__isl_keep isl_ast_node *node, int level, int flags);
static int lf_printer_loop_body(__isl_keep struct lf_printer *p,
	__isl_keep isl_ast_node *node, int level);

static void lf_printer_add_indent(__isl_keep struct lf_buf *buf,
	__isl_keep const struct lf_print_style *style, int level)
{
	int i;

	lf_buf_add_str(buf, style->indent);
	for (i = 0; i < level; ++i)
		lf_buf_add_str(buf, style->indent_unit);
}

static void lf_printer_newline(__isl_keep struct lf_printer *p, int level)
{
	lf_buf_add_str(p->out, p->style->newline);
	lf_printer_add_indent(p->out, p->style, level);
}

static int lf_printer_add_expr(__isl_keep struct lf_printer *p,
	__isl_take isl_ast_expr *expr)
{
	int r;

	r = expr ? lf_print_expr_styled(p->style->expr_style, p->out, expr) :
		-1;
	isl_ast_expr_free(expr);
	return r;
}

static int lf_printer_user(__isl_keep struct lf_printer *p,
	__isl_keep isl_ast_node *node, int level)
{
	struct lf_buf indent;
	int r;

	if (!p->style->print_user) {
		r = lf_printer_add_expr(p, isl_ast_node_user_get_expr(node));
		lf_buf_add_char(p->out, ';');
		return r;
	}
	lf_buf_init(&indent);
	lf_printer_add_indent(&indent, p->style, level);
	r = -1;
	if (!indent.failed)
		r = p->style->print_user(p->out, node, indent.data,
					p->style->user);
	lf_buf_free(&indent);
	return r < 0 ? -1 : 0;
}

static isl_bool lf_mark_is_omp(__isl_keep isl_ast_node *node)
{
	isl_id *id;
	const char *name;
	isl_bool omp;

	id = isl_ast_node_mark_get_id(node);
	if (!id)
		return isl_bool_error;
	name = isl_id_get_name(id);
	omp = isl_bool_ok(name && !strncmp(name, "omp ", 4));
	isl_id_free(id);
	return omp;
}

/* Is "node" printed as a single simple statement, a body that needs
 * no braces?
 */
static isl_bool lf_node_is_single_user(__isl_keep isl_ast_node *node)
{
	isl_ast_node *child;
	isl_bool single;

	switch (isl_ast_node_get_type(node)) {
	case isl_ast_node_user:
		return isl_bool_true;
	case isl_ast_node_mark:
		single = lf_mark_is_omp(node);
		if (single != isl_bool_false)
			return isl_bool_not(single);
		child = isl_ast_node_mark_get_node(node);
		single = child ? lf_node_is_single_user(child) :
				isl_bool_error;
		isl_ast_node_free(child);
		return single;
	case isl_ast_node_error:
		return isl_bool_error;
	default:
		return isl_bool_false;
	}
}

/* Print "node" between braces, or on its own line below a header when
 * it is a single simple statement and braces are not forced.
 */
static int lf_printer_body(__isl_keep struct lf_printer *p,
	__isl_keep isl_ast_node *node, int level, int force)
{
	isl_bool single;

	single = lf_node_is_single_user(node);
	if (single < 0)
		return -1;
	if (single && !force) {
		lf_printer_newline(p, level + 1);
		return lf_printer_node(p, node, level + 1, 0);
	}
	lf_buf_add_str(p->out, " {");
	lf_printer_newline(p, level + 1);
	if (lf_printer_node(p, node, level + 1, LF_SCOPED) < 0)
		return -1;
	lf_printer_newline(p, level);
	lf_buf_add_char(p->out, '}');
	return 0;
}

/* The type to declare the iterator of a for node with, or NULL if it
 * is assigned to.
 */
static __isl_keep const char *lf_printer_iterator_type(
	__isl_keep struct lf_printer *p, __isl_keep isl_id *id)
{
	if (!p->style->iterator_type)
		return "int";
	return p->style->iterator_type(id, p->style->user);
}

/* Print "TYPE it = init" or "it = init" for the for node "node".
 */
static int lf_printer_for_init(__isl_keep struct lf_printer *p,
	__isl_keep isl_ast_node *node)
{
	isl_ast_expr *it;
	isl_id *id;
	const char *type;
	const char *name;

	it = isl_ast_node_for_get_iterator(node);
	id = it ? isl_ast_expr_id_get_id(it) : NULL;
	name = isl_id_get_name(id);
	type = id ? lf_printer_iterator_type(p, id) : NULL;
	if (type) {
		lf_buf_add_str(p->out, type);
		lf_buf_add_char(p->out, ' ');
	}
	if (name)
		lf_buf_add_str(p->out, name);
	isl_id_free(id);
	isl_ast_expr_free(it);
	if (!name)
		return -1;
	lf_buf_add_str(p->out, " = ");
	return lf_printer_add_expr(p, isl_ast_node_for_get_init(node));
}

static isl_bool lf_expr_is_one(__isl_keep isl_ast_expr *expr)
{
	isl_val *v;
	isl_bool one;

	if (isl_ast_expr_get_type(expr) != isl_ast_expr_int)
		return isl_bool_false;
	v = isl_ast_expr_int_get_val(expr);
	one = isl_val_is_one(v);
	isl_val_free(v);
	return one;
}

/* Print "it++" or "it += inc".
 */
static int lf_printer_for_inc(__isl_keep struct lf_printer *p,
	__isl_keep isl_ast_node *node)
{
	isl_ast_expr *inc;
	isl_bool one;

	if (lf_printer_add_expr(p, isl_ast_node_for_get_iterator(node)) < 0)
		return -1;
	inc = isl_ast_node_for_get_inc(node);
	one = inc ? lf_expr_is_one(inc) : isl_bool_error;
	if (one < 0) {
		isl_ast_expr_free(inc);
		return -1;
	}
	if (one) {
		lf_buf_add_str(p->out, "++");
		isl_ast_expr_free(inc);
		return 0;
	}
	lf_buf_add_str(p->out, " += ");
	return lf_printer_add_expr(p, inc);
}

/* The pragma the style asks for before loop "node", on a line of its
 * own.  Returns whether it opens a parallel region.
 */
static int lf_printer_pragma(__isl_keep struct lf_printer *p,
	__isl_keep isl_ast_node *node, int level)
{
	const char *pragma;

	if (!p->style->loop_pragma)
		return 0;
	pragma = p->style->loop_pragma(node, p->in_parallel, p->style->user);
	if (!pragma)
		return 0;
	lf_buf_add_str(p->out, "#pragma ");
	lf_buf_add_str(p->out, pragma);
	lf_printer_newline(p, level);
	return !strncmp(pragma, "omp parallel", 12);
}

static int lf_printer_loop(__isl_keep struct lf_printer *p,
	__isl_keep isl_ast_node *node, int level)
{
	int r, parallel, outer = p->in_parallel;

	parallel = lf_printer_pragma(p, node, level);
	if (parallel)
		p->in_parallel = 1;
	r = lf_printer_loop_body(p, node, level);
	p->in_parallel = outer;
	return r;
}

static int lf_printer_loop_body(__isl_keep struct lf_printer *p,
	__isl_keep isl_ast_node *node, int level)
{
	isl_ast_node *body;
	int r;

	lf_buf_add_str(p->out, "for (");
	if (lf_printer_for_init(p, node) < 0)
		return -1;
	lf_buf_add_str(p->out, "; ");
	if (lf_printer_add_expr(p, isl_ast_node_for_get_cond(node)) < 0)
		return -1;
	lf_buf_add_str(p->out, "; ");
	if (lf_printer_for_inc(p, node) < 0)
		return -1;
	lf_buf_add_char(p->out, ')');
	body = isl_ast_node_for_get_body(node);
	r = body ? lf_printer_body(p, body, level, 0) : -1;
	isl_ast_node_free(body);
	return r;
}

/* Print the statements of a loop that runs exactly once: the iterator
 * is set to its single value and the body follows.
 */
static int lf_printer_once(__isl_keep struct lf_printer *p,
	__isl_keep isl_ast_node *node, int level)
{
	isl_ast_node *body;
	int r;

	if (lf_printer_for_init(p, node) < 0)
		return -1;
	lf_buf_add_char(p->out, ';');
	lf_printer_newline(p, level);
	body = isl_ast_node_for_get_body(node);
	r = body ? lf_printer_node(p, body, level, 0) : -1;
	isl_ast_node_free(body);
	return r;
}

/* Does the for node "node" declare its iterator?
 */
static isl_bool lf_printer_for_declares(__isl_keep struct lf_printer *p,
	__isl_keep isl_ast_node *node)
{
	isl_ast_expr *it;
	isl_id *id;
	isl_bool declares;

	it = isl_ast_node_for_get_iterator(node);
	id = it ? isl_ast_expr_id_get_id(it) : NULL;
	declares = id ? isl_bool_ok(lf_printer_iterator_type(p, id) != NULL) :
			isl_bool_error;
	isl_id_free(id);
	isl_ast_expr_free(it);
	return declares;
}

/* A loop that runs exactly once is printed as its body after setting
 * the iterator, in a block of its own if the iterator is declared
 * where it would otherwise share a scope with other statements.
 */
static int lf_printer_for(__isl_keep struct lf_printer *p,
	__isl_keep isl_ast_node *node, int level, int flags)
{
	isl_bool once;
	isl_bool declares;

	once = isl_ast_node_for_is_degenerate(node);
	if (once < 0)
		return -1;
	if (!once || (flags & LF_SINGLE))
		return lf_printer_loop(p, node, level);
	declares = lf_printer_for_declares(p, node);
	if (declares < 0)
		return -1;
	if (!declares || (flags & LF_SCOPED))
		return lf_printer_once(p, node, level);
	lf_buf_add_char(p->out, '{');
	lf_printer_newline(p, level + 1);
	if (lf_printer_once(p, node, level + 1) < 0)
		return -1;
	lf_printer_newline(p, level);
	lf_buf_add_char(p->out, '}');
	return 0;
}

/* Print an if node.  With an else branch, or within an else-if chain
 * ("force"), every branch has braces, so that no else can attach to an
 * if inside a user statement.
 */
static int lf_printer_if(__isl_keep struct lf_printer *p,
	__isl_keep isl_ast_node *node, int level, int force)
{
	isl_ast_node *branch;
	isl_bool has_else;
	int r;

	lf_buf_add_str(p->out, "if (");
	if (lf_printer_add_expr(p, isl_ast_node_if_get_cond(node)) < 0)
		return -1;
	lf_buf_add_char(p->out, ')');
	has_else = isl_ast_node_if_has_else_node(node);
	if (has_else < 0)
		return -1;
	branch = isl_ast_node_if_get_then_node(node);
	r = branch ? lf_printer_body(p, branch, level, force || has_else) :
		-1;
	isl_ast_node_free(branch);
	if (r < 0 || !has_else)
		return r;
	lf_buf_add_str(p->out, " else");
	branch = isl_ast_node_if_get_else_node(node);
	if (!branch)
		return -1;
	if (isl_ast_node_get_type(branch) == isl_ast_node_if) {
		lf_buf_add_char(p->out, ' ');
		r = lf_printer_if(p, branch, level, 1);
	} else {
		r = lf_printer_body(p, branch, level, 1);
	}
	isl_ast_node_free(branch);
	return r;
}

/* Print the children of a block node one below the other.  A block
 * that must be a single statement gets braces.
 */
static int lf_printer_block(__isl_keep struct lf_printer *p,
	__isl_keep isl_ast_node *node, int level, int flags)
{
	isl_ast_node_list *list;
	isl_ast_node *child;
	isl_size n;
	int i;
	int r;

	if (flags & LF_SINGLE) {
		lf_buf_add_char(p->out, '{');
		lf_printer_newline(p, level + 1);
		if (lf_printer_block(p, node, level + 1, LF_SCOPED) < 0)
			return -1;
		lf_printer_newline(p, level);
		lf_buf_add_char(p->out, '}');
		return 0;
	}
	list = isl_ast_node_block_get_children(node);
	n = isl_ast_node_list_n_ast_node(list);
	r = n < 0 ? -1 : 0;
	for (i = 0; r >= 0 && i < n; ++i) {
		if (i > 0)
			lf_printer_newline(p, level);
		child = isl_ast_node_list_get_at(list, i);
		r = child ? lf_printer_node(p, child, level, 0) : -1;
		isl_ast_node_free(child);
	}
	isl_ast_node_list_free(list);
	return r;
}

/* Print a mark node.  A mark named "omp ..." becomes a pragma on a line
 * of its own before the marked node; other marks leave no trace.
 */
static int lf_printer_mark(__isl_keep struct lf_printer *p,
	__isl_keep isl_ast_node *node, int level, int flags)
{
	isl_ast_node *child;
	isl_id *id;
	isl_bool omp;
	int r;

	omp = lf_mark_is_omp(node);
	if (omp < 0)
		return -1;
	if (omp) {
		id = isl_ast_node_mark_get_id(node);
		if (!id)
			return -1;
		lf_buf_add_str(p->out, "#pragma ");
		lf_buf_add_str(p->out, isl_id_get_name(id));
		isl_id_free(id);
		lf_printer_newline(p, level);
		flags = LF_SINGLE;
	}
	child = isl_ast_node_mark_get_node(node);
	r = child ? lf_printer_node(p, child, level, flags) : -1;
	isl_ast_node_free(child);
	return r;
}

/* Print "node" starting at the current position, which is indented
 * for "level"; later lines are indented by themselves.
 */
static int lf_printer_node(__isl_keep struct lf_printer *p,
	__isl_keep isl_ast_node *node, int level, int flags)
{
	switch (isl_ast_node_get_type(node)) {
	case isl_ast_node_for:
		return lf_printer_for(p, node, level, flags);
	case isl_ast_node_if:
		return lf_printer_if(p, node, level, 0);
	case isl_ast_node_block:
		return lf_printer_block(p, node, level, flags);
	case isl_ast_node_mark:
		return lf_printer_mark(p, node, level, flags);
	case isl_ast_node_user:
		return lf_printer_user(p, node, level);
	default:
		return -1;
	}
}

__isl_give char *lf_print_ast(__isl_keep isl_ast_node *node,
	__isl_keep const struct lf_print_style *style)
{
	struct lf_buf out;
	struct lf_printer p;

	if (!node || !style || !style->indent || !style->indent_unit ||
	    !style->newline)
		return NULL;
	lf_buf_init(&out);
	p.out = &out;
	p.in_parallel = 0;
	p.style = style;
	if (lf_printer_node(&p, node, 0, 0) < 0) {
		lf_buf_free(&out);
		return NULL;
	}
	return lf_buf_take(&out);
}
