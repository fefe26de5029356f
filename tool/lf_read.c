/* SPDX-License-Identifier: MIT */
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "lf_buf.h"
#include "lf_read.h"

#define LF_READ_CHUNK	65536

/* "<path>:1:1: error: [what: ]why" on err, unless err is NULL. */
static void lf_read_report(FILE *err, __isl_keep const char *path,
	__isl_keep const char *what, __isl_keep const char *why)
{
	if (!err)
		return;
	if (what)
		fprintf(err, "%s:1:1: error: %s: %s\n", path, what, why);
	else
		fprintf(err, "%s:1:1: error: %s\n", path, why);
}

/* Read everything from fd into buf.
 */
static int lf_read_all(int fd, __isl_keep struct lf_buf *buf)
{
	char chunk[LF_READ_CHUNK];

	for (;;) {
		ssize_t n = read(fd, chunk, sizeof(chunk));

		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return -1;
		if (n == 0)
			return 0;
		lf_buf_add(buf, chunk, n);
		if (buf->failed) {
			errno = ENOMEM;
			return -1;
		}
	}
}

/* Check that fd is a regular file, setting errno if not.
 */
static int lf_read_check_regular(int fd, const char **why)
{
	struct stat st;

	if (fstat(fd, &st) < 0)
		return -1;
	if (S_ISDIR(st.st_mode)) {
		errno = EISDIR;
		return -1;
	}
	if (!S_ISREG(st.st_mode)) {
		*why = "not a regular file";
		return -1;
	}
	return 0;
}

/* Read the file at path into buf.  On failure, set *why to the reason.
 * Opening without blocking keeps a FIFO from hanging the read;
 * it is rejected as not a regular file.
 */
static int lf_read_fd(__isl_keep const char *path,
	__isl_keep struct lf_buf *buf, const char **why)
{
	int fd;
	int r;
	int saved;

	*why = NULL;
	fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
	if (fd < 0) {
		*why = strerror(errno);
		return -1;
	}
	r = lf_read_check_regular(fd, why);
	if (r >= 0)
		r = lf_read_all(fd, buf);
	saved = errno;
	if (close(fd) < 0 && r >= 0) {
		saved = errno;
		r = -1;
	}
	if (r < 0 && !*why)
		*why = strerror(saved);
	return r;
}

/* Hand over the bytes of buf, NUL terminated even if nothing
 * was ever added to it.
 */
static __isl_give char *lf_read_take(__isl_keep struct lf_buf *buf)
{
	lf_buf_add(buf, "", 0);
	return lf_buf_take(buf);
}

__isl_give char *lf_read_file(__isl_keep const char *path, size_t *len,
	FILE *err)
{
	struct lf_buf buf;
	const char *why;
	char *data;

	lf_buf_init(&buf);
	if (lf_read_fd(path, &buf, &why) < 0) {
		lf_buf_free(&buf);
		lf_read_report(err, path, "cannot read", why);
		return NULL;
	}
	if (buf.len > 0 && memchr(buf.data, '\0', buf.len)) {
		lf_buf_free(&buf);
		lf_read_report(err, path, NULL, LF_READ_NUL);
		return NULL;
	}
	*len = buf.len;
	data = lf_read_take(&buf);
	if (!data)
		lf_read_report(err, path, "cannot read", strerror(ENOMEM));
	return data;
}
