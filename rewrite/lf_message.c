/* SPDX-License-Identifier: MIT */
#include <stdlib.h>

#include "lf_check.h"
#include "lf_rewrite.h"

/* Free what a message of a rewrite owns; the record itself stays.
 */
void lf_message_clear(__isl_keep struct lf_message *m)
{
	int k;

	free(m->rtile_iter);
	for (k = 0; k < m->n_contracted; ++k)
		free(m->contracted[k]);
	free(m->contracted);
	for (k = 0; k < m->n_call; ++k)
		free(m->calls[k]);
	free(m->calls);
	lf_check_names_free(m->apart, m->n_apart);
	lf_audit_group_free(m->explain);
	lf_reason_free(m->reason);
}
