/* SPDX-License-Identifier: MIT */
#include <stdlib.h>
#include <string.h>

#include "lf_reason.h"

/* A copy of "s", or NULL for NULL; *failed is set if copying failed.
 */
static __isl_give char *lf_reason_dup(__isl_keep const char *s, int *failed)
{
	char *copy;

	if (!s)
		return NULL;
	copy = strdup(s);
	if (!copy)
		*failed = 1;
	return copy;
}

/* A reason of kind "why" found at "loc", with copies of "text" and
 * "name" (either may be NULL).  The caller frees it with
 * lf_reason_free.
 */
__isl_give struct lf_reason *lf_reason_alloc(enum lf_why why, struct lf_loc loc,
	__isl_keep const char *text, __isl_keep const char *name)
{
	struct lf_reason *reason = calloc(1, sizeof(*reason));
	int failed = 0;

	if (!reason)
		return NULL;
	reason->why = why;
	reason->loc = loc;
	reason->text = lf_reason_dup(text, &failed);
	reason->name = lf_reason_dup(name, &failed);
	if (failed) {
		lf_reason_free(reason);
		return NULL;
	}
	return reason;
}

/* A copy of "reason" and of its causes, or NULL (for NULL too).
 */
__isl_give struct lf_reason *lf_reason_copy(
	__isl_keep const struct lf_reason *reason)
{
	struct lf_reason *copy;
	int failed = 0;

	if (!reason)
		return NULL;
	copy = lf_reason_alloc(reason->why, reason->loc, reason->text,
			       reason->name);
	if (!copy)
		return NULL;
	copy->text2 = lf_reason_dup(reason->text2, &failed);
	copy->name2 = lf_reason_dup(reason->name2, &failed);
	copy->loc1 = reason->loc1;
	copy->loc2 = reason->loc2;
	copy->n0 = reason->n0;
	copy->n1 = reason->n1;
	if (reason->cause) {
		copy->cause = lf_reason_copy(reason->cause);
		failed |= !copy->cause;
	}
	if (failed) {
		lf_reason_free(copy);
		return NULL;
	}
	return copy;
}

void lf_reason_free(__isl_take struct lf_reason *reason)
{
	if (!reason)
		return;
	free(reason->text);
	free(reason->name);
	free(reason->text2);
	free(reason->name2);
	lf_reason_free(reason->cause);
	free(reason);
}
