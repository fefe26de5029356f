/* SPDX-License-Identifier: MIT */
#include <stdlib.h>
#include <string.h>

#include "lf_frontend.h"
#include "lf_grow.h"
#include "lf_lsp_analyse.h"
#include "lf_lsp_diag.h"
#include "lf_read.h"
#include "lf_run.h"

/* The analysis of one version of a document: the front end on its
 * text, the rewrite for its fixes, the audit for its diagnostics; the
 * same analysis with the same options as loopfuse -o and --check.
 */

/* One fix per group that "result" rewrites.
 */
static int lf_lsp_analyse_fixes(__isl_keep struct lf_lsp_check *check,
	__isl_keep const struct lf_result *result)
{
	int i;

	for (i = 0; i < result->n_message; ++i) {
		const struct lf_message *m = &result->messages[i];
		struct lf_lsp_fix *fix;

		if (m->kind != LF_MESSAGE_FUSED)
			continue;
		if (LF_GROW(check->fixes, check->n_fix) < 0)
			return -1;
		fix = &check->fixes[check->n_fix++];
		fix->begin = m->begin;
		fix->end = m->end;
		fix->n_nest = m->n_nest;
		fix->first_edit = m->first_edit;
		fix->n_edit = m->n_edit;
	}
	return 0;
}

/* Take the edits of "result" into "check"; a text whose lines end in
 * CR alone was analysed with LF (see lf_run.c), and gets its CRs back.
 */
static void lf_lsp_analyse_take_edits(__isl_keep struct lf_lsp_check *check,
	__isl_keep struct lf_result *result, int cr_only)
{
	int i;

	check->edits = result->edits;
	check->n_edit = result->n_edit;
	result->edits = NULL;
	result->n_edit = 0;
	for (i = 0; cr_only && i < check->n_edit; ++i)
		if (check->edits[i].text)
			lf_run_replace_byte(check->edits[i].text,
				strlen(check->edits[i].text), '\n', '\r');
}

/* The rewrite of "file", as loopfuse -o makes it: the fixes, and the
 * hints of the audit revised where it could not make one.
 */
static int lf_lsp_analyse_rewrite(__isl_keep struct lf_lsp_check *check,
	__isl_keep struct lf_file *file,
	__isl_keep const struct lf_lsp_config *config, int cr_only)
{
	struct lf_result result;
	int r;

	r = lf_rewrite_file(file, &config->opt, &result);
	if (r == 0)
		r = lf_lsp_analyse_fixes(check, &result);
	if (r == 0)
		r = lf_lsp_diag_revise(check, &result);
	lf_lsp_analyse_take_edits(check, &result, cr_only);
	lf_result_clear(&result);
	return r;
}

/* Audit "file", as loopfuse --check does, and tell "progress" (if not
 * NULL) the diagnostics; then rewrite it.  The rewrite takes the
 * longer, and the editor shows the diagnostics meanwhile.
 */
static int lf_lsp_analyse_file(__isl_keep struct lf_lsp_check *check,
	__isl_keep struct lf_file *file,
	__isl_keep const struct lf_lsp_config *config, int cr_only,
	__isl_keep const struct lf_lsp_progress *progress)
{
	struct lf_audit *audit = lf_audit_file(file, &config->opt);
	struct lf_lsp_check *copy;
	int r;

	r = audit ? lf_lsp_diag_audit(check, audit, file->text, file->len) :
	    -1;
	lf_audit_free(audit);
	if (r < 0)
		return -1;
	if (progress) {
		copy = lf_lsp_check_copy_diags(check);
		if (!copy)
			return -1;
		progress->diagnosed(progress->user, copy);
	}
	return lf_lsp_analyse_rewrite(check, file, config, cr_only);
}

/* Parse text[0 .. len), which the file "path" has in the editor, and
 * analyse it.  clang's errors make its diagnostics when it does not
 * parse.
 */
static int lf_lsp_analyse_parse(__isl_keep struct lf_lsp_check *check,
	__isl_keep struct lf_frontend_unit *unit,
	__isl_keep const char *path, __isl_keep const char *text, size_t len,
	__isl_keep const struct lf_lsp_config *config, int cr_only,
	__isl_keep const struct lf_lsp_progress *progress)
{
	struct lf_frontend_options fopt = { NULL, config->argc,
		(const char *const *) config->argv, !config->opt.no_inline };
	struct lf_parse_errors errors = { NULL, 1, 0, NULL, 0, 0 };
	struct lf_file *file;
	isl_ctx *ctx = lf_run_ctx_alloc();
	int r;

	if (!ctx)
		return -1;
	if (unit)
		file = lf_frontend_unit_parse(unit, ctx, path, text, len,
					      &fopt, &errors);
	else
		file = lf_frontend_parse_errors(ctx, path, text, len, &fopt,
						&errors);
	if (file)
		r = lf_lsp_analyse_file(check, file, config, cr_only,
					progress);
	else
		r = errors.failed ? -1 : lf_lsp_diag_errors(check, &errors);
	lf_parse_errors_clear(&errors);
	lf_file_free(file);
	isl_ctx_free(ctx);
	return r;
}

/* What loopfuse finds in text[0 .. len), the text the editor has for
 * the file "path"; NULL when out of memory.  A text with a NUL byte is
 * refused as loopfuse refuses such a file.  When the text parses,
 * "progress" (unless NULL) gets the diagnostics before the rewrite.
 * "unit" (unless NULL) keeps clang's parse from one version of a file
 * to the next, which is then reparsed.
 */
__isl_give struct lf_lsp_check *lf_lsp_analyse_text(
	__isl_keep struct lf_frontend_unit *unit, __isl_keep const char *path, __isl_keep const char *text,
	size_t len, __isl_keep const struct lf_lsp_config *config,
	__isl_keep const struct lf_lsp_progress *progress)
{
	struct lf_lsp_check *check = calloc(1, sizeof(*check));
	const char *nul = len > 0 ? memchr(text, '\0', len) : NULL;
	char *copy = malloc(len + 1);
	int r, cr_only;

	if (!check || !copy) {
		free(copy);
		lf_lsp_check_free(check);
		return NULL;
	}
	if (len > 0)
		memcpy(copy, text, len);
	copy[len] = '\0';
	cr_only = lf_run_is_cr_only(copy, len);
	if (cr_only)
		lf_run_replace_byte(copy, len, '\r', '\n');
	if (nul)
		r = lf_lsp_check_add(check, LF_LSP_ERROR, nul - text,
			nul - text + 1, NULL,
			strdup(LF_READ_NUL));
	else
		r = lf_lsp_analyse_parse(check, unit, path, copy, len,
					 config, cr_only, progress);
	free(copy);
	if (r < 0) {
		lf_lsp_check_free(check);
		return NULL;
	}
	return check;
}
