/* SPDX-License-Identifier: MIT */
#ifndef LF_LSP_CHECK_H
#define LF_LSP_CHECK_H

#include <stddef.h>

#include <isl/ctx.h>

#include "lf_edit.h"

/* What loopfuse finds in one version of a document an editor has open,
 * placed by byte offsets in its text: the diagnostics to show, and the
 * fixes, one per group of nests the rewrite fuses (or nest it tiles
 * alone), each with its own edits.  The edits of every fix together
 * are the rewrite of the whole file, as loopfuse -o writes it.
 *
 * lf_lsp_analyse.c makes it, with lf_lsp_diag.c for the diagnostics.
 * Nothing here knows the protocol: lf_lsp_json.c turns offsets into
 * positions and all of it into JSON.
 */
enum lf_lsp_severity {
	LF_LSP_ERROR = 1,
	LF_LSP_WARNING = 2,
	LF_LSP_INFORMATION = 3,
	LF_LSP_HINT = 4
};

/* A diagnostic on the bytes [begin, end); code is a rule id ("LF102"),
 * or NULL.
 */
struct lf_lsp_diag {
	enum lf_lsp_severity severity;
	unsigned begin;
	unsigned end;
	const char *code;
	char *message;
};

/* A group the rewrite changes: its nests span [begin, end), and its
 * edits are edits[first_edit .. first_edit + n_edit) of the check.
 */
struct lf_lsp_fix {
	unsigned begin;
	unsigned end;
	int n_nest;
	int first_edit;
	int n_edit;
};

/* revised says that the diagnostics are not those of the audit alone
 * (lf_lsp_diag_revise).
 */
struct lf_lsp_check {
	int revised;
	int n_diag;
	struct lf_lsp_diag *diags;
	int n_fix;
	struct lf_lsp_fix *fixes;
	int n_edit;
	struct lf_edit *edits;
};

void lf_lsp_check_free(__isl_take struct lf_lsp_check *check);
__isl_give struct lf_lsp_check *lf_lsp_check_copy_diags(
	__isl_keep const struct lf_lsp_check *check);
int lf_lsp_check_add(__isl_keep struct lf_lsp_check *check,
	enum lf_lsp_severity severity, unsigned begin, unsigned end,
	__isl_keep const char *code, __isl_take char *message);

#endif
