/* SPDX-License-Identifier: MIT */
#ifndef LF_DIFF_H
#define LF_DIFF_H

#include <isl/ctx.h>

/* loopfuse --diff: the change to a file as a unified diff. */

/* Return a unified diff with 3 lines of context that turns old_text into
 * new_text: "--- a/OLD_PATH" and "+++ b/NEW_PATH" headers, then
 * "@@ -l,s +l,s @@" hunks.  Lines are compared byte for byte, so carriage
 * returns and invalid UTF-8 are kept and a last line without newline
 * differs from the same line with one; such a line is followed by
 * "\ No newline at end of file".  The diff is a shortest one, and where
 * several are, each run of deleted or inserted lines sits as low as
 * equal lines let it, unless a higher place lets it face a change of
 * the other text (see lf_diff.c).
 * Return an empty string if the texts are equal and NULL if allocation
 * fails.  The caller frees the result.
 */
__isl_give char *lf_diff_unified(__isl_keep const char *old_path,
	__isl_keep const char *new_path, __isl_keep const char *old_text,
	unsigned old_len, __isl_keep const char *new_text, unsigned new_len);

#endif
