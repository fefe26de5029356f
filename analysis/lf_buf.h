#ifndef LF_BUF_H
#define LF_BUF_H

#include <stdarg.h>
#include <stddef.h>

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
void lf_buf_free(struct lf_buf *buf);
void lf_buf_add(struct lf_buf *buf, const char *bytes, size_t len);
void lf_buf_add_str(struct lf_buf *buf, const char *str);
void lf_buf_add_char(struct lf_buf *buf, char c);
void lf_buf_printf(struct lf_buf *buf, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void lf_buf_vprintf(struct lf_buf *buf, const char *fmt, va_list ap);
char *lf_buf_take(struct lf_buf *buf);

#endif
