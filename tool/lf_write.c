/* SPDX-License-Identifier: MIT */
/* realpath is an XSI function. */
#define _XOPEN_SOURCE 700

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

#include "lf_write.h"

static void lf_write_report(FILE *err, __isl_keep const char *path,
	__isl_keep const char *what, __isl_keep const char *why)
{
	if (!err)
		return;
	if (what)
		fprintf(err, "%s:1:1: error: %s: %s\n", path, what, why);
	else
		fprintf(err, "%s:1:1: error: %s\n", path, why);
}

/* Return a malloc'd copy of the path of the file to replace:
 * the target of a symbolic link, so that the link survives.
 */
static __isl_give char *lf_write_target(__isl_keep const char *path)
{
	struct stat st;

	if (lstat(path, &st) == 0 && S_ISLNK(st.st_mode))
		return realpath(path, NULL);
	return strdup(path);
}

/* The mode a new file would get from open(2) with 0666.
 * umask can only be read by setting it.
 */
static mode_t lf_write_new_mode(void)
{
	mode_t mask = umask(0);

	umask(mask);
	return 0666 & ~mask;
}

/* Find the permission bits and owner the replacement should get.
 * *has_owner is set if the file exists.  On failure, set *why
 * if errno does not tell the reason.
 */
static int lf_write_old_attr(__isl_keep const char *target, struct stat *st,
	int *has_owner, const char **why)
{
	*has_owner = 0;
	if (stat(target, st) < 0) {
		if (errno != ENOENT)
			return -1;
		st->st_mode = S_IFREG | lf_write_new_mode();
		return 0;
	}
	if (S_ISDIR(st->st_mode)) {
		errno = EISDIR;
		return -1;
	}
	if (!S_ISREG(st->st_mode)) {
		*why = "not a regular file";
		return -1;
	}
	*has_owner = 1;
	/* The rename would replace a read-only file in a writable
	 * directory, but whoever made it read-only wants it kept.
	 */
	if (access(target, W_OK) < 0)
		return -1;
	return 0;
}

static int lf_write_all(int fd, __isl_keep const char *data, size_t len)
{
	while (len > 0) {
		ssize_t n = write(fd, data, len);

		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return -1;
		if (n == 0) {
			errno = EIO;
			return -1;
		}
		data += n;
		len -= n;
	}
	return 0;
}

/* Give the temporary the original's owner, or failing that its group.
 * Only root can give files away, so others keep what they can,
 * which is no reason to refuse writing the file.
 */
static void lf_write_keep_owner(int fd, __isl_keep const struct stat *st)
{
	struct stat now;

	if (fstat(fd, &now) < 0)
		return;
	if (now.st_uid == st->st_uid && now.st_gid == st->st_gid)
		return;
	if (fchown(fd, st->st_uid, st->st_gid) == 0)
		return;
	if (fchown(fd, (uid_t) -1, st->st_gid) == 0)
		return;
}

/* Fill the temporary file fd and give it the original's attributes.
 */
static int lf_write_fill(int fd, __isl_keep const char *data, size_t len,
	__isl_keep const struct stat *st, int has_owner)
{
	if (lf_write_all(fd, data, len) < 0)
		return -1;
	if (fsync(fd) < 0)
		return -1;
	if (has_owner)
		lf_write_keep_owner(fd, st);
	return fchmod(fd, st->st_mode & 07777);
}

/* Make the rename durable.  The file has been replaced by then
 * either way, and some file systems cannot sync directories,
 * so failure is not reported.
 */
static void lf_write_sync_dir(__isl_keep const char *target)
{
	char *dir = strdup(target);
	char *slash;
	int fd;
	int r;

	if (!dir)
		return;
	slash = strrchr(dir, '/');
	if (slash == dir)
		slash[1] = '\0';
	else if (slash)
		*slash = '\0';
	fd = open(slash ? dir : ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	free(dir);
	if (fd < 0)
		return;
	r = fsync(fd);
	if (close(fd) < 0 || r < 0)
		return;
}

/* Close fd after an operation that returned r, keeping the errno
 * of a failed operation over that of a failed close.
 */
static int lf_write_close(int fd, int r)
{
	int saved = errno;

	if (close(fd) < 0 && r >= 0)
		return -1;
	errno = saved;
	return r;
}

/* Write data to a new temporary next to target and rename it over target.
 * On failure, errno tells why and no temporary is left.
 */
static int lf_write_replace(__isl_keep const char *target,
	__isl_keep const char *data, size_t len,
	__isl_keep const struct stat *st, int has_owner)
{
	size_t n = strlen(target);
	char *tmp;
	int fd;
	int r;
	int saved;

	tmp = malloc(n + 8);
	if (!tmp)
		return -1;
	memcpy(tmp, target, n);
	strcpy(tmp + n, ".XXXXXX");
	fd = mkstemp(tmp);
	if (fd < 0) {
		free(tmp);
		return -1;
	}
	r = lf_write_fill(fd, data, len, st, has_owner);
	r = lf_write_close(fd, r);
	if (r >= 0)
		r = rename(tmp, target);
	if (r < 0) {
		saved = errno;
		unlink(tmp);
		free(tmp);
		errno = saved;
		return -1;
	}
	free(tmp);
	return 0;
}

int lf_write_atomic(__isl_keep const char *path, __isl_keep const char *data,
	size_t len, FILE *err)
{
	struct stat st;
	const char *why = NULL;
	char *target;
	int has_owner;
	int r = -1;

	target = lf_write_target(path);
	if (target && lf_write_old_attr(target, &st, &has_owner, &why) >= 0)
		r = lf_write_replace(target, data, len, &st, has_owner);
	if (r < 0)
		lf_write_report(err, path, "cannot write",
			why ? why : strerror(errno));
	else
		lf_write_sync_dir(target);
	free(target);
	return r;
}

int lf_write_in_place(__isl_keep const char *path, __isl_keep const char *data,
	size_t len, FILE *err)
{
	struct stat st;

	if (stat(path, &st) < 0 || !S_ISREG(st.st_mode) || st.st_nlink < 2)
		return lf_write_atomic(path, data, len, err);
	if (err)
		fprintf(err, "%s:1:1: error: cannot write in place: %s has %ju "
			"hard links; use -o\n", path, path,
			(uintmax_t) st.st_nlink);
	return -1;
}

int lf_write_new(const char *path, const char *data, size_t len, FILE *err)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
	int r = fd < 0 ? -1 : lf_write_all(fd, data, len);
	int saved;

	if (fd >= 0)
		r = lf_write_close(fd, r);
	if (r == 0)
		return 0;
	saved = errno;
	if (fd >= 0)
		unlink(path);
	if (err)
		fprintf(err, "loopfuse: error: cannot write %s: %s\n", path,
			strerror(saved));
	return -1;
}

static void lf_write_stdout_report(FILE *err, int errnum)
{
	if (err)
		fprintf(err, "loopfuse: error: cannot write to standard "
			"output: %s\n", strerror(errnum));
}

int lf_write_stdout(__isl_keep const char *data, size_t len, FILE *err)
{
	if (ferror(stdout))
		return -1;
	if (fwrite(data, 1, len, stdout) == len && fflush(stdout) == 0)
		return 0;
	lf_write_stdout_report(err, errno);
	return -1;
}

/* Every write was flushed, so a failing close has nothing of ours left
 * to lose but what the file system kept back; EBADF only says that
 * stdout was closed before loopfuse started, which matters only if
 * something was written to it, and then that write failed already.
 */
int lf_write_stdout_close(FILE *err)
{
	int failed = ferror(stdout);

	if (fclose(stdout) == 0 || failed)
		return failed ? -1 : 0;
	if (errno == EBADF)
		return 0;
	lf_write_stdout_report(err, errno);
	return -1;
}
