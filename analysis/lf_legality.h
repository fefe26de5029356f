/* SPDX-License-Identifier: MIT */
#ifndef LF_LEGALITY_H
#define LF_LEGALITY_H

#include <isl/union_map.h>
#include <isl/union_set.h>

#include "lf_deps.h"

/* A dependence that a proposed schedule would violate: the kind, the
 * source and sink accesses (access ids of the run) and the violated
 * part, { S[i] -> S'[j] }, source instances to sink instances.
 */
struct lf_witness {
	enum lf_dep_kind kind;
	int source;
	int sink;
	isl_map *dep;
};

void lf_witness_clear(__isl_keep struct lf_witness *witness);
int lf_legality_check(__isl_keep struct lf_deps *deps,
	__isl_keep isl_union_map *sched, struct lf_witness *witness);
int lf_legality_check_focus(__isl_keep struct lf_deps *deps,
	__isl_keep isl_union_map *sched, __isl_keep isl_union_set *focus,
	struct lf_witness *witness);
int lf_legality_check_tagged(__isl_keep isl_union_map *tagged,
	enum lf_dep_kind kind, __isl_keep isl_union_map *sched,
	struct lf_witness *witness);
int lf_legality_permutable(struct lf_deps *deps,
	__isl_keep isl_union_map *sched, const int *dims, int n);

#endif
