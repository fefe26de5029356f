/* SPDX-License-Identifier: MIT */
#include <stdlib.h>
#include <string.h>

#include "lf_build.h"

/* Is a variable dead after a loop nest: is it, on every path from the
 * end of the nest, assigned before it is read (or does the function
 * return first)?  The walk follows the statements after the nest in
 * their block, then those after each enclosing statement, up to the end
 * of the function; around an enclosing loop it also follows the way
 * back to the nest through the loop's increment, condition and the
 * statements of the body before the nest.  Anything it does not
 * understand counts as a read: a break or continue that leaves the
 * walk's statements, a switch, a goto, a label (the caller gives up
 * when the function has one, or calls setjmp), a use of the variable
 * that is not a plain assignment of a value computed without it.
 */

#define LF_LIVE_MAX_DEPTH	128

/* What a statement does to the variable on its paths. */
enum lf_live_effect {
	LF_LIVE_THROUGH,	/* neither reads nor surely assigns it */
	LF_LIVE_KILL,		/* assigns it (or returns) before any read */
	LF_LIVE_READ,		/* may read it first */
	LF_LIVE_ESCAPE		/* a break or continue leaves the statement */
};

struct lf_live_walk {
	struct lf_builder *b;
	const char *usr;
	int found;
};

static enum CXChildVisitResult lf_live_visit_ref(CXCursor c, CXCursor parent,
	CXClientData data)
{
	struct lf_live_walk *w = data;
	enum CXCursorKind kind = clang_getCursorKind(c);
	char *usr;

	if (kind == CXCursor_BreakStmt || kind == CXCursor_ContinueStmt ||
	    kind == CXCursor_GotoStmt || kind == CXCursor_IndirectGotoStmt) {
		w->found |= 2;
		return CXChildVisit_Continue;
	}
	if (kind != CXCursor_DeclRefExpr)
		return CXChildVisit_Recurse;
	usr = lf_cursor_usr(clang_getCursorReferenced(c));
	if (!usr || !strcmp(usr, w->usr))
		w->found |= 1;
	free(usr);
	return w->found & 1 ? CXChildVisit_Break : CXChildVisit_Continue;
}

/* Does c mention the variable (1), or hold a jump (2)?  Both: 3.
 */
static int lf_live_mentions(CXCursor c, __isl_keep const char *usr)
{
	struct lf_live_walk w = { NULL, usr, 0 };

	if (lf_live_visit_ref(c, c, &w) == CXChildVisit_Recurse)
		clang_visitChildren(c, &lf_live_visit_ref, &w);
	return w.found;
}

/* A statement about which nothing more is known than what it mentions.
 */
static enum lf_live_effect lf_live_opaque(CXCursor c,
	__isl_keep const char *usr)
{
	int found = lf_live_mentions(c, usr);

	if (found & 1)
		return LF_LIVE_READ;
	return found ? LF_LIVE_ESCAPE : LF_LIVE_THROUGH;
}

static enum lf_live_effect lf_live_stmt(CXCursor c, __isl_keep const char *usr);

/* Two effects one after the other. */
static enum lf_live_effect lf_live_then(enum lf_live_effect first,
	CXCursor next, __isl_keep const char *usr)
{
	return first != LF_LIVE_THROUGH ? first : lf_live_stmt(next, usr);
}

/* "v = e" with e not mentioning v kills; "a, b" is a then b.
 */
static enum lf_live_effect lf_live_expr(CXCursor c, __isl_keep const char *usr)
{
	CXCursor s = lf_cursor_strip(c), *ch;
	enum CXBinaryOperatorKind op;
	enum lf_live_effect e;
	int n;

	if (clang_getCursorKind(s) != CXCursor_BinaryOperator)
		return lf_live_opaque(c, usr);
	op = clang_getCursorBinaryOperatorKind(s);
	n = lf_cursor_children(s, &ch);
	if (n != 2)
		e = lf_live_opaque(c, usr);
	else if (op == CXBinaryOperator_Comma)
		e = lf_live_then(lf_live_expr(ch[0], usr), ch[1], usr);
	else if (op == CXBinaryOperator_Assign && lf_cursor_is_var(ch[0], usr))
		e = lf_live_mentions(ch[1], usr) ? LF_LIVE_READ : LF_LIVE_KILL;
	else
		e = lf_live_opaque(c, usr);
	free(ch);
	return e;
}

/* Statements one after the other, from "from" on. */
static enum lf_live_effect lf_live_seq(CXCursor *ch, int from, int to,
	__isl_keep const char *usr)
{
	enum lf_live_effect e = LF_LIVE_THROUGH;
	int i;

	for (i = from; i < to && e == LF_LIVE_THROUGH; ++i)
		e = lf_live_stmt(ch[i], usr);
	return e;
}

/* A loop as a whole: it may run no iteration, so only a kill in the
 * initialisation of a for counts; a break or continue in its body
 * stays in it.
 */
static enum lf_live_effect lf_live_loop(CXCursor c, CXCursor *ch, int n,
	__isl_keep const char *usr)
{
	enum lf_live_effect e;

	if (clang_getCursorKind(c) != CXCursor_ForStmt || n != 4)
		return lf_live_mentions(c, usr) & 1 ? LF_LIVE_READ :
						      LF_LIVE_THROUGH;
	e = lf_live_expr(ch[0], usr);
	if (e == LF_LIVE_KILL || e == LF_LIVE_READ)
		return e;
	if ((lf_live_mentions(ch[1], usr) & 1) ||
	    (lf_live_mentions(ch[2], usr) & 1) ||
	    lf_live_stmt(ch[3], usr) == LF_LIVE_READ)
		return LF_LIVE_READ;
	return LF_LIVE_THROUGH;
}

static enum lf_live_effect lf_live_if(CXCursor *ch, int n,
	__isl_keep const char *usr)
{
	enum lf_live_effect then, other;

	if (n < 2 || lf_live_opaque(ch[0], usr) != LF_LIVE_THROUGH)
		return LF_LIVE_READ;
	then = lf_live_stmt(ch[1], usr);
	other = n > 2 ? lf_live_stmt(ch[2], usr) : LF_LIVE_THROUGH;
	if (then == LF_LIVE_READ || other == LF_LIVE_READ)
		return LF_LIVE_READ;
	if (then == LF_LIVE_ESCAPE || other == LF_LIVE_ESCAPE)
		return LF_LIVE_ESCAPE;
	if (then == LF_LIVE_KILL && other == LF_LIVE_KILL)
		return LF_LIVE_KILL;
	return LF_LIVE_THROUGH;
}

static enum lf_live_effect lf_live_stmt(CXCursor c, __isl_keep const char *usr)
{
	enum CXCursorKind kind = clang_getCursorKind(c);
	enum lf_live_effect e;
	CXCursor *ch;
	int n;

	if (clang_isExpression(kind))
		return lf_live_expr(c, usr);
	if (kind == CXCursor_BreakStmt || kind == CXCursor_ContinueStmt ||
	    kind == CXCursor_GotoStmt || kind == CXCursor_IndirectGotoStmt)
		return LF_LIVE_ESCAPE;
	if (kind == CXCursor_ReturnStmt)
		return lf_live_mentions(c, usr) & 1 ? LF_LIVE_READ :
						      LF_LIVE_KILL;
	n = lf_cursor_children(c, &ch);
	if (kind == CXCursor_CompoundStmt)
		e = lf_live_seq(ch, 0, n, usr);
	else if (kind == CXCursor_IfStmt)
		e = lf_live_if(ch, n, usr);
	else if (kind == CXCursor_ForStmt || kind == CXCursor_WhileStmt ||
		 kind == CXCursor_DoStmt)
		e = lf_live_loop(c, ch, n, usr);
	else if ((kind == CXCursor_CaseStmt || kind == CXCursor_DefaultStmt) &&
		 n >= 1)
		e = lf_live_stmt(ch[n - 1], usr);
	else if (kind == CXCursor_SwitchStmt)
		e = lf_live_mentions(c, usr) & 1 ? LF_LIVE_READ :
						   LF_LIVE_THROUGH;
	else
		e = lf_live_opaque(c, usr);
	free(ch);
	return e;
}

/* The statements from the function body "body" down to "target": chain[0]
 * is the body, chain[*depth - 1] the target.
 */
static int lf_live_chain(__isl_keep struct lf_builder *b, CXCursor body,
	CXCursor target, CXCursor *chain, int *depth)
{
	unsigned at = lf_build_offset(b, target), begin, end;
	CXCursor *ch;
	int i, n, found;

	chain[0] = body;
	*depth = 1;
	while (!clang_equalCursors(chain[*depth - 1], target)) {
		if (*depth >= LF_LIVE_MAX_DEPTH)
			return 0;
		n = lf_cursor_children(chain[*depth - 1], &ch);
		for (found = 0, i = 0; i < n && !found; ++i)
			found = clang_equalCursors(ch[i], target) ||
				(lf_build_range(b, ch[i], &begin, &end) == 0 &&
				 begin <= at && at < end);
		if (found)
			chain[(*depth)++] = ch[i - 1];
		free(ch);
		if (!found)
			return 0;
	}
	return 1;
}

/* The index of "child" among the n children "ch", or n.
 */
static int lf_live_index(CXCursor *ch, int n, CXCursor child)
{
	int i;

	for (i = 0; i < n && !clang_equalCursors(ch[i], child); ++i)
		;
	return i;
}

/* The way back to the target through the body chain[k] of an enclosing
 * loop: every statement on it before the chain goes on down.  Returns
 * whether the variable is surely not read on the way (it is assigned
 * first, or the way reaches the target, a nest whose only uses of the
 * variable are after it is assigned).
 */
static int lf_live_back(CXCursor *chain, int k, int depth,
	__isl_keep const char *usr)
{
	enum lf_live_effect e = LF_LIVE_THROUGH;
	enum CXCursorKind kind;
	CXCursor *ch;
	int n, i;

	for (; k < depth - 1 && e == LF_LIVE_THROUGH; ++k) {
		kind = clang_getCursorKind(chain[k]);
		n = lf_cursor_children(chain[k], &ch);
		i = lf_live_index(ch, n, chain[k + 1]);
		if (kind == CXCursor_CompoundStmt)
			e = lf_live_seq(ch, 0, i, usr);
		else if (kind == CXCursor_ForStmt && n == 4 && i == 3)
			e = lf_live_then(lf_live_expr(ch[0], usr), ch[1], usr);
		else if ((kind == CXCursor_IfStmt ||
			  kind == CXCursor_WhileStmt) && i > 0 && i < n)
			e = lf_live_opaque(ch[0], usr);
		else if (kind == CXCursor_DoStmt || kind == CXCursor_CaseStmt ||
			 kind == CXCursor_DefaultStmt)
			e = i < n ? LF_LIVE_THROUGH : LF_LIVE_READ;
		else
			e = LF_LIVE_READ;
		free(ch);
	}
	return e == LF_LIVE_THROUGH || e == LF_LIVE_KILL;
}

/* The condition (and increment) of the loop chain[k], of which
 * chain[k + 1] is the body: what runs between one iteration and the
 * next.  NULL cursors where there is none.
 */
static int lf_live_loop_parts(CXCursor *chain, int k, CXCursor *ch, int n,
	int i, CXCursor *cond, CXCursor *inc)
{
	enum CXCursorKind kind = clang_getCursorKind(chain[k]);

	*inc = clang_getNullCursor();
	if (kind == CXCursor_ForStmt && n == 4 && i == 3) {
		*cond = ch[1];
		*inc = ch[2];
	} else if (kind == CXCursor_WhileStmt && n == 2 && i == 1) {
		*cond = ch[0];
	} else if (kind == CXCursor_DoStmt && n == 2 && i == 0) {
		*cond = ch[1];
	} else {
		return 0;
	}
	return 1;
}

/* Leaving chain[k + 1], a statement of chain[k]: what comes next on
 * the way out of chain[k], and, if chain[k] is a loop, on the way back
 * round it to the target.
 */
static enum lf_live_effect lf_live_leave(CXCursor *chain, int k, int depth,
	__isl_keep const char *usr)
{
	enum CXCursorKind kind = clang_getCursorKind(chain[k]);
	enum lf_live_effect e = LF_LIVE_THROUGH;
	CXCursor *ch, cond, inc;
	int n, i;

	n = lf_cursor_children(chain[k], &ch);
	i = lf_live_index(ch, n, chain[k + 1]);
	if (i >= n)
		e = LF_LIVE_READ;
	else if (kind == CXCursor_CompoundStmt)
		e = lf_live_seq(ch, i + 1, n, usr);
	else if (lf_live_loop_parts(chain, k, ch, n, i, &cond, &inc))
		e = (lf_live_mentions(cond, usr) & 1) ||
		    (!clang_Cursor_isNull(inc) &&
		     (lf_live_mentions(inc, usr) & 1)) ||
		    !lf_live_back(chain, k + 1, depth, usr) ?
		    LF_LIVE_READ : LF_LIVE_THROUGH;
	else if (kind != CXCursor_IfStmt && kind != CXCursor_CaseStmt &&
		 kind != CXCursor_DefaultStmt)
		e = LF_LIVE_READ;
	free(ch);
	return e;
}

/* Is the variable with USR "usr" dead after the nest "nest" of the
 * function with body "body": on every path from the end of the nest,
 * assigned before it is read, or not read again?  1 if so, 0 if it may
 * be read, -1 on error.  With a label or setjmp in the function (b->jumps),
 * control may come back anywhere: 0.
 */
int lf_live_is_dead(__isl_keep struct lf_builder *b, CXCursor body,
	CXCursor nest, __isl_keep const char *usr)
{
	CXCursor chain[LF_LIVE_MAX_DEPTH];
	enum lf_live_effect e = LF_LIVE_THROUGH;
	int depth, k;

	if (b->jumps || !lf_live_chain(b, body, nest, chain, &depth))
		return 0;
	for (k = depth - 2; k >= 0 && e == LF_LIVE_THROUGH; --k)
		e = lf_live_leave(chain, k, depth, usr);
	return e == LF_LIVE_THROUGH || e == LF_LIVE_KILL;
}
