/* SPDX-License-Identifier: MIT */
#include <stdlib.h>
#include <string.h>

#include "lf_grow.h"
#include "lf_rewrite.h"

/* Fusion across calls.  The rewrite of lf_file.expanded, where calls
 * stand replaced by their callees' nests, fuses groups that may span
 * calls.  A group is brought back to the file's own text when it
 * covers the nests of at least one call, each call wholly, and does
 * not consist of the nests of one call alone (a lone call stays a
 * call): its edits then replace the calls and nests it spans, and the
 * declarations of the arrays it contracts, which lie outside every
 * call.  Groups of the file's own rewrite that overlap it give way.
 */

/* The offset in file->text of offset "at" of the expanded text: "at"
 * must be outside the nests of every call or at one of their ends
 * (which map to the ends of the call statement); -1 otherwise.
 */
static long lf_inline_map(__isl_keep struct lf_file *file, unsigned at)
{
	long shift = 0;
	int i;

	for (i = 0; i < file->n_call; ++i) {
		struct lf_call *c = &file->calls[i];

		if (!c->text)
			continue;
		if (at <= c->exp_begin)
			break;
		if (at < c->exp_end)
			return -1;
		shift += (long) (c->exp_end - c->exp_begin) -
			 (long) (c->end - c->begin);
	}
	return (long) at - shift;
}

/* The calls whose nests group "m" (of the expanded rewrite) covers, in
 * "covered" (file->n_call flags) and their number; -1 if it covers
 * part of a call's nests only.
 */
static int lf_inline_covered(__isl_keep struct lf_file *file,
	__isl_keep struct lf_message *m, int *covered, int *n_nest)
{
	int i, n = 0;

	*n_nest = 0;
	for (i = 0; i < file->n_call; ++i) {
		struct lf_call *c = &file->calls[i];

		covered[i] = 0;
		if (!c->text || c->exp_end <= m->begin ||
		    c->exp_begin >= m->end)
			continue;
		if (c->exp_begin < m->begin || c->exp_end > m->end)
			return -1;
		covered[i] = 1;
		*n_nest += c->n_nest;
		n++;
	}
	return n;
}

/* Map the edits of group "m" of "expanded" to the file's text in
 * place; -1 if one of them cannot be.
 */
static int lf_inline_map_edits(__isl_keep struct lf_file *file,
	__isl_keep struct lf_result *expanded, __isl_keep struct lf_message *m,
	struct lf_edit *mapped)
{
	int k;

	for (k = 0; k < m->n_edit; ++k) {
		struct lf_edit *e = &expanded->edits[m->first_edit + k];
		long b = lf_inline_map(file, e->begin);
		long en = lf_inline_map(file, e->end);

		if (b < 0 || en < b)
			return -1;
		mapped[k].begin = b;
		mapped[k].end = en;
		mapped[k].text = e->text;
	}
	return 0;
}

/* Does any of the n edits overlap [begin, end)? */
static int lf_inline_overlaps(__isl_keep struct lf_edit *edits, int n,
	unsigned begin, unsigned end)
{
	int i;

	for (i = 0; i < n; ++i)
		if (begin < edits[i].end && end > edits[i].begin)
			return 1;
		else if (begin == end && begin == edits[i].begin)
			return 1;
	return 0;
}

/* The merged result under construction: the messages and edits kept,
 * and which messages of the file's own rewrite give way.
 */
struct lf_inline_merge {
	struct lf_file *file;
	struct lf_result *own;
	struct lf_result *expanded;
	int *dropped;
	int *covered;
	struct lf_result out;
};

/* Does an edit of a group of the file's own rewrite that does not give
 * way to [begin, end) overlap one of the n edits "mapped"?
 */
static int lf_inline_conflicts(__isl_keep struct lf_inline_merge *mg,
	unsigned begin, unsigned end, __isl_keep struct lf_edit *mapped, int n)
{
	struct lf_result *own = mg->own;
	int i, k;

	for (i = 0; i < own->n_message; ++i) {
		struct lf_message *m = &own->messages[i];

		if (mg->dropped[i] || (m->kind == LF_MESSAGE_FUSED &&
		    m->begin < end && m->end > begin))
			continue;
		for (k = 0; k < m->n_edit; ++k) {
			struct lf_edit *e = &own->edits[m->first_edit + k];

			if (lf_inline_overlaps(mapped, n, e->begin, e->end))
				return 1;
		}
	}
	return 0;
}

/* Let the messages of the file's own rewrite about [begin, end) give
 * way: its groups there, and what it says of the nests there.
 */
static void lf_inline_drop(__isl_keep struct lf_inline_merge *mg,
	unsigned begin, unsigned end)
{
	int i;

	for (i = 0; i < mg->own->n_message; ++i) {
		struct lf_message *m = &mg->own->messages[i];

		if (m->kind == LF_MESSAGE_FUSED ? m->begin < end &&
		    m->end > begin : m->loc.offset >= begin &&
		    m->loc.offset < end)
			mg->dropped[i] = 1;
	}
}

/* Append message "m", which this takes (its edits are "edits", n of
 * them, also taken), to the merged result.
 */
static int lf_inline_add(__isl_keep struct lf_inline_merge *mg,
	__isl_keep struct lf_message *m, __isl_keep struct lf_edit *edits,
	int n)
{
	struct lf_result *out = &mg->out;
	int k;

	if (LF_GROW(out->messages, out->n_message) < 0)
		return -1;
	out->messages[out->n_message] = *m;
	memset(m, 0, sizeof(*m));
	m = &out->messages[out->n_message++];
	m->first_edit = out->n_edit;
	m->n_edit = n;
	for (k = 0; k < n; ++k) {
		if (LF_GROW(out->edits, out->n_edit) < 0)
			return -1;
		out->edits[out->n_edit++] = edits[k];
		edits[k].text = NULL;
	}
	return 0;
}

/* Name the covered calls in "m", which now spans [begin, end) of the
 * file, with n_nest of its nests theirs.
 */
static int lf_inline_name_calls(__isl_keep struct lf_inline_merge *mg,
	__isl_keep struct lf_message *m, unsigned begin, unsigned end,
	int n_nest)
{
	struct lf_file *file = mg->file;
	int i;

	m->calls = calloc(file->n_call + 1, sizeof(char *));
	if (!m->calls)
		return -1;
	for (i = 0; i < file->n_call; ++i) {
		if (!mg->covered[i])
			continue;
		m->calls[m->n_call] = strdup(file->calls[i].callee);
		if (!m->calls[m->n_call++])
			return -1;
	}
	m->n_call_nest = n_nest;
	m->begin = begin;
	m->end = end;
	m->loc = lf_file_loc(file, begin);
	m->first_line = m->loc.line;
	m->last_line = lf_file_loc(file, end > begin ? end - 1 : end).line;
	if (m->explain)
		return lf_audit_call_explain(m->explain, file);
	return 0;
}

/* Take group "m" of the expanded rewrite into the merged result if it
 * fuses across calls and maps back onto the file.
 */
static int lf_inline_group(__isl_keep struct lf_inline_merge *mg,
	__isl_keep struct lf_message *m)
{
	struct lf_edit *mapped;
	long begin, end;
	int n, n_nest, k, first = m->first_edit, n_edit = m->n_edit, r = 0;

	n = lf_inline_covered(mg->file, m, mg->covered, &n_nest);
	if (n <= 0 || (n == 1 && n_nest == m->n_nest))
		return 0;
	begin = lf_inline_map(mg->file, m->begin);
	end = lf_inline_map(mg->file, m->end);
	mapped = calloc(m->n_edit + 1, sizeof(*mapped));
	if (!mapped)
		return -1;
	if (begin >= 0 && end >= begin &&
	    lf_inline_map_edits(mg->file, mg->expanded, m, mapped) == 0 &&
	    !lf_inline_overlaps(mg->out.edits, mg->out.n_edit, begin, end) &&
	    !lf_inline_conflicts(mg, begin, end, mapped, m->n_edit)) {
		lf_inline_drop(mg, begin, end);
		r = lf_inline_name_calls(mg, m, begin, end, n_nest);
		/* The edits' texts move from "expanded" to the result. */
		for (k = 0; r == 0 && k < n_edit; ++k)
			mg->expanded->edits[first + k].text = NULL;
		if (r == 0)
			r = lf_inline_add(mg, m, mapped, n_edit);
	}
	free(mapped);
	return r;
}

/* The index of the call whose nests hold offset "at" of the expanded
 * text, or -1.
 */
static int lf_inline_call_at(__isl_keep struct lf_file *file, unsigned at)
{
	int i;

	for (i = 0; i < file->n_call; ++i)
		if (file->calls[i].text && at >= file->calls[i].exp_begin &&
		    at < file->calls[i].exp_end)
			return i;
	return -1;
}

/* A copy of the name of call i's callee, or of nothing if i < 0;
 * *failed is set if it cannot be had.
 */
static __isl_give char *lf_inline_callee(__isl_keep struct lf_file *file,
	int i, int *failed)
{
	char *name;

	if (i < 0)
		return NULL;
	name = strdup(file->calls[i].callee);
	if (!name)
		*failed = 1;
	return name;
}

/* Take refusal "m" of the expanded rewrite into the merged result if
 * it is about a call: between a call's nests and a nest or another
 * call next to them (those between the file's own nests are the file's
 * rewrite's to say).  Its locations move to the file's text.
 */
static int lf_inline_refusal(__isl_keep struct lf_inline_merge *mg,
	__isl_keep struct lf_message *m)
{
	struct lf_file *file = mg->file;
	int a = lf_inline_call_at(file, m->begin);
	int b = lf_inline_call_at(file, m->end);
	int other_first = m->loc.offset >= m->end, failed = 0;
	unsigned other = other_first ? m->begin : m->end;

	if (a == b)
		return 0;
	m->calls = calloc(2, sizeof(char *));
	if (!m->calls)
		return -1;
	m->n_call = 2;
	m->calls[0] = lf_inline_callee(file, other_first ? a : b, &failed);
	m->calls[1] = lf_inline_callee(file, b, &failed);
	if (failed)
		return -1;
	m->other_line = lf_file_loc(file,
		lf_audit_call_move_offset(file, other)).line;
	m->begin = lf_audit_call_move_offset(file, m->begin);
	m->end = lf_audit_call_move_offset(file, m->end);
	m->loc = lf_file_loc(file, lf_audit_call_move_offset(file,
							     m->loc.offset));
	lf_audit_call_move_reason(m->reason, file);
	return lf_inline_add(mg, m, NULL, 0);
}

/* Move the messages of the file's own rewrite that do not give way
 * (with their edits) into the merged result; free the others.
 */
static int lf_inline_keep_own(__isl_keep struct lf_inline_merge *mg)
{
	struct lf_result *own = mg->own;
	int i, r = 0;

	for (i = 0; i < own->n_message; ++i) {
		struct lf_message *m = &own->messages[i];

		if (mg->dropped[i] || r < 0)
			lf_message_clear(m);
		else
			r = lf_inline_add(mg, m, own->edits + m->first_edit,
					  m->n_edit);
	}
	for (i = 0; i < own->n_edit; ++i)
		free(own->edits[i].text);
	free(own->edits);
	free(own->messages);
	memset(own, 0, sizeof(*own));
	return r;
}

static void lf_inline_clear(__isl_keep struct lf_result *out)
{
	int i;

	for (i = 0; i < out->n_edit; ++i)
		free(out->edits[i].text);
	for (i = 0; i < out->n_message; ++i)
		lf_message_clear(&out->messages[i]);
	free(out->edits);
	free(out->messages);
}

/* Merge the groups of "expanded", the rewrite of file->expanded, that
 * fuse across calls into "result", the rewrite of "file".  "expanded"
 * keeps what is not taken.
 */
int lf_inline_merge(__isl_keep struct lf_file *file,
	__isl_keep struct lf_result *expanded,
	__isl_keep struct lf_result *result)
{
	struct lf_inline_merge mg;
	int i, r = 0;

	memset(&mg, 0, sizeof(mg));
	mg.file = file;
	mg.own = result;
	mg.expanded = expanded;
	mg.dropped = calloc(result->n_message + 1, sizeof(int));
	mg.covered = calloc(file->n_call + 1, sizeof(int));
	if (!mg.dropped || !mg.covered)
		r = -1;
	for (i = 0; i < expanded->n_message && r == 0; ++i)
		if (expanded->messages[i].kind == LF_MESSAGE_FUSED)
			r = lf_inline_group(&mg, &expanded->messages[i]);
		else if (expanded->messages[i].kind == LF_MESSAGE_REFUSED)
			r = lf_inline_refusal(&mg, &expanded->messages[i]);
	/* The groups taken come first; the file's own follow. */
	if (r == 0)
		r = lf_inline_keep_own(&mg);
	free(mg.dropped);
	free(mg.covered);
	if (r < 0) {
		lf_inline_clear(&mg.out);
		return -1;
	}
	*result = mg.out;
	return 0;
}
