/* SPDX-License-Identifier: MIT */
#ifndef LF_EDIT_H
#define LF_EDIT_H

#include <isl/ctx.h>

/* Replace the bytes [begin, end) of a source text by text.
 * A NULL text deletes the range; begin == end inserts before begin.
 */
struct lf_edit {
	unsigned begin;
	unsigned end;
	char *text;
};

/* Apply n_edit non-overlapping edits, given in any order, to text[0..len).
 * Edits inserting at the same offset are applied in the order given,
 * before any edit replacing bytes from that offset.
 * The edits array itself is left untouched.
 * Return a new malloc'd NUL terminated buffer and its length in *out_len,
 * or NULL if two edits overlap, an edit lies outside the text,
 * or allocation fails.
 * Bytes outside the edited ranges are copied unchanged.
 */
__isl_give char *lf_edit_apply(__isl_keep const char *text, unsigned len,
	__isl_keep struct lf_edit *edits, int n_edit, unsigned *out_len);

#endif
