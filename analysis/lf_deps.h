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
 * dependences that cannot be computed.
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
	isl_union_map *schedule;
	isl_union_map *tagged_schedule;
};

__isl_give isl_union_map *lf_deps_original_schedule(
	__isl_keep struct lf_run *run);
int lf_deps_may_alias(__isl_keep const struct lf_array *a,
	__isl_keep const struct lf_array *b);
__isl_give struct lf_deps *lf_deps_compute(__isl_keep struct lf_run *run,
	int assume_no_alias);
void lf_deps_free(__isl_take struct lf_deps *deps);

#endif
