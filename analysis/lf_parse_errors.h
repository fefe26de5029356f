/* SPDX-License-Identifier: MIT */
#ifndef LF_PARSE_ERRORS_H
#define LF_PARSE_ERRORS_H

#include <stdio.h>

#include <isl/ctx.h>

/* Where the front end's errors go: printed to "err" in clang's own
 * "file:line:col: error: ..." form (the first few, then a line that
 * counts the others), and, when "collect" is set, kept in "list" as
 * data, every one of them, for a caller that shows them itself (an
 * editor, which places each error in the text).
 *
 * An error is in the main file when in_main is set: it is at byte
 * offset begin, and clang's first range for it, if any, ends at end
 * (else end is begin).  Otherwise "file", "line" and "col" say where
 * it is (file is NULL for an error about no file: a compiler
 * argument, or the parse as a whole).
 */
struct lf_parse_error {
	char *message;
	int in_main;
	unsigned begin;
	unsigned end;
	char *file;
	unsigned line;
	unsigned col;
};

struct lf_parse_errors {
	FILE *err;
	int collect;
	int n;
	struct lf_parse_error *list;
	int dropped;
	int failed;
};

/* At most LF_PARSE_ERRORS_MAX errors are kept; the others are only
 * counted in "dropped" (a file that is not C gives thousands).
 * "failed" says that one could not be kept for want of memory.
 */
#define LF_PARSE_ERRORS_MAX 100

int lf_parse_errors_add(__isl_keep struct lf_parse_errors *errors,
	__isl_keep const char *message, int in_main, unsigned begin,
	unsigned end, __isl_keep const char *file, unsigned line,
	unsigned col);
void lf_parse_errors_clear(__isl_keep struct lf_parse_errors *errors);

#endif
