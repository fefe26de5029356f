/* SPDX-License-Identifier: MIT */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lf_build.h"
#include "lf_grow.h"

/* Model of one loop nest: its loops, its statements with their domains,
 * original schedule positions, iterator occurrences and accesses.
 */

struct lf_nest_ctx {
	int nest;
	int pos[LF_MAX_DEPTH + 1];
	int n_items;
};

static int lf_nest_body(__isl_keep struct lf_builder *b,
	__isl_keep struct lf_nest_ctx *nc, CXCursor c,
	__isl_keep isl_set *domain, int depth);

static int lf_nest_new_stmt(__isl_keep struct lf_builder *b)
{
	struct lf_run *run = b->run;

	if (LF_GROW(run->stmts, run->n_stmt) < 0)
		return -1;
	memset(&run->stmts[run->n_stmt], 0, sizeof(struct lf_stmt));
	return run->n_stmt++;
}

static int lf_nest_new_loop(__isl_keep struct lf_builder *b, int nest,
	int depth)
{
	struct lf_run *run = b->run;
	struct lf_loop *loop;

	if (LF_GROW(run->loops, run->n_loop) < 0)
		return -1;
	loop = &run->loops[run->n_loop];
	memset(loop, 0, sizeof(*loop));
	loop->nest = nest;
	loop->depth = depth;
	loop->parent = depth > 0 ? b->iters[depth - 1].loop : -1;
	return run->n_loop++;
}

struct lf_subst_walk {
	struct lf_builder *b;
	struct lf_stmt *stmt;
	int failed;
};

static int lf_nest_add_subst(__isl_keep struct lf_subst_walk *w,
	unsigned offset, unsigned len, int level)
{
	struct lf_stmt *stmt = w->stmt;
	struct lf_subst *subst;

	if (LF_GROW(stmt->subst, stmt->n_subst) < 0)
		return -1;
	subst = stmt->subst;
	subst[stmt->n_subst].offset = offset;
	subst[stmt->n_subst].len = len;
	subst[stmt->n_subst].level = level;
	subst[stmt->n_subst].in_macro = lf_src_in_expansion(w->b->src, offset);
	stmt->n_subst++;
	return 0;
}

/* Does "text", where an identifier "name" is, spell it with a backslash
 * (a line splice or a universal character name) rather than as a macro
 * argument or expansion?
 */
static int lf_nest_is_spliced(__isl_keep const char *text,
	__isl_keep const char *name)
{
	size_t k = 0;

	while (name[k] && text[k] == name[k])
		k++;
	return text[k] == '\\';
}

/* An occurrence of an iterator of the statement's loops: it must be
 * spelled in the statement's own text (not inside a macro body), as its
 * name, to be replaceable.
 */
static int lf_nest_subst_ref(__isl_keep struct lf_subst_walk *w, CXCursor c)
{
	struct lf_builder *b = w->b;
	char *usr, *name;
	int level, r = 0;
	unsigned offset;
	CXFile file;
	size_t len;

	usr = lf_cursor_usr(clang_getCursorReferenced(c));
	if (!usr)
		return -1;
	level = lf_build_iter_level(b, usr);
	free(usr);
	if (level < 0 || level >= w->stmt->depth)
		return 0;
	name = lf_cursor_name(c);
	if (!name)
		return -1;
	len = strlen(name);
	clang_getFileLocation(clang_getCursorLocation(c), &file, NULL, NULL,
			      &offset);
	if (!file || !clang_File_isEqual(file, b->main_file) ||
	    offset < w->stmt->begin || offset + len > w->stmt->end)
		r = lf_build_fail_at(b, c, LF_WHY_ITER_IN_MACRO, name);
	else if (lf_src_in_hash_macro(b->src, offset))
		r = lf_build_fail_at(b, c, LF_WHY_ITER_HASHED, name);
	else if (strncmp(b->file->text + offset, name, len))
		r = lf_build_fail_at(b, c, lf_nest_is_spliced(b->file->text +
				     offset, name) ? LF_WHY_ITER_SPLICED :
				     LF_WHY_ITER_IN_MACRO, name);
	else
		r = lf_nest_add_subst(w, offset, len, level);
	free(name);
	return r;
}

static enum CXChildVisitResult lf_nest_subst_visit(CXCursor c,
	CXCursor parent, CXClientData data)
{
	struct lf_subst_walk *w = data;

	if (clang_getCursorKind(c) == CXCursor_DeclRefExpr &&
	    lf_nest_subst_ref(w, c) < 0) {
		w->failed = 1;
		return CXChildVisit_Break;
	}
	return CXChildVisit_Recurse;
}

static int lf_nest_cmp_subst(const void *a, const void *b)
{
	const struct lf_subst *x = a, *y = b;

	return x->offset < y->offset ? -1 : x->offset > y->offset;
}

/* A macro argument used twice in the macro's body is one occurrence in
 * the text: keep one of the sorted occurrences at each offset.
 */
static void lf_nest_unique_subst(__isl_keep struct lf_stmt *stmt)
{
	int i, k = 0;

	for (i = 0; i < stmt->n_subst; ++i)
		if (k == 0 || stmt->subst[k - 1].offset != stmt->subst[i].offset)
			stmt->subst[k++] = stmt->subst[i];
	stmt->n_subst = k;
}

static int lf_nest_collect_subst(__isl_keep struct lf_builder *b,
	__isl_keep struct lf_stmt *stmt, CXCursor c)
{
	struct lf_subst_walk w = { b, stmt, 0 };

	if (clang_getCursorKind(c) == CXCursor_DeclRefExpr)
		lf_nest_subst_visit(c, c, &w);
	else
		clang_visitChildren(c, &lf_nest_subst_visit, &w);
	if (w.failed)
		return -1;
	/* qsort wants a valid pointer even for zero elements. */
	if (stmt->n_subst > 0)
		qsort(stmt->subst, stmt->n_subst, sizeof(struct lf_subst),
		      &lf_nest_cmp_subst);
	lf_nest_unique_subst(stmt);
	return 0;
}

/* Add "name" to the names of the statement (see lf_model.h), once.
 */
static int lf_nest_add_name(__isl_keep struct lf_stmt *stmt,
	__isl_keep const char *name)
{
	int i;

	for (i = 0; i < stmt->n_name; ++i)
		if (!strcmp(stmt->names[i], name))
			return 0;
	if (LF_GROW(stmt->names, stmt->n_name) < 0)
		return -1;
	stmt->names[stmt->n_name] = strdup(name);
	return stmt->names[stmt->n_name++] ? 0 : -1;
}

/* An identifier token of the statement's text, unless it is one of its
 * iterators that gets replaced.
 */
static int lf_nest_token_name(__isl_keep const char *name, unsigned offset,
	void *user)
{
	struct lf_stmt *stmt = user;
	int k;

	for (k = 0; k < stmt->n_subst; ++k)
		if (stmt->subst[k].offset == offset)
			return 0;
	return lf_nest_add_name(stmt, name);
}

struct lf_name_walk {
	struct lf_builder *b;
	struct lf_stmt *stmt;
	int failed;
};

/* The name of what a reference in the statement refers to, or of what
 * it declares: through a macro, "GX" may refer to a global "x".  Its
 * own iterators are replaced, so their names do not count.
 */
static enum CXChildVisitResult lf_nest_name_visit(CXCursor c,
	CXCursor parent, CXClientData data)
{
	struct lf_name_walk *w = data;
	enum CXCursorKind kind = clang_getCursorKind(c);
	CXCursor decl = c;
	char *usr, *name;
	int level;

	if (kind == CXCursor_DeclRefExpr || kind == CXCursor_TypeRef)
		decl = clang_getCursorReferenced(c);
	else if (kind != CXCursor_VarDecl)
		return CXChildVisit_Recurse;
	usr = lf_cursor_usr(decl);
	level = usr ? lf_build_iter_level(w->b, usr) : -1;
	free(usr);
	if (level >= 0 && level < w->stmt->depth)
		return CXChildVisit_Recurse;
	name = lf_cursor_name(decl);
	if (!name || (name[0] && lf_nest_add_name(w->stmt, name) < 0))
		w->failed = 1;
	free(name);
	return w->failed ? CXChildVisit_Break : CXChildVisit_Recurse;
}

/* Every name the statement spells, refers to or declares.
 */
static int lf_nest_collect_names(__isl_keep struct lf_builder *b,
	__isl_keep struct lf_stmt *stmt, CXCursor c)
{
	struct lf_name_walk w = { b, stmt, 0 };

	if (lf_src_each_ident(b->src, stmt->begin, stmt->end,
			      &lf_nest_token_name, stmt) < 0)
		return -1;
	lf_nest_name_visit(c, c, &w);
	if (!w.failed)
		clang_visitChildren(c, &lf_nest_name_visit, &w);
	return w.failed ? -1 : 0;
}

static int lf_nest_stmt_fill(__isl_keep struct lf_builder *b,
	__isl_keep struct lf_nest_ctx *nc, CXCursor c,
	__isl_keep isl_set *domain, int depth, int compound)
{
	struct lf_stmt *stmt;
	char name[32];
	int i, s;

	s = lf_nest_new_stmt(b);
	if (s < 0)
		return -1;
	stmt = &b->run->stmts[s];
	snprintf(name, sizeof(name), "S%d", s);
	stmt->name = strdup(name);
	stmt->nest = nc->nest;
	stmt->depth = depth;
	stmt->is_compound = compound;
	stmt->loops = malloc((depth + 1) * sizeof(int));
	stmt->pos = malloc((depth + 1) * sizeof(int));
	if (!stmt->name || !stmt->loops || !stmt->pos)
		return -1;
	for (i = 0; i < depth; ++i)
		stmt->loops[i] = b->iters[i].loop;
	nc->pos[depth] = nc->n_items++;
	memcpy(stmt->pos, nc->pos, (depth + 1) * sizeof(int));
	if (lf_build_range(b, c, &stmt->begin, &stmt->end) < 0)
		return lf_build_fail_at(b, c, LF_WHY_NOT_MAIN_FILE, NULL);
	stmt->end = lf_src_stmt_end(b->src, stmt->end);
	if (!compound && !lf_src_ends_with(b->src, stmt->end, ';'))
		return lf_build_fail_at(b, c, LF_WHY_MACRO_SEMICOLON, NULL);
	stmt->loc = lf_file_loc(b->file, stmt->begin);
	stmt->domain = isl_set_coalesce(isl_set_set_tuple_name(
		isl_set_copy(domain), name));
	return stmt->domain ? s : -1;
}

/* A statement: an expression statement, or (compound) a block with
 * declarations or an if with a condition that is not affine.
 */
static int lf_nest_stmt(__isl_keep struct lf_builder *b,
	__isl_keep struct lf_nest_ctx *nc, CXCursor c,
	__isl_keep isl_set *domain, int depth, int compound)
{
	int s, r, n_internal = b->n_internal;

	s = lf_nest_stmt_fill(b, nc, c, domain, depth, compound);
	if (s < 0)
		return -1;
	b->stmt = s;
	b->stmt_depth = depth;
	b->cur_dom = isl_set_copy(domain);
	b->may = compound;
	b->in_compound = compound;
	if (compound)
		r = lf_access_walk_stmt(b, c);
	else
		r = lf_access_walk_expr(b, c, LF_MODE_READ);
	isl_set_free(b->cur_dom);
	b->cur_dom = NULL;
	b->may = b->in_compound = 0;
	while (b->n_internal > n_internal)
		free(b->internal[--b->n_internal]);
	if (r < 0 || lf_nest_collect_subst(b, &b->run->stmts[s], c) < 0)
		return -1;
	return lf_nest_collect_names(b, &b->run->stmts[s], c);
}

static int lf_nest_has_decl(CXCursor block)
{
	CXCursor *ch;
	int i, n, found = 0;

	n = lf_cursor_children(block, &ch);
	for (i = 0; i < n; ++i)
		if (clang_getCursorKind(ch[i]) == CXCursor_DeclStmt)
			found = 1;
	free(ch);
	return found;
}

/* A loop of the nest: its header, then its body at depth + 1.
 */
static int lf_nest_loop(__isl_keep struct lf_builder *b,
	__isl_keep struct lf_nest_ctx *nc, CXCursor c,
	__isl_keep isl_set *outer, int depth)
{
	struct lf_nest_ctx inner;
	isl_set *domain;
	CXCursor body;
	int loop, r;

	loop = lf_nest_new_loop(b, nc->nest, depth);
	if (loop < 0)
		return -1;
	if (lf_loop_header(b, c, outer, loop, &domain, &body) < 0)
		return -1;
	if (depth > 0)
		nc->pos[depth] = nc->n_items++;
	inner = *nc;
	inner.n_items = 0;
	r = lf_nest_body(b, &inner, body, domain, depth + 1);
	isl_set_free(domain);
	lf_loop_pop(b);
	return r;
}

/* An if with an affine condition restricts the domains below it; any
 * other if is a compound statement.
 */
static int lf_nest_if(__isl_keep struct lf_builder *b,
	__isl_keep struct lf_nest_ctx *nc, CXCursor c,
	__isl_keep isl_set *domain, int depth)
{
	CXCursor *ch;
	isl_set *cond, *part;
	int n, r = 0;

	n = lf_cursor_children(c, &ch);
	cond = n >= 2 ? lf_affine_cond(b, ch[0], domain) : NULL;
	if (!cond) {
		free(ch);
		lf_reason_free(b->reason);
		b->reason = NULL;
		return lf_nest_stmt(b, nc, c, domain, depth, 1);
	}
	cond = isl_set_intersect(cond, isl_set_copy(domain));
	part = isl_set_copy(cond);
	r = lf_nest_body(b, nc, ch[1], part, depth);
	isl_set_free(part);
	if (r == 0 && n == 3) {
		part = isl_set_subtract(isl_set_copy(domain),
					isl_set_copy(cond));
		r = lf_nest_body(b, nc, ch[2], part, depth);
		isl_set_free(part);
	}
	isl_set_free(cond);
	free(ch);
	return r;
}

static int lf_nest_item(__isl_keep struct lf_builder *b,
	__isl_keep struct lf_nest_ctx *nc, CXCursor c,
	__isl_keep isl_set *domain, int depth)
{
	enum CXCursorKind kind = clang_getCursorKind(c);

	if (kind == CXCursor_ForStmt)
		return lf_nest_loop(b, nc, c, domain, depth);
	if (kind == CXCursor_IfStmt)
		return lf_nest_if(b, nc, c, domain, depth);
	if (kind == CXCursor_CompoundStmt || kind == CXCursor_NullStmt)
		return lf_nest_body(b, nc, c, domain, depth);
	if (clang_isExpression(kind))
		return lf_nest_stmt(b, nc, c, domain, depth, 0);
	return lf_access_walk_stmt(b, c);
}

/* The statements of a loop body (or of a branch of an affine if) in
 * order.  A block that declares variables is a single compound
 * statement, so that its locals stay private to one iteration.
 */
static int lf_nest_body(__isl_keep struct lf_builder *b,
	__isl_keep struct lf_nest_ctx *nc, CXCursor c,
	__isl_keep isl_set *domain, int depth)
{
	CXCursor *ch;
	int i, n, r = 0;

	if (clang_getCursorKind(c) == CXCursor_NullStmt)
		return 0;
	if (clang_getCursorKind(c) != CXCursor_CompoundStmt)
		return lf_nest_item(b, nc, c, domain, depth);
	if (lf_nest_has_decl(c))
		return lf_nest_stmt(b, nc, c, domain, depth, 1);
	n = lf_cursor_children(c, &ch);
	for (i = 0; i < n && r == 0; ++i)
		r = lf_nest_item(b, nc, ch[i], domain, depth);
	free(ch);
	return r;
}

/* The number of outer loops that enclose every statement of the nest
 * (the loops that fusion may share with other nests), and the depth of
 * the deepest statement.
 */
static void lf_nest_depths(__isl_keep struct lf_run *run,
	__isl_keep struct lf_nest *nest)
{
	struct lf_stmt *stmts = run->stmts + nest->first_stmt;
	int i, p;

	nest->depth = 0;
	for (i = 0; i < nest->n_stmt; ++i)
		if (stmts[i].depth > nest->depth)
			nest->depth = stmts[i].depth;
	for (p = 0; nest->n_stmt > 0; ++p) {
		for (i = 0; i < nest->n_stmt; ++i)
			if (stmts[i].depth <= p ||
			    stmts[i].loops[p] != stmts[0].loops[p])
				break;
		if (i < nest->n_stmt)
			break;
	}
	nest->perfect_depth = p;
}

/* Drop what a failed nest left behind.
 */
static void lf_nest_rollback(__isl_keep struct lf_builder *b,
	__isl_keep struct lf_nest *nest, int n_access)
{
	struct lf_run *run = b->run;

	while (run->n_stmt > nest->first_stmt)
		lf_stmt_clear(&run->stmts[--run->n_stmt]);
	while (run->n_access > n_access)
		lf_access_clear(&run->accesses[--run->n_access]);
	lf_delin_rollback(b, n_access);
	while (run->n_loop > nest->first_loop)
		lf_loop_clear(&run->loops[--run->n_loop]);
	while (b->n_iter > 0)
		lf_loop_pop(b);
}

/* The nest must be spelled in the file as a for statement, with no
 * preprocessor directive inside and no expansion of __LINE__ or
 * __COUNTER__, whose values change when the code moves.
 */
static int lf_nest_check_text(__isl_keep struct lf_builder *b,
	__isl_keep struct lf_nest *nest)
{
	unsigned at;
	int r;

	if (lf_src_in_expansion(b->src, nest->begin))
		return lf_build_fail(b, nest->begin, LF_WHY_MACRO_LOOP, NULL,
				     NULL);
	if (lf_src_directive(b->src, nest->begin, nest->end, &at))
		return lf_build_fail(b, at, LF_WHY_DIRECTIVE, NULL, NULL);
	r = lf_src_uses_line(b->src, nest->begin, nest->end, &at);
	if (r < 0)
		return -1;
	if (r)
		return lf_build_fail(b, at, LF_WHY_LINE_MACRO, NULL, NULL);
	return 0;
}

/* Build nest number "index" of the run from the for statement for_c.
 * A nest that cannot be modeled becomes opaque, with the reason.
 * Returns -1 only on internal errors.
 */
int lf_nest_build(__isl_keep struct lf_builder *b, CXCursor for_c, int index)
{
	struct lf_run *run = b->run;
	struct lf_nest *nest = &run->nests[index];
	struct lf_nest_ctx nc;
	int n_access = run->n_access, r;
	isl_set *universe;

	memset(&nc, 0, sizeof(nc));
	nc.nest = index;
	nc.pos[0] = index;
	nest->first_stmt = run->n_stmt;
	nest->first_loop = run->n_loop;
	b->reason = NULL;
	b->nest = for_c;
	r = lf_nest_check_text(b, nest);
	if (r == 0) {
		universe = isl_set_universe(isl_space_set_alloc(b->ctx, 0, 0));
		r = lf_nest_loop(b, &nc, for_c, universe, 0);
		isl_set_free(universe);
	}
	if (r < 0 && !b->reason && isl_ctx_last_error(b->ctx) == isl_error_quota)
		lf_build_fail(b, nest->begin, LF_WHY_TOO_COMPLEX, NULL, NULL);
	isl_ctx_reset_error(b->ctx);
	isl_ctx_reset_operations(b->ctx);
	if (r < 0 && !b->reason)
		return -1;
	if (r < 0) {
		lf_nest_rollback(b, nest, n_access);
		nest->opaque = b->reason;
		b->reason = NULL;
	}
	nest->n_stmt = run->n_stmt - nest->first_stmt;
	nest->n_loop = run->n_loop - nest->first_loop;
	if (!nest->opaque)
		lf_nest_depths(run, nest);
	return 0;
}
