/* SPDX-License-Identifier: MIT */
#ifndef LF_CONTRACT_H
#define LF_CONTRACT_H

#include "lf_deps.h"
#include "lf_model.h"
#include "lf_plan.h"

/* An array of the run that becomes a scalar: its dimensions,
 * text[dims_begin, dims_end) in its declaration, go away, and so do
 * the subscripts of its accesses.
 */
struct lf_contraction {
	int array;
	unsigned dims_begin;
	unsigned dims_end;
};

int lf_contract_group(__isl_keep struct lf_plan *plan,
	__isl_keep struct lf_deps *deps, int g, struct lf_contraction **list);

#endif
