/* SPDX-License-Identifier: MIT */
#include <ctype.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lf_build.h"
#include "lf_grow.h"
#include "lf_src.h"

/* Record why the current nest cannot be modeled, "reason", which this
 * takes, unless a reason was recorded already (the first construct
 * found is the one reported).  Always returns -1 so that callers can
 * "return lf_build_fail_reason(...)".
 */
int lf_build_fail_reason(__isl_keep struct lf_builder *b,
	__isl_take struct lf_reason *reason)
{
	if (b->reason || !reason) {
		lf_reason_free(reason);
		return -1;
	}
	b->reason = reason;
	return -1;
}

/* A reason of kind "why" at byte "offset", with "text" and "name" (see
 * lf_reason.h for what each kind sets).
 */
int lf_build_fail(__isl_keep struct lf_builder *b, unsigned offset,
	enum lf_why why, __isl_keep const char *text,
	__isl_keep const char *name)
{
	if (b->reason)
		return -1;
	return lf_build_fail_reason(b, lf_reason_alloc(why,
		lf_file_loc(b->file, offset), text, name));
}

int lf_build_fail_at(__isl_keep struct lf_builder *b, CXCursor c,
	enum lf_why why, __isl_keep const char *name)
{
	return lf_build_fail(b, lf_build_offset(b, c), why, NULL, name);
}

/* A reason of kind "why" whose text is that of cursor c.
 */
int lf_build_fail_text(__isl_keep struct lf_builder *b, CXCursor c,
	enum lf_why why)
{
	char *text;

	if (b->reason)
		return -1;
	text = lf_build_text(b, c);
	lf_build_fail(b, lf_build_offset(b, c), why, text ? text : "?", NULL);
	free(text);
	return -1;
}

/* Is the variable written in the function's text [begin, end)?
 */
static int lf_build_is_written_within(__isl_keep struct lf_builder *b,
	__isl_keep const char *usr, unsigned begin, unsigned end)
{
	int i;

	for (i = 0; i < b->n_ref; ++i) {
		struct lf_var_ref *ref = &b->refs[i];

		if (ref->is_write && !strcmp(ref->usr, usr) &&
		    ref->offset >= begin && ref->offset < end)
			return 1;
	}
	return 0;
}

/* Is the variable written anywhere inside the run?
 */
int lf_build_is_written_in_run(__isl_keep struct lf_builder *b,
	__isl_keep const char *usr)
{
	return lf_build_is_written_within(b, usr, b->run->begin, b->run->end);
}

/* Is the variable assigned anywhere in the function?
 */
int lf_build_is_written(__isl_keep struct lf_builder *b,
	__isl_keep const char *usr)
{
	return lf_build_is_written_within(b, usr, 0, UINT_MAX);
}

/* Is the address of the variable taken anywhere in the function?
 */
int lf_build_is_addr_taken(__isl_keep struct lf_builder *b,
	__isl_keep const char *usr)
{
	int i;

	for (i = 0; i < b->n_ref; ++i)
		if (b->refs[i].is_addr && !strcmp(b->refs[i].usr, usr))
			return 1;
	return 0;
}

/* The position in the iterator stack of the iterator with this USR,
 * or -1 if it is not an iterator visible here.
 */
int lf_build_iter_level(__isl_keep struct lf_builder *b,
	__isl_keep const char *usr)
{
	int i;

	for (i = b->n_iter - 1; i >= 0; --i)
		if (!strcmp(b->iters[i].usr, usr))
			return i;
	return -1;
}

int lf_build_is_internal(__isl_keep struct lf_builder *b,
	__isl_keep const char *usr)
{
	int i;

	for (i = 0; i < b->n_internal; ++i)
		if (!strcmp(b->internal[i], usr))
			return 1;
	return 0;
}

int lf_build_is_outside_iter(__isl_keep struct lf_builder *b,
	__isl_keep const char *usr)
{
	int i;

	for (i = 0; i < b->n_outside; ++i)
		if (!strcmp(b->outside_usr[i], usr))
			return 1;
	return 0;
}

/* Remember a variable declared inside a compound statement: its
 * accesses stay inside the statement and are not modeled.
 */
int lf_build_push_internal(__isl_keep struct lf_builder *b,
	__isl_keep const char *usr)
{
	if (LF_GROW(b->internal, b->n_internal) < 0)
		return -1;
	b->internal[b->n_internal] = strdup(usr);
	if (!b->internal[b->n_internal])
		return -1;
	b->n_internal++;
	return 0;
}

/* Byte range of a cursor in the main file, macro invocations it starts
 * or ends in included.  Returns -1 if the cursor is not in the main
 * file.
 */
int lf_build_range(__isl_keep struct lf_builder *b, CXCursor c, unsigned *begin,
	unsigned *end)
{
	return lf_src_range(b->src, clang_getCursorExtent(c), begin, end);
}

unsigned lf_build_offset(__isl_keep struct lf_builder *b, CXCursor c)
{
	unsigned begin, end;

	if (lf_build_range(b, c, &begin, &end) < 0)
		return 0;
	return begin;
}

/* The text of cursor c; the caller frees it.
 */
__isl_give char *lf_build_text(__isl_keep struct lf_builder *b, CXCursor c)
{
	unsigned begin, end;

	if (lf_build_range(b, c, &begin, &end) < 0)
		return strdup("?");
	return strndup(b->file->text + begin, end - begin);
}

/* If c is spelled as a single identifier (a macro name, typically),
 * return 1 and that identifier in *name, which the caller frees.
 */
int lf_build_single_ident(__isl_keep struct lf_builder *b, CXCursor c,
	char **name)
{
	unsigned begin, end, i;

	if (lf_build_range(b, c, &begin, &end) < 0 || end <= begin)
		return 0;
	for (i = begin; i < end; ++i) {
		char ch = b->file->text[i];

		if (!isalnum((unsigned char) ch) && ch != '_')
			return 0;
	}
	if (isdigit((unsigned char) b->file->text[begin]))
		return 0;
	*name = strndup(b->file->text + begin, end - begin);
	return *name != NULL;
}


/* Leave the sizes "bad" out of the run's context: for them the program
 * would have undefined behaviour.  If no sizes would be left, the
 * context stays as it is and 1 is returned, so that the caller refuses
 * what it models rather than assume it never runs.
 */
int lf_build_exclude(__isl_keep struct lf_builder *b, __isl_take isl_set *bad)
{
	isl_set *context;
	isl_bool empty;

	context = isl_set_subtract(isl_set_copy(b->run->context), bad);
	empty = isl_set_is_empty(context);
	if (empty < 0 || empty) {
		isl_set_free(context);
		return empty < 0 ? -1 : 1;
	}
	isl_set_free(b->run->context);
	b->run->context = isl_set_coalesce(context);
	return 0;
}
