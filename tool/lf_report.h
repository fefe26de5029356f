/* SPDX-License-Identifier: MIT */
#ifndef LF_REPORT_H
#define LF_REPORT_H

#include "lf_audit.h"
#include "lf_buf.h"
#include "lf_edit.h"
#include "lf_rewrite.h"

/* The output of loopfuse --check: the audit of a file as compiler-style
 * text, as one JSON document, as a SARIF 2.1.0 log, or as one HTML
 * page.  Rendering only: lf_run.c makes the audit (and, for the page,
 * the rewrite and the drawing of the graph) and writes the report.
 */
enum lf_report_format {
	LF_REPORT_TEXT,
	LF_REPORT_JSON,
	LF_REPORT_SARIF,
	LF_REPORT_HTML
};

/* What the HTML page shows besides the audit: the file's text[0 .. len),
 * the n_edit edits and the n_message messages of its rewrite, and the
 * graph of its nests as SVG, or NULL to show the graph as a table.
 */
struct lf_report_view {
	const char *text;
	unsigned len;
	const struct lf_edit *edits;
	int n_edit;
	const struct lf_message *messages;
	int n_message;
	const char *svg;
};

/* Conditions for --fail-on, as bits. */
#define LF_FAIL_ILLEGAL 1
#define LF_FAIL_NOT_ANALYSABLE 2
#define LF_FAIL_ANY (LF_FAIL_ILLEGAL | LF_FAIL_NOT_ANALYSABLE)

__isl_give char *lf_report_text(__isl_keep const struct lf_audit *audit);
__isl_give char *lf_report_json(__isl_keep const struct lf_audit *audit);
__isl_give char *lf_report_sarif(__isl_keep const struct lf_audit *audit);
__isl_give char *lf_report_html(__isl_keep const struct lf_audit *audit,
	__isl_keep const struct lf_report_view *view);
__isl_give char *lf_report_dot(__isl_keep const struct lf_audit *audit);
int lf_report_fails(__isl_keep const struct lf_audit *audit, unsigned fail_on);

/* Shared by the formats. */
struct lf_loc lf_report_pair_loc(__isl_keep const struct lf_audit_function *fn,
	__isl_keep const struct lf_audit_pair *pair);
__isl_give char *lf_report_pair_title(
	__isl_keep const struct lf_audit_function *fn,
	__isl_keep const struct lf_audit_pair *pair);
__isl_give char *lf_report_pair_verdict(
	__isl_keep const struct lf_audit_function *fn,
	__isl_keep const struct lf_audit_pair *pair);
__isl_give char *lf_report_pair_plan(
	__isl_keep const struct lf_audit_pair *pair);
__isl_give char *lf_report_group_title(
	__isl_keep const struct lf_audit_group *group);
__isl_give char *lf_report_summary(__isl_keep const struct lf_audit *audit);

/* lf_report_html_code.c: the original and the fused code of the page. */
void lf_report_html_escape(__isl_keep struct lf_buf *buf,
	__isl_keep const char *text, size_t len);
int lf_report_html_applied(__isl_keep const struct lf_report_view *view,
	__isl_keep const struct lf_audit_group *group);
void lf_report_html_code(__isl_keep struct lf_buf *buf,
	__isl_keep const struct lf_audit *audit,
	__isl_keep const struct lf_report_view *view);

#endif
