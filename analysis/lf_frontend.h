/* SPDX-License-Identifier: MIT */
#ifndef LF_FRONTEND_H
#define LF_FRONTEND_H

#include <stdio.h>

#include <isl/ctx.h>

#include "lf_model.h"

/* function: model only the function of that name (NULL: all).
 * argv: compiler arguments passed on to clang (-I, -D, -std=, ...).
 */
struct lf_frontend_options {
	const char *function;
	int argc;
	const char *const *argv;
};

__isl_give struct lf_file *lf_frontend_parse(isl_ctx *ctx,
	__isl_keep const char *path, __isl_keep const char *text, unsigned len,
	__isl_keep const struct lf_frontend_options *options, FILE *err);

#endif
