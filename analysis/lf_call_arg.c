/* SPDX-License-Identifier: MIT */
#include <stdlib.h>

#include "lf_build.h"

/* Pointer arguments other than variables.
 *
 * Members, "l.output" or "s->w": the value of the
 * member at the call is what the callee's pointer formal holds, while
 * the expansion reads the member wherever the callee reads the formal.
 * Both agree when the member does not change while the callee runs.
 * The expansion leaves that to the model of member bases (lf_base.c):
 * a subscripted member is modeled only if no store of the run may
 * change it and the variable it starts from is not written, so a
 * formal bound to a member must be only subscripted; what is left here
 * is the form of the chain.
 *
 * Pointer offsets, "x + off" or "&x[k]": the expansion would subscript
 * them, "(x + off)[i]", which the model does not take as a base, and
 * "x[off + i]" is not the same C ("off + i" may overflow where the two
 * pointer additions do not), so they keep the call a call, with a
 * reason of their own that says what the model does take.
 */

/* Is "e" (stripped) a chain of members, each reached with '.' or
 * "->" from the one before, that starts from a variable?  Set *root
 * to that variable's declaration.
 */
int lf_call_member_root(CXCursor e, CXCursor *root)
{
	CXCursor *ch;
	int n;

	if (clang_getCursorKind(e) != CXCursor_MemberRefExpr)
		return 0;
	while (clang_getCursorKind(e) == CXCursor_MemberRefExpr) {
		n = lf_cursor_children(e, &ch);
		if (n != 1) {
			free(ch);
			return 0;
		}
		e = lf_cursor_strip(ch[0]);
		free(ch);
	}
	if (clang_getCursorKind(e) != CXCursor_DeclRefExpr)
		return 0;
	*root = clang_getCursorReferenced(e);
	return 1;
}

/* Is "e" (stripped) a pointer offset: "p + n", "n + p", "p - n" or
 * "&a[k]"?
 */
int lf_call_arg_is_offset(CXCursor e)
{
	enum CXCursorKind kind = clang_getCursorKind(e);
	CXType t = clang_getCanonicalType(clang_getCursorType(e));

	if (kind == CXCursor_UnaryOperator)
		return clang_getCursorUnaryOperatorKind(e) ==
		       CXUnaryOperator_AddrOf;
	if (kind != CXCursor_BinaryOperator || t.kind != CXType_Pointer)
		return 0;
	return clang_getCursorBinaryOperatorKind(e) == CXBinaryOperator_Add ||
	       clang_getCursorBinaryOperatorKind(e) == CXBinaryOperator_Sub;
}
