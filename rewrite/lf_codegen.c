#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <isl/ast.h>
#include <isl/ast_build.h>
#include <isl/id.h>
#include <isl/set.h>
#include <isl/space.h>
#include <isl/val.h>

#include "lf_buf.h"
#include "lf_codegen.h"
#include "lf_print.h"

/* Code generation for one fused group: isl's AST generator scans the
 * group's schedule; every statement is printed from its own source
 * text with its iterators replaced by the expressions the generated
 * loops compute for them.
 */

struct lf_names {
	int len;
	char **name;
	const char **type;
	int n_used;
	char **used;
};

struct lf_codegen {
	struct lf_file *file;
	struct lf_plan *plan;
	struct lf_names names;
	const char *newline;
	int *parallel;
	char *parallel_pragma;
	const struct lf_codegen_options *options;
};

static void lf_names_clear(struct lf_names *names)
{
	int i;

	for (i = 0; i < names->len; ++i)
		free(names->name[i]);
	for (i = 0; i < names->n_used; ++i)
		free(names->used[i]);
	free(names->name);
	free(names->type);
	free(names->used);
}

static int lf_ident_char(char c)
{
	return isalnum((unsigned char) c) || c == '_';
}

static int lf_names_has(char **list, int n, const char *name)
{
	int i;

	for (i = 0; i < n; ++i)
		if (list[i] && !strcmp(list[i], name))
			return 1;
	return 0;
}

static int lf_names_add_used(struct lf_names *names, const char *s, size_t n)
{
	char **used;

	used = realloc(names->used, (names->n_used + 1) * sizeof(char *));
	if (!used)
		return -1;
	names->used = used;
	used[names->n_used] = strndup(s, n);
	return used[names->n_used++] ? 0 : -1;
}

/* The identifiers that the group's statements use other than their
 * iterators: no generated loop may take one of their names.
 */
static int lf_names_collect_used(struct lf_codegen *cg, int g)
{
	struct lf_run *run = cg->plan->run;
	const char *text = cg->file->text;
	int i, k;

	for (i = 0; i < run->n_stmt; ++i) {
		struct lf_stmt *stmt = &run->stmts[i];
		unsigned p = stmt->begin, q;

		if (cg->plan->group[stmt->nest][0] != g)
			continue;
		for (k = 0; p < stmt->end; ) {
			if (k < stmt->n_subst && p == stmt->subst[k].offset) {
				p += stmt->subst[k++].len;
				continue;
			}
			if (!lf_ident_char(text[p])) {
				p++;
				continue;
			}
			for (q = p; q < stmt->end && lf_ident_char(text[q]); ++q)
				;
			if (!isdigit((unsigned char) text[p]) &&
			    lf_names_add_used(&cg->names, text + p, q - p) < 0)
				return -1;
			p = q;
		}
	}
	return 0;
}

static int lf_names_taken(struct lf_codegen *cg, const char *name, int fresh)
{
	struct lf_names *names = &cg->names;

	if (lf_names_has(names->used, names->n_used, name) ||
	    lf_names_has(names->name, names->len, name))
		return 1;
	return fresh && lf_file_has_ident(cg->file, name);
}

/* "base" if it is free, else base_2, base_3, ...
 */
static char *lf_names_fresh(struct lf_codegen *cg, const char *base,
	int fresh)
{
	char buf[256];
	int k;

	snprintf(buf, sizeof(buf), "%s", base);
	for (k = 2; lf_names_taken(cg, buf, fresh); ++k)
		snprintf(buf, sizeof(buf), "%.200s_%d", base, k);
	return strdup(buf);
}

static int lf_type_is_unsigned(const char *type)
{
	return strstr(type, "unsigned") || !strcmp(type, "size_t");
}

/* An iterator declared before its loop is assigned, not redeclared.
 */
static int lf_names_is_outside(struct lf_run *run, const char *name)
{
	int i;

	for (i = 0; i < run->n_loop; ++i)
		if (run->loops[i].iter_outside &&
		    !strcmp(run->loops[i].iter, name))
			return 1;
	return 0;
}

/* Name and type of the loop at schedule position p, after the first
 * statement of the group that has a loop there.
 */
static int lf_names_pick(struct lf_codegen *cg, int g, int p,
	struct lf_term *terms, int len)
{
	struct lf_plan *plan = cg->plan;
	struct lf_run *run = plan->run;
	struct lf_names *names = &cg->names;
	struct lf_loop *loop = NULL;
	char base[256];
	int i, tile = 0;

	for (i = 0; i < run->n_stmt && !loop; ++i) {
		struct lf_stmt *stmt = &run->stmts[i];

		if (plan->group[stmt->nest][0] != g)
			continue;
		lf_plan_terms(plan, stmt, terms, len);
		if (terms[p].level < 0)
			continue;
		loop = &run->loops[stmt->loops[terms[p].level]];
		tile = terms[p].div > 1;
	}
	if (!loop) {
		snprintf(base, sizeof(base), "lf_c%d", p);
		names->name[p] = strdup(base);
		names->type[p] = "int";
		return names->name[p] ? 0 : -1;
	}
	snprintf(base, sizeof(base), "%s%s", loop->iter, tile ? "t" : "");
	names->name[p] = lf_names_fresh(cg, base, tile);
	if (!names->name[p])
		return -1;
	names->type[p] = loop->iter_type;
	if (lf_type_is_unsigned(loop->iter_type))
		names->type[p] = "long";
	if (!tile && lf_names_is_outside(run, names->name[p]))
		names->type[p] = NULL;
	return 0;
}

static int lf_names_build(struct lf_codegen *cg, int g)
{
	struct lf_names *names = &cg->names;
	struct lf_term terms[LF_SCHED_MAX_LEN];
	int p;

	names->len = lf_plan_sched_len(cg->plan);
	names->name = calloc(names->len, sizeof(char *));
	names->type = calloc(names->len, sizeof(char *));
	if (!names->name || !names->type || lf_names_collect_used(cg, g) < 0)
		return -1;
	for (p = 0; p < names->len; ++p)
		if (lf_names_pick(cg, g, p, terms, names->len) < 0)
			return -1;
	return 0;
}

static const char *lf_codegen_iterator_type(__isl_keep isl_id *id,
	void *user)
{
	struct lf_codegen *cg = user;
	const char *name = isl_id_get_name(id);
	int p;

	for (p = 0; p < cg->names.len; ++p)
		if (name && !strcmp(cg->names.name[p], name))
			return cg->names.type[p];
	return "int";
}

static int lf_codegen_is_atom(const char *s)
{
	size_t i;

	if (!s[0])
		return 0;
	if (isdigit((unsigned char) s[0])) {
		for (i = 0; s[i]; ++i)
			if (!isdigit((unsigned char) s[i]))
				return 0;
		return 1;
	}
	for (i = 0; s[i]; ++i)
		if (!lf_ident_char(s[i]))
			return 0;
	return 1;
}

/* Does the iterator at text[offset, offset + len) stand alone between
 * brackets, parentheses or commas, so that its replacement needs no
 * parentheses of its own?
 */
static int lf_codegen_stands_alone(const char *text, unsigned begin,
	unsigned end, unsigned offset, unsigned len)
{
	unsigned p = offset, q = offset + len;

	while (p > begin && (text[p - 1] == ' ' || text[p - 1] == '\t'))
		p--;
	while (q < end && (text[q] == ' ' || text[q] == '\t'))
		q++;
	return p > begin && q < end && strchr("[(,", text[p - 1]) &&
	       strchr("])", text[q]) && text[q] != '\0';
}

static char *lf_codegen_arg(__isl_keep isl_ast_expr *call, int k,
	int alone)
{
	isl_ast_expr *arg = isl_ast_expr_op_get_arg(call, k);
	struct lf_buf buf;
	char *s;

	lf_buf_init(&buf);
	if (!arg || lf_print_expr(&buf, arg) < 0) {
		isl_ast_expr_free(arg);
		lf_buf_free(&buf);
		return NULL;
	}
	isl_ast_expr_free(arg);
	s = lf_buf_take(&buf);
	if (s && !alone && !lf_codegen_is_atom(s)) {
		lf_buf_printf(&buf, "(%s)", s);
		free(s);
		s = lf_buf_take(&buf);
	}
	return s;
}

/* The white space that starts the line "offset" is on.
 */
static void lf_codegen_line_indent(const char *text, unsigned offset,
	unsigned *begin, unsigned *end)
{
	unsigned b = offset, e;

	while (b > 0 && text[b - 1] != '\n')
		b--;
	for (e = b; e < offset && (text[e] == ' ' || text[e] == '\t'); ++e)
		;
	*begin = b;
	*end = e;
}

/* Append text[p, q) with later lines moved from the statement's original
 * indentation to "indent".
 */
static void lf_codegen_add_text(struct lf_buf *out, const char *text,
	unsigned p, unsigned q, const char *old, size_t n_old,
	const char *indent)
{
	while (p < q) {
		const char *nl = memchr(text + p, '\n', q - p);
		unsigned e = nl ? (unsigned) (nl - text) + 1 : q;

		lf_buf_add(out, text + p, e - p);
		p = e;
		if (!nl || p >= q)
			break;
		if (q - p >= n_old && !strncmp(text + p, old, n_old)) {
			lf_buf_add_str(out, indent);
			p += n_old;
		}
	}
}

/* Is "array" one of the arrays contracted to a scalar?
 */
static int lf_codegen_contracted(struct lf_codegen *cg, int array)
{
	int i;

	for (i = 0; i < cg->options->n_contracted; ++i)
		if (cg->options->contracted[i] == array)
			return 1;
	return 0;
}

/* The first access of "stmt" at or after "from" to a contracted array:
 * its byte range, or 0 if there is none.
 */
static int lf_codegen_next_contracted(struct lf_codegen *cg,
	struct lf_stmt *stmt, unsigned from, unsigned *begin, unsigned *end,
	const char **name)
{
	struct lf_run *run = cg->plan->run;
	int a, found = 0;

	for (a = 0; a < stmt->n_access; ++a) {
		struct lf_access *acc = &run->accesses[stmt->accesses[a]];

		if (acc->loc.offset < from || !lf_codegen_contracted(cg,
							acc->array))
			continue;
		if (found && acc->loc.offset >= *begin)
			continue;
		*begin = acc->loc.offset;
		*end = acc->loc.offset + strlen(acc->text);
		*name = run->arrays[acc->array].name;
		found = 1;
	}
	return found;
}

/* Print the statement's text with its iterators replaced by "call"'s
 * arguments and the accesses to contracted arrays by the arrays' names.
 */
static int lf_codegen_print_stmt(struct lf_codegen *cg, struct lf_buf *out,
	struct lf_stmt *stmt, __isl_keep isl_ast_expr *call,
	const char *indent)
{
	const char *text = cg->file->text, *name = NULL;
	unsigned p = stmt->begin, ib, ie, cb = 0, ce = 0;
	int k = 0, r = 0, have;

	lf_codegen_line_indent(text, stmt->begin, &ib, &ie);
	have = lf_codegen_next_contracted(cg, stmt, p, &cb, &ce, &name);
	while (r == 0 && (k < stmt->n_subst || have)) {
		struct lf_subst *sub = k < stmt->n_subst ? &stmt->subst[k] : NULL;
		char *arg;

		if (have && (!sub || cb <= sub->offset)) {
			lf_codegen_add_text(out, text, p, cb, text + ib,
					    ie - ib, indent);
			lf_buf_add_str(out, name);
			p = ce;
			while (k < stmt->n_subst && stmt->subst[k].offset < ce)
				k++;
			have = lf_codegen_next_contracted(cg, stmt, p, &cb,
							  &ce, &name);
			continue;
		}
		arg = lf_codegen_arg(call, 1 + sub->level,
			lf_codegen_stands_alone(text, stmt->begin, stmt->end,
						sub->offset, sub->len));
		lf_codegen_add_text(out, text, p, sub->offset, text + ib,
				    ie - ib, indent);
		if (!arg)
			r = -1;
		else
			lf_buf_add_str(out, arg);
		free(arg);
		p = sub->offset + sub->len;
		k++;
	}
	lf_codegen_add_text(out, text, p, stmt->end, text + ib, ie - ib,
			    indent);
	return r;
}

/* The statement that user node "node" prints, or NULL.
 */
static struct lf_stmt *lf_codegen_user_stmt(struct lf_run *run,
	__isl_keep isl_ast_node *node)
{
	isl_ast_expr *call = isl_ast_node_user_get_expr(node);
	isl_ast_expr *fn = isl_ast_expr_op_get_arg(call, 0);
	isl_id *id = isl_ast_expr_id_get_id(fn);
	int s = id ? atoi(isl_id_get_name(id) + 1) : -1;

	isl_id_free(id);
	isl_ast_expr_free(fn);
	isl_ast_expr_free(call);
	return s >= 0 && s < run->n_stmt ? &run->stmts[s] : NULL;
}

static int lf_codegen_print_user(struct lf_buf *out,
	__isl_keep isl_ast_node *node, const char *indent, void *user)
{
	struct lf_codegen *cg = user;
	struct lf_stmt *stmt = lf_codegen_user_stmt(cg->plan->run, node);
	isl_ast_expr *call;
	int r;

	if (!stmt)
		return -1;
	call = isl_ast_node_user_get_expr(node);
	r = lf_codegen_print_stmt(cg, out, stmt, call, indent);
	isl_ast_expr_free(call);
	return r;
}

/* Generate every loop "atomic": one loop per dimension and statement
 * group, its bounds covering all its statements, instead of separate
 * loops for every combination of guards.  The code is shorter and
 * isl builds it faster.
 */
static __isl_give isl_union_map *lf_codegen_atomic(
	__isl_keep isl_union_map *sched, int len)
{
	isl_ctx *ctx = isl_union_map_get_ctx(sched);
	isl_space *space;
	isl_map *atomic;

	space = isl_space_set_alloc(ctx, 0, len);
	atomic = isl_map_from_domain(isl_set_universe(space));
	atomic = isl_map_add_dims(atomic, isl_dim_out, 1);
	atomic = isl_map_set_tuple_name(atomic, isl_dim_out, "atomic");
	return isl_union_map_from_map(atomic);
}

static __isl_give isl_ast_node *lf_codegen_tree(struct lf_codegen *cg,
	int g)
{
	isl_ctx *ctx = isl_set_get_ctx(cg->plan->run->context);
	isl_ast_build *build;
	isl_id_list *ids;
	isl_union_map *sched;
	isl_ast_node *tree;
	int p;

	sched = lf_plan_schedule(cg->plan, g);
	ids = isl_id_list_alloc(ctx, cg->names.len);
	for (p = 0; p < cg->names.len; ++p)
		ids = isl_id_list_add(ids,
			isl_id_alloc(ctx, cg->names.name[p], NULL));
	build = isl_ast_build_from_context(lf_run_loose_context(cg->plan->run));
	build = isl_ast_build_set_iterators(build, ids);
	build = isl_ast_build_set_options(build,
		lf_codegen_atomic(sched, cg->names.len));
	tree = isl_ast_build_node_from_schedule_map(build, sched);
	isl_ast_build_free(build);
	return tree;
}

/* Does text[begin, end) end in a backslash, perhaps followed by white
 * space, that would join the next line to it?
 */
static int lf_codegen_ends_in_splice(const char *text, unsigned begin,
	unsigned end)
{
	while (end > begin && (text[end - 1] == ' ' || text[end - 1] == '\t'))
		end--;
	return end > begin && text[end - 1] == '\\';
}

/* Is [begin, end) inside a statement of group g?
 */
static int lf_codegen_in_stmt(struct lf_codegen *cg, int g, unsigned begin,
	unsigned end)
{
	struct lf_run *run = cg->plan->run;
	int i;

	for (i = 0; i < run->n_stmt; ++i)
		if (cg->plan->group[run->stmts[i].nest][0] == g &&
		    begin >= run->stmts[i].begin && end <= run->stmts[i].end)
			return 1;
	return 0;
}

/* The comments in [begin, end) outside the group's statements, which
 * the rewrite would otherwise drop; each is followed by a line break.
 * A line comment ends at the line break, which the comment itself may
 * continue with a backslash: then an empty line ends it instead of the
 * code after it.
 */
static void lf_codegen_comments(struct lf_codegen *cg, int g,
	unsigned begin, unsigned end, const char *indent, struct lf_buf *out)
{
	struct lf_run *run = cg->plan->run;
	const char *text = cg->file->text;
	int i;

	for (i = 0; i < run->n_comment; ++i) {
		struct lf_range *c = &run->comments[i];

		if (c->begin < begin || c->end > end ||
		    lf_codegen_in_stmt(cg, g, c->begin, c->end))
			continue;
		lf_buf_add(out, text + c->begin, c->end - c->begin);
		if (c->end - c->begin >= 2 && text[c->begin + 1] == '/' &&
		    lf_codegen_ends_in_splice(text, c->begin, c->end))
			lf_buf_add_str(out, cg->newline);
		lf_buf_add_str(out, cg->newline);
		lf_buf_add_str(out, indent);
	}
}

/* { time(source) -> time(sink) } for every dependence inside group g.
 */
static __isl_give isl_map *lf_codegen_times(struct lf_plan *plan,
	struct lf_deps *deps, __isl_keep isl_union_map *sched)
{
	isl_union_map *dep, *times;
	isl_bool empty;
	int k;

	dep = isl_union_map_copy(deps->untagged[0]);
	for (k = 1; k < LF_DEP_N; ++k)
		dep = isl_union_map_union(dep,
			isl_union_map_copy(deps->untagged[k]));
	times = isl_union_map_apply_range(dep, isl_union_map_copy(sched));
	times = isl_union_map_apply_domain(times, isl_union_map_copy(sched));
	empty = isl_union_map_is_empty(times);
	if (empty < 0 || empty) {
		isl_union_map_free(times);
		return NULL;
	}
	return isl_map_from_union_map(times);
}

/* Do all pairs of "m" have equal values of dimension p?
 */
static isl_bool lf_codegen_all_equal(__isl_keep isl_map *m, int p)
{
	isl_map *lt, *gt;
	isl_bool empty;

	lt = isl_map_order_lt(isl_map_copy(m), isl_dim_in, p, isl_dim_out, p);
	empty = isl_map_is_empty(lt);
	isl_map_free(lt);
	if (empty <= 0)
		return empty;
	gt = isl_map_order_gt(isl_map_copy(m), isl_dim_in, p, isl_dim_out, p);
	empty = isl_map_is_empty(gt);
	isl_map_free(gt);
	return empty;
}

/* Which schedule dimensions carry no dependence, given equal values of
 * the dimensions before them: their loops may run in parallel.
 */
static int lf_codegen_parallel(struct lf_codegen *cg, struct lf_deps *deps,
	int g)
{
	isl_union_map *sched = lf_plan_schedule(cg->plan, g);
	isl_map *times;
	int p, k;

	cg->parallel = calloc(cg->names.len, sizeof(int));
	if (!sched || !cg->parallel) {
		isl_union_map_free(sched);
		return -1;
	}
	times = lf_codegen_times(cg->plan, deps, sched);
	isl_union_map_free(sched);
	for (p = 0; p < cg->names.len; ++p) {
		isl_map *m = times ? isl_map_copy(times) : NULL;
		isl_bool empty = isl_bool_true;

		for (k = 0; m && k < p; ++k)
			m = isl_map_equate(m, isl_dim_in, k, isl_dim_out, k);
		if (m)
			empty = lf_codegen_all_equal(m, p);
		isl_map_free(m);
		if (empty < 0) {
			isl_map_free(times);
			return -1;
		}
		cg->parallel[p] = empty;
	}
	isl_map_free(times);
	return 0;
}

static isl_bool lf_codegen_find_for(__isl_keep isl_ast_node *node, void *user)
{
	if (isl_ast_node_get_type(node) == isl_ast_node_for)
		*(int *) user = 1;
	return isl_bool_true;
}

/* Append "name" to the n names in *list unless it is there.
 */
static int lf_codegen_add_name(const char ***list, int *n, const char *name)
{
	const char **more;
	int i;

	for (i = 0; i < *n; ++i)
		if (!strcmp((*list)[i], name))
			return 0;
	more = realloc(*list, (*n + 1) * sizeof(char *));
	if (!more)
		return -1;
	*list = more;
	more[(*n)++] = name;
	return 0;
}

struct lf_private {
	struct lf_codegen *cg;
	const char **names;
	int n;
	int failed;
};

/* Collect the variables declared before the run that "node" assigns
 * as loop iterators: a generated loop that reuses such an iterator, and
 * the loops inside a compound statement.
 */
static isl_bool lf_codegen_collect_private(__isl_keep isl_ast_node *node,
	void *user)
{
	struct lf_private *priv = user;
	struct lf_run *run = priv->cg->plan->run;
	enum isl_ast_node_type type = isl_ast_node_get_type(node);
	struct lf_stmt *stmt;
	isl_ast_expr *it;
	isl_id *id;
	int k;

	if (type == isl_ast_node_for) {
		it = isl_ast_node_for_get_iterator(node);
		id = it ? isl_ast_expr_id_get_id(it) : NULL;
		if (!id || (lf_names_is_outside(run, isl_id_get_name(id)) &&
			    lf_codegen_add_name(&priv->names, &priv->n,
						isl_id_get_name(id)) < 0))
			priv->failed = 1;
		isl_id_free(id);
		isl_ast_expr_free(it);
	} else if (type == isl_ast_node_user) {
		stmt = lf_codegen_user_stmt(run, node);
		for (k = 0; stmt && k < stmt->n_outer_iter; ++k)
			if (lf_codegen_add_name(&priv->names, &priv->n,
						stmt->outer_iters[k]) < 0)
				priv->failed = 1;
	}
	return priv->failed ? isl_bool_error : isl_bool_true;
}

/* "omp parallel for" for loop "node", with a private clause for the
 * variables declared before the run that its body assigns as loop
 * iterators: shared, the threads would race on them.  The iterators of
 * the loops around it are only read inside and stay shared.
 */
static char *lf_codegen_parallel_pragma(struct lf_codegen *cg,
	__isl_keep isl_ast_node *node)
{
	struct lf_private priv = { cg, NULL, 0, 0 };
	isl_ast_node *body = isl_ast_node_for_get_body(node);
	struct lf_buf buf;
	int i;

	if (!body ||
	    isl_ast_node_foreach_descendant_top_down(body,
			&lf_codegen_collect_private, &priv) < 0)
		priv.failed = 1;
	isl_ast_node_free(body);
	lf_buf_init(&buf);
	lf_buf_add_str(&buf, "omp parallel for");
	for (i = 0; i < priv.n; ++i)
		lf_buf_printf(&buf, "%s%s", i ? ", " : " private(",
			      priv.names[i]);
	if (priv.n > 0)
		lf_buf_add_str(&buf, ")");
	free(priv.names);
	if (priv.failed) {
		lf_buf_free(&buf);
		return NULL;
	}
	return lf_buf_take(&buf);
}

static const char *lf_codegen_loop_pragma(__isl_keep isl_ast_node *node,
	int in_parallel, void *user)
{
	struct lf_codegen *cg = user;
	isl_ast_expr *it = isl_ast_node_for_get_iterator(node);
	isl_id *id = it ? isl_ast_expr_id_get_id(it) : NULL;
	const char *name = id ? isl_id_get_name(id) : NULL;
	isl_ast_node *body;
	int p, inner = 0;

	for (p = 0; name && p < cg->names.len; ++p)
		if (!strcmp(cg->names.name[p], name))
			break;
	isl_id_free(id);
	isl_ast_expr_free(it);
	if (!name || p >= cg->names.len || !cg->parallel[p])
		return NULL;
	if (!in_parallel) {
		free(cg->parallel_pragma);
		cg->parallel_pragma = lf_codegen_parallel_pragma(cg, node);
		return cg->parallel_pragma;
	}
	body = isl_ast_node_for_get_body(node);
	isl_ast_node_foreach_descendant_top_down(body, &lf_codegen_find_for,
						 &inner);
	isl_ast_node_free(body);
	return inner ? NULL : "omp simd";
}

/* The text that replaces the nests of top-level group g.
 */
char *lf_codegen_group(struct lf_file *file, struct lf_plan *plan,
	struct lf_deps *deps, int g, const struct lf_codegen_options *options)
{
	struct lf_codegen cg;
	struct lf_print_style style;
	struct lf_buf out;
	isl_ast_node *tree = NULL;
	char *code = NULL;
	struct lf_run *run = plan->run;
	int first = 0, n;

	memset(&cg, 0, sizeof(cg));
	cg.file = file;
	cg.plan = plan;
	cg.newline = file->crlf ? "\r\n" : "\n";
	cg.options = options;
	n = lf_plan_group_size(plan, g, &first);
	lf_buf_init(&out);
	if (n < 1 || lf_names_build(&cg, g) < 0)
		goto done;
	if (options->openmp && lf_codegen_parallel(&cg, deps, g) < 0)
		goto done;
	tree = lf_codegen_tree(&cg, g);
	if (!tree)
		goto done;
	style.indent = run->indent;
	style.indent_unit = run->indent_unit;
	style.newline = cg.newline;
	style.print_user = &lf_codegen_print_user;
	style.iterator_type = &lf_codegen_iterator_type;
	style.loop_pragma = options->openmp ? &lf_codegen_loop_pragma : NULL;
	style.user = &cg;
	code = lf_print_ast(tree, &style);
	if (!code)
		goto done;
	lf_codegen_comments(&cg, g, run->nests[first].begin,
			    run->nests[first + n - 1].end, run->indent, &out);
	lf_buf_add_str(&out, code);
	free(code);
	code = lf_buf_take(&out);
done:
	lf_buf_free(&out);
	isl_ast_node_free(tree);
	lf_names_clear(&cg.names);
	free(cg.parallel);
	free(cg.parallel_pragma);
	return code;
}
