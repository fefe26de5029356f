#ifndef LF_DIFF_H
#define LF_DIFF_H

/* Return a unified diff with 3 lines of context that turns old_text into
 * new_text, in the format of GNU "diff -u --label a/OLD --label b/NEW".
 * Lines are compared byte for byte, so carriage returns and invalid UTF-8
 * are kept and a last line without newline differs from the same line
 * with one.  Among the shortest diffs, the one GNU diff prints is chosen.
 * Return an empty string if the texts are equal and NULL if allocation
 * fails.  The result is malloc'd.
 */
char *lf_diff_unified(const char *old_path, const char *new_path,
	const char *old_text, unsigned old_len,
	const char *new_text, unsigned new_len);

#endif
