/* SPDX-License-Identifier: MIT */
#include <stdlib.h>
#include <string.h>

#include "lf_cursor.h"
#include "lf_grow.h"

/* Small conveniences over libclang cursors that need no model. */

static __isl_give char *lf_string_take(CXString s)
{
	const char *str = clang_getCString(s);
	char *copy = strdup(str ? str : "");

	clang_disposeString(s);
	return copy;
}

__isl_give char *lf_cursor_usr(CXCursor c)
{
	return lf_string_take(clang_getCursorUSR(c));
}

__isl_give char *lf_cursor_name(CXCursor c)
{
	return lf_string_take(clang_getCursorSpelling(c));
}

struct lf_children {
	int n;
	CXCursor *list;
};

static enum CXChildVisitResult lf_collect_child(CXCursor c, CXCursor parent,
	CXClientData data)
{
	struct lf_children *children = data;

	if (LF_GROW(children->list, children->n) < 0)
		return CXChildVisit_Break;
	children->list[children->n++] = c;
	return CXChildVisit_Continue;
}

/* The direct children of c, in source order.  The caller frees the list.
 */
int lf_cursor_children(CXCursor c, CXCursor **children)
{
	struct lf_children list = { 0, NULL };

	clang_visitChildren(c, &lf_collect_child, &list);
	*children = list.list;
	return list.n;
}

/* Look through parentheses and implicit conversions.
 */
CXCursor lf_cursor_strip(CXCursor c)
{
	for (;;) {
		enum CXCursorKind kind = clang_getCursorKind(c);
		CXCursor *children;
		int n;

		if (kind != CXCursor_ParenExpr && kind != CXCursor_UnexposedExpr)
			return c;
		n = lf_cursor_children(c, &children);
		if (n != 1) {
			free(children);
			return c;
		}
		c = children[0];
		free(children);
	}
}

/* Is "c", through parentheses and implicit conversions, a reference to
 * the variable whose USR is "usr"?
 */
int lf_cursor_is_var(CXCursor c, __isl_keep const char *usr)
{
	char *ref;
	int same;

	c = lf_cursor_strip(c);
	if (clang_getCursorKind(c) != CXCursor_DeclRefExpr)
		return 0;
	ref = lf_cursor_usr(clang_getCursorReferenced(c));
	same = ref && !strcmp(ref, usr);
	free(ref);
	return same;
}

static enum CXChildVisitResult lf_cursor_first(CXCursor c, CXCursor parent,
	CXClientData data)
{
	*(CXCursor *) data = c;
	return CXChildVisit_Break;
}

/* Does operator "op" modify its operand (assignment, increment) or
 * take its address?  *operand gets the operand, parentheses stripped.
 */
enum lf_cursor_effect lf_cursor_effect(CXCursor op, CXCursor *operand)
{
	enum CXCursorKind kind = clang_getCursorKind(op);
	enum lf_cursor_effect effect = LF_CURSOR_NONE;

	if (kind == CXCursor_UnaryOperator) {
		enum CXUnaryOperatorKind u = clang_getCursorUnaryOperatorKind(op);

		if (u == CXUnaryOperator_AddrOf)
			effect = LF_CURSOR_TAKES_ADDRESS;
		else if (u >= CXUnaryOperator_PostInc &&
			 u <= CXUnaryOperator_PreDec)
			effect = LF_CURSOR_WRITES;
	} else if (kind == CXCursor_CompoundAssignOperator ||
		   (kind == CXCursor_BinaryOperator &&
		    clang_getCursorBinaryOperatorKind(op) ==
		    CXBinaryOperator_Assign)) {
		effect = LF_CURSOR_WRITES;
	}
	if (effect == LF_CURSOR_NONE)
		return effect;
	*operand = clang_getNullCursor();
	clang_visitChildren(op, &lf_cursor_first, operand);
	*operand = lf_cursor_strip(*operand);
	return effect;
}

static enum CXChildVisitResult lf_cursor_visit_effect(CXCursor c,
	CXCursor parent, CXClientData data)
{
	int *effect = data;
	enum CXCursorKind kind = clang_getCursorKind(c);
	CXCursor operand;

	if (kind == CXCursor_CallExpr || kind == CXCursor_StmtExpr ||
	    lf_cursor_effect(c, &operand) != LF_CURSOR_NONE ||
	    (kind == CXCursor_DeclRefExpr && clang_isVolatileQualifiedType(
		clang_getCursorType(clang_getCursorReferenced(c)))))
		*effect = 1;
	return *effect ? CXChildVisit_Break : CXChildVisit_Recurse;
}

/* Does evaluating c do anything besides computing a value: call a
 * function, assign, take an address, read a volatile?
 */
int lf_cursor_has_effect(CXCursor c)
{
	int effect = 0;

	if (lf_cursor_visit_effect(c, c, &effect) == CXChildVisit_Recurse)
		clang_visitChildren(c, &lf_cursor_visit_effect, &effect);
	return effect;
}

struct lf_cursor_attr {
	enum CXCursorKind kind;
	int found;
};

static enum CXChildVisitResult lf_cursor_find_attr(CXCursor c,
	CXCursor parent, CXClientData data)
{
	struct lf_cursor_attr *a = data;

	if (clang_getCursorKind(c) != a->kind)
		return CXChildVisit_Continue;
	a->found = 1;
	return CXChildVisit_Break;
}

/* Does declaration "decl" carry an attribute of kind "kind" (such as
 * CXCursor_AsmLabelAttr)?
 */
int lf_cursor_has_attr(CXCursor decl, enum CXCursorKind kind)
{
	struct lf_cursor_attr a = { kind, 0 };

	clang_visitChildren(decl, &lf_cursor_find_attr, &a);
	return a.found;
}

/* Is "type" an array type (not a pointer)?
 */
int lf_cursor_is_array_type(CXType type)
{
	enum CXTypeKind kind = clang_getCanonicalType(type).kind;

	return kind == CXType_ConstantArray || kind == CXType_IncompleteArray ||
	       kind == CXType_VariableArray;
}

/* Is "expr", parentheses and conversions aside, a variable of array
 * type (not a pointer)?
 */
int lf_cursor_is_array_var(CXCursor expr)
{
	CXCursor decl;
	enum CXTypeKind kind;

	expr = lf_cursor_strip(expr);
	if (clang_getCursorKind(expr) != CXCursor_DeclRefExpr)
		return 0;
	decl = clang_getCursorReferenced(expr);
	kind = clang_getCanonicalType(clang_getCursorType(decl)).kind;
	return kind == CXType_ConstantArray || kind == CXType_IncompleteArray ||
	       kind == CXType_VariableArray;
}
