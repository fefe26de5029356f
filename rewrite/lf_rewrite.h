#ifndef LF_REWRITE_H
#define LF_REWRITE_H

#include <isl/ctx.h>

#include "lf_edit.h"
#include "lf_model.h"

/* What the rewrite of a file does: the edits to its text, and one
 * message (a note or a remark) per fused group and per nest that was
 * not fused with the one before it.  With the explain option, the
 * message of a fused group has notes that belong right after it: what
 * was fused and which dependences the fused order keeps.
 */
struct lf_note {
	struct lf_loc loc;
	char *text;
};

struct lf_message {
	struct lf_loc loc;
	const char *kind;
	char *text;
	int n_note;
	struct lf_note *notes;
};

/* tile_size, n_tile_sizes, tile_sizes, cache_l1, cache_l2, fuse_all: see
 * lf_plan_options.
 */
struct lf_rewrite_options {
	int tile_size;
	int n_tile_sizes;
	int tile_sizes[LF_MAX_DEPTH];
	long cache_l1;
	long cache_l2;
	int assume_no_alias;
	int openmp;
	int explain;
	int fuse_all;
};

struct lf_result {
	int n_edit;
	struct lf_edit *edits;
	int n_message;
	struct lf_message *messages;
};

void lf_notes_free(struct lf_note *notes, int n);
int lf_rewrite_file(struct lf_file *file,
	const struct lf_rewrite_options *options, struct lf_result *result);
void lf_result_clear(struct lf_result *result);

#endif
