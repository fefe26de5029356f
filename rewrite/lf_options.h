/* SPDX-License-Identifier: MIT */
#ifndef LF_OPTIONS_H
#define LF_OPTIONS_H

#include "lf_model.h"

/* What the user asks of the planner, the rewrite and the audit; one
 * record, passed down as it is.
 *
 * tile_size: > 0, every tiled loop gets that size; 0, no tiling; < 0,
 * sizes from a model of the caches (cache_l2 bytes), unless n_tile_sizes
 * sizes are given, one per band loop (the last repeats).  cache_l1:
 * nests that access no more than half of it are not fused (both caches
 * as the machine reports them where 0).  assume_no_alias: distinct
 * pointer parameters and globals never overlap.  no_alias_checks: where
 * they may, never fuse under a run-time check that they do not
 * (lf_check.h).  openmp: mark parallel
 * loops.  explain: describe each fused group.  fuse_all: fuse wherever
 * it is legal, also where the cost model expects no gain.  no_inline:
 * never fuse the loop nests of called functions with the loops around
 * their calls (lf_file.expanded is not used).
 */
struct lf_options {
	int tile_size;
	int n_tile_sizes;
	int tile_sizes[LF_MAX_DEPTH];
	long cache_l1;
	long cache_l2;
	int assume_no_alias;
	int no_alias_checks;
	int openmp;
	int explain;
	int fuse_all;
	int no_inline;
};

#endif
