/* SPDX-License-Identifier: MIT */
#include <stdlib.h>
#include <string.h>

#include "lf_build.h"
#include "lf_grow.h"

/* Loop initialisations that set more than the iterator:
 * "for (i = 0, k = 0; ...)" and "for (int i = 0, k = 0; ...)".  The
 * model has one iterator per loop and regenerates the loop header, so
 * the other assignments are dropped: that is only sound when they
 * compute nothing anyone sees.  Each other part must assign a value
 * computed without side effects to a variable that nothing in the nest
 * uses, whose address is not taken and that is dead after the nest
 * (lf_live); a variable declared in the header must not be used at
 * all.  A second induction variable ("i++, j++") is refused here: it
 * is used in the loop.
 */

struct lf_init_parts {
	int n;
	CXCursor *list;
};

static void lf_init_parts_clear(__isl_keep struct lf_init_parts *parts)
{
	free(parts->list);
}

/* The operands of the comma expression c, left to right. */
static int lf_init_flatten(CXCursor c, __isl_keep struct lf_init_parts *parts)
{
	CXCursor s = lf_cursor_strip(c), *ch;
	int n, r = 0;

	if (clang_getCursorKind(s) == CXCursor_BinaryOperator &&
	    clang_getCursorBinaryOperatorKind(s) == CXBinaryOperator_Comma) {
		n = lf_cursor_children(s, &ch);
		if (n != 2)
			r = -1;
		else if (lf_init_flatten(ch[0], parts) < 0 ||
			 lf_init_flatten(ch[1], parts) < 0)
			r = -1;
		free(ch);
		return r;
	}
	if (LF_GROW(parts->list, parts->n) < 0)
		return -1;
	parts->list[parts->n++] = s;
	return 0;
}

/* The variable that "e" assigns (v = ..., v++, v += ...), or a null
 * cursor.
 */
static CXCursor lf_init_target(CXCursor e)
{
	CXCursor operand, decl = clang_getNullCursor();

	if (lf_cursor_effect(lf_cursor_strip(e), &operand) ==
	    LF_CURSOR_WRITES &&
	    clang_getCursorKind(operand) == CXCursor_DeclRefExpr)
		decl = clang_getCursorReferenced(operand);
	return decl;
}

static int lf_init_same(CXCursor a, CXCursor b)
{
	return !clang_Cursor_isNull(a) && !clang_Cursor_isNull(b) &&
	       clang_equalCursors(clang_getCanonicalCursor(a),
				  clang_getCanonicalCursor(b));
}

/* Which part of the comma expression "init" sets the iterator: the one
 * that assigns the variable the increment "inc" (or its first part)
 * steps; the first part if there is none.
 */
static int lf_init_iter_part(__isl_keep struct lf_init_parts *parts,
	CXCursor inc)
{
	struct lf_init_parts steps = { 0, NULL };
	CXCursor stepped;
	int i, k = 0;

	if (lf_init_flatten(inc, &steps) < 0 || steps.n < 1) {
		lf_init_parts_clear(&steps);
		return 0;
	}
	stepped = lf_init_target(steps.list[0]);
	for (i = 0; i < parts->n; ++i)
		if (lf_init_same(lf_init_target(parts->list[i]), stepped)) {
			k = i;
			break;
		}
	lf_init_parts_clear(&steps);
	return k;
}

/* A local variable of the function, not static, extern or volatile. */
static int lf_init_is_local(CXCursor decl)
{
	enum CX_StorageClass sc = clang_Cursor_getStorageClass(decl);

	return clang_getCursorKind(decl) == CXCursor_VarDecl &&
	       clang_getCursorKind(clang_getCursorSemanticParent(decl)) !=
	       CXCursor_TranslationUnit &&
	       sc != CX_SC_Static && sc != CX_SC_Extern &&
	       !clang_isVolatileQualifiedType(clang_getCursorType(decl));
}

/* The variable with USR "usr", assigned at "at": is any other reference
 * to it in the nest, or one that takes its address anywhere?
 */
static int lf_init_is_used(__isl_keep struct lf_builder *b,
	__isl_keep const char *usr, unsigned at)
{
	unsigned begin, end;
	int i;

	if (lf_build_range(b, b->nest, &begin, &end) < 0)
		return 1;
	for (i = 0; i < b->n_ref; ++i) {
		struct lf_var_ref *ref = &b->refs[i];

		if (strcmp(ref->usr, usr))
			continue;
		if (ref->is_addr ||
		    (ref->offset >= begin && ref->offset < end &&
		     ref->offset != at))
			return 1;
	}
	return 0;
}

/* One part "v = e" of a comma initialisation other than the
 * iterator's.
 */
static int lf_init_check_assign(__isl_keep struct lf_builder *b, CXCursor part)
{
	CXCursor *ch, decl;
	char *usr = NULL, *name = NULL;
	int n, r = 0, dead;

	n = lf_cursor_children(part, &ch);
	if (clang_getCursorKind(part) != CXCursor_BinaryOperator ||
	    clang_getCursorBinaryOperatorKind(part) != CXBinaryOperator_Assign ||
	    n != 2 ||
	    clang_getCursorKind(lf_cursor_strip(ch[0])) !=
	    CXCursor_DeclRefExpr || lf_cursor_has_effect(ch[1]) ||
	    !lf_init_is_local(decl = clang_getCursorReferenced(
		lf_cursor_strip(ch[0])))) {
		free(ch);
		return lf_build_fail_text(b, part, LF_WHY_INIT_EFFECT);
	}
	usr = lf_cursor_usr(decl);
	name = lf_cursor_name(decl);
	if (!usr || !name)
		r = -1;
	else if (lf_init_is_used(b, usr,
				 lf_build_offset(b, lf_cursor_strip(ch[0]))))
		r = lf_build_fail_at(b, part, LF_WHY_INIT_VAR_USED, name);
	else if ((dead = lf_live_is_dead(b, b->body, b->nest, usr)) <= 0)
		r = dead < 0 ? -1 : lf_build_fail_at(b, part,
					LF_WHY_INIT_VAR_LIVE, name);
	free(usr);
	free(name);
	free(ch);
	return r;
}

/* A variable declared in the header besides the iterator: a scalar
 * whose initialiser has no effect, and never used.
 */
static int lf_init_check_decl(__isl_keep struct lf_builder *b, CXCursor decl)
{
	enum CXTypeKind kind;
	char *usr, *name;
	int i, r = 0;

	kind = clang_getCanonicalType(clang_getCursorType(decl)).kind;
	if (clang_getCursorKind(decl) != CXCursor_VarDecl ||
	    kind == CXType_ConstantArray || kind == CXType_VariableArray ||
	    kind == CXType_IncompleteArray || kind == CXType_Record ||
	    lf_cursor_has_effect(decl) ||
	    clang_isVolatileQualifiedType(clang_getCursorType(decl)))
		return lf_build_fail_text(b, decl, LF_WHY_INIT_EFFECT);
	usr = lf_cursor_usr(decl);
	name = lf_cursor_name(decl);
	if (!usr || !name)
		r = -1;
	for (i = 0; r == 0 && i < b->n_ref; ++i)
		if (!strcmp(b->refs[i].usr, usr))
			r = lf_build_fail_at(b, decl, LF_WHY_INIT_VAR_USED,
					     name);
	free(usr);
	free(name);
	return r;
}

/* The comma initialisation "init" of a loop whose increment is "inc":
 * check the parts that do not set the iterator; *iter gets the part
 * that does.
 */
int lf_init_split_comma(__isl_keep struct lf_builder *b, CXCursor init,
	CXCursor inc, CXCursor *iter)
{
	struct lf_init_parts parts = { 0, NULL };
	int i, k, r = 0;

	if (lf_init_flatten(init, &parts) < 0 || parts.n < 2) {
		lf_init_parts_clear(&parts);
		return -1;
	}
	k = lf_init_iter_part(&parts, inc);
	*iter = parts.list[k];
	for (i = 0; i < parts.n && r == 0; ++i)
		if (i != k)
			r = lf_init_check_assign(b, parts.list[i]);
	lf_init_parts_clear(&parts);
	return r;
}

/* The other variables "decls[1 .. n - 1]" of a declaration in a loop
 * header, after the iterator's.
 */
int lf_init_check_decls(__isl_keep struct lf_builder *b, CXCursor *decls,
	int n)
{
	int i, r = 0;

	for (i = 1; i < n && r == 0; ++i)
		r = lf_init_check_decl(b, decls[i]);
	return r;
}
