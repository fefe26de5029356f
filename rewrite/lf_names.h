/* SPDX-License-Identifier: MIT */
#ifndef LF_NAMES_H
#define LF_NAMES_H

#include "lf_model.h"
#include "lf_plan.h"

/* The names and types of the loops generated for one fused group, one
 * per schedule dimension.  A loop takes the name of the first user loop
 * at its place, unless something the group's code refers to has that
 * name; tile loops and renamed loops get names that nothing in the
 * translation unit has.  type is how its iterator is declared (NULL:
 * the user declared it before the loops, and it is assigned), ctype
 * that type.  In "wide" code every iterator is a long long, declared.
 * used holds the names no loop may take.
 */
struct lf_names {
	int len;
	char **name;
	const char **type;
	struct lf_int_type *ctype;
	int n_used;
	char **used;
};

int lf_names_build(struct lf_names *names, __isl_keep struct lf_file *file,
	__isl_keep struct lf_plan *plan, int g, int wide);
void lf_names_clear(__isl_keep struct lf_names *names);
int lf_names_find(__isl_keep const struct lf_names *names,
	__isl_keep const char *name);
int lf_names_is_outside(__isl_keep struct lf_run *run,
	__isl_keep const char *name);

#endif
