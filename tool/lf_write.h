#ifndef LF_WRITE_H
#define LF_WRITE_H

#include <stddef.h>
#include <stdio.h>

/* Replace the file at path by the len bytes of data without a moment
 * in which path is missing or half written: the data goes to a temporary
 * file "<path>.XXXXXX" in the same directory, which is synced, given the
 * permission bits (and, where allowed, the owner) of the original and
 * renamed over it.  A symbolic link at path is followed, so the link
 * stays and its target is replaced.  A new file gets 0666 minus the umask.
 * On failure the temporary is removed, path is left untouched, a line
 * "<path>:1:1: error: cannot write: <reason>" is printed to err
 * (unless err is NULL) and -1 is returned.  Return 0 on success.
 */
int lf_write_atomic(const char *path, const char *data, size_t len,
	FILE *err);

/* Read the whole regular file at path.  Return a malloc'd NUL terminated
 * buffer and its size in *len, or NULL after printing a line
 * "<path>:1:1: error: <reason>" to err (unless err is NULL) if the file
 * cannot be opened or read, is not a regular file or contains NUL bytes.
 */
char *lf_read_file(const char *path, size_t *len, FILE *err);

#endif
