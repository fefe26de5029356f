/* SPDX-License-Identifier: MIT */
#include <stdlib.h>
#include <string.h>

#include "lf_build.h"
#include "lf_cursor.h"

/* Is a local variable surely assigned before the run starts?
 *
 * A size the run reads becomes a parameter, and the rewrite may read
 * it where the original does not: in a guard of the fused code, in a
 * run-time alias check, in the bound of a loop the original reaches
 * only when an outer loop runs.  Reading an automatic variable that
 * holds no value is undefined behaviour (C11 6.3.2.1p2) when its
 * address is never taken, which the front end requires of a size.  So
 * a local size must have a value wherever the run starts: it is
 * declared with an initializer, or a statement of a block on the way
 * from the function body to the run, before the run, assigns it.  The
 * walk looks at those blocks, and at the initialization of a for
 * statement whose body holds the run, only: an assignment under an if
 * or in another loop does not count, nor does anything in a switch,
 * whose cases jump over statements, or in a function with labels.
 */

/* Does expression c assign the variable of "usr" whenever it is
 * evaluated: is it "v = ...", or a comma expression with such a part?
 */
static int lf_assigned_by_expr(CXCursor c, __isl_keep const char *usr)
{
	enum CXBinaryOperatorKind op;
	CXCursor *ops;
	int n, is = 0;

	c = lf_cursor_strip(c);
	if (clang_getCursorKind(c) != CXCursor_BinaryOperator)
		return 0;
	op = clang_getCursorBinaryOperatorKind(c);
	n = lf_cursor_children(c, &ops);
	if (n == 2 && op == CXBinaryOperator_Comma)
		is = lf_assigned_by_expr(ops[0], usr) ||
		     lf_assigned_by_expr(ops[1], usr);
	else if (n == 2 && op == CXBinaryOperator_Assign)
		is = lf_cursor_is_var(ops[0], usr);
	free(ops);
	return is;
}

/* Does statement c, which holds the run starting at byte "at", or a
 * block on the way from c to the run, assign the variable of "usr"
 * before the run?  A for statement's initialization runs before its
 * body (libclang lists its four parts only when all are present).
 * "scan" is 0 below a switch.  -1 on error.
 */
static int lf_assigned_on_way(__isl_keep struct lf_builder *b, CXCursor c,
	__isl_keep const char *usr, unsigned at, int scan)
{
	enum CXCursorKind kind = clang_getCursorKind(c);
	CXCursor *ch;
	unsigned begin, end;
	int i, n, r = 0, in_block = kind == CXCursor_CompoundStmt;

	if (kind == CXCursor_SwitchStmt)
		scan = 0;
	n = lf_cursor_children(c, &ch);
	if (n < 0)
		r = -1;
	for (i = 0; r == 0 && i < n; ++i) {
		if (lf_build_range(b, ch[i], &begin, &end) < 0)
			continue;
		if (begin <= at && at < end) {
			r = lf_assigned_on_way(b, ch[i], usr, at, scan);
			if (r == 0 && scan && kind == CXCursor_ForStmt &&
			    n == 4 && i == 3)
				r = lf_assigned_by_expr(ch[0], usr);
			break;
		}
		if (in_block && scan && end <= at &&
		    lf_assigned_by_expr(ch[i], usr))
			r = 1;
	}
	free(ch);
	return r;
}

/* Does the local variable "decl" (of "usr") surely have a value where
 * the run starts?  -1 on error.
 */
int lf_assigned_before_run(__isl_keep struct lf_builder *b, CXCursor decl,
	__isl_keep const char *usr)
{
	if (!clang_Cursor_isNull(clang_Cursor_getVarDeclInitializer(decl)))
		return 1;
	if (b->jumps)
		return 0;
	return lf_assigned_on_way(b, b->body, usr, b->run->begin, 1);
}
