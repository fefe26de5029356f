/* SPDX-License-Identifier: MIT */
#ifndef LF_AUDIT_H
#define LF_AUDIT_H

#include "lf_deps.h"
#include "lf_model.h"
#include "lf_options.h"
#include "lf_plan.h"

/* The audit of a file: for every function, its loop nests, and for each
 * pair of adjacent nests and each fusion group the planner forms, a
 * verdict with the reason behind it.  Nothing is rewritten, and nothing
 * here is a sentence: the report layer (tool/) words it.
 *
 * A pair is "fusable" when the two nests can share their outer "depth"
 * loops on their own, "fusable with a shift" when they can share them
 * only if the second nest runs a few iterations behind the first (as
 * the planner fuses them), "illegal" when a dependence forbids sharing
 * even the outermost loop, and "not analysable" when one of them
 * cannot be modeled, when the nests may touch overlapping memory, or
 * when the analysis gave up.  Every reason has a kind and a location; a
 * dependence also has its two accesses, the iterations involved and the
 * isl relation.
 */
enum lf_verdict {
	LF_VERDICT_FUSABLE,
	LF_VERDICT_FUSABLE_SHIFT,
	LF_VERDICT_ILLEGAL,
	LF_VERDICT_NOT_ANALYSABLE,
	LF_VERDICT_N
};

/* One access of a dependence: its text and location, its array, and the
 * statement it belongs to, named by the access the statement writes
 * ("c[i]") and located at the statement.  nest is the index of the
 * statement's nest among the nests of its function.
 */
struct lf_audit_ref {
	char *text;
	char *array;
	int write;
	struct lf_loc loc;
	char *stmt;
	char *target;
	struct lf_loc stmt_loc;
	int nest;
};

/* A dependence between two accesses: the source runs first in the
 * original program.  iteration gives the source iterations as C
 * expressions of the sink's iterators ("N - 1 - i", "(j, i, N - 1)"),
 * or is NULL; then example_source and example_sink hold one concrete
 * pair of iterations ("i = 0", "i = 2") for the sizes in
 * example_params ("n = 3", or NULL when all sizes are known).
 * relation is the isl relation between the statement instances.  For
 * the dependences that a fusion group keeps, distance holds the
 * distance in each fused loop (a number, ">= c" or "*"), iters the
 * source's iterators of those loops, and phases says whether the group
 * runs its statements one after another inside each tile.
 */
struct lf_audit_dep {
	enum lf_dep_kind kind;
	struct lf_audit_ref source;
	struct lf_audit_ref sink;
	char *iteration;
	char *example_source;
	char *example_sink;
	char *example_params;
	char *relation;
	int n_distance;
	char **distance;
	char **iters;
	int phases;
};

/* Why a pair is not fusable (or needs a shift), or why a nest is
 * opaque.  For the reason of an opaque nest of a pair, "where" is 1 if
 * it is the first nest's, 2 if the second's (0 otherwise).  For a
 * dependence (has_dep), reason->why is its kind, reason->loc the sink,
 * and "shifted" says that the dependence breaks without the shift
 * (rather than after fusion).
 */
struct lf_audit_reason {
	struct lf_reason *reason;
	int where;
	int shifted;
	int has_dep;
	struct lf_audit_dep dep;
};

/* A nest of a function, "first_line" to "end_line"; depth is the
 * number of loops of its deepest statement, perfect the number of
 * outer loops that nothing but the next loop separates.  iters are the
 * iterator names of those perfect loops.
 *
 * A member of a run may also be a call next to loops (lf_file.calls):
 * then "call" names its callee, and n_call_nest is the number of the
 * callee's nests the call stands for (depth, perfect and iters are
 * those of the last one), or 0 if the call stays a call; such a call
 * is opaque, its reason says why, and its run is -1.
 */
struct lf_audit_nest {
	char *call;
	int n_call_nest;
	int run;
	struct lf_loc loc;
	struct lf_loc end_loc;
	int depth;
	int perfect;
	char **iters;
	int opaque;
	struct lf_audit_reason reason;
};

/* The verdict on nests first and first + 1 of a function.  depth is the
 * number of loops they share (fusable verdicts), max_depth the number
 * they could share at most; tilable says whether the shared loops form
 * a band that can be tiled (only when depth >= 2).  shift[l] is how many
 * iterations of loop l the second nest runs behind the first.  fused
 * says whether the planner puts them in one group; when it does not
 * although they are fusable, plan_reason says why.  limit, if not NULL,
 * is the dependence that keeps a fusable pair from sharing one more
 * loop.  A fusable pair whose fused order breaks the conflicts of arrays
 * that may overlap is fusable under a run-time check that they do not:
 * apart names those n_apart pairs of arrays, two names per pair.
 */
struct lf_audit_pair {
	int first;
	enum lf_verdict verdict;
	int depth;
	int max_depth;
	int tilable;
	int shift[LF_MAX_DEPTH];
	int fused;
	struct lf_reason *plan_reason;
	struct lf_audit_reason reason;
	struct lf_audit_reason *limit;
	int n_apart;
	char **apart;
};

/* A member of a fusion group: where its nest is, and the iterators of
 * its first statement's shared loops.
 */
struct lf_audit_member {
	struct lf_loc loc;
	struct lf_loc end_loc;
	char **iters;
};

/* A fusion group: nests first .. first + n - 1 fused into one, sharing
 * "depth" loops (iterators iters); when tiled, loop l by tile_sizes[l].
 * sink says that the innermost shared loop runs inside the statements'
 * own loops; rtile_iter, if not NULL, is the loop below the band that
 * runs in blocks of rtile.  shift[i][l] is how many iterations its i-th
 * nest runs behind in loop l.  deps are the dependences between its
 * nests that the fused order keeps, unless incomplete is set (isl ran
 * out of its budget listing them).  apart names the n_apart pairs of
 * arrays that a run-time check must find apart for the group to run
 * fused.  calls names the callees of the n_call calls among its
 * members, in order.
 */
struct lf_audit_group {
	int first;
	int n;
	struct lf_loc loc;
	int depth;
	char **iters;
	int tiled;
	int tile_sizes[LF_MAX_DEPTH];
	int sink;
	char *rtile_iter;
	int rtile;
	int (*shift)[LF_MAX_DEPTH];
	struct lf_audit_member *members;
	int n_dep;
	struct lf_audit_dep *deps;
	int incomplete;
	int n_apart;
	char **apart;
	int n_call;
	char **calls;
};

struct lf_audit_function {
	char *name;
	struct lf_loc loc;
	int n_nest;
	struct lf_audit_nest *nests;
	int n_pair;
	struct lf_audit_pair *pairs;
	int n_group;
	struct lf_audit_group *groups;
};

struct lf_audit {
	char *path;
	struct lf_options options;
	int n_function;
	struct lf_audit_function *functions;
};

__isl_give struct lf_audit *lf_audit_file(__isl_keep struct lf_file *file,
	__isl_keep const struct lf_options *options);
void lf_audit_free(__isl_take struct lf_audit *audit);
int lf_audit_count(__isl_keep const struct lf_audit *audit,
	enum lf_verdict verdict);
int lf_audit_count_groups(__isl_keep const struct lf_audit *audit, int alone);
int lf_audit_count_calls(__isl_keep const struct lf_audit *audit);
int lf_audit_run(__isl_keep struct lf_audit_function *fn,
	__isl_keep struct lf_run *run, int run_index,
	__isl_keep const struct lf_options *options);
void lf_audit_function_clear(__isl_keep struct lf_audit_function *fn);
void lf_audit_nest_clear(__isl_keep struct lf_audit_nest *nest);
void lf_audit_pair_clear(__isl_keep struct lf_audit_pair *pair);

/* lf_audit_call.c */
int lf_audit_calls(__isl_keep struct lf_audit_function *fn,
	__isl_keep struct lf_file *file, int f,
	__isl_keep const struct lf_options *options);
void lf_audit_call_move_reason(__isl_keep struct lf_reason *reason,
	__isl_keep struct lf_file *file);
unsigned lf_audit_call_move_offset(__isl_keep struct lf_file *file,
	unsigned at);
int lf_audit_call_explain(__isl_keep struct lf_audit_group *group,
	__isl_keep struct lf_file *file);

/* lf_audit_dep.c */
int lf_audit_dep_init(struct lf_audit_dep *dep, __isl_keep struct lf_run *run,
	enum lf_dep_kind kind, int src, int dst, __isl_keep isl_map *map,
	int base);
int lf_audit_dep_distance(__isl_keep struct lf_audit_dep *dep,
	__isl_keep struct lf_run *run, __isl_keep struct lf_plan *plan,
	__isl_keep struct lf_stmt *src, __isl_keep struct lf_stmt *dst,
	__isl_keep isl_map *map, int n);
void lf_audit_dep_clear(__isl_keep struct lf_audit_dep *dep);
void lf_audit_reason_clear(__isl_keep struct lf_audit_reason *reason);
void lf_audit_strs_free(__isl_take char **strs, int n);

/* lf_audit_group.c */
int lf_audit_group_init(struct lf_audit_group *group,
	__isl_keep struct lf_run *run, __isl_keep struct lf_deps *deps,
	__isl_keep struct lf_plan *plan, int g);
void lf_audit_group_clear(__isl_keep struct lf_audit_group *group);
void lf_audit_group_free(__isl_take struct lf_audit_group *group);

#endif
