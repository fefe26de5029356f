/* SPDX-License-Identifier: MIT */
#ifndef LF_REWRITE_H
#define LF_REWRITE_H

#include "lf_audit.h"
#include "lf_edit.h"
#include "lf_model.h"
#include "lf_options.h"

/* What the rewrite of a file does: the edits to its text, and one
 * message per fused group and per nest that was not fused with the one
 * before it.  Messages are data; the tool words them.
 *
 * LF_MESSAGE_FUSED: a group of n_nest nests fused into one (or, for
 * one nest, tiled alone).  When tiled, its band loops got the n_tile
 * sizes "tiles", and rtile_iter, if not NULL, is the loop below the
 * band that runs in blocks of rtile.  contracted names the arrays that
 * became scalars.  apart names n_apart pairs of arrays (apart[2i] and
 * apart[2i + 1]) that a run-time check must find apart for the fused
 * code to run; the original code runs otherwise.  With the explain
 * option, "explain" describes the group.  Its edits are
 * edits[first_edit .. first_edit + n_edit) of the result (its nests'
 * new text and the declarations of the arrays it contracted), so that
 * the group can be rewritten alone, and [begin, end) are the bytes of
 * its nests.  When the group fuses the nests of calls (lf_file.calls),
 * calls names the n_call callees in order, n_call_nest of the n_nest
 * nests are theirs, and the group spans lines first_line to last_line.
 * LF_MESSAGE_REFUSED: the nest at loc is not fused with the nest at
 * line other_line, for "reason"; the two nests start at begin and end.
 * When one of them is a call's (n_call is then 2), calls[0] names the
 * callee of the one at other_line and calls[1] that of the nest the
 * message is about, or NULL where that is a loop nest of the file.
 * LF_MESSAGE_FAILED: a run or a group left as it is, for "reason" (the
 * analysis gave up, or the new loops could overflow).
 */
enum lf_message_kind {
	LF_MESSAGE_FUSED,
	LF_MESSAGE_REFUSED,
	LF_MESSAGE_FAILED
};

struct lf_message {
	enum lf_message_kind kind;
	struct lf_loc loc;
	int n_nest;
	int n_tile;
	int tiles[LF_MAX_DEPTH];
	char *rtile_iter;
	int rtile;
	int n_contracted;
	char **contracted;
	int n_apart;
	char **apart;
	struct lf_audit_group *explain;
	int first_edit;
	int n_edit;
	unsigned begin;
	unsigned end;
	unsigned other_line;
	struct lf_reason *reason;
	int n_call;
	char **calls;
	int n_call_nest;
	unsigned first_line;
	unsigned last_line;
};

struct lf_result {
	int n_edit;
	struct lf_edit *edits;
	int n_message;
	struct lf_message *messages;
};

int lf_rewrite_file(__isl_keep struct lf_file *file,
	__isl_keep const struct lf_options *options, struct lf_result *result);
void lf_result_clear(__isl_keep struct lf_result *result);
void lf_message_clear(__isl_keep struct lf_message *m);
int lf_inline_merge(__isl_keep struct lf_file *file,
	__isl_keep struct lf_result *expanded,
	__isl_keep struct lf_result *result);

#endif
