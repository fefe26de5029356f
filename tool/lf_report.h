/* SPDX-License-Identifier: MIT */
#ifndef LF_REPORT_H
#define LF_REPORT_H

#include "lf_audit.h"

/* The output of loopfuse --check: the audit of a file as compiler-style
 * text, as one JSON document, or as a SARIF 2.1.0 log.  Rendering only:
 * lf_run.c makes the audit and writes the report.
 */
enum lf_report_format {
	LF_REPORT_TEXT,
	LF_REPORT_JSON,
	LF_REPORT_SARIF
};

/* Conditions for --fail-on, as bits. */
#define LF_FAIL_ILLEGAL 1
#define LF_FAIL_NOT_ANALYSABLE 2
#define LF_FAIL_ANY (LF_FAIL_ILLEGAL | LF_FAIL_NOT_ANALYSABLE)

__isl_give char *lf_report_text(__isl_keep const struct lf_audit *audit);
__isl_give char *lf_report_json(__isl_keep const struct lf_audit *audit);
__isl_give char *lf_report_sarif(__isl_keep const struct lf_audit *audit);
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
__isl_give char *lf_report_group_title(
	__isl_keep const struct lf_audit_group *group);
__isl_give char *lf_report_summary(__isl_keep const struct lf_audit *audit);

#endif
