/* SPDX-License-Identifier: MIT */
#ifndef LF_BUF_H
#define LF_BUF_H

#include <stdarg.h>
#include <stddef.h>

#include <isl/ctx.h>

/* A growable byte string.  The bytes are always NUL terminated.
 * A buffer whose allocation failed keeps failed set and ignores
 * further appends, so callers check once at the end.
 */
struct lf_buf {
	char *data;
	size_t len;
	size_t cap;
	int failed;
};

void lf_buf_init(struct lf_buf *buf);
void lf_buf_free(__isl_keep struct lf_buf *buf);
void lf_buf_add(__isl_keep struct lf_buf *buf, __isl_keep const char *bytes,
	size_t len);
void lf_buf_add_str(__isl_keep struct lf_buf *buf, __isl_keep const char *str);
void lf_buf_add_char(__isl_keep struct lf_buf *buf, char c);
void lf_buf_printf(__isl_keep struct lf_buf *buf,
	__isl_keep const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void lf_buf_vprintf(__isl_keep struct lf_buf *buf, __isl_keep const char *fmt,
	va_list ap);
__isl_give char *lf_buf_take(__isl_keep struct lf_buf *buf);

#endif
