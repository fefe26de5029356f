/* SPDX-License-Identifier: MIT */
#include <errno.h>
#include <math.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "lf_bench.h"
#include "lf_read.h"
#include "lf_write.h"

/* loopfuse bench from start to end: describe the function, rewrite the
 * file, build both versions with their harness, run them, compare
 * their outputs, time them, and print the summary.
 */

/* Runs of each build by default, and how long they may take in all
 * (seconds), though never fewer than LF_BENCH_MIN_RUNS.
 */
#define LF_BENCH_RUNS 600
#define LF_BENCH_BUDGET 10.0
#define LF_BENCH_MIN_RUNS 5

/* The names the harness gives its own functions and variables. */
#define LF_BENCH_PREFIX "loopfuse_bench"

/* One build of the file and the harness process that runs it: where
 * its files are, how to talk to it, the sizes of its buffers (bytes
 * and elem, as its compiler sees them), and the times of its runs.
 */
struct lf_bench_build {
	const char *label;
	const char *name;
	char *what;
	char *exe;
	char *err;
	char *out;
	pid_t pid;
	int to;
	FILE *from;
	int running;
	long *bytes;
	long *elem;
	double *ms;
	int n_ms;
};

/* Everything one loopfuse bench holds: the command line, the file as
 * read and as rewritten, its function's interface and harness, the
 * scratch directory, the compiler command and the two builds.
 */
struct lf_bench {
	struct lf_bench_options options;
	char *text;
	size_t len;
	struct lf_iface *iface;
	struct lf_bench_harness *h;
	struct lf_buf fused;
	int changed;
	char *dir;
	char *cc;
	int cc_argc;
	char **cc_argv;
	struct lf_bench_build builds[2];
};

static void lf_bench_build_clear(__isl_keep struct lf_bench_build *build)
{
	free(build->what);
	free(build->exe);
	free(build->err);
	free(build->out);
	free(build->bytes);
	free(build->elem);
	free(build->ms);
}

static void lf_bench_clear(__isl_keep struct lf_bench *b)
{
	lf_bench_build_clear(&b->builds[0]);
	lf_bench_build_clear(&b->builds[1]);
	lf_bench_harness_free(b->h);
	lf_iface_free(b->iface);
	lf_buf_free(&b->fused);
	lf_bench_cli_clear(&b->options);
	free(b->text);
	free(b->dir);
	free(b->cc);
	free(b->cc_argv);
}

/* Read the file and describe its function; NULL harness after saying
 * why there can be none.  The harness's names must be free in the
 * file, which is checked on the text itself: that is stricter than
 * needed (comments count), and simple.
 */
static int lf_bench_load(__isl_keep struct lf_bench *b)
{
	struct lf_cli_options *cli = &b->options.cli;
	struct lf_frontend_options fopt;

	b->text = lf_read_file(cli->input, &b->len, stderr);
	if (!b->text)
		return -1;
	if (strstr(b->text, LF_BENCH_PREFIX)) {
		fprintf(stderr, "loopfuse: error: %s uses names that begin with "
			"%s, which the harness needs\n", cli->input,
			LF_BENCH_PREFIX);
		return -1;
	}
	fopt.function = cli->function;
	fopt.argc = cli->argc;
	fopt.argv = cli->argv;
	fopt.inline_calls = 0;
	b->iface = lf_iface_parse(cli->input, b->text, b->len, &fopt, stderr);
	if (!b->iface)
		return -1;
	if (!b->iface->found || !strcmp(cli->function, "main")) {
		fprintf(stderr, "loopfuse: error: %s defines no function named "
			"'%s'%s\n", cli->input, cli->function,
			b->iface->found ? " that a harness could call (it has "
			"its own main)" : "");
		return -1;
	}
	b->h = lf_bench_harness_make(b->iface, &b->options);
	return b->h ? 0 : -1;
}

/* Rewrite the file as loopfuse would, only in the function measured;
 * its notes go to stderr.
 */
static int lf_bench_rewrite(__isl_keep struct lf_bench *b)
{
	struct lf_cli_options cli = b->options.cli;

	lf_buf_init(&b->fused);
	cli.output = LF_OUTPUT_BUFFER;
	cli.output_buf = &b->fused;
	if (lf_cli_run(&cli) != LF_EXIT_OK)
		return -1;
	if (b->fused.failed)
		return -1;
	b->changed = b->fused.len != b->len ||
		     (b->len > 0 && memcmp(b->fused.data, b->text, b->len));
	return 0;
}

/* The compiler: $CC (default cc), split at white space like make
 * splits it, then the flags every build gets: optimization for this
 * machine (the user's flags, later, win over it) and no contraction of
 * a * b + c into one rounding, which would let the two builds round
 * differently where loopfuse moved code around.
 */
static int lf_bench_cc(__isl_keep struct lf_bench *b)
{
	const char *env = getenv("CC");
	char *p, *save = NULL;
	int n = 0;

	b->cc = strdup(env && *env ? env : "cc");
	b->cc_argv = calloc((b->cc ? strlen(b->cc) : 0) + 2, sizeof(char *));
	if (!b->cc || !b->cc_argv)
		return -1;
	for (p = strtok_r(b->cc, " \t", &save); p;
	     p = strtok_r(NULL, " \t", &save))
		b->cc_argv[n++] = p;
	if (n == 0) {
		fprintf(stderr, "loopfuse: error: CC names no compiler\n");
		return -1;
	}
	b->cc_argc = n;
	return 0;
}

/* The command that builds "build" from the driver and its unit. */
static __isl_give char **lf_bench_cc_command(__isl_keep struct lf_bench *b,
	__isl_keep struct lf_bench_build *build, __isl_keep const char *driver,
	__isl_keep const char *unit, __isl_keep const char *srcdir)
{
	const struct lf_bench_options *o = &b->options;
	char **argv = calloc(b->cc_argc + o->n_cflag + 12, sizeof(char *));
	int i, n = 0;

	if (!argv)
		return NULL;
	for (i = 0; i < b->cc_argc; ++i)
		argv[n++] = b->cc_argv[i];
	argv[n++] = "-O3";
	argv[n++] = "-march=native";
	for (i = 0; i < o->n_cflag; ++i)
		argv[n++] = (char *) o->cflags[i];
	argv[n++] = "-ffp-contract=off";
	argv[n++] = "-iquote";
	argv[n++] = (char *) srcdir;
	argv[n++] = "-o";
	argv[n++] = build->exe;
	argv[n++] = (char *) driver;
	argv[n++] = (char *) unit;
	argv[n++] = "-lm";
	return argv;
}

/* The name the file's copies get: its own if it is plain, so that the
 * compiler's messages name it.
 */
static __isl_give char *lf_bench_base(__isl_keep const char *path)
{
	const char *base = strrchr(path, '/');
	const char *p;

	base = base ? base + 1 : path;
	for (p = base; *p; ++p)
		if (!strchr("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
			    "0123456789._+-", *p))
			break;
	return strdup(*p || !*base || *base == '.' ? "kernel.c" : base);
}

/* The directory of the file, where its #include "..." are found. */
static __isl_give char *lf_bench_srcdir(__isl_keep const char *path)
{
	const char *slash = strrchr(path, '/');

	if (!slash)
		return strdup(".");
	if (slash == path)
		return strdup("/");
	return strndup(path, slash - path);
}

/* The copy of the file that "build" compiles, dir/NAME/BASE, and its
 * unit dir/NAME.c, which includes it.
 */
static int lf_bench_build_files(__isl_keep struct lf_bench *b,
	__isl_keep struct lf_bench_build *build, __isl_keep const char *text,
	__isl_keep const char *base)
{
	char *sub = lf_bench_path(b->dir, build->name);
	char *unit = NULL;
	struct lf_buf name;
	int r = -1;

	lf_buf_init(&name);
	lf_buf_printf(&name, "%s/%s", build->name, base);
	if (sub && mkdir(sub, 0700) < 0)
		fprintf(stderr, "loopfuse: error: cannot make %s: %s\n", sub,
			strerror(errno));
	else if (sub && !name.failed &&
		 lf_bench_file_write(sub, base, text) == 0)
		unit = lf_bench_harness_kernel(b->h, name.data);
	lf_buf_free(&name);
	lf_buf_printf(&name, "%s.c", build->name);
	if (unit && !name.failed)
		r = lf_bench_file_write(b->dir, name.data, unit);
	lf_buf_free(&name);
	free(unit);
	free(sub);
	return r;
}

/* Paths and a name for build k, "unfused" (the file as it is) or
 * "fused" (as loopfuse rewrote it).
 */
static int lf_bench_build_init(__isl_keep struct lf_bench *b, int k)
{
	struct lf_bench_build *build = &b->builds[k];
	struct lf_buf buf;

	build->label = k ? "Fused" : "Unfused";
	build->name = k ? "fused" : "unfused";
	build->to = -1;
	lf_buf_init(&buf);
	lf_buf_printf(&buf, "the %s build of %s", build->name,
		      b->options.cli.function);
	build->what = lf_buf_take(&buf);
	lf_buf_printf(&buf, "%s.exe", build->name);
	build->exe = buf.failed ? NULL : lf_bench_path(b->dir, buf.data);
	lf_buf_free(&buf);
	lf_buf_printf(&buf, "%s.err", build->name);
	build->err = buf.failed ? NULL : lf_bench_path(b->dir, buf.data);
	lf_buf_free(&buf);
	lf_buf_printf(&buf, "%s.out", build->name);
	build->out = buf.failed ? NULL : lf_bench_path(b->dir, buf.data);
	lf_buf_free(&buf);
	return build->what && build->exe && build->err && build->out ? 0 : -1;
}

/* Write and compile build k from "text". */
static int lf_bench_build_make(__isl_keep struct lf_bench *b, int k,
	__isl_keep const char *text, __isl_keep const char *base,
	__isl_keep const char *srcdir)
{
	struct lf_bench_build *build = &b->builds[k];
	char *driver = lf_bench_path(b->dir, "driver.c");
	char *unit = malloc(strlen(b->dir) + strlen(build->name) + 4);
	char **argv = NULL;
	struct lf_buf what;
	int r = -1;

	lf_buf_init(&what);
	lf_buf_printf(&what, "%s (%s build)", b->cc_argv[0], build->name);
	if (driver && unit && !what.failed) {
		sprintf(unit, "%s/%s.c", b->dir, build->name);
		if (lf_bench_build_files(b, build, text, base) == 0)
			argv = lf_bench_cc_command(b, build, driver, unit,
						   srcdir);
	}
	if (argv)
		r = lf_bench_proc_run(argv, what.data);
	free(argv);
	free(unit);
	free(driver);
	lf_buf_free(&what);
	return r;
}

/* Write the driver, then write and compile both builds. */
static int lf_bench_prepare(__isl_keep struct lf_bench *b)
{
	char *base = lf_bench_base(b->options.cli.input);
	char *srcdir = lf_bench_srcdir(b->options.cli.input);
	char *driver = lf_bench_harness_driver(b->h);
	int r = -1;

	if (base && srcdir && driver && lf_bench_cc(b) == 0 &&
	    lf_bench_build_init(b, 0) == 0 && lf_bench_build_init(b, 1) == 0 &&
	    lf_bench_file_write(b->dir, "driver.c", driver) == 0 &&
	    lf_bench_build_make(b, 0, b->text, base, srcdir) == 0 &&
	    lf_bench_build_make(b, 1, b->fused.data, base, srcdir) == 0)
		r = 0;
	free(driver);
	free(srcdir);
	free(base);
	return r;
}

/* The harness of "build" broke off while loopfuse talked to it: say how
 * it ended.
 */
static int lf_bench_build_lost(__isl_keep struct lf_bench_build *build)
{
	if (build->from)
		fclose(build->from);
	if (build->to >= 0)
		close(build->to);
	build->from = NULL;
	build->to = -1;
	if (!build->running)
		return -1;
	build->running = 0;
	if (lf_bench_proc_finish(build->pid, build->what, build->err) == 0)
		fprintf(stderr, "loopfuse: error: %s stopped before it was "
			"done\n", build->what);
	return -1;
}

static int lf_bench_build_send(__isl_keep struct lf_bench_build *build,
	char c)
{
	ssize_t n;

	do
		n = write(build->to, &c, 1);
	while (n < 0 && errno == EINTR);
	return n == 1 ? 0 : lf_bench_build_lost(build);
}

/* Read one line of the harness's answer into line; a harness that
 * says something else than expected ("what") is broken.
 */
static int lf_bench_build_reply(__isl_keep struct lf_bench_build *build,
	__isl_keep char *line, int size, __isl_keep const char *expected)
{
	if (!fgets(line, size, build->from))
		return lf_bench_build_lost(build);
	if (!strncmp(line, expected, strlen(expected)))
		return 0;
	line[strcspn(line, "\n")] = '\0';
	fprintf(stderr, "loopfuse: error: %s answered '%.40s' instead of "
		"'%s'\n", build->what, line, expected);
	return -1;
}

/* The sizes in the harness's first answer, "ready BYTES:ELEM ...". */
static int lf_bench_build_sizes(__isl_keep struct lf_bench_build *build,
	__isl_keep const struct lf_bench_harness *h, __isl_keep const char *line)
{
	int n = h->n_buf;
	const char *p = line + strlen("ready");
	char *end;
	int k;

	for (k = 0; k < n; ++k) {
		build->bytes[k] = strtol(p, &end, 10);
		if (*end != ':')
			break;
		build->elem[k] = strtol(end + 1, &end, 10);
		p = end;
	}
	if (k == n)
		return 0;
	fprintf(stderr, "loopfuse: error: %s gave no size for '%s'\n",
		build->what, lf_bench_harness_name(h, k));
	return -1;
}

/* Start the harness of "build" and wait until it is set up. */
static int lf_bench_build_start(__isl_keep struct lf_bench *b,
	__isl_keep struct lf_bench_build *build)
{
	char *argv[3] = { build->exe, build->out, NULL };
	int from, size = 32 * (b->h->n_buf + 2), r = -1;
	char *line;

	if (lf_bench_proc_start(argv, build->err, &build->to, &from,
				&build->pid) < 0)
		return -1;
	build->running = 1;
	build->from = fdopen(from, "r");
	if (!build->from) {
		close(from);
		return lf_bench_build_lost(build);
	}
	build->bytes = calloc(b->h->n_buf, sizeof(long));
	build->elem = calloc(b->h->n_buf, sizeof(long));
	line = malloc(size);
	if (build->bytes && build->elem && line &&
	    lf_bench_build_reply(build, line, size, "ready") == 0)
		r = lf_bench_build_sizes(build, b->h, line);
	free(line);
	return r;
}

/* Run the function once in "build"; *ms is how long it took. */
static int lf_bench_build_run(__isl_keep struct lf_bench_build *build,
	double *ms)
{
	char line[64];
	long long ns;

	if (lf_bench_build_send(build, 'r') < 0 ||
	    lf_bench_build_reply(build, line, sizeof(line), "t ") < 0)
		return -1;
	if (sscanf(line, "t %lld", &ns) != 1 || ns < 0) {
		fprintf(stderr, "loopfuse: error: %s gave no time\n",
			build->what);
		return -1;
	}
	*ms = ns / 1e6;
	return 0;
}

/* Have "build" write what the function wrote to its output file. */
static int lf_bench_build_dump(__isl_keep struct lf_bench_build *build)
{
	char line[16];

	if (lf_bench_build_send(build, 'd') < 0)
		return -1;
	return lf_bench_build_reply(build, line, sizeof(line), "d");
}

/* Stop the harness of "build": asked to when all went well, with a
 * signal when loopfuse is giving up on it.
 */
static int lf_bench_build_stop(__isl_keep struct lf_bench_build *build,
	int ok)
{
	if (!build->running)
		return 0;
	if (ok)
		ok = lf_bench_build_send(build, 'q') == 0;
	if (!build->running)
		return -1;
	if (!ok)
		kill(build->pid, SIGTERM);
	close(build->to);
	fclose(build->from);
	build->to = -1;
	build->from = NULL;
	build->running = 0;
	if (ok)
		return lf_bench_proc_finish(build->pid, build->what, build->err);
	lf_bench_proc_reap(build->pid);
	return -1;
}

/* Say where the outputs of the two builds first differ: byte "offset"
 * of the compared buffers, laid out one after another.
 */
static void lf_bench_difference(__isl_keep struct lf_bench *b, long offset)
{
	const struct lf_bench_build *build = &b->builds[0];
	int k;

	for (k = 0; k < b->h->n_buf; ++k) {
		if (!b->h->bufs[k].compare)
			continue;
		if (offset < build->bytes[k])
			break;
		offset -= build->bytes[k];
	}
	if (k == b->h->n_buf)
		k = b->h->n_buf - 1;
	fprintf(stderr, "loopfuse: error: the fused %s computes different "
		"bytes: first in '%s', element %ld of %ld\n",
		b->options.cli.function, lf_bench_harness_name(b->h, k),
		offset / build->elem[k], build->bytes[k] / build->elem[k]);
}

/* The two builds must agree on the size of everything compared. */
static int lf_bench_same_sizes(__isl_keep struct lf_bench *b)
{
	int k;

	for (k = 0; k < b->h->n_buf; ++k)
		if (b->h->bufs[k].compare &&
		    (b->builds[0].bytes[k] != b->builds[1].bytes[k] ||
		     b->builds[0].elem[k] != b->builds[1].elem[k])) {
			fprintf(stderr, "loopfuse: error: the two builds give "
				"'%s' different sizes\n",
				lf_bench_harness_name(b->h, k));
			return -1;
		}
	return 0;
}

/* Compare the bytes the two builds wrote to their output files. */
static int lf_bench_compare_files(__isl_keep struct lf_bench *b,
	__isl_keep FILE *f0, __isl_keep FILE *f1)
{
	static char c0[65536], c1[65536];
	long offset = 0;
	size_t n0, n1, i;

	do {
		n0 = fread(c0, 1, sizeof(c0), f0);
		n1 = fread(c1, 1, sizeof(c1), f1);
		for (i = 0; i < n0 && i < n1 && c0[i] == c1[i]; ++i)
			;
		if (i < n0 || i < n1) {
			lf_bench_difference(b, offset + (long) i);
			return -1;
		}
		offset += (long) n0;
	} while (n0 == sizeof(c0));
	if (!ferror(f0) && !ferror(f1))
		return 0;
	fprintf(stderr, "loopfuse: error: cannot read the outputs: %s\n",
		strerror(errno));
	return -1;
}

/* Have both builds write their outputs, and compare them byte for
 * byte.
 */
static int lf_bench_compare(__isl_keep struct lf_bench *b)
{
	FILE *f0 = NULL, *f1 = NULL;
	int r = -1;

	if (lf_bench_build_dump(&b->builds[0]) < 0 ||
	    lf_bench_build_dump(&b->builds[1]) < 0 ||
	    lf_bench_same_sizes(b) < 0)
		return -1;
	f0 = fopen(b->builds[0].out, "rb");
	f1 = fopen(b->builds[1].out, "rb");
	if (f0 && f1)
		r = lf_bench_compare_files(b, f0, f1);
	else
		fprintf(stderr, "loopfuse: error: cannot read the outputs: "
			"%s\n", strerror(errno));
	if (f0)
		fclose(f0);
	if (f1)
		fclose(f1);
	return r;
}

static double lf_bench_now(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return t.tv_sec + t.tv_nsec / 1e9;
}

/* Time the builds run by run, each pair in the other order than the
 * one before, so that whatever changes on the machine over time
 * affects both alike: --repeat runs of each, or by default
 * LF_BENCH_RUNS or as many as LF_BENCH_BUDGET seconds allow.
 */
static int lf_bench_time(__isl_keep struct lf_bench *b)
{
	long n = b->options.repeat ? b->options.repeat : LF_BENCH_RUNS;
	double start = lf_bench_now();
	int i, k, first;

	for (k = 0; k < 2; ++k)
		if (!(b->builds[k].ms = calloc(n, sizeof(double))))
			return -1;
	for (i = 0; i < n; ++i) {
		first = i % 2;
		if (lf_bench_build_run(&b->builds[first],
				       &b->builds[first].ms[i]) < 0 ||
		    lf_bench_build_run(&b->builds[!first],
				       &b->builds[!first].ms[i]) < 0)
			return -1;
		b->builds[0].n_ms = b->builds[1].n_ms = i + 1;
		if (!b->options.repeat && i + 1 >= LF_BENCH_MIN_RUNS &&
		    lf_bench_now() - start > LF_BENCH_BUDGET)
			break;
	}
	return 0;
}

/* Start both builds, run each once (which also brings code and data
 * into memory), compare what they computed, then time them.
 */
static int lf_bench_measure(__isl_keep struct lf_bench *b)
{
	double ms;
	int r;

	r = lf_bench_build_start(b, &b->builds[0]);
	if (r == 0)
		r = lf_bench_build_start(b, &b->builds[1]);
	if (r == 0)
		r = lf_bench_build_run(&b->builds[0], &ms);
	if (r == 0)
		r = lf_bench_build_run(&b->builds[1], &ms);
	if (r == 0)
		r = lf_bench_compare(b);
	if (r == 0)
		r = lf_bench_time(b);
	if (lf_bench_build_stop(&b->builds[0], r == 0) < 0)
		r = -1;
	if (lf_bench_build_stop(&b->builds[1], r == 0) < 0)
		r = -1;
	return r;
}

/* The execution time summary of one build, in ms. */
struct lf_bench_stats {
	double mean;
	double median;
	double max;
	double min;
	double std;
};

static int lf_bench_cmp_ms(const void *a, const void *b)
{
	double x = *(const double *) a, y = *(const double *) b;

	return x < y ? -1 : x > y;
}

/* Mean, median, max, min and standard deviation (of the population,
 * as numpy computes it) of the n times ms, which get sorted.
 */
static struct lf_bench_stats lf_bench_stats_of(__isl_keep double *ms, int n)
{
	struct lf_bench_stats s;
	double sum = 0, dev = 0;
	int i;

	qsort(ms, n, sizeof(double), &lf_bench_cmp_ms);
	for (i = 0; i < n; ++i)
		sum += ms[i];
	s.mean = sum / n;
	for (i = 0; i < n; ++i)
		dev += (ms[i] - s.mean) * (ms[i] - s.mean);
	s.std = sqrt(dev / n);
	s.median = n % 2 ? ms[n / 2] : (ms[n / 2 - 1] + ms[n / 2]) / 2;
	s.min = ms[0];
	s.max = ms[n - 1];
	return s;
}

/* The compiler command of both builds, but for the files. */
static void lf_bench_say_cc(__isl_keep struct lf_buf *out,
	__isl_keep const struct lf_bench *b)
{
	int i;

	lf_buf_add_str(out, "compiler:");
	for (i = 0; i < b->cc_argc; ++i)
		lf_buf_printf(out, " %s", b->cc_argv[i]);
	lf_buf_add_str(out, " -O3 -march=native");
	for (i = 0; i < b->options.n_cflag; ++i)
		lf_buf_printf(out, " %s", b->options.cflags[i]);
	lf_buf_add_str(out, " -ffp-contract=off\n");
}

/* What was compared, with its size. */
static void lf_bench_say_outputs(__isl_keep struct lf_buf *out,
	__isl_keep const struct lf_bench *b)
{
	const char *sep = "";
	int k;

	lf_buf_add_str(out, "outputs:");
	for (k = 0; k < b->h->n_buf; ++k) {
		if (!b->h->bufs[k].compare)
			continue;
		lf_buf_printf(out, "%s %s (%ld bytes)", sep,
			      lf_bench_harness_name(b->h, k),
			      b->builds[0].bytes[k]);
		sep = ",";
	}
	lf_buf_add_str(out, ": byte-identical in both builds\n");
}

static void lf_bench_say_row(__isl_keep struct lf_buf *out,
	__isl_keep const char *label, struct lf_bench_stats s)
{
	lf_buf_printf(out, "%-9s %11.4f %12.4f %11.4f %11.4f %11.4f\n", label,
		      s.mean, s.median, s.max, s.min, s.std);
}

/* Print the summary to stdout. */
static int lf_bench_summary(__isl_keep struct lf_bench *b)
{
	struct lf_bench_stats fused, unfused;
	struct lf_buf out;
	int r;

	fused = lf_bench_stats_of(b->builds[1].ms, b->builds[1].n_ms);
	unfused = lf_bench_stats_of(b->builds[0].ms, b->builds[0].n_ms);
	lf_buf_init(&out);
	lf_buf_printf(&out, "loopfuse bench: %s in %s\n",
		      b->options.cli.function, b->options.cli.input);
	if (!b->changed)
		lf_buf_add_str(&out, "rewrite: none; loopfuse left the file as "
			       "it is, so both builds run the same code\n");
	lf_bench_say_cc(&out, b);
	if (*b->h->settings)
		lf_buf_printf(&out, "values: %s\n", b->h->settings);
	lf_bench_say_outputs(&out, b);
	lf_buf_printf(&out, "runs: %d of each, interleaved\n\n"
		      "Execution time summary:\n%-9s %11s %12s %11s %11s %11s\n",
		      b->builds[0].n_ms, "", "mean (ms)", "median (ms)",
		      "max (ms)", "min (ms)", "std (ms)");
	lf_bench_say_row(&out, "Fused", fused);
	lf_bench_say_row(&out, "Unfused", unfused);
	lf_buf_printf(&out, "\nSpeedup (median unfused / median fused): "
		      "%.2fx\n", fused.median > 0 ?
		      unfused.median / fused.median : 0.0);
	r = out.failed ? -1 : lf_write_stdout(out.data, out.len, stderr);
	lf_buf_free(&out);
	return r < 0 ? LF_EXIT_INPUT : LF_EXIT_OK;
}

/* Everything after the command line.  The scratch directory goes,
 * whatever happened, before the summary is printed.
 */
static int lf_bench_go(__isl_keep struct lf_bench *b)
{
	int r;

	/* A harness that died must show as a failed write, not kill
	 * loopfuse.
	 */
	signal(SIGPIPE, SIG_IGN);
	if (lf_bench_load(b) < 0 || lf_bench_rewrite(b) < 0)
		return LF_EXIT_INPUT;
	b->dir = lf_bench_tmp_make();
	if (!b->dir)
		return LF_EXIT_INPUT;
	r = lf_bench_prepare(b) == 0 && lf_bench_measure(b) == 0 ?
		LF_EXIT_OK : LF_EXIT_INPUT;
	lf_bench_tmp_remove(b->dir);
	if (r == LF_EXIT_OK)
		r = lf_bench_summary(b);
	return r;
}

/* loopfuse bench ARGS (argv[0] is "bench"). */
int lf_bench_main(int argc, __isl_keep char **argv)
{
	struct lf_bench b;
	int done, r;

	memset(&b, 0, sizeof(b));
	if (lf_bench_cli_parse(argc, argv, &b.options, &done) < 0)
		r = LF_EXIT_USAGE;
	else
		r = done ? LF_EXIT_OK : lf_bench_go(&b);
	lf_bench_clear(&b);
	return r;
}
