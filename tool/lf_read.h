/* SPDX-License-Identifier: MIT */
#ifndef LF_READ_H
#define LF_READ_H

#include <stddef.h>
#include <stdio.h>

#include <isl/ctx.h>

/* What loopfuse says of a file with a NUL byte. */
#define LF_READ_NUL "file contains NUL bytes, not C source"

/* Read the whole regular file at path.  Return a malloc'd NUL terminated
 * buffer and its size in *len, or NULL after printing a line
 * "<path>:1:1: error: <reason>" to err (unless err is NULL) if the file
 * cannot be opened or read, is not a regular file or contains NUL bytes.
 */
__isl_give char *lf_read_file(__isl_keep const char *path, size_t *len,
	FILE *err);

#endif
