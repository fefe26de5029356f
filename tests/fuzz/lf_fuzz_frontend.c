/* SPDX-License-Identifier: MIT */
/* libFuzzer target: arbitrary bytes as a C file, through the whole
 * pipeline that loopfuse runs on a file (parse and model, plan and
 * generate, apply the edits, diff).
 *
 * Build with -DLOOPFUSE_FUZZ=ON -DCMAKE_C_COMPILER=clang-19 and run as
 *
 *	build-fuzz/tests/fuzz/lf_fuzz_frontend CORPUS testdata
 *
 * (see docs/robustness.md).  Besides crashes, leaks and undefined
 * behavior, the target aborts when
 *	- the output differs from the input although nothing was edited;
 *	- a rewritten file no longer parses.
 *
 * Each input picks its options from its length, so that a reproducer
 * replays the same run: the tile size cycles through 32, 0 and 4, and
 * --assume-no-alias is on for every other triple of lengths.
 * Environment: LF_FUZZ_VERBOSE=1 prints loopfuse's diagnostics, notes
 * and remarks, which are discarded otherwise; LF_FUZZ_MAX_OPERATIONS
 * replaces the isl budget (a smaller one runs many more inputs, and
 * more of them into the budget).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <isl/ctx.h>
#include <isl/options.h>

#include "lf_diff.h"
#include "lf_edit.h"
#include "lf_frontend.h"
#include "lf_rewrite.h"
#include "lf_say.h"

/* The budget of tool/lf_run.c, so that the fuzzer sees what the tool
 * sees: a kernel beyond it is declined, not analysed for minutes.
 */
#define LF_FUZZ_MAX_OPERATIONS	1000000

/* Larger inputs only slow the search down. */
#define LF_FUZZ_MAX_LEN		(64 * 1024)

#define LF_FUZZ_PATH		"fuzz.c"

static FILE *lf_fuzz_err;
static int lf_fuzz_verbose;
static unsigned long lf_fuzz_max_operations = LF_FUZZ_MAX_OPERATIONS;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	const char *v = getenv("LF_FUZZ_VERBOSE");
	const char *ops = getenv("LF_FUZZ_MAX_OPERATIONS");

	lf_fuzz_verbose = v && *v && strcmp(v, "0") != 0;
	if (ops && *ops)
		lf_fuzz_max_operations = strtoul(ops, NULL, 10);
	lf_fuzz_err = lf_fuzz_verbose ? stderr : fopen("/dev/null", "w");
	if (!lf_fuzz_err)
		abort();
	return 0;
}

static void lf_fuzz_fail(const char *what, const char *text, unsigned len)
{
	fprintf(stderr, "lf_fuzz_frontend: %s\n", what);
	if (text) {
		fprintf(stderr, "--- output (%u bytes) ---\n", len);
		fwrite(text, 1, len, stderr);
		fprintf(stderr, "\n--- end of output ---\n");
	}
	abort();
}

static void lf_fuzz_messages(struct lf_result *result)
{
	int i;

	for (i = 0; i < result->n_message; ++i) {
		const struct lf_message *m = &result->messages[i];
		char *text = lf_say_message(m);

		if (!text)
			lf_fuzz_fail("a message has no sentence", NULL, 0);
		if (lf_fuzz_verbose)
			fprintf(stderr, "%s:%u:%u: %s: %s\n", LF_FUZZ_PATH,
				m->loc.line, m->loc.col,
				lf_say_message_kind(m), text);
		free(text);
	}
}

/* A rewritten file must still be C that clang accepts: the original
 * parsed without errors, and fusion only moves statements around.
 */
static void lf_fuzz_reparse(isl_ctx *ctx, const char *out, unsigned len)
{
	struct lf_frontend_options fopt = { NULL, 0, NULL, 0 };
	struct lf_file *file;

	isl_ctx_reset_operations(ctx);
	file = lf_frontend_parse(ctx, LF_FUZZ_PATH, out, len, &fopt, stderr);
	if (!file)
		lf_fuzz_fail("the rewritten file does not parse", out, len);
	lf_file_free(file);
}

/* Compare the output with the input, and print the diff as loopfuse
 * --diff would.
 */
static void lf_fuzz_check_output(isl_ctx *ctx, struct lf_file *file,
	struct lf_result *result, const char *out, unsigned out_len)
{
	int same = out_len == file->len && !memcmp(out, file->text, out_len);
	char *diff;

	if (result->n_edit == 0 && !same)
		lf_fuzz_fail("output differs from the input without edits",
			     out, out_len);
	diff = lf_diff_unified(LF_FUZZ_PATH, LF_FUZZ_PATH, file->text,
			       file->len, out, out_len);
	if (!diff)
		lf_fuzz_fail("lf_diff_unified failed", NULL, 0);
	if (same != (diff[0] == '\0'))
		lf_fuzz_fail("the diff disagrees with the comparison",
			     out, out_len);
	free(diff);
	if (!same)
		lf_fuzz_reparse(ctx, out, out_len);
}

static void lf_fuzz_rewrite(isl_ctx *ctx, struct lf_file *file,
	const struct lf_options *ropt)
{
	struct lf_result result;
	unsigned out_len;
	char *out;

	if (lf_rewrite_file(file, ropt, &result) < 0) {
		lf_result_clear(&result);
		return;
	}
	lf_fuzz_messages(&result);
	out = lf_edit_apply(file->text, file->len, result.edits,
			    result.n_edit, &out_len);
	if (!out)
		lf_fuzz_fail("lf_edit_apply rejected the edits", NULL, 0);
	lf_fuzz_check_output(ctx, file, &result, out, out_len);
	free(out);
	lf_result_clear(&result);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const int tiles[] = { 32, 0, 4 };
	struct lf_frontend_options fopt = { NULL, 0, NULL, 0 };
	struct lf_options ropt = { 0 };
	struct lf_file *file;
	isl_ctx *ctx;

	/* loopfuse refuses such files before parsing them. */
	if (size > LF_FUZZ_MAX_LEN || memchr(data, '\0', size))
		return -1;
	ropt.tile_size = tiles[size % 3];
	ropt.assume_no_alias = (size / 3) % 2;
	ropt.fuse_all = (size / 6) % 2;
	ctx = isl_ctx_alloc();
	if (!ctx)
		abort();
	isl_options_set_on_error(ctx, ISL_ON_ERROR_CONTINUE);
	isl_ctx_set_max_operations(ctx, lf_fuzz_max_operations);
	file = lf_frontend_parse(ctx, LF_FUZZ_PATH, (const char *) data, size,
				 &fopt, lf_fuzz_err);
	if (file)
		lf_fuzz_rewrite(ctx, file, &ropt);
	lf_file_free(file);
	isl_ctx_free(ctx);
	return 0;
}
