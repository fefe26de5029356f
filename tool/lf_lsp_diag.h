/* SPDX-License-Identifier: MIT */
#ifndef LF_LSP_DIAG_H
#define LF_LSP_DIAG_H

#include <stddef.h>

#include <isl/ctx.h>

#include "lf_audit.h"
#include "lf_lsp_check.h"
#include "lf_parse_errors.h"
#include "lf_rewrite.h"

/* The diagnostics of a check: clang's errors, the audit's verdicts,
 * and the audit's hints revised after the rewrite.
 */
int lf_lsp_diag_errors(__isl_keep struct lf_lsp_check *check,
	__isl_keep const struct lf_parse_errors *errors);
int lf_lsp_diag_audit(__isl_keep struct lf_lsp_check *check,
	__isl_keep const struct lf_audit *audit,
	__isl_keep const char *text, size_t len);
int lf_lsp_diag_revise(__isl_keep struct lf_lsp_check *check,
	__isl_keep const struct lf_result *result);

#endif
