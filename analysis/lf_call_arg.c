/* SPDX-License-Identifier: MIT */
#include <limits.h>
#include <stdlib.h>

#include "lf_buf.h"
#include "lf_build.h"

/* Pointer arguments other than variables.
 *
 * Members, "l.output" or "l.w.data" (not through "->", below): the
 * value of the member at the call is what the callee's pointer formal
 * holds, while the expansion reads the member wherever the callee reads
 * the formal.
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

/* Is "e" (stripped) a chain of members, each reached with '.' from
 * the one before, that starts from a variable?  Set *root to that
 * variable's declaration.  Not "->": the struct it reaches may be in
 * memory that the callee stores over (an allocated buffer whose first
 * bytes hold the struct), and the expansion would read the member again
 * after such a store, where the call read it once.
 */
int lf_call_member_root(CXCursor e, CXCursor *root)
{
	CXCursor *ch;
	CXType t;
	int n;

	if (clang_getCursorKind(e) != CXCursor_MemberRefExpr)
		return 0;
	while (clang_getCursorKind(e) == CXCursor_MemberRefExpr) {
		n = lf_cursor_children(e, &ch);
		t = n == 1 ? clang_getCanonicalType(clang_getCursorType(ch[0])) :
		    clang_getCanonicalType(clang_getCursorType(e));
		if (n != 1 || t.kind == CXType_Pointer) {
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

/* Print to "buf" the value of the integer constant "arg" converted to
 * the formal's type "ft", "((type)value)", and return 1; 0 if "arg" is
 * not an integer constant that libclang gives in 64 bits (not one of
 * an __int128 type, which it would cut).  The value, rather than the
 * argument's text: a macro in a bound is a parameter that the code
 * generator may take for larger than its value, while a call converts
 * the value once.
 */
int lf_call_arg_int_value(__isl_keep struct lf_buf *buf, CXCursor arg,
	CXType ft)
{
	CXEvalResult r;
	CXString s;
	long long v;

	if (clang_Type_getSizeOf(ft) > 8 ||
	    clang_Type_getSizeOf(clang_getCursorType(arg)) > 8)
		return 0;
	r = clang_Cursor_Evaluate(arg);
	if (!r)
		return 0;
	if (clang_EvalResult_getKind(r) != CXEval_Int) {
		clang_EvalResult_dispose(r);
		return 0;
	}
	s = clang_getTypeSpelling(clang_getUnqualifiedType(ft));
	lf_buf_printf(buf, "((%s)", clang_getCString(s));
	clang_disposeString(s);
	if (clang_EvalResult_isUnsignedInt(r))
		lf_buf_printf(buf, "%lluULL)",
			      clang_EvalResult_getAsUnsigned(r));
	else if ((v = clang_EvalResult_getAsLongLong(r)) >= 0)
		lf_buf_printf(buf, "%lldLL)", v);
	else if (v == LLONG_MIN)
		lf_buf_printf(buf, "(-%lldLL - 1))", LLONG_MAX);
	else
		lf_buf_printf(buf, "(-%lldLL))", -v);
	clang_EvalResult_dispose(r);
	return 1;
}
