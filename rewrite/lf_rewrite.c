/* SPDX-License-Identifier: MIT */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <isl/ctx.h>
#include <isl/set.h>

#include "lf_audit.h"
#include "lf_driver.h"
#include "lf_buf.h"
#include "lf_codegen.h"
#include "lf_contract.h"
#include "lf_deps.h"
#include "lf_grow.h"
#include "lf_plan.h"
#include "lf_rewrite.h"

void lf_result_clear(__isl_keep struct lf_result *result)
{
	int i;

	for (i = 0; i < result->n_edit; ++i)
		free(result->edits[i].text);
	for (i = 0; i < result->n_message; ++i)
		lf_message_clear(&result->messages[i]);
	free(result->edits);
	free(result->messages);
	memset(result, 0, sizeof(*result));
}

/* A new message of kind "kind" at "loc", or NULL.
 */
static __isl_keep struct lf_message *lf_result_message(
	__isl_keep struct lf_result *result, enum lf_message_kind kind,
	struct lf_loc loc)
{
	struct lf_message *m;

	if (LF_GROW(result->messages, result->n_message) < 0)
		return NULL;
	m = &result->messages[result->n_message++];
	memset(m, 0, sizeof(*m));
	m->kind = kind;
	m->loc = loc;
	return m;
}

/* A message of kind "kind" for "reason", which this takes, at its place.
 */
static int lf_result_reason(__isl_keep struct lf_result *result,
	enum lf_message_kind kind, __isl_take struct lf_reason *reason)
{
	struct lf_message *m;

	if (!reason)
		return -1;
	m = lf_result_message(result, kind, reason->loc);
	if (!m) {
		lf_reason_free(reason);
		return -1;
	}
	m->reason = reason;
	return 0;
}

static int lf_result_edit(__isl_keep struct lf_result *result, unsigned begin,
	unsigned end, __isl_take char *text)
{
	struct lf_edit *e;

	if (LF_GROW(result->edits, result->n_edit) < 0) {
		free(text);
		return -1;
	}
	e = result->edits;
	e[result->n_edit].begin = begin;
	e[result->n_edit].end = end;
	e[result->n_edit].text = text;
	result->n_edit++;
	return 0;
}

/* Is [begin, end) inside a range that an edit already replaces?
 */
static int lf_result_covers(__isl_keep struct lf_result *result, unsigned begin,
	unsigned end)
{
	int i;

	for (i = 0; i < result->n_edit; ++i)
		if (begin < result->edits[i].end &&
		    end > result->edits[i].begin)
			return 1;
	return 0;
}

/* Does group g run under a check? */
static int lf_rewrite_is_checked(__isl_keep struct lf_analysis *analysis,
	int g)
{
	return analysis->check && analysis->check[g].n_pair > 0;
}

/* Name in "m" the pairs of arrays that "check" finds apart.
 */
static int lf_rewrite_apart(__isl_keep struct lf_message *m,
	__isl_keep struct lf_run *run, __isl_keep const struct lf_check *check)
{
	int n = lf_check_names(run, check, &m->apart);

	m->n_apart = n > 0 ? n : 0;
	return n < 0 ? -1 : 0;
}

/* The message that group g of "analysis", of n nests, is fused (with
 * the arrays in "list" contracted), by the edits from first_edit on.
 */
static int lf_rewrite_fused(__isl_keep struct lf_result *result,
	__isl_keep struct lf_analysis *analysis, int g, int first, int n,
	__isl_keep struct lf_contraction *list, int n_list, int first_edit)
{
	struct lf_plan *plan = analysis->plan;
	struct lf_message *m;
	const char *rtile = lf_plan_rtile_iter(plan, g);
	int k;

	m = lf_result_message(result, LF_MESSAGE_FUSED,
			      plan->run->nests[first].loc);
	if (!m)
		return -1;
	m->n_nest = n;
	m->first_edit = first_edit;
	m->n_edit = result->n_edit - first_edit;
	m->begin = plan->run->nests[first].begin;
	m->end = plan->run->nests[first + n - 1].end;
	m->n_tile = plan->tiled[g] ? plan->band[g] : 0;
	for (k = 0; k < m->n_tile; ++k)
		m->tiles[k] = plan->tiles[g][k];
	m->rtile = plan->rtile[g];
	if (plan->tiled[g] && rtile && !(m->rtile_iter = strdup(rtile)))
		return -1;
	m->contracted = calloc(n_list + 1, sizeof(char *));
	if (!m->contracted)
		return -1;
	for (k = 0; k < n_list; ++k) {
		m->contracted[k] = strdup(
			plan->run->arrays[list[k].array].name);
		if (!m->contracted[k])
			return -1;
		m->n_contracted++;
	}
	if (lf_rewrite_is_checked(analysis, g))
		return lf_rewrite_apart(m, plan->run, &analysis->check[g]);
	return 0;
}

/* Group or run left as it is, for "why" (too complex, failed: as isl
 * says; overflow), reported at "loc".
 */
static int lf_rewrite_failed(__isl_keep struct lf_result *result,
	__isl_keep struct lf_run *run, enum lf_why why, struct lf_loc loc)
{
	isl_ctx *ctx = isl_set_get_ctx(run->context);

	if (why == LF_WHY_FAILED && isl_ctx_last_error(ctx) == isl_error_quota)
		why = LF_WHY_TOO_COMPLEX;
	isl_ctx_reset_error(ctx);
	return lf_result_reason(result, LF_MESSAGE_FAILED,
				lf_reason_alloc(why, loc, NULL, NULL));
}

/* The arrays group g can contract (none with --openmp, where a scalar
 * would be shared between threads), in *list; returns their number.
 */
static int lf_rewrite_contract(__isl_keep struct lf_plan *plan,
	__isl_keep struct lf_deps *deps, int g,
	__isl_keep const struct lf_options *options,
	struct lf_contraction **list)
{
	*list = NULL;
	if (options->openmp)
		return 0;
	return lf_contract_group(plan, deps, g, list);
}

/* Drop the dimensions of the contracted arrays from their declarations.
 */
static int lf_rewrite_decls(__isl_keep struct lf_contraction *list, int n,
	__isl_keep struct lf_result *result)
{
	int i;

	for (i = 0; i < n; ++i)
		if (lf_result_edit(result, list[i].dims_begin,
				   list[i].dims_end, strdup("")) < 0)
			return -1;
	return 0;
}

/* Attach to the message of group g what was fused and why that is
 * legal; without an explanation if it cannot be had (isl's budget).
 */
static int lf_rewrite_explain(__isl_keep struct lf_message *m,
	__isl_keep struct lf_run *run, __isl_keep struct lf_deps *deps,
	__isl_keep struct lf_plan *plan, int g)
{
	isl_ctx *ctx = isl_set_get_ctx(run->context);

	m->explain = calloc(1, sizeof(*m->explain));
	if (!m->explain)
		return -1;
	isl_ctx_reset_operations(ctx);
	if (lf_audit_group_init(m->explain, run, deps, plan, g) < 0) {
		isl_ctx_reset_error(ctx);
		lf_audit_group_free(m->explain);
		m->explain = NULL;
	}
	return 0;
}

/* "if (<check>) {<code>} else {<the nests as they are>}", where the
 * nests of group g at [begin, end) become "code", under "check"; takes
 * "code".
 */
static __isl_give char *lf_rewrite_versioned(__isl_keep struct lf_file *file,
	__isl_keep struct lf_analysis *analysis, int g, unsigned begin,
	unsigned end, __isl_take char *code)
{
	struct lf_run *run = analysis->plan->run;
	const char *nl = file->crlf ? "\r\n" : "\n";
	struct lf_buf buf, sep;

	lf_buf_init(&buf);
	lf_buf_init(&sep);
	lf_buf_printf(&sep, "%s%s    ", nl, run->indent);
	lf_buf_add_str(&buf, "if (");
	if (!code || sep.failed ||
	    lf_check_print(&analysis->checks, &analysis->check[g], sep.data,
			   &buf) < 0) {
		free(code);
		lf_buf_free(&sep);
		lf_buf_free(&buf);
		return NULL;
	}
	lf_buf_printf(&buf, ") {%s%s%s%s", nl, run->indent, run->indent_unit,
		      code);
	lf_buf_printf(&buf, "%s%s} else {%s", nl, run->indent, nl);
	if (lf_codegen_add_deeper(&buf, file, run, begin, end) < 0)
		buf.failed = 1;
	lf_buf_printf(&buf, "%s%s}", nl, run->indent);
	free(code);
	lf_buf_free(&sep);
	return lf_buf_take(&buf);
}

/* Does group g change its nests: does it fuse two or more, or tile one?
 */
static int lf_rewrite_group_changes(__isl_keep struct lf_plan *plan, int g)
{
	int first;

	return lf_plan_group_size(plan, g, &first) >= 2 || plan->tiled[g];
}

static int lf_rewrite_group(__isl_keep struct lf_file *file,
	__isl_keep struct lf_analysis *analysis, int g,
	__isl_keep const struct lf_options *options,
	__isl_keep struct lf_result *result)
{
	struct lf_plan *plan = analysis->plan;
	struct lf_deps *deps = analysis->deps;
	struct lf_codegen_options copt = { options->openmp, 0, NULL, 0 };
	struct lf_run *run = plan->run;
	int first = 0, n = lf_plan_group_size(plan, g, &first), i, n_list;
	int overflow, checked = lf_rewrite_is_checked(analysis, g);
	int first_edit = result->n_edit;
	struct lf_contraction *list = NULL;
	int *contracted;
	char *code;

	if (!lf_rewrite_group_changes(plan, g))
		return 0;
	copt.deeper = checked;
	n_list = checked ? 0 :
		 lf_rewrite_contract(plan, deps, g, options, &list);
	contracted = n_list > 0 ? malloc(n_list * sizeof(int)) : NULL;
	for (i = 0; contracted && i < n_list; ++i)
		contracted[i] = list[i].array;
	copt.n_contracted = contracted ? n_list : 0;
	copt.contracted = contracted;
	/* Each group has isl's whole budget, as in the audit. */
	isl_ctx_reset_operations(isl_set_get_ctx(run->context));
	code = n_list < 0 ? NULL : lf_codegen_group(file, plan, deps, g, &copt,
						    &overflow);
	if (checked && code)
		code = lf_rewrite_versioned(file, analysis, g,
			run->nests[first].begin, run->nests[first + n - 1].end,
			code);
	free(contracted);
	if (!code) {
		free(list);
		return lf_rewrite_failed(result, run, overflow ?
			LF_WHY_OVERFLOW : LF_WHY_FAILED, overflow ?
			run->nests[first].loc : run->loc);
	}
	if (lf_rewrite_decls(list, n_list, result) < 0 ||
	    lf_result_edit(result, run->nests[first].begin,
			   run->nests[first + n - 1].end, code) < 0 ||
	    lf_rewrite_fused(result, analysis, g, first, n, list, n_list,
			     first_edit) < 0) {
		free(list);
		return -1;
	}
	free(list);
	if (options->explain)
		return lf_rewrite_explain(&result->messages[
			result->n_message - 1], run, deps, plan, g);
	return 0;
}

/* A message for every nest the plan does not fuse with the one before
 * it.  It names that nest, unless the reason lies before the nest it is
 * about (a pragma): then it names the nest itself.
 */
static int lf_rewrite_refusals(__isl_keep struct lf_plan *plan,
	__isl_keep struct lf_result *result)
{
	struct lf_run *run = plan->run;
	struct lf_message *m;
	int k;

	for (k = 1; k < run->n_nest; ++k) {
		struct lf_reason *reason = plan->refusal[k];

		if (!reason)
			continue;
		m = lf_result_message(result, LF_MESSAGE_REFUSED, reason->loc);
		if (!m)
			return -1;
		m->other_line = reason->loc.offset < run->nests[k].begin ?
				run->nests[k].loc.line :
				run->nests[k - 1].loc.line;
		m->begin = run->nests[k - 1].begin;
		m->end = run->nests[k].begin;
		m->reason = lf_reason_copy(reason);
		if (!m->reason)
			return -1;
	}
	return 0;
}

/* Would "plan" change any nest?
 */
static int lf_rewrite_changes(__isl_keep struct lf_plan *plan)
{
	int g;

	for (g = 0; plan && g < plan->n_group; ++g)
		if (lf_rewrite_group_changes(plan, g))
			return 1;
	return 0;
}

/* A C89 file keeps its nests: the generated loops declare their
 * iterators.  Say so for "run".
 */
static int lf_rewrite_c89(__isl_keep struct lf_run *run,
	__isl_keep struct lf_result *result)
{
	return lf_result_reason(result, LF_MESSAGE_FAILED,
				lf_reason_alloc(LF_WHY_C89, run->loc, NULL, NULL));
}

static int lf_rewrite_run(__isl_keep struct lf_file *file,
	__isl_keep struct lf_run *run,
	__isl_keep const struct lf_options *options,
	__isl_keep struct lf_result *result)
{
	struct lf_analysis analysis;
	int g, r = 0;

	if (!lf_plan_wants_run(run, options->tile_size) ||
	    lf_result_covers(result, run->begin, run->end))
		return 0;
	if (lf_driver_analyse(run, options, &analysis) < 0)
		return -1;
	if (file->c89 && analysis.plan && lf_rewrite_changes(analysis.plan)) {
		r = lf_rewrite_c89(run, result);
		lf_analysis_clear(&analysis);
		return r;
	}
	/* A lone nest was only a candidate for tiling. */
	if (!analysis.plan && run->n_nest >= 2) {
		r = lf_result_reason(result, LF_MESSAGE_FAILED,
				     analysis.failure);
		analysis.failure = NULL;
	}
	for (g = 0; analysis.plan && g < analysis.plan->n_group && r == 0; ++g)
		r = lf_rewrite_group(file, &analysis, g, options, result);
	if (r == 0 && analysis.plan)
		r = lf_rewrite_refusals(analysis.plan, result);
	lf_analysis_clear(&analysis);
	return r;
}

/* The number of line breaks in text[begin, end).
 */
static int lf_rewrite_lines(__isl_keep const char *text, unsigned begin,
	unsigned end)
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
static int lf_rewrite_keep_lines(__isl_keep struct lf_file *file,
	__isl_keep struct lf_edit *e)
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

/* New text that starts with a directive (a pragma of --openmp, a
 * #line) must start a line: where the replaced code follows other code
 * on its line ("int main(void){ for ..."), it goes on a line of its own.
 */
static int lf_rewrite_own_line(__isl_keep struct lf_file *file,
	__isl_keep struct lf_edit *e)
{
	const char *nl = file->crlf ? "\r\n" : "\n";
	struct lf_buf buf;
	unsigned at = e->begin;

	if (!e->text || e->text[0] != '#')
		return 0;
	while (at > 0 && (file->text[at - 1] == ' ' ||
			  file->text[at - 1] == '\t'))
		at--;
	if (at == 0 || file->text[at - 1] == '\n')
		return 0;
	lf_buf_init(&buf);
	lf_buf_printf(&buf, "%s%s", nl, e->text);
	free(e->text);
	e->text = lf_buf_take(&buf);
	return e->text ? 0 : -1;
}

/* Rewrite the runs of "file" into "result" (empty before).
 */
static int lf_rewrite_runs(__isl_keep struct lf_file *file,
	__isl_keep const struct lf_options *options,
	__isl_keep struct lf_result *result)
{
	int i;

	memset(result, 0, sizeof(*result));
	for (i = 0; i < file->n_run; ++i)
		if (lf_rewrite_run(file, file->runs[i], options, result) < 0)
			return -1;
	return 0;
}

/* Add to "result" the groups that fuse across calls: those of the
 * rewrite of the file with its calls replaced by their callees' nests
 * (lf_inline_merge decides which), and say why each call that cannot
 * be so replaced stays a call.
 */
static int lf_rewrite_calls(__isl_keep struct lf_file *file,
	__isl_keep const struct lf_options *options,
	__isl_keep struct lf_result *result)
{
	struct lf_result expanded;
	int i, r = 0;

	for (i = 0; i < file->n_call && r == 0; ++i)
		if (file->calls[i].refused)
			r = lf_result_reason(result, LF_MESSAGE_FAILED,
				lf_reason_copy(file->calls[i].refused));
	if (r < 0 || !file->expanded)
		return r;
	r = lf_rewrite_runs(file->expanded, options, &expanded);
	if (r == 0)
		r = lf_inline_merge(file, &expanded, result);
	lf_result_clear(&expanded);
	return r;
}

int lf_rewrite_file(__isl_keep struct lf_file *file,
	__isl_keep const struct lf_options *options, struct lf_result *result)
{
	int i;

	if (lf_rewrite_runs(file, options, result) < 0)
		return -1;
	if (!options->no_inline &&
	    lf_rewrite_calls(file, options, result) < 0)
		return -1;
	for (i = 0; i < result->n_edit; ++i)
		if (lf_rewrite_own_line(file, &result->edits[i]) < 0 ||
		    lf_rewrite_keep_lines(file, &result->edits[i]) < 0)
			return -1;
	return 0;
}
