/* SPDX-License-Identifier: MIT */
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "lf_buf.h"
#include "lf_edit.h"

/* An edit together with its position in the caller's array,
 * so that sorting can keep the given order of insertions at one offset.
 */
struct lf_edit_ref {
	const struct lf_edit *edit;
	int pos;
};

static int lf_edit_ref_cmp(const void *a, const void *b)
{
	const struct lf_edit_ref *ra = a;
	const struct lf_edit_ref *rb = b;

	if (ra->edit->begin != rb->edit->begin)
		return ra->edit->begin < rb->edit->begin ? -1 : 1;
	if (ra->edit->end != rb->edit->end)
		return ra->edit->end < rb->edit->end ? -1 : 1;
	return ra->pos < rb->pos ? -1 : ra->pos > rb->pos;
}

/* Return a sorted array of references to the edits, or NULL on
 * allocation failure.
 */
static __isl_give struct lf_edit_ref *lf_edit_sort(
	__isl_keep const struct lf_edit *edits, int n_edit)
{
	struct lf_edit_ref *refs;
	int i;

	refs = malloc((n_edit ? n_edit : 1) * sizeof(*refs));
	if (!refs)
		return NULL;
	for (i = 0; i < n_edit; ++i) {
		refs[i].edit = &edits[i];
		refs[i].pos = i;
	}
	qsort(refs, n_edit, sizeof(*refs), &lf_edit_ref_cmp);
	return refs;
}

/* Check that the sorted edits lie within [0, len) and do not overlap.
 */
static int lf_edit_check(__isl_keep const struct lf_edit_ref *refs, int n_edit,
	unsigned len)
{
	unsigned done = 0;
	int i;

	for (i = 0; i < n_edit; ++i) {
		const struct lf_edit *edit = refs[i].edit;

		if (edit->begin > edit->end || edit->end > len)
			return -1;
		if (edit->begin < done)
			return -1;
		done = edit->end;
	}
	return 0;
}

/* Copy the bytes [begin, end) of text, which may be NULL if the range
 * is empty.
 */
static void lf_edit_copy(__isl_keep struct lf_buf *buf,
	__isl_keep const char *text, unsigned begin, unsigned end)
{
	if (end > begin)
		lf_buf_add(buf, text + begin, end - begin);
}

static void lf_edit_emit(__isl_keep struct lf_buf *buf,
	__isl_keep const char *text, __isl_keep const struct lf_edit_ref *refs,
	int n_edit, unsigned len)
{
	unsigned done = 0;
	int i;

	for (i = 0; i < n_edit; ++i) {
		const struct lf_edit *edit = refs[i].edit;

		lf_edit_copy(buf, text, done, edit->begin);
		if (edit->text)
			lf_buf_add_str(buf, edit->text);
		done = edit->end;
	}
	lf_edit_copy(buf, text, done, len);
}

/* Hand over the bytes of buf, NUL terminated even if nothing
 * was ever added to it.
 */
static __isl_give char *lf_edit_take(__isl_keep struct lf_buf *buf)
{
	lf_buf_add(buf, "", 0);
	return lf_buf_take(buf);
}

__isl_give char *lf_edit_apply(__isl_keep const char *text, unsigned len,
	__isl_keep struct lf_edit *edits, int n_edit, unsigned *out_len)
{
	struct lf_edit_ref *refs;
	struct lf_buf buf;
	size_t out;

	if (n_edit < 0 || (n_edit > 0 && !edits) || (len > 0 && !text))
		return NULL;
	refs = lf_edit_sort(edits, n_edit);
	if (!refs)
		return NULL;
	if (lf_edit_check(refs, n_edit, len) < 0) {
		free(refs);
		return NULL;
	}
	lf_buf_init(&buf);
	lf_edit_emit(&buf, text, refs, n_edit, len);
	free(refs);
	out = buf.len;
	if (out > UINT_MAX) {
		lf_buf_free(&buf);
		return NULL;
	}
	if (out_len)
		*out_len = (unsigned) out;
	return lf_edit_take(&buf);
}
