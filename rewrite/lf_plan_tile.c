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

/* Tiling the fused bands: which groups to tile and with which sizes,
 * which band loop to run innermost, which loop below the band to run in
 * blocks, and the bands of nests left alone.
 */

/* The depth of the band that every nest of top-level group g shares.
 */
int lf_plan_band_depth(__isl_keep struct lf_plan *plan, int g)
{
	int i, l, band = LF_MAX_DEPTH;

	for (i = 0; i < plan->run->n_nest; ++i) {
		if (plan->group[i][0] != g)
			continue;
		for (l = 1; l < plan->levels[i] && plan->group[i][l] == 0; ++l)
			;
		if (l < band)
			band = l;
		if (plan->levels[i] < band)
			band = plan->levels[i];
	}
	return band;
}

/* The number of values the level-l iterator of statement "stmt" takes,
 * or -1 if that depends on an unknown size.
 */
static long lf_plan_stmt_extent(__isl_keep struct lf_run *run,
	__isl_keep struct lf_stmt *stmt, int l)
{
	isl_set *dom = isl_set_intersect_params(isl_set_copy(stmt->domain),
						isl_set_copy(run->context));
	isl_val *max = isl_pw_aff_max_val(isl_set_dim_max(isl_set_copy(dom),
							  l));

	return lf_plan_val_extent(isl_pw_aff_min_val(isl_set_dim_min(dom, l)),
				  max);
}

/* The largest number of values the level-l loop of group g takes in any
 * of its statements, or -1 if unknown.
 */
static long lf_plan_extent(__isl_keep struct lf_plan *plan, int g, int l)
{
	struct lf_run *run = plan->run;
	long extent = 0, e;
	int i;

	for (i = 0; i < run->n_stmt; ++i) {
		if (plan->group[run->stmts[i].nest][0] != g)
			continue;
		e = lf_plan_stmt_extent(run, &run->stmts[i], l);
		if (e < 0)
			return -1;
		if (e > extent)
			extent = e;
	}
	return extent;
}

/* Is some band loop of group g longer than a tile?  Tiling loops that
 * fit in one tile only adds loop overhead.
 */
static int lf_plan_band_exceeds_tile(__isl_keep struct lf_plan *plan, int g)
{
	int l;

	for (l = 0; l < plan->band[g]; ++l) {
		long e = lf_plan_extent(plan, g, l);

		if (e < 0 || e > plan->tiles[g][l])
			return 1;
	}
	return 0;
}

/* Does some statement of group g have loops of its own inside the band?
 * Only then do the band's iterations reuse data, and tiling pays.
 */
static int lf_plan_has_reuse(__isl_keep struct lf_plan *plan, int g)
{
	struct lf_run *run = plan->run;
	int i;

	for (i = 0; i < run->n_stmt; ++i)
		if (plan->group[run->stmts[i].nest][0] == g &&
		    run->stmts[i].depth > plan->band[g])
			return 1;
	return 0;
}

/* The bytes that one tile of group g with tile size "size" in every band
 * loop touches, estimated from the bounding box of the elements each
 * array sees, or -1 if that depends on unknown sizes.
 */
static long lf_plan_footprint(__isl_keep struct lf_plan *plan, int g, int size)
{
	struct lf_run *run = plan->run;
	isl_union_set *seen;
	long bytes = 0;
	int i, a, l;

	seen = isl_union_set_empty(isl_set_get_space(run->context));
	for (i = 0; i < run->n_stmt; ++i) {
		struct lf_stmt *stmt = &run->stmts[i];
		isl_set *tile;

		if (plan->group[stmt->nest][0] != g)
			continue;
		tile = isl_set_intersect_params(isl_set_copy(stmt->domain),
						isl_set_copy(run->context));
		for (l = 0; l < plan->band[g]; ++l) {
			long lo = 0;
			isl_val *v = isl_pw_aff_min_val(isl_set_dim_min(
				isl_set_copy(tile), l));

			if (v && isl_val_is_int(v))
				lo = isl_val_get_num_si(v);
			isl_val_free(v);
			tile = isl_set_upper_bound_val(tile, isl_dim_set, l,
				isl_val_int_from_si(isl_set_get_ctx(tile),
						    lo + size - 1));
		}
		for (a = 0; a < stmt->n_access; ++a) {
			struct lf_access *acc = &run->accesses[stmt->accesses[a]];

			seen = isl_union_set_add_set(seen, isl_set_apply(
				isl_set_copy(tile), isl_map_copy(acc->rel)));
		}
		isl_set_free(tile);
	}
	for (a = 0; a < run->n_array && bytes >= 0; ++a) {
		isl_space *space = isl_space_set_alloc(isl_union_set_get_ctx(seen),
						       0, run->arrays[a].n_dim);

		space = isl_space_set_tuple_name(space, isl_dim_set,
						 run->arrays[a].name);
		bytes = lf_plan_add_bytes(bytes, lf_plan_box_bytes(
			isl_union_set_extract_set(seen, space),
			&run->arrays[a]));
	}
	isl_union_set_free(seen);
	return bytes;
}

/* The largest of 256, 128, 64, 32 whose tile fits in half the L2 cache
 * (the other half for what streams through), or 16.  Without known
 * sizes, 32.
 */
static int lf_plan_model_tile(__isl_keep struct lf_plan *plan, int g,
	long cache_l2)
{
	static const int sizes[] = { 256, 128, 64, 32 };
	unsigned k;

	if (cache_l2 <= 0)
		cache_l2 = LF_DEFAULT_L2;
	for (k = 0; k < sizeof(sizes) / sizeof(sizes[0]); ++k) {
		long bytes = lf_plan_footprint(plan, g, sizes[k]);

		if (bytes < 0)
			return 32;
		if (bytes <= cache_l2 / 2)
			return sizes[k];
	}
	return 16;
}

static void lf_plan_choose_tiles(__isl_keep struct lf_plan *plan, int g,
	__isl_keep const struct lf_options *options)
{
	int k, size = options->tile_size;

	if (size < 0 && options->n_tile_sizes == 0)
		size = lf_plan_model_tile(plan, g, options->cache_l2);
	for (k = 0; k < plan->band[g]; ++k) {
		if (options->n_tile_sizes > 0)
			size = options->tile_sizes[k < options->n_tile_sizes ?
				k : options->n_tile_sizes - 1];
		plan->tiles[g][k] = size;
	}
}

/* max_band is the deepest tiled band (see lf_plan.h).
 */
static void lf_plan_set_max_band(__isl_keep struct lf_plan *plan)
{
	int g;

	plan->max_band = 0;
	for (g = 0; g < plan->n_group; ++g)
		if (plan->tiled[g] && plan->band[g] > plan->max_band)
			plan->max_band = plan->band[g];
}

/* Tile the bands of groups that are at least two deep, reuse data, are
 * longer than a tile and are permutable.
 */
int lf_plan_tile(__isl_keep struct lf_plan *plan,
	__isl_keep struct lf_deps *deps,
	__isl_keep const struct lf_options *options)
{
	int g, k, r, dims[LF_MAX_DEPTH];
	isl_union_map *sched;

	for (g = 0; g < plan->n_group; ++g) {
		plan->band[g] = lf_plan_band_depth(plan, g);
		if (options->tile_size == 0 || plan->band[g] < 2 ||
		    !lf_plan_has_reuse(plan, g))
			continue;
		lf_plan_choose_tiles(plan, g, options);
		if (!lf_plan_band_exceeds_tile(plan, g))
			continue;
		for (k = 0; k < plan->band[g]; ++k)
			dims[k] = lf_plan_loop_pos(plan, k);
		sched = lf_plan_schedule(plan, g);
		r = lf_legality_permutable(deps, sched, dims, plan->band[g]);
		isl_union_map_free(sched);
		if (r < 0)
			return -1;
		plan->tiled[g] = r;
	}
	lf_plan_set_max_band(plan);
	return 0;
}

struct lf_plan_involves {
	int level;
	int found;
};

static isl_stat lf_plan_piece_involves(__isl_take isl_set *set,
	__isl_take isl_aff *aff, void *user)
{
	struct lf_plan_involves *data = user;

	if (isl_aff_involves_dims(aff, isl_dim_in, data->level, 1) > 0)
		data->found = 1;
	isl_set_free(set);
	isl_aff_free(aff);
	return isl_stat_ok;
}

/* Does the last subscript of "acc" depend on the iterator at "level"?
 * Then consecutive iterations of that loop touch neighbouring elements.
 */
static int lf_plan_stride_one(__isl_keep struct lf_run *run,
	__isl_keep struct lf_access *acc, int level)
{
	int n_dim = run->arrays[acc->array].n_dim;
	struct lf_plan_involves data = { level, 0 };
	isl_pw_multi_aff *pma;
	isl_pw_aff *pa;
	isl_bool single;

	single = isl_map_is_single_valued(acc->rel);
	if (n_dim == 0 || single <= 0)
		return 0;
	pma = isl_pw_multi_aff_from_map(isl_map_copy(acc->rel));
	pa = isl_pw_multi_aff_get_pw_aff(pma, n_dim - 1);
	isl_pw_aff_foreach_piece(pa, &lf_plan_piece_involves, &data);
	isl_pw_aff_free(pa);
	isl_pw_multi_aff_free(pma);
	return data.found;
}

/* How much moving the innermost band loop inside the statements' own
 * loops improves the stride of their accesses: accesses that walk
 * along the band loop count for it, accesses that walk along the
 * innermost loop of their statement count against it.
 */
static int lf_plan_sink_score(__isl_keep struct lf_plan *plan, int g)
{
	struct lf_run *run = plan->run;
	int i, a, score = 0, j = plan->band[g] - 1;

	for (i = 0; i < run->n_stmt; ++i) {
		struct lf_stmt *stmt = &run->stmts[i];

		if (plan->group[stmt->nest][0] != g ||
		    stmt->depth <= plan->band[g])
			continue;
		for (a = 0; a < stmt->n_access; ++a) {
			struct lf_access *acc = &run->accesses[stmt->accesses[a]];
			int sj = lf_plan_stride_one(run, acc, j);
			int sk = lf_plan_stride_one(run, acc, stmt->depth - 1);

			score += (sj && !sk) - (sk && !sj);
		}
	}
	return score;
}

#define LF_MIN_VECTOR_TRIP 16

/* Is the innermost band loop long enough to be worth running innermost?
 * A short one (a 14-wide image row) is better left where the compiler
 * vectorized it.
 */
static int lf_plan_long_enough(__isl_keep struct lf_plan *plan, int g)
{
	long e = lf_plan_extent(plan, g, plan->band[g] - 1);

	return e < 0 || e >= LF_MIN_VECTOR_TRIP;
}

/* Move the innermost band loop inside where that walks memory with
 * stride 1 more often, if the dependences allow it (the order of every
 * reduction is kept, so results do not change).  A band of one loop
 * keeps it: moving the only shared loop inside would undo the fusion.
 */
int lf_plan_sink(__isl_keep struct lf_plan *plan,
	__isl_keep struct lf_deps *deps)
{
	int g, r;

	for (g = 0; g < plan->n_group; ++g) {
		if (plan->band[g] < 2 || lf_plan_sink_score(plan, g) <= 0 ||
		    !lf_plan_long_enough(plan, g))
			continue;
		plan->sink[g] = 1;
		r = lf_plan_is_legal(plan, deps, g, NULL);
		if (r < 0)
			return -1;
		plan->sink[g] = r;
	}
	return 0;
}

/* Should tiled group g also tile the loop below its band (see rtile in
 * lf_plan.h)?  Only if its nests share exactly the band, the band runs
 * its stride-1 loop innermost (sink), and some statement has a loop
 * below the band that is more than twice as long as a tile: a matrix
 * product's k loop, not a convolution's few taps.
 */
static int lf_plan_wants_rtile(__isl_keep struct lf_plan *plan, int g)
{
	struct lf_run *run = plan->run;
	int i, b = plan->band[g], wants = 0;

	if (!plan->tiled[g] || !plan->sink[g])
		return 0;
	for (i = 0; i < run->n_stmt; ++i) {
		struct lf_stmt *stmt = &run->stmts[i];
		long extent;

		if (plan->group[stmt->nest][0] != g)
			continue;
		if (plan->levels[stmt->nest] != b)
			return 0;
		if (stmt->depth <= b)
			continue;
		extent = lf_plan_stmt_extent(run, stmt, b);
		if (extent > 2L * plan->tiles[g][0])
			wants = 1;
	}
	return wants;
}

/* The size of the largest array element of the run, in bytes.
 */
static int lf_plan_max_elem(__isl_keep struct lf_run *run)
{
	int a, max = 1;

	for (a = 0; a < run->n_array; ++a)
		if (run->arrays[a].elem_size > max)
			max = run->arrays[a].elem_size;
	return max;
}

/* With the loop below the band in blocks, what the rows of a tile share
 * is a block of the matrix on the right, rtile x tile elements; it should
 * stay in L1 while they run.  So a tile size from the model halves (down
 * to 32) until such a square block fits in half of L1.
 */
static void lf_plan_fit_block(__isl_keep struct lf_plan *plan, int g)
{
	long elem = lf_plan_max_elem(plan->run);
	int size = plan->tiles[g][0], k;

	while (size > 32 && size * size * elem > plan->cache_l1 / 2)
		size /= 2;
	for (k = 0; k < plan->band[g]; ++k)
		plan->tiles[g][k] = size;
}

/* Tile the loop below the band where lf_plan_wants_rtile says so and
 * the result is legal, with the size of the band's first tile loop
 * (fitted to L1 if the model chose it).  The tiles are kept as they were
 * if it is not legal.
 */
int lf_plan_rtile(__isl_keep struct lf_plan *plan,
	__isl_keep struct lf_deps *deps)
{
	int g, r, tiles[LF_MAX_DEPTH];

	for (g = 0; g < plan->n_group; ++g) {
		if (!lf_plan_wants_rtile(plan, g))
			continue;
		memcpy(tiles, plan->tiles[g], sizeof(tiles));
		if (plan->tiles_modeled)
			lf_plan_fit_block(plan, g);
		plan->rtile[g] = plan->tiles[g][0];
		r = lf_plan_is_legal(plan, deps, g, NULL);
		if (r < 0)
			return -1;
		if (!r) {
			plan->rtile[g] = 0;
			memcpy(plan->tiles[g], tiles, sizeof(tiles));
		}
	}
	return 0;
}

/* Nest "n" alone in its group gets the band of its perfect loops, as
 * if it were fused with itself, so that it can be tiled like a group.
 * The schedule is the original one.
 */
static void lf_plan_lone_set(__isl_keep struct lf_plan *plan, int n, int levels)
{
	int l;

	plan->levels[n] = levels;
	for (l = 1; l <= LF_MAX_DEPTH; ++l)
		plan->group[n][l] = 0;
}

void lf_plan_lone_bands(__isl_keep struct lf_plan *plan)
{
	int g, first = 0;

	for (g = 0; g < plan->n_group; ++g)
		if (lf_plan_group_size(plan, g, &first) == 1 &&
		    !plan->run->nests[first].prefix)
			lf_plan_lone_set(plan, first,
					 plan->run->nests[first].perfect_depth);
}

/* A nest alone is only rewritten as a matrix product is: tiled, with
 * its reduction in blocks (rtile).  That is where tiling alone was
 * measured to pay; other lone nests stay as they are, with the band
 * lf_plan_lone_bands gave them taken back.
 */
void lf_plan_lone_finish(__isl_keep struct lf_plan *plan)
{
	int g, first = 0;

	for (g = 0; g < plan->n_group; ++g) {
		if (lf_plan_group_size(plan, g, &first) == 1 &&
		    !plan->rtile[g]) {
			plan->tiled[g] = plan->sink[g] = 0;
			lf_plan_lone_set(plan, first, 0);
			plan->band[g] = 0;
		}
	}
	lf_plan_set_max_band(plan);
}
