/* SPDX-License-Identifier: MIT */
#ifndef LF_CHECK_H
#define LF_CHECK_H

#include <isl/ast.h>
#include <isl/ctx.h>
#include <isl/set.h>
#include <isl/union_map.h>

#include "lf_buf.h"
#include "lf_deps.h"
#include "lf_fit.h"
#include "lf_model.h"

/* Run-time alias checks.  Arrays that may share memory (pointer
 * parameters without restrict, and such parameters and globals) make
 * every pair of their conflicting accesses a dependence, which forbids
 * most fusion.  Where new code breaks only such dependences, it runs
 * under a check that the arrays are apart, and the original code runs
 * otherwise:
 *
 *     if (<the bytes a and b are accessed at do not overlap>) {
 *             <new code>
 *     } else {
 *             <original code>
 *     }
 *
 * The bytes of an array are those from its least to its greatest
 * accessed element in the run (offsets found by isl over the run's
 * sizes, times the element size), or the whole object of a global.
 * An array is checkable when those can be printed as C that computes
 * every value in its type: a global, or a pointer parameter whose
 * dimensions below the outermost have constant sizes.
 */

/* What the check says of one array.  lo is its least accessed element
 * offset and end the greatest plus one (both NULL for a global, whose
 * whole object counts); guard, if not NULL, is when the run accesses it
 * at all, and lo and end are only computed then.  fit knows the values
 * of the sizes where they are computed; with wide (guard_wide), the
 * sizes are converted to long long in them (in the guard).
 */
struct lf_check_range {
	int checkable;
	isl_ast_expr *guard;
	int guard_wide;
	isl_ast_expr *lo;
	isl_ast_expr *end;
	int wide;
	struct lf_fit *fit;
};

/* The ranges of the arrays of "run", checkable[a] for lf_deps_compute,
 * and the text of each size in a check, converted to long long.
 */
struct lf_checks {
	struct lf_run *run;
	struct lf_check_range *ranges;
	int *checkable;
	char **casts;
};

/* The pairs of arrays that one piece of new code needs apart. */
struct lf_check {
	int n_pair;
	int (*pair)[2];
};

int lf_checks_init(struct lf_checks *checks, struct lf_run *run);
void lf_checks_clear(struct lf_checks *checks);
int lf_check_needed(struct lf_run *run, struct lf_deps *deps,
	__isl_keep isl_union_map *sched, struct lf_check *check);
void lf_check_clear(struct lf_check *check);
int lf_check_names(struct lf_run *run, const struct lf_check *check,
	char ***names);
void lf_check_names_free(char **names, int n_pair);
int lf_check_print(struct lf_checks *checks, const struct lf_check *check,
	const char *separator, struct lf_buf *out);

#endif
