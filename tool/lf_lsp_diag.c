/* SPDX-License-Identifier: MIT */
#include <stdlib.h>
#include <string.h>

#include "lf_buf.h"
#include "lf_lsp_diag.h"
#include "lf_report.h"
#include "lf_rules.h"
#include "lf_say.h"

/* The diagnostics an editor shows for a document: clang's errors when
 * it does not parse; else a hint on each group of nests the rewrite
 * can change, and the audit's verdict on each pair of nests that is
 * not fused, in the words of loopfuse --check.
 */

/* Where a diagnostic reported at byte "begin" ends: after the word
 * there (a name, a number), else after the one character there, not
 * past the end of its line.
 */
static unsigned lf_lsp_diag_end(__isl_keep const char *text, size_t len,
	unsigned begin)
{
	unsigned end = begin;

	while (end < len && (text[end] == '_' ||
			     (text[end] >= 'a' && text[end] <= 'z') ||
			     (text[end] >= 'A' && text[end] <= 'Z') ||
			     (text[end] >= '0' && text[end] <= '9')))
		end++;
	if (end == begin && end < len && text[end] != '\n' &&
	    text[end] != '\r')
		end++;
	return end;
}

/* The words of an error clang found outside the document's text: its
 * file, line and column first, as clang prints it.
 */
static __isl_give char *lf_lsp_diag_error_text(
	__isl_keep const struct lf_parse_error *e)
{
	struct lf_buf buf;

	lf_buf_init(&buf);
	if (e->file)
		lf_buf_printf(&buf, "%s:%u:%u: ", e->file, e->line, e->col);
	lf_buf_add_str(&buf, e->message);
	return lf_buf_take(&buf);
}

/* clang's errors, each where it is in the text (at its start when it
 * is in another file), and a count of those not kept.
 */
int lf_lsp_diag_errors(__isl_keep struct lf_lsp_check *check,
	__isl_keep const struct lf_parse_errors *errors)
{
	struct lf_buf buf;
	int i;

	for (i = 0; i < errors->n; ++i) {
		const struct lf_parse_error *e = &errors->list[i];

		if (lf_lsp_check_add(check, LF_LSP_ERROR, e->begin, e->end,
				     NULL, lf_lsp_diag_error_text(e)) < 0)
			return -1;
	}
	if (errors->dropped == 0)
		return 0;
	lf_buf_init(&buf);
	lf_buf_printf(&buf, "%d more error%s", errors->dropped,
		      errors->dropped > 1 ? "s" : "");
	return lf_lsp_check_add(check, LF_LSP_ERROR, 0, 0, NULL,
				lf_buf_take(&buf));
}

/* "nests 1 and 2 of f (lines ...): illegal: ...", the remark of
 * loopfuse --check, followed for a fusable pair that the plan keeps
 * apart by the note that says why.
 */
static __isl_give char *lf_lsp_diag_pair_text(
	__isl_keep const struct lf_audit_function *fn,
	__isl_keep const struct lf_audit_pair *pair)
{
	char *title = lf_report_pair_title(fn, pair);
	char *verdict = lf_report_pair_verdict(fn, pair);
	char *plan = NULL;
	struct lf_buf buf;

	lf_buf_init(&buf);
	if (pair->fused || pair->verdict == LF_VERDICT_ILLEGAL ||
	    pair->verdict == LF_VERDICT_NOT_ANALYSABLE)
		;
	else if (!(plan = lf_report_pair_plan(pair)))
		buf.failed = 1;
	if (!title || !verdict)
		buf.failed = 1;
	lf_buf_printf(&buf, "%s: %s", title ? title : "",
		      verdict ? verdict : "");
	if (plan)
		lf_buf_printf(&buf, "\n%s", plan);
	free(title);
	free(verdict);
	free(plan);
	return lf_buf_take(&buf);
}

/* An Information diagnostic for a pair of nests that is not fused.
 */
static int lf_lsp_diag_pair(__isl_keep struct lf_lsp_check *check,
	__isl_keep const struct lf_audit_function *fn,
	__isl_keep const struct lf_audit_pair *pair,
	__isl_keep const char *text, size_t len)
{
	struct lf_loc loc;

	if (pair->fused)
		return 0;
	loc = lf_report_pair_loc(fn, pair);
	return lf_lsp_check_add(check, LF_LSP_INFORMATION, loc.offset,
		lf_lsp_diag_end(text, len, loc.offset),
		lf_rules()[lf_rule_of_pair(pair)].id,
		lf_lsp_diag_pair_text(fn, pair));
}

/* A Hint on the nests of a group that a rewrite changes.
 */
static int lf_lsp_diag_group(__isl_keep struct lf_lsp_check *check,
	__isl_keep const struct lf_audit_group *group)
{
	unsigned begin = group->loc.offset;
	unsigned end = group->members[group->n - 1].end_loc.offset;

	return lf_lsp_check_add(check, LF_LSP_HINT, begin, end,
		lf_rules()[lf_rule_of_group(group)].id,
		lf_say_group_hint(group));
}

/* The diagnostics of the audit of a file whose text is text[0 .. len).
 */
int lf_lsp_diag_audit(__isl_keep struct lf_lsp_check *check,
	__isl_keep const struct lf_audit *audit,
	__isl_keep const char *text, size_t len)
{
	int f, i;

	for (f = 0; f < audit->n_function; ++f) {
		const struct lf_audit_function *fn = &audit->functions[f];

		for (i = 0; i < fn->n_pair; ++i)
			if (lf_lsp_diag_pair(check, fn, &fn->pairs[i], text,
					     len) < 0)
				return -1;
		for (i = 0; i < fn->n_group; ++i)
			if (lf_lsp_diag_group(check, &fn->groups[i]) < 0)
				return -1;
	}
	return 0;
}

/* Does "check" have a fix that starts at byte "begin"?
 */
static int lf_lsp_diag_has_fix(__isl_keep const struct lf_lsp_check *check,
	unsigned begin)
{
	int i;

	for (i = 0; i < check->n_fix; ++i)
		if (check->fixes[i].begin == begin)
			return 1;
	return 0;
}

/* Why the rewrite left the group at [begin, end) as it is, if it said
 * why: its message, or NULL.
 */
static __isl_keep const struct lf_message *lf_lsp_diag_failure(
	__isl_keep const struct lf_result *result, unsigned begin,
	unsigned end)
{
	int i;

	for (i = 0; i < result->n_message; ++i) {
		const struct lf_message *m = &result->messages[i];

		if (m->kind == LF_MESSAGE_FAILED && m->loc.offset >= begin &&
		    m->loc.offset <= end)
			return m;
	}
	return NULL;
}

/* The i-th diagnostic, a hint on a group that the rewrite could not
 * change after all, says why instead, or goes.
 */
static int lf_lsp_diag_unfix(__isl_keep struct lf_lsp_check *check, int i,
	__isl_keep const struct lf_result *result)
{
	struct lf_lsp_diag *d = &check->diags[i];
	const struct lf_message *failure;

	failure = lf_lsp_diag_failure(result, d->begin, d->end);
	free(d->message);
	if (failure) {
		d->severity = LF_LSP_INFORMATION;
		d->code = lf_rules()[lf_rule_of(failure->reason)].id;
		d->message = lf_say_message(failure);
		return d->message ? 0 : -1;
	}
	memmove(d, d + 1, (check->n_diag - i - 1) * sizeof(*d));
	check->n_diag--;
	return 0;
}

/* The audit's hints promise a rewrite; where the rewrite "result",
 * whose fixes "check" has, could not make it (isl gave up, the new
 * loops could overflow), the hint says why instead, and "revised" is
 * set.
 */
int lf_lsp_diag_revise(__isl_keep struct lf_lsp_check *check,
	__isl_keep const struct lf_result *result)
{
	int i = 0;

	while (i < check->n_diag) {
		struct lf_lsp_diag *d = &check->diags[i];
		int n = check->n_diag;

		if (d->severity != LF_LSP_HINT ||
		    lf_lsp_diag_has_fix(check, d->begin)) {
			i++;
			continue;
		}
		check->revised = 1;
		if (lf_lsp_diag_unfix(check, i, result) < 0)
			return -1;
		i += check->n_diag == n;
	}
	return 0;
}
