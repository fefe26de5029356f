/* SPDX-License-Identifier: MIT */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <isl/aff.h>
#include <isl/local_space.h>
#include <isl/ilp.h>
#include <isl/val.h>
#include <isl/map.h>
#include <isl/set.h>
#include <isl/space.h>
#include <isl/stride_info.h>
#include <isl/union_set.h>

#include "lf_buf.h"
#include "lf_plan_private.h"

/* The schedule of a plan: the vector of each statement (lf_plan.h
 * describes it), as terms and as isl maps, and whether it respects the
 * dependences.
 */

void lf_plan_free(__isl_take struct lf_plan *plan)
{
	int i;

	if (!plan)
		return;
	for (i = 0; i < plan->run->n_nest; ++i)
		lf_reason_free(plan->refusal[i]);
	free(plan->refusal);
	free(plan->levels);
	free(plan->group);
	free(plan->band);
	free(plan->tiled);
	free(plan->sink);
	free(plan->rtile);
	free(plan->shift);
	free(plan->tiles);
	free(plan);
}

__isl_give struct lf_plan *lf_plan_alloc(__isl_keep struct lf_run *run,
	int tile_size)
{
	struct lf_plan *plan = calloc(1, sizeof(*plan));
	int n = run->n_nest;

	if (!plan)
		return NULL;
	plan->run = run;
	plan->tile_size = tile_size;
	plan->levels = calloc(n, sizeof(int));
	plan->group = calloc(n, sizeof(*plan->group));
	plan->band = calloc(n, sizeof(int));
	plan->tiled = calloc(n, sizeof(int));
	plan->sink = calloc(n, sizeof(int));
	plan->rtile = calloc(n, sizeof(int));
	plan->shift = calloc(n, sizeof(*plan->shift));
	plan->tiles = calloc(n, sizeof(*plan->tiles));
	plan->refusal = calloc(n, sizeof(*plan->refusal));
	if (!plan->levels || !plan->group || !plan->band || !plan->tiled ||
	    !plan->sink || !plan->rtile || !plan->shift || !plan->tiles ||
	    !plan->refusal) {
		lf_plan_free(plan);
		return NULL;
	}
	return plan;
}

int lf_plan_sched_len(__isl_keep struct lf_plan *plan)
{
	return 1 + plan->max_band + 2 + 2 * lf_sched_max_depth(plan->run) + 3;
}

/* The position of f_l, the level-l iterator of a statement sharing at
 * least l + 1 loops, in the schedule vector: after the group, the tile
 * loops and the statement and block dimensions of rtile (see lf_plan.h).
 */
int lf_plan_loop_pos(__isl_keep struct lf_plan *plan, int l)
{
	return 1 + plan->max_band + 2 + 2 * l;
}

static void lf_plan_term_set(struct lf_term *t, int level, int coef, long cst)
{
	t->level = level;
	t->coef = coef;
	t->cst = cst;
	t->div = 1;
}

/* The schedule vector of a statement; see lf_plan.h.
 */
void lf_plan_terms(__isl_keep struct lf_plan *plan,
	__isl_keep struct lf_stmt *stmt, struct lf_term *terms, int len)
{
	struct lf_run *run = plan->run;
	struct lf_term orig[LF_SCHED_MAX_LEN];
	int n = stmt->nest, d = plan->levels[n], g = plan->group[n][0];
	int k, l, pos;

	lf_sched_original_terms(stmt, run, orig, LF_SCHED_MAX_LEN);
	for (k = 0; k < len; ++k)
		lf_plan_term_set(&terms[k], -1, 0, 0);
	terms[0].cst = g;
	pos = lf_plan_loop_pos(plan, 0);
	for (k = 0; k < plan->band[g] && plan->tiled[g]; ++k) {
		lf_plan_term_set(&terms[1 + k], k,
				 run->loops[stmt->loops[k]].dir,
				 plan->shift[n][k]);
		terms[1 + k].div = plan->tiles[g][k];
	}
	if (plan->rtile[g]) {
		k = plan->band[g];
		terms[1 + plan->max_band].cst = stmt - run->stmts;
		if (stmt->depth > k) {
			lf_plan_term_set(&terms[2 + plan->max_band], k,
					 run->loops[stmt->loops[k]].dir, 0);
			terms[2 + plan->max_band].div = plan->rtile[g];
		}
	}
	for (l = 0; l < d; ++l) {
		if (l > 0)
			terms[pos++].cst = plan->group[n][l];
		if (plan->sink[g] && l == plan->band[g] - 1) {
			lf_plan_term_set(&terms[len - 1], l,
					 run->loops[stmt->loops[l]].dir,
					 plan->shift[n][l]);
			continue;
		}
		lf_plan_term_set(&terms[pos++], l,
				 run->loops[stmt->loops[l]].dir,
				 plan->shift[n][l]);
	}
	if (d > 0)
		terms[pos++].cst = plan->group[n][d];
	for (k = 2 * d; k < 2 * stmt->depth + 1 && pos < len - 1; ++k)
		terms[pos++] = orig[k];
}

/* The schedule of the statements of top-level group "group" (all
 * statements if group < 0).
 */
__isl_give isl_union_map *lf_plan_schedule(__isl_keep struct lf_plan *plan,
	int group)
{
	struct lf_run *run = plan->run;
	struct lf_term terms[LF_SCHED_MAX_LEN];
	int len = lf_plan_sched_len(plan);
	isl_union_map *sched;
	int i;

	sched = isl_union_map_empty(isl_set_get_space(run->context));
	for (i = 0; i < run->n_stmt; ++i) {
		struct lf_stmt *stmt = &run->stmts[i];

		if (group >= 0 && plan->group[stmt->nest][0] != group)
			continue;
		lf_plan_terms(plan, stmt, terms, len);
		sched = isl_union_map_add_map(sched,
			lf_sched_stmt_map(stmt, terms, len));
	}
	return sched;
}

/* The number of nests in top-level group "group", the first in *first.
 */
int lf_plan_group_size(__isl_keep struct lf_plan *plan, int group, int *first)
{
	int i, n = 0;

	for (i = 0; i < plan->run->n_nest; ++i) {
		if (plan->group[i][0] != group)
			continue;
		if (n++ == 0)
			*first = i;
	}
	return n;
}

/* The iterator of the loop below the band that group "group" tiles
 * (rtile), or NULL.
 */
__isl_keep const char *lf_plan_rtile_iter(__isl_keep struct lf_plan *plan,
	int group)
{
	struct lf_run *run = plan->run;
	int i, b = plan->band[group];

	if (!plan->rtile[group])
		return NULL;
	for (i = 0; i < run->n_stmt; ++i) {
		struct lf_stmt *stmt = &run->stmts[i];

		if (plan->group[stmt->nest][0] == group && stmt->depth > b)
			return run->loops[stmt->loops[b]].iter;
	}
	return NULL;
}

/* Is the schedule of top-level group g (of all groups if g < 0) legal?
 * Groups keep the order of their nests, so dependences between groups
 * never need checking again.
 */
int lf_plan_is_legal(__isl_keep struct lf_plan *plan,
	__isl_keep struct lf_deps *deps, int g, struct lf_witness *witness)
{
	isl_union_map *sched = lf_plan_schedule(plan, g);
	int r;

	if (!sched)
		return -1;
	r = lf_legality_check_focus(deps, sched, NULL, witness);
	isl_union_map_free(sched);
	return r;
}

/* Is the schedule of nest k's top-level group legal, given that it was
 * legal before nest k joined: only dependences of nest k can break.
 */
int lf_plan_is_legal_nest(__isl_keep struct lf_plan *plan,
	__isl_keep struct lf_deps *deps, int k, struct lf_witness *witness)
{
	struct lf_run *run = plan->run;
	struct lf_nest *nest = &run->nests[k];
	isl_union_map *sched = lf_plan_schedule(plan, plan->group[k][0]);
	isl_union_set *focus;
	int i, r;

	focus = isl_union_set_empty(isl_set_get_space(run->context));
	for (i = nest->first_stmt; i < nest->first_stmt + nest->n_stmt; ++i)
		focus = isl_union_set_add_set(focus,
			isl_set_copy(run->stmts[i].domain));
	r = sched && focus ? lf_legality_check_focus(deps, sched, focus,
						     witness) : -1;
	isl_union_set_free(focus);
	isl_union_map_free(sched);
	return r;
}
