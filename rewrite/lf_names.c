/* SPDX-License-Identifier: MIT */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lf_grow.h"
#include "lf_names.h"

/* Choosing the names of generated loops so that none captures a name
 * the group's statements, or the bounds printed around them, refer to.
 */

void lf_names_clear(__isl_keep struct lf_names *names)
{
	int i;

	for (i = 0; names->name && i < names->len; ++i)
		free(names->name[i]);
	for (i = 0; i < names->n_used; ++i)
		free(names->used[i]);
	free(names->name);
	free(names->type);
	free(names->ctype);
	free(names->used);
	memset(names, 0, sizeof(*names));
}

static int lf_names_has(char **list, int n, __isl_keep const char *name)
{
	int i;

	for (i = 0; i < n; ++i)
		if (list[i] && !strcmp(list[i], name))
			return 1;
	return 0;
}

static int lf_names_add_used(__isl_keep struct lf_names *names,
	__isl_keep const char *name)
{
	if (LF_GROW(names->used, names->n_used) < 0)
		return -1;
	names->used[names->n_used] = strdup(name);
	return names->used[names->n_used++] ? 0 : -1;
}

/* Add the variable that the size "name" is read from: the name itself,
 * or for a member ("l.n", "p->a.b") the variable it starts from.
 */
static int lf_names_add_size(__isl_keep struct lf_names *names,
	__isl_keep const char *name)
{
	size_t len = strcspn(name, ".-");
	char *root;
	int r;

	if (!name[len])
		return lf_names_add_used(names, name);
	root = strndup(name, len);
	r = root ? lf_names_add_used(names, root) : -1;
	free(root);
	return r;
}

/* The names that the group's statements use other than their iterators,
 * and the names of the sizes that bounds print: no generated loop may
 * take one of them.
 */
static int lf_names_collect_used(__isl_keep struct lf_names *names,
	__isl_keep struct lf_plan *plan, int g)
{
	struct lf_run *run = plan->run;
	int i, k;

	for (i = 0; i < run->n_stmt; ++i) {
		struct lf_stmt *stmt = &run->stmts[i];

		if (plan->group[stmt->nest][0] != g)
			continue;
		for (k = 0; k < stmt->n_name; ++k)
			if (lf_names_add_used(names, stmt->names[k]) < 0)
				return -1;
	}
	for (i = 0; i < run->n_param; ++i)
		if (lf_names_add_size(names, run->params[i].name) < 0)
			return -1;
	return 0;
}

/* Is "name" taken: used by the group, given to another loop, or, for a
 * name made up (fresh), found anywhere in the translation unit?
 */
static int lf_names_taken(__isl_keep struct lf_names *names,
	__isl_keep struct lf_file *file, __isl_keep const char *name, int fresh)
{
	if (lf_names_has(names->used, names->n_used, name) ||
	    lf_names_has(names->name, names->len, name))
		return 1;
	return fresh && lf_file_has_ident(file, name);
}

/* "base" if it is free, else base_2, base_3, ..., which are made up.
 */
static __isl_give char *lf_names_fresh(__isl_keep struct lf_names *names,
	__isl_keep struct lf_file *file, __isl_keep const char *base, int fresh)
{
	char buf[256];
	int k;

	snprintf(buf, sizeof(buf), "%s", base);
	for (k = 2; lf_names_taken(names, file, buf, fresh); ++k) {
		snprintf(buf, sizeof(buf), "%.200s_%d", base, k);
		fresh = 1;
	}
	return strdup(buf);
}

/* Is "name" the name of an iterator declared before its loop?  Such an
 * iterator is assigned, not declared again.
 */
int lf_names_is_outside(__isl_keep struct lf_run *run,
	__isl_keep const char *name)
{
	int i;

	for (i = 0; i < run->n_loop; ++i)
		if (run->loops[i].iter_outside &&
		    !strcmp(run->loops[i].iter, name))
			return 1;
	return 0;
}

/* The first user loop of group g at schedule position p (NULL if none),
 * and whether position p tiles it.
 */
static __isl_keep struct lf_loop *lf_names_loop_at(
	__isl_keep struct lf_plan *plan, int g, int p, int *tile)
{
	struct lf_run *run = plan->run;
	struct lf_term terms[LF_SCHED_MAX_LEN];
	int i, len = lf_plan_sched_len(plan);

	for (i = 0; i < run->n_stmt; ++i) {
		struct lf_stmt *stmt = &run->stmts[i];

		if (plan->group[stmt->nest][0] != g)
			continue;
		lf_plan_terms(plan, stmt, terms, len);
		if (terms[p].level < 0)
			continue;
		*tile = terms[p].div > 1;
		return &run->loops[stmt->loops[terms[p].level]];
	}
	return NULL;
}

/* Name and type of the loop at schedule position p, after the first
 * statement of the group that has a loop there.
 */
static int lf_names_pick(__isl_keep struct lf_names *names,
	__isl_keep struct lf_file *file, __isl_keep struct lf_plan *plan, int g,
	int p, int wide)
{
	struct lf_loop *loop;
	char base[256];
	int tile = 0, fresh;

	loop = lf_names_loop_at(plan, g, p, &tile);
	if (loop)
		snprintf(base, sizeof(base), "%s%s", loop->iter,
			 tile ? "t" : "");
	else
		snprintf(base, sizeof(base), "lf_c%d", p);
	fresh = !loop || tile ||
		(wide && lf_names_is_outside(plan->run, loop->iter));
	names->name[p] = lf_names_fresh(names, file, base, fresh);
	if (!names->name[p])
		return -1;
	names->type[p] = loop ? loop->iter_type : "int";
	names->ctype[p] = loop ? loop->type : lf_int_type_int();
	if (wide) {
		names->type[p] = "long long";
		names->ctype[p].bits = 64;
		names->ctype[p].is_signed = 1;
	} else if (loop && !tile &&
		   lf_names_is_outside(plan->run, names->name[p])) {
		names->type[p] = NULL;
	}
	return 0;
}

/* Name the loops of group g of "plan".
 */
int lf_names_build(struct lf_names *names, __isl_keep struct lf_file *file,
	__isl_keep struct lf_plan *plan, int g, int wide)
{
	int p;

	memset(names, 0, sizeof(*names));
	names->len = lf_plan_sched_len(plan);
	names->name = calloc(names->len, sizeof(char *));
	names->type = calloc(names->len, sizeof(char *));
	names->ctype = calloc(names->len, sizeof(*names->ctype));
	if (!names->name || !names->type || !names->ctype ||
	    lf_names_collect_used(names, plan, g) < 0)
		return -1;
	for (p = 0; p < names->len; ++p)
		if (lf_names_pick(names, file, plan, g, p, wide) < 0)
			return -1;
	return 0;
}

/* The schedule position of the loop named "name", or -1.
 */
int lf_names_find(__isl_keep const struct lf_names *names,
	__isl_keep const char *name)
{
	int p;

	for (p = 0; name && p < names->len; ++p)
		if (names->name[p] && !strcmp(names->name[p], name))
			return p;
	return -1;
}
