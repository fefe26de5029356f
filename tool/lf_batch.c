/* SPDX-License-Identifier: MIT */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lf_buf.h"
#include "lf_cli.h"
#include "lf_compdb.h"
#include "lf_summary.h"
#include "lf_write.h"

/* loopfuse over the files of its command line: one file as it is, or
 * --check over several (or over every file of a compilation database),
 * each file's report in turn, then a summary table.
 */

/* Say on a terminal's stderr which file, of n, is being checked: a
 * line that the next one overwrites (and the end clears).
 */
static void lf_batch_progress(int tty, int i, int n,
	__isl_keep const char *path)
{
	if (!tty)
		return;
	if (i < n)
		fprintf(stderr, "\r\033[K[%d/%d] checking %s\r", i + 1, n,
			path);
	else
		fprintf(stderr, "\r\033[K");
	fflush(stderr);
}

/* The exit status of all files: 1 if any file failed, else 3 if a
 * condition of --fail-on held for any, else 0.
 */
static int lf_batch_status(__isl_keep const struct lf_summary_row *rows,
	int n)
{
	int i, r = LF_EXIT_OK;

	for (i = 0; i < n; ++i)
		if (rows[i].status == LF_EXIT_INPUT ||
		    (rows[i].status == LF_EXIT_FAIL_ON && r == LF_EXIT_OK))
			r = rows[i].status;
	return r;
}

/* Write the reports and the summary, gathered in "buf", where the
 * options say.
 */
static int lf_batch_write(__isl_keep const struct lf_cli_options *options,
	__isl_keep struct lf_buf *buf)
{
	if (buf->failed) {
		fprintf(stderr, "loopfuse: error: out of memory\n");
		return -1;
	}
	if (options->output == LF_OUTPUT_FILE)
		return lf_write_atomic(options->output_path, buf->data,
				       buf->len, stderr);
	return lf_write_stdout(buf->data, buf->len, stderr);
}

/* Check the files paths[0 .. n) one by one, then write their reports
 * and the summary.
 */
static int lf_batch_check(__isl_keep const struct lf_cli_options *options,
	__isl_keep const char *const *paths, int n)
{
	struct lf_summary_row *rows = calloc(n + 1, sizeof(*rows));
	struct lf_cli_options one = *options;
	int i, r, tty = isatty(STDERR_FILENO);
	struct lf_buf buf;
	char *table;

	if (!rows)
		return LF_EXIT_INPUT;
	lf_buf_init(&buf);
	one.output_buf = &buf;
	for (i = 0; i < n; ++i) {
		lf_batch_progress(tty, i, n, paths[i]);
		one.input = rows[i].path = paths[i];
		one.row = &rows[i];
		rows[i].status = lf_run_file(&one);
	}
	lf_batch_progress(tty, n, n, NULL);
	table = lf_summary_table(rows, n);
	if (table)
		lf_buf_add_str(&buf, table);
	r = lf_batch_write(options, &buf) < 0 || !table ?
	    LF_EXIT_INPUT : lf_batch_status(rows, n);
	free(table);
	lf_buf_free(&buf);
	free(rows);
	return r;
}

/* --check -p DIR with no file: every C file of the database. */
static int lf_batch_database(__isl_keep const struct lf_cli_options *options)
{
	char **files;
	int i, n, r;

	if (lf_compdb_files(options->compdb_dir, &files, &n, stderr) < 0)
		return LF_EXIT_INPUT;
	if (n == 0)
		fprintf(stderr, "loopfuse: warning: the compilation database "
			"in '%s' has no C file\n", options->compdb_dir);
	r = lf_batch_check(options, (const char *const *) files, n);
	for (i = 0; i < n; ++i)
		free(files[i]);
	free(files);
	return r;
}

int lf_cli_run(__isl_keep const struct lf_cli_options *options)
{
	if (options->n_input == 0 && options->compdb_dir)
		return lf_batch_database(options);
	if (options->n_input > 1)
		return lf_batch_check(options, options->inputs,
				      options->n_input);
	return lf_run_file(options);
}
