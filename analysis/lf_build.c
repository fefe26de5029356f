#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lf_buf.h"
#include "lf_build.h"
#include "lf_src.h"

/* Record why the current nest cannot be modeled, unless a reason was
 * recorded already (the first construct found is the one reported).
 * Always returns -1 so that callers can "return lf_build_fail(...)".
 */
static int lf_build_vfail(struct lf_builder *b, unsigned offset,
	const char *fmt, va_list ap)
{
	struct lf_buf buf;

	if (b->reason)
		return -1;
	lf_buf_init(&buf);
	lf_buf_vprintf(&buf, fmt, ap);
	b->reason = lf_buf_take(&buf);
	b->reason_offset = offset;
	return -1;
}

int lf_build_fail(struct lf_builder *b, unsigned offset, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	lf_build_vfail(b, offset, fmt, ap);
	va_end(ap);
	return -1;
}

int lf_build_fail_at(struct lf_builder *b, CXCursor c, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	lf_build_vfail(b, lf_build_offset(b, c), fmt, ap);
	va_end(ap);
	return -1;
}

/* Is the variable written anywhere inside the run?
 */
int lf_build_is_written_in_run(struct lf_builder *b, const char *usr)
{
	int i;

	for (i = 0; i < b->n_ref; ++i) {
		struct lf_var_ref *ref = &b->refs[i];

		if (!ref->is_write || strcmp(ref->usr, usr))
			continue;
		if (ref->offset >= b->run->begin && ref->offset < b->run->end)
			return 1;
	}
	return 0;
}

/* Is the address of the variable taken anywhere in the function?
 */
int lf_build_is_addr_taken(struct lf_builder *b, const char *usr)
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
int lf_build_iter_level(struct lf_builder *b, const char *usr)
{
	int i;

	for (i = b->n_iter - 1; i >= 0; --i)
		if (!strcmp(b->iters[i].usr, usr))
			return i;
	return -1;
}

int lf_build_is_internal(struct lf_builder *b, const char *usr)
{
	int i;

	for (i = 0; i < b->n_internal; ++i)
		if (!strcmp(b->internal[i], usr))
			return 1;
	return 0;
}

int lf_build_is_outside_iter(struct lf_builder *b, const char *usr)
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
int lf_build_push_internal(struct lf_builder *b, const char *usr)
{
	if (b->n_internal == b->cap_internal) {
		int cap = b->cap_internal ? 2 * b->cap_internal : 8;
		char **list = realloc(b->internal, cap * sizeof(char *));

		if (!list)
			return -1;
		b->internal = list;
		b->cap_internal = cap;
	}
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
int lf_build_range(struct lf_builder *b, CXCursor c, unsigned *begin,
	unsigned *end)
{
	return lf_src_range(b->src, clang_getCursorExtent(c), begin, end);
}

unsigned lf_build_offset(struct lf_builder *b, CXCursor c)
{
	unsigned begin, end;

	if (lf_build_range(b, c, &begin, &end) < 0)
		return 0;
	return begin;
}

/* The text of cursor c; the caller frees it.
 */
char *lf_build_text(struct lf_builder *b, CXCursor c)
{
	unsigned begin, end;

	if (lf_build_range(b, c, &begin, &end) < 0)
		return strdup("?");
	return strndup(b->file->text + begin, end - begin);
}

/* If c is spelled as a single identifier (a macro name, typically),
 * return 1 and that identifier in *name, which the caller frees.
 */
int lf_build_single_ident(struct lf_builder *b, CXCursor c, char **name)
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
int lf_build_exclude(struct lf_builder *b, __isl_take isl_set *bad)
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
