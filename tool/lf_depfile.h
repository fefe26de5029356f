/* SPDX-License-Identifier: MIT */
#ifndef LF_DEPFILE_H
#define LF_DEPFILE_H

#include <stdio.h>

#include <isl/ctx.h>

#include "lf_model.h"

/* A Makefile-style depfile (as gcc's -MD -MP writes one) for a build
 * step that makes "target" out of "file": the rule "target: FILE
 * HEADER..." with every file clang included, then an empty rule for
 * each header, so that a deleted header does not stop make.  Spaces,
 * '#' and '$' in names are escaped as make and ninja read them.
 */
__isl_give char *lf_depfile_text(__isl_keep const char *target,
	__isl_keep const struct lf_file *file);

/* Write that depfile to "path"; on failure print a
 * "<path>:1:1: error: ..." line to err and return -1, else 0.
 */
int lf_depfile_write(__isl_keep const char *path,
	__isl_keep const char *target, __isl_keep const struct lf_file *file,
	FILE *err);

#endif
