/* SPDX-License-Identifier: MIT */
#ifndef LF_WRITE_H
#define LF_WRITE_H

#include <stddef.h>
#include <stdio.h>

#include <isl/ctx.h>

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
int lf_write_atomic(__isl_keep const char *path, __isl_keep const char *data,
	size_t len, FILE *err);

/* lf_write_atomic for -i, which replaces the input.  A file with more
 * than one name (hard links) is refused: the rename would give the new
 * text to this name only, and the other names would keep the old one.
 * Then "<path>:1:1: error: cannot write in place: <path> has N hard
 * links; use -o" is printed to err (unless err is NULL) and -1
 * returned.
 */
int lf_write_in_place(__isl_keep const char *path, __isl_keep const char *data,
	size_t len, FILE *err);

/* Create the file at path, which must not exist (mode 0600), and
 * write the len bytes of data to it; for scratch files that no one else
 * reads while they are written.  On failure, print "loopfuse: error:
 * cannot write <path>: <reason>" to err (unless err is NULL), remove
 * what was created and return -1.  Return 0 on success.
 */
int lf_write_new(const char *path, const char *data, size_t len, FILE *err);

/* Write the len bytes of data to stdout and flush them, so that a full
 * disk or a closed pipe is found while its errno still says why.  On
 * failure, print "loopfuse: error: cannot write to standard output:
 * <reason>" to err (unless err is NULL) and return -1; once a write
 * has failed, later ones fail without a second message.  Every write
 * to stdout goes through here, so that lf_write_stdout_close knows
 * whether a failure has been reported.  Return 0 on success.
 */
int lf_write_stdout(__isl_keep const char *data, size_t len, FILE *err);

/* Close stdout at exit, which reports what the file system could only
 * tell at close.  Return -1 if any write to stdout failed (printing
 * the line above for a failure lf_write_stdout has not reported), else
 * 0.
 */
int lf_write_stdout_close(FILE *err);

#endif
