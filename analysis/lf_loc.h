/* SPDX-License-Identifier: MIT */
#ifndef LF_LOC_H
#define LF_LOC_H

/* A place in a source file: a byte offset into its text, and the 1-based
 * line and column (columns count bytes) it is at.
 */
struct lf_loc {
	unsigned offset;
	unsigned line;
	unsigned col;
};

#endif
