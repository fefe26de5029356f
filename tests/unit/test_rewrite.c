/* SPDX-License-Identifier: MIT */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <isl/ctx.h>

#include "lf_edit.h"
#include "lf_frontend.h"
#include "lf_model.h"
#include "lf_rewrite.h"
#include "lf_say.h"
#include "lf_test_src.h"

/* Whole-file rewrites: which edits and messages lf_rewrite_file
 * produces, and what the edited text looks like.
 */

static isl_ctx *ctx;
static struct lf_file *file;
static struct lf_result result;

static void setup(void)
{
	ctx = isl_ctx_alloc();
	file = NULL;
	memset(&result, 0, sizeof(result));
}

static void teardown(void)
{
	lf_result_clear(&result);
	lf_file_free(file);
	isl_ctx_free(ctx);
}

static struct lf_file *parse_text(const char *text, unsigned len)
{
	struct lf_frontend_options opt = { NULL, 0, NULL, 0 };

	return lf_frontend_parse(ctx, "t.c", text, len, &opt, stderr);
}

/* The sentence of "m"; the last few stay valid. */
static const char *say(const struct lf_message *m)
{
	static char *said[8];
	static int next;
	char *s = lf_say_message(m);

	ck_assert_ptr_nonnull(s);
	free(said[next]);
	said[next] = s;
	next = (next + 1) % 8;
	return s;
}

/* Parse "text" into "file" and rewrite it into "result".  The inputs
 * are small, so the cost model is off: these tests are about what a
 * fusion does, not whether it pays.
 */
static void rewrite(const char *text, int tile_size, int assume_no_alias)
{
	struct lf_options opt = {
		.tile_size = tile_size,
		.assume_no_alias = assume_no_alias,
		.fuse_all = 1
	};

	file = parse_text(text, strlen(text));
	ck_assert_ptr_nonnull(file);
	ck_assert_int_eq(lf_rewrite_file(file, &opt, &result), 0);
}

/* The text with every edit applied. */
static char *apply(unsigned *len)
{
	char *out;

	out = lf_edit_apply(file->text, file->len, result.edits,
			    result.n_edit, len);
	ck_assert_ptr_nonnull(out);
	return out;
}

/* a comes before b in the same text. */
#define assert_before(a, b) \
	ck_assert_msg((a) != NULL && (b) != NULL && (a) < (b), \
		      "%s does not come before %s", #a, #b)

static unsigned find(const char *needle, int nth)
{
	const char *p = file->text;

	for (;;) {
		p = strstr(p, needle);
		ck_assert_msg(p != NULL, "'%s' not in the test input", needle);
		if (nth-- == 0)
			return p - file->text;
		p++;
	}
}

static unsigned line_of(unsigned offset)
{
	unsigned i, line = 1;

	for (i = 0; i < offset; ++i)
		if (file->text[i] == '\n')
			line++;
	return line;
}

/* The position of needle in text, which must hold it exactly once. */
static const char *once(const char *text, const char *needle)
{
	const char *p = strstr(text, needle);

	ck_assert_msg(p != NULL, "'%s' not in:\n%s", needle, text);
	ck_assert_msg(strstr(p + 1, needle) == NULL, "'%s' twice in:\n%s",
		      needle, text);
	return p;
}

static const char matmul_src[] =
	"#define N 256\n"
	"static float A[N][N], B[N][N], C[N][N];\n"
	"void other(void);\n"
	"void matmul_relu(void)\n"
	"{\n"
	"\tother();\n"
	"\tfor (int i = 0; i < N; i++)\n"
	"\t\tfor (int j = 0; j < N; j++) {\n"
	"\t\t\tC[i][j] = 0.0f;\n"
	"\t\t\tfor (int k = 0; k < N; k++)\n"
	"\t\t\t\tC[i][j] += A[i][k] * B[k][j];\n"
	"\t\t}\n"
	"\tfor (int i = 0; i < N; i++)\n"
	"\t\tfor (int j = 0; j < N; j++)\n"
	"\t\t\tC[i][j] = C[i][j] > 0.0f ? C[i][j] : 0.0f;\n"
	"\tother();\n"
	"}\n";

static const char relu_stmt[] = "C[i][j] = C[i][j] > 0.0f ? C[i][j] : 0.0f;";
static const char acc_stmt[] = "C[i][j] += A[i][k] * B[k][j];";

/* One edit that replaces exactly the two nests; every byte outside
 * them stays as it was.
 */
static void check_one_edit_over_run(void)
{
	struct lf_run *run;
	unsigned begin, end, len;
	char *out;

	ck_assert_int_eq(file->n_run, 1);
	run = file->runs[0];
	ck_assert_int_eq(run->n_nest, 2);
	ck_assert_int_eq(result.n_edit, 1);
	begin = result.edits[0].begin;
	end = result.edits[0].end;
	ck_assert_uint_eq(begin, run->nests[0].begin);
	ck_assert_uint_eq(end, run->nests[1].end);
	ck_assert_uint_eq(begin, find("for (int i", 0));
	ck_assert_uint_eq(end, find(relu_stmt, 0) + strlen(relu_stmt));
	ck_assert_ptr_nonnull(result.edits[0].text);

	out = apply(&len);
	ck_assert_uint_eq(len, file->len - (end - begin) +
			  strlen(result.edits[0].text));
	ck_assert_int_eq(memcmp(out, file->text, begin), 0);
	ck_assert_int_eq(memcmp(out + begin, result.edits[0].text,
				strlen(result.edits[0].text)), 0);
	ck_assert_int_eq(memcmp(out + len - (file->len - end),
				file->text + end, file->len - end), 0);
	free(out);
}

/* The lines of generated code, with their indentation: the first line
 * starts where the replaced nest started, after the run's indentation.
 */
struct code_line {
	const char *start;
	const char *end;
	size_t indent;
};

static int code_lines(const char *code, size_t first_indent,
	struct code_line *lines, int max)
{
	const char *p = code;
	int n = 0;

	while (*p && n < max) {
		const char *e = strchr(p, '\n');

		if (!e)
			e = p + strlen(p);
		lines[n].start = p;
		lines[n].end = e;
		lines[n].indent = strspn(p, " \t") + (n == 0 ? first_indent : 0);
		n++;
		p = *e ? e + 1 : e;
	}
	ck_assert_msg(!*p, "generated code has more than %d lines", max);
	return n;
}

/* The line that holds p. */
static int line_at(struct code_line *lines, int n, const char *p)
{
	int k;

	for (k = 0; k < n; ++k)
		if (p >= lines[k].start && p <= lines[k].end)
			return k;
	ck_assert_msg(0, "position not in the code");
	return -1;
}

/* Is line "at" inside the loop whose header is line "header": no line
 * in between (after the header's own body line) is indented as little
 * as the header?
 */
static int inside(struct code_line *lines, int header, int at)
{
	int k;

	if (at <= header || lines[at].indent <= lines[header].indent)
		return 0;
	for (k = header + 1; k < at; ++k)
		if (lines[k].indent <= lines[header].indent)
			return 0;
	return 1;
}

/* The header line of the innermost loop around line "at", or -1. */
static int enclosing_loop(struct code_line *lines, int at)
{
	int k;

	for (k = at - 1; k >= 0; --k)
		if (lines[k].indent < lines[at].indent &&
		    !strncmp(lines[k].start + strspn(lines[k].start, " \t"),
			     "for ", 4) && inside(lines, k, at))
			return k;
	return -1;
}

static int starts_with(struct code_line *line, const char *prefix)
{
	const char *p = line->start + strspn(line->start, " \t");

	return !strncmp(p, prefix, strlen(prefix));
}

/* In the generated code the relu statement runs inside a j loop inside
 * the i loop, after the k loop has finished: C = 0, the k loop, +=,
 * relu, in that order; relu is not inside the k loop.
 */
static void check_relu_after_k(const char *code)
{
	struct code_line lines[64];
	const char *init, *k, *acc, *relu, *i;
	int n, li, lk, lacc, lrelu, loop;

	n = code_lines(code, strlen(file->runs[0]->indent), lines, 64);
	i = once(code, "for (int i =");
	init = once(code, "C[i][j] = 0.0f;");
	k = once(code, "for (int k = 0; k < N; k++)");
	acc = once(code, acc_stmt);
	relu = once(code, relu_stmt);
	assert_before(i, init);
	assert_before(init, k);
	assert_before(k, acc);
	assert_before(acc, relu);
	li = line_at(lines, n, i);
	lk = line_at(lines, n, k);
	lacc = line_at(lines, n, acc);
	lrelu = line_at(lines, n, relu);
	ck_assert(starts_with(&lines[lrelu], relu_stmt));
	ck_assert_msg(inside(lines, lk, lacc), "+= is not in the k loop:\n%s",
		      code);
	ck_assert_msg(!inside(lines, lk, lrelu), "relu is in the k loop:\n%s",
		      code);
	ck_assert_msg(inside(lines, li, lrelu), "relu is not in the i "
		      "loop:\n%s", code);
	ck_assert_msg(inside(lines, li, lk), "the k loop is not in the i "
		      "loop:\n%s", code);
	loop = enclosing_loop(lines, lrelu);
	ck_assert_msg(loop >= 0 && starts_with(&lines[loop], "for (int j ="),
		      "relu is not directly in a j loop:\n%s", code);
}

/* Parse the edited text again: it is valid C, and the two nests are
 * now one nest of the given depth holding all three statements.
 */
/* In the tiled code each tile zeroes its part of C, then runs the k loop
 * in blocks (kt) around the rows of the tile, then the relu: three
 * loops one after the other inside the tile loops, the relu outside
 * the kt loop and += inside the k loop.
 */
static void check_tile_phases(const char *code)
{
	struct code_line lines[64];
	const char *init, *kt, *k, *acc, *relu, *jt;
	int n, ljt, lkt, lk, lacc, lrelu, linit;

	n = code_lines(code, strlen(file->runs[0]->indent), lines, 64);
	jt = once(code, "for (int jt =");
	init = once(code, "C[i][j] = 0.0f;");
	kt = once(code, "for (int kt =");
	k = once(code, "for (int k = 32 * kt;");
	acc = once(code, acc_stmt);
	relu = once(code, relu_stmt);
	assert_before(jt, init);
	assert_before(init, kt);
	assert_before(kt, k);
	assert_before(k, acc);
	assert_before(acc, relu);
	ljt = line_at(lines, n, jt);
	linit = line_at(lines, n, init);
	lkt = line_at(lines, n, kt);
	lk = line_at(lines, n, k);
	lacc = line_at(lines, n, acc);
	lrelu = line_at(lines, n, relu);
	ck_assert(inside(lines, ljt, linit) && inside(lines, ljt, lkt) &&
		  inside(lines, ljt, lrelu));
	ck_assert_msg(!inside(lines, lkt, linit) && !inside(lines, lkt, lrelu),
		      "C = 0 or relu is in the kt loop:\n%s", code);
	ck_assert_msg(inside(lines, lk, lacc), "+= is not in the k loop:\n%s",
		      code);
	ck_assert(enclosing_loop(lines, lrelu) >= 0 &&
		  starts_with(&lines[enclosing_loop(lines, lrelu)],
			      "for (int j ="));
}

static void check_reparsed_single_nest(int depth)
{
	struct lf_file *again;
	struct lf_run *run;
	unsigned len;
	char *out;
	int k;

	out = apply(&len);
	again = parse_text(out, len);
	ck_assert_ptr_nonnull(again);
	/* The run that starts where the edit does (the fused body may
	 * hold runs of its own).
	 */
	run = NULL;
	for (k = 0; k < again->n_run; ++k)
		if (again->runs[k]->begin == result.edits[0].begin)
			run = again->runs[k];
	ck_assert_ptr_nonnull(run);
	ck_assert_int_eq(run->n_nest, 1);
	ck_assert_ptr_null(run->nests[0].opaque);
	ck_assert_int_eq(run->n_stmt, 3);
	ck_assert_int_eq(run->nests[0].depth, depth);
	lf_file_free(again);
	free(out);
}

START_TEST(test_matmul_relu_tiled)
{
	rewrite(matmul_src, 32, 0);
	check_one_edit_over_run();
	ck_assert_int_eq(result.n_message, 1);
	ck_assert_str_eq(lf_say_message_kind(&result.messages[0]), "note");
	ck_assert_str_eq(say(&result.messages[0]),
			 "fused 2 loop nests into 1 (tiled 32x32, k in blocks of 32)");
	ck_assert_uint_eq(result.messages[0].loc.offset,
			  file->runs[0]->nests[0].begin);
	ck_assert_uint_eq(result.messages[0].loc.line, 7);
	ck_assert_uint_eq(result.messages[0].loc.col, 2);
	check_tile_phases(result.edits[0].text);
	/* it, jt, kt, i, k, j. */
	check_reparsed_single_nest(6);
}
END_TEST

START_TEST(test_matmul_relu_untiled)
{
	rewrite(matmul_src, 0, 0);
	check_one_edit_over_run();
	ck_assert_int_eq(result.n_message, 1);
	ck_assert_str_eq(lf_say_message_kind(&result.messages[0]), "note");
	ck_assert_str_eq(say(&result.messages[0]), "fused 2 loop nests into 1");
	check_relu_after_k(result.edits[0].text);
	ck_assert_int_eq(strncmp(result.edits[0].text,
				 "for (int i = 0; i < N; i++)", 27), 0);
	ck_assert_ptr_null(strstr(result.edits[0].text, "32"));
	check_reparsed_single_nest(3);
}
END_TEST

/* Row i starts from the sums of row i - 1: running each statement on the
 * whole tile in turn would start it before they are done, so the k loop
 * is not run in blocks, although the (i, j) band is tiled.
 */
START_TEST(test_reduction_blocks_illegal)
{
	static const char src[] =
		"#define N 64\n"
		"static float A[N][N], B[N][N], C[N][N];\n"
		"void f(void)\n"
		"{\n"
		"\tfor (int i = 1; i < N; i++)\n"
		"\t\tfor (int j = 0; j < N; j++) {\n"
		"\t\t\tC[i][j] = C[i - 1][j];\n"
		"\t\t\tfor (int k = 0; k < N; k++)\n"
		"\t\t\t\tC[i][j] += A[i][k] * B[k][j];\n"
		"\t\t}\n"
		"\tfor (int i = 1; i < N; i++)\n"
		"\t\tfor (int j = 0; j < N; j++)\n"
		"\t\t\tC[i][j] = C[i][j] > 1.0f ? 1.0f : C[i][j];\n"
		"}\n";

	rewrite(src, 16, 0);
	ck_assert_int_eq(result.n_message, 1);
	ck_assert_str_eq(say(&result.messages[0]),
			 "fused 2 loop nests into 1 (tiled 16x16)");
	ck_assert_ptr_null(strstr(result.edits[0].text, "kt"));
}
END_TEST

/* With --openmp, iterators declared at the top of the function that
 * the parallel loop's body assigns (j of a generated loop, k of a loop
 * inside a block) are private to each thread; i, the parallel loop's
 * own iterator, needs no clause.
 */
START_TEST(test_openmp_private)
{
	static const char src[] =
		"#define N 64\n"
		"float a[N][N], b[N];\n"
		"void f(void)\n"
		"{\n"
		"\tint i, j, k;\n"
		"\n"
		"\tfor (i = 0; i < N; i++)\n"
		"\t\tfor (j = 0; j < N; j++)\n"
		"\t\t\ta[i][j] = i + j;\n"
		"\tfor (i = 0; i < N; i++) {\n"
		"\t\tfloat s = 0.0f;\n"
		"\t\tfor (k = 0; k < N; k++)\n"
		"\t\t\ts += a[i][k];\n"
		"\t\tb[i] = s;\n"
		"\t}\n"
		"}\n";
	struct lf_options opt = { .tile_size = 0, .openmp = 1,
					  .fuse_all = 1 };

	file = parse_text(src, strlen(src));
	ck_assert_ptr_nonnull(file);
	ck_assert_int_eq(lf_rewrite_file(file, &opt, &result), 0);
	ck_assert_int_eq(result.n_edit, 1);
	once(result.edits[0].text, "#pragma omp parallel for private(j, k)\n");
	assert_before(strstr(result.edits[0].text, "private(j, k)"),
		      strstr(result.edits[0].text, "for (i = 0;"));
}
END_TEST

/* The tile size given is the one used. */
START_TEST(test_tile_size)
{
	rewrite(matmul_src, 16, 0);
	ck_assert_int_eq(result.n_edit, 1);
	ck_assert_int_eq(result.n_message, 1);
	ck_assert_str_eq(say(&result.messages[0]),
			 "fused 2 loop nests into 1 (tiled 16x16, k in blocks of 16)");
	ck_assert_ptr_nonnull(strstr(result.edits[0].text, "16"));
	ck_assert_ptr_null(strstr(result.edits[0].text, "32"));
}
END_TEST

/* A product alone, tiles from the model: its 128-wide tiles fit in half
 * of a 2 MiB L2, but with k in blocks the 128 x 128 block of B the rows
 * share needs 64 KiB, so under a 32 KiB L1 the tiles shrink to 64; under
 * a 256 KiB one they stay.
 */
START_TEST(test_tile_fits_block)
{
	static const char src[] = LF_TEST_PRODUCT_SRC(512);
	static const struct {
		long l1;
		const char *note;
	} cases[] = {
		{ 32 * 1024, "tiled the loop nest (64x64, k in blocks of 64)" },
		{ 256 * 1024,
		  "tiled the loop nest (128x128, k in blocks of 128)" },
	};
	unsigned k;

	for (k = 0; k < sizeof(cases) / sizeof(cases[0]); ++k) {
		struct lf_options opt = {
			.tile_size = -1, .cache_l1 = cases[k].l1,
			.cache_l2 = 2 * 1024 * 1024
		};

		file = parse_text(src, strlen(src));
		ck_assert_ptr_nonnull(file);
		ck_assert_int_eq(lf_rewrite_file(file, &opt, &result), 0);
		ck_assert_int_eq(result.n_edit, 1);
		ck_assert_int_eq(result.n_message, 1);
		ck_assert_str_eq(say(&result.messages[0]), cases[k].note);
		lf_result_clear(&result);
		lf_file_free(file);
		file = NULL;
	}
}
END_TEST

/* Nothing to fuse: a single nest, nests separated by a statement,
 * nests in different functions, a file without loops.
 */
START_TEST(test_nothing_to_fuse)
{
	static const char src[] =
		"#define N 64\n"
		"static float a[N], b[N], c[N];\n"
		"void one(void)\n"
		"{\n"
		"\tfor (int i = 0; i < N; i++)\n"
		"\t\tfor (int j = 0; j < N; j++)\n"
		"\t\t\ta[i] += b[j];\n"
		"}\n"
		"void separated(void)\n"
		"{\n"
		"\tfor (int i = 0; i < N; i++)\n"
		"\t\ta[i] = 1.0f;\n"
		"\tc[0] = a[0];\n"
		"\tfor (int i = 0; i < N; i++)\n"
		"\t\tb[i] = a[i];\n"
		"}\n"
		"void other(void)\n"
		"{\n"
		"\tfor (int i = 0; i < N; i++)\n"
		"\t\tc[i] = b[i];\n"
		"}\n";

	rewrite(src, 32, 0);
	ck_assert_int_eq(file->n_run, 4);
	ck_assert_int_eq(result.n_edit, 0);
	ck_assert_int_eq(result.n_message, 0);
	lf_result_clear(&result);
	lf_file_free(file);

	rewrite("int f(int x)\n{\n\treturn x + 1;\n}\n", 32, 0);
	ck_assert_int_eq(file->n_run, 0);
	ck_assert_int_eq(result.n_edit, 0);
	ck_assert_int_eq(result.n_message, 0);
}
END_TEST

/* energy[N - 1 - i] needs the last iterations of the first loop: no
 * fusion, and a remark that says why, at the second nest.
 */
START_TEST(test_illegal_pair)
{
	static const char src[] =
		"#define N 4096\n"
		"static float x[N], energy[N], mirrored[N];\n"
		"void energy_mirror(void)\n"
		"{\n"
		"\tfor (int i = 0; i < N; i++)\n"
		"\t\tenergy[i] = x[i] * x[i];\n"
		"\tfor (int i = 0; i < N; i++)\n"
		"\t\tmirrored[i] = energy[N - 1 - i] - x[i];\n"
		"}\n";
	struct lf_message *m;

	rewrite(src, 32, 0);
	ck_assert_int_eq(result.n_edit, 0);
	ck_assert_int_eq(result.n_message, 1);
	m = &result.messages[0];
	ck_assert_str_eq(lf_say_message_kind(m), "remark");
	ck_assert_ptr_nonnull(strstr(say(m),
				     "would be read before it is written"));
	ck_assert_str_eq(say(m), "not fused with the nest at line 5: "
			 "energy[N - 1 - i] at 8:17 reads energy written by "
			 "energy[i] at 6:3: after fusion it would be read "
			 "before it is written");
	ck_assert_uint_eq(m->loc.offset, find("for", 1));
	ck_assert_uint_eq(m->loc.line, 7);
	ck_assert_uint_eq(m->loc.col, 2);
}
END_TEST

/* Pointer parameters without restrict may alias: fused under a check
 * that they do not, with the nests as they were otherwise; a remark
 * without checks; fused plainly when told to assume they do not.
 */
static const char alias_src[] =
	"void f(int n, float *a, float *b)\n"
	"{\n"
	"\tfor (int i = 0; i < n; i++)\n"
	"\t\ta[i] = 1.0f;\n"
	"\tfor (int i = 0; i < n; i++)\n"
	"\t\tb[i] = a[i] * 2.0f;\n"
	"}\n";

START_TEST(test_alias)
{
	const char *text;

	rewrite(alias_src, 32, 0);
	ck_assert_int_eq(result.n_edit, 1);
	ck_assert_int_eq(result.n_message, 1);
	ck_assert_str_eq(lf_say_message_kind(&result.messages[0]), "note");
	ck_assert_str_eq(say(&result.messages[0]), "fused 2 loop nests into 1; "
			 "runs if a and b do not overlap, checked at run time");
	text = result.edits[0].text;
	ck_assert_str_eq(text,
		"if ((__UINTPTR_TYPE__)a + (__UINTPTR_TYPE__)n * sizeof a[0] "
		"<= (__UINTPTR_TYPE__)b ||\n"
		"\t    (__UINTPTR_TYPE__)b + (__UINTPTR_TYPE__)n * sizeof b[0] "
		"<= (__UINTPTR_TYPE__)a) {\n"
		"\t\tfor (int i = 0; i < n; i++) {\n"
		"\t\t\ta[i] = 1.0f;\n"
		"\t\t\tb[i] = a[i] * 2.0f;\n"
		"\t\t}\n"
		"\t} else {\n"
		"\t\tfor (int i = 0; i < n; i++)\n"
		"\t\t\ta[i] = 1.0f;\n"
		"\t\tfor (int i = 0; i < n; i++)\n"
		"\t\t\tb[i] = a[i] * 2.0f;\n"
		"\t}");
	lf_result_clear(&result);

	{
		struct lf_options opt = { .tile_size = 32,
					  .no_alias_checks = 1 };

		ck_assert_int_eq(lf_rewrite_file(file, &opt, &result), 0);
	}
	ck_assert_int_eq(result.n_edit, 0);
	ck_assert_int_eq(result.n_message, 1);
	ck_assert_str_eq(lf_say_message_kind(&result.messages[0]), "remark");
	ck_assert_str_eq(say(&result.messages[0]), "not fused with the nest at "
			 "line 3: a and b may alias: add restrict or "
			 "--assume-no-alias");
	ck_assert_uint_eq(result.messages[0].loc.line, 5);
	lf_result_clear(&result);

	{
		struct lf_options opt = { .tile_size = 32, .assume_no_alias = 1 };

		ck_assert_int_eq(lf_rewrite_file(file, &opt, &result), 0);
	}
	ck_assert_int_eq(result.n_edit, 1);
	ck_assert_int_eq(result.n_message, 1);
	ck_assert_str_eq(lf_say_message_kind(&result.messages[0]), "note");
	ck_assert_str_eq(say(&result.messages[0]), "fused 2 loop nests into 1");
	ck_assert_uint_eq(result.edits[0].begin, find("for", 0));
	ck_assert_uint_eq(result.edits[0].end,
			  find("a[i] * 2.0f;", 0) + strlen("a[i] * 2.0f;"));
	assert_before(once(result.edits[0].text, "a[i] = 1.0f;"),
			 once(result.edits[0].text, "b[i] = a[i] * 2.0f;"));
}
END_TEST

/* A nest that cannot be modeled is reported where its construct is. */
START_TEST(test_opaque_remark)
{
	static const char src[] =
		"#include <stdio.h>\n"
		"#define N 8\n"
		"static float a[N];\n"
		"void f(void)\n"
		"{\n"
		"\tfor (int i = 0; i < N; i++)\n"
		"\t\ta[i] = 1.0f;\n"
		"\tfor (int i = 0; i < N; i++)\n"
		"\t\tprintf(\"%f\\n\", a[i]);\n"
		"}\n";

	rewrite(src, 32, 0);
	ck_assert_int_eq(result.n_edit, 0);
	ck_assert_int_eq(result.n_message, 1);
	ck_assert_str_eq(lf_say_message_kind(&result.messages[0]), "remark");
	ck_assert_str_eq(say(&result.messages[0]), "not fused with the nest at "
			 "line 6: call to printf() has side effects (I/O)");
	ck_assert_uint_eq(result.messages[0].loc.offset, find("printf(", 0));
	ck_assert_uint_eq(result.messages[0].loc.line, line_of(find("printf(",
								   0)));
}
END_TEST

/* Runs in two functions are rewritten independently; the edits do not
 * overlap and the result still parses, with one nest per run.
 */
START_TEST(test_two_functions)
{
	static const char src[] =
		"#define N 64\n"
		"static float a[N], b[N], c[N], d[N];\n"
		"void f(void)\n"
		"{\n"
		"\tfor (int i = 0; i < N; i++)\n"
		"\t\ta[i] = 1.0f;\n"
		"\tfor (int i = 0; i < N; i++)\n"
		"\t\tb[i] = a[i];\n"
		"}\n"
		"void g(void)\n"
		"{\n"
		"\tfor (int i = 0; i < N; i++)\n"
		"\t\tc[i] = b[i];\n"
		"\tfor (int i = 0; i < N; i++)\n"
		"\t\td[i] = c[i] + a[i];\n"
		"\tfor (int i = 0; i < N; i++)\n"
		"\t\ta[i] = d[i];\n"
		"}\n";
	struct lf_file *again;
	unsigned len;
	char *out;
	int k;

	rewrite(src, 32, 0);
	ck_assert_int_eq(result.n_edit, 2);
	ck_assert_int_eq(result.n_message, 2);
	ck_assert_str_eq(say(&result.messages[0]), "fused 2 loop nests into 1");
	ck_assert_uint_eq(result.messages[0].loc.line, 5);
	ck_assert_str_eq(say(&result.messages[1]), "fused 3 loop nests into 1");
	ck_assert_uint_eq(result.messages[1].loc.line, 12);
	out = apply(&len);
	again = parse_text(out, len);
	ck_assert_ptr_nonnull(again);
	ck_assert_int_eq(again->n_run, 2);
	for (k = 0; k < again->n_run; ++k)
		ck_assert_int_eq(again->runs[k]->n_nest, 1);
	ck_assert_int_eq(again->runs[1]->n_stmt, 3);
	lf_file_free(again);
	free(out);
}
END_TEST

/* Each fused group's message names its own edits: its nests' new text
 * and the declarations of the arrays it contracted, so that a group can
 * be rewritten alone (an editor's action on the loops under its
 * cursor).
 */
START_TEST(test_group_edits)
{
	static const char src[] =
		"#define N 64\n"
		"static float a[N], b[N], c[N];\n"
		"void f(void)\n"
		"{\n"
		"\tfloat t[N];\n"
		"\tfor (int i = 0; i < N; i++)\n"
		"\t\tt[i] = a[i] * 2.0f;\n"
		"\tfor (int i = 0; i < N; i++)\n"
		"\t\tb[i] = t[i] + 1.0f;\n"
		"}\n"
		"void g(void)\n"
		"{\n"
		"\tfor (int i = 0; i < N; i++)\n"
		"\t\tc[i] = b[i];\n"
		"\tfor (int i = 0; i < N; i++)\n"
		"\t\ta[i] = c[i];\n"
		"}\n";
	struct lf_message *f, *g;
	unsigned len;
	char *out;

	rewrite(src, 32, 0);
	ck_assert_int_eq(result.n_message, 2);
	f = &result.messages[0];
	g = &result.messages[1];
	ck_assert_int_eq(f->n_contracted, 1);
	ck_assert_int_eq(f->first_edit, 0);
	ck_assert_int_eq(f->n_edit, 2);
	ck_assert_int_eq(g->first_edit, 2);
	ck_assert_int_eq(g->n_edit, 1);
	ck_assert_int_eq(result.n_edit, 3);
	ck_assert_uint_eq(f->begin, find("for", 0));
	ck_assert_uint_eq(f->end, find("b[i] = t[i] + 1.0f;", 0) + 19);
	ck_assert_uint_eq(g->begin, find("for", 2));
	ck_assert_uint_eq(g->end, strlen(src) - 3);
	ck_assert_uint_eq(result.edits[0].begin, find("[N];", 1));
	out = lf_edit_apply(file->text, file->len, result.edits + g->first_edit,
			    g->n_edit, &len);
	ck_assert_ptr_nonnull(out);
	ck_assert_int_eq(memcmp(out, src, g->begin), 0);
	ck_assert_str_eq(out + len - 2, "}\n");
	once(out, "c[i] = b[i];");
	free(out);
}
END_TEST

/* A file with CRLF line ends gets CRLF line ends in the new code. */
START_TEST(test_crlf)
{
	static const char src[] =
		"#define N 8\r\n"
		"float a[N], b[N];\r\n"
		"void f(void)\r\n"
		"{\r\n"
		"\tfor (int i = 0; i < N; i++)\r\n"
		"\t\ta[i] = 0;\r\n"
		"\tfor (int i = 0; i < N; i++)\r\n"
		"\t\tb[i] = a[i];\r\n"
		"}\r\n";
	const char *p, *text;

	rewrite(src, 32, 0);
	ck_assert_int_eq(file->crlf, 1);
	ck_assert_int_eq(result.n_edit, 1);
	text = result.edits[0].text;
	ck_assert_ptr_nonnull(strchr(text, '\n'));
	for (p = strchr(text, '\n'); p; p = strchr(p + 1, '\n'))
		ck_assert_int_eq(p[-1], '\r');
	ck_assert_uint_eq(result.edits[0].end,
			  find("b[i] = a[i];", 0) + strlen("b[i] = a[i];"));
}
END_TEST

/* The run's context fixes N = 64: a[i + 64] reads the half of a that
 * the first loop does not write, so the loops can be fused.
 */
START_TEST(test_fusion_under_context)
{
	static const char src[] =
		"#define N 64\n"
		"float a[2 * N], b[N], x[N];\n"
		"void f(void)\n"
		"{\n"
		"\tfor (int i = 0; i < N; i++)\n"
		"\t\ta[i] = x[i];\n"
		"\tfor (int i = 0; i < N; i++)\n"
		"\t\tb[i] = a[i + 64];\n"
		"}\n";

	rewrite(src, 32, 0);
	ck_assert_int_eq(result.n_message, 1);
	ck_assert_str_eq(say(&result.messages[0]), "fused 2 loop nests into 1");
	ck_assert_int_eq(result.n_edit, 1);
}
END_TEST

/* Two operators called in turn, and a loop of the caller: with the
 * calls modeled, the three fuse, and the calls are replaced; the
 * callees stay.  The same with --no-inline changes nothing.
 */
static const char calls_text[] =
	"float a[64], b[64], c[64];\n"
	"static void scale(float *y, const float *x, float f, int n)\n"
	"{\n"
	"\tfor (int i = 0; i < n; i++)\n"
	"\t\ty[i] = x[i] * f;\n"
	"}\n"
	"static void add(float *y, const float *x, int n)\n"
	"{\n"
	"\tfor (int i = 0; i < n; i++)\n"
	"\t\ty[i] = y[i] + x[i];\n"
	"}\n"
	"void f(int n)\n"
	"{\n"
	"\tfor (int i = 0; i < n; i++)\n"
	"\t\ta[i] = i;\n"
	"\tscale(b, a, 2.0f, n);\n"
	"\tadd(c, b, n);\n"
	"}\n";

/* Parse "text" with its calls modeled, rewrite it with "no_inline". */
static void rewrite_calls(const char *text, int no_inline)
{
	struct lf_frontend_options fopt = { NULL, 0, NULL, 1 };
	struct lf_options opt = { .tile_size = 0, .fuse_all = 1,
				  .no_inline = no_inline };

	file = lf_frontend_parse(ctx, "t.c", text, strlen(text), &fopt,
				 stderr);
	ck_assert_ptr_nonnull(file);
	ck_assert_int_eq(lf_rewrite_file(file, &opt, &result), 0);
}

START_TEST(test_calls_fused)
{
	unsigned len;
	char *out;

	rewrite_calls(calls_text, 0);
	ck_assert_ptr_nonnull(file->expanded);
	ck_assert_int_eq(result.n_message, 1);
	ck_assert_str_eq(say(&result.messages[0]),
		"fused 1 loop nest and calls to scale, add (lines 14-17) "
		"into 1 loop nest");
	out = apply(&len);
	ck_assert_ptr_nonnull(strstr(out,
		"\tfor (int i = 0; i < n; i++) {\n"
		"\t\ta[i] = i;\n"
		"\t\t(b)[i] = (a)[i] * (2.0f);\n"
		"\t\t(c)[i] = (c)[i] + (b)[i];\n"
		"\t}\n}\n"));
	ck_assert_ptr_nonnull(strstr(out, "static void scale(float *y, "
		"const float *x, float f, int n)\n{\n\tfor (int i = 0; "
		"i < n; i++)\n\t\ty[i] = x[i] * f;\n}\n"));
	free(out);
}
END_TEST

START_TEST(test_calls_no_inline)
{
	rewrite_calls(calls_text, 1);
	ck_assert_int_eq(result.n_edit, 0);
}
END_TEST

/* A call whose argument changes as the body runs stays a call, and
 * says why; the lone call next to it is not replaced either (nothing
 * is left to model with the calls replaced).
 */
START_TEST(test_calls_refused)
{
	static const char text[] =
		"float a[64];\n"
		"static void inc(float *y, int n)\n"
		"{\n"
		"\tfor (int i = 0; i < n; i++)\n"
		"\t\ty[i] = y[i] + 1.0f;\n"
		"}\n"
		"void f(int n)\n"
		"{\n"
		"\tinc(a, n);\n"
		"\tinc(a, n++);\n"
		"}\n";

	rewrite_calls(text, 0);
	ck_assert_ptr_null(file->expanded);
	ck_assert_int_eq(result.n_edit, 0);
	ck_assert_int_eq(result.n_message, 1);
	ck_assert_str_eq(say(&result.messages[0]),
		"call to inc() is not fused with the loops next to it: "
		"argument 'n++' is neither a constant nor a variable that "
		"keeps its value during the call");
	ck_assert_int_eq(result.messages[0].loc.line, 10);
}
END_TEST

/* The number of times needle occurs in text. */
static int count(const char *text, const char *needle)
{
	int n = 0;

	while ((text = strstr(text, needle)) != NULL) {
		n++;
		text++;
	}
	return n;
}

/* Two sweeps of fdtd-2d's kind over N x M floats whose inner loops start
 * at s1 and s2: over short rows with different starts they share only
 * the outer loop, and a remark says why; with equal starts, or rows that
 * do not fit in half of the 32 KiB L1 cache together, the inner loops
 * fuse as well.
 */
START_TEST(test_inner_start_apart)
{
	static const struct {
		int m, s1, s2, apart;
	} cases[] = {
		{ 64, 0, 1, 1 }, { 64, 1, 1, 0 }, { 2048, 0, 1, 0 },
	};
	static const char remark[] =
		"inner loop not fused with that of the nest at line 6: ";
	struct lf_options opt = {
		.tile_size = 0, .cache_l1 = 32 * 1024,
		.cache_l2 = 1024 * 1024
	};
	char src[1024];
	unsigned k;
	int m, inner;

	for (k = 0; k < sizeof(cases) / sizeof(cases[0]); ++k) {
		snprintf(src, sizeof(src),
			 "#define N 64\n"
			 "#define M %d\n"
			 "static float ey[N][M], ex[N][M], hz[N][M];\n"
			 "void sweeps(void)\n"
			 "{\n"
			 "\tfor (int i = 1; i < N; i++)\n"
			 "\t\tfor (int j = %d; j < M; j++)\n"
			 "\t\t\tey[i][j] -= 0.5f * (hz[i][j] - hz[i-1][j]);\n"
			 "\tfor (int i = 1; i < N; i++)\n"
			 "\t\tfor (int j = %d; j < M; j++)\n"
			 "\t\t\tex[i][j] -= 0.5f * (hz[i][j] - hz[i][j-1]);\n"
			 "}\n", cases[k].m, cases[k].s1, cases[k].s2);
		file = parse_text(src, strlen(src));
		ck_assert_ptr_nonnull(file);
		ck_assert_int_eq(lf_rewrite_file(file, &opt, &result), 0);
		ck_assert_int_eq(result.n_edit, 1);
		ck_assert_int_eq(count(result.edits[0].text, "for ("),
				 cases[k].apart ? 3 : 2);
		inner = 0;
		for (m = 0; m < result.n_message; ++m)
			inner += strncmp(say(&result.messages[m]), remark,
					 sizeof(remark) - 1) == 0;
		ck_assert_int_eq(inner, cases[k].apart);
		lf_result_clear(&result);
		lf_file_free(file);
		file = NULL;
	}
}
END_TEST

static Suite *rewrite_suite(void)
{
	Suite *s = suite_create("rewrite");
	TCase *tc = tcase_create("file");

	tcase_add_checked_fixture(tc, &setup, &teardown);
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, test_matmul_relu_tiled);
	tcase_add_test(tc, test_matmul_relu_untiled);
	tcase_add_test(tc, test_reduction_blocks_illegal);
	tcase_add_test(tc, test_openmp_private);
	tcase_add_test(tc, test_tile_size);
	tcase_add_test(tc, test_tile_fits_block);
	tcase_add_test(tc, test_nothing_to_fuse);
	tcase_add_test(tc, test_illegal_pair);
	tcase_add_test(tc, test_alias);
	tcase_add_test(tc, test_opaque_remark);
	tcase_add_test(tc, test_two_functions);
	tcase_add_test(tc, test_group_edits);
	tcase_add_test(tc, test_crlf);
	tcase_add_test(tc, test_fusion_under_context);
	tcase_add_test(tc, test_calls_fused);
	tcase_add_test(tc, test_calls_no_inline);
	tcase_add_test(tc, test_calls_refused);
	tcase_add_test(tc, test_inner_start_apart);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	SRunner *sr = srunner_create(rewrite_suite());
	int failed;

	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
