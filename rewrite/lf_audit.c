#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <isl/aff.h>
#include <isl/ast.h>
#include <isl/ast_build.h>
#include <isl/id.h>
#include <isl/local_space.h>
#include <isl/map.h>
#include <isl/point.h>
#include <isl/set.h>
#include <isl/space.h>
#include <isl/union_map.h>
#include <isl/union_set.h>
#include <isl/val.h>

#include "lf_audit.h"
#include "lf_buf.h"
#include "lf_rewrite.h"

/* The audit asks the same questions as the planner, one pair of nests
 * at a time, and turns every answer into a rule, a sentence and the
 * locations a reader needs to act on it.
 */

/* One entry per enum lf_rule, in that order.  Ids are never reused or
 * renumbered: reports, CI filters and SARIF baselines refer to them.
 */
static const struct lf_rule_info lf_rules[LF_RULE_N] = {
	{ "LF001", "non-affine-subscript",
	  "a subscript is not an affine function of the loop iterators",
	  "Write the subscript as a sum of iterators and sizes times "
	  "constants, or compute the gathered values in a loop of their "
	  "own." },
	{ "LF002", "non-affine-bound",
	  "a loop bound, step or condition is not affine",
	  "Bound loops by affine expressions of outer iterators, "
	  "parameters and constants, with a constant step." },
	{ "LF003", "impure-call",
	  "a called function has side effects or is not visible",
	  "Make the function static and free of side effects in this "
	  "file, or move the call out of the loop nest." },
	{ "LF004", "io-call",
	  "a called function does input or output",
	  "Move the I/O out of the loop nest." },
	{ "LF005", "volatile",
	  "a volatile object is accessed",
	  "Read the volatile value once before the loops." },
	{ "LF006", "unsupported-control-flow",
	  "goto, break, continue, return or switch in a loop nest",
	  "Express the early exit as an affine loop bound or an if on "
	  "the data." },
	{ "LF007", "while-loop",
	  "a while or do-while loop in a loop nest",
	  "Use a for loop with an affine bound, or keep the nest apart." },
	{ "LF008", "may-alias",
	  "two pointers may point into the same memory",
	  "Declare the pointer parameters restrict, or run with "
	  "--assume-no-alias when they never overlap." },
	{ "LF009", "flow-dependence",
	  "fusion would read a value before it is written",
	  "The consumer reads elements the producer writes in later "
	  "iterations; change the access order or keep the nests apart." },
	{ "LF010", "anti-dependence",
	  "fusion would overwrite a value before it is read",
	  "The second nest overwrites elements the first still reads; "
	  "write to another array or keep the nests apart." },
	{ "LF011", "output-dependence",
	  "fusion would change the order of two writes",
	  "Both nests write the same elements; keep the nests apart." },
	{ "LF012", "too-complex",
	  "the analysis exceeded its budget",
	  "Split the function or simplify the bounds and subscripts." },
	{ "LF013", "unsupported-construct",
	  "a construct that the model does not describe",
	  "Use arrays with affine subscripts and scalars instead of "
	  "pointer arithmetic, dereferences and struct members." },
	{ "LF014", "iterator-misuse",
	  "a loop iterator is modified or used outside its loop",
	  "Only change the iterator in the loop's increment and use it "
	  "inside its loop." },
	{ "LF015", "preprocessor",
	  "a macro or preprocessor line inside the loop nest",
	  "Write the loops without macros that expand to statements, and "
	  "move preprocessor lines out of the nest." },
	{ "LF016", "unsupported-loop-form",
	  "a for loop that is not of the form for (i = lb; cond; step)",
	  "Initialise one integer iterator, bound it and step it by a "
	  "constant." },
	{ "LF017", "loop-mismatch",
	  "the nests have no loop they could share",
	  "Run both outer loops in the same direction." },
	{ "LF018", "analysis-failed",
	  "the analysis failed",
	  "Report the file to the loopfuse maintainers." },
	{ "LF100", "fusable",
	  "the nests can share their outer loops",
	  "Run loopfuse on the file to fuse them." },
	{ "LF101", "fusable-with-shift",
	  "the nests can share their outer loops if one runs behind",
	  "Run loopfuse on the file to fuse them with the shift." },
	{ "LF102", "fusion-group",
	  "nests that loopfuse fuses into one",
	  "Run loopfuse on the file to fuse them." },
	{ "LF103", "tiled-nest",
	  "a nest that loopfuse tiles on its own",
	  "Run loopfuse on the file to tile it." },
};

const struct lf_rule_info *lf_audit_rules(void)
{
	return lf_rules;
}

const char *lf_verdict_name(enum lf_verdict verdict)
{
	switch (verdict) {
	case LF_VERDICT_FUSABLE: return "fusable";
	case LF_VERDICT_FUSABLE_SHIFT: return "fusable-with-shift";
	case LF_VERDICT_ILLEGAL: return "illegal";
	case LF_VERDICT_NOT_ANALYSABLE: return "not-analysable";
	default: return "unknown";
	}
}

const char *lf_dep_kind_name(enum lf_dep_kind kind)
{
	switch (kind) {
	case LF_DEP_FLOW: return "flow";
	case LF_DEP_ANTI: return "anti";
	case LF_DEP_OUTPUT: return "output";
	case LF_DEP_ALIAS: return "may-alias";
	default: return "unknown";
	}
}

/* How the front end's reasons for an opaque nest map to rules: the
 * first entry whose text occurs in the reason (or equals it, for the
 * single words) decides.
 */
static const struct {
	const char *text;
	int whole;
	enum lf_rule rule;
} lf_reason_rules[] = {
	{ "subscript is not affine", 0, LF_RULE_SUBSCRIPT },
	{ "(I/O)", 0, LF_RULE_IO_CALL },
	{ "call to ", 0, LF_RULE_IMPURE_CALL },
	{ "too complex", 0, LF_RULE_TOO_COMPLEX },
	{ "volatile", 0, LF_RULE_VOLATILE },
	{ "while loop", 0, LF_RULE_WHILE },
	{ "goto", 1, LF_RULE_CONTROL_FLOW },
	{ "break", 1, LF_RULE_CONTROL_FLOW },
	{ "continue", 1, LF_RULE_CONTROL_FLOW },
	{ "return", 1, LF_RULE_CONTROL_FLOW },
	{ "switch", 1, LF_RULE_CONTROL_FLOW },
	{ "label", 1, LF_RULE_CONTROL_FLOW },
	{ "not an affine", 0, LF_RULE_BOUND },
	{ "does not bound", 0, LF_RULE_BOUND },
	{ "constant step", 0, LF_RULE_BOUND },
	{ "bound or subscript depends", 0, LF_RULE_BOUND },
	{ "preprocessor", 0, LF_RULE_PREPROCESSOR },
	{ "macro", 0, LF_RULE_PREPROCESSOR },
	{ "not in the main file", 0, LF_RULE_PREPROCESSOR },
	{ "iterator", 0, LF_RULE_ITERATOR },
	{ "loop initialisation", 0, LF_RULE_LOOP_FORM },
	{ "for loop without", 0, LF_RULE_LOOP_FORM },
	{ "nested too deeply", 0, LF_RULE_LOOP_FORM },
	{ "not an integer", 0, LF_RULE_BOUND },
	{ "analysis failed", 0, LF_RULE_FAILED },
};

enum lf_rule lf_audit_classify(const char *reason)
{
	size_t i, n = sizeof(lf_reason_rules) / sizeof(lf_reason_rules[0]);

	if (!reason)
		return LF_RULE_FAILED;
	for (i = 0; i < n; ++i) {
		const char *text = lf_reason_rules[i].text;

		if (lf_reason_rules[i].whole ? !strcmp(reason, text) :
		    strstr(reason, text) != NULL)
			return lf_reason_rules[i].rule;
	}
	return LF_RULE_CONSTRUCT;
}

static enum lf_rule lf_audit_dep_rule(enum lf_dep_kind kind)
{
	switch (kind) {
	case LF_DEP_FLOW: return LF_RULE_FLOW;
	case LF_DEP_ANTI: return LF_RULE_ANTI;
	case LF_DEP_OUTPUT: return LF_RULE_OUTPUT;
	default: return LF_RULE_MAY_ALIAS;
	}
}

/* Freeing. */

static void lf_audit_strs_free(char **strs, int n)
{
	int i;

	if (!strs)
		return;
	for (i = 0; i < n; ++i)
		free(strs[i]);
	free(strs);
}

static void lf_audit_ref_clear(struct lf_audit_ref *ref)
{
	free(ref->text);
	free(ref->array);
	free(ref->stmt);
	free(ref->target);
}

static void lf_audit_dep_clear(struct lf_audit_dep *dep)
{
	lf_audit_ref_clear(&dep->source);
	lf_audit_ref_clear(&dep->sink);
	free(dep->iteration);
	free(dep->example_source);
	free(dep->example_sink);
	free(dep->example_params);
	free(dep->relation);
	free(dep->text);
	lf_audit_strs_free(dep->distance, dep->n_distance);
	memset(dep, 0, sizeof(*dep));
}

static void lf_audit_reason_clear(struct lf_audit_reason *reason)
{
	free(reason->message);
	if (reason->has_dep)
		lf_audit_dep_clear(&reason->dep);
	memset(reason, 0, sizeof(*reason));
}

void lf_audit_group_clear(struct lf_audit_group *group)
{
	int i;

	for (i = 0; i < group->n_dep; ++i)
		lf_audit_dep_clear(&group->deps[i]);
	free(group->deps);
	lf_audit_strs_free(group->iters, group->depth);
	free(group->shift);
	free(group->summary);
	memset(group, 0, sizeof(*group));
}

static void lf_audit_pair_clear(struct lf_audit_pair *pair)
{
	free(pair->plan_reason);
	lf_audit_reason_clear(&pair->reason);
	if (pair->limit)
		lf_audit_reason_clear(pair->limit);
	free(pair->limit);
}

static void lf_audit_function_clear(struct lf_audit_function *fn)
{
	int i;

	free(fn->name);
	for (i = 0; i < fn->n_nest; ++i) {
		lf_audit_strs_free(fn->nests[i].iters, fn->nests[i].perfect);
		lf_audit_reason_clear(&fn->nests[i].reason);
	}
	free(fn->nests);
	for (i = 0; i < fn->n_pair; ++i)
		lf_audit_pair_clear(&fn->pairs[i]);
	free(fn->pairs);
	for (i = 0; i < fn->n_group; ++i)
		lf_audit_group_clear(&fn->groups[i]);
	free(fn->groups);
}

void lf_audit_free(struct lf_audit *audit)
{
	int i;

	if (!audit)
		return;
	for (i = 0; i < audit->n_function; ++i)
		lf_audit_function_clear(&audit->functions[i]);
	free(audit->functions);
	free(audit->path);
	free(audit);
}

/* Accesses and statements. */

static char *lf_audit_strdup(const char *s)
{
	return s ? strdup(s) : NULL;
}

/* The text of the first access that statement "stmt" writes, or NULL.
 */
static const char *lf_audit_stmt_target(struct lf_run *run,
	struct lf_stmt *stmt)
{
	int i;

	for (i = 0; i < stmt->n_access; ++i) {
		struct lf_access *acc = &run->accesses[stmt->accesses[i]];

		if (acc->kind != LF_ACCESS_READ)
			return acc->text;
	}
	return NULL;
}

static int lf_audit_ref_init(struct lf_audit_ref *ref, struct lf_run *run,
	int access, int base)
{
	struct lf_access *acc;
	struct lf_stmt *stmt;

	memset(ref, 0, sizeof(*ref));
	if (access < 0 || access >= run->n_access)
		return -1;
	acc = &run->accesses[access];
	stmt = &run->stmts[acc->stmt];
	ref->text = lf_audit_strdup(acc->text);
	ref->array = lf_audit_strdup(run->arrays[acc->array].name);
	ref->write = acc->kind != LF_ACCESS_READ;
	ref->loc = acc->loc;
	ref->stmt = lf_audit_strdup(stmt->name);
	ref->target = lf_audit_strdup(lf_audit_stmt_target(run, stmt));
	ref->stmt_loc = stmt->loc;
	ref->nest = base + stmt->nest;
	if (!ref->text || !ref->array || !ref->stmt)
		return -1;
	return 0;
}

/* Name the dimensions of "type" of "map" after the iterators of
 * statement "stmt"; a name that "other" uses in the same position gets
 * a prime, as isl would print it.
 */
static __isl_give isl_map *lf_audit_name_dims(__isl_take isl_map *map,
	enum isl_dim_type type, struct lf_run *run, struct lf_stmt *stmt,
	struct lf_stmt *other)
{
	char name[256];
	int l, j, clash;
	isl_size n = isl_map_dim(map, type);

	if (n < 0)
		return isl_map_free(map);
	for (l = 0; l < n && l < stmt->depth; ++l) {
		const char *iter = run->loops[stmt->loops[l]].iter;

		clash = 0;
		for (j = 0; other && j < other->depth; ++j)
			if (!strcmp(run->loops[other->loops[j]].iter, iter))
				clash = 1;
		snprintf(name, sizeof(name), "%s%s", iter, clash ? "'" : "");
		map = isl_map_set_dim_name(map, type, l, name);
	}
	return map;
}

/* Printing isl objects as C. */

static char *lf_audit_expr_str(__isl_take isl_pw_aff *pa,
	__isl_keep isl_set *dom)
{
	isl_ast_build *build;
	isl_ast_expr *expr;
	char *s;

	build = isl_ast_build_from_context(isl_set_copy(dom));
	expr = isl_ast_build_expr_from_pw_aff(build, pa);
	s = expr ? isl_ast_expr_to_C_str(expr) : NULL;
	isl_ast_expr_free(expr);
	isl_ast_build_free(build);
	return s;
}

/* "e" for one expression, "(e0, e1, ...)" for several.
 */
static char *lf_audit_multi_aff_str(__isl_keep isl_multi_aff *ma,
	__isl_keep isl_set *dom)
{
	struct lf_buf buf;
	isl_size n = isl_multi_aff_dim(ma, isl_dim_out);
	int i;

	if (n <= 0)
		return NULL;
	lf_buf_init(&buf);
	if (n > 1)
		lf_buf_add_char(&buf, '(');
	for (i = 0; i < n; ++i) {
		isl_aff *aff = isl_multi_aff_get_aff(ma, i);
		char *s = lf_audit_expr_str(isl_pw_aff_from_aff(aff), dom);

		if (!s)
			buf.failed = 1;
		lf_buf_printf(&buf, "%s%s", i ? ", " : "", s ? s : "");
		free(s);
	}
	if (n > 1)
		lf_buf_add_char(&buf, ')');
	return lf_buf_take(&buf);
}

struct lf_audit_piece {
	isl_set *within;
	isl_set *dom;
	isl_multi_aff *ma;
	int n;
};

/* Remember the piece of a function that applies on "within"; count the
 * pieces that do.
 */
static isl_stat lf_audit_piece_find(__isl_take isl_set *set,
	__isl_take isl_multi_aff *ma, void *user)
{
	struct lf_audit_piece *p = user;
	isl_bool disjoint = isl_set_is_disjoint(set, p->within);

	if (disjoint < 0 || disjoint) {
		isl_set_free(set);
		isl_multi_aff_free(ma);
		return disjoint < 0 ? isl_stat_error : isl_stat_ok;
	}
	p->n++;
	isl_set_free(p->dom);
	isl_multi_aff_free(p->ma);
	p->dom = set;
	p->ma = ma;
	return isl_stat_ok;
}

/* The single-valued "fn" (sink -> source instances) as C expressions
 * of the sink's iterators, if one piece of it covers "within".
 */
static char *lf_audit_fn_str(__isl_take isl_map *fn,
	__isl_keep isl_set *within)
{
	struct lf_audit_piece p = { within, NULL, NULL, 0 };
	isl_pw_multi_aff *pma = isl_pw_multi_aff_from_map(fn);
	isl_stat r;
	char *s = NULL;

	r = isl_pw_multi_aff_foreach_piece(pma, &lf_audit_piece_find, &p);
	if (r >= 0 && p.n == 1)
		s = lf_audit_multi_aff_str(p.ma, p.dom);
	isl_set_free(p.dom);
	isl_multi_aff_free(p.ma);
	isl_pw_multi_aff_free(pma);
	return s;
}

/* { sink instance -> source instance } for the instances of the two
 * accesses that touch the same element, over symbolic sizes.
 */
static __isl_give isl_map *lf_audit_same_element(struct lf_run *run,
	struct lf_access *src, struct lf_access *dst)
{
	isl_map *a, *b;

	a = isl_map_intersect_domain(isl_map_copy(src->rel),
		isl_set_copy(run->stmts[src->stmt].domain));
	b = isl_map_intersect_domain(isl_map_copy(dst->rel),
		isl_set_copy(run->stmts[dst->stmt].domain));
	return isl_map_apply_range(b, isl_map_reverse(a));
}

/* A function from sink to source instances that contains "rev" and is
 * written in the program's own sizes where possible: the instances of
 * the source access that touch the element the sink touches, or the
 * last of them (the value a read sees), checked against "rev".
 */
static __isl_give isl_map *lf_audit_symbolic(struct lf_run *run,
	struct lf_audit_dep *dep, int src, int dst, __isl_keep isl_map *rev)
{
	isl_map *fn;
	isl_bool sv, sub;

	fn = lf_audit_same_element(run, &run->accesses[src],
				   &run->accesses[dst]);
	sv = isl_map_is_single_valued(fn);
	if (sv == isl_bool_false && dep->kind != LF_DEP_ANTI) {
		fn = isl_map_lexmax(fn);
		sv = isl_map_is_single_valued(fn);
	}
	if (sv != isl_bool_true)
		return isl_map_free(fn);
	fn = isl_map_align_params(fn, isl_map_get_space(rev));
	fn = lf_audit_name_dims(fn, isl_dim_in, run,
		&run->stmts[run->accesses[dst].stmt], NULL);
	sub = isl_map_is_subset(rev, fn);
	if (sub != isl_bool_true)
		return isl_map_free(fn);
	return fn;
}

/* "i = 0, j = 3" for the n coordinates of "pnt" from "first" on, named
 * after the iterators of "stmt".
 */
static char *lf_audit_point_str(__isl_keep isl_point *pnt, int first,
	struct lf_run *run, struct lf_stmt *stmt)
{
	struct lf_buf buf;
	int l;

	lf_buf_init(&buf);
	for (l = 0; l < stmt->depth; ++l) {
		isl_val *v;
		char *s;

		v = isl_point_get_coordinate_val(pnt, isl_dim_set, first + l);
		s = v ? isl_val_to_str(v) : NULL;
		if (!s)
			buf.failed = 1;
		lf_buf_printf(&buf, "%s%s = %s", l ? ", " : "",
			      run->loops[stmt->loops[l]].iter, s ? s : "");
		free(s);
		isl_val_free(v);
	}
	return lf_buf_take(&buf);
}

static int lf_audit_param_known(struct lf_run *run, const char *name)
{
	int i;

	for (i = 0; name && i < run->n_param; ++i)
		if (!strcmp(run->params[i].name, name))
			return run->params[i].has_value;
	return 0;
}

/* "n = 3, m = 2" for the sizes of "pnt" that the program does not fix,
 * or NULL if it fixes them all.
 */
static char *lf_audit_point_params(__isl_keep isl_point *pnt,
	struct lf_run *run)
{
	isl_space *space = isl_point_get_space(pnt);
	isl_size n = isl_space_dim(space, isl_dim_param);
	struct lf_buf buf;
	int i, any = 0;

	lf_buf_init(&buf);
	for (i = 0; i < n; ++i) {
		const char *name = isl_space_get_dim_name(space,
							 isl_dim_param, i);
		isl_val *v;
		char *s;

		if (!name || lf_audit_param_known(run, name))
			continue;
		v = isl_point_get_coordinate_val(pnt, isl_dim_param, i);
		s = v ? isl_val_to_str(v) : NULL;
		if (!s)
			buf.failed = 1;
		lf_buf_printf(&buf, "%s%s = %s", any++ ? ", " : "", name,
			      s ? s : "");
		free(s);
		isl_val_free(v);
	}
	isl_space_free(space);
	if (!any) {
		lf_buf_free(&buf);
		return NULL;
	}
	return lf_buf_take(&buf);
}

/* One concrete pair of instances of "map" (source -> sink).
 */
static int lf_audit_dep_example(struct lf_audit_dep *dep,
	struct lf_run *run, struct lf_stmt *src, struct lf_stmt *dst,
	__isl_keep isl_map *map)
{
	isl_point *pnt;
	isl_bool void_pnt;

	pnt = isl_set_sample_point(isl_map_wrap(isl_map_copy(map)));
	void_pnt = isl_point_is_void(pnt);
	if (void_pnt < 0 || void_pnt) {
		isl_point_free(pnt);
		return void_pnt < 0 ? -1 : 0;
	}
	dep->example_source = lf_audit_point_str(pnt, 0, run, src);
	dep->example_sink = lf_audit_point_str(pnt, src->depth, run, dst);
	dep->example_params = lf_audit_point_params(pnt, run);
	isl_point_free(pnt);
	return dep->example_source && dep->example_sink ? 0 : -1;
}

/* The source iterations of "map" as C expressions of the sink's
 * iterators, in the program's own sizes where possible.
 */
static char *lf_audit_dep_iteration(struct lf_audit_dep *dep,
	struct lf_run *run, int src, int dst, __isl_keep isl_map *map)
{
	struct lf_stmt *sink = &run->stmts[run->accesses[dst].stmt];
	isl_map *rev, *fn;
	isl_set *within;
	isl_bool sv;
	char *s = NULL;

	rev = isl_map_reverse(isl_map_copy(map));
	rev = lf_audit_name_dims(rev, isl_dim_in, run, sink, NULL);
	within = isl_map_domain(isl_map_copy(rev));
	fn = lf_audit_symbolic(run, dep, src, dst, rev);
	if (fn)
		s = lf_audit_fn_str(fn, within);
	sv = s ? isl_bool_false : isl_map_is_single_valued(rev);
	if (sv == isl_bool_true)
		s = lf_audit_fn_str(isl_map_copy(rev), within);
	isl_set_free(within);
	isl_map_free(rev);
	return s;
}

/* The relation with the dimensions named after the iterators, the
 * sink's primed where they clash with the source's.
 */
static char *lf_audit_relation_str(struct lf_run *run, struct lf_stmt *src,
	struct lf_stmt *dst, __isl_keep isl_map *map)
{
	isl_map *named = isl_map_copy(map);
	char *s;

	named = lf_audit_name_dims(named, isl_dim_in, run, src, NULL);
	named = lf_audit_name_dims(named, isl_dim_out, run, dst, src);
	s = named ? isl_map_to_str(named) : NULL;
	isl_map_free(named);
	return s;
}

/* Describe the dependence "map" of kind "kind" from access "src" to
 * access "dst" of "run"; "base" is the index of the run's first nest
 * in its function.  The relation, iteration and example are left out
 * when isl cannot compute them within its budget.
 */
static int lf_audit_dep_init(struct lf_audit_dep *dep, struct lf_run *run,
	enum lf_dep_kind kind, int src, int dst, __isl_keep isl_map *map,
	int base)
{
	struct lf_stmt *s, *d;

	memset(dep, 0, sizeof(*dep));
	dep->kind = kind;
	if (lf_audit_ref_init(&dep->source, run, src, base) < 0 ||
	    lf_audit_ref_init(&dep->sink, run, dst, base) < 0)
		return -1;
	s = &run->stmts[run->accesses[src].stmt];
	d = &run->stmts[run->accesses[dst].stmt];
	dep->relation = lf_audit_relation_str(run, s, d, map);
	dep->iteration = lf_audit_dep_iteration(dep, run, src, dst, map);
	if (!dep->iteration)
		lf_audit_dep_example(dep, run, s, d, map);
	isl_ctx_reset_error(isl_set_get_ctx(run->context));
	return 0;
}

/* " by iteration N - 1 - i of the first loop", or with an example.
 */
static void lf_audit_add_iteration(struct lf_buf *buf,
	const struct lf_audit_dep *dep, const char *verb)
{
	if (dep->iteration) {
		lf_buf_printf(buf, " %s iteration %s of the first loop", verb,
			      dep->iteration);
		return;
	}
	lf_buf_printf(buf, " %s the first loop", verb);
	if (!dep->example_source)
		return;
	lf_buf_printf(buf, " (for example in its iteration %s, for iteration "
		      "%s of the second loop", dep->example_source,
		      dep->example_sink);
	if (dep->example_params)
		lf_buf_printf(buf, ", with %s", dep->example_params);
	lf_buf_add_char(buf, ')');
}

static void lf_audit_add_subject(struct lf_buf *buf,
	const struct lf_audit_ref *ref)
{
	if (ref->target)
		lf_buf_printf(buf, "%s at %u:%u", ref->target,
			      ref->stmt_loc.line, ref->stmt_loc.col);
	else
		lf_buf_printf(buf, "the statement at %u:%u",
			      ref->stmt_loc.line, ref->stmt_loc.col);
}

/* A sentence that says how fusion would break "dep"; "when" is "after
 * fusion" or "without the shift".
 */
static char *lf_audit_dep_sentence(const struct lf_audit_dep *dep,
	const char *when)
{
	const struct lf_audit_ref *src = &dep->source, *dst = &dep->sink;
	struct lf_buf buf;

	lf_buf_init(&buf);
	switch (dep->kind) {
	case LF_DEP_FLOW:
		lf_audit_add_subject(&buf, dst);
		lf_buf_printf(&buf, " reads %s, written at %u:%u", dst->text,
			      src->loc.line, src->loc.col);
		lf_audit_add_iteration(&buf, dep, "by");
		lf_buf_printf(&buf, ": %s it would be read before it is "
			      "written", when);
		break;
	case LF_DEP_ANTI:
		lf_buf_printf(&buf, "%s at %u:%u overwrites %s, read at %u:%u",
			      dst->text, dst->loc.line, dst->loc.col,
			      src->text, src->loc.line, src->loc.col);
		lf_audit_add_iteration(&buf, dep, "by");
		lf_buf_printf(&buf, ": %s it would be overwritten before it "
			      "is read", when);
		break;
	case LF_DEP_OUTPUT:
		lf_buf_printf(&buf, "%s at %u:%u writes %s, also written at "
			      "%u:%u", dst->text, dst->loc.line, dst->loc.col,
			      dst->array, src->loc.line, src->loc.col);
		lf_audit_add_iteration(&buf, dep, "by");
		lf_buf_printf(&buf, ": %s it would be written in a different "
			      "order", when);
		break;
	default:
		lf_buf_printf(&buf, "%s and %s may alias: add restrict or "
			      "--assume-no-alias (%s at %u:%u and %s at %u:%u)",
			      src->array, dst->array, src->text, src->loc.line,
			      src->loc.col, dst->text, dst->loc.line,
			      dst->loc.col);
		break;
	}
	return lf_buf_take(&buf);
}

/* Fusion groups. */

/* The number of loops nests a and b of one group share in "plan".
 */
static int lf_audit_plan_shared(struct lf_plan *plan, int a, int b)
{
	int l, n = 0;

	if (plan->group[a][0] != plan->group[b][0])
		return 0;
	for (l = 0; l < plan->levels[a] && l < plan->levels[b]; ++l) {
		if (l > 0 && plan->group[a][l] != plan->group[b][l])
			break;
		n = l + 1;
	}
	return n;
}

/* { S[i] -> [t_0, ..., t_{n-1}] }: the first n fused loops of "stmt",
 * each iterator in the loop's direction plus the nest's shift.
 */
static __isl_give isl_map *lf_audit_fused_time(struct lf_run *run,
	struct lf_stmt *stmt, const int *shift, int n)
{
	isl_space *space = isl_set_get_space(stmt->domain);
	isl_ctx *ctx = isl_space_get_ctx(space);
	isl_local_space *ls;
	isl_aff_list *list;
	int l;

	ls = isl_local_space_from_space(isl_space_copy(space));
	list = isl_aff_list_alloc(ctx, n);
	for (l = 0; l < n; ++l) {
		isl_aff *aff;

		aff = isl_aff_var_on_domain(isl_local_space_copy(ls),
					    isl_dim_set, l);
		aff = isl_aff_scale_val(aff, isl_val_int_from_si(ctx,
			run->loops[stmt->loops[l]].dir));
		aff = isl_aff_add_constant_si(aff, shift[l]);
		list = isl_aff_list_add(list, aff);
	}
	isl_local_space_free(ls);
	space = isl_space_add_dims(isl_space_from_domain(space),
				   isl_dim_out, n);
	return isl_map_from_multi_aff(isl_multi_aff_from_aff_list(space,
								   list));
}

static isl_bool lf_audit_at_least(__isl_keep isl_set *one, int v)
{
	isl_set *bound;
	isl_bool sub;

	bound = isl_set_universe(isl_set_get_space(one));
	bound = isl_set_lower_bound_si(bound, isl_dim_set, 0, v);
	sub = isl_set_is_subset(one, bound);
	isl_set_free(bound);
	return sub;
}

/* Distance l of the set of distance vectors "delta": a number if it
 * is fixed, else ">= 1", ">= 0" or "*".
 */
static char *lf_audit_distance_str(__isl_keep isl_set *delta, int l)
{
	isl_size n = isl_set_dim(delta, isl_dim_set);
	isl_set *one;
	isl_val *v;
	isl_bool pos = isl_bool_false, nonneg = isl_bool_false;
	char *s = NULL;

	if (n < 0)
		return NULL;
	one = isl_set_project_out(isl_set_copy(delta), isl_dim_set, l + 1,
				  n - l - 1);
	one = isl_set_project_out(one, isl_dim_set, 0, l);
	one = isl_set_detect_equalities(one);
	v = isl_set_plain_get_val_if_fixed(one, isl_dim_set, 0);
	if (v && isl_val_is_int(v))
		s = isl_val_to_str(v);
	if (v && !s) {
		pos = lf_audit_at_least(one, 1);
		nonneg = pos == isl_bool_false ? lf_audit_at_least(one, 0) :
			 isl_bool_false;
	}
	if (v && !s && pos >= 0 && nonneg >= 0)
		s = strdup(pos ? ">= 1" : nonneg ? ">= 0" : "*");
	isl_val_free(v);
	isl_set_free(one);
	return s;
}

/* The distances of "map" (from statement "src" of nest a to statement
 * "dst" of nest b) in the n loops the two nests share in "plan".
 */
static int lf_audit_dep_distance(struct lf_audit_dep *dep,
	struct lf_run *run, struct lf_plan *plan, struct lf_stmt *src,
	struct lf_stmt *dst, __isl_keep isl_map *map, int n)
{
	isl_map *t;
	isl_set *delta;
	int l;

	dep->distance = calloc(n > 0 ? n : 1, sizeof(char *));
	if (!dep->distance)
		return -1;
	t = isl_map_apply_domain(isl_map_copy(map), lf_audit_fused_time(run,
		src, plan->shift[src->nest], n));
	t = isl_map_apply_range(t, lf_audit_fused_time(run, dst,
		plan->shift[dst->nest], n));
	delta = isl_map_deltas(t);
	for (l = 0; l < n && delta; ++l) {
		dep->distance[l] = lf_audit_distance_str(delta, l);
		dep->n_distance = l + 1;
		if (!dep->distance[l])
			break;
	}
	isl_set_free(delta);
	return dep->n_distance == n && (n == 0 || dep->distance[n - 1]) ?
		0 : -1;
}

/* "(i, j)" for the first n loops of "stmt".
 */
static void lf_audit_add_iters(struct lf_buf *buf, struct lf_run *run,
	struct lf_stmt *stmt, int n)
{
	int l;

	lf_buf_add_char(buf, '(');
	for (l = 0; l < n && l < stmt->depth; ++l)
		lf_buf_printf(buf, "%s%s", l ? ", " : "",
			      run->loops[stmt->loops[l]].iter);
	lf_buf_add_char(buf, ')');
}

/* "phases": the group runs its statements one after another inside
 * each tile (rtile), so a dependence within one iteration of the fused
 * loops is kept by that order.
 */
static void lf_audit_add_distance(struct lf_buf *buf,
	const struct lf_audit_dep *dep, struct lf_run *run,
	struct lf_stmt *src, int phases)
{
	int l, carried = -1, zero = 1;

	lf_buf_add_str(buf, " with distance (");
	for (l = 0; l < dep->n_distance; ++l) {
		const char *d = dep->distance[l];

		lf_buf_printf(buf, "%s%s", l ? ", " : "", d);
		if (zero && carried < 0 && (!strcmp(d, ">= 1") ||
					    (d[0] >= '1' && d[0] <= '9')))
			carried = l;
		if (strcmp(d, "0"))
			zero = 0;
	}
	lf_buf_add_str(buf, "): ");
	if (zero && phases) {
		lf_buf_add_str(buf, "kept in order inside the tile, whose "
			       "statements run one after another");
	} else if (zero) {
		lf_buf_add_str(buf, "kept in order inside the fused ");
		lf_audit_add_iters(buf, run, src, dep->n_distance);
		lf_buf_add_str(buf, " iteration");
	} else if (carried >= 0) {
		lf_buf_printf(buf, "carried by the fused %s loop",
			      run->loops[src->loops[carried]].iter);
	} else {
		lf_buf_add_str(buf, "kept in order by the fused loops");
	}
}

/* Why the fused order keeps dependence "dep": a sentence that names
 * the two statements by where they start.
 */
static char *lf_audit_kept_sentence(const struct lf_audit_dep *dep,
	struct lf_run *run, struct lf_stmt *src, int phases)
{
	const struct lf_audit_ref *s = &dep->source, *d = &dep->sink;
	struct lf_buf buf;

	lf_buf_init(&buf);
	switch (dep->kind) {
	case LF_DEP_FLOW:
		lf_buf_printf(&buf, "%s flows from %s at %u:%u to %s in %s at "
			      "%u:%u", s->text, s->stmt, s->stmt_loc.line,
			      s->stmt_loc.col, d->text, d->stmt,
			      d->stmt_loc.line, d->stmt_loc.col);
		break;
	case LF_DEP_ANTI:
		lf_buf_printf(&buf, "%s is read by %s at %u:%u before %s in "
			      "%s at %u:%u overwrites it", s->text, s->stmt,
			      s->stmt_loc.line, s->stmt_loc.col, d->text,
			      d->stmt, d->stmt_loc.line, d->stmt_loc.col);
		break;
	case LF_DEP_OUTPUT:
		lf_buf_printf(&buf, "%s is written by %s at %u:%u and again "
			      "by %s at %u:%u", s->text, s->stmt,
			      s->stmt_loc.line, s->stmt_loc.col, d->stmt,
			      d->stmt_loc.line, d->stmt_loc.col);
		break;
	default:
		lf_buf_printf(&buf, "%s may alias %s: %s at %u:%u stays "
			      "before %s at %u:%u", s->array, d->array,
			      s->stmt, s->stmt_loc.line, s->stmt_loc.col,
			      d->stmt, d->stmt_loc.line, d->stmt_loc.col);
		break;
	}
	lf_audit_add_distance(&buf, dep, run, src, phases);
	return lf_buf_take(&buf);
}

struct lf_audit_collect {
	struct lf_run *run;
	struct lf_plan *plan;
	int g;
	enum lf_dep_kind kind;
	struct lf_audit_group *group;
};

/* The access id of a tagged tuple [S<i>[..] -> R<k>[]].
 */
static int lf_audit_tag_access(__isl_take isl_space *wrapped)
{
	isl_space *space = isl_space_unwrap(wrapped);
	const char *name = isl_space_get_tuple_name(space, isl_dim_out);
	int id = name && name[0] == 'R' ? atoi(name + 1) : -1;

	isl_space_free(space);
	return id;
}

static int lf_audit_group_add(struct lf_audit_collect *c, int src, int dst,
	__isl_keep isl_map *map)
{
	struct lf_run *run = c->run;
	struct lf_audit_group *group = c->group;
	struct lf_stmt *s = &run->stmts[run->accesses[src].stmt];
	struct lf_stmt *d = &run->stmts[run->accesses[dst].stmt];
	struct lf_audit_dep *deps, *dep;
	int n = lf_audit_plan_shared(c->plan, s->nest, d->nest);

	deps = realloc(group->deps, (group->n_dep + 1) * sizeof(*deps));
	if (!deps)
		return -1;
	group->deps = deps;
	dep = &deps[group->n_dep++];
	if (lf_audit_dep_init(dep, run, c->kind, src, dst, map, 0) < 0 ||
	    lf_audit_dep_distance(dep, run, c->plan, s, d, map, n) < 0)
		return -1;
	dep->text = lf_audit_kept_sentence(dep, run, s,
					   c->plan->rtile[c->g] != 0);
	return dep->text ? 0 : -1;
}

/* Keep the dependence "tagged" if it goes from one nest of the group
 * to another.
 */
static isl_stat lf_audit_collect_map(__isl_take isl_map *tagged, void *user)
{
	struct lf_audit_collect *c = user;
	struct lf_run *run = c->run;
	isl_space *space = isl_map_get_space(tagged);
	int src, dst, a, b, r = 0;
	isl_map *map;

	src = lf_audit_tag_access(isl_space_domain(isl_space_copy(space)));
	dst = lf_audit_tag_access(isl_space_range(space));
	if (src < 0 || dst < 0 || src >= run->n_access ||
	    dst >= run->n_access) {
		isl_map_free(tagged);
		return isl_stat_error;
	}
	a = run->stmts[run->accesses[src].stmt].nest;
	b = run->stmts[run->accesses[dst].stmt].nest;
	if (a == b || c->plan->group[a][0] != c->g ||
	    c->plan->group[b][0] != c->g) {
		isl_map_free(tagged);
		return isl_stat_ok;
	}
	map = isl_map_range_factor_domain(isl_map_domain_factor_domain(
		tagged));
	r = map ? lf_audit_group_add(c, src, dst, map) : -1;
	isl_map_free(map);
	return r < 0 ? isl_stat_error : isl_stat_ok;
}

static int lf_audit_group_collect(struct lf_audit_group *group,
	struct lf_run *run, struct lf_deps *deps, struct lf_plan *plan,
	int g)
{
	struct lf_audit_collect c = { run, plan, g, LF_DEP_FLOW, group };
	int k;

	for (k = 0; k < LF_DEP_N; ++k) {
		c.kind = k;
		if (isl_union_map_foreach_map(deps->tagged[k],
					      &lf_audit_collect_map, &c) < 0)
			return -1;
	}
	return 0;
}

/* "runs 1 iteration behind in i" for nest i of the group, or nothing.
 */
static void lf_audit_add_shift(struct lf_buf *buf, struct lf_run *run,
	const struct lf_audit_group *group, int i)
{
	struct lf_nest *nest = &run->nests[group->first + i];
	struct lf_stmt *stmt = &run->stmts[nest->first_stmt];
	int l;

	for (l = 0; l < group->depth; ++l) {
		int s = group->shift[i][l];

		if (s == 0)
			continue;
		lf_buf_printf(buf, "; the nest at line %u runs %d iteration%s "
			      "%s in %s", nest->loc.line, s < 0 ? -s : s,
			      s == 1 || s == -1 ? "" : "s",
			      s > 0 ? "behind" : "ahead",
			      run->loops[stmt->loops[l]].iter);
	}
}

/* "lines 15-20, 21-23 share the (i, j) loops (depth 2), tiled 32x32", or
 * for a nest alone "lines 15-20: the (i, j) loops (depth 2), tiled ...".
 */
static char *lf_audit_group_summary(struct lf_run *run,
	struct lf_plan *plan, int g, const struct lf_audit_group *group)
{
	struct lf_stmt *stmt;
	struct lf_buf buf;
	int i;

	stmt = &run->stmts[run->nests[group->first].first_stmt];
	lf_buf_init(&buf);
	lf_buf_add_str(&buf, "lines ");
	for (i = 0; i < group->n; ++i) {
		struct lf_nest *nest = &run->nests[group->first + i];

		lf_buf_printf(&buf, "%s%u-%u", i ? ", " : "", nest->loc.line,
			      nest->end_loc.line);
	}
	lf_buf_add_str(&buf, group->n > 1 ? " share the " : ": the ");
	lf_audit_add_iters(&buf, run, stmt, group->depth);
	lf_buf_printf(&buf, " loop%s (depth %d)", group->depth == 1 ? "" : "s",
		      group->depth);
	if (group->tiled) {
		lf_buf_add_str(&buf, ", tiled ");
		for (i = 0; i < group->depth; ++i)
			lf_buf_printf(&buf, "%s%d", i ? "x" : "",
				      group->tile_sizes[i]);
	} else {
		lf_buf_add_str(&buf, ", not tiled");
	}
	if (plan->sink[g] && group->depth > 0)
		lf_buf_printf(&buf, ", %s innermost for stride-1 access",
			      run->loops[stmt->loops[group->depth - 1]].iter);
	if (lf_plan_rtile_iter(plan, g))
		lf_buf_printf(&buf, ", %s in blocks of %d, each statement "
			      "on the whole tile in turn",
			      lf_plan_rtile_iter(plan, g), plan->rtile[g]);
	for (i = 0; i < group->n; ++i)
		lf_audit_add_shift(&buf, run, group, i);
	return lf_buf_take(&buf);
}

static int lf_audit_group_layout(struct lf_audit_group *group,
	struct lf_run *run, struct lf_plan *plan, int g)
{
	struct lf_stmt *stmt;
	int i, l;

	group->n = lf_plan_group_size(plan, g, &group->first);
	group->loc = run->nests[group->first].loc;
	group->depth = plan->band[g];
	group->tiled = plan->tiled[g];
	for (l = 0; group->tiled && l < group->depth; ++l)
		group->tile_sizes[l] = plan->tiles[g][l];
	group->iters = calloc(group->depth + 1, sizeof(char *));
	group->shift = calloc(group->n, sizeof(*group->shift));
	if (!group->iters || !group->shift)
		return -1;
	stmt = &run->stmts[run->nests[group->first].first_stmt];
	for (l = 0; l < group->depth; ++l) {
		group->iters[l] = strdup(run->loops[stmt->loops[l]].iter);
		if (!group->iters[l])
			return -1;
	}
	for (i = 0; i < group->n; ++i)
		for (l = 0; l < group->depth; ++l)
			group->shift[i][l] = plan->shift[group->first + i][l];
	return 0;
}

/* The dependences of a group could not all be described (isl ran out
 * of its budget): list none.
 */
static void lf_audit_group_drop_deps(struct lf_audit_group *group,
	struct lf_run *run)
{
	int i;

	isl_ctx_reset_error(isl_set_get_ctx(run->context));
	for (i = 0; i < group->n_dep; ++i)
		lf_audit_dep_clear(&group->deps[i]);
	free(group->deps);
	group->deps = NULL;
	group->n_dep = 0;
	group->incomplete = 1;
}

/* Describe top-level group g of "plan": its nests, loops, tiling and
 * the dependences between its nests that the fused order keeps.
 * Nest indices are those of the run.
 */
int lf_audit_group_init(struct lf_audit_group *group, struct lf_run *run,
	struct lf_deps *deps, struct lf_plan *plan, int g)
{
	memset(group, 0, sizeof(*group));
	if (lf_audit_group_layout(group, run, plan, g) < 0)
		return -1;
	group->summary = lf_audit_group_summary(run, plan, g, group);
	if (!group->summary)
		return -1;
	if (lf_audit_group_collect(group, run, deps, plan, g) < 0)
		lf_audit_group_drop_deps(group, run);
	return 0;
}

/* Pairs of nests. */

static int lf_audit_reason_set(struct lf_audit_reason *reason,
	enum lf_rule rule, char *message, struct lf_loc loc)
{
	reason->rule = rule;
	reason->message = message;
	reason->loc = loc;
	return message ? 0 : -1;
}

/* The reason for a dependence that a fusion breaks; "when" says when
 * it would be broken ("after fusion", "without the shift").
 */
static int lf_audit_reason_dep(struct lf_audit_reason *reason,
	struct lf_run *run, struct lf_witness *witness, int base,
	const char *when)
{
	struct lf_audit_dep *dep = &reason->dep;

	reason->rule = lf_audit_dep_rule(witness->kind);
	reason->has_dep = 1;
	if (lf_audit_dep_init(dep, run, witness->kind, witness->source,
			      witness->sink, witness->dep, base) < 0)
		return -1;
	reason->loc = dep->sink.loc;
	reason->message = lf_audit_dep_sentence(dep, when);
	return reason->message ? 0 : -1;
}

/* The analysis of a run ran out of its budget or failed.
 */
static int lf_audit_reason_failed(struct lf_audit_reason *reason,
	struct lf_run *run)
{
	isl_ctx *ctx = isl_set_get_ctx(run->context);
	int quota = isl_ctx_last_error(ctx) == isl_error_quota;

	isl_ctx_reset_error(ctx);
	if (quota)
		return lf_audit_reason_set(reason, LF_RULE_TOO_COMPLEX,
			strdup("not analysed: too complex"), run->loc);
	return lf_audit_reason_set(reason, LF_RULE_FAILED,
		strdup("not analysed: the analysis failed"), run->loc);
}

static int lf_audit_dir(struct lf_run *run, int n, int level)
{
	struct lf_stmt *stmt = &run->stmts[run->nests[n].first_stmt];

	return run->loops[stmt->loops[level]].dir;
}

static int lf_audit_reason_mismatch(struct lf_audit_reason *reason,
	struct lf_run *run, int k, int level)
{
	struct lf_nest *b = &run->nests[k];
	struct lf_buf buf;

	lf_buf_init(&buf);
	if (run->nests[k - 1].perfect_depth <= level ||
	    b->perfect_depth <= level)
		lf_buf_add_str(&buf, "a loop nest has no statements");
	else
		lf_buf_printf(&buf, "loop %d of the nest at line %u runs in "
			      "the opposite direction", level + 1,
			      b->loc.line);
	return lf_audit_reason_set(reason, LF_RULE_LOOP_MISMATCH,
				   lf_buf_take(&buf), b->loc);
}

static __isl_give isl_union_set *lf_audit_nest_domains(struct lf_run *run,
	int k)
{
	struct lf_nest *nest = &run->nests[k];
	isl_union_set *dom;
	int i;

	dom = isl_union_set_empty(isl_set_get_space(run->context));
	for (i = nest->first_stmt; i < nest->first_stmt + nest->n_stmt; ++i)
		dom = isl_union_set_add_set(dom,
			isl_set_copy(run->stmts[i].domain));
	return dom;
}

/* Can nests k - 1 and k share their outer d loops, nest k shifted by
 * "shift"?  Returns 1 if so, 0 if not (with the dependence that forbids
 * it in *witness, unless witness is NULL) and -1 on error.
 */
static int lf_audit_pair_check(struct lf_run *run, struct lf_deps *deps,
	int k, int d, const int *shift, struct lf_witness *witness)
{
	isl_union_map *sched = lf_plan_pair_schedule(run, k, d, shift, NULL);
	isl_union_set *focus = lf_audit_nest_domains(run, k);
	int r;

	isl_ctx_reset_operations(isl_set_get_ctx(run->context));
	r = sched && focus ? lf_legality_check_focus(deps, sched, focus,
						     witness) : -1;
	isl_union_set_free(focus);
	isl_union_map_free(sched);
	return r;
}

/* Why the pair, nest k shifted by "shift", cannot share loop "level"
 * (0-based), the first one it does not share: into *reason.  Returns 1
 * if a reason was found.
 */
static int lf_audit_pair_limit(struct lf_audit_reason *reason,
	struct lf_run *run, struct lf_deps *deps, int k, int level,
	const int *shift, int base, const char *when)
{
	struct lf_witness witness = { LF_DEP_FLOW, -1, -1, NULL };
	int r;

	if (lf_audit_dir(run, k - 1, level) != lf_audit_dir(run, k, level))
		return lf_audit_reason_mismatch(reason, run, k, level) < 0 ?
			-1 : 1;
	r = lf_audit_pair_check(run, deps, k, level + 1, shift, &witness);
	if (r < 0) {
		lf_witness_clear(&witness);
		return lf_audit_reason_failed(reason, run) < 0 ? -1 : 1;
	}
	if (r == 1 || !witness.dep) {
		lf_witness_clear(&witness);
		return 0;
	}
	r = lf_audit_reason_dep(reason, run, &witness, base, when);
	lf_witness_clear(&witness);
	return r < 0 ? -1 : 1;
}

/* Why nests k - 1 and k of "run" are not both modeled, if they are not.
 */
static int lf_audit_pair_opaque(struct lf_audit_pair *pair,
	struct lf_run *run, int k)
{
	struct lf_nest *a = &run->nests[k - 1], *b = &run->nests[k];
	struct lf_nest *opaque = b->opaque_reason ? b : a;
	static const char *prefix = "not analysed: ";
	const char *reason = opaque->opaque_reason;
	struct lf_buf buf;

	if (!reason)
		return 0;
	if (!strncmp(reason, prefix, strlen(prefix)))
		reason += strlen(prefix);
	pair->verdict = LF_VERDICT_NOT_ANALYSABLE;
	lf_buf_init(&buf);
	lf_buf_printf(&buf, "%s at %u:%u in the %s loop",
		      reason, opaque->reason_loc.line,
		      opaque->reason_loc.col, opaque == a ? "first" : "second");
	return lf_audit_reason_set(&pair->reason,
		lf_audit_classify(opaque->opaque_reason), lf_buf_take(&buf),
		opaque->reason_loc) < 0 ? -1 : 1;
}

/* Can nest k share loop "level" with nest k - 1 if it runs behind by
 * a shift of at least "from", and at most the planner's limit?  Sets
 * shift[level] to the smallest that works and returns 1, or returns 0
 * (or -1 on error).
 */
static int lf_audit_try_shift(struct lf_run *run, struct lf_deps *deps,
	int k, int level, int from, int *shift)
{
	int r = 0;

	for (shift[level] = from; shift[level] <= LF_PLAN_MAX_SHIFT;
	     ++shift[level]) {
		r = lf_audit_pair_check(run, deps, k, level + 1, shift, NULL);
		if (r != 0)
			return r;
	}
	shift[level] = 0;
	return 0;
}

/* Share more loops than lf_plan_pair found, shifting nest k where that
 * makes it legal (lf_plan_pair found the first loop it does not share
 * illegal without a shift).  Returns the first level that needs a
 * shift, or -1 if none does (or on error, which leaves the depth where
 * it is).
 */
static int lf_audit_pair_deepen(struct lf_audit_pair *pair,
	struct lf_run *run, struct lf_deps *deps, int k)
{
	int l, r, first = -1;

	for (l = pair->depth; l < pair->max_depth; ++l) {
		if (lf_audit_dir(run, k - 1, l) != lf_audit_dir(run, k, l))
			break;
		r = lf_audit_try_shift(run, deps, k, l, first < 0 ? 1 : 0,
				       pair->shift);
		if (r <= 0)
			break;
		if (first < 0)
			first = l;
		pair->depth = l + 1;
	}
	isl_ctx_reset_error(isl_set_get_ctx(run->context));
	return first;
}

/* Is the band of the pair's "depth" shared loops, shifted as found,
 * permutable?
 */
static int lf_audit_pair_tilable(struct lf_audit_pair *pair,
	struct lf_run *run, struct lf_deps *deps, int k)
{
	isl_union_map *sched;
	int r, dims[LF_MAX_DEPTH];

	if (pair->depth < 2)
		return 0;
	sched = lf_plan_pair_schedule(run, k, pair->depth, pair->shift, dims);
	isl_ctx_reset_operations(isl_set_get_ctx(run->context));
	r = sched ? lf_legality_permutable(deps, sched, dims, pair->depth) :
		-1;
	isl_union_map_free(sched);
	if (r < 0)
		isl_ctx_reset_error(isl_set_get_ctx(run->context));
	return r > 0;
}

/* The pair shares its loops only with nest k shifted, the first time
 * at loop "level": why the shift is needed.
 */
static int lf_audit_pair_shifted(struct lf_audit_pair *pair,
	struct lf_run *run, struct lf_deps *deps, int k, int level, int base)
{
	int shift[LF_MAX_DEPTH] = { 0 };
	int r;

	pair->verdict = LF_VERDICT_FUSABLE_SHIFT;
	pair->tilable = lf_audit_pair_tilable(pair, run, deps, k);
	r = lf_audit_pair_limit(&pair->reason, run, deps, k, level, shift,
				base, "without the shift");
	if (r == 0)
		r = lf_audit_reason_set(&pair->reason, LF_RULE_FUSABLE_SHIFT,
			strdup("the second loop runs behind the first"),
			run->nests[k].loc);
	pair->reason.rule = LF_RULE_FUSABLE_SHIFT;
	return r < 0 ? -1 : 0;
}

/* The verdict when the pair on its own cannot share any loop.
 */
static int lf_audit_pair_refused(struct lf_audit_pair *pair,
	struct lf_run *run, int k, struct lf_witness *witness, int base)
{
	if (!witness->dep) {
		pair->verdict = LF_VERDICT_NOT_ANALYSABLE;
		return lf_audit_reason_mismatch(&pair->reason, run, k, 0);
	}
	pair->verdict = witness->kind == LF_DEP_ALIAS ?
		LF_VERDICT_NOT_ANALYSABLE : LF_VERDICT_ILLEGAL;
	return lf_audit_reason_dep(&pair->reason, run, witness, base,
				   "after fusion");
}

/* Why a fusable pair shares no more loops than it does.
 */
static int lf_audit_pair_fusable(struct lf_audit_pair *pair,
	struct lf_run *run, struct lf_deps *deps, int k, int base)
{
	int r;

	if (pair->depth >= pair->max_depth)
		return 0;
	pair->limit = calloc(1, sizeof(*pair->limit));
	if (!pair->limit)
		return -1;
	r = lf_audit_pair_limit(pair->limit, run, deps, k, pair->depth,
				pair->shift, base, "after fusion");
	if (r == 0) {
		free(pair->limit);
		pair->limit = NULL;
	}
	return r < 0 ? -1 : 0;
}

static void lf_audit_pair_plan(struct lf_audit_pair *pair,
	struct lf_run *run, struct lf_plan *plan, int k)
{
	int fusable = pair->verdict == LF_VERDICT_FUSABLE ||
		      pair->verdict == LF_VERDICT_FUSABLE_SHIFT;

	pair->fused = plan && plan->group[k - 1][0] == plan->group[k][0];
	if (fusable && plan && !pair->fused && plan->refusal[k])
		pair->plan_reason = strdup(plan->refusal[k]);
}

/* The verdict on nests k - 1 and k of "run", whose dependences are
 * "deps" (NULL if they could not be computed) and whose plan is "plan"
 * (or NULL).
 */
static int lf_audit_pair(struct lf_audit_pair *pair, struct lf_run *run,
	struct lf_deps *deps, struct lf_plan *plan, int k, int base,
	enum lf_rule failure)
{
	struct lf_witness witness = { LF_DEP_FLOW, -1, -1, NULL };
	int r, level, a = run->nests[k - 1].perfect_depth;

	memset(pair, 0, sizeof(*pair));
	pair->first = base + k - 1;
	r = lf_audit_pair_opaque(pair, run, k);
	if (r != 0)
		return r < 0 ? -1 : 0;
	pair->max_depth = a < run->nests[k].perfect_depth ? a :
			  run->nests[k].perfect_depth;
	if (!deps) {
		pair->verdict = LF_VERDICT_NOT_ANALYSABLE;
		return lf_audit_reason_set(&pair->reason, failure,
			strdup(failure == LF_RULE_TOO_COMPLEX ?
			       "not analysed: too complex" :
			       "not analysed: the analysis failed"), run->loc);
	}
	isl_ctx_reset_operations(isl_set_get_ctx(run->context));
	if (lf_plan_pair(run, deps, k, &pair->depth, &pair->tilable,
			 &witness) < 0) {
		lf_witness_clear(&witness);
		pair->verdict = LF_VERDICT_NOT_ANALYSABLE;
		return lf_audit_reason_failed(&pair->reason, run);
	}
	level = witness.dep || pair->depth > 0 ?
		lf_audit_pair_deepen(pair, run, deps, k) : -1;
	pair->verdict = LF_VERDICT_FUSABLE;
	r = 0;
	if (level >= 0)
		r = lf_audit_pair_shifted(pair, run, deps, k, level, base);
	else if (pair->depth == 0)
		r = lf_audit_pair_refused(pair, run, k, &witness, base);
	if (r == 0 && pair->depth > 0)
		r = lf_audit_pair_fusable(pair, run, deps, k, base);
	lf_witness_clear(&witness);
	lf_audit_pair_plan(pair, run, plan, k);
	return r;
}

/* Nests, runs and functions. */

static int lf_audit_nest_init(struct lf_audit_nest *an, struct lf_run *run,
	int run_index, int k)
{
	struct lf_nest *nest = &run->nests[k];
	struct lf_stmt *stmt;
	int l;

	memset(an, 0, sizeof(*an));
	an->run = run_index;
	an->loc = nest->loc;
	an->end_loc = nest->end_loc;
	if (nest->opaque_reason) {
		an->opaque = 1;
		return lf_audit_reason_set(&an->reason,
			lf_audit_classify(nest->opaque_reason),
			strdup(nest->opaque_reason), nest->reason_loc);
	}
	an->depth = nest->depth;
	an->perfect = nest->perfect_depth;
	an->iters = calloc(an->perfect + 1, sizeof(char *));
	if (!an->iters || nest->n_stmt == 0)
		return an->iters ? 0 : -1;
	stmt = &run->stmts[nest->first_stmt];
	for (l = 0; l < an->perfect; ++l) {
		an->iters[l] = strdup(run->loops[stmt->loops[l]].iter);
		if (!an->iters[l])
			return -1;
	}
	return 0;
}

static void *lf_audit_grow(void *array, int n, size_t size)
{
	return realloc(array, (n + 1) * size);
}

static int lf_audit_add_nests(struct lf_audit_function *fn,
	struct lf_run *run, int run_index)
{
	struct lf_audit_nest *nests;
	int k;

	for (k = 0; k < run->n_nest; ++k) {
		nests = lf_audit_grow(fn->nests, fn->n_nest, sizeof(*nests));
		if (!nests)
			return -1;
		fn->nests = nests;
		if (lf_audit_nest_init(&nests[fn->n_nest++], run, run_index,
				       k) < 0)
			return -1;
	}
	return 0;
}

static int lf_audit_add_pairs(struct lf_audit_function *fn,
	struct lf_run *run, struct lf_deps *deps, struct lf_plan *plan,
	int base, enum lf_rule failure)
{
	struct lf_audit_pair *pairs;
	int k;

	for (k = 1; k < run->n_nest; ++k) {
		pairs = lf_audit_grow(fn->pairs, fn->n_pair, sizeof(*pairs));
		if (!pairs)
			return -1;
		fn->pairs = pairs;
		if (lf_audit_pair(&pairs[fn->n_pair++], run, deps, plan, k,
				  base, failure) < 0)
			return -1;
	}
	return 0;
}

/* Shift the nest indices of a group of a run to those of the function.
 */
static void lf_audit_group_rebase(struct lf_audit_group *group, int base)
{
	int i;

	group->first += base;
	for (i = 0; i < group->n_dep; ++i) {
		group->deps[i].source.nest += base;
		group->deps[i].sink.nest += base;
	}
}

static int lf_audit_add_groups(struct lf_audit_function *fn,
	struct lf_run *run, struct lf_deps *deps, struct lf_plan *plan,
	int base)
{
	struct lf_audit_group *groups;
	int g, first;

	for (g = 0; plan && g < plan->n_group; ++g) {
		if (lf_plan_group_size(plan, g, &first) < 2 &&
		    !plan->tiled[g])
			continue;
		groups = lf_audit_grow(fn->groups, fn->n_group,
				       sizeof(*groups));
		if (!groups)
			return -1;
		fn->groups = groups;
		isl_ctx_reset_operations(isl_set_get_ctx(run->context));
		if (lf_audit_group_init(&groups[fn->n_group++], run, deps,
					plan, g) < 0)
			return -1;
		lf_audit_group_rebase(&groups[fn->n_group - 1], base);
	}
	return 0;
}

/* Audit one run of function "fn", the run_index-th of the function.
 */
static int lf_audit_run(struct lf_audit_function *fn, struct lf_run *run,
	int run_index, const struct lf_audit_options *options)
{
	struct lf_plan_options popt;
	struct lf_deps *deps = NULL;
	struct lf_plan *plan = NULL;
	int base = fn->n_nest, r;
	isl_ctx *ctx = isl_set_get_ctx(run->context);
	enum lf_rule failure = LF_RULE_FAILED;

	if (lf_audit_add_nests(fn, run, run_index) < 0)
		return -1;
	if (!lf_plan_wants_run(run, options->tile_size))
		return 0;
	memset(&popt, 0, sizeof(popt));
	popt.tile_size = options->tile_size;
	popt.n_tile_sizes = options->n_tile_sizes;
	memcpy(popt.tile_sizes, options->tile_sizes, sizeof(popt.tile_sizes));
	popt.cache_l1 = options->cache_l1;
	popt.cache_l2 = options->cache_l2;
	popt.fuse_all = options->fuse_all;
	isl_ctx_reset_operations(ctx);
	deps = lf_deps_compute(run, options->assume_no_alias);
	if (deps) {
		isl_ctx_reset_operations(ctx);
		plan = lf_plan_compute(run, deps, &popt);
	}
	if (!deps && isl_ctx_last_error(ctx) == isl_error_quota)
		failure = LF_RULE_TOO_COMPLEX;
	isl_ctx_reset_error(ctx);
	r = lf_audit_add_pairs(fn, run, deps, plan, base, failure);
	if (r == 0 && deps)
		r = lf_audit_add_groups(fn, run, deps, plan, base);
	lf_plan_free(plan);
	lf_deps_free(deps);
	return r;
}

static int lf_audit_function(struct lf_audit_function *fn,
	struct lf_file *file, int f, const struct lf_audit_options *options)
{
	int i, n = 0;

	memset(fn, 0, sizeof(*fn));
	fn->name = strdup(file->functions[f].name);
	fn->loc = file->functions[f].loc;
	if (!fn->name)
		return -1;
	for (i = 0; i < file->n_run; ++i) {
		if (file->runs[i]->function != f)
			continue;
		if (lf_audit_run(fn, file->runs[i], n++, options) < 0)
			return -1;
	}
	return 0;
}

/* Audit every function of "file": nests, pairs and groups.  Returns
 * NULL on an internal error; analyses that give up are reported as
 * verdicts.
 */
struct lf_audit *lf_audit_file(struct lf_file *file,
	const struct lf_audit_options *options)
{
	struct lf_audit *audit = calloc(1, sizeof(*audit));
	int f;

	if (!audit)
		return NULL;
	audit->path = strdup(file->path ? file->path : "");
	audit->options = *options;
	audit->functions = calloc(file->n_function + 1,
				  sizeof(*audit->functions));
	if (!audit->path || !audit->functions)
		goto error;
	for (f = 0; f < file->n_function; ++f) {
		audit->n_function = f + 1;
		if (lf_audit_function(&audit->functions[f], file, f,
				      options) < 0)
			goto error;
	}
	return audit;
error:
	lf_audit_free(audit);
	return NULL;
}

/* The number of pairs with verdict "verdict".
 */
int lf_audit_count(const struct lf_audit *audit, enum lf_verdict verdict)
{
	int f, i, n = 0;

	for (f = 0; f < audit->n_function; ++f)
		for (i = 0; i < audit->functions[f].n_pair; ++i)
			if (audit->functions[f].pairs[i].verdict == verdict)
				n++;
	return n;
}

/* The number of groups of two or more nests (alone == 0), or of nests
 * tiled alone (alone == 1).
 */
int lf_audit_count_groups(const struct lf_audit *audit, int alone)
{
	int f, i, n = 0;

	for (f = 0; f < audit->n_function; ++f)
		for (i = 0; i < audit->functions[f].n_group; ++i)
			if ((audit->functions[f].groups[i].n == 1) == alone)
				n++;
	return n;
}

/* A group of one nest is a nest tiled alone. */
enum lf_rule lf_audit_group_rule(const struct lf_audit_group *group)
{
	return group->n == 1 ? LF_RULE_TILED : LF_RULE_GROUP;
}

/* Explaining a rewrite. */

/* Does dependence i of "group" read like an earlier one (another access
 * of the same two statements)?
 */
int lf_audit_group_repeats(const struct lf_audit_group *group, int i)
{
	int j;

	for (j = 0; j < i; ++j)
		if (!strcmp(group->deps[j].text, group->deps[i].text))
			return 1;
	return 0;
}

/* The dependences a note lists at most; the rest are only mentioned. */
#define LF_AUDIT_EXPLAIN_DEPS 8

static int lf_audit_note_set(struct lf_note *note, struct lf_loc loc,
	char *text)
{
	note->loc = loc;
	note->text = text;
	return text ? 0 : -1;
}

static int lf_audit_explain_notes(struct lf_audit_group *group,
	struct lf_note *notes)
{
	int i, n = 0, shown = 0;
	char more[64];

	if (lf_audit_note_set(&notes[n++], group->loc,
			      strdup(group->summary)) < 0)
		return -1;
	for (i = 0; i < group->n_dep; ++i) {
		if (lf_audit_group_repeats(group, i))
			continue;
		if (shown++ == LF_AUDIT_EXPLAIN_DEPS)
			break;
		if (lf_audit_note_set(&notes[n++], group->deps[i].sink.stmt_loc,
				      strdup(group->deps[i].text)) < 0)
			return -1;
	}
	if (group->incomplete)
		return lf_audit_note_set(&notes[n++], group->loc,
			strdup(LF_AUDIT_INCOMPLETE)) < 0 ? -1 : n;
	if (i == group->n_dep)
		return n;
	snprintf(more, sizeof(more), "and more dependences (see --check)");
	return lf_audit_note_set(&notes[n++], group->loc, strdup(more)) < 0 ?
		-1 : n;
}

/* Notes on fused group g of "plan": what was fused at which depth and
 * tile sizes, and the dependences between its nests that the fused
 * order keeps.  Returns the number of notes, or -1.
 */
int lf_audit_explain(struct lf_run *run, struct lf_deps *deps,
	struct lf_plan *plan, int g, struct lf_note **notes)
{
	struct lf_audit_group group;
	int n;

	*notes = NULL;
	isl_ctx_reset_operations(isl_set_get_ctx(run->context));
	if (lf_audit_group_init(&group, run, deps, plan, g) < 0) {
		isl_ctx_reset_error(isl_set_get_ctx(run->context));
		lf_audit_group_clear(&group);
		return -1;
	}
	*notes = calloc(group.n_dep + 2, sizeof(**notes));
	n = *notes ? lf_audit_explain_notes(&group, *notes) : -1;
	if (n < 0) {
		lf_notes_free(*notes, group.n_dep + 2);
		*notes = NULL;
	}
	lf_audit_group_clear(&group);
	return n;
}
