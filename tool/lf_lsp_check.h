#ifndef LF_LSP_CHECK_H
#define LF_LSP_CHECK_H

#include <stddef.h>

#include <isl/ctx.h>

#include "lf_audit.h"
#include "lf_edit.h"
#include "lf_options.h"
#include "lf_parse_errors.h"
#include "lf_rewrite.h"

/* What loopfuse finds in one version of a document an editor has open,
 * placed by byte offsets in its text: the diagnostics to show, and the
 * fixes, one per group of nests the rewrite fuses (or nest it tiles
 * alone), each with its own edits.  The edits of every fix together
 * are the rewrite of the whole file, as loopfuse -o writes it.
 *
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

__isl_give struct lf_lsp_check *lf_lsp_check_text(
	__isl_keep const char *path, __isl_keep const char *text,
	size_t len, __isl_keep const struct lf_lsp_config *config,
	__isl_keep const struct lf_lsp_progress *progress);
void lf_lsp_check_free(__isl_take struct lf_lsp_check *check);
int lf_lsp_check_add(__isl_keep struct lf_lsp_check *check,
	enum lf_lsp_severity severity, unsigned begin, unsigned end,
	__isl_keep const char *code, __isl_take char *message);

/* lf_lsp_diag.c */
int lf_lsp_diag_errors(__isl_keep struct lf_lsp_check *check,
	__isl_keep const struct lf_parse_errors *errors);
int lf_lsp_diag_audit(__isl_keep struct lf_lsp_check *check,
	__isl_keep const struct lf_audit *audit,
	__isl_keep const char *text, size_t len);
int lf_lsp_diag_revise(__isl_keep struct lf_lsp_check *check,
	__isl_keep const struct lf_result *result);

#endif
