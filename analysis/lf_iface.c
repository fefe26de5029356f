/* SPDX-License-Identifier: MIT */
#include <stdlib.h>
#include <string.h>

#include "lf_build.h"
#include "lf_cursor.h"
#include "lf_grow.h"
#include "lf_iface_private.h"

/* The interface of one function: its parameters and return type here,
 * the globals it uses and what it modifies in lf_iface_walk.c.
 */

static void lf_iface_var_clear(__isl_keep struct lf_iface_var *v)
{
	int i;

	free(v->name);
	for (i = 0; i < v->n_dim; ++i)
		free(v->dims[i]);
	free(v->dims);
	free(v->elem_type);
}

void lf_iface_free(__isl_take struct lf_iface *iface)
{
	int i;

	if (!iface)
		return;
	for (i = 0; i < iface->n_param; ++i)
		lf_iface_var_clear(&iface->params[i]);
	for (i = 0; i < iface->n_global; ++i)
		lf_iface_var_clear(&iface->globals[i]);
	free(iface->params);
	free(iface->globals);
	free(iface->name);
	free(iface->result_type);
	free(iface);
}

static void lf_iface_state_clear(__isl_keep struct lf_iface_state *s)
{
	int i;

	for (i = 0; i < s->n_file_var; ++i)
		free(s->file_var_usr[i]);
	for (i = 0; s->param_usr && i < s->iface->n_param; ++i)
		free(s->param_usr[i]);
	for (i = 0; i < s->iface->n_global; ++i)
		free(s->global_usr[i]);
	for (i = 0; i < s->n_done; ++i)
		free(s->done[i]);
	free(s->file_var_usr);
	free(s->file_vars);
	free(s->param_usr);
	free(s->global_usr);
	free(s->done);
}

/* Record the file-scope variable "c" that the main file defines, or
 * defines tentatively ("float a[N];", which C makes a definition at the
 * end of the file).  A later definition replaces an earlier tentative
 * one, so that its initializer is seen.
 */
static int lf_iface_file_var(__isl_keep struct lf_iface_state *s, CXCursor c)
{
	char *usr;
	int i;

	if (clang_Cursor_getStorageClass(c) == CX_SC_Extern &&
	    !clang_isCursorDefinition(c))
		return 0;
	usr = lf_cursor_usr(c);
	if (!usr)
		return -1;
	for (i = 0; i < s->n_file_var; ++i)
		if (!strcmp(s->file_var_usr[i], usr))
			break;
	if (i == s->n_file_var &&
	    (LF_GROW(s->file_var_usr, i) < 0 || LF_GROW(s->file_vars, i) < 0)) {
		free(usr);
		return -1;
	}
	if (i < s->n_file_var) {
		free(usr);
		if (!clang_isCursorDefinition(c))
			return 0;
	} else {
		s->file_var_usr[s->n_file_var++] = usr;
	}
	s->file_vars[i] = c;
	return 0;
}

/* The top level of the main file: its variables, whether it defines
 * main, and the definition of the function.
 */
static enum CXChildVisitResult lf_iface_visit_top(CXCursor c,
	CXCursor parent, CXClientData data)
{
	struct lf_iface_state *s = data;
	enum CXCursorKind kind = clang_getCursorKind(c);
	char *name;

	if (!clang_Location_isFromMainFile(clang_getCursorLocation(c)))
		return CXChildVisit_Continue;
	if (kind == CXCursor_VarDecl && lf_iface_file_var(s, c) < 0)
		s->failed = 1;
	if (kind != CXCursor_FunctionDecl || !clang_isCursorDefinition(c))
		return s->failed ? CXChildVisit_Break : CXChildVisit_Continue;
	name = lf_cursor_name(c);
	if (!name)
		s->failed = 1;
	else if (!strcmp(name, "main"))
		s->iface->defines_main = 1;
	if (name && !strcmp(name, s->iface->name)) {
		s->iface->found = 1;
		s->fn = c;
	}
	free(name);
	return s->failed ? CXChildVisit_Break : CXChildVisit_Continue;
}

/* The parameters of the function, in order, and their USRs, by which
 * the walk knows them.
 */
static int lf_iface_params(__isl_keep struct lf_iface_state *s)
{
	struct lf_iface *iface = s->iface;
	int i, n = clang_Cursor_getNumArguments(s->fn);

	if (n <= 0)
		return 0;
	iface->params = calloc(n, sizeof(*iface->params));
	s->param_usr = calloc(n, sizeof(char *));
	if (!iface->params || !s->param_usr)
		return -1;
	iface->n_param = n;
	for (i = 0; i < n; ++i) {
		CXCursor arg = clang_Cursor_getArgument(s->fn, i);

		s->param_usr[i] = lf_cursor_usr(arg);
		if (!s->param_usr[i] ||
		    lf_iface_var_describe(&iface->params[i], arg) < 0)
			return -1;
		iface->params[i].defined = 1;
	}
	return 0;
}

/* What the function returns: nothing, or a value of result_type. */
static int lf_iface_result(__isl_keep struct lf_iface_state *s)
{
	CXType t = clang_getCursorResultType(s->fn);
	CXString spelling;

	if (clang_getCanonicalType(t).kind == CXType_Void)
		return 0;
	spelling = clang_getTypeSpelling(clang_getUnqualifiedType(t));
	s->iface->result_type = strdup(clang_getCString(spelling));
	clang_disposeString(spelling);
	s->iface->result = lf_iface_elem_of(t);
	return s->iface->result_type ? 0 : -1;
}

/* Describe the function of the unit tu that s->iface names. */
static int lf_iface_describe(__isl_keep struct lf_iface_state *s,
	CXTranslationUnit tu)
{
	unsigned line, col, offset;

	clang_visitChildren(clang_getTranslationUnitCursor(tu),
			    &lf_iface_visit_top, s);
	if (s->failed || !s->iface->found)
		return s->failed ? -1 : 0;
	clang_getSpellingLocation(clang_getCursorLocation(s->fn), NULL, &line,
				  &col, &offset);
	s->iface->loc.offset = offset;
	s->iface->loc.line = line;
	s->iface->loc.col = col;
	s->iface->is_variadic =
		clang_isFunctionTypeVariadic(clang_getCursorType(s->fn)) != 0;
	if (lf_iface_params(s) < 0 || lf_iface_result(s) < 0)
		return -1;
	return lf_iface_walk_function(s, s->fn);
}

__isl_give struct lf_iface *lf_iface_parse(__isl_keep const char *path,
	__isl_keep const char *text, unsigned len,
	__isl_keep const struct lf_frontend_options *options,
	__isl_keep FILE *err)
{
	struct lf_iface_state s;
	CXTranslationUnit tu;
	CXIndex index;
	int r = -1;

	memset(&s, 0, sizeof(s));
	s.iface = calloc(1, sizeof(*s.iface));
	if (!s.iface || !options->function ||
	    !(s.iface->name = strdup(options->function))) {
		lf_iface_free(s.iface);
		return NULL;
	}
	index = clang_createIndex(0, 0);
	tu = lf_frontend_tu(index, path, text, len, options, err);
	if (tu) {
		r = lf_iface_describe(&s, tu);
		if (r < 0)
			fprintf(err, "%s:1:1: error: out of memory while "
				"describing '%s'\n", path, options->function);
		clang_disposeTranslationUnit(tu);
	}
	clang_disposeIndex(index);
	lf_iface_state_clear(&s);
	if (r < 0) {
		lf_iface_free(s.iface);
		return NULL;
	}
	return s.iface;
}
