/* SPDX-License-Identifier: MIT */
#ifndef LF_FIXES_H
#define LF_FIXES_H

#include <stdio.h>

#include <isl/ctx.h>

#include "lf_rewrite.h"

/* The rewrite as the fixes file of clang-tidy's --export-fixes, which
 * clang-apply-replacements reads: a YAML document naming the main
 * source file and a list of diagnostics, each with the byte
 * replacements that make the rewritten file out of the original.
 *
 * Edits that touch each other become one replacement, so that no two
 * replacements share an offset (clang-apply-replacements would have to
 * order insertions at one offset by itself).  Every string is in YAML's
 * double-quoted style, which round-trips tabs, quotes, CRs and UTF-8;
 * a replacement that is not valid UTF-8 cannot be written in YAML and
 * is refused.
 */

/* Write to "out_path" the fixes that turn text[0 .. len), the file
 * "path", into what the edits of "result" make of it.  cr_only: the
 * file ends its lines in CR alone and "text" was given LF instead (the
 * replacements get their CRs back).  On failure, print a
 * "file:1:1: error: ..." line to err and return -1; else return 0.
 */
int lf_fixes_write(__isl_keep const char *out_path,
	__isl_keep const char *path, __isl_keep const char *text, unsigned len,
	__isl_keep const struct lf_result *result, int cr_only, FILE *err);

/* The fixes document itself, or NULL when it cannot be made (*why then
 * says why, a constant string).  "abs_path" is the file's absolute
 * path and "directory" the directory relative paths are taken from.
 */
__isl_give char *lf_fixes_yaml(__isl_keep const char *abs_path,
	__isl_keep const char *directory, __isl_keep const char *text,
	unsigned len, __isl_keep const struct lf_result *result, int cr_only,
	__isl_keep const char **why);

#endif
