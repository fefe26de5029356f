#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <isl/ctx.h>
#include <isl/options.h>

#include "lf_cli.h"
#include "lf_diff.h"
#include "lf_frontend.h"
#include "lf_report.h"
#include "lf_rewrite.h"
#include "lf_write.h"

/* The main job: read, model, decide, rewrite, write. */

/* isl's budget per nest (front end) and per run (analysis): a kernel
 * that needs more is reported as too complex instead of taking minutes.
 */
#define LF_MAX_OPERATIONS 1000000

static void lf_run_notes(const char *path, struct lf_message *m)
{
	int i;

	for (i = 0; i < m->n_note; ++i)
		fprintf(stderr, "%s:%u:%u: note: %s\n", path,
			m->notes[i].loc.line, m->notes[i].loc.col,
			m->notes[i].text);
}

static void lf_run_messages(const char *path, struct lf_result *result)
{
	int i;

	for (i = 0; i < result->n_message; ++i) {
		struct lf_message *m = &result->messages[i];

		fprintf(stderr, "%s:%u:%u: %s: %s\n", path, m->loc.line,
			m->loc.col, m->kind, m->text);
		lf_run_notes(path, m);
	}
}

/* sysconf(name) if the machine reports it, else "fallback".
 */
static long lf_run_sysconf(int name, long fallback)
{
	long bytes = sysconf(name);

	return bytes > 0 ? bytes : fallback;
}

/* The L1 data cache size the machine reports, or 32 KiB.
 */
static long lf_run_cache_l1(void)
{
#ifdef _SC_LEVEL1_DCACHE_SIZE
	return lf_run_sysconf(_SC_LEVEL1_DCACHE_SIZE, 32 * 1024);
#else
	return 32 * 1024;
#endif
}

/* The L2 cache size the machine reports, or 1 MiB.
 */
static long lf_run_cache_l2(void)
{
#ifdef _SC_LEVEL2_CACHE_SIZE
	return lf_run_sysconf(_SC_LEVEL2_CACHE_SIZE, 1024 * 1024);
#else
	return 1024 * 1024;
#endif
}

/* The cache sizes of --cache, or those the machine reports.
 */
void lf_run_caches(const struct lf_cli_options *options, long *l1, long *l2)
{
	*l1 = options->cache_l1 > 0 ? options->cache_l1 : lf_run_cache_l1();
	*l2 = options->cache_l2 > 0 ? options->cache_l2 : lf_run_cache_l2();
}

/* Warn (to err, unless NULL) when --function names no function that
 * the file defines: nothing is transformed then, which is no error but
 * most likely a misspelt name.
 */
void lf_run_warn_function(const struct lf_cli_options *options,
	const struct lf_file *file, FILE *err)
{
	if (err && options->function && !file->function_found)
		fprintf(err, "%s:1:1: warning: no function named '%s' is "
			"defined in this file\n", options->input,
			options->function);
}

/* Does "text" end its lines in CR alone (old Mac files)?
 */
static int lf_run_is_cr_only(const char *text, size_t len)
{
	return memchr(text, '\r', len) && !memchr(text, '\n', len);
}

/* Replace every byte "from" of "text" with "to".
 */
static void lf_run_replace_byte(char *text, size_t len, char from, char to)
{
	char *p;

	while ((p = memchr(text, from, len)) != NULL) {
		*p = to;
		len -= p + 1 - text;
		text = p + 1;
	}
}

/* Write "text", the rewritten file ("old" before), where the options
 * say.  A file with CR line endings was read with LF instead (see
 * lf_cli_run); the file written gets its CRs back, the diff keeps LF.
 */
static int lf_run_write(const struct lf_cli_options *options,
	const char *old, unsigned old_len, char *text, unsigned len,
	int cr_only)
{
	char *diff;
	int r = 0;

	if (options->output == LF_OUTPUT_IN_PLACE && old_len == len &&
	    !memcmp(old, text, len))
		return 0;
	if (cr_only && options->output != LF_OUTPUT_DIFF)
		lf_run_replace_byte(text, len, '\n', '\r');
	switch (options->output) {
	case LF_OUTPUT_IN_PLACE:
		return lf_write_in_place(options->input, text, len, stderr);
	case LF_OUTPUT_FILE:
		return lf_write_atomic(options->output_path, text, len, stderr);
	case LF_OUTPUT_DIFF:
		diff = lf_diff_unified(options->input, options->input, old,
				       old_len, text, len);
		if (!diff) {
			fprintf(stderr, "%s:1:1: error: out of memory while "
				"making the diff\n", options->input);
			return -1;
		}
		r = lf_write_stdout(diff, strlen(diff), stderr);
		free(diff);
		return r;
	default:
		return lf_write_stdout(text, len, stderr);
	}
}

static int lf_run_file(const struct lf_cli_options *options, isl_ctx *ctx,
	const char *text, size_t len, int cr_only)
{
	struct lf_frontend_options fopt;
	struct lf_rewrite_options ropt;
	struct lf_result result;
	struct lf_file *file;
	char *out;
	unsigned out_len;
	int r;

	fopt.function = options->function;
	fopt.argc = options->argc;
	fopt.argv = options->argv;
	file = lf_frontend_parse(ctx, options->input, text, len, &fopt,
				 stderr);
	if (!file)
		return LF_EXIT_INPUT;
	lf_run_warn_function(options, file, stderr);
	ropt.tile_size = options->tile_size;
	ropt.n_tile_sizes = options->n_tile_sizes;
	memcpy(ropt.tile_sizes, options->tile_sizes, sizeof(ropt.tile_sizes));
	lf_run_caches(options, &ropt.cache_l1, &ropt.cache_l2);
	ropt.assume_no_alias = options->assume_no_alias;
	ropt.openmp = options->openmp;
	ropt.fuse_all = options->fuse_all;
	ropt.explain = options->explain;
	r = lf_rewrite_file(file, &ropt, &result);
	out = r < 0 ? NULL : lf_edit_apply(file->text, file->len,
					   result.edits, result.n_edit,
					   &out_len);
	if (!out)
		fprintf(stderr, "%s:1:1: error: internal error while "
			"rewriting the file\n", options->input);
	if (out && lf_run_write(options, file->text, file->len, out,
				out_len, cr_only) < 0)
		r = -1;
	if (out && r == 0)
		lf_run_messages(options->input, &result);
	free(out);
	lf_result_clear(&result);
	lf_file_free(file);
	return out && r == 0 ? LF_EXIT_OK : LF_EXIT_INPUT;
}

int lf_cli_run(const struct lf_cli_options *options)
{
	isl_ctx *ctx;
	char *text;
	size_t len;
	int r, cr_only;

	text = lf_read_file(options->input, &len, stderr);
	if (!text)
		return LF_EXIT_INPUT;
	/* One byte for another keeps every offset, and gives the model,
	 * the generated lines and the locations ordinary line ends.
	 */
	cr_only = lf_run_is_cr_only(text, len);
	if (cr_only)
		lf_run_replace_byte(text, len, '\r', '\n');
	ctx = isl_ctx_alloc();
	if (!ctx) {
		free(text);
		return LF_EXIT_INPUT;
	}
	isl_options_set_on_error(ctx, ISL_ON_ERROR_CONTINUE);
	isl_ctx_set_max_operations(ctx, LF_MAX_OPERATIONS);
	if (options->check)
		r = lf_report_check(options, ctx, text, len);
	else
		r = lf_run_file(options, ctx, text, len, cr_only);
	isl_ctx_free(ctx);
	free(text);
	return r;
}
