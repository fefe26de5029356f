/* SPDX-License-Identifier: MIT */
#include <stdlib.h>
#include <string.h>

#include "lf_buf.h"
#include "lf_build.h"
#include "lf_grow.h"

/* Locals declared at the top of a callee's body, C89 style:
 *
 *	static void add_bias(float *out, const float *b, int n, int m)
 *	{
 *		int i, j;
 *
 *		for (i = 0; i < n; ++i)
 *			for (j = 0; j < m; ++j)
 *				out[i * m + j] += b[j];
 *	}
 *
 * The loops moved to the call cannot take the declarations with them
 * (a declaration between the caller's nests ends its run), nor use
 * the caller's variables of those names.  But a local that is only a
 * loop iterator is one variable per loop in disguise: when every use of
 * it is in a for that starts with "v = e", and nothing reads the value
 * it had before that for or keeps after it, "for (v = e;" can become
 * "for (T v = e;" with T its type, and the declaration at the top can
 * go.  So each local must
 *
 * - be of an integer type, neither const nor volatile, without an
 *   initialiser or with a constant one (which no use reads);
 * - be declared by the body's leading declarations, not by a macro;
 * - have every reference in a for whose initialisation is "v = e",
 *   spelled in the file (not by a macro), with e not reading v: in e it
 *   would read the new, uninitialised v;
 * - never be in two such for statements one inside the other (the
 *   outer loop reads where the inner one stopped) and never have its
 *   address taken (the pointer could outlive the loop).
 *
 * The result is a list of edits of the body's text: the spelling of v
 * in each such initialisation becomes "T v".
 */

/* The walk over the body: the locals, which of them the for statements
 * around the cursor set ("bound"), the edits, and the first reason to
 * refuse ("cause").
 */
struct lf_call_locals_walk {
	struct lf_builder *b;
	int n_local;
	CXCursor *locals;
	char **types;
	int *bound;
	struct lf_call_edit *edits;
	int n_edit;
	struct lf_reason *cause;
	int failed;
};

static void lf_call_locals_refuse(__isl_keep struct lf_call_locals_walk *w,
	CXCursor c, CXCursor local)
{
	char *name;

	if (w->cause || w->failed)
		return;
	name = lf_cursor_name(local);
	w->cause = lf_reason_alloc(LF_WHY_CALLEE_LOCAL,
				   lf_file_loc(w->b->file,
					       lf_build_offset(w->b, c)),
				   NULL, name);
	free(name);
	if (!w->cause)
		w->failed = 1;
}

/* The index of the local that "c" refers to, or -1.
 */
static int lf_call_locals_index(__isl_keep struct lf_call_locals_walk *w,
	CXCursor c)
{
	CXCursor decl;
	int k;

	if (clang_getCursorKind(c) != CXCursor_DeclRefExpr)
		return -1;
	decl = clang_getCursorReferenced(c);
	for (k = 0; k < w->n_local; ++k)
		if (clang_equalCursors(decl, w->locals[k]))
			return k;
	return -1;
}

/* Is "c", a reference to local k, spelled where it is, by the name of
 * the local?
 */
static int lf_call_locals_is_spelled(__isl_keep struct lf_call_locals_walk *w,
	CXCursor c, int k)
{
	char *name = lf_cursor_name(w->locals[k]);
	unsigned begin, end;
	int ok;

	if (!name) {
		w->failed = 1;
		return 0;
	}
	ok = lf_build_range(w->b, c, &begin, &end) == 0 &&
	     !lf_src_in_expansion(w->b->src, begin) &&
	     end - begin == strlen(name) &&
	     !strncmp(w->b->file->text + begin, name, end - begin);
	free(name);
	return ok;
}

/* Add the edit that declares local k at its reference "c" in a for's
 * initialisation.
 */
static void lf_call_locals_add_edit(__isl_keep struct lf_call_locals_walk *w,
	CXCursor c, int k)
{
	struct lf_buf buf;
	unsigned begin, end;
	char *name = lf_cursor_name(w->locals[k]);

	if (!name || lf_build_range(w->b, c, &begin, &end) < 0 ||
	    LF_GROW(w->edits, w->n_edit) < 0) {
		free(name);
		w->failed = 1;
		return;
	}
	lf_buf_init(&buf);
	lf_buf_printf(&buf, "%s %s", w->types[k], name);
	free(name);
	w->edits[w->n_edit].offset = begin;
	w->edits[w->n_edit].len = end - begin;
	w->edits[w->n_edit].text = lf_buf_take(&buf);
	if (!w->edits[w->n_edit++].text)
		w->failed = 1;
}

static enum CXChildVisitResult lf_call_locals_visit(CXCursor c,
	CXCursor parent, CXClientData data);

/* The local that the initialisation "init" of a for sets, "v = e", or
 * -1; in *rhs the e.
 */
static int lf_call_locals_init(__isl_keep struct lf_call_locals_walk *w,
	CXCursor init, CXCursor *rhs)
{
	CXCursor *ch;
	int n, k = -1;

	if (clang_getCursorKind(init) != CXCursor_BinaryOperator ||
	    clang_getCursorBinaryOperatorKind(init) != CXBinaryOperator_Assign)
		return -1;
	n = lf_cursor_children(init, &ch);
	if (n == 2 && (k = lf_call_locals_index(w, ch[0])) >= 0 &&
	    lf_call_locals_is_spelled(w, ch[0], k)) {
		lf_call_locals_add_edit(w, ch[0], k);
		*rhs = ch[1];
	} else {
		k = -1;
	}
	free(ch);
	return k;
}

/* A for statement: if its initialisation sets a local, the local is
 * bound in its condition, increment and body (not in the value it is
 * set to); a local bound already is set again by an inner loop.
 */
static void lf_call_locals_for(__isl_keep struct lf_call_locals_walk *w,
	CXCursor c)
{
	CXCursor *ch, rhs;
	int i, n = lf_cursor_children(c, &ch), k = -1;

	if (n == 4)
		k = lf_call_locals_init(w, ch[0], &rhs);
	if (k >= 0 && w->bound[k])
		lf_call_locals_refuse(w, c, w->locals[k]);
	if (k >= 0)
		clang_visitChildren(rhs, &lf_call_locals_visit, w);
	else if (n > 0)
		lf_call_locals_visit(ch[0], c, w);
	if (k >= 0)
		w->bound[k] = 1;
	for (i = 1; i < n; ++i)
		lf_call_locals_visit(ch[i], c, w);
	if (k >= 0)
		w->bound[k] = 0;
	free(ch);
}

/* Visit "c": a for statement binds its local; a reference to a local
 * must be in a for that binds it, and must not take its address.
 */
static enum CXChildVisitResult lf_call_locals_visit(CXCursor c,
	CXCursor parent, CXClientData data)
{
	struct lf_call_locals_walk *w = data;
	CXCursor operand;
	int k;

	if (w->cause || w->failed)
		return CXChildVisit_Break;
	if (clang_getCursorKind(c) == CXCursor_ForStmt) {
		lf_call_locals_for(w, c);
		return w->cause || w->failed ? CXChildVisit_Break :
			CXChildVisit_Continue;
	}
	k = lf_call_locals_index(w, c);
	if (k >= 0 && !w->bound[k])
		lf_call_locals_refuse(w, c, w->locals[k]);
	if (lf_cursor_effect(c, &operand) == LF_CURSOR_TAKES_ADDRESS &&
	    (k = lf_call_locals_index(w, lf_cursor_strip(operand))) >= 0)
		lf_call_locals_refuse(w, c, w->locals[k]);
	clang_visitChildren(c, &lf_call_locals_visit, w);
	return w->cause || w->failed ? CXChildVisit_Break :
		CXChildVisit_Continue;
}

/* Is the initialiser of "decl" (if any) a constant, which no use of
 * the local reads since each for sets it first?
 */
static int lf_call_locals_init_is_constant(CXCursor decl)
{
	CXCursor init = clang_Cursor_getVarDeclInitializer(decl);
	CXEvalResult r;
	int ok;

	if (clang_Cursor_isNull(init))
		return 1;
	r = clang_Cursor_Evaluate(init);
	ok = r && clang_EvalResult_getKind(r) == CXEval_Int &&
	     !lf_cursor_has_effect(init);
	if (r)
		clang_EvalResult_dispose(r);
	return ok;
}

/* Add local "decl" (a cursor of the body's leading declarations) with
 * the spelling of its type, or refuse it.
 */
static void lf_call_locals_add(__isl_keep struct lf_call_locals_walk *w,
	CXCursor decl)
{
	CXType t = clang_getCursorType(decl);
	CXType ct = clang_getCanonicalType(t);
	CXString s;

	if (clang_getCursorKind(decl) != CXCursor_VarDecl ||
	    !(ct.kind >= CXType_Bool && ct.kind <= CXType_Int128 &&
	      ct.kind != CXType_Char16 && ct.kind != CXType_Char32) ||
	    clang_isConstQualifiedType(ct) ||
	    clang_isVolatileQualifiedType(ct) ||
	    clang_Cursor_getStorageClass(decl) != CX_SC_None ||
	    lf_src_in_expansion(w->b->src, lf_build_offset(w->b, decl)) ||
	    !lf_call_locals_init_is_constant(decl)) {
		lf_call_locals_refuse(w, decl, decl);
		return;
	}
	if (LF_GROW(w->locals, w->n_local) < 0 ||
	    LF_GROW(w->types, w->n_local) < 0) {
		w->failed = 1;
		return;
	}
	s = clang_getTypeSpelling(ct);
	w->types[w->n_local] = strdup(clang_getCString(s));
	clang_disposeString(s);
	w->locals[w->n_local++] = decl;
	if (!w->types[w->n_local - 1])
		w->failed = 1;
}

/* Collect the locals of the n declaration statements "decls".
 */
static void lf_call_locals_collect(__isl_keep struct lf_call_locals_walk *w,
	CXCursor *decls, int n)
{
	CXCursor *ch;
	int i, j, m;

	for (i = 0; i < n && !w->cause && !w->failed; ++i) {
		m = lf_cursor_children(decls[i], &ch);
		if (m <= 0)
			lf_call_locals_refuse(w, decls[i], decls[i]);
		for (j = 0; j < m && !w->cause && !w->failed; ++j)
			lf_call_locals_add(w, ch[j]);
		free(ch);
	}
}

void lf_call_edits_free(__isl_take struct lf_call_edit *edits, int n)
{
	while (edits && n-- > 0)
		free(edits[n].text);
	free(edits);
}

/* Check the locals that the n declaration statements "decls" at the
 * top of a callee's body "body" declare, and every use of them; give
 * the edits that turn their for statements into ones that declare them
 * in *edits (*n_edit of them), or the reason why not in *cause.
 */
int lf_call_locals(__isl_keep struct lf_builder *b, CXCursor body,
	CXCursor *decls, int n, __isl_give struct lf_call_edit **edits,
	int *n_edit, __isl_give struct lf_reason **cause)
{
	struct lf_call_locals_walk w;
	int i, k, m;
	CXCursor *ch;

	memset(&w, 0, sizeof(w));
	w.b = b;
	lf_call_locals_collect(&w, decls, n);
	w.bound = calloc(w.n_local + 1, sizeof(int));
	if (!w.bound)
		w.failed = 1;
	m = lf_cursor_children(body, &ch);
	for (i = n; i < m && !w.cause && !w.failed; ++i)
		lf_call_locals_visit(ch[i], body, &w);
	free(ch);
	for (k = 0; k < w.n_local; ++k)
		free(w.types[k]);
	free(w.types);
	free(w.locals);
	free(w.bound);
	if (w.failed) {
		lf_reason_free(w.cause);
		w.cause = NULL;
	}
	if (w.failed || w.cause) {
		lf_call_edits_free(w.edits, w.n_edit);
		w.edits = NULL;
		w.n_edit = 0;
	}
	*edits = w.edits;
	*n_edit = w.n_edit;
	*cause = w.cause;
	return w.failed ? -1 : 0;
}
