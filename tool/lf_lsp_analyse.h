/* SPDX-License-Identifier: MIT */
#ifndef LF_LSP_ANALYSE_H
#define LF_LSP_ANALYSE_H

#include <stddef.h>

#include <isl/ctx.h>

#include "lf_frontend.h"
#include "lf_lsp_check.h"
#include "lf_options.h"

/* The analysis of one version of a document an editor has open, as
 * loopfuse -o and --check analyse a file.
 */

/* What the editor asked for every document: the compiler arguments
 * (argv, argc of them) and the options of the analysis.
 */
struct lf_lsp_config {
	int argc;
	char **argv;
	struct lf_options opt;
};

/* Who wants the diagnostics before the fixes: diagnosed(user, check)
 * gets a check without fixes, and takes it.
 */
struct lf_lsp_progress {
	void (*diagnosed)(void *user, struct lf_lsp_check *check);
	void *user;
};

__isl_give struct lf_lsp_check *lf_lsp_analyse_text(
	__isl_keep struct lf_frontend_unit *unit, __isl_keep const char *path, __isl_keep const char *text,
	size_t len, __isl_keep const struct lf_lsp_config *config,
	__isl_keep const struct lf_lsp_progress *progress);

#endif
