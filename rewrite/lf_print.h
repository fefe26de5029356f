/* SPDX-License-Identifier: MIT */
#ifndef LF_PRINT_H
#define LF_PRINT_H

#include <isl/ast.h>

#include "lf_buf.h"
#include "lf_range.h"

/* How the leaves and floor divisions of an expression are printed.
 * id_text, if not NULL, gives the text of an identifier, or NULL for
 * its name ("(long long)n" for a size that must be computed wide).
 * ranges, if not NULL, tells which dividends of floor divisions are
 * never negative: those print as plain divisions.
 */
struct lf_print_expr_style {
	const char *(*id_text)(__isl_keep isl_id *id, void *user);
	const struct lf_range_env *ranges;
	void *user;
};

/* How generated code looks where it is spliced into a user's file.
 *
 * print_user may be NULL: a user node is then printed as its expression
 * followed by ';'.  iterator_type may be NULL: every iterator is then
 * declared "int".
 */
struct lf_print_style {
	/* white space of the line the output starts on */
	const char *indent;
	/* one level, e.g. "\t" or "    " */
	const char *indent_unit;
	/* "\n" or "\r\n" */
	const char *newline;
	/* Print the statement of a user node (text only, no trailing newline;
	 * lines after its first must be indented with the given indent,
	 * which the callback receives). Returns 0 or -1 on error. */
	int (*print_user)(struct lf_buf *out, __isl_keep isl_ast_node *node,
		const char *indent, void *user);
	/* C type with which to declare a loop iterator ("int", "long",
	 * "size_t"), or NULL to assign to an existing variable instead of
	 * declaring one: "for (i = 0; ...)" */
	const char *(*iterator_type)(__isl_keep isl_id *iterator, void *user);
	/* A pragma to put before a loop ("omp parallel for"), or NULL;
	 * in_parallel says whether an enclosing loop got a pragma that
	 * starts with "omp parallel".  May be NULL itself. */
	const char *(*loop_pragma)(__isl_keep isl_ast_node *node,
		int in_parallel, void *user);
	void *user;
	/* How expressions are printed; NULL: plainly. */
	const struct lf_print_expr_style *expr_style;
};

/* Returns the text, or NULL on error. The first line is NOT indented (the
 * caller's file already has the indentation before it); every later line
 * starts with style->indent plus one indent_unit per nesting level.
 * No trailing newline.
 *
 * A body has braces unless it is a single user statement; an if with an
 * else has braces on all its branches.  A top-level block is printed as
 * its statements without braces.  A loop that runs exactly once is
 * printed as an assignment to its iterator followed by its body, in
 * braces of its own when it declares the iterator among other
 * statements; below a "#pragma omp" it stays a loop. */
__isl_give char *lf_print_ast(__isl_keep isl_ast_node *node,
	__isl_keep const struct lf_print_style *style);
/* Append the C99 text of an integer expression, fully correct for C
 * precedence, using as few parentheses as is safe. Returns 0 or -1
 * (and then leaves "out" as it was).
 *
 * Extrema and floor division become conditional expressions, which
 * repeat their operands; "i <= min(a, b)" becomes "i <= a && i <= b".
 * Parentheses that C does not need are added only where compilers warn
 * without them ("&&" within "||", comparisons of comparisons) and
 * around a conditional within a conditional.  Constants that do not fit
 * in a 32-bit int get the suffix "LL"; beyond 64 bits they are errors. */
int lf_print_expr(__isl_keep struct lf_buf *out, __isl_keep isl_ast_expr *expr);
int lf_print_expr_styled(__isl_keep const struct lf_print_expr_style *es,
	__isl_keep struct lf_buf *out, __isl_keep isl_ast_expr *expr);

#endif
