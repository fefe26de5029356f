/* SPDX-License-Identifier: MIT */
#include <stdlib.h>
#include <string.h>

#include "lf_audit.h"

/* The audit of a file, function by function: the runs of a function
 * that calls operators next to its loops are audited with the calls as
 * members (lf_audit_calls), unless calls are not to be fused.
 */

static int lf_audit_function(struct lf_audit_function *fn,
	__isl_keep struct lf_file *file, int f,
	__isl_keep const struct lf_options *options)
{
	int i, n = 0;

	memset(fn, 0, sizeof(*fn));
	fn->name = strdup(file->functions[f].name);
	fn->loc = file->functions[f].loc;
	if (!fn->name)
		return -1;
	if (!options->no_inline && file->n_call > 0)
		return lf_audit_calls(fn, file, f, options);
	for (i = 0; i < file->n_run; ++i) {
		if (file->runs[i]->function != f)
			continue;
		if (lf_audit_run(fn, file->runs[i], n++, options) < 0)
			return -1;
	}
	return 0;
}

/* Audit every function of "file": nests, pairs and groups.  Returns
 * NULL on an internal error; analyses that give up are reported as
 * verdicts.
 */
__isl_give struct lf_audit *lf_audit_file(__isl_keep struct lf_file *file,
	__isl_keep const struct lf_options *options)
{
	struct lf_audit *audit = calloc(1, sizeof(*audit));
	int f;

	if (!audit)
		return NULL;
	audit->path = strdup(file->path ? file->path : "");
	audit->options = *options;
	audit->functions = calloc(file->n_function + 1,
				  sizeof(*audit->functions));
	if (!audit->path || !audit->functions)
		goto error;
	for (f = 0; f < file->n_function; ++f) {
		audit->n_function = f + 1;
		if (lf_audit_function(&audit->functions[f], file, f,
				      options) < 0)
			goto error;
	}
	return audit;
error:
	lf_audit_free(audit);
	return NULL;
}
