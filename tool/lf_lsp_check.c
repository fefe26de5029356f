/* SPDX-License-Identifier: MIT */
#include <stdlib.h>
#include <string.h>

#include "lf_grow.h"
#include "lf_lsp_check.h"

/* What loopfuse finds in one version of a document (see
 * lf_lsp_check.h).
 */

/* Add a diagnostic with "message" (taken; NULL means out of memory).
 */
int lf_lsp_check_add(__isl_keep struct lf_lsp_check *check,
	enum lf_lsp_severity severity, unsigned begin, unsigned end,
	__isl_keep const char *code, __isl_take char *message)
{
	struct lf_lsp_diag *d;

	if (!message || LF_GROW(check->diags, check->n_diag) < 0) {
		free(message);
		return -1;
	}
	d = &check->diags[check->n_diag++];
	d->severity = severity;
	d->begin = begin;
	d->end = end < begin ? begin : end;
	d->code = code;
	d->message = message;
	return 0;
}

void lf_lsp_check_free(__isl_take struct lf_lsp_check *check)
{
	int i;

	if (!check)
		return;
	for (i = 0; i < check->n_diag; ++i)
		free(check->diags[i].message);
	for (i = 0; i < check->n_edit; ++i)
		free(check->edits[i].text);
	free(check->diags);
	free(check->fixes);
	free(check->edits);
	free(check);
}

/* A copy of the diagnostics of "check", without its fixes; NULL when
 * out of memory.
 */
__isl_give struct lf_lsp_check *lf_lsp_check_copy_diags(
	__isl_keep const struct lf_lsp_check *check)
{
	struct lf_lsp_check *copy = calloc(1, sizeof(*copy));
	int i;

	for (i = 0; copy && i < check->n_diag; ++i) {
		const struct lf_lsp_diag *d = &check->diags[i];

		if (lf_lsp_check_add(copy, d->severity, d->begin, d->end,
				     d->code, strdup(d->message)) < 0) {
			lf_lsp_check_free(copy);
			return NULL;
		}
	}
	return copy;
}
