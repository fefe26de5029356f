/* SPDX-License-Identifier: MIT */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lf_buf.h"
#include "lf_summary.h"

void lf_summary_row_fill(__isl_keep struct lf_summary_row *row,
	__isl_keep const struct lf_audit *audit)
{
	int i;

	row->analysed = 1;
	row->n_function = audit->n_function;
	row->n_nest = 0;
	for (i = 0; i < audit->n_function; ++i)
		row->n_nest += audit->functions[i].n_nest;
	row->n_nest -= lf_audit_count_calls(audit);
	row->n_fusable = lf_audit_count(audit, LF_VERDICT_FUSABLE) +
			 lf_audit_count(audit, LF_VERDICT_FUSABLE_SHIFT);
	row->n_illegal = lf_audit_count(audit, LF_VERDICT_ILLEGAL);
	row->n_not_analysable = lf_audit_count(audit,
					       LF_VERDICT_NOT_ANALYSABLE);
	row->n_group = lf_audit_count_groups(audit, 0);
}

/* The word of a row's status. */
static __isl_keep const char *lf_summary_status(
	__isl_keep const struct lf_summary_row *row)
{
	if (row->status == 0)
		return "ok";
	return row->status == 3 ? "fail-on" : "error";
}

/* The width of the file column: the longest path, at least "file". */
static int lf_summary_width(__isl_keep const struct lf_summary_row *rows,
	int n)
{
	int i, width = 5;

	for (i = 0; i < n; ++i)
		if ((int) strlen(rows[i].path) > width)
			width = strlen(rows[i].path);
	return width;
}

/* One line of the table: "path" and the counts of "row" (dashes for a
 * file that was not analysed).
 */
static void lf_summary_line(__isl_keep struct lf_buf *buf, int width,
	__isl_keep const char *path,
	__isl_keep const struct lf_summary_row *row)
{
	lf_buf_printf(buf, "%-*s", width, path);
	if (row->analysed)
		lf_buf_printf(buf, " %9d %5d %7d %7d %14d %6d", row->n_function,
			      row->n_nest, row->n_fusable, row->n_illegal,
			      row->n_not_analysable, row->n_group);
	else
		lf_buf_printf(buf, " %9s %5s %7s %7s %14s %6s", "-", "-", "-",
			      "-", "-", "-");
	lf_buf_printf(buf, "  %s\n", lf_summary_status(row));
}

/* The sum of the rows, with the worst status among them. */
static struct lf_summary_row lf_summary_total(
	__isl_keep const struct lf_summary_row *rows, int n)
{
	struct lf_summary_row total;
	int i;

	memset(&total, 0, sizeof(total));
	total.analysed = 1;
	for (i = 0; i < n; ++i) {
		total.n_function += rows[i].n_function;
		total.n_nest += rows[i].n_nest;
		total.n_fusable += rows[i].n_fusable;
		total.n_illegal += rows[i].n_illegal;
		total.n_not_analysable += rows[i].n_not_analysable;
		total.n_group += rows[i].n_group;
		if (rows[i].status == 1 ||
		    (rows[i].status == 3 && total.status == 0))
			total.status = rows[i].status;
	}
	return total;
}

__isl_give char *lf_summary_table(__isl_keep const struct lf_summary_row *rows,
	int n)
{
	int i, width = lf_summary_width(rows, n);
	struct lf_summary_row total = lf_summary_total(rows, n);
	struct lf_buf buf;
	char label[32];

	snprintf(label, sizeof(label), "total (%d file%s)", n,
		 n == 1 ? "" : "s");
	if ((int) strlen(label) > width)
		width = strlen(label);
	lf_buf_init(&buf);
	lf_buf_printf(&buf, "\n%-*s %9s %5s %7s %7s %14s %6s  %s\n", width,
		      "file", "functions", "nests", "fusable", "illegal",
		      "not-analysable", "groups", "status");
	for (i = 0; i < n; ++i)
		lf_summary_line(&buf, width, rows[i].path, &rows[i]);
	lf_summary_line(&buf, width, label, &total);
	if (buf.failed) {
		lf_buf_free(&buf);
		return NULL;
	}
	return lf_buf_take(&buf);
}
