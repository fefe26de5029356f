/* SPDX-License-Identifier: MIT */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <check.h>

#include <isl/ctx.h>
#include <isl/aff.h>
#include <isl/id.h>
#include <isl/map.h>
#include <isl/point.h>
#include <isl/set.h>
#include <isl/space.h>
#include <isl/union_map.h>
#include <isl/union_set.h>
#include <isl/schedule.h>
#include <isl/val.h>
#include <isl/ast.h>
#include <isl/ast_build.h>

#include "lf_buf.h"
#include "lf_print.h"

/* isl creates loops that are known to run once only in cases that are
 * hard to provoke from a schedule, and it declares its function that
 * marks a loop as such only in a private header; libisl exports it.
 */
__isl_give isl_ast_node *isl_ast_node_for_mark_degenerate(
	__isl_take isl_ast_node *node);

/* Print the user statement "S(a, b)" as "S(a, b);", the arguments
 * with lf_print_expr.
 */
static int print_call(struct lf_buf *out, __isl_keep isl_ast_node *node)
{
	isl_ast_expr *call, *arg;
	isl_size n;
	int i;
	int r;

	call = isl_ast_node_user_get_expr(node);
	n = isl_ast_expr_op_get_n_arg(call);
	r = n < 1 ? -1 : 0;
	for (i = 0; r == 0 && i < n; ++i) {
		if (i == 1)
			lf_buf_add_char(out, '(');
		if (i > 1)
			lf_buf_add_str(out, ", ");
		arg = isl_ast_expr_op_get_arg(call, i);
		r = lf_print_expr(out, arg);
		isl_ast_expr_free(arg);
	}
	if (n == 1)
		lf_buf_add_char(out, '(');
	lf_buf_add_str(out, ");");
	isl_ast_expr_free(call);
	return r;
}

static int print_user(struct lf_buf *out, __isl_keep isl_ast_node *node,
	const char *indent, void *user)
{
	return print_call(out, node);
}

/* Print a comment line before the call, to check the indentation that
 * the printer hands to the callback.  "user" is the style.
 */
static int print_user_two_lines(struct lf_buf *out,
	__isl_keep isl_ast_node *node, const char *indent, void *user)
{
	const struct lf_print_style *style = user;

	lf_buf_add_str(out, "/* next */");
	lf_buf_add_str(out, style->newline);
	lf_buf_add_str(out, indent);
	return print_call(out, node);
}

/* "i" is a long, iterators whose name starts with 'v' exist already,
 * others are int.
 */
static const char *iterator_type(__isl_keep isl_id *iterator, void *user)
{
	const char *name = isl_id_get_name(iterator);

	if (!strcmp(name, "i"))
		return "long";
	if (name[0] == 'v')
		return NULL;
	return "int";
}

static const char *iterator_assigned(__isl_keep isl_id *iterator,
	void *user)
{
	return NULL;
}

static struct lf_print_style default_style(void)
{
	struct lf_print_style style;

	style.indent = "";
	style.indent_unit = "\t";
	style.newline = "\n";
	style.print_user = &print_user;
	style.iterator_type = NULL;
	style.loop_pragma = NULL;
	style.user = NULL;
	style.expr_style = NULL;
	return style;
}

/* Name the loop iterators after the space separated words of
 * "iterators".
 */
static __isl_give isl_ast_build *set_iterators(isl_ctx *ctx,
	__isl_take isl_ast_build *build, const char *iterators)
{
	isl_id_list *list;
	char name[32];
	int len;

	list = isl_id_list_alloc(ctx, 4);
	while (sscanf(iterators, " %31s%n", name, &len) == 1) {
		list = isl_id_list_add(list, isl_id_alloc(ctx, name, NULL));
		iterators += len;
	}
	return isl_ast_build_set_iterators(build, list);
}

static __isl_give isl_ast_node *build_ast(isl_ctx *ctx, const char *context,
	const char *schedule, const char *iterators, const char *options)
{
	isl_ast_build *build;
	isl_union_map *umap;
	isl_ast_node *node;

	build = isl_ast_build_from_context(isl_set_read_from_str(ctx,
							context));
	build = set_iterators(ctx, build, iterators);
	if (options)
		build = isl_ast_build_set_options(build,
				isl_union_map_read_from_str(ctx, options));
	umap = isl_union_map_read_from_str(ctx, schedule);
	node = isl_ast_build_node_from_schedule_map(build, umap);
	isl_ast_build_free(build);
	ck_assert_ptr_nonnull(node);
	return node;
}

static __isl_give isl_ast_node *build_ast_from_tree(isl_ctx *ctx,
	const char *context, const char *tree, const char *iterators)
{
	isl_ast_build *build;
	isl_schedule *schedule;
	isl_ast_node *node;

	build = isl_ast_build_from_context(isl_set_read_from_str(ctx,
							context));
	build = set_iterators(ctx, build, iterators);
	schedule = isl_schedule_read_from_str(ctx, tree);
	node = isl_ast_build_node_from_schedule(build, schedule);
	isl_ast_build_free(build);
	ck_assert_ptr_nonnull(node);
	return node;
}

static void check_ast_text(__isl_take isl_ast_node *node,
	const struct lf_print_style *style, const char *expected)
{
	char *text;

	text = lf_print_ast(node, style);
	isl_ast_node_free(node);
	ck_assert_ptr_nonnull(text);
	ck_assert_str_eq(text, expected);
	free(text);
}

/* Print "expr" after a prefix, to check that lf_print_expr appends.
 */
static void check_expr(__isl_take isl_ast_expr *expr, const char *expected)
{
	struct lf_buf out;

	lf_buf_init(&out);
	lf_buf_add_str(&out, "x = ");
	ck_assert_int_eq(lf_print_expr(&out, expr), 0);
	ck_assert_str_eq(out.data + 4, expected);
	lf_buf_free(&out);
	isl_ast_expr_free(expr);
}

static __isl_give isl_ast_expr *var(isl_ctx *ctx, const char *name)
{
	return isl_ast_expr_from_id(isl_id_alloc(ctx, name, NULL));
}

static __isl_give isl_ast_expr *num(isl_ctx *ctx, long v)
{
	return isl_ast_expr_from_val(isl_val_int_from_si(ctx, v));
}

static __isl_give isl_ast_expr *list2(isl_ctx *ctx,
	__isl_take isl_ast_expr *f, __isl_take isl_ast_expr *a,
	__isl_take isl_ast_expr *b, int is_call)
{
	isl_ast_expr_list *args;

	args = isl_ast_expr_list_alloc(ctx, 2);
	args = isl_ast_expr_list_add(args, a);
	args = isl_ast_expr_list_add(args, b);
	if (is_call)
		return isl_ast_expr_call(f, args);
	return isl_ast_expr_access(f, args);
}

START_TEST(test_expr_precedence)
{
	isl_ctx *ctx = isl_ctx_alloc();

#define V(n) var(ctx, n)
	check_expr(isl_ast_expr_sub(V("a"), isl_ast_expr_sub(V("b"), V("c"))),
		"a - (b - c)");
	check_expr(isl_ast_expr_sub(isl_ast_expr_sub(V("a"), V("b")), V("c")),
		"a - b - c");
	check_expr(isl_ast_expr_add(V("a"), isl_ast_expr_add(V("b"), V("c"))),
		"a + (b + c)");
	check_expr(isl_ast_expr_add(V("a"), isl_ast_expr_mul(V("b"), V("c"))),
		"a + b * c");
	check_expr(isl_ast_expr_mul(isl_ast_expr_add(V("a"), V("b")), V("c")),
		"(a + b) * c");
	check_expr(isl_ast_expr_mul(V("a"), isl_ast_expr_div(V("b"), V("c"))),
		"a * (b / c)");
	check_expr(isl_ast_expr_div(isl_ast_expr_mul(V("a"), V("b")), V("c")),
		"a * b / c");
	check_expr(isl_ast_expr_pdiv_q(isl_ast_expr_add(V("a"), V("b")),
		num(ctx, 4)), "(a + b) / 4");
	check_expr(isl_ast_expr_pdiv_r(V("a"), isl_ast_expr_mul(num(ctx, 2),
		V("b"))), "a % (2 * b)");
	check_expr(isl_ast_expr_neg(isl_ast_expr_add(V("a"), V("b"))),
		"-(a + b)");
	check_expr(isl_ast_expr_neg(isl_ast_expr_neg(V("a"))), "-(-a)");
	check_expr(isl_ast_expr_neg(num(ctx, -5)), "-(-5)");
	check_expr(isl_ast_expr_neg(isl_ast_expr_mul(V("a"), V("b"))),
		"-(a * b)");
	check_expr(isl_ast_expr_mul(isl_ast_expr_neg(V("a")), V("b")),
		"-a * b");
	check_expr(isl_ast_expr_mul(V("a"), num(ctx, -5)), "a * -5");
	check_expr(isl_ast_expr_add(V("a"), num(ctx, -5)), "a - 5");
	check_expr(isl_ast_expr_sub(V("a"), num(ctx, -5)), "a + 5");
	check_expr(isl_ast_expr_add(V("a"), isl_ast_expr_neg(V("b"))),
		"a - b");
	check_expr(isl_ast_expr_sub(V("a"),
		isl_ast_expr_neg(isl_ast_expr_sub(V("b"), V("c")))),
		"a + (b - c)");
	check_expr(isl_ast_expr_add(isl_ast_expr_neg(V("a")), V("b")),
		"-a + b");
#undef V
	isl_ctx_free(ctx);
}
END_TEST

START_TEST(test_expr_logic)
{
	isl_ctx *ctx = isl_ctx_alloc();

#define V(n) var(ctx, n)
	check_expr(isl_ast_expr_or(isl_ast_expr_and(V("a"), V("b")), V("c")),
		"(a && b) || c");
	check_expr(isl_ast_expr_and(isl_ast_expr_or_else(V("a"), V("b")),
		V("c")), "(a || b) && c");
	check_expr(isl_ast_expr_and_then(V("a"),
		isl_ast_expr_and(V("b"), V("c"))), "a && b && c");
	check_expr(isl_ast_expr_and(isl_ast_expr_le(V("a"), V("b")),
		isl_ast_expr_eq(V("c"), num(ctx, 0))), "a <= b && c == 0");
	check_expr(isl_ast_expr_le(V("a"), isl_ast_expr_add(V("b"),
		num(ctx, 1))), "a <= b + 1");
	check_expr(isl_ast_expr_eq(isl_ast_expr_lt(V("a"), V("b")), V("c")),
		"(a < b) == c");
	check_expr(isl_ast_expr_ge(V("a"), isl_ast_expr_gt(V("b"), V("c"))),
		"a >= (b > c)");
#undef V
	isl_ctx_free(ctx);
}
END_TEST

START_TEST(test_expr_postfix)
{
	isl_ctx *ctx = isl_ctx_alloc();
	isl_ast_expr *a;

#define V(n) var(ctx, n)
	check_expr(list2(ctx, V("A"), V("i"),
		isl_ast_expr_add(V("j"), num(ctx, 1)), 0), "A[i][j + 1]");
	check_expr(list2(ctx, V("f"), V("a"),
		isl_ast_expr_mul(V("b"), num(ctx, 2)), 1), "f(a, b * 2)");
	a = list2(ctx, V("A"), V("i"), V("j"), 0);
	check_expr(isl_ast_expr_address_of(a), "&A[i][j]");
	check_expr(isl_ast_expr_mul(list2(ctx, V("f"), V("a"), V("b"), 1),
		list2(ctx, V("A"), V("i"), V("j"), 0)), "f(a, b) * A[i][j]");
#undef V
	isl_ctx_free(ctx);
}
END_TEST

/* Check the literal that lf_print_expr prints for the decimal "value".
 */
static void check_literal(isl_ctx *ctx, const char *value,
	const char *expected)
{
	isl_val *v;

	v = isl_val_read_from_str(ctx, value);
	check_expr(isl_ast_expr_from_val(v), expected);
}

START_TEST(test_expr_literals)
{
	isl_ctx *ctx = isl_ctx_alloc();
	struct lf_buf out;
	isl_ast_expr *big;

	check_literal(ctx, "0", "0");
	check_literal(ctx, "-7", "-7");
	check_literal(ctx, "2147483647", "2147483647");
	check_literal(ctx, "-2147483647", "-2147483647");
	check_literal(ctx, "2147483648", "2147483648LL");
	check_literal(ctx, "-2147483648", "-2147483648LL");
	check_literal(ctx, "9223372036854775807", "9223372036854775807LL");
	check_literal(ctx, "-9223372036854775807", "-9223372036854775807LL");

	big = isl_ast_expr_add(var(ctx, "a"), isl_ast_expr_from_val(
		isl_val_read_from_str(ctx, "9223372036854775808")));
	lf_buf_init(&out);
	lf_buf_add_str(&out, "kept");
	ck_assert_int_eq(lf_print_expr(&out, big), -1);
	ck_assert_str_eq(out.data, "kept");
	lf_buf_free(&out);
	isl_ast_expr_free(big);
	isl_ctx_free(ctx);
}
END_TEST

/* The lower and upper bound of the loop in "node", which isl
 * expresses with "max" and "min".
 */
static void get_bounds(__isl_keep isl_ast_node *node,
	isl_ast_expr **lower, isl_ast_expr **upper)
{
	isl_ast_expr *cond;

	ck_assert_int_eq(isl_ast_node_get_type(node), isl_ast_node_for);
	*lower = isl_ast_node_for_get_init(node);
	cond = isl_ast_node_for_get_cond(node);
	*upper = isl_ast_expr_op_get_arg(cond, 1);
	isl_ast_expr_free(cond);
	ck_assert_int_eq(isl_ast_expr_op_get_type(*lower),
		isl_ast_expr_op_max);
	ck_assert_int_eq(isl_ast_expr_op_get_type(*upper),
		isl_ast_expr_op_min);
}

static __isl_give isl_ast_node *build_extrema_ast(isl_ctx *ctx)
{
	return build_ast(ctx, "[a, b, c] -> { : }",
		"[a, b, c] -> { S[i] -> [i] : i >= a and i >= b and i >= c "
		"and i <= a + 6 and i <= b + 6 and i <= 2c }", "i", NULL);
}

/* Extrema are conditional expressions; those of three arguments nest
 * them.  In a loop condition a minimum is spread over "&&" instead.
 */
START_TEST(test_expr_extrema)
{
	isl_ctx *ctx = isl_ctx_alloc();
	struct lf_print_style style = default_style();
	isl_ast_build *build;
	isl_ast_node *node;
	isl_ast_expr *lower, *upper;

	node = build_extrema_ast(ctx);
	get_bounds(node, &lower, &upper);
	check_expr(lower, "a > (b > c ? b : c) ? a : (b > c ? b : c)");
	check_expr(upper,
		"a + 6 < (b + 6 < 2 * c ? b + 6 : 2 * c) ? a + 6 : "
		"(b + 6 < 2 * c ? b + 6 : 2 * c)");
	check_ast_text(node, &style,
		"for (int i = a > (b > c ? b : c) ? a : (b > c ? b : c); "
		"i <= (a + 6 < (b + 6 < 2 * c ? b + 6 : 2 * c) ? a + 6 : "
		"(b + 6 < 2 * c ? b + 6 : 2 * c)); i++)\n"
		"\tS(i);");
	build = isl_ast_build_from_context(isl_set_read_from_str(ctx,
		"[a, b] -> { : }"));
	check_expr(isl_ast_build_expr_from_pw_aff(build,
		isl_pw_aff_read_from_str(ctx,
			"[a, b] -> { [(floor(min(a, b)/2))] }")),
		"b >= a ? (a < 0 ? (a - 1) / 2 : a / 2) : "
		"(b < 0 ? (b - 1) / 2 : b / 2)");
	isl_ast_build_free(build);
	isl_ctx_free(ctx);
}
END_TEST

/* A tiled 2-D loop nest: floor division of a value that may be -1,
 * exact division, min bounds, a step of 1 printed as "++".
 */
START_TEST(test_ast_tiled)
{
	isl_ctx *ctx = isl_ctx_alloc();
	struct lf_print_style style = default_style();
	isl_ast_node *node;

	node = build_ast(ctx, "[n] -> { : n >= 0 }",
		"[n] -> { S[i, j] -> [floor(i/32), floor(j/32), i, j] : "
		"0 <= i, j < n }", "it jt i j", NULL);
	check_ast_text(node, &style,
		"for (int it = 0; it <= (n - 1 < 0 ? (n - 1 - 31) / 32 : "
			"(n - 1) / 32); it++) {\n"
		"\tfor (int jt = 0; jt <= (n - 1) / 32; jt++) {\n"
		"\t\tfor (int i = 32 * it; "
			"i <= (n - 1 < 32 * it + 31 ? n - 1 : 32 * it + 31); "
			"i++) {\n"
		"\t\t\tfor (int j = 32 * jt; "
			"j <= (n - 1 < 32 * jt + 31 ? n - 1 : 32 * jt + 31); "
			"j++)\n"
		"\t\t\t\tS(i, j);\n"
		"\t\t}\n"
		"\t}\n"
		"}");
	isl_ctx_free(ctx);
}
END_TEST

/* The same nest with CRLF lines, an indented start, a user statement of
 * two lines, and iterators that are long or assigned to.
 */
START_TEST(test_ast_style)
{
	isl_ctx *ctx = isl_ctx_alloc();
	struct lf_print_style style = default_style();
	isl_ast_node *node;

	style.indent = "  ";
	style.indent_unit = "    ";
	style.newline = "\r\n";
	style.print_user = &print_user_two_lines;
	style.iterator_type = &iterator_type;
	style.user = &style;
	node = build_ast(ctx, "[n] -> { : n >= 1 }",
		"[n] -> { S[i, j] -> [i, j] : 0 <= i < n and 0 <= j <= i }",
		"i vj", NULL);
	check_ast_text(node, &style,
		"for (long i = 0; i < n; i++) {\r\n"
		"      for (vj = 0; vj <= i; vj++)\r\n"
		"          /* next */\r\n"
		"          S(i, vj);\r\n"
		"  }");
	isl_ctx_free(ctx);
}
END_TEST

START_TEST(test_ast_reversed)
{
	isl_ctx *ctx = isl_ctx_alloc();
	struct lf_print_style style = default_style();
	isl_ast_node *node;

	node = build_ast(ctx, "[n] -> { : }",
		"[n] -> { S[i] -> [-i] : 0 <= i < n }", "c0", NULL);
	check_ast_text(node, &style,
		"for (int c0 = -n + 1; c0 <= 0; c0++)\n"
		"\tS(-c0);");
	isl_ctx_free(ctx);
}
END_TEST

/* A sequence of two loops, the second with guards and a body of more
 * than one statement, and a step other than 1.
 */
START_TEST(test_ast_sequence)
{
	isl_ctx *ctx = isl_ctx_alloc();
	struct lf_print_style style = default_style();
	isl_ast_node *node;

	style.indent = "\t";
	node = build_ast(ctx, "[n] -> { : }",
		"[n] -> { S[i] -> [0, i] : 0 <= i < n; "
		"T[i] -> [1, i] : 0 <= i < n and i >= 3; "
		"U[i] -> [1, i] : 0 <= i < n and i <= 5; "
		"V[i] -> [2, i] : 0 <= i < n and i mod 3 = 1 }", "k i", NULL);
	check_ast_text(node, &style,
		"for (int i = 0; i < n; i++)\n"
		"\t\tS(i);\n"
		"\tfor (int i = 0; i < n; i++) {\n"
		"\t\tif (i >= 3)\n"
		"\t\t\tT(i);\n"
		"\t\tif (i <= 5)\n"
		"\t\t\tU(i);\n"
		"\t}\n"
		"\tfor (int i = 1; i < n; i += 3)\n"
		"\t\tV(i);");
	isl_ctx_free(ctx);
}
END_TEST

/* An else-if chain (with braces on every branch), "||", "==", and a
 * conditional expression as loop bound.
 */
START_TEST(test_ast_else_if)
{
	isl_ctx *ctx = isl_ctx_alloc();
	struct lf_print_style style = default_style();
	isl_ast_node *node;

	node = build_ast(ctx, "[n, m] -> { : }",
		"[n, m] -> { S[i] -> [i, t] : 0 <= i < n and t >= i and "
		"t >= m and (t = i or t = m); "
		"T[i] -> [i, t] : 0 <= i < n and t = i + 5 }", "i t", NULL);
	check_ast_text(node, &style,
		"for (int i = 0; i < n; i++) {\n"
		"\tif (i >= m + 1) {\n"
		"\t\tS(i);\n"
		"\t} else if (i + 4 >= m) {\n"
		"\t\tS(i);\n"
		"\t}\n"
		"\tT(i);\n"
		"\tif (i + 5 == m)\n"
		"\t\tS(m - 5);\n"
		"\tif (m >= i + 6)\n"
		"\t\tS(i);\n"
		"}");
	node = build_ast(ctx, "[n, m] -> { : }",
		"[n, m] -> { S[i] -> [i, t] : 0 <= i < n and t >= i and "
		"t >= m and (t = i or t = m) }", "i t",
		"{ [i, t] -> atomic[x] }");
	check_ast_text(node, &style,
		"for (int i = 0; i < n; i++) {\n"
		"\tfor (int t = m > i ? m : i; "
			"t <= (m >= i + 1 ? m : i); t++) {\n"
		"\t\tif (t == m || t == i)\n"
		"\t\t\tS(i);\n"
		"\t}\n"
		"}");
	isl_ctx_free(ctx);
}
END_TEST

/* Marks: "omp ..." becomes a pragma indented like the loop it is on,
 * other marks vanish.
 */
START_TEST(test_ast_marks)
{
	isl_ctx *ctx = isl_ctx_alloc();
	struct lf_print_style style = default_style();
	isl_ast_node *node;

	style.indent = "    ";
	style.indent_unit = "  ";
	node = build_ast_from_tree(ctx, "[n] -> { : }",
		"{ domain: \"[n] -> { S[i, j] : 0 <= i, j < n }\", "
		"child: { mark: \"omp parallel for\", "
		"child: { schedule: \"[n] -> [{ S[i, j] -> [(i)] }]\", "
		"child: { mark: \"tile\", "
		"child: { mark: \"omp simd\", "
		"child: { schedule: \"[n] -> [{ S[i, j] -> [(j)] }]\" "
		"} } } } } }", "i j");
	check_ast_text(node, &style,
		"#pragma omp parallel for\n"
		"    for (int i = 0; i < n; i++) {\n"
		"      #pragma omp simd\n"
		"      for (int j = 0; j < n; j++)\n"
		"        S(i, j);\n"
		"    }");
	node = build_ast_from_tree(ctx, "[n] -> { : }",
		"{ domain: \"[n] -> { S[i] : 0 <= i < n }\", "
		"child: { schedule: \"[n] -> [{ S[i] -> [(i)] }]\", "
		"child: { mark: \"unroll me\", child: { leaf } } } }", "i");
	check_ast_text(node, &style,
		"for (int i = 0; i < n; i++)\n"
		"      S(i);");
	isl_ctx_free(ctx);
}
END_TEST

/* A loop that runs once becomes a block that sets its iterator, or
 * just the assignment when the iterator is not declared.
 */
START_TEST(test_ast_degenerate)
{
	isl_ctx *ctx = isl_ctx_alloc();
	struct lf_print_style style = default_style();
	isl_ast_node *node;
	const char *sched;

	sched = "[n] -> { S[i, j] -> [i, j] : 0 <= i < n and 0 <= j < 3 }";
	node = build_ast(ctx, "[n] -> { : n >= 1 }", sched, "c0 c1", NULL);
	node = isl_ast_node_for_mark_degenerate(node);
	check_ast_text(isl_ast_node_copy(node), &style,
		"{\n"
		"\tint c0 = 0;\n"
		"\tfor (int c1 = 0; c1 <= 2; c1++)\n"
		"\t\tS(c0, c1);\n"
		"}");
	style.iterator_type = &iterator_assigned;
	check_ast_text(node, &style,
		"c0 = 0;\n"
		"for (c1 = 0; c1 <= 2; c1++)\n"
		"\tS(c0, c1);");
	isl_ctx_free(ctx);
}
END_TEST

/* An AST without user callback prints the call expressions.
 */
START_TEST(test_ast_default_user)
{
	isl_ctx *ctx = isl_ctx_alloc();
	struct lf_print_style style = default_style();
	isl_ast_node *node;

	style.print_user = NULL;
	node = build_ast(ctx, "[n] -> { : }",
		"[n] -> { S[i] -> [i] : 0 <= i < n; T[] -> [n] }", "i", NULL);
	check_ast_text(node, &style,
		"for (int i = 0; i < n; i++)\n"
		"\tS(i);\n"
		"T();");
	isl_ctx_free(ctx);
}
END_TEST

static int print_user_fail(struct lf_buf *out, __isl_keep isl_ast_node *node,
	const char *indent, void *user)
{
	lf_buf_add_str(out, "partial");
	return -1;
}

/* A failing callback or an incomplete style give no text.
 */
START_TEST(test_ast_errors)
{
	isl_ctx *ctx = isl_ctx_alloc();
	struct lf_print_style style = default_style();
	isl_ast_node *node;

	node = build_ast(ctx, "[n] -> { : }",
		"[n] -> { S[i] -> [i] : 0 <= i < n }", "i", NULL);
	style.print_user = &print_user_fail;
	ck_assert_ptr_null(lf_print_ast(node, &style));
	style = default_style();
	style.newline = NULL;
	ck_assert_ptr_null(lf_print_ast(node, &style));
	isl_ast_node_free(node);
	isl_ctx_free(ctx);
}
END_TEST

/* One statement instance in schedule order.
 */
struct instance {
	long sched[8];
	int n_sched;
	char text[128];
};

struct instances {
	struct instance *list;
	int n;
	int cap;
};

static isl_stat add_instance(__isl_take isl_point *pnt, void *user)
{
	struct instances *all = user;
	struct instance *inst;
	isl_space *space;
	isl_size n_in, n_out;
	int len;
	int i;

	if (all->n == all->cap) {
		all->cap = all->cap ? 2 * all->cap : 64;
		all->list = realloc(all->list, all->cap * sizeof(*all->list));
		ck_assert_ptr_nonnull(all->list);
	}
	inst = &all->list[all->n++];
	space = isl_space_unwrap(isl_point_get_space(pnt));
	n_in = isl_space_dim(space, isl_dim_in);
	n_out = isl_space_dim(space, isl_dim_out);
	ck_assert(n_in >= 0 && n_out >= 1 && n_out <= 8);
	len = snprintf(inst->text, sizeof(inst->text), "%s(",
		isl_space_get_tuple_name(space, isl_dim_in));
	for (i = 0; i < n_in + n_out; ++i) {
		isl_val *v = isl_point_get_coordinate_val(pnt, isl_dim_set, i);
		long x = isl_val_get_num_si(v);

		isl_val_free(v);
		if (i >= n_in)
			inst->sched[i - n_in] = x;
		else
			len += snprintf(inst->text + len,
				sizeof(inst->text) - len, "%s%ld",
				i ? ", " : "", x);
	}
	snprintf(inst->text + len, sizeof(inst->text) - len, ")\n");
	inst->n_sched = n_out;
	isl_space_free(space);
	isl_point_free(pnt);
	return isl_stat_ok;
}

static int cmp_instance(const void *p1, const void *p2)
{
	const struct instance *a = p1, *b = p2;
	int i;

	for (i = 0; i < a->n_sched; ++i)
		if (a->sched[i] != b->sched[i])
			return a->sched[i] < b->sched[i] ? -1 : 1;
	return 0;
}

/* Append to "out" the instances of "schedule" for the parameter values
 * "values", in the order of the schedule, enumerated by isl itself.
 * Return their number.
 */
static int enumerate(struct lf_buf *out, __isl_keep isl_union_map *schedule,
	const int *values)
{
	struct instances all = { NULL, 0, 0 };
	isl_space *space;
	isl_set *params;
	isl_union_map *fixed;
	isl_union_set *wrapped;
	isl_size n;
	int i;

	space = isl_union_map_get_space(schedule);
	n = isl_space_dim(space, isl_dim_param);
	params = isl_set_universe(space);
	for (i = 0; i < n; ++i)
		params = isl_set_fix_si(params, isl_dim_param, i, values[i]);
	fixed = isl_union_map_intersect_params(isl_union_map_copy(schedule),
		params);
	wrapped = isl_union_map_wrap(fixed);
	ck_assert_int_eq(isl_union_set_foreach_point(wrapped, &add_instance,
		&all), isl_stat_ok);
	isl_union_set_free(wrapped);
	if (all.n > 0)
		qsort(all.list, all.n, sizeof(*all.list), &cmp_instance);
	for (i = 0; i < all.n; ++i)
		lf_buf_add_str(out, all.list[i].text);
	free(all.list);
	return all.n;
}

/* Define a function that prints each statement instance it is called
 * for, such as "S(1, -2)".
 */
static isl_stat add_stmt_function(__isl_take isl_map *map, void *user)
{
	struct lf_buf *out = user;
	const char *name;
	isl_size n;
	int i;

	name = isl_map_get_tuple_name(map, isl_dim_in);
	n = isl_map_dim(map, isl_dim_in);
	lf_buf_printf(out, "void %s(", name);
	for (i = 0; i < n; ++i)
		lf_buf_printf(out, "%sint a%d", i ? ", " : "", i);
	lf_buf_printf(out, "%s)\n{\n\tprintf(\"%s(", n ? "" : "void", name);
	for (i = 0; i < n; ++i)
		lf_buf_printf(out, "%s%%d", i ? ", " : "");
	lf_buf_add_str(out, ")\\n\"");
	for (i = 0; i < n; ++i)
		lf_buf_printf(out, ", a%d", i);
	lf_buf_add_str(out, ");\n}\n\n");
	isl_map_free(map);
	return isl_stat_ok;
}

/* A C program that runs "code" for each of the "n_run" valuations of
 * the parameters in "values", ending each run with a line "--".
 */
static char *make_program(__isl_keep isl_union_map *schedule,
	const char *code, const int *values, int n_run)
{
	struct lf_buf out;
	isl_space *space;
	isl_size n;
	int i, k;

	lf_buf_init(&out);
	lf_buf_add_str(&out, "#include <stdio.h>\n\n");
	isl_union_map_foreach_map(schedule, &add_stmt_function, &out);
	space = isl_union_map_get_space(schedule);
	n = isl_space_dim(space, isl_dim_param);
	lf_buf_add_str(&out, "static void run(");
	for (i = 0; i < n; ++i)
		lf_buf_printf(&out, "%sint %s", i ? ", " : "",
			isl_space_get_dim_name(space, isl_dim_param, i));
	lf_buf_add_str(&out, ")\n{\n");
	for (i = 0; i < n; ++i)
		lf_buf_printf(&out, "\t(void) %s;\n",
			isl_space_get_dim_name(space, isl_dim_param, i));
	lf_buf_printf(&out, "\t%s\n}\n\nint main(void)\n{\n", code);
	for (k = 0; k < n_run; ++k) {
		lf_buf_add_str(&out, "\trun(");
		for (i = 0; i < n; ++i)
			lf_buf_printf(&out, "%s%d", i ? ", " : "",
				values[k * n + i]);
		lf_buf_add_str(&out, ");\n\tprintf(\"--\\n\");\n");
	}
	lf_buf_add_str(&out, "\treturn 0;\n}\n");
	isl_space_free(space);
	return lf_buf_take(&out);
}

static void write_file(const char *path, const char *text)
{
	FILE *f;

	f = fopen(path, "w");
	ck_assert_ptr_nonnull(f);
	ck_assert_int_eq(fputs(text, f) >= 0, 1);
	ck_assert_int_eq(fclose(f), 0);
}

/* Compile "program" with warnings as errors, run it and return its
 * output.
 */
static char *compile_and_run(const char *program)
{
	char dir[256], src[300], exe[300], cmd[1024];
	const char *tmp;
	struct lf_buf out;
	FILE *pipe;
	char chunk[4096];
	size_t len;

	tmp = getenv("TMPDIR");
	snprintf(dir, sizeof(dir), "%s/lf_print_XXXXXX", tmp ? tmp : "/tmp");
	ck_assert_ptr_nonnull(mkdtemp(dir));
	snprintf(src, sizeof(src), "%s/prog.c", dir);
	snprintf(exe, sizeof(exe), "%s/prog", dir);
	write_file(src, program);
	snprintf(cmd, sizeof(cmd),
		"cc -std=c99 -Wall -Wextra -Werror -o '%s' '%s'", exe, src);
	ck_assert_msg(system(cmd) == 0, "does not compile:\n%s", program);
	snprintf(cmd, sizeof(cmd), "'%s'", exe);
	pipe = popen(cmd, "r");
	ck_assert_ptr_nonnull(pipe);
	lf_buf_init(&out);
	while ((len = fread(chunk, 1, sizeof(chunk), pipe)) > 0)
		lf_buf_add(&out, chunk, len);
	ck_assert_int_eq(pclose(pipe), 0);
	unlink(exe);
	unlink(src);
	rmdir(dir);
	return lf_buf_take(&out);
}

/* Record in the bit set "found" the operations of "expr".
 */
static void collect_ops(__isl_take isl_ast_expr *expr, unsigned *found)
{
	isl_size n;
	int i;

	ck_assert_ptr_nonnull(expr);
	if (isl_ast_expr_get_type(expr) == isl_ast_expr_op) {
		*found |= 1u << isl_ast_expr_op_get_type(expr);
		n = isl_ast_expr_op_get_n_arg(expr);
		for (i = 0; i < n; ++i)
			collect_ops(isl_ast_expr_op_get_arg(expr, i), found);
	}
	isl_ast_expr_free(expr);
}

static isl_bool collect_node_ops(__isl_keep isl_ast_node *node, void *user)
{
	unsigned *found = user;

	switch (isl_ast_node_get_type(node)) {
	case isl_ast_node_for:
		collect_ops(isl_ast_node_for_get_init(node), found);
		collect_ops(isl_ast_node_for_get_cond(node), found);
		collect_ops(isl_ast_node_for_get_inc(node), found);
		break;
	case isl_ast_node_if:
		collect_ops(isl_ast_node_if_get_cond(node), found);
		break;
	case isl_ast_node_user:
		collect_ops(isl_ast_node_user_get_expr(node), found);
		break;
	default:
		break;
	}
	return isl_bool_true;
}

/* Check that the code printed for "schedule" runs the statement
 * instances in the order isl's own enumeration of the schedule gives,
 * for each of the "n_run" valuations of the parameters in "values".
 * The AST must contain the operations in "ops" (a bit per
 * isl_ast_expr_op_type), so that the test covers what it means to.
 */
static void check_semantics(const char *context, const char *schedule,
	const char *iterators, const char *options, unsigned ops,
	const int *values, int n_run)
{
	isl_ctx *ctx = isl_ctx_alloc();
	struct lf_print_style style = default_style();
	isl_union_map *umap;
	isl_ast_node *node;
	struct lf_buf expected;
	char *code, *program, *output;
	unsigned found = 0;
	isl_size n_param;
	int total = 0;
	int k;

	umap = isl_union_map_read_from_str(ctx, schedule);
	ck_assert_int_eq(isl_union_map_is_injective(umap), isl_bool_true);
	node = build_ast(ctx, context, schedule, iterators, options);
	ck_assert_int_eq(isl_ast_node_foreach_descendant_top_down(node,
		&collect_node_ops, &found), isl_stat_ok);
	ck_assert_msg((found & ops) == ops, "AST lacks operations %#x",
		ops & ~found);
	style.indent = "\t";
	code = lf_print_ast(node, &style);
	ck_assert_ptr_nonnull(code);
	program = make_program(umap, code, values, n_run);
	output = compile_and_run(program);

	n_param = isl_union_map_dim(umap, isl_dim_param);
	lf_buf_init(&expected);
	for (k = 0; k < n_run; ++k) {
		total += enumerate(&expected, umap, values + k * n_param);
		lf_buf_add_str(&expected, "--\n");
	}
	ck_assert_int_gt(total, 0);
	ck_assert_msg(!strcmp(output, expected.data),
		"program:\n%s\noutput:\n%s\nexpected:\n%s",
		program, output, expected.data);

	lf_buf_free(&expected);
	free(output);
	free(program);
	free(code);
	isl_ast_node_free(node);
	isl_union_map_free(umap);
	isl_ctx_free(ctx);
}

#define OP(t) (1u << isl_ast_expr_op_ ## t)

/* Tiles of 4 over [p, q], where p and q may be negative: the tile loop
 * starts at floor(p / 4).
 */
START_TEST(test_run_tiles_negative)
{
	static const int values[] = {
		-9, 5,  -4, -1,  -13, -13,  0, 7,  3, 2,  -1, 10,  -8, -5
	};

	check_semantics("[p, q] -> { : }",
		"[p, q] -> { S[i] -> [t, i] : p <= i <= q and t = floor(i/4) }",
		"t i", NULL, OP(fdiv_q) | OP(min) | OP(max), values,
		sizeof(values) / sizeof(values[0]) / 2);
}
END_TEST

/* A triangle over a range that starts at -n, tiled in both dimensions.
 */
START_TEST(test_run_tiles_2d)
{
	static const int values[] = { 0, 1, 4, 7, 11 };

	check_semantics("[n] -> { : }",
		"[n] -> { S[i, j] -> [floor(i/3), floor(j/5), i, j] : "
		"-n <= i < n and -n <= j <= i }", "ti tj i j", NULL,
		OP(fdiv_q) | OP(min) | OP(max), values,
		sizeof(values) / sizeof(values[0]));
}
END_TEST

/* Floor divisions in the bounds of a loop and in the arguments of a
 * statement, exact division and strides.
 */
START_TEST(test_run_floor_bounds)
{
	static const int values[] = { 0, 1, 2, 5, 6, 9 };

	check_semantics("[n] -> { : }",
		"[n] -> { S[i, j] -> [0, i, j] : -n <= i <= n and "
		"floor(i/3) <= j <= floor((i + n)/2); "
		"T[t] -> [1, t, 0] : 3t <= n - 7 < 3t + 3; "
		"U[i, t] -> [2, i, t] : 0 <= i < n and 3t = i + n; "
		"V[i] -> [3, 2i + n, 0] : 0 <= i < n }",
		"k i j", NULL, OP(fdiv_q) | OP(div) | OP(pdiv_q), values,
		sizeof(values) / sizeof(values[0]));
}
END_TEST

/* Extrema of three arguments.
 */
START_TEST(test_run_min_max)
{
	static const int values[] = {
		0, 3, -2,  5, -1, 4,  -3, -3, -3,  2, 9, 4,  7, 0, 1
	};

	check_semantics("[a, b, c] -> { : }",
		"[a, b, c] -> { S[i] -> [i] : i >= a and i >= b and i >= c "
		"and i <= a + 6 and i <= b + 6 and i <= c + 6 }",
		"i", NULL, OP(min) | OP(max), values,
		sizeof(values) / sizeof(values[0]) / 3);
}
END_TEST

/* Bounds that are conditional expressions with "&&" and "||" in their
 * conditions.
 */
START_TEST(test_run_conditional)
{
	static const int values[] = {
		0, 3, -2,  5, -1, 4,  -3, -3, -3,  2, 9, 4,  -7, 0, 1
	};

	check_semantics("[a, b, c] -> { : }",
		"[a, b, c] -> { S[i] -> [i, 0, 0] : i >= a and i >= b and "
		"i >= c and i <= a + 6 and i <= b + 6 and i <= c + 6; "
		"T[i] -> [i, t, 1] : -3 <= i <= 3 and t >= i and t >= a and "
		"(t = i or t = a) }",
		"i t k", "{ [i, t, k] -> atomic[x] }",
		OP(select) | OP(and) | OP(or), values,
		sizeof(values) / sizeof(values[0]) / 3);
}
END_TEST

/* Record in "found" the operations of the expressions "list".
 */
static unsigned collect_list_ops(isl_ast_expr **list, int n)
{
	unsigned found = 0;
	int i;

	for (i = 0; i < n; ++i)
		collect_ops(isl_ast_expr_copy(list[i]), &found);
	return found;
}

/* The value of "pa" at a, b, c = vals[0], vals[1], vals[2], as isl
 * computes it.
 */
static long eval_pw_aff(__isl_keep isl_pw_aff *pa, const int *vals)
{
	isl_ctx *ctx;
	isl_point *pnt;
	isl_val *v;
	long value;
	int i;

	ctx = isl_pw_aff_get_ctx(pa);
	pnt = isl_point_zero(isl_pw_aff_get_domain_space(pa));
	for (i = 0; i < 3; ++i)
		pnt = isl_point_set_coordinate_val(pnt, isl_dim_param, i,
			isl_val_int_from_si(ctx, vals[i]));
	v = isl_pw_aff_eval(isl_pw_aff_copy(pa), pnt);
	ck_assert_int_eq(isl_val_is_int(v), isl_bool_true);
	value = isl_val_get_num_si(v);
	isl_val_free(v);
	return value;
}

#define N_EXPR 10
#define RANGE 7

/* Expressions of a, b and c as isl's AST generator writes them, with
 * the functions they compute.  The last two are the bounds of the loop
 * of build_extrema_ast.
 */
static const char *expr_functions[N_EXPR] = {
	"[a, b, c] -> { [(floor(a/4))] }",
	"[a, b, c] -> { [(floor((a - 2b)/3))] }",
	"[a, b, c] -> { [(floor(-a/7) + 1)] }",
	"[a, b, c] -> { [(a mod 5)] }",
	"[a, b, c] -> { [(min(a, b, c))] }",
	"[a, b, c] -> { [(min(a, floor(b/2)))] }",
	"[a, b, c] -> { [(min(floor(a/3), b) - max(a, -b))] }",
	"[a, b, c] -> { [(floor(min(a, b)/2))] }",
	"[a, b, c] -> { [(max(a, b, c))] }",
	"[a, b, c] -> { [(min(a + 6, b + 6, 2c))] }",
};

/* A program that prints the values of "exprs" for every a, b and c
 * in [-RANGE, RANGE].
 */
static char *make_expr_program(isl_ast_expr **exprs)
{
	struct lf_buf out;
	int i;

	lf_buf_init(&out);
	lf_buf_add_str(&out, "#include <stdio.h>\n\nint main(void)\n{\n"
		"\tint a, b, c;\n\n");
	lf_buf_printf(&out, "\tfor (a = -%d; a <= %d; a++)\n"
		"\tfor (b = -%d; b <= %d; b++)\n"
		"\tfor (c = -%d; c <= %d; c++) {\n",
		RANGE, RANGE, RANGE, RANGE, RANGE, RANGE);
	for (i = 0; i < N_EXPR; ++i) {
		lf_buf_add_str(&out, "\t\tprintf(\"%d \", ");
		ck_assert_int_eq(lf_print_expr(&out, exprs[i]), 0);
		lf_buf_add_str(&out, ");\n");
	}
	lf_buf_add_str(&out, "\t\tprintf(\"\\n\");\n\t}\n\treturn 0;\n}\n");
	return lf_buf_take(&out);
}

/* Check the printed expressions against isl's own evaluation of the
 * functions they compute, also for negative values.
 */
START_TEST(test_run_exprs)
{
	isl_ctx *ctx = isl_ctx_alloc();
	isl_ast_build *build;
	isl_ast_node *node;
	isl_ast_expr *exprs[N_EXPR];
	isl_pw_aff *pa[N_EXPR];
	struct lf_buf expected;
	char *program, *output;
	unsigned ops;
	int vals[3];
	int i;

	build = isl_ast_build_from_context(isl_set_read_from_str(ctx,
		"[a, b, c] -> { : }"));
	for (i = 0; i < N_EXPR; ++i)
		pa[i] = isl_pw_aff_read_from_str(ctx, expr_functions[i]);
	for (i = 0; i < N_EXPR - 2; ++i)
		exprs[i] = isl_ast_build_expr_from_pw_aff(build,
			isl_pw_aff_copy(pa[i]));
	isl_ast_build_free(build);
	node = build_extrema_ast(ctx);
	get_bounds(node, &exprs[N_EXPR - 2], &exprs[N_EXPR - 1]);
	isl_ast_node_free(node);
	ops = OP(fdiv_q) | OP(pdiv_q) | OP(select) | OP(min) | OP(max);
	ck_assert_int_eq(collect_list_ops(exprs, N_EXPR) & ops, ops);

	program = make_expr_program(exprs);
	output = compile_and_run(program);
	lf_buf_init(&expected);
	for (vals[0] = -RANGE; vals[0] <= RANGE; ++vals[0])
	for (vals[1] = -RANGE; vals[1] <= RANGE; ++vals[1])
	for (vals[2] = -RANGE; vals[2] <= RANGE; ++vals[2]) {
		for (i = 0; i < N_EXPR; ++i)
			lf_buf_printf(&expected, "%ld ",
				eval_pw_aff(pa[i], vals));
		lf_buf_add_char(&expected, '\n');
	}
	ck_assert_msg(!strcmp(output, expected.data),
		"program:\n%s\noutput differs from isl", program);

	lf_buf_free(&expected);
	free(output);
	free(program);
	for (i = 0; i < N_EXPR; ++i) {
		isl_ast_expr_free(exprs[i]);
		isl_pw_aff_free(pa[i]);
	}
	isl_ctx_free(ctx);
}
END_TEST

static Suite *print_suite(void)
{
	Suite *s;
	TCase *tc;

	s = suite_create("print");
	tc = tcase_create("expr");
	tcase_add_test(tc, test_expr_precedence);
	tcase_add_test(tc, test_expr_logic);
	tcase_add_test(tc, test_expr_postfix);
	tcase_add_test(tc, test_expr_literals);
	tcase_add_test(tc, test_expr_extrema);
	suite_add_tcase(s, tc);
	tc = tcase_create("ast");
	tcase_add_test(tc, test_ast_tiled);
	tcase_add_test(tc, test_ast_style);
	tcase_add_test(tc, test_ast_reversed);
	tcase_add_test(tc, test_ast_sequence);
	tcase_add_test(tc, test_ast_else_if);
	tcase_add_test(tc, test_ast_marks);
	tcase_add_test(tc, test_ast_degenerate);
	tcase_add_test(tc, test_ast_default_user);
	tcase_add_test(tc, test_ast_errors);
	suite_add_tcase(s, tc);
	tc = tcase_create("run");
	tcase_set_timeout(tc, 120);
	tcase_add_test(tc, test_run_tiles_negative);
	tcase_add_test(tc, test_run_tiles_2d);
	tcase_add_test(tc, test_run_floor_bounds);
	tcase_add_test(tc, test_run_min_max);
	tcase_add_test(tc, test_run_conditional);
	tcase_add_test(tc, test_run_exprs);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	SRunner *sr;
	int failed;

	sr = srunner_create(print_suite());
	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
