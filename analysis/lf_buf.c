/* SPDX-License-Identifier: MIT */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lf_buf.h"

void lf_buf_init(struct lf_buf *buf)
{
	buf->data = NULL;
	buf->len = 0;
	buf->cap = 0;
	buf->failed = 0;
}

void lf_buf_free(__isl_keep struct lf_buf *buf)
{
	free(buf->data);
	lf_buf_init(buf);
}

/* Make room for "extra" more bytes plus the terminating NUL.
 */
static int lf_buf_reserve(__isl_keep struct lf_buf *buf, size_t extra)
{
	size_t need;
	size_t cap;
	char *data;

	if (buf->failed)
		return -1;
	need = buf->len + extra + 1;
	if (need <= buf->cap)
		return 0;
	cap = buf->cap ? buf->cap : 64;
	while (cap < need)
		cap *= 2;
	data = realloc(buf->data, cap);
	if (!data) {
		buf->failed = 1;
		return -1;
	}
	buf->data = data;
	buf->cap = cap;
	buf->data[buf->len] = '\0';
	return 0;
}

void lf_buf_add(__isl_keep struct lf_buf *buf, __isl_keep const char *bytes,
	size_t len)
{
	if (lf_buf_reserve(buf, len) < 0)
		return;
	memcpy(buf->data + buf->len, bytes, len);
	buf->len += len;
	buf->data[buf->len] = '\0';
}

void lf_buf_add_str(__isl_keep struct lf_buf *buf, __isl_keep const char *str)
{
	lf_buf_add(buf, str, strlen(str));
}

void lf_buf_add_char(__isl_keep struct lf_buf *buf, char c)
{
	lf_buf_add(buf, &c, 1);
}

void lf_buf_vprintf(__isl_keep struct lf_buf *buf, __isl_keep const char *fmt,
	va_list ap)
{
	va_list copy;
	int n;

	va_copy(copy, ap);
	n = vsnprintf(NULL, 0, fmt, copy);
	va_end(copy);
	if (n < 0 || lf_buf_reserve(buf, (size_t) n) < 0) {
		buf->failed = 1;
		return;
	}
	vsnprintf(buf->data + buf->len, (size_t) n + 1, fmt, ap);
	buf->len += (size_t) n;
}

void lf_buf_printf(__isl_keep struct lf_buf *buf,
	__isl_keep const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	lf_buf_vprintf(buf, fmt, ap);
	va_end(ap);
}

/* Hand the bytes to the caller (never NULL unless allocation failed)
 * and leave the buffer empty.
 */
__isl_give char *lf_buf_take(__isl_keep struct lf_buf *buf)
{
	char *data;

	if (buf->failed) {
		lf_buf_free(buf);
		return NULL;
	}
	if (lf_buf_reserve(buf, 0) < 0)
		return NULL;
	data = buf->data;
	lf_buf_init(buf);
	return data;
}
