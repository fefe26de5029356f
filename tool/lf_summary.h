/* SPDX-License-Identifier: MIT */
#ifndef LF_SUMMARY_H
#define LF_SUMMARY_H

#include <isl/ctx.h>

#include "lf_audit.h"

/* The summary of --check over several files: one row per file, what
 * its audit found, and a table of all rows with their totals.
 *
 * status: the file's exit status (0, or 1 when it could not be read,
 * parsed or audited, or 3 when a condition of --fail-on holds);
 * analysed: whether the counts are there.
 */
struct lf_summary_row {
	const char *path;
	int status;
	int analysed;
	int n_function;
	int n_nest;
	int n_fusable;
	int n_illegal;
	int n_not_analysable;
	int n_group;
};

void lf_summary_row_fill(__isl_keep struct lf_summary_row *row,
	__isl_keep const struct lf_audit *audit);

/* The table of rows[0 .. n), NULL if memory runs out. */
__isl_give char *lf_summary_table(__isl_keep const struct lf_summary_row *rows,
	int n);

#endif
