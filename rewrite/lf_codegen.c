/* SPDX-License-Identifier: MIT */
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
#include "lf_fit.h"
#include "lf_grow.h"
#include "lf_names.h"
#include "lf_print.h"

/* Code generation for one fused group: isl's AST generator scans the
 * group's schedule; every statement is printed from its own source
 * text with its iterators replaced by the expressions the generated
 * loops compute for them.
 */

/* The state of generating one group's code.  wide, guard and the fit
 * of the attempt under way (see lf_codegen_group); cast holds, per
 * size, its text in wide code.
 */
struct lf_codegen {
	struct lf_file *file;
	struct lf_plan *plan;
	struct lf_names names;
	const char *newline;
	int *parallel;
	char *parallel_pragma;
	const struct lf_codegen_options *options;
	int wide;
	isl_set *guard;
	int orig;
	int group;
	struct lf_fit *fit;
	char **cast;
	struct lf_print_expr_style expr_style;
};

static int lf_ident_char(char c)
{
	return isalnum((unsigned char) c) || c == '_';
}

static __isl_keep const char *lf_codegen_iterator_type(__isl_keep isl_id *id,
	void *user)
{
	struct lf_codegen *cg = user;
	int p = lf_names_find(&cg->names, isl_id_get_name(id));

	return p >= 0 ? cg->names.type[p] : "int";
}

/* In wide code, a size is printed converted to long long.
 */
static __isl_keep const char *lf_codegen_id_text(__isl_keep isl_id *id,
	void *user)
{
	struct lf_codegen *cg = user;
	struct lf_run *run = cg->plan->run;
	const char *name = isl_id_get_name(id);
	int i;

	for (i = 0; cg->wide && name && i < run->n_param; ++i)
		if (!strcmp(run->params[i].name, name))
			return cg->cast[i];
	return NULL;
}

static int lf_codegen_is_atom(__isl_keep const char *s)
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
static int lf_codegen_stands_alone(__isl_keep const char *text, unsigned begin,
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

/* The text of the value of iterator "level" of "stmt" that "call" gives:
 * converted to the iterator's type where the expression has another,
 * so that the statement computes as it did, and parenthesized unless
 * it stands "alone".
 */
static __isl_give char *lf_codegen_arg(__isl_keep struct lf_codegen *cg,
	__isl_keep struct lf_stmt *stmt, __isl_keep isl_ast_expr *call,
	int level, int alone)
{
	isl_ast_expr *arg = isl_ast_expr_op_get_arg(call, 1 + level);
	struct lf_loop *loop = &cg->plan->run->loops[stmt->loops[level]];
	struct lf_range r;
	struct lf_buf buf;
	char *s;
	int same;

	lf_buf_init(&buf);
	if (!arg || lf_range_eval(lf_fit_env(cg->fit), arg, &r) < 0 ||
	    lf_print_expr_styled(&cg->expr_style, &buf, arg) < 0) {
		isl_ast_expr_free(arg);
		lf_buf_free(&buf);
		return NULL;
	}
	same = r.min && r.type.bits == loop->type.bits &&
	       r.type.is_signed == loop->type.is_signed;
	lf_range_clear(&r);
	isl_ast_expr_free(arg);
	s = lf_buf_take(&buf);
	if (s && !same) {
		lf_buf_printf(&buf, lf_codegen_is_atom(s) ? "(%s)%s" :
			      "(%s)(%s)", loop->iter_type, s);
		free(s);
		s = lf_buf_take(&buf);
		alone = 1;
	}
	if (s && !alone && !lf_codegen_is_atom(s)) {
		lf_buf_printf(&buf, "(%s)", s);
		free(s);
		s = lf_buf_take(&buf);
	}
	return s;
}

/* The white space that starts the line "offset" is on.
 */
static void lf_codegen_line_indent(__isl_keep const char *text, unsigned offset,
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

/* Is "offset" inside a token of the run that spans lines?
 */
static int lf_codegen_in_long_token(__isl_keep struct lf_run *run,
	unsigned offset)
{
	int i;

	for (i = 0; i < run->n_long_token; ++i)
		if (offset > run->long_tokens[i].begin &&
		    offset < run->long_tokens[i].end)
			return 1;
	return 0;
}

/* Append text[p, q) of the run with later lines moved from the
 * statement's original indentation to "indent", but for lines inside a
 * token (a string continued with a backslash) whose text that would
 * change.
 */
static void lf_codegen_add_text(__isl_keep struct lf_buf *out,
	__isl_keep struct lf_run *run, __isl_keep const char *text, unsigned p,
	unsigned q, __isl_keep const char *old, size_t n_old,
	__isl_keep const char *indent)
{
	while (p < q) {
		const char *nl = memchr(text + p, '\n', q - p);
		unsigned e = nl ? (unsigned) (nl - text) + 1 : q;

		lf_buf_add(out, text + p, e - p);
		p = e;
		if (!nl || p >= q || lf_codegen_in_long_token(run, p))
			continue;
		if (q - p >= n_old && !strncmp(text + p, old, n_old)) {
			lf_buf_add_str(out, indent);
			p += n_old;
		}
	}
}

/* Append the text of the run at [begin, end), which starts a line
 * after the run's indentation, with its later lines one level deeper:
 * the original code in the else branch of a check.
 */
int lf_codegen_add_deeper(struct lf_buf *out, struct lf_file *file,
	struct lf_run *run, unsigned begin, unsigned end)
{
	struct lf_buf indent;

	lf_buf_init(&indent);
	lf_buf_printf(&indent, "%s%s", run->indent, run->indent_unit);
	if (indent.failed)
		return -1;
	lf_buf_add_str(out, indent.data);
	lf_codegen_add_text(out, run, file->text, begin, end, run->indent,
			    strlen(run->indent), indent.data);
	lf_buf_free(&indent);
	return out->failed ? -1 : 0;
}

/* Is "array" one of the arrays contracted to a scalar?
 */
static int lf_codegen_contracted(__isl_keep struct lf_codegen *cg, int array)
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
static int lf_codegen_next_contracted(__isl_keep struct lf_codegen *cg,
	__isl_keep struct lf_stmt *stmt, unsigned from, unsigned *begin,
	unsigned *end, const char **name)
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
static int lf_codegen_print_stmt(__isl_keep struct lf_codegen *cg,
	__isl_keep struct lf_buf *out, __isl_keep struct lf_stmt *stmt,
	__isl_keep isl_ast_expr *call, __isl_keep const char *indent)
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
			lf_codegen_add_text(out, cg->plan->run, text, p, cb,
					    text + ib, ie - ib, indent);
			lf_buf_add_str(out, name);
			p = ce;
			while (k < stmt->n_subst && stmt->subst[k].offset < ce)
				k++;
			have = lf_codegen_next_contracted(cg, stmt, p, &cb,
							  &ce, &name);
			continue;
		}
		arg = lf_codegen_arg(cg, stmt, call, sub->level,
			!sub->in_macro && lf_codegen_stands_alone(text,
				stmt->begin, stmt->end, sub->offset, sub->len));
		lf_codegen_add_text(out, cg->plan->run, text, p, sub->offset,
				    text + ib, ie - ib, indent);
		if (!arg)
			r = -1;
		else
			lf_buf_add_str(out, arg);
		free(arg);
		p = sub->offset + sub->len;
		k++;
	}
	lf_codegen_add_text(out, cg->plan->run, text, p, stmt->end,
			    text + ib, ie - ib, indent);
	return r;
}

/* The statement that user node "node" prints, or NULL.
 */
static __isl_keep struct lf_stmt *lf_codegen_user_stmt(
	__isl_keep struct lf_run *run, __isl_keep isl_ast_node *node)
{
	isl_ast_expr *call = isl_ast_node_user_get_expr(node);
	isl_ast_expr *fn = isl_ast_expr_op_get_arg(call, 0);
	isl_id *id = isl_ast_expr_id_get_id(fn);
	struct lf_stmt *stmt;

	stmt = id ? lf_run_stmt_by_name(run, isl_id_get_name(id)) : NULL;
	isl_id_free(id);
	isl_ast_expr_free(fn);
	isl_ast_expr_free(call);
	return stmt;
}

static int lf_codegen_print_user(__isl_keep struct lf_buf *out,
	__isl_keep isl_ast_node *node, __isl_keep const char *indent,
	void *user)
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

/* The option "kind" (atomic or separate) for every dimension of a
 * schedule of "len" dimensions.  Atomic loops are one loop per
 * dimension and statement group, their bounds covering all its
 * statements: the code is shorter and isl builds it faster.  Separate
 * loops are split where the set of statements they run changes, so
 * that no statement needs a guard inside them.
 */
static __isl_give isl_union_map *lf_codegen_loops(
	__isl_keep isl_union_map *sched, int len, const char *kind)
{
	isl_ctx *ctx = isl_union_map_get_ctx(sched);
	isl_space *space;
	isl_map *option;

	space = isl_space_set_alloc(ctx, 0, len);
	option = isl_map_from_domain(isl_set_universe(space));
	option = isl_map_add_dims(option, isl_dim_out, 1);
	option = isl_map_set_tuple_name(option, isl_dim_out, kind);
	return isl_union_map_from_map(option);
}

/* The context the code is generated under: the sizes' types and the
 * constants' values as lower bounds (lf_run_loose_context), and the
 * guard of the attempt, if any.
 */
static __isl_give isl_set *lf_codegen_context(__isl_keep struct lf_codegen *cg)
{
	isl_set *context = lf_run_loose_context(cg->plan->run);

	if (cg->guard)
		context = isl_set_intersect(context, isl_set_copy(cg->guard));
	return context;
}

/* Does "node", a for loop, have no loop inside it but an if?
 */
struct lf_codegen_inner {
	int loops;
	int ifs;
};

static isl_bool lf_codegen_count(__isl_keep isl_ast_node *node, void *user)
{
	struct lf_codegen_inner *inner = user;
	enum isl_ast_node_type type = isl_ast_node_get_type(node);

	inner->loops += type == isl_ast_node_for;
	inner->ifs += type == isl_ast_node_if;
	return isl_bool_true;
}

static isl_bool lf_codegen_find_inner_guard(__isl_keep isl_ast_node *node,
	void *user)
{
	struct lf_codegen_inner inner = { 0, 0 };
	isl_ast_node *body;
	isl_stat r;

	if (isl_ast_node_get_type(node) != isl_ast_node_for)
		return isl_bool_true;
	body = isl_ast_node_for_get_body(node);
	r = isl_ast_node_foreach_descendant_top_down(body, &lf_codegen_count,
						     &inner);
	isl_ast_node_free(body);
	if (r < 0)
		return isl_bool_error;
	if (inner.loops == 0 && inner.ifs > 0)
		*(int *) user = 1;
	return isl_bool_true;
}

/* Does "tree" test a condition inside an innermost loop?  Such a guard
 * runs on every iteration and keeps the compiler from vectorizing it.
 */
static int lf_codegen_has_inner_guard(__isl_keep isl_ast_node *tree)
{
	int found = 0;

	if (isl_ast_node_foreach_descendant_top_down(tree,
			&lf_codegen_find_inner_guard, &found) < 0)
		return -1;
	return found;
}

static __isl_give isl_ast_node *lf_codegen_tree_with(
	__isl_keep struct lf_codegen *cg, int g, const char *kind)
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
	build = isl_ast_build_from_context(lf_codegen_context(cg));
	build = isl_ast_build_set_iterators(build, ids);
	build = isl_ast_build_set_options(build,
		lf_codegen_loops(sched, cg->names.len, kind));
	tree = isl_ast_build_node_from_schedule_map(build, sched);
	isl_ast_build_free(build);
	return tree;
}

/* The code of group g: atomic loops, unless a guard is left inside an
 * innermost loop (a shifted fusion's first and last iterations) and
 * separate loops peel it off; should those run out of isl's budget,
 * the atomic loops stay, and what is left to do gets a budget anew.
 */
static __isl_give isl_ast_node *lf_codegen_tree(
	__isl_keep struct lf_codegen *cg, int g)
{
	isl_ctx *ctx = isl_set_get_ctx(cg->plan->run->context);
	isl_ast_node *tree, *split;
	int guard;

	tree = lf_codegen_tree_with(cg, g, "atomic");
	guard = tree ? lf_codegen_has_inner_guard(tree) : -1;
	if (guard <= 0)
		return guard < 0 ? isl_ast_node_free(tree) : tree;
	split = lf_codegen_tree_with(cg, g, "separate");
	if (!split) {
		isl_ctx_reset_error(ctx);
		isl_ctx_reset_operations(ctx);
		return tree;
	}
	guard = lf_codegen_has_inner_guard(split);
	if (guard != 0) {
		isl_ast_node_free(split);
		return guard < 0 ? isl_ast_node_free(tree) : tree;
	}
	isl_ast_node_free(tree);
	return split;
}

/* Does text[begin, end) end in a backslash, perhaps followed by white
 * space, that would join the next line to it?
 */
static int lf_codegen_ends_in_splice(__isl_keep const char *text,
	unsigned begin, unsigned end)
{
	while (end > begin && (text[end - 1] == ' ' || text[end - 1] == '\t'))
		end--;
	return end > begin && text[end - 1] == '\\';
}

/* Is [begin, end) inside a statement of group g?
 */
static int lf_codegen_in_stmt(__isl_keep struct lf_codegen *cg, int g,
	unsigned begin, unsigned end)
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
static void lf_codegen_comments(__isl_keep struct lf_codegen *cg, int g,
	unsigned begin, unsigned end, __isl_keep const char *indent,
	__isl_keep struct lf_buf *out)
{
	struct lf_run *run = cg->plan->run;
	const char *text = cg->file->text;
	int i;

	for (i = 0; i < run->n_comment; ++i) {
		struct lf_span *c = &run->comments[i];

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
static __isl_give isl_map *lf_codegen_times(__isl_keep struct lf_plan *plan,
	__isl_keep struct lf_deps *deps, __isl_keep isl_union_map *sched)
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
static int lf_codegen_parallel(__isl_keep struct lf_codegen *cg,
	__isl_keep struct lf_deps *deps, int g)
{
	isl_union_map *sched = lf_plan_schedule(cg->plan, g);
	isl_map *times;
	int p, k;

	cg->parallel = calloc(lf_plan_sched_len(cg->plan), sizeof(int));
	if (!sched || !cg->parallel) {
		isl_union_map_free(sched);
		return -1;
	}
	times = lf_codegen_times(cg->plan, deps, sched);
	isl_union_map_free(sched);
	for (p = 0; p < lf_plan_sched_len(cg->plan); ++p) {
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
static int lf_codegen_add_name(const char ***list, int *n,
	__isl_keep const char *name)
{
	int i;

	for (i = 0; i < *n; ++i)
		if (!strcmp((*list)[i], name))
			return 0;
	if (LF_GROW(*list, *n) < 0)
		return -1;
	(*list)[(*n)++] = name;
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
static __isl_give char *lf_codegen_parallel_pragma(
	__isl_keep struct lf_codegen *cg, __isl_keep isl_ast_node *node)
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

static __isl_keep const char *lf_codegen_loop_pragma(
	__isl_keep isl_ast_node *node, int in_parallel, void *user)
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

/* The sizes for which some statement of group g runs.
 */
static __isl_give isl_set *lf_codegen_runs(__isl_keep struct lf_plan *plan,
	int g)
{
	struct lf_run *run = plan->run;
	isl_set *runs = isl_set_empty(isl_set_get_space(run->context));
	int i;

	for (i = 0; i < run->n_stmt; ++i)
		if (plan->group[run->stmts[i].nest][0] == g)
			runs = isl_set_union(runs, isl_set_params(
				isl_set_copy(run->stmts[i].domain)));
	return runs;
}

/* The sizes for which some statement of group g may run, as a
 * condition to generate its code under, simplified in the context the
 * code is generated in; NULL if that is every size.  It is the simple
 * hull of the statements' conditions (n >= 1 and m >= 1 rather than
 * also n + m >= 3), which may let more sizes in than run a statement,
 * and which is computed without overflow where a sum of sizes is not.
 */
static __isl_give isl_set *lf_codegen_guard(__isl_keep struct lf_plan *plan,
	int g)
{
	struct lf_run *run = plan->run;
	isl_set *guard = lf_codegen_runs(plan, g);
	isl_bool all;

	guard = isl_set_gist(isl_set_from_basic_set(isl_set_simple_hull(guard)),
			     lf_run_loose_context(run));
	all = isl_set_plain_is_universe(guard);
	if (all < 0 || all)
		return isl_set_free(guard);
	return guard;
}

/* "guard" (the universe if NULL) with every size of unknown value at
 * most half its type's range from zero: the sizes real programs have.
 * Loops tiled or shifted over such sizes compute every bound in the
 * sizes' own types; the code for other sizes is the original's.  NULL
 * if no size is unknown, or no such sizes run the code.  Keeps "guard".
 */
static __isl_give isl_set *lf_codegen_bounded(__isl_keep struct lf_plan *plan,
	int g, __isl_keep isl_set *guard)
{
	struct lf_run *run = plan->run;
	isl_ctx *ctx = isl_set_get_ctx(run->context);
	isl_set *set = guard ? isl_set_copy(guard) :
		       isl_set_universe(isl_set_get_space(run->context));
	isl_val *two = isl_val_int_from_si(ctx, 2);
	isl_set *runs;
	isl_bool empty;
	int i, pos, n = 0;

	for (i = 0; i < run->n_param && set; ++i) {
		struct lf_param *param = &run->params[i];

		pos = isl_set_find_dim_by_name(set, isl_dim_param,
					       param->name);
		if (param->has_value || pos < 0)
			continue;
		n++;
		set = isl_set_upper_bound_val(set, isl_dim_param, pos,
			isl_val_floor(isl_val_div(lf_int_type_max(ctx,
				param->type), isl_val_copy(two))));
		if (param->type.is_signed)
			set = isl_set_lower_bound_val(set, isl_dim_param, pos,
				isl_val_ceil(isl_val_div(lf_int_type_min(ctx,
					param->type), isl_val_copy(two))));
	}
	isl_val_free(two);
	runs = isl_set_intersect(lf_codegen_runs(plan, g),
				 isl_set_copy(run->context));
	empty = isl_set_is_disjoint(set, runs);
	isl_set_free(runs);
	if (n == 0 || empty != isl_bool_false)
		return isl_set_free(set);
	return isl_set_gist(set, lf_run_loose_context(run));
}

/* The texts of the sizes in wide code: converted to long long.
 */
static int lf_codegen_casts(__isl_keep struct lf_codegen *cg)
{
	struct lf_run *run = cg->plan->run;
	struct lf_buf buf;
	int i;

	cg->cast = calloc(run->n_param + 1, sizeof(char *));
	if (!cg->cast)
		return -1;
	for (i = 0; i < run->n_param; ++i) {
		lf_buf_init(&buf);
		lf_buf_printf(&buf, "(long long)%s", run->params[i].name);
		cg->cast[i] = lf_buf_take(&buf);
		if (!cg->cast[i])
			return -1;
	}
	return 0;
}

/* One attempt at the code of group g: wide or not, within "guard" if it
 * is not NULL.  *tree gets the code and, with a guard, *cond the guard
 * as an expression and *cond_fit what it may compute.  Returns 1 if
 * every value the code computes fits its type, 0 if not, -1 on error.
 */
static int lf_codegen_attempt(__isl_keep struct lf_codegen *cg, int g, int wide,
	__isl_keep isl_set *guard, isl_ast_node **tree, isl_ast_expr **cond,
	struct lf_fit **cond_fit)
{
	isl_ast_build *build;
	int ok;

	lf_fit_free(cg->fit);
	cg->fit = NULL;
	lf_names_clear(&cg->names);
	cg->wide = wide;
	cg->guard = guard;
	if (lf_names_build(&cg->names, cg->file, cg->plan, g, wide) < 0)
		return -1;
	cg->fit = lf_fit_alloc(cg->plan, g, &cg->names, guard, wide);
	*tree = cg->fit ? lf_codegen_tree(cg, g) : NULL;
	ok = *tree ? lf_fit_tree(cg->fit, *tree) : -1;
	if (ok <= 0 || !guard)
		return ok;
	*cond_fit = lf_fit_alloc(cg->plan, g, &cg->names, NULL, wide);
	build = isl_ast_build_from_context(lf_run_loose_context(cg->plan->run));
	*cond = isl_ast_build_expr_from_set(build, isl_set_copy(guard));
	isl_ast_build_free(build);
	if (!*cond_fit || !*cond)
		return -1;
	return lf_fit_expr(*cond_fit, *cond);
}

/* " else {<the group's nests as written, at indent "inner">}" after
 * code for bounded sizes (lf_codegen_bounded).
 */
static void lf_codegen_print_orig(__isl_keep struct lf_codegen *cg,
	__isl_keep const char *base, __isl_keep const char *inner,
	__isl_keep struct lf_print_style *style, __isl_keep struct lf_buf *buf)
{
	struct lf_run *run = cg->plan->run;
	int first = 0, n = lf_plan_group_size(cg->plan, cg->group, &first);

	lf_buf_printf(buf, " else {%s%s", style->newline, inner);
	lf_codegen_add_text(buf, run, cg->file->text, run->nests[first].begin,
			    run->nests[first + n - 1].end, run->indent,
			    strlen(run->indent), inner);
	lf_buf_printf(buf, "%s%s}", style->newline, base);
}

/* Print "tree" where the style says, inside "if (cond) { ... }" when
 * there is a guard, followed by the original nests when the guard only
 * bounds the sizes.
 */
static __isl_give char *lf_codegen_print(__isl_keep struct lf_codegen *cg,
	__isl_keep isl_ast_node *tree, __isl_keep isl_ast_expr *cond,
	__isl_keep struct lf_fit *cond_fit,
	__isl_keep struct lf_print_style *style)
{
	struct lf_print_expr_style es = cg->expr_style;
	const char *base = style->indent;
	struct lf_buf buf, indent;
	char *code;

	if (!cond)
		return lf_print_ast(tree, style);
	es.ranges = lf_fit_env(cond_fit);
	lf_buf_init(&indent);
	lf_buf_printf(&indent, "%s%s", style->indent, style->indent_unit);
	lf_buf_init(&buf);
	lf_buf_add_str(&buf, "if (");
	if (lf_print_expr_styled(&es, &buf, cond) < 0 || indent.failed) {
		lf_buf_free(&buf);
		lf_buf_free(&indent);
		return NULL;
	}
	lf_buf_printf(&buf, ") {%s%s", style->newline, indent.data);
	style->indent = indent.data;
	code = lf_print_ast(tree, style);
	lf_buf_printf(&buf, "%s%s%s}", code ? code : "", style->newline,
		      base);
	if (cg->orig)
		lf_codegen_print_orig(cg, base, indent.data, style, &buf);
	style->indent = base;
	free(code);
	lf_buf_free(&indent);
	if (!code) {
		lf_buf_free(&buf);
		return NULL;
	}
	return lf_buf_take(&buf);
}

/* Generate group g's code in the first way whose every value fits its
 * type: the loops in their users' types, then under a guard, then for
 * sizes at most half their types' ranges (the original nests for the
 * others), then in long long, then that under a guard; print it with
 * "style".  Narrow code is tried first: a loop in long long whose
 * subscripts convert back keeps compilers from vectorizing it.  NULL if no way fits
 * (*overflow is set then) or on error.
 */
static __isl_give char *lf_codegen_fitted(__isl_keep struct lf_codegen *cg,
	int g, __isl_keep struct lf_print_style *style, int *overflow)
{
	isl_set *guard = lf_codegen_guard(cg->plan, g);
	isl_set *bounded = lf_codegen_bounded(cg->plan, g, guard);
	/* wide, then which guard: none, the sizes that run, bounded. */
	static const int ways[][2] = {
		{ 0, 0 }, { 0, 1 }, { 0, 2 }, { 1, 0 }, { 1, 1 } };
	char *code = NULL;
	unsigned k;
	int ok = 0;

	cg->group = g;
	for (k = 0; k < sizeof(ways) / sizeof(ways[0]) && ok == 0; ++k) {
		isl_set *use = ways[k][1] == 1 ? guard :
			       ways[k][1] == 2 ? bounded : NULL;
		isl_ast_node *tree = NULL;
		isl_ast_expr *cond = NULL;
		struct lf_fit *cond_fit = NULL;

		/* The nests as written need the arrays a contraction
		 * drops.
		 */
		if ((ways[k][1] && !use) ||
		    (ways[k][1] == 2 && cg->options->n_contracted > 0))
			continue;
		cg->orig = ways[k][1] == 2;
		ok = lf_codegen_attempt(cg, g, ways[k][0], use, &tree, &cond,
					&cond_fit);
		if (ok > 0) {
			cg->expr_style.ranges = lf_fit_env(cg->fit);
			code = lf_codegen_print(cg, tree, cond, cond_fit,
						style);
		}
		isl_ast_node_free(tree);
		isl_ast_expr_free(cond);
		lf_fit_free(cond_fit);
	}
	cg->guard = NULL;
	isl_set_free(guard);
	isl_set_free(bounded);
	*overflow = ok == 0;
	return code;
}

static void lf_codegen_clear(__isl_keep struct lf_codegen *cg)
{
	int i;

	for (i = 0; cg->cast && i < cg->plan->run->n_param; ++i)
		free(cg->cast[i]);
	free(cg->cast);
	lf_fit_free(cg->fit);
	lf_names_clear(&cg->names);
	free(cg->parallel);
	free(cg->parallel_pragma);
}

/* The text that replaces the nests of top-level group g, or NULL; then
 * *overflow says whether that is because no way of generating it
 * computes every value in its type.
 */
__isl_give char *lf_codegen_group(__isl_keep struct lf_file *file,
	__isl_keep struct lf_plan *plan, __isl_keep struct lf_deps *deps, int g,
	__isl_keep const struct lf_codegen_options *options, int *overflow)
{
	struct lf_codegen cg;
	struct lf_print_style style;
	struct lf_buf out, indent;
	char *code = NULL;
	struct lf_run *run = plan->run;
	int first = 0, n;

	memset(&cg, 0, sizeof(cg));
	cg.file = file;
	cg.plan = plan;
	cg.newline = file->crlf ? "\r\n" : "\n";
	cg.options = options;
	cg.expr_style.id_text = &lf_codegen_id_text;
	cg.expr_style.user = &cg;
	*overflow = 0;
	n = lf_plan_group_size(plan, g, &first);
	lf_buf_init(&out);
	lf_buf_init(&indent);
	lf_buf_printf(&indent, "%s%s", run->indent,
		      options->deeper ? run->indent_unit : "");
	if (n < 1 || indent.failed || lf_codegen_casts(&cg) < 0 ||
	    (options->openmp && lf_codegen_parallel(&cg, deps, g) < 0))
		goto done;
	style.indent = indent.data;
	style.indent_unit = run->indent_unit;
	style.newline = cg.newline;
	style.print_user = &lf_codegen_print_user;
	style.iterator_type = &lf_codegen_iterator_type;
	style.loop_pragma = options->openmp ? &lf_codegen_loop_pragma : NULL;
	style.user = &cg;
	style.expr_style = &cg.expr_style;
	code = lf_codegen_fitted(&cg, g, &style, overflow);
	if (!code)
		goto done;
	lf_codegen_comments(&cg, g, run->nests[first].begin,
			    run->nests[first + n - 1].end, indent.data, &out);
	lf_buf_add_str(&out, code);
	free(code);
	code = lf_buf_take(&out);
done:
	lf_buf_free(&indent);
	lf_buf_free(&out);
	lf_codegen_clear(&cg);
	return code;
}
