/* SPDX-License-Identifier: MIT */
#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lf_bench.h"
#include "lf_write.h"

/* The command line of loopfuse bench. */

static const char lf_bench_usage[] =
"usage: loopfuse bench FILE.c --function NAME [OPTIONS] [-- CFLAGS...]\n"
"\n"
"Builds FILE.c as it is (unfused) and as loopfuse rewrites it (fused),\n"
"each with a harness generated from NAME's signature, checks that both\n"
"leave the same bytes in every array and global NAME writes, and times\n"
"the two against each other, runs interleaved.  Prints the time\n"
"summary of each (mean, median, max, min, std in ms) and the speedup.\n"
"\n"
"      --function=NAME  the function to run (required)\n"
"      --param=NAME=VALUE  the value of integer parameter NAME, which\n"
"                       extents may use (also a float parameter, or a\n"
"                       scalar global); every integer parameter needs one\n"
"      --extent=NAME=COUNT  the number of elements a pointer parameter\n"
"                       NAME points to (rows, for a pointer to arrays)\n"
"      --repeat=N       runs of each build (default: 600, or as many as\n"
"                       about 10 seconds allow)\n"
"      --tile-size=N[,M...], --cache=L1,L2, --assume-no-alias, --fuse-all\n"
"                       passed on to the rewrite, as for loopfuse\n"
"  -h, --help           show this help\n"
"\n"
"The compiler is $CC (default cc) with -O3 -march=native, then CFLAGS,\n"
"then -ffp-contract=off, so that both builds round alike.  -I, -D, -U,\n"
"-std= and -include among CFLAGS also go to the parser.\n"
"Exit status: 0 when the outputs are identical, 1 when they differ or\n"
"something cannot be built or run, 2 on a usage error.\n";

static int lf_bench_cli_error(__isl_keep const char *fmt, ...)
	__attribute__((format(printf, 1, 2)));

/* A usage error: one line, and where help is. */
static int lf_bench_cli_error(__isl_keep const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	fprintf(stderr, "loopfuse: error: ");
	vfprintf(stderr, fmt, ap);
	fprintf(stderr, "\nTry 'loopfuse bench --help'.\n");
	va_end(ap);
	return -1;
}

enum {
	LF_BENCH_OPT_FUNCTION = 256,
	LF_BENCH_OPT_PARAM,
	LF_BENCH_OPT_EXTENT,
	LF_BENCH_OPT_REPEAT,
	LF_BENCH_OPT_REWRITE
};

static const struct option lf_bench_long[] = {
	{ "function", required_argument, NULL, LF_BENCH_OPT_FUNCTION },
	{ "param", required_argument, NULL, LF_BENCH_OPT_PARAM },
	{ "extent", required_argument, NULL, LF_BENCH_OPT_EXTENT },
	{ "repeat", required_argument, NULL, LF_BENCH_OPT_REPEAT },
	{ "tile-size", required_argument, NULL, LF_BENCH_OPT_REWRITE },
	{ "cache", required_argument, NULL, LF_BENCH_OPT_REWRITE },
	{ "assume-no-alias", no_argument, NULL, LF_BENCH_OPT_REWRITE },
	{ "fuse-all", no_argument, NULL, LF_BENCH_OPT_REWRITE },
	{ "help", no_argument, NULL, 'h' },
	{ NULL, 0, NULL, 0 }
};

static int lf_bench_cli_is_ident(__isl_keep const char *s, size_t n)
{
	size_t i;

	if (n == 0 || (s[0] >= '0' && s[0] <= '9'))
		return 0;
	for (i = 0; i < n; ++i)
		if (!(s[i] == '_' || (s[i] >= 'a' && s[i] <= 'z') ||
		      (s[i] >= 'A' && s[i] <= 'Z') ||
		      (s[i] >= '0' && s[i] <= '9')))
			return 0;
	return 1;
}

/* --param NAME=VALUE or --extent NAME=COUNT; a name given twice is an
 * error, since only one value can hold.
 */
static int lf_bench_cli_setting(__isl_keep struct lf_bench_options *options,
	__isl_keep const char *arg, int is_extent)
{
	const char *opt = is_extent ? "--extent" : "--param";
	const char *eq = strchr(arg, '=');
	struct lf_bench_setting *s;
	size_t n = eq ? (size_t) (eq - arg) : 0;
	int i;

	if (!eq || !lf_bench_cli_is_ident(arg, n) || !eq[1])
		return lf_bench_cli_error("%s needs NAME=%s, not '%s'", opt,
					  is_extent ? "COUNT" : "VALUE", arg);
	for (i = 0; i < options->n_setting; ++i) {
		s = &options->settings[i];
		if (s->name_len == n && !strncmp(s->name, arg, n))
			return lf_bench_cli_error("'%.*s' is given twice "
				"(--param, --extent)", (int) n, arg);
	}
	s = &options->settings[options->n_setting++];
	s->name = arg;
	s->name_len = n;
	s->value = eq + 1;
	s->is_extent = is_extent;
	s->used = 0;
	return 0;
}

static int lf_bench_cli_repeat(__isl_keep struct lf_bench_options *options,
	__isl_keep const char *arg)
{
	char *end;
	long v = strtol(arg, &end, 10);

	if (end == arg || *end || v < 1 || v > 1000000)
		return lf_bench_cli_error("--repeat needs a number of runs "
			"from 1 to 1000000, not '%s'", arg);
	options->repeat = v;
	return 0;
}

/* Report the error getopt_long returned as c (':' for a missing
 * argument); with opterr 0 it prints nothing itself.
 */
static int lf_bench_cli_getopt_error(int c, __isl_keep char *const *argv)
{
	const char *arg = argv[optind - 1];
	size_t n = strcspn(arg, "=");

	if (c == ':' && optopt == 0)
		return lf_bench_cli_error("option '%s' needs an argument", arg);
	if (c == ':')
		return lf_bench_cli_error("option '%.*s' needs an argument",
					  (int) n, arg);
	if (optopt && optopt < 256)
		return lf_bench_cli_error("unknown option '-%c'", optopt);
	return lf_bench_cli_error("unknown option '%.*s'", (int) n, arg);
}

static int lf_bench_cli_option(__isl_keep struct lf_bench_options *options,
	int c, int index, __isl_keep char *const *argv, int *done)
{
	switch (c) {
	case LF_BENCH_OPT_FUNCTION:
		options->cli.function = optarg;
		return 0;
	case LF_BENCH_OPT_PARAM:
	case LF_BENCH_OPT_EXTENT:
		return lf_bench_cli_setting(options, optarg,
					    c == LF_BENCH_OPT_EXTENT);
	case LF_BENCH_OPT_REPEAT:
		return lf_bench_cli_repeat(options, optarg);
	case LF_BENCH_OPT_REWRITE:
		return lf_cli_rewrite_option(lf_bench_long[index].name, optarg,
					     &options->cli) < 0 ? -1 : 0;
	case 'h':
		*done = 1;
		return lf_write_stdout(lf_bench_usage, strlen(lf_bench_usage),
				       stderr);
	default:
		return lf_bench_cli_getopt_error(c, argv);
	}
}

/* Does the compiler argument "arg" also concern the parser, and does it
 * take the next argument as its value?  Macros, include paths and the
 * language standard change what the file means; the math flags change
 * whether math functions set errno, which decides some fusions.
 */
static int lf_bench_cli_for_parser(__isl_keep const char *arg, int *takes_next)
{
	static const char *const joined[] = { "-I", "-D", "-U", "-std=",
		"-include", "-imacros", "-isystem", "-iquote", "-idirafter",
		NULL };
	static const char *const exact[] = { "-fmath-errno",
		"-fno-math-errno", "-ffast-math", "-fno-fast-math", "-Ofast",
		NULL };
	int i;

	*takes_next = 0;
	for (i = 0; exact[i]; ++i)
		if (!strcmp(arg, exact[i]))
			return 1;
	for (i = 0; joined[i]; ++i) {
		size_t n = strlen(joined[i]);

		if (strncmp(arg, joined[i], n))
			continue;
		*takes_next = arg[n] == '\0' && joined[i][n - 1] != '=';
		return 1;
	}
	return 0;
}

/* The compiler arguments (all after "--") and those of them the parser
 * gets as well.
 */
static int lf_bench_cli_cflags(__isl_keep struct lf_bench_options *options,
	int argc, __isl_keep char **argv)
{
	int i, n = 0, next;

	options->n_cflag = argc;
	options->cflags = (const char *const *) argv;
	options->parser_args = calloc(argc + 1, sizeof(char *));
	if (!options->parser_args)
		return -1;
	for (i = 0; i < argc; ++i) {
		if (!lf_bench_cli_for_parser(argv[i], &next))
			continue;
		options->parser_args[n++] = argv[i];
		if (next && i + 1 < argc)
			options->parser_args[n++] = argv[++i];
	}
	options->cli.argc = n;
	options->cli.argv = options->parser_args;
	return 0;
}

/* What must be there once the options are read. */
static int lf_bench_cli_check(__isl_keep struct lf_bench_options *options,
	int optind_end, int dd, __isl_keep char **argv)
{
	if (optind_end < dd)
		options->cli.input = argv[optind_end++];
	if (!options->cli.input)
		return lf_bench_cli_error("%s", "no input file");
	if (optind_end < dd)
		return lf_bench_cli_error("unexpected argument '%s'",
					  argv[optind_end]);
	if (!options->cli.function)
		return lf_bench_cli_error("%s",
					  "which function? give --function NAME");
	return 0;
}

/* Parse "bench FILE --function F ... [-- CFLAGS]" (argv[0] is
 * "bench").  Return -1 after a usage error (said), or when memory runs
 * out; set *done when --help has been answered.
 */
int lf_bench_cli_parse(int argc, __isl_keep char **argv,
	__isl_keep struct lf_bench_options *options, int *done)
{
	int c, dd, index;

	memset(options, 0, sizeof(*options));
	lf_cli_options_init(&options->cli);
	*done = 0;
	for (dd = 1; dd < argc && strcmp(argv[dd], "--") != 0; ++dd)
		;
	options->settings = calloc(dd + 1, sizeof(*options->settings));
	if (!options->settings)
		return -1;
	optind = 0;
	opterr = 0;
	while ((c = getopt_long(dd, argv, ":h", lf_bench_long, &index)) != -1)
		if (lf_bench_cli_option(options, c, index, argv, done) < 0)
			return -1;
	if (*done)
		return 0;
	if (lf_bench_cli_check(options, optind, dd, argv) < 0)
		return -1;
	return lf_bench_cli_cflags(options, dd < argc ? argc - dd - 1 : 0,
				   argv + (dd < argc ? dd + 1 : argc));
}

void lf_bench_cli_clear(__isl_keep struct lf_bench_options *options)
{
	free(options->settings);
	free(options->parser_args);
	options->settings = NULL;
	options->parser_args = NULL;
}
