/* SPDX-License-Identifier: MIT */
#ifndef LF_DEPS_H
#define LF_DEPS_H

#include <isl/union_map.h>

#include "lf_model.h"

/* The dependences of a run.  Tagged relations relate access instances,
 * { [S<i>[..] -> R<k>[]] -> [S<j>[..] -> R<l>[]] }, so that every
 * dependence can be traced to the two references behind it; untagged
 * ones relate statement instances.
 *
 * flow, anti and output are value-based (isl's dataflow analysis with
 * must-writes as kills): respecting them all keeps every value and
 * every final element exactly as in the original order.  alias holds,
 * for each pair of arrays that may share memory (pointer parameters
 * without restrict, and such parameters and globals), every ordered
 * pair of accesses of which one writes: a conservative stand-in for
 * dependences that cannot be computed.  checked holds the same for the
 * pairs that a run-time check may show apart (LF_ALIAS_CHECKED), in
 * tagged form; they are in no other relation.
 */
enum lf_dep_kind {
	LF_DEP_FLOW,
	LF_DEP_ANTI,
	LF_DEP_OUTPUT,
	LF_DEP_ALIAS,
	LF_DEP_N
};

struct lf_deps {
	isl_union_map *tagged[LF_DEP_N];
	isl_union_map *untagged[LF_DEP_N];
	isl_union_map *checked;
	isl_union_map *schedule;
	isl_union_map *tagged_schedule;
};

/* How pairs of arrays that may share memory are treated: as if they do
 * (LF_ALIAS_DEPS), as if they never do (LF_ALIAS_NONE, which speaks of
 * pointer parameters and globals only: a pair with a member or a local
 * pointer is kept as with LF_ALIAS_DEPS), or, for the
 * pairs whose arrays are both marked checkable, as dependences kept
 * apart in "checked" (LF_ALIAS_CHECKED).
 */
enum lf_alias {
	LF_ALIAS_DEPS,
	LF_ALIAS_NONE,
	LF_ALIAS_CHECKED
};

__isl_give isl_union_map *lf_deps_original_schedule(struct lf_run *run);
int lf_deps_unstable_size(__isl_keep struct lf_run *run, int *array);
int lf_deps_may_alias(const struct lf_array *a, const struct lf_array *b);
__isl_give isl_union_set *lf_deps_array_tags(struct lf_run *run, int array);
struct lf_deps *lf_deps_compute(struct lf_run *run, enum lf_alias alias,
	const int *checkable);
void lf_deps_free(struct lf_deps *deps);

#endif
