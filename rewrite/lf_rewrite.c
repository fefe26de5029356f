#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <isl/ctx.h>
#include <isl/set.h>

#include "lf_audit.h"
#include "lf_buf.h"
#include "lf_codegen.h"
#include "lf_contract.h"
#include "lf_deps.h"
#include "lf_plan.h"
#include "lf_rewrite.h"

void lf_notes_free(struct lf_note *notes, int n)
{
	int i;

	for (i = 0; notes && i < n; ++i)
		free(notes[i].text);
	free(notes);
}

void lf_result_clear(struct lf_result *result)
{
	int i;

	for (i = 0; i < result->n_edit; ++i)
		free(result->edits[i].text);
	for (i = 0; i < result->n_message; ++i) {
		free(result->messages[i].text);
		lf_notes_free(result->messages[i].notes,
			      result->messages[i].n_note);
	}
	free(result->edits);
	free(result->messages);
	memset(result, 0, sizeof(*result));
}

/* Add a message; takes "text".
 */
static int lf_result_message(struct lf_result *result, struct lf_loc loc,
	const char *kind, char *text)
{
	struct lf_message *m;

	if (!text)
		return -1;
	m = realloc(result->messages,
		    (result->n_message + 1) * sizeof(*m));
	if (!m) {
		free(text);
		return -1;
	}
	result->messages = m;
	m[result->n_message].loc = loc;
	m[result->n_message].kind = kind;
	m[result->n_message].text = text;
	m[result->n_message].n_note = 0;
	m[result->n_message].notes = NULL;
	result->n_message++;
	return 0;
}

static int lf_result_edit(struct lf_result *result, unsigned begin,
	unsigned end, char *text)
{
	struct lf_edit *e;

	e = realloc(result->edits, (result->n_edit + 1) * sizeof(*e));
	if (!e) {
		free(text);
		return -1;
	}
	result->edits = e;
	e[result->n_edit].begin = begin;
	e[result->n_edit].end = end;
	e[result->n_edit].text = text;
	result->n_edit++;
	return 0;
}

/* Is [begin, end) inside a range that an edit already replaces?
 */
static int lf_result_covers(struct lf_result *result, unsigned begin,
	unsigned end)
{
	int i;

	for (i = 0; i < result->n_edit; ++i)
		if (begin < result->edits[i].end &&
		    end > result->edits[i].begin)
			return 1;
	return 0;
}

static char *lf_rewrite_note(struct lf_plan *plan, int g, int n,
	struct lf_contraction *list, int n_list)
{
	struct lf_buf buf;
	int k;

	lf_buf_init(&buf);
	if (n == 1)
		lf_buf_add_str(&buf, "tiled the loop nest (");
	else
		lf_buf_printf(&buf, "fused %d loop nests into 1", n);
	if (plan->tiled[g]) {
		if (n > 1)
			lf_buf_add_str(&buf, " (tiled ");
		for (k = 0; k < plan->band[g]; ++k)
			lf_buf_printf(&buf, "%s%d", k ? "x" : "",
				      plan->tiles[g][k]);
		if (lf_plan_rtile_iter(plan, g))
			lf_buf_printf(&buf, ", %s in blocks of %d",
				      lf_plan_rtile_iter(plan, g),
				      plan->rtile[g]);
		lf_buf_add_str(&buf, ")");
	}
	for (k = 0; k < n_list; ++k)
		lf_buf_printf(&buf, "%s%s", k ? ", " : "; contracted ",
			      plan->run->arrays[list[k].array].name);
	if (n_list > 0)
		lf_buf_printf(&buf, " to %s", n_list > 1 ? "scalars" :
			      "a scalar");
	return lf_buf_take(&buf);
}

/* The analysis of a run failed: isl ran out of its operation budget
 * (the run is too complex to analyse in reasonable time), or another
 * error; the run is left as it is.
 */
static int lf_rewrite_failed(struct lf_result *result, struct lf_run *run)
{
	isl_ctx *ctx = isl_set_get_ctx(run->context);
	int quota = isl_ctx_last_error(ctx) == isl_error_quota;

	isl_ctx_reset_error(ctx);
	return lf_result_message(result, run->loc, "remark", strdup(quota ?
		"not analysed: too complex" :
		"not analysed: the analysis failed"));
}

/* Find the arrays group g can contract (none with --openmp, where a
 * scalar would be shared between threads) and edit their declarations.
 */
static int lf_rewrite_contract(struct lf_file *file, struct lf_plan *plan,
	struct lf_deps *deps, int g, const struct lf_rewrite_options *options,
	struct lf_contraction **list)
{
	*list = NULL;
	if (options->openmp)
		return 0;
	return lf_contract_group(file, plan, deps, g, list);
}

/* Drop the dimensions of the contracted arrays from their declarations.
 */
static int lf_rewrite_decls(struct lf_contraction *list, int n,
	struct lf_result *result)
{
	int i;

	for (i = 0; i < n; ++i)
		if (lf_result_edit(result, list[i].dims_begin,
				   list[i].dims_end, strdup("")) < 0)
			return -1;
	return 0;
}

/* Attach to the note of group g what was fused and why that is legal;
 * without an explanation if it cannot be had.
 */
static void lf_rewrite_explain(struct lf_message *m, struct lf_run *run,
	struct lf_deps *deps, struct lf_plan *plan, int g)
{
	m->n_note = lf_audit_explain(run, deps, plan, g, &m->notes);
	if (m->n_note < 0)
		m->n_note = 0;
}

static int lf_rewrite_group(struct lf_file *file, struct lf_plan *plan,
	struct lf_deps *deps, int g, const struct lf_rewrite_options *options,
	struct lf_result *result)
{
	struct lf_codegen_options copt = { options->openmp, 0, NULL };
	struct lf_run *run = plan->run;
	int first = 0, n = lf_plan_group_size(plan, g, &first), i, n_list;
	int overflow;
	struct lf_contraction *list;
	int *contracted;
	char *code;

	if (n < 2 && !plan->tiled[g])
		return 0;
	n_list = lf_rewrite_contract(file, plan, deps, g, options, &list);
	contracted = n_list > 0 ? malloc(n_list * sizeof(int)) : NULL;
	for (i = 0; contracted && i < n_list; ++i)
		contracted[i] = list[i].array;
	copt.n_contracted = contracted ? n_list : 0;
	copt.contracted = contracted;
	code = n_list < 0 ? NULL : lf_codegen_group(file, plan, deps, g, &copt,
						    &overflow);
	free(contracted);
	if (!code && overflow) {
		free(list);
		return lf_result_message(result, run->nests[first].loc,
			"remark", strdup("not rewritten: a bound of the new "
			"loops could overflow its type for some sizes"));
	}
	if (!code) {
		free(list);
		return lf_rewrite_failed(result, run);
	}
	if (lf_rewrite_decls(list, n_list, result) < 0 ||
	    lf_result_edit(result, run->nests[first].begin,
			   run->nests[first + n - 1].end, code) < 0 ||
	    lf_result_message(result, run->nests[first].loc, "note",
			      lf_rewrite_note(plan, g, n, list, n_list)) < 0) {
		free(list);
		return -1;
	}
	free(list);
	if (options->explain)
		lf_rewrite_explain(&result->messages[result->n_message - 1],
				   run, deps, plan, g);
	return 0;
}

static int lf_rewrite_refusals(struct lf_plan *plan, struct lf_result *result)
{
	struct lf_run *run = plan->run;
	struct lf_buf buf;
	int k;

	for (k = 1; k < run->n_nest; ++k) {
		unsigned other = run->nests[k - 1].loc.line;

		if (!plan->refusal[k])
			continue;
		if (plan->refusal_loc[k].offset < run->nests[k].begin)
			other = run->nests[k].loc.line;
		lf_buf_init(&buf);
		lf_buf_printf(&buf, "not fused with the nest at line %u: %s",
			      other, plan->refusal[k]);
		if (lf_result_message(result, plan->refusal_loc[k], "remark",
				      lf_buf_take(&buf)) < 0)
			return -1;
	}
	return 0;
}

static int lf_rewrite_run(struct lf_file *file, struct lf_run *run,
	const struct lf_rewrite_options *options, struct lf_result *result)
{
	struct lf_plan_options popt;
	isl_ctx *ctx = isl_set_get_ctx(run->context);
	struct lf_deps *deps;
	struct lf_plan *plan;
	int g, r = 0;

	if (!lf_plan_wants_run(run, options->tile_size) ||
	    lf_result_covers(result, run->begin, run->end))
		return 0;
	popt.tile_size = options->tile_size;
	popt.n_tile_sizes = options->n_tile_sizes;
	memcpy(popt.tile_sizes, options->tile_sizes, sizeof(popt.tile_sizes));
	popt.cache_l1 = options->cache_l1;
	popt.cache_l2 = options->cache_l2;
	popt.fuse_all = options->fuse_all;
	isl_ctx_reset_operations(ctx);
	deps = lf_deps_compute(run, options->assume_no_alias);
	plan = deps ? lf_plan_compute(run, deps, &popt) : NULL;
	if (!plan) {
		lf_deps_free(deps);
		/* A lone nest was only a candidate for tiling. */
		if (run->n_nest < 2) {
			isl_ctx_reset_error(ctx);
			return 0;
		}
		return lf_rewrite_failed(result, run);
	}
	for (g = 0; g < plan->n_group && r == 0; ++g)
		r = lf_rewrite_group(file, plan, deps, g, options, result);
	if (r == 0)
		r = lf_rewrite_refusals(plan, result);
	lf_plan_free(plan);
	lf_deps_free(deps);
	return r;
}

static int lf_message_cmp(const void *a, const void *b)
{
	const struct lf_message *x = a, *y = b;

	if (x->loc.offset != y->loc.offset)
		return x->loc.offset < y->loc.offset ? -1 : 1;
	return strcmp(x->text, y->text);
}

/* Decide and generate the rewrite of every run of the file.
 */
/* The number of line breaks in text[begin, end).
 */
static int lf_rewrite_lines(const char *text, unsigned begin, unsigned end)
{
	int n = 0;

	for (; begin < end; ++begin)
		n += text[begin] == '\n';
	return n;
}

/* An edit that changes the number of lines would change the value of
 * __LINE__ after it: where the file expands it later, a #line directive
 * after the new text numbers the rest of the file as before.
 */
static int lf_rewrite_keep_lines(struct lf_file *file, struct lf_edit *e)
{
	const char *nl = file->crlf ? "\r\n" : "\n";
	struct lf_buf buf;
	int i;

	for (i = 0; i < file->n_line_use && file->line_uses[i] < e->end; ++i)
		;
	if (i == file->n_line_use || !e->text ||
	    lf_rewrite_lines(file->text, e->begin, e->end) ==
	    lf_rewrite_lines(e->text, 0, strlen(e->text)))
		return 0;
	lf_buf_init(&buf);
	lf_buf_printf(&buf, "%s%s#line %u%s", e->text, nl,
		      lf_file_loc(file, e->end).line, nl);
	free(e->text);
	e->text = lf_buf_take(&buf);
	return e->text ? 0 : -1;
}

int lf_rewrite_file(struct lf_file *file,
	const struct lf_rewrite_options *options, struct lf_result *result)
{
	int i;

	memset(result, 0, sizeof(*result));
	for (i = 0; i < file->n_run; ++i)
		if (lf_rewrite_run(file, file->runs[i], options, result) < 0)
			return -1;
	for (i = 0; i < result->n_edit; ++i)
		if (lf_rewrite_keep_lines(file, &result->edits[i]) < 0)
			return -1;
	/* qsort wants a valid pointer even for zero elements. */
	if (result->n_message > 0)
		qsort(result->messages, result->n_message,
		      sizeof(struct lf_message), &lf_message_cmp);
	return 0;
}
