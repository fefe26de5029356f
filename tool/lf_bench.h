/* SPDX-License-Identifier: MIT */
#ifndef LF_BENCH_H
#define LF_BENCH_H

#include <stddef.h>
#include <sys/types.h>

#include <isl/ctx.h>

#include "lf_buf.h"
#include "lf_cli.h"
#include "lf_iface.h"

/* loopfuse bench FILE --function F: build F's file as it is and as
 * loopfuse rewrites it, each with a generated harness, check that both
 * compute the same bytes, and time them against each other.
 *
 * lf_bench_cli.c parses the command line, lf_bench_gen.c decides what
 * the harness allocates, fills, passes and compares and writes its C,
 * lf_bench_driver.c holds the fixed part of the driver, lf_bench_proc.c
 * runs the compiler and the harnesses, lf_bench_run.c leads the whole
 * and prints the summary.
 */

/* A --param NAME=VALUE or --extent NAME=COUNT as given: name is the
 * name_len bytes before '=' (in argv), value what follows.  used is
 * set once the harness has taken it.
 */
struct lf_bench_setting {
	__isl_keep const char *name;
	size_t name_len;
	__isl_keep const char *value;
	int is_extent;
	int used;
};

/* cli: the input, the function and the options of the rewrite; its
 * argc/argv are the compiler arguments that also concern the parser
 * (-I, -D, ...), picked out of cflags, all the arguments after "--".
 * repeat: the number of runs of each build, 0 for the default (600,
 * or as many as about 10 s allow).
 */
struct lf_bench_options {
	struct lf_cli_options cli;
	int n_setting;
	struct lf_bench_setting *settings;
	int n_cflag;
	__isl_keep const char *const *cflags;
	__isl_keep const char **parser_args;
	long repeat;
};

/* How a buffer of the harness comes to exist. */
enum lf_bench_origin {
	LF_BENCH_PARAM,		/* the driver allocates it for a parameter */
	LF_BENCH_GLOBAL,	/* a global of the file */
	LF_BENCH_RESULT		/* the value the function returns */
};

/* A buffer of the harness: var is the parameter or global (NULL for the
 * result), extent the first extent of a pointer parameter as --extent
 * gave it.  fill: the driver fills it with values; compare: the
 * function may write it, so it is restored before every run and its
 * bytes are compared between the two builds.
 */
struct lf_bench_buf {
	enum lf_bench_origin origin;
	__isl_keep const struct lf_iface_var *var;
	__isl_keep const char *extent;
	int fill;
	int compare;
};

/* What the harness of one function does: its buffers; the statement
 * that calls it (arguments included); the statements that give scalar
 * globals their --param values (setup); the declarations that give
 * integer parameters theirs where extents use them (locals); and the
 * values the parameters and globals got, for the summary (settings).
 */
struct lf_bench_harness {
	__isl_keep const struct lf_iface *iface;
	int n_buf;
	struct lf_bench_buf *bufs;
	char *call;
	char *setup;
	char *locals;
	char *settings;
};

/* lf_bench_cli.c */
int lf_bench_cli_parse(int argc, __isl_keep char **argv,
	__isl_keep struct lf_bench_options *options, int *done);
void lf_bench_cli_clear(__isl_keep struct lf_bench_options *options);

/* lf_bench_gen.c */
__isl_give struct lf_bench_harness *lf_bench_harness_make(
	__isl_keep const struct lf_iface *iface,
	__isl_keep struct lf_bench_options *options);
void lf_bench_harness_free(__isl_take struct lf_bench_harness *h);
__isl_give char *lf_bench_harness_kernel(
	__isl_keep const struct lf_bench_harness *h,
	__isl_keep const char *include);
__isl_give char *lf_bench_harness_driver(
	__isl_keep const struct lf_bench_harness *h);
__isl_keep const char *lf_bench_harness_name(
	__isl_keep const struct lf_bench_harness *h, int k);

/* lf_bench_driver.c */
extern const char lf_bench_driver_text[];

/* lf_bench_proc.c */
__isl_give char *lf_bench_tmp_make(void);
void lf_bench_tmp_remove(__isl_keep const char *dir);
int lf_bench_file_write(__isl_keep const char *dir,
	__isl_keep const char *name, __isl_keep const char *text);
__isl_give char *lf_bench_path(__isl_keep const char *dir,
	__isl_keep const char *name);
int lf_bench_proc_run(__isl_keep char *const *argv,
	__isl_keep const char *what);
int lf_bench_proc_start(__isl_keep char *const *argv,
	__isl_keep const char *err_path, int *to, int *from, pid_t *pid);
int lf_bench_proc_finish(pid_t pid, __isl_keep const char *what,
	__isl_keep const char *err_path);
void lf_bench_proc_reap(pid_t pid);

/* lf_bench_run.c */
int lf_bench_main(int argc, __isl_keep char **argv);

#endif
