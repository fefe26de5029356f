/* SPDX-License-Identifier: MIT */
#ifndef LF_FRONTEND_H
#define LF_FRONTEND_H

#include <stdio.h>

#include <isl/ctx.h>

#include "lf_model.h"
#include "lf_parse_errors.h"

/* function: model only the function of that name (NULL: all).
 * argv: compiler arguments passed on to clang (-I, -D, -std=, ...).
 * inline_calls: find the calls next to loop nests (lf_file.calls) and
 * model the file with them replaced by their callees' nests
 * (lf_file.expanded).
 */
struct lf_frontend_options {
	const char *function;
	int argc;
	const char *const *argv;
	int inline_calls;
};

/* Parse and model the file "path" whose contents are text[0 .. len)
 * (also when no such file is on disk: includes are looked up from its
 * directory).  lf_frontend_parse prints clang's errors to "err";
 * lf_frontend_parse_errors reports them to "errors" (printed, kept or
 * both).  NULL if the file does not parse.
 */
__isl_give struct lf_file *lf_frontend_parse_errors(isl_ctx *ctx,
	__isl_keep const char *path, __isl_keep const char *text,
	unsigned len, __isl_keep const struct lf_frontend_options *options,
	__isl_keep struct lf_parse_errors *errors);
__isl_give struct lf_file *lf_frontend_parse(isl_ctx *ctx,
	__isl_keep const char *path, __isl_keep const char *text, unsigned len,
	__isl_keep const struct lf_frontend_options *options, FILE *err);

/* A parse of one file kept for the next parse of its next version, so
 * that clang parses again only what follows the headers: for an editor,
 * which analyses each version of a file it has open.
 * lf_frontend_unit_parse is lf_frontend_parse_errors with a unit.
 * Allocate units on a thread that lasts as long as the process (the
 * main thread): clang sets up its handling of signals there.
 */
struct lf_frontend_unit;

__isl_give struct lf_frontend_unit *lf_frontend_unit_alloc(void);
void lf_frontend_unit_free(__isl_take struct lf_frontend_unit *unit);
__isl_give struct lf_file *lf_frontend_unit_parse(
	__isl_keep struct lf_frontend_unit *unit, isl_ctx *ctx,
	__isl_keep const char *path, __isl_keep const char *text,
	unsigned len, __isl_keep const struct lf_frontend_options *options,
	__isl_keep struct lf_parse_errors *errors);

#endif
