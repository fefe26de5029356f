/* SPDX-License-Identifier: MIT */
#ifndef LF_CLI_H
#define LF_CLI_H

#include <stdio.h>

#include "lf_buf.h"
#include "lf_model.h"
#include "lf_options.h"
#include "lf_report.h"
#include "lf_summary.h"

/* The command line of loopfuse: where the result goes, what the
 * planner, the rewrite and the audit are asked (opt), and the audit's
 * format.
 */
enum lf_cli_output {
	LF_OUTPUT_STDOUT,
	LF_OUTPUT_FILE,
	LF_OUTPUT_IN_PLACE,
	LF_OUTPUT_DIFF,
	LF_OUTPUT_FIXES,
	LF_OUTPUT_BUFFER
};

/* output_buf receives the rewritten file for LF_OUTPUT_BUFFER, which
 * loopfuse bench uses, and the report of --check when it is set.
 * inputs: the n_input files of the command line; input: the one being
 * worked on.  fixes_path: the file of --export-fixes.  depfile: where
 * --depfile writes.  compdb_dir: the directory of -p.  row: where
 * --check over several files gets the summary of each (NULL: one
 * file).
 */
struct lf_cli_options {
	const char *input;
	int n_input;
	const char *const *inputs;
	const char *output_path;
	const char *fixes_path;
	const char *depfile;
	const char *compdb_dir;
	struct lf_buf *output_buf;
	struct lf_summary_row *row;
	enum lf_cli_output output;
	struct lf_options opt;
	const char *function;
	int check;
	enum lf_report_format format;
	int format_set;
	unsigned fail_on;
	int argc;
	const char *const *argv;
};

#define LF_EXIT_OK 0
#define LF_EXIT_INPUT 1
#define LF_EXIT_USAGE 2
#define LF_EXIT_FAIL_ON 3

int lf_cli_parse(int argc, char **argv, struct lf_cli_options *options,
	int *done);
int lf_cli_run(__isl_keep const struct lf_cli_options *options);
int lf_run_file(__isl_keep const struct lf_cli_options *options);
void lf_cli_options_init(__isl_keep struct lf_cli_options *options);
int lf_cli_rewrite_option(__isl_keep const char *name,
	__isl_keep const char *arg, __isl_keep struct lf_cli_options *options);
struct lf_options lf_run_options(
	__isl_keep const struct lf_cli_options *options);

#endif
