/* SPDX-License-Identifier: MIT */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <isl/ctx.h>

#include "lf_buf.h"
#include "lf_report.h"
#include "lf_rules.h"
#include "lf_say.h"

/* What the three formats of loopfuse --check share: where a pair is,
 * its title and verdict, a group's title and the file's summary; and
 * whether a condition of --fail-on holds.
 */

/* Where a pair's verdict belongs: the construct or the access that
 * forbids fusion, else the second nest.
 */
struct lf_loc lf_report_pair_loc(__isl_keep const struct lf_audit_function *fn,
	__isl_keep const struct lf_audit_pair *pair)
{
	if (pair->verdict == LF_VERDICT_ILLEGAL ||
	    pair->verdict == LF_VERDICT_NOT_ANALYSABLE)
		return pair->reason.reason ? pair->reason.reason->loc :
		       fn->nests[pair->first + 1].loc;
	return fn->nests[pair->first + 1].loc;
}

/* "nest 2" or "call 2 to relu()": member i of a run.
 */
static void lf_report_add_member(__isl_keep struct lf_buf *buf,
	__isl_keep const struct lf_audit_function *fn, int i)
{
	if (fn->nests[i].call)
		lf_buf_printf(buf, "call %d to %s()", i + 1,
			      fn->nests[i].call);
	else
		lf_buf_printf(buf, "nest %d", i + 1);
}

/* "nests 1 and 2 of f (lines 18-19 and 20-21)", "nest 1 and call 2 to
 * relu() of f (...)".
 */
__isl_give char *lf_report_pair_title(
	__isl_keep const struct lf_audit_function *fn,
	__isl_keep const struct lf_audit_pair *pair)
{
	const struct lf_audit_nest *a = &fn->nests[pair->first];
	const struct lf_audit_nest *b = &fn->nests[pair->first + 1];
	struct lf_buf buf;

	lf_buf_init(&buf);
	if (!a->call && !b->call) {
		lf_buf_printf(&buf, "nests %d and %d", pair->first + 1,
			      pair->first + 2);
	} else {
		lf_report_add_member(&buf, fn, pair->first);
		lf_buf_add_str(&buf, " and ");
		lf_report_add_member(&buf, fn, pair->first + 1);
	}
	lf_buf_printf(&buf, " of %s (lines %u-%u and %u-%u)", fn->name,
		      a->loc.line, a->end_loc.line, b->loc.line,
		      b->end_loc.line);
	return lf_buf_take(&buf);
}

static void lf_report_add_shift(__isl_keep struct lf_buf *buf, const int *shift,
	int n)
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

static void lf_report_add_depth(__isl_keep struct lf_buf *buf,
	__isl_keep const struct lf_audit_function *fn,
	__isl_keep const struct lf_audit_pair *pair)
{
	lf_buf_printf(buf, " at depth %d in ", pair->depth);
	lf_say_add_iters(buf, fn->nests[pair->first].iters, pair->depth);
	if (pair->depth < 2)
		lf_buf_add_str(buf, ", tiling not applicable (one loop)");
	else
		lf_buf_printf(buf, ", tiling %s",
			      pair->tilable ? "legal" : "not legal");
}

/* "fusable at depth 2 in (i, j), tiling legal", "illegal: ...".
 */
__isl_give char *lf_report_pair_verdict(
	__isl_keep const struct lf_audit_function *fn,
	__isl_keep const struct lf_audit_pair *pair)
{
	struct lf_buf buf;
	char *why = NULL;

	lf_buf_init(&buf);
	switch (pair->verdict) {
	case LF_VERDICT_FUSABLE:
		lf_buf_add_str(&buf, "fusable");
		lf_report_add_depth(&buf, fn, pair);
		lf_say_add_apart(&buf, ", if ", pair->apart, pair->n_apart);
		break;
	case LF_VERDICT_FUSABLE_SHIFT:
		lf_buf_add_str(&buf, "fusable with shift ");
		lf_report_add_shift(&buf, pair->shift, pair->depth);
		lf_report_add_depth(&buf, fn, pair);
		lf_say_add_apart(&buf, ", if ", pair->apart, pair->n_apart);
		why = lf_say_audit_reason(&pair->reason);
		lf_buf_printf(&buf, ": %s", why ? why : "?");
		break;
	default:
		lf_buf_printf(&buf, "%s: %s", pair->verdict ==
			      LF_VERDICT_ILLEGAL ? "illegal" :
			      "not analysable", (why = lf_say_audit_reason(
				&pair->reason)) ? why : "?");
		break;
	}
	free(why);
	return lf_buf_take(&buf);
}

/* "not fused in the plan: ...": why the planner keeps a fusable pair
 * apart.
 */
__isl_give char *lf_report_pair_plan(
	__isl_keep const struct lf_audit_pair *pair)
{
	char *why = pair->plan_reason ? lf_say_reason(pair->plan_reason) :
		    NULL;
	struct lf_buf buf;

	lf_buf_init(&buf);
	if (pair->plan_reason && !why)
		buf.failed = 1;
	lf_buf_printf(&buf, "not fused in the plan: %s", why ? why :
		      "the group before it cannot take it");
	free(why);
	return lf_buf_take(&buf);
}

/* " (calls to conv1x1(), relu())": the calls among a group's members.
 */
static void lf_report_add_calls(__isl_keep struct lf_buf *buf,
	__isl_keep const struct lf_audit_group *group)
{
	int i;

	lf_buf_printf(buf, " (call%s to ", group->n_call > 1 ? "s" : "");
	for (i = 0; i < group->n_call; ++i)
		lf_buf_printf(buf, "%s%s()", i ? ", " : "", group->calls[i]);
	lf_buf_add_char(buf, ')');
}

/* "group of nests 1-2: lines ... share ...", "group of nests 1-3 (calls
 * to bn(), relu()): ...", "nest 3 tiled alone: ...".
 */
__isl_give char *lf_report_group_title(
	__isl_keep const struct lf_audit_group *group)
{
	char *summary = lf_say_group_summary(group);
	struct lf_buf buf;

	lf_buf_init(&buf);
	if (group->n == 1)
		lf_buf_printf(&buf, "nest %d tiled alone: %s",
			      group->first + 1, summary ? summary : "?");
	else
		lf_buf_printf(&buf, "group of nests %d-%d", group->first + 1,
			      group->first + group->n);
	if (group->n > 1 && group->n_call > 0)
		lf_report_add_calls(&buf, group);
	if (group->n > 1)
		lf_buf_printf(&buf, ": %s", summary ? summary : "?");
	free(summary);
	return lf_buf_take(&buf);
}

__isl_give char *lf_report_summary(__isl_keep const struct lf_audit *audit)
{
	struct lf_buf buf;
	int f, nests = 0, pairs = 0;
	int groups = lf_audit_count_groups(audit, 0);
	int alone = lf_audit_count_groups(audit, 1);
	int calls = lf_audit_count_calls(audit);

	for (f = 0; f < audit->n_function; ++f) {
		nests += audit->functions[f].n_nest;
		pairs += audit->functions[f].n_pair;
	}
	nests -= calls;
	lf_buf_init(&buf);
	lf_buf_printf(&buf, "%d function%s, %d loop nest%s, ",
		      audit->n_function, audit->n_function == 1 ? "" : "s",
		      nests, nests == 1 ? "" : "s");
	if (calls > 0)
		lf_buf_printf(&buf, "%d call%s, ", calls,
			      calls == 1 ? "" : "s");
	lf_buf_printf(&buf, "%d pair%s: "
		      "%d fusable, %d fusable with shift, %d illegal, "
		      "%d not analysable; %d fusion group%s",
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

/* Does a condition of --fail-on hold?
 */
int lf_report_fails(__isl_keep const struct lf_audit *audit, unsigned fail_on)
{
	if ((fail_on & LF_FAIL_ILLEGAL) &&
	    lf_audit_count(audit, LF_VERDICT_ILLEGAL) > 0)
		return 1;
	if ((fail_on & LF_FAIL_NOT_ANALYSABLE) &&
	    lf_audit_count(audit, LF_VERDICT_NOT_ANALYSABLE) > 0)
		return 1;
	return 0;
}

