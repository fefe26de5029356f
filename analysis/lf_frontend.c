/* SPDX-License-Identifier: MIT */
#include <stdlib.h>
#include <string.h>

#include "lf_buf.h"
#include "lf_build.h"
#include "lf_frontend.h"
#include "lf_grow.h"
#include "lf_include.h"

/* The front end: parse the file with libclang, find the runs of
 * consecutive for loops in every function body, and model each run.
 */

static int lf_frontend_add_ref(__isl_keep struct lf_builder *b, CXCursor ref,
	int is_write, int is_addr)
{
	CXCursor decl = clang_getCursorReferenced(ref);
	enum CXCursorKind kind = clang_getCursorKind(decl);
	struct lf_var_ref *r;

	if (kind != CXCursor_VarDecl && kind != CXCursor_ParmDecl)
		return 0;
	if (LF_GROW(b->refs, b->n_ref) < 0)
		return -1;
	r = &b->refs[b->n_ref];
	r->usr = lf_cursor_usr(decl);
	r->offset = lf_build_offset(b, ref);
	r->is_write = is_write;
	r->is_addr = is_addr;
	if (!r->usr)
		return -1;
	b->n_ref++;
	return 0;
}

/* Every variable reference of the function, and which of them modify
 * the variable or take its address.
 */
static enum CXChildVisitResult lf_frontend_visit_ref(CXCursor c,
	CXCursor parent, CXClientData data)
{
	struct lf_builder *b = data;
	enum lf_cursor_effect effect;
	CXCursor operand;
	int r = 0;

	if (clang_getCursorKind(c) == CXCursor_DeclRefExpr)
		r = lf_frontend_add_ref(b, c, 0, 0);
	effect = lf_cursor_effect(c, &operand);
	if (r == 0 && effect != LF_CURSOR_NONE &&
	    clang_getCursorKind(operand) == CXCursor_DeclRefExpr)
		r = lf_frontend_add_ref(b, operand,
					effect == LF_CURSOR_WRITES,
					effect == LF_CURSOR_TAKES_ADDRESS);
	return r < 0 ? CXChildVisit_Break : CXChildVisit_Recurse;
}

static void lf_frontend_clear_refs(__isl_keep struct lf_builder *b)
{
	while (b->n_ref > 0)
		free(b->refs[--b->n_ref].usr);
}

/* The white space before the for on its line, and one level of the
 * file's indentation, from the first line inside the nest that is
 * indented further.
 */
static int lf_frontend_indent(__isl_keep struct lf_builder *b,
	__isl_keep struct lf_run *run)
{
	const char *text = b->file->text;
	unsigned start = run->begin, i, k;
	size_t n;

	while (start > 0 && (text[start - 1] == ' ' || text[start - 1] == '\t'))
		start--;
	if (start > 0 && text[start - 1] != '\n')
		start = run->begin;
	run->indent = strndup(text + start, run->begin - start);
	n = run->begin - start;
	for (i = run->begin; i < run->end && !run->indent_unit; ++i) {
		if (text[i] != '\n')
			continue;
		for (k = i + 1; k < run->end && (text[k] == ' ' ||
						 text[k] == '\t'); ++k)
			;
		if (k - (i + 1) > n && !strncmp(text + i + 1, run->indent, n))
			run->indent_unit = strndup(text + i + 1 + n,
						   k - (i + 1) - n);
	}
	if (!run->indent_unit)
		run->indent_unit = strdup(strchr(run->indent, '\t') ?
					  "\t" : "    ");
	return run->indent && run->indent_unit ? 0 : -1;
}

static enum CXChildVisitResult lf_frontend_visit_outside(CXCursor c,
	CXCursor parent, CXClientData data)
{
	struct lf_builder *b = data;
	CXCursor *ch, lhs;
	int n;

	if (clang_getCursorKind(c) != CXCursor_ForStmt)
		return CXChildVisit_Recurse;
	n = lf_cursor_children(c, &ch);
	if (n == 4 && lf_cursor_effect(ch[0], &lhs) == LF_CURSOR_WRITES &&
	    clang_getCursorKind(lhs) == CXCursor_DeclRefExpr) {
		if (LF_GROW(b->outside_usr, b->n_outside) == 0) {
			b->outside_usr[b->n_outside] = lf_cursor_usr(
				clang_getCursorReferenced(lhs));
			if (b->outside_usr[b->n_outside])
				b->n_outside++;
		}
	}
	free(ch);
	return CXChildVisit_Recurse;
}

static void lf_frontend_clear_run_state(__isl_keep struct lf_builder *b)
{
	int i;

	for (i = 0; b->run && i < b->run->n_array; ++i)
		free(b->array_usr[i]);
	for (i = 0; b->run && i < b->run->n_param; ++i)
		free(b->param_usr[i]);
	for (i = 0; i < b->n_outside; ++i)
		free(b->outside_usr[i]);
	free(b->array_usr);
	free(b->param_usr);
	free(b->outside_usr);
	b->array_usr = b->param_usr = b->outside_usr = NULL;
	b->n_outside = 0;
	b->run = NULL;
}

/* Add "run" to "file", which then owns it.  Only on success: if this
 * fails, the run is still the caller's to free.
 */
static int lf_frontend_add_run(__isl_keep struct lf_file *file,
	__isl_take struct lf_run *run)
{
	if (LF_GROW(file->runs, file->n_run) < 0)
		return -1;
	file->runs[file->n_run++] = run;
	return 0;
}

/* Is the line "line" (of "len" bytes) "#pragma scop" or "#pragma
 * endscop"?  They only mark a region for polyhedral tools and mean
 * nothing to a compiler, so they apply to no loop.
 */
static int lf_frontend_is_marker(__isl_keep const char *line, size_t len)
{
	static const char *const words[] = { "#", "pragma", NULL };
	size_t p = 0, n;
	int w;

	for (w = 0; words[w]; ++w) {
		while (p < len && (line[p] == ' ' || line[p] == '\t'))
			p++;
		n = strlen(words[w]);
		if (len - p < n || strncmp(line + p, words[w], n))
			return 0;
		p += n;
	}
	while (p < len && (line[p] == ' ' || line[p] == '\t'))
		p++;
	return (len - p == 4 && !strncmp(line + p, "scop", 4)) ||
	       (len - p == 7 && !strncmp(line + p, "endscop", 7));
}

/* What stands before the first nest of a run, after the statement
 * before it: a "#pragma" line, a _Pragma, a macro.  It applies to
 * that nest (and would apply to whatever replaced it), so the nest
 * keeps it and is kept as written: its text up to the end of its line
 * goes to the nest's "prefix".
 */
static int lf_frontend_prefix(__isl_keep struct lf_builder *b,
	__isl_keep struct lf_nest *nest, unsigned after)
{
	const char *text = b->file->text;
	unsigned at = lf_src_first_token(b->src, after, nest->begin), end;

	if (at >= nest->begin)
		return 0;
	for (end = at; end < nest->begin && text[end] != '\n' &&
	     text[end] != '\r'; ++end)
		;
	while (end > at && (text[end - 1] == ' ' || text[end - 1] == '\t'))
		end--;
	if (lf_frontend_is_marker(text + at, end - at))
		return 0;
	nest->prefix = strndup(text + at, end - at);
	nest->prefix_loc = lf_file_loc(b->file, at);
	return nest->prefix ? 0 : -1;
}

/* Append [begin, end) to the n spans of *list.
 */
static int lf_frontend_add_span(struct lf_span **list, int *n,
	unsigned begin, unsigned end)
{
	if (LF_GROW(*list, *n) < 0)
		return -1;
	(*list)[*n].begin = begin;
	(*list)[*n].end = end;
	(*n)++;
	return 0;
}

/* Is c an OpenMP directive that applies to a loop ("#pragma omp parallel
 * for", "omp simd", ...)?  libclang shows the directive, but not the
 * loop under it.
 */
static int lf_frontend_is_omp_loop(CXCursor c)
{
	CXString s = clang_getCursorKindSpelling(clang_getCursorKind(c));
	const char *k = clang_getCString(s);
	int loop;

	loop = k && !strncmp(k, "OMP", 3) && (strstr(k, "For") ||
		strstr(k, "Simd") || strstr(k, "Loop") ||
		strstr(k, "Distribute"));
	clang_disposeString(s);
	return loop;
}

/* A loop under an OpenMP directive, with OpenMP on: libclang does not
 * show it, and loopfuse would keep it as written anyway.  It stands in
 * its run, not modeled, with the directive as its prefix.
 */
static int lf_frontend_omp_nest(__isl_keep struct lf_builder *b,
	__isl_keep struct lf_nest *nest)
{
	const char *text = b->file->text;
	unsigned end;

	for (end = nest->begin; end < nest->end && text[end] != '\n' &&
	     text[end] != '\r'; ++end)
		;
	while (end > nest->begin && (text[end - 1] == ' ' ||
				     text[end - 1] == '\t'))
		end--;
	free(nest->prefix);
	nest->prefix = strndup(text + nest->begin, end - nest->begin);
	nest->prefix_loc = nest->loc;
	nest->first_stmt = b->run->n_stmt;
	nest->first_loop = b->run->n_loop;
	nest->opaque = nest->prefix ? lf_reason_alloc(LF_WHY_PRAGMA, nest->loc,
						      nest->prefix, NULL) : NULL;
	return nest->opaque ? 0 : -1;
}

/* The comments in the run's text, which a rewrite must keep, and the
 * tokens that span lines, whose text it must not touch.
 */
static int lf_frontend_comments(__isl_keep struct lf_builder *b,
	__isl_keep struct lf_run *run)
{
	unsigned begin = run->begin, end;

	while (lf_src_comment(b->src, &begin, &end, run->end)) {
		if (lf_frontend_add_span(&run->comments, &run->n_comment,
					 begin, end) < 0)
			return -1;
		begin = end;
	}
	begin = run->begin;
	while (lf_src_long_token(b->src, b->file->text, &begin, &end,
				 run->end)) {
		if (lf_frontend_add_span(&run->long_tokens,
					 &run->n_long_token, begin, end) < 0)
			return -1;
		begin = end;
	}
	return 0;
}

/* Model the n for statements fors[0 .. n - 1] (with byte ranges
 * begins/ends) as one run; the text before the first starts at "after".
 * Returns 1 if an array reached by flat subscripts was refused: the run
 * is then dropped, to be built again with its nests opaque.
 */
static int lf_frontend_run_once(__isl_keep struct lf_builder *b,
	int function, CXCursor *fors, unsigned *begins, unsigned *ends,
	unsigned after, int n)
{
	struct lf_run *run;
	int k, r = 0;

	run = calloc(1, sizeof(*run));
	if (!run)
		return -1;
	b->run = run;
	run->function = function;
	run->begin = begins[0];
	run->end = ends[n - 1];
	run->loc = lf_file_loc(b->file, run->begin);
	run->context = isl_set_universe(isl_space_params_alloc(b->ctx, 0));
	run->outside_types = isl_set_empty(isl_space_params_alloc(b->ctx, 0));
	run->nests = calloc(n, sizeof(struct lf_nest));
	run->n_nest = n;
	if (!run->context || !run->outside_types || !run->nests || lf_frontend_indent(b, run) < 0 ||
	    lf_frontend_comments(b, run) < 0)
		r = -1;
	for (k = 0; k < n && r == 0; ++k)
		clang_visitChildren(fors[k], &lf_frontend_visit_outside, b);
	if (r == 0)
		lf_base_scan_run(b, fors, n);
	for (k = 0; k < n && r == 0; ++k) {
		run->nests[k].begin = begins[k];
		run->nests[k].end = ends[k];
		run->nests[k].loc = lf_file_loc(b->file, begins[k]);
		run->nests[k].end_loc = lf_file_loc(b->file, ends[k]);
		if (k == 0)
			r = lf_frontend_prefix(b, &run->nests[0], after);
		if (r == 0 && lf_frontend_is_omp_loop(fors[k]))
			r = lf_frontend_omp_nest(b, &run->nests[k]);
		else if (r == 0)
			r = lf_nest_build(b, fors[k], k);
	}
	if (r == 0)
		r = lf_delin_run(b);
	lf_delin_clear(b, 0);
	lf_frontend_clear_run_state(b);
	if (r == 0)
		r = lf_frontend_add_run(b->file, run);
	if (r != 0)
		lf_run_free(run);
	return r;
}

/* Model a run (see lf_frontend_run_once) until every array it reaches
 * by flat subscripts fits its shape or is refused; each attempt refuses
 * one more array at least.
 */
static int lf_frontend_run(__isl_keep struct lf_builder *b, int function,
	CXCursor *fors, unsigned *begins, unsigned *ends, unsigned after, int n)
{
	int r;

	do {
		r = lf_frontend_run_once(b, function, fors, begins, ends,
					 after, n);
	} while (r == 1);
	lf_delin_clear(b, 1);
	return r;
}

static enum CXChildVisitResult lf_frontend_visit_extent(CXCursor c,
	CXCursor parent, CXClientData data)
{
	CXSourceRange *range = data;

	*range = clang_getRange(clang_getRangeStart(*range),
				clang_getRangeEnd(clang_getCursorExtent(c)));
	return CXChildVisit_Continue;
}

/* The range of the OpenMP loop directive c with the loop it applies
 * to, which its last child covers.
 */
static int lf_frontend_omp_range(__isl_keep struct lf_builder *b, CXCursor c,
	unsigned *begin, unsigned *end)
{
	CXSourceRange range = clang_getCursorExtent(c);

	clang_visitChildren(c, &lf_frontend_visit_extent, &range);
	return lf_src_range(b->src, range, begin, end);
}

/* The range of child i of a block whose children are "ch", and whether
 * it is a for statement (or an OpenMP directive on one).
 */
static int lf_frontend_child(__isl_keep struct lf_builder *b, CXCursor *ch,
	int i, unsigned *begin, unsigned *end)
{
	int omp = lf_frontend_is_omp_loop(ch[i]);
	int is_for = omp || clang_getCursorKind(ch[i]) == CXCursor_ForStmt;
	int r;

	r = omp ? lf_frontend_omp_range(b, ch[i], begin, end) :
		  lf_build_range(b, ch[i], begin, end);
	if (r < 0) {
		*begin = *end;
		return 0;
	}
	*end = lf_src_stmt_end(b->src, *end);
	return is_for;
}

/* Split the statements of a block into runs of for statements separated
 * by nothing but white space and comments.  Blocks other than the
 * function body only yield runs of two or more nests.  after[i] is
 * where the text before child i starts: the end of child i - 1, or the
 * block's opening brace.
 */
static int lf_frontend_block(__isl_keep struct lf_builder *b, int function,
	CXCursor block, int top)
{
	CXCursor *ch;
	unsigned *begins, *ends, *after, open, close;
	int i, n, start = 0, r = 0, is_for;

	n = lf_cursor_children(block, &ch);
	begins = malloc((n + 1) * sizeof(unsigned));
	ends = malloc((n + 1) * sizeof(unsigned));
	after = malloc((n + 1) * sizeof(unsigned));
	if (!begins || !ends || !after ||
	    lf_build_range(b, block, &open, &close) < 0)
		r = -1;
	for (i = 0; i <= n && r == 0; ++i) {
		after[i] = i == 0 ? open + 1 : ends[i - 1];
		ends[i] = after[i];
		is_for = i < n && lf_frontend_child(b, ch, i, &begins[i],
						    &ends[i]);
		if (is_for && i > start &&
		    !lf_src_is_gap(b->src, ends[i - 1], begins[i])) {
			if (i - start >= (top ? 1 : 2))
				r = lf_frontend_run(b, function, ch + start,
					begins + start, ends + start,
					after[start], i - start);
			start = i;
		}
		if (is_for || r < 0)
			continue;
		if (i - start >= (top ? 1 : 2))
			r = lf_frontend_run(b, function, ch + start,
				begins + start, ends + start, after[start],
				i - start);
		start = i + 1;
	}
	free(begins);
	free(ends);
	free(after);
	free(ch);
	return r;
}

struct lf_block_list {
	int n;
	CXCursor *list;
};

static enum CXChildVisitResult lf_frontend_visit_block(CXCursor c,
	CXCursor parent, CXClientData data)
{
	struct lf_block_list *blocks = data;

	if (clang_getCursorKind(c) != CXCursor_CompoundStmt)
		return CXChildVisit_Recurse;
	if (LF_GROW(blocks->list, blocks->n) < 0)
		return CXChildVisit_Break;
	blocks->list[blocks->n++] = c;
	return CXChildVisit_Recurse;
}

/* Can control come back to code that ran before: a label (which a goto
 * can reach) or a call to setjmp?
 */
static enum CXChildVisitResult lf_frontend_visit_jump(CXCursor c,
	CXCursor parent, CXClientData data)
{
	struct lf_builder *b = data;
	enum CXCursorKind kind = clang_getCursorKind(c);
	char *name;

	if (kind == CXCursor_LabelStmt || kind == CXCursor_IndirectGotoStmt) {
		b->jumps = 1;
	} else if (kind == CXCursor_CallExpr) {
		name = lf_cursor_name(clang_getCursorReferenced(c));
		b->jumps = name && strstr(name, "setjmp") != NULL;
		free(name);
	}
	return b->jumps ? CXChildVisit_Break : CXChildVisit_Recurse;
}

static int lf_frontend_function(__isl_keep struct lf_builder *b, CXCursor fn,
	int function)
{
	struct lf_block_list blocks = { 0, NULL };
	int i, r = 0;

	b->jumps = 0;
	clang_visitChildren(fn, &lf_frontend_visit_jump, b);
	clang_visitChildren(fn, &lf_frontend_visit_ref, b);
	clang_visitChildren(fn, &lf_frontend_visit_block, &blocks);
	if (blocks.n > 0)
		b->body = blocks.list[0];
	for (i = 0; i < blocks.n && r == 0; ++i) {
		b->top = i == 0;
		r = lf_frontend_block(b, function, blocks.list[i], i == 0);
	}
	if (r == 0 && b->inline_calls)
		r = lf_call_function(b, fn, blocks.list, blocks.n);
	free(blocks.list);
	lf_frontend_clear_refs(b);
	return r;
}

static int lf_frontend_add_function(__isl_keep struct lf_builder *b,
	CXCursor fn)
{
	struct lf_file *file = b->file;
	struct lf_function *f;
	unsigned begin, end;

	if (LF_GROW(file->functions, file->n_function) < 0)
		return -1;
	f = &file->functions[file->n_function++];
	f->name = lf_cursor_name(fn);
	if (lf_build_range(b, fn, &begin, &end) < 0)
		begin = end = 0;
	f->body_begin = begin;
	f->body_end = end;
	f->loc = lf_file_loc(file, lf_build_offset(b, fn));
	return f->name ? 0 : -1;
}

struct lf_frontend_walk {
	struct lf_builder *b;
	const char *only;
	int failed;
};

static enum CXChildVisitResult lf_frontend_visit_top(CXCursor c,
	CXCursor parent, CXClientData data)
{
	struct lf_frontend_walk *w = data;
	struct lf_builder *b = w->b;
	char *name;
	int skip;

	if (clang_getCursorKind(c) != CXCursor_FunctionDecl ||
	    !clang_isCursorDefinition(c) ||
	    !clang_Location_isFromMainFile(clang_getCursorLocation(c)))
		return CXChildVisit_Continue;
	name = lf_cursor_name(c);
	skip = w->only && name && strcmp(name, w->only);
	free(name);
	if (skip)
		return CXChildVisit_Continue;
	if (w->only)
		b->file->function_found = 1;
	if (lf_frontend_add_function(b, c) < 0 ||
	    lf_frontend_function(b, c, b->file->n_function - 1) < 0) {
		w->failed = 1;
		return CXChildVisit_Break;
	}
	return CXChildVisit_Continue;
}

static int lf_cmp_run(const void *a, const void *b)
{
	const struct lf_run *x = *(struct lf_run *const *) a;
	const struct lf_run *y = *(struct lf_run *const *) b;

	return x->begin < y->begin ? -1 : x->begin > y->begin;
}

/* clang's errors shown in full; past them, one line counts the rest,
 * since a file that is not C at all gives pages of errors that say
 * nothing more.
 */
#define LF_FRONTEND_MAX_ERRORS 5

/* Is d the fatal error with which clang stops after too many errors
 * (-ferror-limit)?
 */
static int lf_frontend_is_error_limit(CXDiagnostic d)
{
	CXString option = clang_getDiagnosticOption(d, NULL);
	const char *name = clang_getCString(option);
	int r = name && !strcmp(name, "-ferror-limit=");

	clang_disposeString(option);
	return r;
}

/* Print the error d in clang's words: "file:line:col: error: ...", or
 * "loopfuse: error: ..." for one that concerns no file (a compiler
 * argument).
 */
static void lf_frontend_print_error(CXDiagnostic d, FILE *err)
{
	CXFile file = NULL;
	CXString s;

	clang_getSpellingLocation(clang_getDiagnosticLocation(d), &file,
				  NULL, NULL, NULL);
	if (file) {
		s = clang_formatDiagnostic(d,
			clang_defaultDiagnosticDisplayOptions());
		fprintf(err, "%s\n", clang_getCString(s));
	} else {
		s = clang_getDiagnosticSpelling(d);
		fprintf(err, "loopfuse: error: %s\n", clang_getCString(s));
	}
	clang_disposeString(s);
}

/* The byte offset of "loc" in the main file, where the text shows it
 * (for a macro, where it is expanded), or -1 if it is elsewhere.
 */
static long lf_frontend_main_offset(CXSourceLocation loc)
{
	CXFile file = NULL;
	unsigned offset;

	if (!clang_Location_isFromMainFile(loc))
		return -1;
	clang_getExpansionLocation(loc, &file, NULL, NULL, &offset);
	return file ? (long) offset : -1;
}

/* Keep the error d as data: where it is in the main file, with the
 * end of its first range there, else the file, line and column it is
 * at.
 */
static int lf_frontend_keep_error(CXDiagnostic d,
	__isl_keep struct lf_parse_errors *errors)
{
	CXSourceLocation loc = clang_getDiagnosticLocation(d);
	CXString s = clang_getDiagnosticSpelling(d), name;
	long begin = lf_frontend_main_offset(loc), end = begin;
	CXFile file = NULL;
	unsigned line = 0, col = 0;
	int r;

	if (begin >= 0 && clang_getDiagnosticNumRanges(d) > 0)
		end = lf_frontend_main_offset(clang_getRangeEnd(
			clang_getDiagnosticRange(d, 0)));
	if (begin >= 0) {
		r = lf_parse_errors_add(errors, clang_getCString(s), 1,
			begin, end < begin ? begin : end, NULL, 0, 0);
		clang_disposeString(s);
		return r;
	}
	clang_getSpellingLocation(loc, &file, &line, &col, NULL);
	name = clang_getFileName(file);
	r = lf_parse_errors_add(errors, clang_getCString(s), 0, 0, 0,
		file ? clang_getCString(name) : NULL, line, col);
	clang_disposeString(name);
	clang_disposeString(s);
	return r;
}

/* Report clang's errors about the file at path: print the first
 * LF_FRONTEND_MAX_ERRORS, then a line that counts the others (when
 * clang gave up counting, the file is probably not C), and keep them
 * all.  Return the number of errors.
 */
static int lf_frontend_diagnostics(CXTranslationUnit tu,
	__isl_keep const char *path, __isl_keep struct lf_parse_errors *errors)
{
	unsigned i, n = clang_getNumDiagnostics(tu);
	int count = 0, stopped = 0, rest;

	for (i = 0; i < n; ++i) {
		CXDiagnostic d = clang_getDiagnostic(tu, i);

		if (clang_getDiagnosticSeverity(d) < CXDiagnostic_Error)
			;
		else if (lf_frontend_is_error_limit(d))
			stopped = 1;
		else {
			if (count++ < LF_FRONTEND_MAX_ERRORS && errors->err)
				lf_frontend_print_error(d, errors->err);
			lf_frontend_keep_error(d, errors);
		}
		clang_disposeDiagnostic(d);
	}
	rest = count - LF_FRONTEND_MAX_ERRORS;
	if (rest > 0 && errors->err)
		fprintf(errors->err, "%s:1:1: error: %s%d more error%s%s\n",
			path, stopped ? "at least " : "", rest,
			rest > 1 ? "s" : "", stopped ? "; is this a C file?" : "");
	return count + stopped;
}

static __isl_give struct lf_file *lf_file_alloc(__isl_keep const char *path,
	__isl_keep const char *text, unsigned len)
{
	struct lf_file *file = calloc(1, sizeof(*file));

	if (!file)
		return NULL;
	file->path = strdup(path);
	file->text = malloc(len + 1);
	if (!file->path || !file->text) {
		lf_file_free(file);
		return NULL;
	}
	memcpy(file->text, text, len);
	file->text[len] = '\0';
	file->len = len;
	file->crlf = strstr(file->text, "\r\n") != NULL;
	return file;
}

static enum CXChildVisitResult lf_frontend_visit_attr(CXCursor c,
	CXCursor parent, CXClientData data)
{
	struct lf_builder *b = data;
	enum CXCursorKind kind = clang_getCursorKind(c);
	CXToken *tokens;
	unsigned n;

	if (kind == CXCursor_AsmLabelAttr) {
		b->renamed = 1;
	} else if (kind == CXCursor_UnexposedAttr) {
		clang_tokenize(b->tu, clang_getCursorExtent(c), &tokens, &n);
		if (n > 0) {
			CXString s = clang_getTokenSpelling(b->tu, tokens[0]);

			if (!strcmp(clang_getCString(s), "alias") ||
			    !strcmp(clang_getCString(s), "__alias__"))
				b->renamed = 1;
			clang_disposeString(s);
		}
		clang_disposeTokens(b->tu, tokens, n);
	}
	return b->renamed ? CXChildVisit_Break : CXChildVisit_Continue;
}

/* Does a variable of the unit give storage a second name, with an alias
 * attribute or an asm label?  Two globals may then be one.
 */
static enum CXChildVisitResult lf_frontend_visit_renamed(CXCursor c,
	CXCursor parent, CXClientData data)
{
	struct lf_builder *b = data;

	if (clang_getCursorKind(c) == CXCursor_VarDecl)
		clang_visitChildren(c, &lf_frontend_visit_attr, b);
	return b->renamed ? CXChildVisit_Break : CXChildVisit_Continue;
}

/* Every identifier the file's text and macros use, for making up names,
 * and where its text expands __LINE__.
 */
static int lf_frontend_idents(__isl_keep struct lf_builder *b)
{
	int n = lf_src_idents(b->src, &b->file->idents);

	b->file->n_ident = n < 0 ? 0 : n;
	if (n < 0)
		return -1;
	n = lf_src_line_uses(b->src, &b->file->line_uses);
	b->file->n_line_use = n < 0 ? 0 : n;
	return n < 0 ? -1 : 0;
}

static int lf_frontend_model(__isl_keep struct lf_builder *b,
	__isl_keep const struct lf_frontend_options *options)
{
	struct lf_frontend_walk w = { b, options->function, 0 };

	b->inline_calls = options->inline_calls;
	b->main_file = clang_getFile(b->tu, b->file->path);
	if (b->main_file)
		b->src = lf_src_alloc(b->tu, b->main_file, b->file->len);
	b->purity = lf_purity_alloc(lf_purity_math_errno(options->argc,
							 options->argv));
	if (!b->src || !b->purity || lf_frontend_idents(b) < 0) {
		w.failed = 1;
	} else {
		clang_visitChildren(clang_getTranslationUnitCursor(b->tu),
				    &lf_frontend_visit_renamed, b);
		clang_visitChildren(clang_getTranslationUnitCursor(b->tu),
				    &lf_frontend_visit_top, &w);
	}
	/* qsort wants a valid pointer even for zero elements. */
	if (b->file->n_run > 0)
		qsort(b->file->runs, b->file->n_run, sizeof(struct lf_run *),
		      &lf_cmp_run);
	lf_purity_free(b->purity);
	lf_src_free(b->src);
	free(b->refs);
	free(b->internal);
	return w.failed ? -1 : 0;
}

/* What clang gets before the user's arguments.  "-x c": without it a
 * file whose name does not end in a C suffix is taken for a precompiled
 * AST (or for C++).  The -Wno-error flags: clang 16 and later refuse
 * what C99 dropped (implicit int, calls to undeclared functions) and
 * two unsafe conversions, which gcc 12 still takes with a warning, so
 * that loopfuse would refuse files gcc builds; an undeclared function
 * is then one whose body cannot be seen, so a call to it keeps its
 * nest where it is.  The user's arguments come later and still win.
 */
static const char *const lf_frontend_default_args[] = {
	"-x", "c",
	"-Wno-error=implicit-function-declaration",
	"-Wno-error=implicit-int",
	"-Wno-error=int-conversion",
	"-Wno-error=incompatible-function-pointer-types",
};

#define LF_FRONTEND_N_DEFAULT_ARGS \
	(int) (sizeof(lf_frontend_default_args) / \
	       sizeof(lf_frontend_default_args[0]))

/* The arguments for clang: lf_frontend_default_args, then the user's.
 * There are options->argc + LF_FRONTEND_N_DEFAULT_ARGS of them; the
 * caller frees the array, not the strings.
 */
static __isl_give const char **lf_frontend_args(
	__isl_keep const struct lf_frontend_options *options)
{
	int n = LF_FRONTEND_N_DEFAULT_ARGS;
	const char **argv = malloc((n + options->argc) * sizeof(char *));
	int i;

	if (!argv)
		return NULL;
	for (i = 0; i < n; ++i)
		argv[i] = lf_frontend_default_args[i];
	for (i = 0; i < options->argc; ++i)
		argv[n + i] = options->argv[i];
	return argv;
}

/* Say that the whole parse failed, for "why": printed as an error at
 * 1:1 of path, and kept as an error about no place in particular.
 */
static void lf_frontend_fail(__isl_keep struct lf_parse_errors *errors,
	__isl_keep const char *path, __isl_keep const char *why)
{
	if (errors->err)
		fprintf(errors->err, "%s:1:1: error: %s\n", path, why);
	lf_parse_errors_add(errors, why, 0, 0, 0, NULL, 0, 0);
}

/* The options of every parse: go on after errors, and keep the
 * preprocessing record, in which the model finds macros and
 * directives.
 */
#define LF_FRONTEND_PARSE_FLAGS \
	(CXTranslationUnit_KeepGoing | \
	 CXTranslationUnit_DetailedPreprocessingRecord)

/* Parse the file with clang into *tu, which the caller disposes of,
 * with the default arguments and the user's, and "flags" on top of
 * LF_FRONTEND_PARSE_FLAGS.  Return the number of errors (-1 if clang
 * could not parse at all).
 */
static int lf_frontend_clang(CXIndex index, __isl_keep const char *path,
	__isl_keep const char *text, unsigned len,
	__isl_keep const struct lf_frontend_options *options,
	__isl_keep struct lf_parse_errors *errors, unsigned flags,
	CXTranslationUnit *tu)
{
	struct CXUnsavedFile unsaved = { path, text, len };
	const char **argv = lf_frontend_args(options);
	enum CXErrorCode code;
	char why[80];

	*tu = NULL;
	if (!argv) {
		lf_frontend_fail(errors, path, "out of memory");
		return -1;
	}
	code = clang_parseTranslationUnit2(index, path, argv,
		LF_FRONTEND_N_DEFAULT_ARGS + options->argc, &unsaved, 1,
		LF_FRONTEND_PARSE_FLAGS | flags, tu);
	free(argv);
	if (code == CXError_Success)
		return lf_frontend_diagnostics(*tu, path, errors);
	snprintf(why, sizeof(why), "clang could not parse the file "
		 "(libclang error %d)", (int) code);
	lf_frontend_fail(errors, path, why);
	return -1;
}

/* Parse the file "path" whose contents are text[0 .. len) as the front
 * end does.  On failure, print why in "file:line:col: error: ..." form
 * (clang's errors) and return NULL; the caller disposes of the unit,
 * then of the index.
 */
CXTranslationUnit lf_frontend_tu(CXIndex index, const char *path,
	const char *text, unsigned len,
	const struct lf_frontend_options *options, FILE *err)
{
	struct lf_parse_errors errors = { err, 0, 0, NULL, 0, 0 };
	CXTranslationUnit tu;

	if (lf_frontend_clang(index, path, text, len, options, &errors, 0,
			      &tu) == 0)
		return tu;
	if (tu)
		clang_disposeTranslationUnit(tu);
	return NULL;
}

/* Model the file "path" whose contents are text[0 .. len) from "tu",
 * clang's unit of it, in which clang found n_errors errors (-1: no
 * unit).  On failure, report why to "errors" and return NULL.
 */
/* Do the compiler arguments ask for C89 (C90), whose for loops cannot
 * declare their iterators, as generated loops do?  The last -std= or
 * -ansi decides.
 */
static int lf_frontend_is_c89(
	__isl_keep const struct lf_frontend_options *options)
{
	static const char *const c89[] = { "-std=c89", "-std=c90",
		"-std=gnu89", "-std=gnu90", "-std=iso9899:1990",
		"-std=iso9899:199409", "-ansi" };
	int i, k, is = 0;

	for (i = 0; i < options->argc; ++i) {
		const char *arg = options->argv[i];

		if (strncmp(arg, "-std=", 5) && strcmp(arg, "-ansi"))
			continue;
		is = 0;
		for (k = 0; k < (int) (sizeof(c89) / sizeof(c89[0])); ++k)
			is |= !strcmp(arg, c89[k]);
	}
	return is;
}

static __isl_give struct lf_file *lf_frontend_build(isl_ctx *ctx,
	CXTranslationUnit tu, int n_errors, __isl_keep const char *path,
	__isl_keep const char *text, unsigned len,
	__isl_keep const struct lf_frontend_options *options,
	__isl_keep struct lf_parse_errors *errors)
{
	struct lf_builder b;

	if (n_errors != 0)
		return NULL;
	memset(&b, 0, sizeof(b));
	b.ctx = ctx;
	b.tu = tu;
	b.file = lf_file_alloc(path, text, len);
	if (!b.file) {
		lf_frontend_fail(errors, path, "out of memory");
		return NULL;
	}
	if (lf_frontend_model(&b, options) < 0 ||
	    lf_include_collect(tu, b.file) < 0) {
		lf_frontend_fail(errors, path, "out of memory or internal "
				 "error while modeling the file");
		lf_file_free(b.file);
		return NULL;
	}
	b.file->c89 = lf_frontend_is_c89(options);
	return b.file;
}

/* Model the file as it would be with its calls replaced by the nests
 * of their callees (lf_call_expand), as file->expanded.  If that text
 * does not parse without errors, there is none: the calls stay.
 */
static void lf_frontend_expand(isl_ctx *ctx, CXIndex index,
	__isl_keep struct lf_file *file,
	__isl_keep const struct lf_frontend_options *options)
{
	struct lf_frontend_options opt = *options;
	struct lf_parse_errors quiet = { NULL, 0, 0, NULL, 0, 0 };
	CXTranslationUnit tu;
	unsigned len;
	char *text = lf_call_expand(file, &len);
	int n;

	if (!text)
		return;
	opt.inline_calls = 0;
	n = lf_frontend_clang(index, file->path, text, len, &opt, &quiet, 0,
			      &tu);
	file->expanded = lf_frontend_build(ctx, tu, n, file->path, text, len,
					   &opt, &quiet);
	if (tu)
		clang_disposeTranslationUnit(tu);
	lf_parse_errors_clear(&quiet);
	free(text);
}

/* Parse and model the file "path" whose contents are text[0 .. len).
 * On failure, report why to "errors" and return NULL.
 */
__isl_give struct lf_file *lf_frontend_parse_errors(isl_ctx *ctx,
	__isl_keep const char *path, __isl_keep const char *text,
	unsigned len, __isl_keep const struct lf_frontend_options *options,
	__isl_keep struct lf_parse_errors *errors)
{
	CXIndex index = clang_createIndex(0, 0);
	CXTranslationUnit tu;
	struct lf_file *file;
	int n;

	n = lf_frontend_clang(index, path, text, len, options, errors, 0,
			      &tu);
	file = lf_frontend_build(ctx, tu, n, path, text, len, options,
				 errors);
	if (tu)
		clang_disposeTranslationUnit(tu);
	if (file && options->inline_calls)
		lf_frontend_expand(ctx, index, file, options);
	clang_disposeIndex(index);
	return file;
}

/* A unit of one file kept from one parse to the next (see
 * lf_frontend.h).
 */
struct lf_frontend_unit {
	CXIndex index;
	CXTranslationUnit tu;
	char *path;
};

/* A unit writes its preamble to a temporary file, for which clang sets
 * up its handling of signals, with an alternate signal stack, on the
 * thread that does it; a thread that ends would leave that stack
 * behind (AddressSanitizer stops on it).  Have clang set it up now, on
 * the caller's thread, with a stack trace printed on a crash.
 */
__isl_give struct lf_frontend_unit *lf_frontend_unit_alloc(void)
{
	struct lf_frontend_unit *unit = calloc(1, sizeof(*unit));

	if (!unit)
		return NULL;
	clang_enableStackTraces();
	unit->index = clang_createIndex(0, 0);
	if (!unit->index) {
		free(unit);
		return NULL;
	}
	return unit;
}

/* Forget the unit's parse, if any. */
static void lf_frontend_unit_clear(__isl_keep struct lf_frontend_unit *unit)
{
	if (unit->tu)
		clang_disposeTranslationUnit(unit->tu);
	unit->tu = NULL;
	free(unit->path);
	unit->path = NULL;
}

void lf_frontend_unit_free(__isl_take struct lf_frontend_unit *unit)
{
	if (!unit)
		return;
	lf_frontend_unit_clear(unit);
	clang_disposeIndex(unit->index);
	free(unit);
}

/* Bring unit->tu to the text text[0 .. len) of "path": reparse it if it
 * is of that file (clang then parses only what follows the headers,
 * its preamble, again), else parse it anew, with a precompiled preamble
 * for the next time.  Return the number of errors (-1: no unit).
 */
static int lf_frontend_unit_update(__isl_keep struct lf_frontend_unit *unit,
	__isl_keep const char *path, __isl_keep const char *text,
	unsigned len, __isl_keep const struct lf_frontend_options *options,
	__isl_keep struct lf_parse_errors *errors)
{
	struct CXUnsavedFile unsaved = { path, text, len };

	if (unit->tu && !strcmp(unit->path, path) &&
	    clang_reparseTranslationUnit(unit->tu, 1, &unsaved,
			clang_defaultReparseOptions(unit->tu)) == 0)
		return lf_frontend_diagnostics(unit->tu, path, errors);
	/* A unit whose reparse failed can only be disposed of. */
	lf_frontend_unit_clear(unit);
	unit->path = strdup(path);
	if (!unit->path) {
		lf_frontend_fail(errors, path, "out of memory");
		return -1;
	}
	return lf_frontend_clang(unit->index, path, text, len, options,
		errors, CXTranslationUnit_PrecompiledPreamble |
		CXTranslationUnit_CreatePreambleOnFirstParse, &unit->tu);
}

/* lf_frontend_parse_errors, reparsing the unit that "unit" keeps when
 * it is of the same file.  The options must be those of the unit's
 * first parse.
 */
__isl_give struct lf_file *lf_frontend_unit_parse(
	__isl_keep struct lf_frontend_unit *unit, isl_ctx *ctx,
	__isl_keep const char *path, __isl_keep const char *text,
	unsigned len, __isl_keep const struct lf_frontend_options *options,
	__isl_keep struct lf_parse_errors *errors)
{
	int n = lf_frontend_unit_update(unit, path, text, len, options,
					errors);
	struct lf_file *file;

	file = lf_frontend_build(ctx, unit->tu, n, path, text, len, options,
				 errors);
	if (file && options->inline_calls)
		lf_frontend_expand(ctx, unit->index, file, options);
	return file;
}

/* lf_frontend_parse_errors, with the errors printed to "err" only.
 */
__isl_give struct lf_file *lf_frontend_parse(isl_ctx *ctx,
	__isl_keep const char *path, __isl_keep const char *text, unsigned len,
	__isl_keep const struct lf_frontend_options *options, FILE *err)
{
	struct lf_parse_errors errors = { err, 0, 0, NULL, 0, 0 };

	return lf_frontend_parse_errors(ctx, path, text, len, options,
					&errors);
}
