/* SPDX-License-Identifier: MIT */
#include <stdlib.h>
#include <string.h>

#include "lf_cursor.h"
#include "lf_grow.h"
#include "lf_iface_private.h"

/* The types of a function's variables, and the walk over its body (and
 * the bodies of the functions of the file it calls) that finds the
 * globals it uses and what it may modify.
 */

enum lf_iface_elem lf_iface_elem_of(CXType t)
{
	switch (clang_getCanonicalType(t).kind) {
	case CXType_Float: return LF_IFACE_ELEM_FLOAT;
	case CXType_Double: return LF_IFACE_ELEM_DOUBLE;
	case CXType_LongDouble: return LF_IFACE_ELEM_LONG_DOUBLE;
	case CXType_Bool: return LF_IFACE_ELEM_BOOL;
	case CXType_Char_S: case CXType_SChar: case CXType_Short:
	case CXType_Int: case CXType_Long: case CXType_LongLong:
	case CXType_Enum:
		return LF_IFACE_ELEM_SIGNED;
	case CXType_Char_U: case CXType_UChar: case CXType_UShort:
	case CXType_UInt: case CXType_ULong: case CXType_ULongLong:
		return LF_IFACE_ELEM_UNSIGNED;
	default:
		return LF_IFACE_ELEM_OTHER;
	}
}

static __isl_give char *lf_iface_spell(CXType t)
{
	CXString s = clang_getTypeSpelling(t);
	const char *str = clang_getCString(s);
	char *copy = strdup(str ? str : "");

	clang_disposeString(s);
	return copy;
}

/* Drop the qualifiers C99 allows in a parameter's brackets
 * ("restrict n") from the start of "p".
 */
static __isl_keep const char *lf_iface_skip_qualifiers(
	__isl_keep const char *p)
{
	static const char *const words[] = { "restrict", "__restrict",
		"__restrict__", "const", "volatile", "static", NULL };
	int i, again = 1;

	while (again) {
		again = 0;
		while (*p == ' ')
			p++;
		for (i = 0; words[i]; ++i) {
			size_t n = strlen(words[i]);

			if (!strncmp(p, words[i], n) &&
			    (p[n] == ' ' || p[n] == '\0')) {
				p += n;
				again = 1;
			}
		}
	}
	return p;
}

/* The extent of the variable array type t as clang prints it: what
 * stands in its first brackets, qualifiers aside ("n + 2" of
 * "float[restrict n + 2][m]").  libclang gives no other access to it.
 */
static __isl_give char *lf_iface_extent(CXType t)
{
	char *s = lf_iface_spell(t), *open, *p, *dim = NULL;
	const char *from;
	int depth = 0;

	open = s ? strchr(s, '[') : NULL;
	for (p = open; p && *p; ++p) {
		depth += *p == '[' ? 1 : *p == ']' ? -1 : 0;
		if (depth == 0)
			break;
	}
	if (p && *p == ']') {
		*p = '\0';
		from = lf_iface_skip_qualifiers(open + 1);
		while (p > from && p[-1] == ' ')
			*--p = '\0';
		dim = strdup(from);
	}
	free(s);
	return dim;
}

/* Add an extent to v: "dim" (which this takes), or an unknown one if
 * known is 0.
 */
static int lf_iface_add_dim(__isl_keep struct lf_iface_var *v,
	__isl_take char *dim, int known)
{
	if ((known && !dim) || LF_GROW(v->dims, v->n_dim) < 0) {
		free(dim);
		return -1;
	}
	v->dims[v->n_dim++] = dim;
	return 0;
}

/* One level of an array or pointer type: its extent added to v, and
 * *t becomes the type of its elements.  Return 1 if *t was not an
 * array (or the outermost pointer), 0 after a level, -1 on failure.
 * Typedef names are kept where the level is spelled directly, so that
 * the element type is spelled as the user wrote it.
 */
static int lf_iface_level(__isl_keep struct lf_iface_var *v, CXType *t)
{
	CXType c = clang_getCanonicalType(*t);
	CXType level = t->kind == c.kind ? *t : c;
	char buf[32];

	switch (c.kind) {
	case CXType_Pointer:
		if (v->n_dim > 0)
			return 1;
		*t = clang_getPointeeType(level);
		return lf_iface_add_dim(v, NULL, 0);
	case CXType_ConstantArray:
		snprintf(buf, sizeof(buf), "%lld", clang_getArraySize(c));
		*t = clang_getArrayElementType(level);
		return lf_iface_add_dim(v, strdup(buf), 1);
	case CXType_VariableArray:
		*t = clang_getArrayElementType(level);
		return lf_iface_add_dim(v, lf_iface_extent(level), 1);
	case CXType_IncompleteArray:
		*t = clang_getArrayElementType(level);
		return lf_iface_add_dim(v, NULL, 0);
	default:
		return 1;
	}
}

/* Describe the variable (or parameter) declared by "decl": its name,
 * place, extents and element type.
 */
int lf_iface_var_describe(__isl_keep struct lf_iface_var *v, CXCursor decl)
{
	CXType t = clang_getCursorType(decl);
	unsigned line, col, offset;
	int r;

	v->name = lf_cursor_name(decl);
	clang_getSpellingLocation(clang_getCursorLocation(decl), NULL, &line,
				  &col, &offset);
	v->loc.offset = offset;
	v->loc.line = line;
	v->loc.col = col;
	while ((r = lf_iface_level(v, &t)) == 0)
		;
	v->elem = lf_iface_elem_of(t);
	v->is_const = clang_isConstQualifiedType(t);
	v->elem_type = lf_iface_spell(clang_getUnqualifiedType(t));
	return r < 0 || !v->name || !v->elem_type ? -1 : 0;
}

/* How an expression is used where the walk meets it.  READ: its value
 * is used; ELEMS: it is the array or pointer through which elements are
 * read; WRITE: it, or the elements reached through it, are modified;
 * ESCAPE: its address is taken.
 */
enum lf_iface_use {
	LF_IFACE_READ,
	LF_IFACE_ELEMS,
	LF_IFACE_WRITE,
	LF_IFACE_ESCAPE
};

/* How the array or pointer under a subscript, a * or a member access
 * used as "use" is used.
 */
static enum lf_iface_use lf_iface_base_use(enum lf_iface_use use)
{
	return use == LF_IFACE_READ ? LF_IFACE_ELEMS : use;
}

static int lf_iface_walk(__isl_keep struct lf_iface_state *s, CXCursor c,
	enum lf_iface_use use);

static int lf_iface_find(__isl_keep char **usrs, int n,
	__isl_keep const char *usr)
{
	int i;

	for (i = 0; i < n; ++i)
		if (!strcmp(usrs[i], usr))
			return i;
	return -1;
}

/* Add the global whose USR is "usr" (which this takes), declared by
 * "decl", to the interface.  Return its index, or -2 on failure.
 */
static int lf_iface_add_global(__isl_keep struct lf_iface_state *s,
	__isl_take char *usr, CXCursor decl)
{
	struct lf_iface *iface = s->iface;
	int f = lf_iface_find(s->file_var_usr, s->n_file_var, usr);
	int n = iface->n_global;
	struct lf_iface_var *v;

	if (LF_GROW(iface->globals, n) < 0 || LF_GROW(s->global_usr, n) < 0) {
		free(usr);
		return -2;
	}
	v = &iface->globals[n];
	memset(v, 0, sizeof(*v));
	s->global_usr[n] = usr;
	iface->n_global++;
	if (f >= 0)
		decl = s->file_vars[f];
	v->defined = f >= 0;
	v->has_init = f >= 0 &&
		!clang_Cursor_isNull(clang_Cursor_getVarDeclInitializer(decl));
	return lf_iface_var_describe(v, decl) < 0 ? -2 : n;
}

/* The index of the global that "decl" declares in iface->globals
 * (added when first met); -1 if it is not a variable of the file (a
 * local, a static local, or a variable a system header declares, such
 * as stdout, that the file neither defines nor declares itself); -2 on
 * failure.
 */
static int lf_iface_global(__isl_keep struct lf_iface_state *s, CXCursor decl)
{
	CXCursor parent = clang_getCursorSemanticParent(decl);
	char *usr;
	int k;

	if (clang_getCursorKind(parent) != CXCursor_TranslationUnit)
		return -1;
	usr = lf_cursor_usr(decl);
	if (!usr)
		return -2;
	k = lf_iface_find(s->global_usr, s->iface->n_global, usr);
	if (k >= 0) {
		free(usr);
		return k;
	}
	if (lf_iface_find(s->file_var_usr, s->n_file_var, usr) < 0 &&
	    !clang_Location_isFromMainFile(clang_getCursorLocation(decl))) {
		free(usr);
		return -1;
	}
	return lf_iface_add_global(s, usr, decl);
}

/* Walk the definition of the function that "decl" declares, if the
 * main file has it: what it does to the file's globals, the function
 * that calls it does too.
 */
static int lf_iface_callee(__isl_keep struct lf_iface_state *s, CXCursor decl)
{
	CXCursor def = clang_getCursorDefinition(decl);

	if (clang_Cursor_isNull(def) ||
	    !clang_Location_isFromMainFile(clang_getCursorLocation(def)))
		return 0;
	return lf_iface_walk_function(s, def);
}

/* A reference to a variable or a function, used as "use".  The value of
 * an array or a pointer that is used for anything but reaching its
 * elements may let them be modified elsewhere.
 */
static int lf_iface_ref(__isl_keep struct lf_iface_state *s, CXCursor ref,
	enum lf_iface_use use)
{
	CXCursor decl = clang_getCursorReferenced(ref);
	enum CXCursorKind kind = clang_getCursorKind(decl);
	struct lf_iface_var *v;
	char *usr;
	int k;

	if (kind == CXCursor_FunctionDecl)
		return lf_iface_callee(s, decl);
	if (kind == CXCursor_ParmDecl) {
		usr = lf_cursor_usr(decl);
		if (!usr)
			return -1;
		k = lf_iface_find(s->param_usr, s->iface->n_param, usr);
		free(usr);
		v = k >= 0 ? &s->iface->params[k] : NULL;
	} else if (kind == CXCursor_VarDecl) {
		k = lf_iface_global(s, decl);
		if (k == -2)
			return -1;
		v = k >= 0 ? &s->iface->globals[k] : NULL;
	} else {
		return 0;
	}
	if (v && (use == LF_IFACE_WRITE || use == LF_IFACE_ESCAPE ||
		  (use == LF_IFACE_READ && v->n_dim > 0)))
		v->written = 1;
	return 0;
}

static int lf_iface_walk_children(__isl_keep struct lf_iface_state *s,
	CXCursor c, enum lf_iface_use use)
{
	CXCursor *ch;
	int i, n = lf_cursor_children(c, &ch), r = 0;

	for (i = 0; i < n && r == 0; ++i)
		r = lf_iface_walk(s, ch[i], use);
	free(ch);
	return r;
}

static int lf_iface_is_pointer(CXCursor expr)
{
	enum CXTypeKind k = clang_getCanonicalType(
		clang_getCursorType(expr)).kind;

	return k == CXType_Pointer || k == CXType_ConstantArray ||
	       k == CXType_VariableArray || k == CXType_IncompleteArray;
}

/* a[i], or i[a]: the array is used as the subscript is, the index is
 * read.
 */
static int lf_iface_walk_subscript(__isl_keep struct lf_iface_state *s,
	CXCursor c, enum lf_iface_use use)
{
	CXCursor *ch;
	int n = lf_cursor_children(c, &ch), base, r;

	if (n != 2) {
		free(ch);
		return lf_iface_walk_children(s, c, LF_IFACE_READ);
	}
	base = lf_iface_is_pointer(ch[0]) ? 0 : 1;
	r = lf_iface_walk(s, ch[base], lf_iface_base_use(use));
	if (r == 0)
		r = lf_iface_walk(s, ch[1 - base], LF_IFACE_READ);
	free(ch);
	return r;
}

static int lf_iface_walk_unary(__isl_keep struct lf_iface_state *s,
	CXCursor c, enum lf_iface_use use)
{
	enum CXUnaryOperatorKind op = clang_getCursorUnaryOperatorKind(c);

	if (op == CXUnaryOperator_AddrOf)
		use = LF_IFACE_ESCAPE;
	else if (op == CXUnaryOperator_Deref)
		use = lf_iface_base_use(use);
	else if (op >= CXUnaryOperator_PostInc && op <= CXUnaryOperator_PreDec)
		use = LF_IFACE_WRITE;
	else if (op != CXUnaryOperator_Real && op != CXUnaryOperator_Imag)
		use = LF_IFACE_READ;
	return lf_iface_walk_children(s, c, use);
}

/* An assignment writes its left operand and reads its right one; any
 * other binary operator reads both.
 */
static int lf_iface_walk_binary(__isl_keep struct lf_iface_state *s,
	CXCursor c)
{
	CXCursor *ch;
	int n = lf_cursor_children(c, &ch), i, r = 0, assign;

	assign = clang_getCursorKind(c) == CXCursor_CompoundAssignOperator ||
		 clang_getCursorBinaryOperatorKind(c) ==
		 CXBinaryOperator_Assign;
	for (i = 0; i < n && r == 0; ++i)
		r = lf_iface_walk(s, ch[i], assign && i == 0 ?
				  LF_IFACE_WRITE : LF_IFACE_READ);
	free(ch);
	return r;
}

/* c ? a : b: the condition is read, a and b are used as the whole. */
static int lf_iface_walk_conditional(__isl_keep struct lf_iface_state *s,
	CXCursor c, enum lf_iface_use use)
{
	CXCursor *ch;
	int n = lf_cursor_children(c, &ch), i, r = 0;

	for (i = 0; i < n && r == 0; ++i)
		r = lf_iface_walk(s, ch[i], i == 0 ? LF_IFACE_READ : use);
	free(ch);
	return r;
}

/* Walk expression or statement c, used as "use".  Parentheses, casts
 * and conversions pass the use on; sizeof and _Alignof evaluate
 * nothing; everything else reads its operands.
 */
static int lf_iface_walk(__isl_keep struct lf_iface_state *s, CXCursor c,
	enum lf_iface_use use)
{
	switch (clang_getCursorKind(c)) {
	case CXCursor_DeclRefExpr:
		return lf_iface_ref(s, c, use);
	case CXCursor_UnaryExpr:
		return 0;
	case CXCursor_ArraySubscriptExpr:
		return lf_iface_walk_subscript(s, c, use);
	case CXCursor_MemberRefExpr:
		return lf_iface_walk_children(s, c, lf_iface_base_use(use));
	case CXCursor_ParenExpr:
	case CXCursor_UnexposedExpr:
	case CXCursor_CStyleCastExpr:
		return lf_iface_walk_children(s, c, use);
	case CXCursor_UnaryOperator:
		return lf_iface_walk_unary(s, c, use);
	case CXCursor_BinaryOperator:
	case CXCursor_CompoundAssignOperator:
		return lf_iface_walk_binary(s, c);
	case CXCursor_ConditionalOperator:
		return lf_iface_walk_conditional(s, c, use);
	default:
		return lf_iface_walk_children(s, c, LF_IFACE_READ);
	}
}

/* Walk the body of function definition fn, once. */
int lf_iface_walk_function(__isl_keep struct lf_iface_state *s, CXCursor fn)
{
	char *usr = lf_cursor_usr(fn);

	if (!usr)
		return -1;
	if (lf_iface_find(s->done, s->n_done, usr) >= 0) {
		free(usr);
		return 0;
	}
	if (LF_GROW(s->done, s->n_done) < 0) {
		free(usr);
		return -1;
	}
	s->done[s->n_done++] = usr;
	return lf_iface_walk_children(s, fn, LF_IFACE_READ);
}
