/* SPDX-License-Identifier: MIT */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <isl/ctx.h>
#include <isl/options.h>

#include "lf_cli.h"
#include "lf_compdb.h"
#include "lf_depfile.h"
#include "lf_diff.h"
#include "lf_fixes.h"
#include "lf_frontend.h"
#include "lf_graphviz.h"
#include "lf_report.h"
#include "lf_rewrite.h"
#include "lf_say.h"
#include "lf_read.h"
#include "lf_run.h"
#include "lf_write.h"

/* The main job: read, model, decide, rewrite, write. */

/* isl's budget per nest (front end) and per run (analysis): a kernel
 * that needs more is reported as too complex instead of taking minutes.
 */
#define LF_MAX_OPERATIONS 1000000

/* A line of loopfuse's stderr about the file: what it says, where, and
 * the notes that follow it.
 */
struct lf_run_line {
	struct lf_loc loc;
	const char *kind;
	char *text;
	int n_note;
	struct lf_loc *note_loc;
	char **notes;
};

static void lf_run_line_clear(__isl_keep struct lf_run_line *line)
{
	int i;

	free(line->text);
	for (i = 0; i < line->n_note; ++i)
		free(line->notes[i]);
	free(line->notes);
	free(line->note_loc);
}

/* The dependences an explanation lists at most; the rest are only
 * mentioned.
 */
#define LF_RUN_EXPLAIN_DEPS 8

/* Add note "text" (which this takes) at "loc" to "line".
 */
static int lf_run_note(__isl_keep struct lf_run_line *line, struct lf_loc loc,
	__isl_take char *text)
{
	if (!text)
		return -1;
	line->notes[line->n_note] = text;
	line->note_loc[line->n_note++] = loc;
	return 0;
}

/* The notes of --explain on fused group "group": what was fused, at
 * which depth and tile sizes, and the dependences its order keeps.
 */
static int lf_run_explain(__isl_keep struct lf_run_line *line,
	__isl_keep const struct lf_audit_group *group)
{
	int i, shown = 0, repeats;

	line->notes = calloc(group->n_dep + 3, sizeof(char *));
	line->note_loc = calloc(group->n_dep + 3, sizeof(struct lf_loc));
	if (!line->notes || !line->note_loc ||
	    lf_run_note(line, group->loc, lf_say_group_summary(group)) < 0)
		return -1;
	for (i = 0; i < group->n_dep; ++i) {
		repeats = lf_say_dep_repeats(group, i);
		if (repeats < 0)
			return -1;
		if (repeats)
			continue;
		if (shown++ == LF_RUN_EXPLAIN_DEPS)
			break;
		if (lf_run_note(line, group->deps[i].sink.stmt_loc,
				lf_say_dep_kept(&group->deps[i])) < 0)
			return -1;
	}
	if (group->incomplete)
		return lf_run_note(line, group->loc, strdup(LF_SAY_INCOMPLETE));
	if (i == group->n_dep)
		return 0;
	return lf_run_note(line, group->loc,
			   strdup("and more dependences (see --check)"));
}

static int lf_run_cmp_line(const void *a, const void *b)
{
	const struct lf_run_line *x = a, *y = b;

	if (x->loc.offset != y->loc.offset)
		return x->loc.offset < y->loc.offset ? -1 : 1;
	return strcmp(x->text, y->text);
}

static void lf_run_print_line(__isl_keep const char *path,
	__isl_keep struct lf_run_line *line)
{
	int i;

	fprintf(stderr, "%s:%u:%u: %s: %s\n", path, line->loc.line,
		line->loc.col, line->kind, line->text);
	for (i = 0; i < line->n_note; ++i)
		fprintf(stderr, "%s:%u:%u: note: %s\n", path,
			line->note_loc[i].line, line->note_loc[i].col,
			line->notes[i]);
}

/* Say what the rewrite did and did not do, one line per message (with
 * its notes), in the order of the file.
 */
static int lf_run_messages(__isl_keep const char *path,
	__isl_keep struct lf_result *result)
{
	struct lf_run_line *lines;
	int i, n = result->n_message, r = 0;

	lines = calloc(n + 1, sizeof(*lines));
	if (!lines)
		return -1;
	for (i = 0; i < n && r == 0; ++i) {
		struct lf_message *m = &result->messages[i];

		lines[i].loc = m->loc;
		lines[i].kind = lf_say_message_kind(m);
		lines[i].text = lf_say_message(m);
		if (!lines[i].text)
			r = -1;
		if (r == 0 && m->explain)
			r = lf_run_explain(&lines[i], m->explain);
	}
	if (r == 0 && n > 0)
		qsort(lines, n, sizeof(*lines), &lf_run_cmp_line);
	for (i = 0; i < n && r == 0; ++i)
		lf_run_print_line(path, &lines[i]);
	for (i = 0; i < n; ++i)
		lf_run_line_clear(&lines[i]);
	free(lines);
	return r;
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

/* What the planner, the rewrite and the audit are asked: the options
 * of the command line, with the caches the machine reports where
 * --cache gives none.
 */
struct lf_options lf_run_options(
	__isl_keep const struct lf_cli_options *options)
{
	struct lf_options opt = options->opt;

	if (opt.cache_l1 <= 0)
		opt.cache_l1 = lf_run_cache_l1();
	if (opt.cache_l2 <= 0)
		opt.cache_l2 = lf_run_cache_l2();
	return opt;
}

/* The arguments for clang: those of the compilation database, then
 * those after "--".  The caller frees the array, not the strings.
 */
static __isl_give const char **lf_run_args(
	__isl_keep const struct lf_compdb_args *db,
	__isl_keep const struct lf_cli_options *options)
{
	const char **argv = malloc((db->argc + options->argc + 1) *
				   sizeof(char *));
	int i;

	if (!argv) {
		fprintf(stderr, "%s:1:1: error: out of memory\n",
			options->input);
		return NULL;
	}
	for (i = 0; i < db->argc; ++i)
		argv[i] = db->argv[i];
	for (i = 0; i < options->argc; ++i)
		argv[db->argc + i] = options->argv[i];
	return argv;
}

/* Parse and model the file, whose contents are text[0 .. len); warn
 * when --function names no function that the file defines: nothing is
 * transformed then, which is no error but most likely a misspelt name.
 * NULL if the file does not parse (clang's errors are printed).
 */
static __isl_give struct lf_file *lf_run_parse(
	__isl_keep const struct lf_cli_options *options, isl_ctx *ctx,
	__isl_keep const char *text, size_t len)
{
	struct lf_frontend_options fopt;
	struct lf_compdb_args db;
	struct lf_file *file;
	const char **argv;

	if (lf_compdb_args_get(options->compdb_dir, options->input, &db,
			       stderr) < 0)
		return NULL;
	argv = lf_run_args(&db, options);
	fopt.function = options->function;
	fopt.argc = db.argc + options->argc;
	fopt.argv = argv;
	fopt.inline_calls = !options->opt.no_inline;
	file = argv ? lf_frontend_parse(ctx, options->input, text, len, &fopt,
					stderr) : NULL;
	free(argv);
	lf_compdb_args_clear(&db);
	if (file && options->function && !file->function_found)
		fprintf(stderr, "%s:1:1: warning: no function named '%s' is "
			"defined in this file\n", options->input,
			options->function);
	return file;
}

/* Does "text" end its lines in CR alone (old Mac files)?
 */
int lf_run_is_cr_only(__isl_keep const char *text, size_t len)
{
	return memchr(text, '\r', len) && !memchr(text, '\n', len);
}

/* Replace every byte "from" of "text" with "to".
 */
void lf_run_replace_byte(__isl_keep char *text, size_t len, char from,
	char to)
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
static int lf_run_write(__isl_keep const struct lf_cli_options *options,
	__isl_keep const char *old, unsigned old_len, __isl_keep char *text,
	unsigned len, int cr_only)
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
	case LF_OUTPUT_BUFFER:
		lf_buf_add(options->output_buf, text, len);
		return options->output_buf->failed ? -1 : 0;
	default:
		return lf_write_stdout(text, len, stderr);
	}
}

/* Rewrite "file" and write it where the options say; then say what was
 * done.
 */
static int lf_run_rewrite(__isl_keep const struct lf_cli_options *options,
	__isl_keep struct lf_file *file, int cr_only)
{
	struct lf_options opt = lf_run_options(options);
	struct lf_result result;
	char *out;
	unsigned out_len;
	int r;

	r = lf_rewrite_file(file, &opt, &result);
	out = r < 0 ? NULL : lf_edit_apply(file->text, file->len,
					   result.edits, result.n_edit,
					   &out_len);
	if (!out)
		fprintf(stderr, "%s:1:1: error: internal error while "
			"rewriting the file\n", options->input);
	if (out && options->output == LF_OUTPUT_FIXES)
		r = lf_fixes_write(options->fixes_path, options->input,
				   file->text, file->len, &result, cr_only,
				   stderr);
	else if (out && lf_run_write(options, file->text, file->len, out,
				     out_len, cr_only) < 0)
		r = -1;
	if (out && r == 0 && lf_run_messages(options->input, &result) < 0)
		r = -1;
	free(out);
	lf_result_clear(&result);
	return out && r == 0 ? LF_EXIT_OK : LF_EXIT_INPUT;
}

static int lf_run_write_report(__isl_keep const struct lf_cli_options *options,
	__isl_keep const char *report)
{
	size_t len = strlen(report);

	if (options->output_buf) {
		lf_buf_add(options->output_buf, report, len);
		return options->output_buf->failed ? -1 : 0;
	}
	if (options->output == LF_OUTPUT_FILE)
		return lf_write_atomic(options->output_path, report, len,
				       stderr);
	return lf_write_stdout(report, len, stderr);
}

/* The HTML page of "audit" of "file": the page shows the file before
 * and after the rewrite with "opt", and the graph of its nests as
 * Graphviz draws it (a table where dot is not installed).
 */
static __isl_give char *lf_run_render_html(
	__isl_keep const struct lf_audit *audit,
	__isl_keep struct lf_file *file, __isl_keep const struct lf_options *opt)
{
	struct lf_report_view view;
	struct lf_result result;
	char *dot, *page = NULL;

	if (lf_rewrite_file(file, opt, &result) < 0) {
		lf_result_clear(&result);
		return NULL;
	}
	dot = lf_report_dot(audit);
	if (dot) {
		view.text = file->text;
		view.len = file->len;
		view.edits = result.edits;
		view.n_edit = result.n_edit;
		view.messages = result.messages;
		view.n_message = result.n_message;
		view.svg = lf_graphviz_render(dot);
		page = lf_report_html(audit, &view);
		free((char *) view.svg);
	}
	free(dot);
	lf_result_clear(&result);
	return page;
}

/* The report of "audit" of "file" in "format". */
static __isl_give char *lf_run_render(__isl_keep const struct lf_audit *audit,
	__isl_keep struct lf_file *file, __isl_keep const struct lf_options *opt,
	enum lf_report_format format)
{
	switch (format) {
	case LF_REPORT_JSON: return lf_report_json(audit);
	case LF_REPORT_SARIF: return lf_report_sarif(audit);
	case LF_REPORT_HTML: return lf_run_render_html(audit, file, opt);
	default: return lf_report_text(audit);
	}
}

/* The --check path: audit "file" and write the report.  The exit status
 * is LF_EXIT_OK when the analysis ran, LF_EXIT_FAIL_ON when a condition
 * of --fail-on holds and LF_EXIT_INPUT when the report cannot be made
 * or written.
 */
static int lf_run_check(__isl_keep const struct lf_cli_options *options,
	__isl_keep struct lf_file *file)
{
	struct lf_options opt = lf_run_options(options);
	struct lf_audit *audit;
	char *report;
	int r;

	audit = lf_audit_file(file, &opt);
	if (!audit) {
		fprintf(stderr, "%s:1:1: error: internal error while "
			"analysing the file\n", options->input);
		return LF_EXIT_INPUT;
	}
	if (options->row)
		lf_summary_row_fill(options->row, audit);
	report = lf_run_render(audit, file, &opt, options->format);
	if (!report)
		fprintf(stderr, "%s:1:1: error: internal error while making "
			"the report\n", options->input);
	r = report ? lf_run_write_report(options, report) : -1;
	if (r < 0)
		r = LF_EXIT_INPUT;
	else if (lf_report_fails(audit, options->fail_on))
		r = LF_EXIT_FAIL_ON;
	else
		r = LF_EXIT_OK;
	free(report);
	lf_audit_free(audit);
	return r;
}

/* A context for the analysis of one file, with isl's budget set and
 * its errors left to the callers, which check every result.
 */
__isl_give isl_ctx *lf_run_ctx_alloc(void)
{
	isl_ctx *ctx = isl_ctx_alloc();

	if (!ctx)
		return NULL;
	isl_options_set_on_error(ctx, ISL_ON_ERROR_CONTINUE);
	isl_ctx_set_max_operations(ctx, LF_MAX_OPERATIONS);
	return ctx;
}

/* The file that --depfile names as the target: what was written. */
static __isl_keep const char *lf_run_depfile_target(
	__isl_keep const struct lf_cli_options *options)
{
	switch (options->output) {
	case LF_OUTPUT_FIXES: return options->fixes_path;
	case LF_OUTPUT_IN_PLACE: return options->input;
	default: return options->output_path;
	}
}

/* Work on the one file options->input: rewrite or audit it, and write
 * the depfile when asked.
 */
int lf_run_file(__isl_keep const struct lf_cli_options *options)
{
	struct lf_file *file;
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
	ctx = lf_run_ctx_alloc();
	if (!ctx) {
		free(text);
		return LF_EXIT_INPUT;
	}
	file = lf_run_parse(options, ctx, text, len);
	if (!file)
		r = LF_EXIT_INPUT;
	else if (options->check)
		r = lf_run_check(options, file);
	else
		r = lf_run_rewrite(options, file, cr_only);
	if (file && r != LF_EXIT_INPUT && options->depfile &&
	    lf_depfile_write(options->depfile, lf_run_depfile_target(options),
			     file, stderr) < 0)
		r = LF_EXIT_INPUT;
	lf_file_free(file);
	isl_ctx_free(ctx);
	free(text);
	return r;
}
