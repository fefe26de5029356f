#ifndef LF_CLI_H
#define LF_CLI_H

#include <stdio.h>

/* The command line of loopfuse. */

#define LF_CLI_MAX_TILES 16
enum lf_cli_output {
	LF_OUTPUT_STDOUT,
	LF_OUTPUT_FILE,
	LF_OUTPUT_IN_PLACE,
	LF_OUTPUT_DIFF
};

struct lf_cli_options {
	const char *input;
	const char *output_path;
	enum lf_cli_output output;
	int tile_size;
	int n_tile_sizes;
	int tile_sizes[LF_CLI_MAX_TILES];
	long cache_l1;
	long cache_l2;
	const char *function;
	int assume_no_alias;
	int openmp;
	int fuse_all;
	int check;
	int format;
	unsigned fail_on;
	int explain;
	int argc;
	const char *const *argv;
};

#define LF_EXIT_OK 0
#define LF_EXIT_INPUT 1
#define LF_EXIT_USAGE 2
#define LF_EXIT_FAIL_ON 3

int lf_cli_parse(int argc, char **argv, struct lf_cli_options *options,
	int *done);
int lf_cli_run(const struct lf_cli_options *options);
void lf_run_caches(const struct lf_cli_options *options, long *l1, long *l2);
struct lf_file;
void lf_run_warn_function(const struct lf_cli_options *options,
	const struct lf_file *file, FILE *err);

#endif
