/* SPDX-License-Identifier: MIT */
#include <stdio.h>
#include <stdlib.h>

#include "lf_buf.h"
#include "lf_report.h"
#include "lf_rules.h"
#include "lf_say.h"

/* loopfuse --check as text: one "file:line:col: remark:" line per
 * function, pair and group, in compiler form, with "note:" lines for
 * the related locations.
 */

static void lf_report_line(__isl_keep struct lf_buf *buf,
	__isl_keep const char *path, struct lf_loc loc,
	__isl_keep const char *kind, __isl_keep const char *text)
{
	lf_buf_printf(buf, "%s:%u:%u: %s: %s\n", path, loc.line, loc.col,
		      kind, text);
}

static void lf_report_rule_line(__isl_keep struct lf_buf *buf,
	__isl_keep const char *path, struct lf_loc loc,
	__isl_keep const char *text, enum lf_rule rule)
{
	lf_buf_printf(buf, "%s:%u:%u: remark: %s [%s]\n", path, loc.line,
		      loc.col, text, lf_rules()[rule].id);
}

static void lf_report_text_nest(__isl_keep struct lf_buf *buf,
	__isl_keep const char *path,
	__isl_keep const struct lf_audit_nest *nest, int i)
{
	lf_buf_printf(buf, "%s:%u:%u: note: ", path, nest->loc.line,
		      nest->loc.col);
	if (nest->call)
		lf_buf_printf(buf, "call %d to %s(): ", i + 1, nest->call);
	else
		lf_buf_printf(buf, "nest %d: ", i + 1);
	lf_buf_printf(buf, "lines %u-%u", nest->loc.line, nest->end_loc.line);
	if (nest->n_call_nest > 0)
		lf_buf_printf(buf, ", stands for %d loop nest%s",
			      nest->n_call_nest,
			      nest->n_call_nest == 1 ? "" : "s");
	if (nest->opaque) {
		char *why = lf_say_audit_reason(&nest->reason);
		struct lf_loc at = nest->reason.reason ?
				   nest->reason.reason->loc : nest->loc;

		lf_buf_printf(buf, ", not modeled: %s at %u:%u [%s]\n",
			      why ? why : "?", at.line, at.col,
			      lf_rules()[lf_rule_of_audit(&nest->reason)].id);
		free(why);
		return;
	}
	lf_buf_add_str(buf, ", loops ");
	lf_say_add_iters(buf, nest->iters, nest->perfect);
	lf_buf_printf(buf, ", depth %d\n", nest->depth);
}

static void lf_report_text_ref(__isl_keep struct lf_buf *buf,
	__isl_keep const char *path, __isl_keep const struct lf_audit_ref *ref)
{
	lf_buf_printf(buf, "%s:%u:%u: note: %s %s %s here (%s, nest %d)\n",
		      path, ref->loc.line, ref->loc.col, ref->text,
		      ref->write ? "writes" : "reads", ref->array, ref->stmt,
		      ref->nest + 1);
}

/* The notes of a reason: the construct, or the two accesses of the
 * dependence and its relation.
 */
static void lf_report_text_reason(__isl_keep struct lf_buf *buf,
	__isl_keep const char *path,
	__isl_keep const struct lf_audit_reason *reason)
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

/* "not deeper: ...": why a fusable pair shares no more loops.
 */
static void lf_report_text_limit(__isl_keep struct lf_buf *buf,
	__isl_keep const char *path,
	__isl_keep const struct lf_audit_reason *limit)
{
	char *why = lf_say_audit_reason(limit);
	struct lf_loc at = limit->reason ? limit->reason->loc :
			   limit->dep.sink.loc;

	lf_buf_printf(buf, "%s:%u:%u: note: not deeper: %s [%s]\n", path,
		      at.line, at.col, why ? why : "?",
		      lf_rules()[lf_rule_of_audit(limit)].id);
	free(why);
	lf_report_text_reason(buf, path, limit);
}

static void lf_report_text_pair(__isl_keep struct lf_buf *buf,
	__isl_keep const char *path,
	__isl_keep const struct lf_audit_function *fn,
	__isl_keep const struct lf_audit_pair *pair)
{
	char *title = lf_report_pair_title(fn, pair);
	char *verdict = lf_report_pair_verdict(fn, pair);
	struct lf_loc loc = lf_report_pair_loc(fn, pair);
	int fusable = pair->verdict == LF_VERDICT_FUSABLE ||
		      pair->verdict == LF_VERDICT_FUSABLE_SHIFT;

	lf_buf_printf(buf, "%s:%u:%u: remark: %s: %s [%s]\n", path, loc.line,
		      loc.col, title ? title : "", verdict ? verdict : "",
		      lf_rules()[lf_rule_of_pair(pair)].id);
	free(title);
	free(verdict);
	if (pair->verdict != LF_VERDICT_FUSABLE)
		lf_report_text_reason(buf, path, &pair->reason);
	if (pair->limit)
		lf_report_text_limit(buf, path, pair->limit);
	if (fusable && !pair->fused) {
		char *why = lf_report_pair_plan(pair);

		lf_buf_printf(buf, "%s:%u:%u: note: %s\n", path, loc.line,
			      loc.col, why ? why : "");
		free(why);
	}
}

static void lf_report_text_group(__isl_keep struct lf_buf *buf,
	__isl_keep const char *path,
	__isl_keep const struct lf_audit_group *group)
{
	char *title = lf_report_group_title(group);
	int i;

	lf_report_rule_line(buf, path, group->loc, title ? title : "",
			    lf_rule_of_group(group));
	free(title);
	for (i = 0; i < group->n_dep; ++i) {
		char *kept;

		if (lf_say_dep_repeats(group, i))
			continue;
		kept = lf_say_dep_kept(&group->deps[i]);
		lf_report_line(buf, path, group->deps[i].sink.stmt_loc, "note",
			       kept ? kept : "?");
		free(kept);
	}
	if (group->incomplete)
		lf_report_line(buf, path, group->loc, "note",
			       LF_SAY_INCOMPLETE);
}

static void lf_report_text_function(__isl_keep struct lf_buf *buf,
	__isl_keep const char *path,
	__isl_keep const struct lf_audit_function *fn)
{
	int i, calls = 0;

	for (i = 0; i < fn->n_nest; ++i)
		calls += fn->nests[i].call != NULL;
	lf_buf_printf(buf, "%s:%u:%u: remark: function %s: %d loop nest%s",
		      path, fn->loc.line, fn->loc.col, fn->name,
		      fn->n_nest - calls, fn->n_nest - calls == 1 ? "" : "s");
	if (calls > 0)
		lf_buf_printf(buf, " and %d call%s next to loops", calls,
			      calls == 1 ? "" : "s");
	lf_buf_add_char(buf, '\n');
	for (i = 0; i < fn->n_nest; ++i)
		lf_report_text_nest(buf, path, &fn->nests[i], i);
	for (i = 0; i < fn->n_pair; ++i)
		lf_report_text_pair(buf, path, fn, &fn->pairs[i]);
	for (i = 0; i < fn->n_group; ++i)
		lf_report_text_group(buf, path, &fn->groups[i]);
}

__isl_give char *lf_report_text(__isl_keep const struct lf_audit *audit)
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
