/* SPDX-License-Identifier: MIT */
#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lf_cli.h"
#include "lf_report.h"
#include "lf_write.h"

/* The text of --help. */
static const char lf_cli_usage[] =
"usage: loopfuse [OPTIONS] FILE.c [-- COMPILER_ARGS...]\n"
"       loopfuse --check [OPTIONS] [FILE.c...] [-- COMPILER_ARGS...]\n"
"       loopfuse lsp    (a language server for editors on stdin and\n"
"                        stdout; see docs/editor.md)\n"
"\n"
"Fuses consecutive loop nests of C functions where exact dependence\n"
"analysis proves it legal, tiles the fused loops, and prints the\n"
"rewritten file.  Everything outside the fused nests is kept byte for\n"
"byte.  Notes and remarks go to stderr as FILE:LINE:COL: lines.\n"
"\n"
"  -o OUT              write the result to OUT instead of stdout\n"
"  -i, --in-place      replace FILE (through a temporary file; not a file\n"
"                      with several hard links)\n"
"      --diff          print a unified diff of the change instead\n"
"      --export-fixes=FILE  write the change to FILE as the fixes YAML\n"
"                      that clang-apply-replacements applies, instead\n"
"      --depfile=FILE  also write a Makefile depfile to FILE: the output\n"
"                      (of -o, -i or --export-fixes) depends on FILE.c\n"
"                      and every header it includes\n"
"  -p BUILD_DIR        take the compiler arguments of FILE.c from\n"
"                      BUILD_DIR/compile_commands.json (default: the\n"
"                      first one in FILE.c's directory or above it)\n"
"      --tile-size=N[,M...]  tile sizes of fused bands, one per loop (the\n"
"                      last repeats); 0: no tiling; default: the largest\n"
"                      of 256, 128, 64, 32 whose tile fits in half of L2\n"
"      --cache=L1,L2   cache sizes in bytes (K and M suffixes), for the\n"
"                      cost and tile models; default: as the machine\n"
"                      reports\n"
"      --function=NAME only transform function NAME\n"
"      --assume-no-alias  distinct pointer parameters and globals never\n"
"                      overlap (as if every pointer were restrict)\n"
"      --no-alias-checks  where pointer parameters may overlap, do not\n"
"                      fuse under a run-time check that they do not\n"
"      --fuse-all      fuse wherever it is legal, also where the cost\n"
"                      model expects no gain (no shared array, under 5%\n"
"                      of the traffic saved, data that fit in L1, nests\n"
"                      sharing only an outer loop)\n"
"      --no-inline     do not fuse the loop nests of functions called\n"
"                      next to loops with those loops\n"
"      --openmp        mark the outermost parallel loop of each fused group\n"
"                      'omp parallel for' and parallel innermost loops\n"
"                      'omp simd', where the dependences prove it\n"
"      --explain       after each fused group's note, say at which depth\n"
"                      and tile sizes it is fused and which dependences\n"
"                      the fused order keeps\n"
"      --check         print an audit instead of the file: the loop nests\n"
"                      of every function and, for each adjacent pair and\n"
"                      each fusion group, why fusion is legal or not;\n"
"                      several files (or, with -p and no file, every C\n"
"                      file of the database) get a summary table, and a\n"
"                      progress line when stderr is a terminal\n"
"      --format=FMT    audit format: text (default), json, sarif, or\n"
"                      html (one page: the code before and after, the\n"
"                      verdicts and the graph of the nests)\n"
"      --fail-on=WHAT  exit with status 3 if a pair is illegal,\n"
"                      not-analysable, or either (any); comma-separated\n"
"  -h, --help          show this help\n"
"      --version       show the version\n"
"\n"
"Arguments after -- go to the C parser (-I, -D, -std=, ...), after\n"
"those of the compilation database.\n"
"Exit status: 0 on success, 1 if FILE cannot be read or parsed or the\n"
"output cannot be written, 2 on a usage error, 3 when a condition of\n"
"--fail-on holds.\n";

static const char lf_cli_version[] = "loopfuse " LOOPFUSE_VERSION "\n";

/* Print a usage error and the way to help; return -1.
 */
static int lf_cli_error(__isl_keep const char *fmt, ...)
	__attribute__((format(printf, 1, 2)));

static int lf_cli_error(__isl_keep const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	fprintf(stderr, "loopfuse: error: ");
	vfprintf(stderr, fmt, ap);
	fprintf(stderr, "\nTry 'loopfuse --help'.\n");
	va_end(ap);
	return -1;
}

/* Read the tile size at p in the list "arg", which ends at the next
 * comma or at the end of arg.  Return where it ends, or NULL after
 * a usage error.
 */
static __isl_keep const char *lf_cli_number(__isl_keep const char *arg,
	__isl_keep const char *p, int *value)
{
	size_t n = strcspn(p, ",");
	char *stop;
	long v;

	if (n == 0) {
		lf_cli_error("empty tile size in '%s'", arg);
		return NULL;
	}
	v = strtol(p, &stop, 10);
	if (stop != p + n || v < 0 || v > 1 << 20) {
		lf_cli_error("not a valid tile size: '%.*s'", (int) n, p);
		return NULL;
	}
	*value = (int) v;
	return stop;
}

static int lf_cli_format(__isl_keep const char *arg,
	__isl_keep struct lf_cli_options *options)
{
	enum lf_report_format *format = &options->format;

	options->format_set = 1;
	if (!strcmp(arg, "text"))
		*format = LF_REPORT_TEXT;
	else if (!strcmp(arg, "json"))
		*format = LF_REPORT_JSON;
	else if (!strcmp(arg, "sarif"))
		*format = LF_REPORT_SARIF;
	else if (!strcmp(arg, "html"))
		*format = LF_REPORT_HTML;
	else
		return lf_cli_error("unknown format '%s' (text, json, sarif "
				    "or html)", arg);
	return 0;
}

/* A comma-separated list of illegal, not-analysable and any.
 */
static int lf_cli_fail_on(__isl_keep const char *arg, unsigned *fail_on)
{
	const char *p = arg;

	while (*p) {
		size_t n = strcspn(p, ",");

		if (n == 7 && !strncmp(p, "illegal", n))
			*fail_on |= LF_FAIL_ILLEGAL;
		else if (n == 14 && !strncmp(p, "not-analysable", n))
			*fail_on |= LF_FAIL_NOT_ANALYSABLE;
		else if (n == 3 && !strncmp(p, "any", n))
			*fail_on |= LF_FAIL_ANY;
		else
			return lf_cli_error("unknown --fail-on condition in "
				"'%s' (illegal, not-analysable or any)", arg);
		p += n;
		if (*p == ',')
			p++;
	}
	if (!*fail_on)
		return lf_cli_error("%s", "--fail-on needs a condition");
	return 0;
}

/* "N" (one size for every loop, 0 for none) or "N,M,...", every
 * element a number.
 */
static int lf_cli_tiles(__isl_keep const char *arg,
	__isl_keep struct lf_cli_options *options)
{
	const char *p = arg;
	int n = 0;

	for (;;) {
		if (n == LF_MAX_DEPTH)
			return lf_cli_error("too many tile sizes: '%s'", arg);
		p = lf_cli_number(arg, p, &options->opt.tile_sizes[n++]);
		if (!p)
			return -1;
		if (*p != ',')
			break;
		p++;
	}
	options->opt.tile_size = n == 1 ? options->opt.tile_sizes[0] : -1;
	options->opt.n_tile_sizes = n == 1 ? 0 : n;
	return 0;
}

/* A size in bytes with an optional K or M suffix.
 */
static int lf_cli_bytes(__isl_keep const char *arg, long *bytes)
{
	char *end;
	long v = strtol(arg, &end, 10);

	if (end == arg || v <= 0)
		return -1;
	if (*end == 'K' || *end == 'k')
		v *= 1024, end++;
	else if (*end == 'M' || *end == 'm')
		v *= 1024 * 1024, end++;
	if (*end && *end != ',')
		return -1;
	*bytes = v;
	return 0;
}

static int lf_cli_cache(__isl_keep const char *arg,
	__isl_keep struct lf_cli_options *options)
{
	const char *comma = strchr(arg, ',');

	if (!comma || strchr(comma + 1, ',') ||
	    lf_cli_bytes(arg, &options->opt.cache_l1) < 0 ||
	    lf_cli_bytes(comma + 1, &options->opt.cache_l2) < 0)
		return lf_cli_error("not valid cache sizes (L1,L2): '%s'",
				    arg);
	return 0;
}

enum {
	LF_OPT_DIFF = 256,
	LF_OPT_TILE,
	LF_OPT_CACHE,
	LF_OPT_FUNCTION,
	LF_OPT_NO_ALIAS,
	LF_OPT_NO_CHECKS,
	LF_OPT_NO_INLINE,
	LF_OPT_OPENMP,
	LF_OPT_FUSE_ALL,
	LF_OPT_EXPLAIN,
	LF_OPT_CHECK,
	LF_OPT_FORMAT,
	LF_OPT_FAIL_ON,
	LF_OPT_FIXES,
	LF_OPT_DEPFILE,
	LF_OPT_VERSION
};

static const struct option lf_cli_long[] = {
	{ "in-place", no_argument, NULL, 'i' },
	{ "diff", no_argument, NULL, LF_OPT_DIFF },
	{ "tile-size", required_argument, NULL, LF_OPT_TILE },
	{ "cache", required_argument, NULL, LF_OPT_CACHE },
	{ "function", required_argument, NULL, LF_OPT_FUNCTION },
	{ "assume-no-alias", no_argument, NULL, LF_OPT_NO_ALIAS },
	{ "no-alias-checks", no_argument, NULL, LF_OPT_NO_CHECKS },
	{ "no-inline", no_argument, NULL, LF_OPT_NO_INLINE },
	{ "openmp", no_argument, NULL, LF_OPT_OPENMP },
	{ "fuse-all", no_argument, NULL, LF_OPT_FUSE_ALL },
	{ "explain", no_argument, NULL, LF_OPT_EXPLAIN },
	{ "check", no_argument, NULL, LF_OPT_CHECK },
	{ "format", required_argument, NULL, LF_OPT_FORMAT },
	{ "fail-on", required_argument, NULL, LF_OPT_FAIL_ON },
	{ "export-fixes", required_argument, NULL, LF_OPT_FIXES },
	{ "depfile", required_argument, NULL, LF_OPT_DEPFILE },
	{ "help", no_argument, NULL, 'h' },
	{ "version", no_argument, NULL, LF_OPT_VERSION },
	{ NULL, 0, NULL, 0 }
};

/* The long option whose value is val, or NULL.
 */
static __isl_keep const struct option *lf_cli_long_option(int val)
{
	const struct option *o;

	for (o = lf_cli_long; o->name; ++o)
		if (o->val == val)
			return o;
	return NULL;
}

/* Is "--name", given as the n bytes at name, the start of more than one
 * long option?  getopt_long refuses such an abbreviation.
 */
static int lf_cli_is_ambiguous(__isl_keep const char *name, size_t n)
{
	const struct option *o;
	int count = 0;

	for (o = lf_cli_long; o->name; ++o)
		if (!strncmp(o->name, name, n))
			count++;
	return n > 0 && count > 1;
}

/* Report the error getopt_long returned as c, ':' for a missing
 * argument, '?' for anything else (with opterr 0 it prints nothing, and
 * would start its lines with the program's full path).  optopt is the
 * option's value, or 0 for an unknown long option; a long option's
 * name is looked up by its value, so an abbreviation is reported by
 * its full name.
 */
static int lf_cli_getopt_error(int c, char *const *argv)
{
	const struct option *o = lf_cli_long_option(optopt);
	const char *arg;
	size_t n;

	if (c == ':' && o)
		return lf_cli_error("option '--%s' needs an argument", o->name);
	if (c == ':')
		return lf_cli_error("option '-%c' needs an argument", optopt);
	if (optopt && o)
		return lf_cli_error("option '--%s' takes no argument", o->name);
	if (optopt)
		return lf_cli_error("unknown option '-%c'", optopt);
	arg = argv[optind - 1];
	n = strcspn(arg, "=");
	if (n <= 2)
		n = strlen(arg);
	if (lf_cli_is_ambiguous(arg + 2, n - 2))
		return lf_cli_error("ambiguous option '%.*s'", (int) n, arg);
	return lf_cli_error("unknown option '%.*s'", (int) n, arg);
}

static int lf_cli_set_output(__isl_keep struct lf_cli_options *options,
	enum lf_cli_output output)
{
	if (options->output != LF_OUTPUT_STDOUT && options->output != output)
		return lf_cli_error("%s", "-o, -i, --diff and --export-fixes "
				    "exclude each other");
	options->output = output;
	return 0;
}

/* Take the option c that getopt_long returned for argv.
 */
static int lf_cli_option(int c, char *const *argv,
	__isl_keep struct lf_cli_options *options, int *done)
{
	switch (c) {
	case 'o':
		options->output_path = optarg;
		return lf_cli_set_output(options, LF_OUTPUT_FILE);
	case 'i':
		return lf_cli_set_output(options, LF_OUTPUT_IN_PLACE);
	case LF_OPT_DIFF:
		return lf_cli_set_output(options, LF_OUTPUT_DIFF);
	case LF_OPT_FIXES:
		options->fixes_path = optarg;
		return lf_cli_set_output(options, LF_OUTPUT_FIXES);
	case LF_OPT_DEPFILE:
		options->depfile = optarg;
		return 0;
	case 'p':
		options->compdb_dir = optarg;
		return 0;
	case LF_OPT_TILE:
		return lf_cli_tiles(optarg, options);
	case LF_OPT_CACHE:
		return lf_cli_cache(optarg, options);
	case LF_OPT_FUNCTION:
		options->function = optarg;
		return 0;
	case LF_OPT_NO_ALIAS:
		options->opt.assume_no_alias = 1;
		return 0;
	case LF_OPT_NO_CHECKS:
		options->opt.no_alias_checks = 1;
		return 0;
	case LF_OPT_NO_INLINE:
		options->opt.no_inline = 1;
		return 0;
	case LF_OPT_OPENMP:
		options->opt.openmp = 1;
		return 0;
	case LF_OPT_FUSE_ALL:
		options->opt.fuse_all = 1;
		return 0;
	case LF_OPT_EXPLAIN:
		options->opt.explain = 1;
		return 0;
	case LF_OPT_CHECK:
		options->check = 1;
		return 0;
	case LF_OPT_FORMAT:
		return lf_cli_format(optarg, options);
	case LF_OPT_FAIL_ON:
		return lf_cli_fail_on(optarg, &options->fail_on);
	/* A failed write is reported there, and main's close of stdout
	 * turns it into exit status 1.
	 */
	case 'h':
		*done = 1;
		lf_write_stdout(lf_cli_usage, strlen(lf_cli_usage), stderr);
		return 0;
	case LF_OPT_VERSION:
		*done = 1;
		lf_write_stdout(lf_cli_version, strlen(lf_cli_version),
				stderr);
		return 0;
	default:
		return lf_cli_getopt_error(c, argv);
	}
}

/* --format and --fail-on only go with --check, which prints a report
 * (to stdout or -o OUT) rather than a file.
 */
static int lf_cli_check_mode(__isl_keep struct lf_cli_options *options)
{
	if (!options->check && (options->format_set || options->fail_on))
		return lf_cli_error("%s",
				    "--format and --fail-on need --check");
	if (options->check && (options->output == LF_OUTPUT_IN_PLACE ||
			       options->output == LF_OUTPUT_DIFF ||
			       options->output == LF_OUTPUT_FIXES))
		return lf_cli_error("%s", "--check excludes -i, --diff and "
				    "--export-fixes");
	return 0;
}

/* The files: one, or with --check any number (none with -p: every file
 * of the database).  Several get a summary, which only the text format
 * has room for, and one output.
 */
static int lf_cli_inputs(__isl_keep struct lf_cli_options *options)
{
	int several = options->n_input != 1;

	if (options->n_input == 0 && !(options->check && options->compdb_dir))
		return lf_cli_error("%s", "no input file");
	if (options->n_input > 1 && !options->check)
		return lf_cli_error("unexpected argument '%s'",
				    options->inputs[1]);
	if (several && options->format != LF_REPORT_TEXT)
		return lf_cli_error("%s", "--check over several files "
				    "needs --format=text");
	if (several && options->depfile)
		return lf_cli_error("%s", "--depfile takes one file");
	if (options->depfile && (options->output == LF_OUTPUT_STDOUT ||
				 options->output == LF_OUTPUT_DIFF))
		return lf_cli_error("%s", "--depfile needs -o, -i or "
				    "--export-fixes");
	if (options->depfile && !*options->depfile)
		return lf_cli_error("%s", "--depfile needs a file name");
	if (options->fixes_path && !*options->fixes_path)
		return lf_cli_error("%s", "--export-fixes needs a file name");
	options->input = options->n_input ? options->inputs[0] : NULL;
	return 0;
}

/* The options before any is given: tile sizes from the cache model,
 * the file to stdout, a text audit.
 */
void lf_cli_options_init(struct lf_cli_options *options)
{
	memset(options, 0, sizeof(*options));
	options->opt.tile_size = -1;
	options->format = LF_REPORT_TEXT;
}

/* Set the option of the rewrite "--name" (with its argument "arg",
 * NULL if it takes none) that loopfuse bench passes on to the rewrite
 * it measures.  Return -1 after a usage error, 1 if "name" is not
 * such an option, 0 when it is set.
 */
int lf_cli_rewrite_option(const char *name, const char *arg,
	struct lf_cli_options *options)
{
	if (!strcmp(name, "tile-size"))
		return lf_cli_tiles(arg, options);
	if (!strcmp(name, "cache"))
		return lf_cli_cache(arg, options);
	if (!strcmp(name, "assume-no-alias"))
		options->opt.assume_no_alias = 1;
	else if (!strcmp(name, "fuse-all"))
		options->opt.fuse_all = 1;
	else
		return 1;
	return 0;
}

/* Parse the command line: options and the input file before "--",
 * compiler arguments after it.  Returns -1 on a usage error (after
 * saying so); sets *done when --help or --version has been answered.
 */
int lf_cli_parse(int argc, char **argv, struct lf_cli_options *options,
	int *done)
{
	int c, dd;

	lf_cli_options_init(options);
	*done = 0;
	for (dd = 1; dd < argc && strcmp(argv[dd], "--") != 0; ++dd)
		;
	/* 0 makes getopt_long start afresh, also after an error inside
	 * "-ab"; opterr 0 and ":" leave the messages to lf_cli_option.
	 */
	optind = 0;
	opterr = 0;
	while ((c = getopt_long(dd, argv, ":o:ihp:", lf_cli_long, NULL)) != -1)
		if (lf_cli_option(c, argv, options, done) < 0)
			return -1;
	if (*done)
		return 0;
	options->n_input = dd - optind;
	options->inputs = (const char *const *) argv + optind;
	if (options->output == LF_OUTPUT_FILE && !*options->output_path)
		return lf_cli_error("%s", "-o needs a file name");
	if (lf_cli_check_mode(options) < 0 || lf_cli_inputs(options) < 0)
		return -1;
	options->argc = dd < argc ? argc - dd - 1 : 0;
	options->argv = (const char *const *) argv + (dd < argc ? dd + 1 : argc);
	return 0;
}
