/* SPDX-License-Identifier: MIT */
#include <stdlib.h>
#include <string.h>

#include "lf_buf.h"
#include "lf_build.h"
#include "lf_grow.h"

/* Calls next to loop nests.  A call statement "f(args);" can stand, for
 * the analysis, for the loop nests of f's body with every formal
 * parameter replaced by "(argument)": the file with such calls so
 * replaced (lf_file.expanded) computes what the file computes, and
 * fusion across the calls is then fusion across nests.  That holds
 * when the replacement means what the call meant:
 *
 * - f is defined in the file before its caller, returns void, has a
 *   prototype without "...", does not call itself or its caller, and
 *   its body is nothing but for statements (after locals that are only
 *   their iterators, lf_call_locals.c), without return, labels, goto,
 *   static or extern locals, directives, __LINE__ or __func__;
 * - every name f's body uses that f does not declare means the same at
 *   the call: the caller declares no variable, type or tag of that
 *   name, and the only macros are constants (literals and operators)
 *   defined once and never undefined in the file;
 * - every formal parameter is only read, never under sizeof, and only
 *   where the body spells it; its argument has its type (an arithmetic
 *   argument of another type is converted by a cast, as the call
 *   converts it) and keeps its value while f runs: a constant, an
 *   array, a global const, a local or parameter of the caller whose
 *   address the caller never takes (f cannot name it, nor reach it
 *   through a pointer), or a member of one that f only subscripts
 *   (lf_call_arg.c); no name in an argument is declared in f.
 */

/* An occurrence of formal parameter "formal" at [offset, offset + len)
 * of the callee's body (the base of a subscript if "subscripted"), or
 * (formal -1) the text that replaces a local's name there.
 */
struct lf_call_ref {
	unsigned offset;
	unsigned len;
	int formal;
	int subscripted;
	char *text;
};

/* What the walk over a callee's body finds: the references to its
 * formals (and where one is subscripted, "subs"), the names it
 * declares, and the first reason why the call must stay a call
 * ("cause").
 */
struct lf_call_walk {
	struct lf_builder *b;
	char *callee_usr;
	char *caller_usr;
	CXCursor caller;
	int n_formal;
	CXCursor *formals;
	int n_ref;
	struct lf_call_ref *refs;
	int n_sub;
	unsigned *subs;
	int n_decl;
	char **decls;
	int n_formal_name;
	char **formal_names;
	char **caller_names;
	int n_caller_name;
	int in_sizeof;
	struct lf_reason *cause;
	int failed;
};

static int lf_call_has_name(char **names, int n, __isl_keep const char *name)
{
	int i;

	for (i = 0; i < n; ++i)
		if (!strcmp(names[i], name))
			return 1;
	return 0;
}

/* Add the name of "decl" (if it has one) to the n names of *names.
 */
static int lf_call_add_name(char ***names, int *n, CXCursor decl)
{
	char *name = lf_cursor_name(decl);

	if (!name)
		return -1;
	if (!*name) {
		free(name);
		return 0;
	}
	if (LF_GROW(*names, *n) < 0) {
		free(name);
		return -1;
	}
	(*names)[(*n)++] = name;
	return 0;
}

static void lf_call_free_names(char **names, int n)
{
	while (n-- > 0)
		free(names[n]);
	free(names);
}

/* Does cursor kind "kind" declare a name: a variable, a type, a tag,
 * an enumerator or a function?
 */
static int lf_call_is_decl(enum CXCursorKind kind)
{
	return kind == CXCursor_VarDecl || kind == CXCursor_ParmDecl ||
	       kind == CXCursor_TypedefDecl || kind == CXCursor_StructDecl ||
	       kind == CXCursor_UnionDecl || kind == CXCursor_EnumDecl ||
	       kind == CXCursor_EnumConstantDecl ||
	       kind == CXCursor_FunctionDecl;
}

struct lf_call_names {
	int n;
	char **names;
	int failed;
};

static enum CXChildVisitResult lf_call_visit_names(CXCursor c,
	CXCursor parent, CXClientData data)
{
	struct lf_call_names *names = data;

	if (lf_call_is_decl(clang_getCursorKind(c)) &&
	    lf_call_add_name(&names->names, &names->n, c) < 0) {
		names->failed = 1;
		return CXChildVisit_Break;
	}
	return CXChildVisit_Recurse;
}

/* Set the cause, with "name" if any, unless one is set already.
 */
static void lf_call_refuse(__isl_keep struct lf_call_walk *w, enum lf_why why,
	struct lf_loc loc, __isl_keep const char *name)
{
	if (w->cause || w->failed)
		return;
	w->cause = lf_reason_alloc(why, loc, NULL, name);
	if (!w->cause)
		w->failed = 1;
}

static void lf_call_refuse_at(__isl_keep struct lf_call_walk *w,
	enum lf_why why, CXCursor c, __isl_keep const char *name)
{
	lf_call_refuse(w, why, lf_file_loc(w->b->file,
					   lf_build_offset(w->b, c)), name);
}

/* The index of the formal parameter that "c" refers to, or -1.
 */
static int lf_call_formal(__isl_keep struct lf_call_walk *w, CXCursor c)
{
	CXCursor decl;
	int k;

	if (clang_getCursorKind(c) != CXCursor_DeclRefExpr)
		return -1;
	decl = clang_getCursorReferenced(c);
	for (k = 0; k < w->n_formal; ++k)
		if (clang_equalCursors(decl, w->formals[k]))
			return k;
	return -1;
}

/* Record the reference "c" to formal k, which must be spelled where it
 * is: not made by a macro, nor in a macro's arguments.
 */
static void lf_call_add_ref(__isl_keep struct lf_call_walk *w, CXCursor c,
	int k)
{
	char *name = lf_cursor_name(w->formals[k]);
	unsigned begin, end;

	if (!name) {
		w->failed = 1;
		return;
	}
	if (w->in_sizeof)
		lf_call_refuse_at(w, LF_WHY_FORMAL_CHANGED, c, name);
	else if (lf_build_range(w->b, c, &begin, &end) < 0 ||
		 lf_src_in_expansion(w->b->src, begin) ||
		 end - begin != strlen(name) ||
		 strncmp(w->b->file->text + begin, name, end - begin))
		lf_call_refuse_at(w, LF_WHY_CALLEE_MACRO, c, name);
	else if (LF_GROW(w->refs, w->n_ref) < 0)
		w->failed = 1;
	else {
		w->refs[w->n_ref].offset = begin;
		w->refs[w->n_ref].len = end - begin;
		w->refs[w->n_ref].text = NULL;
		w->refs[w->n_ref].subscripted = 0;
		while (w->n_sub > 0 && w->subs[w->n_sub - 1] == begin) {
			w->refs[w->n_ref].subscripted = 1;
			w->n_sub--;
		}
		w->refs[w->n_ref++].formal = k;
	}
	free(name);
}

static enum CXChildVisitResult lf_call_visit_body(CXCursor c,
	CXCursor parent, CXClientData data);

/* Refuse a reference "c" to function "fn" that is the callee or the
 * caller: the body would be replaced only once.
 */
static void lf_call_check_recursion(__isl_keep struct lf_call_walk *w,
	CXCursor c, CXCursor fn)
{
	char *usr = lf_cursor_usr(fn), *name;

	if (!usr) {
		w->failed = 1;
		return;
	}
	if (!strcmp(usr, w->callee_usr) || !strcmp(usr, w->caller_usr)) {
		name = lf_cursor_name(fn);
		lf_call_refuse_at(w, LF_WHY_CALLEE_RECURSIVE, c, name);
		free(name);
	}
	free(usr);
}

/* Is "c" a sizeof or alignof expression?  libclang shows both as a
 * UnaryExpr, which has no other use in C.
 */
static int lf_call_is_sizeof(CXCursor c)
{
	return clang_getCursorKind(c) == CXCursor_UnaryExpr;
}

/* If "c" is a subscript whose base is a formal, note where the formal
 * is (the walk meets the reference next, as a child of "c").
 */
static void lf_call_note_subscript(__isl_keep struct lf_call_walk *w,
	CXCursor c)
{
	CXCursor *ch;
	unsigned begin, end;
	int n = lf_cursor_children(c, &ch);

	if (n == 2 && lf_call_formal(w, lf_cursor_strip(ch[0])) >= 0 &&
	    lf_build_range(w->b, lf_cursor_strip(ch[0]), &begin, &end) == 0) {
		if (LF_GROW(w->subs, w->n_sub) < 0)
			w->failed = 1;
		else
			w->subs[w->n_sub++] = begin;
	}
	free(ch);
}

/* Check one cursor of the callee's body: the statements it may not
 * hold, the names it declares, the references to its formals.
 */
static void lf_call_check_cursor(__isl_keep struct lf_call_walk *w,
	CXCursor c)
{
	enum CXCursorKind kind = clang_getCursorKind(c);
	enum CX_StorageClass sc;
	CXCursor decl, operand;
	char *name;
	int k;

	if (kind == CXCursor_ReturnStmt || kind == CXCursor_LabelStmt ||
	    kind == CXCursor_GotoStmt || kind == CXCursor_IndirectGotoStmt)
		lf_call_refuse_at(w, LF_WHY_CALLEE_CONTROL, c, NULL);
	if (kind == CXCursor_VarDecl) {
		sc = clang_Cursor_getStorageClass(c);
		name = lf_cursor_name(c);
		if (sc == CX_SC_Static || sc == CX_SC_Extern)
			lf_call_refuse_at(w, LF_WHY_CALLEE_STATIC, c, name);
		free(name);
	}
	if (lf_call_is_decl(kind) &&
	    lf_call_add_name(&w->decls, &w->n_decl, c) < 0)
		w->failed = 1;
	if (kind == CXCursor_ArraySubscriptExpr)
		lf_call_note_subscript(w, c);
	decl = clang_getCursorReferenced(c);
	if (kind == CXCursor_DeclRefExpr &&
	    clang_getCursorKind(decl) == CXCursor_FunctionDecl)
		lf_call_check_recursion(w, c, decl);
	k = lf_call_formal(w, c);
	if (k >= 0)
		lf_call_add_ref(w, c, k);
	if (lf_cursor_effect(c, &operand) != LF_CURSOR_NONE &&
	    (k = lf_call_formal(w, operand)) >= 0) {
		name = lf_cursor_name(w->formals[k]);
		lf_call_refuse_at(w, LF_WHY_FORMAL_CHANGED, c, name);
		free(name);
	}
}

static enum CXChildVisitResult lf_call_visit_body(CXCursor c,
	CXCursor parent, CXClientData data)
{
	struct lf_call_walk *w = data;

	lf_call_check_cursor(w, c);
	if (w->cause || w->failed)
		return CXChildVisit_Break;
	if (!lf_call_is_sizeof(c))
		return CXChildVisit_Recurse;
	w->in_sizeof++;
	clang_visitChildren(c, &lf_call_visit_body, w);
	w->in_sizeof--;
	return w->cause || w->failed ? CXChildVisit_Break :
		CXChildVisit_Continue;
}

/* The number of definitions of macro "name" in the unit.
 */
struct lf_call_macro_count {
	const char *name;
	int n;
};

static enum CXChildVisitResult lf_call_visit_macro(CXCursor c,
	CXCursor parent, CXClientData data)
{
	struct lf_call_macro_count *count = data;
	CXString s;

	if (clang_getCursorKind(c) != CXCursor_MacroDefinition)
		return CXChildVisit_Continue;
	s = clang_getCursorSpelling(c);
	if (clang_getCString(s) && !strcmp(clang_getCString(s), count->name))
		count->n++;
	clang_disposeString(s);
	return CXChildVisit_Continue;
}

/* Does the file's text undefine "name" ("#undef name", maybe in a
 * comment: that only makes the answer more cautious)?
 */
static int lf_call_is_undefined(__isl_keep const char *text,
	__isl_keep const char *name)
{
	size_t n = strlen(name);
	const char *p = text;

	while ((p = strstr(p, "undef")) != NULL) {
		p += 5;
		while (*p == ' ' || *p == '\t')
			p++;
		if (!strncmp(p, name, n) && !(p[n] == '_' ||
		    (p[n] >= 'a' && p[n] <= 'z') || (p[n] >= 'A' && p[n] <= 'Z') ||
		    (p[n] >= '0' && p[n] <= '9')))
			return 1;
	}
	return 0;
}

/* Is the macro expanded at "offset" a constant that means the same
 * wherever the file expands it: an atom whose body has no identifier,
 * defined once and never undefined?
 */
static int lf_call_macro_is_constant(__isl_keep struct lf_builder *b,
	unsigned offset, __isl_keep const char *name)
{
	struct lf_call_macro_count count = { name, 0 };
	CXSourceLocation loc;
	CXCursor def;
	CXToken *tokens;
	unsigned i, n;
	int ok = 1;

	if (!lf_src_macro_is_atom(b->src, offset))
		return 0;
	loc = clang_getLocationForOffset(b->tu, b->main_file, offset);
	def = clang_getCursorReferenced(clang_getCursor(b->tu, loc));
	if (clang_getCursorKind(def) != CXCursor_MacroDefinition)
		return 0;
	clang_tokenize(b->tu, clang_getCursorExtent(def), &tokens, &n);
	for (i = 1; i < n; ++i)
		if (clang_getTokenKind(tokens[i]) == CXToken_Identifier)
			ok = 0;
	clang_disposeTokens(b->tu, tokens, n);
	if (!ok || lf_call_is_undefined(b->file->text, name))
		return 0;
	clang_visitChildren(clang_getTranslationUnitCursor(b->tu),
			    &lf_call_visit_macro, &count);
	return count.n == 1;
}

/* Check an identifier of the callee's body: it names a constant macro,
 * or something the callee declares, or something the caller does not
 * declare again (so that it means the same at the call).
 */
static int lf_call_check_ident(const char *name, unsigned offset, void *user)
{
	struct lf_call_walk *w = user;
	struct lf_loc loc = lf_file_loc(w->b->file, offset);

	if (!strcmp(name, "__func__") || !strcmp(name, "__FUNCTION__") ||
	    !strcmp(name, "__PRETTY_FUNCTION__"))
		lf_call_refuse(w, LF_WHY_CALLEE_PLACE, loc, NULL);
	else if (lf_src_in_expansion(w->b->src, offset)) {
		if (!lf_call_macro_is_constant(w->b, offset, name))
			lf_call_refuse(w, LF_WHY_CALLEE_MACRO, loc, name);
	} else if (!lf_call_has_name(w->decls, w->n_decl, name) &&
		   !lf_call_has_name(w->formal_names, w->n_formal_name, name) &&
		   lf_call_has_name(w->caller_names, w->n_caller_name, name))
		lf_call_refuse(w, LF_WHY_NAME_SHADOWED, loc, name);
	return w->failed ? -1 : 0;
}

/* The range of the for statement c in *begin, *end (through its last
 * ';' or '}'), or -1.
 */
static int lf_call_stmt_range(__isl_keep struct lf_builder *b, CXCursor c,
	unsigned *begin, unsigned *end)
{
	if (lf_build_range(b, c, begin, end) < 0)
		return -1;
	*end = lf_src_stmt_end(b->src, *end);
	return 0;
}

/* Is the body of the callee nothing but declarations (*n_decl of
 * them, which must come first) and for statements, with nothing else
 * between its braces than white space and comments?  Set *begin and
 * *end to the range from the first for to the end of the last, and *n
 * to the number of for statements.
 */
static int lf_call_body_nests(__isl_keep struct lf_builder *b, CXCursor body,
	unsigned *begin, unsigned *end, int *n, int *n_decl)
{
	CXCursor *ch;
	unsigned open, close, prev, b_i, e_i;
	int i, d = 0, k = lf_cursor_children(body, &ch), ok = k > 0;

	if (lf_build_range(b, body, &open, &close) < 0 || close <= open)
		ok = 0;
	prev = open + 1;
	while (d < k && clang_getCursorKind(ch[d]) == CXCursor_DeclStmt)
		d++;
	for (i = 0; i < k && ok; ++i) {
		if ((i < d ? CXCursor_DeclStmt : CXCursor_ForStmt) !=
		    clang_getCursorKind(ch[i]) ||
		    lf_call_stmt_range(b, ch[i], &b_i, &e_i) < 0 ||
		    b_i < prev || !lf_src_is_gap(b->src, prev, b_i))
			ok = 0;
		if (i == d)
			*begin = b_i;
		prev = e_i;
	}
	free(ch);
	if (!ok || d == k || prev > close - 1 ||
	    !lf_src_is_gap(b->src, prev, close - 1))
		return 0;
	*end = prev;
	*n = k - d;
	*n_decl = d;
	return 1;
}

/* Turn the locals that the n_decl declarations at the top of "body"
 * declare into iterators declared by the for statements that set them
 * (edits of the text, kept as references), or set the cause.
 */
static void lf_call_check_locals(__isl_keep struct lf_call_walk *w,
	CXCursor body, int n_decl)
{
	struct lf_call_edit *edits;
	CXCursor *ch;
	int i, n_edit;

	lf_cursor_children(body, &ch);
	if (lf_call_locals(w->b, body, ch, n_decl, &edits, &n_edit,
			   &w->cause) < 0)
		w->failed = 1;
	free(ch);
	for (i = 0; i < n_edit && !w->failed; ++i) {
		if (LF_GROW(w->refs, w->n_ref) < 0) {
			w->failed = 1;
			break;
		}
		w->refs[w->n_ref].offset = edits[i].offset;
		w->refs[w->n_ref].len = edits[i].len;
		w->refs[w->n_ref].formal = -1;
		w->refs[w->n_ref++].text = edits[i].text;
		edits[i].text = NULL;
	}
	lf_call_edits_free(edits, n_edit);
}

/* Does a parameter declaration of "fn" compute something with a side
 * effect, such as the size "checked(n)" or "k++" of a variably modified
 * parameter?  The call evaluates it on entry; loops put in its place
 * would not.
 */
static int lf_call_params_have_effects(CXCursor fn)
{
	CXCursor *ch;
	int i, n = lf_cursor_children(fn, &ch), found = 0;

	for (i = 0; i < n && !found; ++i)
		found = clang_getCursorKind(ch[i]) == CXCursor_ParmDecl &&
			lf_cursor_has_effect(ch[i]);
	free(ch);
	return found;
}

/* Check the callee "fn" of a call in "caller" (defined at [begin,
 * end) of the file): its type, its place, its body.
 */
static void lf_call_check_callee(__isl_keep struct lf_call_walk *w,
	CXCursor fn, unsigned caller_begin, unsigned *begin, unsigned *end,
	int *n_nest)
{
	struct lf_builder *b = w->b;
	CXType type = clang_getCursorType(fn);
	struct lf_loc loc = lf_file_loc(b->file, lf_build_offset(b, fn));
	CXCursor *ch, body;
	unsigned fb, fe, bb = 0, be = 0, at;
	int n = lf_cursor_children(fn, &ch), n_decl = 0;

	body = n > 0 ? ch[n - 1] : clang_getNullCursor();
	free(ch);
	if (type.kind != CXType_FunctionProto ||
	    clang_isFunctionTypeVariadic(type) ||
	    clang_getResultType(type).kind != CXType_Void)
		lf_call_refuse(w, LF_WHY_CALLEE_TYPE, loc, NULL);
	else if (lf_build_range(b, fn, &fb, &fe) < 0 || fe > caller_begin)
		lf_call_refuse(w, LF_WHY_CALLEE_AFTER, loc, NULL);
	else if (clang_getCursorKind(body) != CXCursor_CompoundStmt ||
		 lf_build_range(b, body, &bb, &be) < 0)
		lf_call_refuse(w, LF_WHY_CALLEE_FORM, loc, NULL);
	else if (lf_src_directive(b->src, bb, be, &at) ||
		 lf_src_uses_line(b->src, bb, be, &at) ||
		 lf_src_uses_function_name(b->src, bb, be, &at))
		lf_call_refuse(w, LF_WHY_CALLEE_PLACE,
			       lf_file_loc(b->file, at), NULL);
	else if (!lf_call_body_nests(b, body, begin, end, n_nest, &n_decl))
		lf_call_refuse(w, LF_WHY_CALLEE_FORM, loc, NULL);
	else if (lf_call_params_have_effects(fn))
		lf_call_refuse(w, LF_WHY_CALLEE_PARAM_EFFECT, loc, NULL);
	if (w->cause)
		return;
	clang_visitChildren(body, &lf_call_visit_body, w);
	if (!w->cause && !w->failed && n_decl > 0)
		lf_call_check_locals(w, body, n_decl);
	if (!w->cause && !w->failed &&
	    lf_src_each_ident(b->src, bb, be, &lf_call_check_ident, w) < 0)
		w->failed = 1;
}

/* Refuse the call at "call_begin" if the callee "fn" may not mean
 * there what it means where it is written (lf_call_context.c).
 */
static void lf_call_check_context(__isl_keep struct lf_call_walk *w,
	CXCursor fn, unsigned call_begin)
{
	unsigned at;
	char *name;
	int r = lf_call_context_check(w->b, w->caller, fn, call_begin, &at,
				      &name);

	if (r < 0)
		w->failed = 1;
	else if (r == 1)
		lf_call_refuse(w, LF_WHY_CALLEE_CONTEXT,
			       lf_file_loc(w->b->file, at), NULL);
	else if (r == 2)
		lf_call_refuse(w, LF_WHY_CALL_ATTRIBUTE,
			       lf_file_loc(w->b->file, call_begin), name);
	free(name);
}

/* Is canonical type "t" an arithmetic type (an integer, _Bool or a
 * floating type, not an enum)?
 */
static int lf_call_is_arith(CXType t)
{
	return t.kind >= CXType_Bool && t.kind <= CXType_LongDouble;
}

/* The element type of the array or pointer type t (canonical), or an
 * invalid type.
 */
static CXType lf_call_element(CXType t)
{
	CXType none = { CXType_Invalid, { NULL, NULL } };

	if (t.kind == CXType_Pointer)
		return clang_getCanonicalType(clang_getPointeeType(t));
	if (t.kind == CXType_ConstantArray || t.kind == CXType_IncompleteArray ||
	    t.kind == CXType_VariableArray)
		return clang_getCanonicalType(clang_getArrayElementType(t));
	return none;
}

/* Does type t have a variable length somewhere: is it or its elements
 * a variable length array?
 */
static int lf_call_is_variable(CXType t)
{
	while (t.kind == CXType_ConstantArray || t.kind == CXType_VariableArray ||
	       t.kind == CXType_IncompleteArray) {
		if (t.kind == CXType_VariableArray)
			return 1;
		t = clang_getCanonicalType(clang_getArrayElementType(t));
	}
	return 0;
}

/* Is "t" (canonical) the type of a pointer parameter: a pointer, or
 * an array, which the parameter really is?
 */
static int lf_call_is_pointer(CXType t)
{
	return lf_call_element(t).kind != CXType_Invalid;
}

/* Do pointer formal type "formal" and the type "actual" of its
 * argument (before conversion) point to the same type, qualifiers
 * aside, without variable lengths?
 */
static int lf_call_same_target(CXType formal, CXType actual)
{
	CXType f = lf_call_element(formal), a = lf_call_element(actual);

	if (f.kind == CXType_Invalid || a.kind == CXType_Invalid ||
	    lf_call_is_variable(f) || lf_call_is_variable(a))
		return 0;
	return clang_equalTypes(clang_getUnqualifiedType(f),
				clang_getUnqualifiedType(a));
}

/* Does the caller "fn" take the address of "decl" anywhere?
 */
struct lf_call_addr {
	CXCursor decl;
	int taken;
};

static enum CXChildVisitResult lf_call_visit_addr(CXCursor c,
	CXCursor parent, CXClientData data)
{
	struct lf_call_addr *a = data;
	CXCursor operand;

	if (lf_cursor_effect(c, &operand) == LF_CURSOR_TAKES_ADDRESS &&
	    clang_getCursorKind(operand) == CXCursor_DeclRefExpr &&
	    clang_equalCursors(clang_getCursorReferenced(operand), a->decl))
		a->taken = 1;
	return a->taken ? CXChildVisit_Break : CXChildVisit_Recurse;
}

/* Does the expression "c" name a variable?
 */
static enum CXChildVisitResult lf_call_visit_var(CXCursor c, CXCursor parent,
	CXClientData data)
{
	enum CXCursorKind kind;

	if (clang_getCursorKind(c) != CXCursor_DeclRefExpr)
		return CXChildVisit_Recurse;
	kind = clang_getCursorKind(clang_getCursorReferenced(c));
	if (kind != CXCursor_VarDecl && kind != CXCursor_ParmDecl)
		return CXChildVisit_Recurse;
	*(int *) data = 1;
	return CXChildVisit_Break;
}

/* Is "arg" a constant: an integer or floating constant expression that
 * names no variable?
 */
static int lf_call_is_constant(CXCursor arg)
{
	CXEvalResult r = clang_Cursor_Evaluate(arg);
	CXEvalResultKind kind;
	int var = 0;

	if (!r)
		return 0;
	kind = clang_EvalResult_getKind(r);
	clang_EvalResult_dispose(r);
	if (kind != CXEval_Int && kind != CXEval_Float)
		return 0;
	if (clang_getCursorKind(arg) == CXCursor_DeclRefExpr)
		lf_call_visit_var(arg, arg, &var);
	else
		clang_visitChildren(arg, &lf_call_visit_var, &var);
	return !var;
}

/* Does the variable "decl" keep its value while the callee runs: an
 * array (whose address is its value), a const global, or a local or
 * parameter of the caller whose address the caller never takes?
 */
static int lf_call_is_stable(CXCursor caller, CXCursor decl)
{
	CXType t = clang_getCanonicalType(clang_getCursorType(decl));
	struct lf_call_addr a = { decl, 0 };
	enum CXCursorKind kind = clang_getCursorKind(decl);

	if (kind != CXCursor_VarDecl && kind != CXCursor_ParmDecl)
		return 0;
	if (kind == CXCursor_VarDecl && (t.kind == CXType_ConstantArray ||
	    t.kind == CXType_IncompleteArray || t.kind == CXType_VariableArray))
		return 1;
	if (clang_isVolatileQualifiedType(t))
		return 0;
	if (!lf_base_is_local(decl))
		return clang_isConstQualifiedType(t) &&
		       clang_getCursorKind(clang_getCursorSemanticParent(
				decl)) == CXCursor_TranslationUnit;
	clang_visitChildren(caller, &lf_call_visit_addr, &a);
	return !a.taken;
}

/* Is an identifier of an argument, at "offset", declared in the
 * callee's body (where it would mean the callee's)?  The formals are
 * all replaced, so an argument may be named like one.
 */
static int lf_call_check_captured(const char *name, unsigned offset,
	void *user)
{
	struct lf_call_walk *w = user;

	if (lf_call_has_name(w->decls, w->n_decl, name))
		lf_call_refuse(w, LF_WHY_NAME_CAPTURED,
			       lf_file_loc(w->b->file, offset), name);
	return w->failed ? -1 : 0;
}

/* Can member chain "e" replace formal k: is k a pointer formal that the
 * callee only subscripts (so that the model of member bases decides
 * whether the member keeps its value), and does the chain start from
 * a variable that keeps its value (lf_call_is_stable)?
 */
static int lf_call_member_ok(__isl_keep struct lf_call_walk *w, CXCursor e,
	int k)
{
	CXType ft = clang_getCanonicalType(clang_getCursorType(w->formals[k]));
	CXCursor root;
	int i;

	if (!lf_call_is_pointer(ft) || !lf_call_member_root(e, &root) ||
	    !lf_call_is_stable(w->caller, root))
		return 0;
	for (i = 0; i < w->n_ref; ++i)
		if (w->refs[i].formal == k && !w->refs[i].subscripted)
			return 0;
	return 1;
}

/* The text that replaces formal k, whose argument is "arg": the
 * argument in parentheses, converted to the formal's type by a cast
 * where the call would convert it; NULL with w->cause set if the
 * argument cannot replace the formal.
 */
static __isl_give char *lf_call_actual(__isl_keep struct lf_call_walk *w,
	CXCursor arg, int k)
{
	struct lf_builder *b = w->b;
	CXType ft = clang_getCanonicalType(clang_getCursorType(w->formals[k]));
	CXCursor e = lf_cursor_strip(arg);
	CXType at = clang_getCanonicalType(clang_getCursorType(e));
	struct lf_buf buf;
	unsigned begin, end;
	char *name, *text;
	CXString s;
	int var = clang_getCursorKind(e) == CXCursor_DeclRefExpr;
	int member = clang_getCursorKind(e) == CXCursor_MemberRefExpr;

	name = lf_cursor_name(w->formals[k]);
	if (!name || lf_build_range(b, arg, &begin, &end) < 0) {
		free(name);
		lf_call_refuse_at(w, LF_WHY_CALL_ARG, arg, NULL);
		return NULL;
	}
	text = strndup(b->file->text + begin, end - begin);
	if (!text)
		w->failed = 1;
	else if (member ? !lf_call_member_ok(w, e, k) :
		 var ? !lf_call_is_stable(w->caller,
					  clang_getCursorReferenced(e)) :
		 !lf_call_is_constant(arg))
		lf_call_refuse_at(w, member ? LF_WHY_CALL_ARG_MEMBER :
				  lf_call_arg_is_offset(e) ?
				  LF_WHY_CALL_ARG_OFFSET : LF_WHY_CALL_ARG,
				  arg, NULL);
	else if (lf_call_is_pointer(ft) ? !lf_call_same_target(ft, at) :
		 !lf_call_is_arith(ft) || !lf_call_is_arith(at))
		lf_call_refuse_at(w, LF_WHY_FORMAL_TYPE, arg, name);
	else if (lf_src_each_ident(b->src, begin, end,
				   &lf_call_check_captured, w) < 0)
		w->failed = 1;
	free(name);
	if (w->cause && !w->cause->name && text && !w->cause->text &&
	    !(w->cause->text = strdup(text)))
		w->failed = 1;
	if (w->cause || w->failed) {
		free(text);
		return NULL;
	}
	lf_buf_init(&buf);
	if (!var && !lf_call_is_pointer(ft) && lf_call_arg_int_value(&buf, arg, ft)) {
		free(text);
		return lf_buf_take(&buf);
	}
	if (lf_call_is_pointer(ft) || clang_equalTypes(
		    clang_getUnqualifiedType(ft), clang_getUnqualifiedType(at))) {
		lf_buf_printf(&buf, "(%s)", text);
	} else {
		s = clang_getTypeSpelling(clang_getUnqualifiedType(ft));
		lf_buf_printf(&buf, "((%s)(%s))", clang_getCString(s), text);
		clang_disposeString(s);
	}
	free(text);
	return lf_buf_take(&buf);
}

static int lf_call_cmp_ref(const void *a, const void *b)
{
	const struct lf_call_ref *x = a, *y = b;

	return x->offset < y->offset ? -1 : x->offset > y->offset;
}

/* The callee's nests text[begin, end) with every reference to a formal
 * replaced by actuals[formal], and every other reference by its text.
 */
static __isl_give char *lf_call_text(__isl_keep struct lf_call_walk *w,
	unsigned begin, unsigned end, char **actuals)
{
	const char *text = w->b->file->text;
	struct lf_buf buf;
	unsigned at = begin;
	int i;

	if (w->n_ref > 0)
		qsort(w->refs, w->n_ref, sizeof(*w->refs), &lf_call_cmp_ref);
	lf_buf_init(&buf);
	for (i = 0; i < w->n_ref; ++i) {
		lf_buf_add(&buf, text + at, w->refs[i].offset - at);
		lf_buf_add_str(&buf, w->refs[i].text ? w->refs[i].text :
						  actuals[w->refs[i].formal]);
		at = w->refs[i].offset + w->refs[i].len;
	}
	lf_buf_add(&buf, text + at, end - at);
	return lf_buf_take(&buf);
}

static void lf_call_walk_clear(__isl_keep struct lf_call_walk *w)
{
	int i;

	free(w->callee_usr);
	free(w->formals);
	for (i = 0; i < w->n_ref; ++i)
		free(w->refs[i].text);
	free(w->refs);
	free(w->subs);
	lf_call_free_names(w->decls, w->n_decl);
	lf_call_free_names(w->formal_names, w->n_formal_name);
	lf_reason_free(w->cause);
}

/* Set up "w" for the callee "fn" of a call in "caller": its formals
 * and their names.
 */
static int lf_call_walk_init(__isl_keep struct lf_call_walk *w, CXCursor fn)
{
	int k, n = clang_Cursor_getNumArguments(fn);

	w->callee_usr = lf_cursor_usr(fn);
	w->n_formal = n > 0 ? n : 0;
	w->formals = calloc(w->n_formal + 1, sizeof(CXCursor));
	if (!w->callee_usr || !w->formals)
		return -1;
	for (k = 0; k < w->n_formal; ++k) {
		w->formals[k] = clang_Cursor_getArgument(fn, k);
		if (lf_call_add_name(&w->formal_names, &w->n_formal_name,
				     w->formals[k]) < 0)
			return -1;
	}
	return 0;
}

/* The texts that replace the formals, each argument checked, in
 * *actuals (NULL with w->cause set if one cannot be had).
 */
static int lf_call_actuals(__isl_keep struct lf_call_walk *w, CXCursor call,
	char ***actuals)
{
	int k, n = clang_Cursor_getNumArguments(call);

	*actuals = calloc(w->n_formal + 1, sizeof(char *));
	if (!*actuals)
		return -1;
	if (n != w->n_formal)
		lf_call_refuse_at(w, LF_WHY_CALLEE_TYPE, call, NULL);
	for (k = 0; k < w->n_formal && !w->cause && !w->failed; ++k)
		(*actuals)[k] = lf_call_actual(w, clang_Cursor_getArgument(call,
								       k), k);
	return w->failed ? -1 : 0;
}

static void lf_call_free_actuals(char **actuals, int n)
{
	while (actuals && n-- > 0)
		free(actuals[n]);
	free(actuals);
}

/* Fill "out" for the call "call" to "fn", defined in the file: its
 * text, or why it has none.
 */
static int lf_call_fill(__isl_keep struct lf_call_walk *w, CXCursor call,
	CXCursor fn, __isl_keep struct lf_call *out)
{
	struct lf_builder *b = w->b;
	unsigned caller_begin, caller_end, begin = 0, end = 0;
	char **actuals = NULL;
	int r = 0;

	if (lf_call_walk_init(w, fn) < 0 ||
	    lf_build_range(b, w->caller, &caller_begin, &caller_end) < 0)
		r = -1;
	if (r == 0 && (lf_src_in_expansion(b->src, out->begin) ||
		       lf_src_in_expansion(b->src, out->end - 1)))
		lf_call_refuse(w, LF_WHY_CALL_MACRO, out->loc, NULL);
	if (r == 0 && !w->cause)
		lf_call_check_callee(w, fn, caller_begin, &begin, &end,
				     &out->n_nest);
	if (r == 0 && !w->cause && !w->failed)
		lf_call_check_context(w, fn, out->begin);
	if (r == 0 && !w->cause && !w->failed)
		r = lf_call_actuals(w, call, &actuals);
	if (r == 0 && !w->cause && !w->failed) {
		out->text = lf_call_text(w, begin, end, actuals);
		if (!out->text)
			r = -1;
	} else if (r == 0 && !w->failed) {
		out->refused = lf_reason_alloc(LF_WHY_CALL_KEPT, out->loc,
					       NULL, out->callee);
		if (out->refused)
			out->refused->cause = w->cause;
		w->cause = NULL;
	}
	lf_call_free_actuals(actuals, w->n_formal);
	return r < 0 || w->failed || (!out->text && !out->refused) ? -1 : 0;
}

/* A call through a pointer, whose callee cannot be seen: "out" says
 * so, with the callee's text.
 */
static int lf_call_fill_pointer(__isl_keep struct lf_builder *b, CXCursor call,
	__isl_keep struct lf_call *out)
{
	CXCursor *ch;
	int n = lf_cursor_children(call, &ch);

	out->callee = n > 0 ? lf_build_text(b, ch[0]) : strdup("?");
	free(ch);
	if (!out->callee)
		return -1;
	out->refused = lf_reason_alloc(LF_WHY_CALL_KEPT, out->loc, NULL,
				       out->callee);
	if (out->refused)
		out->refused->cause = lf_reason_alloc(LF_WHY_CALL_POINTER,
						      out->loc, NULL, NULL);
	return out->refused && out->refused->cause ? 0 : -1;
}

/* Fill "out" for the call statement "call" at [begin, end) in
 * "caller": 1 if it is of interest (a call through a pointer or to a
 * function defined in the file), 0 if not, -1 on error.
 */
static int lf_call_check(__isl_keep struct lf_builder *b, CXCursor caller,
	__isl_keep char *caller_usr, char **names, int n_name, CXCursor call,
	unsigned begin, unsigned end, __isl_keep struct lf_call *out)
{
	CXCursor ref = clang_getCursorReferenced(call), fn;
	struct lf_call_walk w;
	int r;

	memset(out, 0, sizeof(*out));
	out->begin = begin;
	out->end = end;
	out->loc = lf_file_loc(b->file, begin);
	if (clang_getCursorKind(ref) != CXCursor_FunctionDecl)
		return lf_call_fill_pointer(b, call, out) < 0 ? -1 : 1;
	fn = clang_getCursorDefinition(ref);
	if (clang_Cursor_isNull(fn) ||
	    !clang_Location_isFromMainFile(clang_getCursorLocation(fn)))
		return 0;
	out->callee = lf_cursor_name(fn);
	if (!out->callee)
		return -1;
	memset(&w, 0, sizeof(w));
	w.b = b;
	w.caller = caller;
	w.caller_usr = caller_usr;
	w.caller_names = names;
	w.n_caller_name = n_name;
	r = lf_call_fill(&w, call, fn, out);
	lf_call_walk_clear(&w);
	return r < 0 ? -1 : 1;
}

/* Is child i of a block (of kinds "kind", ranges begins and ends) next
 * to child j, with nothing but white space and comments between?
 */
static int lf_call_is_next(__isl_keep struct lf_builder *b,
	unsigned *begins, unsigned *ends, int i, int j)
{
	if (i > j)
		return lf_call_is_next(b, begins, ends, j, i);
	return ends[i] <= begins[j] && lf_src_is_gap(b->src, ends[i], begins[j]);
}

enum lf_call_kind {
	LF_CALL_OTHER,
	LF_CALL_FOR,
	LF_CALL_CALL
};

/* Is child j (of n) a for statement or a call that has a text, next
 * to child i?
 */
static int lf_call_is_anchor(__isl_keep struct lf_builder *b,
	enum lf_call_kind *kind, struct lf_call *calls, unsigned *begins,
	unsigned *ends, int n, int i, int j)
{
	if (j < 0 || j >= n || !lf_call_is_next(b, begins, ends, i, j))
		return 0;
	return kind[j] == LF_CALL_FOR ||
	       (kind[j] == LF_CALL_CALL && calls[j].text);
}

/* Keep the calls of the n children "ch" of a block that stand next to
 * a for statement or to a call that has a text; free the others (only
 * once every call has been looked at, since a call kept may be next
 * to one that is not).
 */
static int lf_call_keep(__isl_keep struct lf_builder *b,
	enum lf_call_kind *kind, struct lf_call *calls, unsigned *begins,
	unsigned *ends, int n)
{
	struct lf_file *file = b->file;
	int i, r = 0, *keep = calloc(n + 1, sizeof(int));

	if (!keep)
		r = -1;
	for (i = 0; i < n && r == 0; ++i)
		keep[i] = kind[i] == LF_CALL_CALL &&
			  (lf_call_is_anchor(b, kind, calls, begins, ends, n,
					     i, i - 1) ||
			   lf_call_is_anchor(b, kind, calls, begins, ends, n,
					     i, i + 1));
	for (i = 0; i < n; ++i) {
		if (r == 0 && keep[i] && LF_GROW(file->calls, file->n_call) < 0)
			r = -1;
		if (r == 0 && keep[i])
			file->calls[file->n_call++] = calls[i];
		else
			lf_call_clear(&calls[i]);
	}
	free(keep);
	return r;
}

/* Find the calls of interest among the children of "block", a block
 * of "caller".
 */
static int lf_call_block(__isl_keep struct lf_builder *b, CXCursor caller,
	__isl_keep char *caller_usr, char **names, int n_name, CXCursor block)
{
	CXCursor *ch;
	int i, n = lf_cursor_children(block, &ch), r = 0, c;
	enum lf_call_kind *kind = calloc(n + 1, sizeof(*kind));
	struct lf_call *calls = calloc(n + 1, sizeof(*calls));
	unsigned *begins = calloc(n + 1, sizeof(unsigned));
	unsigned *ends = calloc(n + 1, sizeof(unsigned));

	if (!kind || !calls || !begins || !ends)
		r = -1;
	for (i = 0; i < n && r == 0; ++i) {
		if (lf_call_stmt_range(b, ch[i], &begins[i], &ends[i]) < 0)
			continue;
		if (clang_getCursorKind(ch[i]) == CXCursor_ForStmt)
			kind[i] = LF_CALL_FOR;
		if (clang_getCursorKind(ch[i]) != CXCursor_CallExpr)
			continue;
		c = lf_call_check(b, caller, caller_usr, names, n_name, ch[i],
				  begins[i], ends[i], &calls[i]);
		if (c < 0)
			r = -1;
		if (c > 0)
			kind[i] = LF_CALL_CALL;
		else
			lf_call_clear(&calls[i]);
	}
	if (r == 0)
		r = lf_call_keep(b, kind, calls, begins, ends, n);
	else
		for (i = 0; i < n; ++i)
			lf_call_clear(&calls[i]);
	free(kind);
	free(calls);
	free(begins);
	free(ends);
	free(ch);
	return r;
}

/* Find the calls of interest in the n blocks of function "fn" (add
 * them to the file's calls).
 */
int lf_call_function(__isl_keep struct lf_builder *b, CXCursor fn,
	CXCursor *blocks, int n)
{
	struct lf_call_names names = { 0, NULL, 0 };
	char *usr = lf_cursor_usr(fn);
	int i, r = usr ? 0 : -1;

	if (r == 0)
		clang_visitChildren(fn, &lf_call_visit_names, &names);
	if (names.failed)
		r = -1;
	for (i = 0; i < n && r == 0; ++i)
		r = lf_call_block(b, fn, usr, names.names, names.n, blocks[i]);
	lf_call_free_names(names.names, names.n);
	free(usr);
	return r;
}

static int lf_call_cmp(const void *a, const void *b)
{
	const struct lf_call *x = a, *y = b;

	return x->begin < y->begin ? -1 : x->begin > y->begin;
}

/* The file's text with every call that has a text replaced by it
 * (setting the calls' exp_begin and exp_end), its length in *len; NULL
 * if no call has a text.  The calls get sorted.
 */
__isl_give char *lf_call_expand(__isl_keep struct lf_file *file,
	unsigned *len)
{
	struct lf_buf buf;
	unsigned at = 0;
	int i, any = 0;

	if (file->n_call > 0)
		qsort(file->calls, file->n_call, sizeof(struct lf_call),
		      &lf_call_cmp);
	lf_buf_init(&buf);
	for (i = 0; i < file->n_call; ++i) {
		struct lf_call *c = &file->calls[i];

		if (!c->text || c->begin < at)
			continue;
		lf_buf_add(&buf, file->text + at, c->begin - at);
		c->exp_begin = buf.len;
		lf_buf_add_str(&buf, c->text);
		c->exp_end = buf.len;
		at = c->end;
		any = 1;
	}
	lf_buf_add(&buf, file->text + at, file->len - at);
	*len = buf.len;
	if (!any || buf.failed) {
		lf_buf_free(&buf);
		return NULL;
	}
	return lf_buf_take(&buf);
}
