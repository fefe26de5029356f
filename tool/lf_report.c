#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <isl/ctx.h>

#include "lf_buf.h"
#include "lf_frontend.h"
#include "lf_report.h"
#include "lf_write.h"

/* loopfuse --check: model the file, audit it and print the audit in the
 * format asked for; nothing is rewritten.
 */

static void lf_report_add_iters(struct lf_buf *buf, char **iters, int n)
{
	int l;

	lf_buf_add_char(buf, '(');
	for (l = 0; iters && l < n; ++l)
		lf_buf_printf(buf, "%s%s", l ? ", " : "", iters[l]);
	lf_buf_add_char(buf, ')');
}

/* Where a pair's verdict belongs: the construct or the access that
 * forbids fusion, else the second nest.
 */
struct lf_loc lf_report_pair_loc(const struct lf_audit_function *fn,
	const struct lf_audit_pair *pair)
{
	if (pair->verdict == LF_VERDICT_ILLEGAL ||
	    pair->verdict == LF_VERDICT_NOT_ANALYSABLE)
		return pair->reason.loc;
	return fn->nests[pair->first + 1].loc;
}

/* "nests 1 and 2 of f (lines 18-19 and 20-21)".
 */
char *lf_report_pair_title(const struct lf_audit_function *fn,
	const struct lf_audit_pair *pair)
{
	const struct lf_audit_nest *a = &fn->nests[pair->first];
	const struct lf_audit_nest *b = &fn->nests[pair->first + 1];
	struct lf_buf buf;

	lf_buf_init(&buf);
	lf_buf_printf(&buf, "nests %d and %d of %s (lines %u-%u and %u-%u)",
		      pair->first + 1, pair->first + 2, fn->name, a->loc.line,
		      a->end_loc.line, b->loc.line, b->end_loc.line);
	return lf_buf_take(&buf);
}

static void lf_report_add_shift(struct lf_buf *buf, const int *shift, int n)
{
	int l;

	if (n == 1) {
		lf_buf_printf(buf, "%d", shift[0]);
		return;
	}
	lf_buf_add_char(buf, '(');
	for (l = 0; l < n; ++l)
		lf_buf_printf(buf, "%s%d", l ? ", " : "", shift[l]);
	lf_buf_add_char(buf, ')');
}

static void lf_report_add_depth(struct lf_buf *buf,
	const struct lf_audit_function *fn, const struct lf_audit_pair *pair)
{
	lf_buf_printf(buf, " at depth %d in ", pair->depth);
	lf_report_add_iters(buf, fn->nests[pair->first].iters, pair->depth);
	if (pair->depth < 2)
		lf_buf_add_str(buf, ", tiling not applicable (one loop)");
	else
		lf_buf_printf(buf, ", tiling %s",
			      pair->tilable ? "legal" : "not legal");
}

/* "fusable at depth 2 in (i, j), tiling legal", "illegal: ...".
 */
char *lf_report_pair_verdict(const struct lf_audit_function *fn,
	const struct lf_audit_pair *pair)
{
	struct lf_buf buf;

	lf_buf_init(&buf);
	switch (pair->verdict) {
	case LF_VERDICT_FUSABLE:
		lf_buf_add_str(&buf, "fusable");
		lf_report_add_depth(&buf, fn, pair);
		break;
	case LF_VERDICT_FUSABLE_SHIFT:
		lf_buf_add_str(&buf, "fusable with shift ");
		lf_report_add_shift(&buf, pair->shift, pair->depth);
		lf_report_add_depth(&buf, fn, pair);
		lf_buf_printf(&buf, ": %s", pair->reason.message);
		break;
	default:
		lf_buf_printf(&buf, "%s: %s", pair->verdict ==
			      LF_VERDICT_ILLEGAL ? "illegal" :
			      "not analysable", pair->reason.message);
		break;
	}
	return lf_buf_take(&buf);
}

enum lf_rule lf_report_pair_rule(const struct lf_audit_pair *pair)
{
	switch (pair->verdict) {
	case LF_VERDICT_FUSABLE: return LF_RULE_FUSABLE;
	case LF_VERDICT_FUSABLE_SHIFT: return LF_RULE_FUSABLE_SHIFT;
	default: return pair->reason.rule;
	}
}

/* "group of nests 1-2: lines ... share ...", "nest 3 tiled alone: ...".
 */
char *lf_report_group_title(const struct lf_audit_group *group)
{
	struct lf_buf buf;

	lf_buf_init(&buf);
	if (group->n == 1)
		lf_buf_printf(&buf, "nest %d tiled alone: %s",
			      group->first + 1, group->summary);
	else
		lf_buf_printf(&buf, "group of nests %d-%d: %s",
			      group->first + 1, group->first + group->n,
			      group->summary);
	return lf_buf_take(&buf);
}

char *lf_report_summary(const struct lf_audit *audit)
{
	struct lf_buf buf;
	int f, nests = 0, pairs = 0;
	int groups = lf_audit_count_groups(audit, 0);
	int alone = lf_audit_count_groups(audit, 1);

	for (f = 0; f < audit->n_function; ++f) {
		nests += audit->functions[f].n_nest;
		pairs += audit->functions[f].n_pair;
	}
	lf_buf_init(&buf);
	lf_buf_printf(&buf, "%d function%s, %d loop nest%s, %d pair%s: "
		      "%d fusable, %d fusable with shift, %d illegal, "
		      "%d not analysable; %d fusion group%s",
		      audit->n_function, audit->n_function == 1 ? "" : "s",
		      nests, nests == 1 ? "" : "s",
		      pairs, pairs == 1 ? "" : "s",
		      lf_audit_count(audit, LF_VERDICT_FUSABLE),
		      lf_audit_count(audit, LF_VERDICT_FUSABLE_SHIFT),
		      lf_audit_count(audit, LF_VERDICT_ILLEGAL),
		      lf_audit_count(audit, LF_VERDICT_NOT_ANALYSABLE),
		      groups, groups == 1 ? "" : "s");
	if (alone > 0)
		lf_buf_printf(&buf, ", %d nest%s tiled alone", alone,
			      alone == 1 ? "" : "s");
	return lf_buf_take(&buf);
}

/* Text: one "file:line:col: remark:" line per function, pair and
 * group, with "note:" lines for the related locations.
 */

static void lf_report_line(struct lf_buf *buf, const char *path,
	struct lf_loc loc, const char *kind, const char *text)
{
	lf_buf_printf(buf, "%s:%u:%u: %s: %s\n", path, loc.line, loc.col,
		      kind, text);
}

static void lf_report_rule_line(struct lf_buf *buf, const char *path,
	struct lf_loc loc, const char *text, enum lf_rule rule)
{
	lf_buf_printf(buf, "%s:%u:%u: remark: %s [%s]\n", path, loc.line,
		      loc.col, text, lf_audit_rules()[rule].id);
}

static void lf_report_text_nest(struct lf_buf *buf, const char *path,
	const struct lf_audit_nest *nest, int i)
{
	lf_buf_printf(buf, "%s:%u:%u: note: nest %d: lines %u-%u", path,
		      nest->loc.line, nest->loc.col, i + 1, nest->loc.line,
		      nest->end_loc.line);
	if (nest->opaque) {
		lf_buf_printf(buf, ", not modeled: %s at %u:%u [%s]\n",
			      nest->reason.message, nest->reason.loc.line,
			      nest->reason.loc.col,
			      lf_audit_rules()[nest->reason.rule].id);
		return;
	}
	lf_buf_add_str(buf, ", loops ");
	lf_report_add_iters(buf, nest->iters, nest->perfect);
	lf_buf_printf(buf, ", depth %d\n", nest->depth);
}

static void lf_report_text_ref(struct lf_buf *buf, const char *path,
	const struct lf_audit_ref *ref)
{
	lf_buf_printf(buf, "%s:%u:%u: note: %s %s %s here (%s, nest %d)\n",
		      path, ref->loc.line, ref->loc.col, ref->text,
		      ref->write ? "writes" : "reads", ref->array, ref->stmt,
		      ref->nest + 1);
}

/* The notes of a reason: the construct, or the two accesses of the
 * dependence and its relation.
 */
static void lf_report_text_reason(struct lf_buf *buf, const char *path,
	const struct lf_audit_reason *reason)
{
	if (!reason->has_dep)
		return;
	lf_report_text_ref(buf, path, &reason->dep.sink);
	lf_report_text_ref(buf, path, &reason->dep.source);
	if (!reason->dep.relation)
		return;
	lf_buf_printf(buf, "%s:%u:%u: note: isl relation: %s\n", path,
		      reason->dep.sink.loc.line, reason->dep.sink.loc.col,
		      reason->dep.relation);
}

static void lf_report_text_pair(struct lf_buf *buf, const char *path,
	const struct lf_audit_function *fn, const struct lf_audit_pair *pair)
{
	char *title = lf_report_pair_title(fn, pair);
	char *verdict = lf_report_pair_verdict(fn, pair);
	struct lf_loc loc = lf_report_pair_loc(fn, pair);
	int fusable = pair->verdict == LF_VERDICT_FUSABLE ||
		      pair->verdict == LF_VERDICT_FUSABLE_SHIFT;

	lf_buf_printf(buf, "%s:%u:%u: remark: %s: %s [%s]\n", path, loc.line,
		      loc.col, title ? title : "", verdict ? verdict : "",
		      lf_audit_rules()[lf_report_pair_rule(pair)].id);
	free(title);
	free(verdict);
	if (pair->verdict != LF_VERDICT_FUSABLE)
		lf_report_text_reason(buf, path, &pair->reason);
	if (pair->limit) {
		lf_buf_printf(buf, "%s:%u:%u: note: not deeper: %s [%s]\n",
			      path, pair->limit->loc.line,
			      pair->limit->loc.col, pair->limit->message,
			      lf_audit_rules()[pair->limit->rule].id);
		lf_report_text_reason(buf, path, pair->limit);
	}
	if (fusable && !pair->fused)
		lf_buf_printf(buf, "%s:%u:%u: note: not fused in the plan: "
			      "%s\n", path, loc.line, loc.col,
			      pair->plan_reason ? pair->plan_reason :
			      "the group before it cannot take it");
}

static void lf_report_text_group(struct lf_buf *buf, const char *path,
	const struct lf_audit_group *group)
{
	char *title = lf_report_group_title(group);
	int i;

	lf_report_rule_line(buf, path, group->loc, title ? title : "",
			    lf_audit_group_rule(group));
	free(title);
	for (i = 0; i < group->n_dep; ++i)
		if (!lf_audit_group_repeats(group, i))
			lf_report_line(buf, path, group->deps[i].sink.stmt_loc,
				       "note", group->deps[i].text);
	if (group->incomplete)
		lf_report_line(buf, path, group->loc, "note",
			       LF_AUDIT_INCOMPLETE);
}

static void lf_report_text_function(struct lf_buf *buf, const char *path,
	const struct lf_audit_function *fn)
{
	int i;

	lf_buf_printf(buf, "%s:%u:%u: remark: function %s: %d loop nest%s\n",
		      path, fn->loc.line, fn->loc.col, fn->name, fn->n_nest,
		      fn->n_nest == 1 ? "" : "s");
	for (i = 0; i < fn->n_nest; ++i)
		lf_report_text_nest(buf, path, &fn->nests[i], i);
	for (i = 0; i < fn->n_pair; ++i)
		lf_report_text_pair(buf, path, fn, &fn->pairs[i]);
	for (i = 0; i < fn->n_group; ++i)
		lf_report_text_group(buf, path, &fn->groups[i]);
}

char *lf_report_text(const struct lf_audit *audit)
{
	struct lf_loc top = { 0, 1, 1 };
	struct lf_buf buf;
	char *summary;
	int f;

	lf_buf_init(&buf);
	for (f = 0; f < audit->n_function; ++f)
		lf_report_text_function(&buf, audit->path,
					&audit->functions[f]);
	summary = lf_report_summary(audit);
	if (!summary)
		buf.failed = 1;
	lf_report_line(&buf, audit->path, top, "remark",
		       summary ? summary : "");
	free(summary);
	return lf_buf_take(&buf);
}

char *lf_report_render(const struct lf_audit *audit,
	enum lf_report_format format)
{
	switch (format) {
	case LF_REPORT_JSON: return lf_report_json(audit);
	case LF_REPORT_SARIF: return lf_report_sarif(audit);
	default: return lf_report_text(audit);
	}
}

/* Does a condition of --fail-on hold?
 */
int lf_report_fails(const struct lf_audit *audit, unsigned fail_on)
{
	if ((fail_on & LF_FAIL_ILLEGAL) &&
	    lf_audit_count(audit, LF_VERDICT_ILLEGAL) > 0)
		return 1;
	if ((fail_on & LF_FAIL_NOT_ANALYSABLE) &&
	    lf_audit_count(audit, LF_VERDICT_NOT_ANALYSABLE) > 0)
		return 1;
	return 0;
}

/* Parse and audit "text", the contents of options->input.  Returns NULL
 * if it does not parse (clang's errors go to err) or on an internal
 * error.
 */
struct lf_audit *lf_report_audit(const struct lf_cli_options *options,
	isl_ctx *ctx, const char *text, size_t len, FILE *err)
{
	struct lf_frontend_options fopt;
	struct lf_audit_options aopt;
	struct lf_audit *audit;
	struct lf_file *file;

	fopt.function = options->function;
	fopt.argc = options->argc;
	fopt.argv = options->argv;
	file = lf_frontend_parse(ctx, options->input, text, len, &fopt, err);
	if (!file)
		return NULL;
	lf_run_warn_function(options, file, err);
	memset(&aopt, 0, sizeof(aopt));
	aopt.tile_size = options->tile_size;
	aopt.n_tile_sizes = options->n_tile_sizes;
	memcpy(aopt.tile_sizes, options->tile_sizes,
	       options->n_tile_sizes * sizeof(int));
	lf_run_caches(options, &aopt.cache_l1, &aopt.cache_l2);
	aopt.assume_no_alias = options->assume_no_alias;
	aopt.fuse_all = options->fuse_all;
	audit = lf_audit_file(file, &aopt);
	if (!audit && err)
		fprintf(err, "%s:1:1: error: internal error while analysing "
			"the file\n", options->input);
	lf_file_free(file);
	return audit;
}

static int lf_report_write(const struct lf_cli_options *options,
	const char *report)
{
	size_t len = strlen(report);

	if (options->output == LF_OUTPUT_FILE)
		return lf_write_atomic(options->output_path, report, len,
				       stderr);
	return lf_write_stdout(report, len, stderr);
}

/* The --check path: the exit status is LF_EXIT_OK when the analysis
 * ran, LF_EXIT_FAIL_ON when a condition of --fail-on holds and
 * LF_EXIT_INPUT when the file does not parse or the report cannot be
 * written.
 */
int lf_report_check(const struct lf_cli_options *options, isl_ctx *ctx,
	const char *text, size_t len)
{
	struct lf_audit *audit;
	char *report;
	int r;

	audit = lf_report_audit(options, ctx, text, len, stderr);
	if (!audit)
		return LF_EXIT_INPUT;
	report = lf_report_render(audit, options->format);
	r = report ? lf_report_write(options, report) : -1;
	if (r < 0)
		r = LF_EXIT_INPUT;
	else if (lf_report_fails(audit, options->fail_on))
		r = LF_EXIT_FAIL_ON;
	else
		r = LF_EXIT_OK;
	free(report);
	lf_audit_free(audit);
	return r;
}
