/* SPDX-License-Identifier: MIT */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <isl/ctx.h>
#include <isl/map.h>
#include <isl/set.h>

#include "lf_frontend.h"
#include "lf_model.h"
#include "lf_say.h"

/* The model the front end builds for small C files given in memory. */

static isl_ctx *ctx;
static struct lf_file *file;

static void setup(void)
{
	ctx = isl_ctx_alloc();
	file = NULL;
}

static void teardown(void)
{
	lf_file_free(file);
	file = NULL;
	isl_ctx_free(ctx);
	ctx = NULL;
}

/* Parse "text" as the file "t.c"; the result stays in "file" and is
 * freed by the fixture.
 */
static struct lf_file *parse(const char *text)
{
	struct lf_frontend_options opt = { NULL, 0, NULL, 0 };

	file = lf_frontend_parse(ctx, "t.c", text, strlen(text), &opt, stderr);
	ck_assert_ptr_nonnull(file);
	return file;
}

/* The offset of the nth (0-based) occurrence of needle in the file. */
static unsigned find(const char *needle, int nth)
{
	const char *p = file->text;

	for (;;) {
		p = strstr(p, needle);
		ck_assert_msg(p != NULL, "'%s' (#%d) not in the test input",
			      needle, nth);
		if (nth-- == 0)
			return p - file->text;
		p++;
	}
}

/* loc must be the location of the nth occurrence of needle. */
static void check_loc(struct lf_loc loc, const char *needle, int nth)
{
	unsigned offset = find(needle, nth), line = 1, col = 1, i;

	for (i = 0; i < offset; ++i) {
		if (file->text[i] == '\n') {
			line++;
			col = 1;
		} else {
			col++;
		}
	}
	ck_assert_msg(loc.offset == offset && loc.line == line &&
		      loc.col == col, "location %u (%u:%u), expected %u "
		      "(%u:%u) for '%s'", loc.offset, loc.line, loc.col,
		      offset, line, col, needle);
}

static void check_set(__isl_keep isl_set *set, const char *expected)
{
	isl_set *exp = isl_set_read_from_str(ctx, expected);
	isl_bool eq;
	char *str;

	ck_assert_ptr_nonnull(set);
	ck_assert_msg(exp != NULL, "bad expected set %s", expected);
	eq = isl_set_is_equal(set, exp);
	isl_set_free(exp);
	if (eq == isl_bool_true)
		return;
	str = isl_set_to_str(set);
	ck_assert_msg(0, "set %s, expected %s", str, expected);
	free(str);
}

static void check_map(__isl_keep isl_map *map, const char *expected)
{
	isl_map *exp = isl_map_read_from_str(ctx, expected);
	isl_bool eq;
	char *str;

	ck_assert_ptr_nonnull(map);
	ck_assert_msg(exp != NULL, "bad expected map %s", expected);
	eq = isl_map_is_equal(map, exp);
	isl_map_free(exp);
	if (eq == isl_bool_true)
		return;
	str = isl_map_to_str(map);
	ck_assert_msg(0, "map %s, expected %s", str, expected);
	free(str);
}

/* The run that starts at the nth occurrence of needle. */
static struct lf_run *run_at(const char *needle, int nth)
{
	unsigned offset = find(needle, nth);
	int i;

	for (i = 0; i < file->n_run; ++i)
		if (file->runs[i]->begin == offset)
			return file->runs[i];
	ck_assert_msg(0, "no run starts at '%s' (#%d)", needle, nth);
	return NULL;
}

static struct lf_param *param(struct lf_run *run, const char *name)
{
	int i;

	for (i = 0; i < run->n_param; ++i)
		if (!strcmp(run->params[i].name, name))
			return &run->params[i];
	ck_assert_msg(0, "no parameter %s", name);
	return NULL;
}

static struct lf_array *array(struct lf_run *run, const char *name)
{
	int i;

	for (i = 0; i < run->n_array; ++i)
		if (!strcmp(run->arrays[i].name, name))
			return &run->arrays[i];
	ck_assert_msg(0, "no array %s", name);
	return NULL;
}

static int has_array(struct lf_run *run, const char *name)
{
	int i;

	for (i = 0; i < run->n_array; ++i)
		if (!strcmp(run->arrays[i].name, name))
			return 1;
	return 0;
}

/* Access k of statement s: its text, kind, array and relation. */
static void check_access(struct lf_run *run, int s, int k, const char *text,
	enum lf_access_kind kind, const char *rel)
{
	struct lf_stmt *stmt = &run->stmts[s];
	struct lf_access *acc;

	ck_assert_int_gt(stmt->n_access, k);
	acc = &run->accesses[stmt->accesses[k]];
	ck_assert_int_eq(acc->id, stmt->accesses[k]);
	ck_assert_int_eq(acc->stmt, s);
	ck_assert_str_eq(acc->text, text);
	ck_assert_int_eq(acc->kind, kind);
	ck_assert_int_ge(acc->array, 0);
	ck_assert_int_lt(acc->array, run->n_array);
	check_map(acc->rel, rel);
}

static const char *nest_text(struct lf_nest *nest)
{
	return file->text + nest->begin;
}

/* Runs are the maximal sequences of for statements with only white
 * space and comments between them; the function body yields runs of
 * one nest too, inner blocks only runs of two or more.
 */
static const char runs_src[] =
	"#define N 8\n"
	"float a[N], b[N], c[N], d[N][N];\n"
	"void f(void)\n"
	"{\n"
	"\tfor (int i = 0; i < N; i++)\n"
	"\t\ta[i] = 0;\n"
	"\t/* only a comment */\n"
	"\tfor (int i = 0; i < N; i++) {\n"
	"\t\tb[i] = a[i];\n"
	"\t}\n"
	"\tc[0] = 1;\n"
	"\tfor (int i = 0; i < N; i++)\n"
	"\t\tc[i] = b[i];\n"
	"\tif (c[0] > 0) {\n"
	"\t\tfor (int i = 0; i < N; i++)\n"
	"\t\t\ta[i] = 1;\n"
	"\t}\n"
	"}\n"
	"void g(void)\n"
	"{\n"
	"\tfor (int i = 0; i < N; i++)\n"
	"\t\td[i][i] = a[i];\n"
	"\tfor (int i = 0; i < N; i++) {\n"
	"\t\tfor (int j = 0; j < N; j++)\n"
	"\t\t\td[i][j] = 0;\n"
	"\t\tfor (int j = 0; j < N; j++)\n"
	"\t\t\td[i][j] += 1;\n"
	"\t}\n"
	"}\n";

START_TEST(test_runs)
{
	struct lf_run *run;

	parse(runs_src);
	ck_assert_int_eq(file->n_function, 2);
	ck_assert_str_eq(file->functions[0].name, "f");
	ck_assert_str_eq(file->functions[1].name, "g");
	/* f: [for, comment, for], [for]; the if holds a single for.
	 * g: [for, for], and the two j loops inside the second.
	 */
	ck_assert_int_eq(file->n_run, 4);

	run = run_at("for", 0);
	ck_assert_int_eq(run->function, 0);
	ck_assert_int_eq(run->n_nest, 2);
	ck_assert_uint_eq(run->nests[0].begin, find("for", 0));
	ck_assert_uint_eq(run->nests[0].end, find("a[i] = 0;", 0) + 9);
	ck_assert_uint_eq(run->nests[1].begin, find("for", 1));
	ck_assert_uint_eq(run->nests[1].end, find("}\n\tc[0]", 0) + 1);
	ck_assert_uint_eq(run->begin, run->nests[0].begin);
	ck_assert_uint_eq(run->end, run->nests[1].end);
	check_loc(run->loc, "for", 0);
	check_loc(run->nests[1].loc, "for", 1);
	ck_assert_str_eq(run->indent, "\t");
	ck_assert_str_eq(run->indent_unit, "\t");

	run = run_at("for", 2);
	ck_assert_int_eq(run->function, 0);
	ck_assert_int_eq(run->n_nest, 1);
	ck_assert_uint_eq(run->end, find("c[i] = b[i];", 0) + 12);

	run = run_at("for", 4);
	ck_assert_int_eq(run->function, 1);
	ck_assert_int_eq(run->n_nest, 2);
	ck_assert_uint_eq(run->nests[1].begin, find("for", 5));

	run = run_at("for", 6);
	ck_assert_int_eq(run->function, 1);
	ck_assert_int_eq(run->n_nest, 2);
	ck_assert_uint_eq(run->nests[0].begin, find("for", 6));
	ck_assert_uint_eq(run->nests[1].begin, find("for", 7));
	ck_assert_str_eq(run->indent, "\t\t");
}
END_TEST

static const char matmul_src[] =
	"#define N 256\n"
	"static float A[N][N], B[N][N], C[N][N];\n"
	"void matmul_relu(void)\n"
	"{\n"
	"\tfor (int i = 0; i < N; i++)\n"
	"\t\tfor (int j = 0; j < N; j++) {\n"
	"\t\t\tC[i][j] = 0.0f;\n"
	"\t\t\tfor (int k = 0; k < N; k++)\n"
	"\t\t\t\tC[i][j] += A[i][k] * B[k][j];\n"
	"\t\t}\n"
	"\tfor (int i = 0; i < N; i++)\n"
	"\t\tfor (int j = 0; j < N; j++)\n"
	"\t\t\tC[i][j] = C[i][j] > 0.0f ? C[i][j] : 0.0f;\n"
	"}\n";

START_TEST(test_matmul_nests)
{
	struct lf_run *run;
	struct lf_stmt *s;
	isl_set *dom;

	parse(matmul_src);
	ck_assert_int_eq(file->n_run, 1);
	run = file->runs[0];
	ck_assert_int_eq(run->n_nest, 2);
	ck_assert_int_eq(run->n_stmt, 3);
	ck_assert_int_eq(run->n_loop, 5);

	ck_assert_ptr_null(run->nests[0].opaque);
	ck_assert_int_eq(run->nests[0].depth, 3);
	ck_assert_int_eq(run->nests[0].perfect_depth, 2);
	ck_assert_int_eq(run->nests[0].first_stmt, 0);
	ck_assert_int_eq(run->nests[0].n_stmt, 2);
	ck_assert_int_eq(run->nests[0].n_loop, 3);
	ck_assert_int_eq(run->nests[1].depth, 2);
	ck_assert_int_eq(run->nests[1].perfect_depth, 2);
	ck_assert_int_eq(run->nests[1].first_stmt, 2);
	ck_assert_int_eq(run->nests[1].first_loop, 3);

	ck_assert_int_eq(param(run, "N")->origin, LF_PARAM_MACRO);
	ck_assert_int_eq(param(run, "N")->has_value, 1);
	ck_assert_int_eq(param(run, "N")->value, 256);
	check_set(run->context, "[N] -> { : N = 256 }");

	/* Statements: names, depths, loops, positions, text. */
	s = &run->stmts[0];
	ck_assert_str_eq(s->name, "S0");
	ck_assert_int_eq(s->nest, 0);
	ck_assert_int_eq(s->depth, 2);
	ck_assert_int_eq(s->is_compound, 0);
	ck_assert_int_eq(s->loops[0], 0);
	ck_assert_int_eq(s->loops[1], 1);
	ck_assert_int_eq(s->pos[0], 0);
	ck_assert_int_eq(s->pos[1], 0);
	ck_assert_int_eq(s->pos[2], 0);
	ck_assert_uint_eq(s->begin, find("C[i][j] = 0.0f;", 0));
	ck_assert_uint_eq(s->end, s->begin + strlen("C[i][j] = 0.0f;"));
	check_set(s->domain,
		  "[N] -> { S0[i0, i1] : 0 <= i0 < N and 0 <= i1 < N }");

	s = &run->stmts[1];
	ck_assert_str_eq(s->name, "S1");
	ck_assert_int_eq(s->depth, 3);
	ck_assert_int_eq(s->loops[2], 2);
	ck_assert_int_eq(s->pos[2], 1);
	ck_assert_int_eq(s->pos[3], 0);
	check_set(s->domain, "[N] -> { S1[i, j, k] : 0 <= i < N and "
		  "0 <= j < N and 0 <= k < N }");

	s = &run->stmts[2];
	ck_assert_int_eq(s->nest, 1);
	ck_assert_int_eq(s->pos[0], 1);
	ck_assert_int_eq(s->loops[0], 3);
	ck_assert_int_eq(s->loops[1], 4);
	/* With the context: N is 256. */
	dom = isl_set_intersect_params(isl_set_copy(s->domain),
				       isl_set_copy(run->context));
	check_set(dom, "[N] -> { S2[i0, i1] : N = 256 and 0 <= i0 <= 255 and "
		  "0 <= i1 <= 255 }");
	isl_set_free(dom);
	/* Not equal to a domain with a different bound. */
	dom = isl_set_read_from_str(ctx,
		"[N] -> { S2[i0, i1] : 0 <= i0 < N and 0 <= i1 <= N }");
	ck_assert_int_eq(isl_set_is_equal(s->domain, dom), isl_bool_false);
	isl_set_free(dom);

	/* Loops. */
	ck_assert_str_eq(run->loops[2].iter, "k");
	ck_assert_str_eq(run->loops[2].iter_type, "int");
	ck_assert_int_eq(run->loops[2].dir, 1);
	ck_assert_int_eq(run->loops[2].parent, 1);
	ck_assert_int_eq(run->loops[2].depth, 2);
	ck_assert_int_eq(run->loops[0].parent, -1);
	ck_assert_int_eq(run->loops[3].nest, 1);
	ck_assert_int_eq(run->loops[0].iter_outside, 0);
	check_loc(run->loops[2].loc, "for (int k", 0);
}
END_TEST

START_TEST(test_matmul_accesses)
{
	struct lf_run *run;

	parse(matmul_src);
	run = file->runs[0];
	ck_assert_int_eq(run->n_access, 8);
	ck_assert_int_eq(run->n_array, 3);
	ck_assert_int_eq(array(run, "C")->origin, LF_ARRAY_GLOBAL);
	ck_assert_int_eq(array(run, "C")->n_dim, 2);
	ck_assert_int_eq(array(run, "C")->is_restrict, 0);
	/* The declaration that declares it starts on line 2. */
	ck_assert_uint_eq(array(run, "C")->decl.line, 2);

	ck_assert_int_eq(run->stmts[0].n_access, 1);
	check_access(run, 0, 0, "C[i][j]", LF_ACCESS_MUST_WRITE,
		"[N] -> { S0[i, j] -> C[i, j] : 0 <= i < N and 0 <= j < N }");
	/* +=: a read and a write of the same element. */
	ck_assert_int_eq(run->stmts[1].n_access, 4);
	check_access(run, 1, 0, "C[i][j]", LF_ACCESS_READ,
		"[N] -> { S1[i, j, k] -> C[i, j] : 0 <= i < N and 0 <= j < N "
		"and 0 <= k < N }");
	check_access(run, 1, 1, "C[i][j]", LF_ACCESS_MUST_WRITE,
		"[N] -> { S1[i, j, k] -> C[i, j] : 0 <= i < N and 0 <= j < N "
		"and 0 <= k < N }");
	check_access(run, 1, 2, "A[i][k]", LF_ACCESS_READ,
		"[N] -> { S1[i, j, k] -> A[i, k] : 0 <= i < N and 0 <= j < N "
		"and 0 <= k < N }");
	check_access(run, 1, 3, "B[k][j]", LF_ACCESS_READ,
		"[N] -> { S1[i, j, k] -> B[k, j] : 0 <= i < N and 0 <= j < N "
		"and 0 <= k < N }");
	ck_assert_int_eq(run->stmts[2].n_access, 3);
	check_access(run, 2, 0, "C[i][j]", LF_ACCESS_MUST_WRITE,
		"[N] -> { S2[i, j] -> C[i, j] : 0 <= i < N and 0 <= j < N }");
	check_access(run, 2, 1, "C[i][j]", LF_ACCESS_READ,
		"[N] -> { S2[i, j] -> C[i, j] : 0 <= i < N and 0 <= j < N }");
	check_loc(run->accesses[run->stmts[2].accesses[1]].loc, "C[i][j]", 3);
	check_loc(run->accesses[run->stmts[1].accesses[3]].loc, "B[k][j]", 0);
}
END_TEST

/* Every iterator occurrence in a statement's text, in order, with the
 * level of its loop.
 */
START_TEST(test_subst)
{
	static const int levels[] = { 0, 1, 0, 2, 2, 1 };
	struct lf_run *run;
	struct lf_stmt *s;
	int k;

	parse(matmul_src);
	run = file->runs[0];
	s = &run->stmts[1];
	ck_assert_int_eq(s->n_subst, 6);
	for (k = 0; k < s->n_subst; ++k) {
		struct lf_subst *sub = &s->subst[k];
		const char *iter = run->loops[s->loops[sub->level]].iter;

		ck_assert_int_eq(sub->level, levels[k]);
		ck_assert_uint_eq(sub->len, strlen(iter));
		ck_assert_int_eq(strncmp(file->text + sub->offset, iter,
					 sub->len), 0);
		ck_assert_uint_ge(sub->offset, s->begin);
		ck_assert_uint_le(sub->offset + sub->len, s->end);
		if (k > 0)
			ck_assert_uint_gt(sub->offset, s->subst[k - 1].offset);
	}
	ck_assert_uint_eq(s->subst[0].offset, find("C[i][j] +=", 0) + 2);
	ck_assert_uint_eq(s->subst[3].offset, find("A[i][k]", 0) + 5);
	ck_assert_uint_eq(s->subst[5].offset, find("B[k][j]", 0) + 5);
	ck_assert_int_eq(run->stmts[0].n_subst, 2);
	ck_assert_int_eq(run->stmts[2].n_subst, 6);
}
END_TEST

/* Iterators of loops inside a compound statement are not substituted,
 * and a write inside it is a may-write; its local is not an array.
 */
START_TEST(test_compound)
{
	static const char src[] =
		"void f(int n, float *p, float *q)\n"
		"{\n"
		"\tfor (int i = 0; i < n; i++)\n"
		"\t\tfor (int j = 0; j < n; j++) {\n"
		"\t\t\tfloat acc = 0;\n"
		"\t\t\tfor (int k = 0; k < j; k++)\n"
		"\t\t\t\tacc += p[k];\n"
		"\t\t\tq[i + j] = acc;\n"
		"\t\t}\n"
		"}\n";
	struct lf_run *run;
	struct lf_stmt *s;

	parse(src);
	ck_assert_int_eq(file->n_run, 1);
	run = file->runs[0];
	ck_assert_ptr_null(run->nests[0].opaque);
	ck_assert_int_eq(run->n_stmt, 1);
	ck_assert_int_eq(run->n_loop, 2);
	ck_assert_int_eq(run->nests[0].depth, 2);
	ck_assert_int_eq(run->nests[0].perfect_depth, 2);
	s = &run->stmts[0];
	ck_assert_int_eq(s->is_compound, 1);
	ck_assert_int_eq(s->depth, 2);
	ck_assert_uint_eq(s->begin, find("{\n\t\t\tfloat acc", 0));
	ck_assert_uint_eq(s->end, find("}\n}", 0) + 1);
	check_set(s->domain, "[n] -> { S0[i, j] : 0 <= i < n and 0 <= j < n }");
	ck_assert_int_eq(s->n_access, 2);
	check_access(run, 0, 0, "p[k]", LF_ACCESS_READ,
		"[n] -> { S0[i, j] -> p[k] : 0 <= i < n and 0 <= k < j < n }");
	check_access(run, 0, 1, "q[i + j]", LF_ACCESS_MAY_WRITE,
		"[n] -> { S0[i, j] -> q[i + j] : 0 <= i < n and 0 <= j < n }");
	ck_assert(!has_array(run, "acc"));
	ck_assert(!has_array(run, "k"));
	ck_assert_int_eq(run->n_array, 2);
	/* j in "k < j", then i and j in "q[i + j]": not k. */
	ck_assert_int_eq(s->n_subst, 3);
	ck_assert_uint_eq(s->subst[0].offset, find("k < j", 0) + 4);
	ck_assert_int_eq(s->subst[0].level, 1);
	ck_assert_uint_eq(s->subst[1].offset, find("q[i + j]", 0) + 2);
	ck_assert_int_eq(s->subst[1].level, 0);
	ck_assert_uint_eq(s->subst[2].offset, find("q[i + j]", 0) + 6);
	ck_assert_int_eq(s->subst[2].level, 1);
}
END_TEST

/* An if whose condition is not affine is a compound statement: its
 * writes are may-writes.  A scalar is an access without subscripts.
 */
START_TEST(test_nonaffine_if_and_scalar)
{
	static const char src[] =
		"float g(int n, float *restrict a, float *restrict b, float s)\n"
		"{\n"
		"\tfor (int i = 0; i < n; i++)\n"
		"\t\tif (a[i] > 0)\n"
		"\t\t\tb[i] = a[i];\n"
		"\tfor (int i = 0; i < n; i++)\n"
		"\t\ts += b[i];\n"
		"\treturn s;\n"
		"}\n";
	struct lf_run *run;

	parse(src);
	run = file->runs[0];
	ck_assert_int_eq(run->n_nest, 2);
	ck_assert_int_eq(run->stmts[0].is_compound, 1);
	ck_assert_uint_eq(run->stmts[0].begin, find("if (a[i]", 0));
	ck_assert_int_eq(run->stmts[0].n_access, 3);
	check_access(run, 0, 0, "a[i]", LF_ACCESS_READ,
		"[n] -> { S0[i] -> a[i] : 0 <= i < n }");
	check_access(run, 0, 1, "b[i]", LF_ACCESS_MAY_WRITE,
		"[n] -> { S0[i] -> b[i] : 0 <= i < n }");
	check_access(run, 0, 2, "a[i]", LF_ACCESS_READ,
		"[n] -> { S0[i] -> a[i] : 0 <= i < n }");
	ck_assert_int_eq(run->stmts[1].is_compound, 0);
	check_access(run, 1, 0, "s", LF_ACCESS_READ,
		"[n] -> { S1[i] -> s[] : 0 <= i < n }");
	check_access(run, 1, 1, "s", LF_ACCESS_MUST_WRITE,
		"[n] -> { S1[i] -> s[] : 0 <= i < n }");
	ck_assert_int_eq(array(run, "s")->n_dim, 0);
	ck_assert_int_eq(array(run, "s")->origin, LF_ARRAY_PARAM_VALUE);
}
END_TEST

/* A loop that counts down with an iterator declared before it. */
START_TEST(test_decreasing)
{
	static const char src[] =
		"void f(int n, float *x)\n"
		"{\n"
		"\tint i;\n"
		"\tfor (i = n - 1; i >= 0; i--)\n"
		"\t\tx[i] = 1;\n"
		"}\n";
	struct lf_run *run;

	parse(src);
	ck_assert_int_eq(file->n_run, 1);
	run = file->runs[0];
	ck_assert_ptr_null(run->nests[0].opaque);
	ck_assert_int_eq(run->n_loop, 1);
	ck_assert_str_eq(run->loops[0].iter, "i");
	ck_assert_int_eq(run->loops[0].dir, -1);
	ck_assert_int_eq(run->loops[0].iter_outside, 1);
	check_set(run->stmts[0].domain, "[n] -> { S0[i] : 0 <= i < n }");
	ck_assert_int_eq(param(run, "n")->origin, LF_PARAM_FUNCTION);
	ck_assert_int_eq(param(run, "n")->has_value, 0);
}
END_TEST

/* Steps other than 1: a stride constraint on the lower bound. */
START_TEST(test_step)
{
	static const char src[] =
		"void f(int n, float *restrict x, float *restrict y)\n"
		"{\n"
		"\tfor (int i = 0; i < n; i += 2)\n"
		"\t\tx[i] = 2;\n"
		"\tfor (int i = 1; i < n; i = i + 2)\n"
		"\t\tx[i] = 3;\n"
		"\tfor (long i = 9; i > 0; i -= 3)\n"
		"\t\ty[i] = 1;\n"
		"}\n";
	struct lf_run *run;

	parse(src);
	run = file->runs[0];
	ck_assert_int_eq(run->n_nest, 3);
	check_set(run->stmts[0].domain,
		  "[n] -> { S0[i] : exists (e : i = 2e) and 0 <= i < n }");
	check_set(run->stmts[1].domain,
		  "[n] -> { S1[i] : exists (e : i = 2e + 1) and 1 <= i < n }");
	check_set(run->stmts[2].domain, "{ S2[i] : i = 3 or i = 6 or i = 9 }");
	ck_assert_int_eq(run->loops[2].dir, -1);
	ck_assert_str_eq(run->loops[2].iter_type, "long");
	check_map(run->accesses[0].rel,
		  "[n] -> { S0[i] -> x[i] : exists (e : i = 2e) and 0 <= i < n }");
}
END_TEST

/* Affine conditions restrict the domains below them, && and || and
 * the else branch included.
 */
START_TEST(test_affine_if)
{
	static const char src[] =
		"#define M 64\n"
		"enum { E = 10 };\n"
		"float y[M][E], z[M];\n"
		"void f(void)\n"
		"{\n"
		"\tfor (int i = 0; i < M; i++)\n"
		"\t\tfor (int j = 0; j < E; j++)\n"
		"\t\t\tif ((i < 5 && j > 2) || i == 7)\n"
		"\t\t\t\ty[i][j] = 0;\n"
		"\tfor (int i = 0; i < M; i++)\n"
		"\t\tif (i >= 4 && !(i > 8))\n"
		"\t\t\tz[i] = 1;\n"
		"\t\telse\n"
		"\t\t\tz[i] = 2;\n"
		"}\n";
	struct lf_run *run;

	parse(src);
	run = file->runs[0];
	ck_assert_int_eq(run->n_nest, 2);
	ck_assert_int_eq(run->n_stmt, 3);
	ck_assert_int_eq(run->stmts[0].is_compound, 0);
	ck_assert_uint_eq(run->stmts[0].begin, find("y[i][j] = 0;", 0));
	check_set(run->stmts[0].domain, "[M, E] -> { S0[i, j] : 0 <= i < M and "
		  "0 <= j < E and ((i < 5 and j > 2) or i = 7) }");
	check_set(run->stmts[1].domain,
		  "[M] -> { S1[i] : 4 <= i <= 8 and i < M }");
	check_set(run->stmts[2].domain,
		  "[M] -> { S2[i] : 0 <= i < M and (i < 4 or i > 8) }");
	/* Both branches are statements of the loop body, in order. */
	ck_assert_int_eq(run->stmts[1].pos[1], 0);
	ck_assert_int_eq(run->stmts[2].pos[1], 1);
	ck_assert_int_eq(run->stmts[2].accesses[0], 2);
	ck_assert_int_eq(run->accesses[2].kind, LF_ACCESS_MUST_WRITE);
	ck_assert_int_eq(param(run, "E")->origin, LF_PARAM_ENUM);
	ck_assert_int_eq(param(run, "E")->value, 10);
	ck_assert_int_eq(param(run, "M")->origin, LF_PARAM_MACRO);
	check_set(run->context, "[M, E] -> { : M = 64 and E = 10 }");
}
END_TEST

/* min and max bounds written with ?:. */
START_TEST(test_minmax_bounds)
{
	static const char src[] =
		"#define N 16\n"
		"float a[N][N], b[N][N];\n"
		"void f(void)\n"
		"{\n"
		"\tfor (int i = 0; i < N; i++)\n"
		"\t\tfor (int j = 0; j < (i < 8 ? i : 8); j++)\n"
		"\t\t\ta[i][j] = 0;\n"
		"\tfor (int i = 0; i < N; i++)\n"
		"\t\tfor (int j = (i > 2 ? i : 2); j < N; j++)\n"
		"\t\t\tb[i][j] = 1;\n"
		"}\n";
	struct lf_run *run;

	parse(src);
	run = file->runs[0];
	ck_assert_int_eq(run->n_nest, 2);
	check_set(run->stmts[0].domain, "[N] -> { S0[i, j] : 0 <= i < N and "
		  "0 <= j and j < i and j < 8 }");
	check_set(run->stmts[1].domain, "[N] -> { S1[i, j] : 0 <= i < N and "
		  "j >= i and j >= 2 and j < N }");
}
END_TEST

/* Parameters: macros, enumerators and const integers have values that
 * the context fixes; function parameters and locals do not.  Unsigned
 * sizes are non-negative.
 */
START_TEST(test_params)
{
	static const char src[] =
		"#include <stddef.h>\n"
		"#define M 64\n"
		"enum { E = 10 };\n"
		"const int K = 20;\n"
		"float y[M][E];\n"
		"void f(int n, size_t u, int m, float *restrict x)\n"
		"{\n"
		"\tint t = m * 2;\n"
		"\tconst int C = 7;\n"
		"\tfor (int i = 0; i < n; i++)\n"
		"\t\tx[i] = 0;\n"
		"\tfor (int i = 0; i < M; i++)\n"
		"\t\tfor (int j = 0; j < E; j++)\n"
		"\t\t\ty[i][j] = x[i + K];\n"
		"\tfor (int i = 0; i < t; i++)\n"
		"\t\tx[i + C] = 1;\n"
		"\tfor (size_t i = 0; i < u; i++)\n"
		"\t\tx[i] = 2;\n"
		"}\n";
	struct lf_run *run;
	struct lf_param *p;
	isl_set *set;
	int pos;

	parse(src);
	ck_assert_int_eq(file->n_run, 1);
	run = file->runs[0];
	ck_assert_int_eq(run->n_nest, 4);
	ck_assert_int_eq(run->n_param, 7);

	p = param(run, "n");
	ck_assert_int_eq(p->origin, LF_PARAM_FUNCTION);
	ck_assert_int_eq(p->has_value, 0);
	p = param(run, "M");
	ck_assert_int_eq(p->origin, LF_PARAM_MACRO);
	ck_assert_int_eq(p->has_value, 1);
	ck_assert_int_eq(p->value, 64);
	p = param(run, "E");
	ck_assert_int_eq(p->origin, LF_PARAM_ENUM);
	ck_assert_int_eq(p->has_value, 1);
	ck_assert_int_eq(p->value, 10);
	p = param(run, "K");
	ck_assert_int_eq(p->origin, LF_PARAM_CONST);
	ck_assert_int_eq(p->has_value, 1);
	ck_assert_int_eq(p->value, 20);
	p = param(run, "t");
	ck_assert_int_eq(p->origin, LF_PARAM_LOCAL);
	ck_assert_int_eq(p->has_value, 0);
	p = param(run, "C");
	ck_assert_int_eq(p->origin, LF_PARAM_CONST);
	ck_assert_int_eq(p->value, 7);
	p = param(run, "u");
	ck_assert_int_eq(p->type.bits, 64);
	ck_assert_int_eq(p->type.is_signed, 0);
	ck_assert_int_eq(p->origin, LF_PARAM_FUNCTION);
	ck_assert_int_eq(p->has_value, 0);

	/* The context: the values, and the range of each size's type. */
	pos = isl_set_find_dim_by_name(run->context, isl_dim_param, "u");
	ck_assert_int_ge(pos, 0);
	set = isl_set_fix_si(isl_set_copy(run->context), isl_dim_param, pos,
			     -1);
	ck_assert_int_eq(isl_set_is_empty(set), isl_bool_true);
	isl_set_free(set);
	set = isl_set_fix_si(isl_set_copy(run->context), isl_dim_param, pos,
			     0);
	ck_assert_int_eq(isl_set_is_empty(set), isl_bool_false);
	isl_set_free(set);
	set = isl_set_read_from_str(ctx, "[M, E, K, C, n, t] -> { : M = 64 and "
		"E = 10 and K = 20 and C = 7 and "
		"-2147483648 <= n <= 2147483647 and "
		"-2147483648 <= t <= 2147483647 }");
	/* x[i] runs for every i < u, and x, a float pointer, has at most
	 * PTRDIFF_MAX / 4 = 2^61 - 1 elements after x[0].
	 */
	set = isl_set_intersect(set, isl_set_read_from_str(ctx,
		"[u] -> { : 0 <= u <= 2305843009213693952 }"));
	ck_assert_int_eq(isl_set_is_equal(set, run->context), isl_bool_true);
	isl_set_free(set);
	check_set(run->stmts[0].domain, "[n] -> { S0[i] : 0 <= i < n }");
	check_set(run->stmts[2].domain, "[t] -> { S2[i] : 0 <= i < t }");
	check_map(run->accesses[run->stmts[1].accesses[1]].rel,
		  "[M, E, K] -> { S1[i, j] -> x[i + K] : 0 <= i < M and "
		  "0 <= j < E }");
	check_map(run->accesses[run->stmts[2].accesses[0]].rel,
		  "[t, C] -> { S2[i] -> x[i + C] : 0 <= i < t }");
	ck_assert_str_eq(run->loops[run->nests[3].first_loop].iter_type,
			 "size_t");
}
END_TEST

/* Where arrays live, and which are restrict. */
START_TEST(test_arrays)
{
	static const char src[] =
		"#define N 32\n"
		"float g[N];\n"
		"void f(int n, int m, float *p, float *restrict r,\n"
		"       float y[restrict n][m], float w[n][m], float s)\n"
		"{\n"
		"\tfloat tmp[N];\n"
		"\tfor (int i = 0; i < N; i++)\n"
		"\t\ttmp[i] = g[i] + p[i] + r[i] + s;\n"
		"\tfor (int i = 0; i < n; i++)\n"
		"\t\tfor (int j = 0; j < m; j++)\n"
		"\t\t\ty[i][j] = w[i][j] + tmp[j];\n"
		"}\n";
	struct lf_run *run;
	struct lf_array *a;

	parse(src);
	run = file->runs[0];
	ck_assert_int_eq(run->n_array, 7);

	a = array(run, "tmp");
	ck_assert_int_eq(a->origin, LF_ARRAY_LOCAL);
	ck_assert_int_eq(a->n_dim, 1);
	ck_assert_int_eq(a->is_restrict, 0);
	check_loc(a->decl, "float tmp[N]", 0);
	a = array(run, "g");
	ck_assert_int_eq(a->origin, LF_ARRAY_GLOBAL);
	ck_assert_int_eq(a->is_restrict, 0);
	a = array(run, "p");
	ck_assert_int_eq(a->origin, LF_ARRAY_PARAM_POINTER);
	ck_assert_int_eq(a->is_restrict, 0);
	ck_assert_int_eq(a->n_dim, 1);
	a = array(run, "r");
	ck_assert_int_eq(a->origin, LF_ARRAY_PARAM_POINTER);
	ck_assert_int_eq(a->is_restrict, 1);
	a = array(run, "y");
	ck_assert_int_eq(a->origin, LF_ARRAY_PARAM_POINTER);
	ck_assert_int_eq(a->is_restrict, 1);
	ck_assert_int_eq(a->n_dim, 2);
	check_loc(a->decl, "float y[restrict", 0);
	a = array(run, "w");
	ck_assert_int_eq(a->origin, LF_ARRAY_PARAM_POINTER);
	ck_assert_int_eq(a->is_restrict, 0);
	ck_assert_int_eq(a->n_dim, 2);
	a = array(run, "s");
	ck_assert_int_eq(a->origin, LF_ARRAY_PARAM_VALUE);
	ck_assert_int_eq(a->n_dim, 0);
	check_map(run->accesses[run->stmts[1].accesses[0]].rel,
		  "[n, m] -> { S1[i, j] -> y[i, j] : 0 <= i < n and 0 <= j < m }");
}
END_TEST

/* Nests that cannot be modeled: the reason and where it is. */
static const char opaque_src[] =
	"#include <stdio.h>\n"
	"int g;\n"
	"volatile float vs;\n"
	"void touch(void) { g++; }\n"
	"void f(int n, float *a, int *idx, volatile float *v)\n"
	"{\n"
	"\tfor (int i = 0; i < n; i++)\n"
	"\t\ta[idx[i]] = 0;\n"
	"\tfor (int i = 0; i < n; i++)\n"
	"\t\ta[i * i] = 0;\n"
	"\tfor (int i = 0; i < n; i++)\n"
	"\t\tfor (int j = 0; j <= n; j++)\n"
	"\t\t\ta[i * n + j] = 0;\n"
	"\tfor (int i = 0; i < n; i++)\n"
	"\t\tprintf(\"%d\\n\", i);\n"
	"\tfor (int i = 0; i < n; i++) {\n"
	"\t\ttouch();\n"
	"\t\ta[i] = 1;\n"
	"\t}\n"
	"\tfor (int i = 0; i < n; i++)\n"
	"\t\ta[i] = v[i];\n"
	"\tfor (int i = 0; i < n; i++)\n"
	"\t\ta[i] = vs;\n"
	"\tfor (int i = 0; i < n; i++) {\n"
	"\t\tif (a[i] > 0)\n"
	"\t\t\tgoto out;\n"
	"\t\ta[i] = 1;\n"
	"\t}\n"
	"\tfor (int i = 0; i < n; i++) {\n"
	"\t\tif (a[i] > 0)\n"
	"\t\t\tbreak;\n"
	"\t}\n"
	"\tfor (int i = 0; i < n; i++) {\n"
	"\t\tint k = 0;\n"
	"\t\twhile (k < i)\n"
	"\t\t\tk++;\n"
	"\t\ta[i] = k;\n"
	"\t}\n"
	"\tfor (int i = 0; i < n; i++)\n"
	"\t\ta[i] = 5;\n"
	"out:\n"
	"\treturn;\n"
	"}\n";

static void check_opaque(struct lf_run *run, int k, const char *reason,
	const char *where)
{
	struct lf_nest *nest = &run->nests[k];

	char *said;

	ck_assert_msg(nest->opaque != NULL, "nest %d is not opaque", k);
	said = lf_say_reason(nest->opaque);
	ck_assert_ptr_nonnull(said);
	ck_assert_str_eq(said, reason);
	free(said);
	check_loc(nest->opaque->loc, where, 0);
	ck_assert_int_eq(nest->n_stmt, 0);
	ck_assert_int_eq(strncmp(nest_text(nest), "for", 3), 0);
}

START_TEST(test_opaque)
{
	struct lf_run *run;
	int k;

	parse(opaque_src);
	ck_assert_int_eq(file->n_run, 1);
	run = file->runs[0];
	ck_assert_int_eq(run->n_nest, 11);
	check_opaque(run, 0, "a[idx[i]]: subscript is not affine", "a[idx[i]]");
	check_opaque(run, 1, "a[i * i]: subscript is not affine", "a[i * i]");
	check_opaque(run, 2, "a[i * n + j]: flat subscript whose inner part "
		     "is not proven to stay in [0, n)", "a[i * n + j]");
	check_opaque(run, 3, "call to printf() has side effects (I/O)",
		     "printf(");
	check_opaque(run, 4, "call to touch() has side effects: it writes "
		     "global g", "touch();");
	check_opaque(run, 5, "v: volatile elements", "v[i]");
	check_opaque(run, 6, "vs: volatile variable", "vs;\n\tfor");
	check_opaque(run, 7, "goto", "goto");
	check_opaque(run, 8, "break", "break");
	check_opaque(run, 9, "while loop", "while");
	/* The last nest is modeled. */
	ck_assert_ptr_null(run->nests[10].opaque);
	ck_assert_int_eq(run->nests[10].n_stmt, 1);
	ck_assert_int_eq(run->n_stmt, 1);
	ck_assert_int_eq(run->n_loop, 1);
	ck_assert_int_eq(run->stmts[0].nest, 10);
	check_set(run->stmts[0].domain, "[n] -> { S0[i] : 0 <= i < n }");
	/* Nothing an opaque nest saw is left in the model. */
	ck_assert_int_eq(run->n_access, 1);
	for (k = 0; k < 10; ++k) {
		ck_assert_int_eq(run->nests[k].n_loop, 0);
		ck_assert_int_eq(run->nests[k].depth, 0);
	}
}
END_TEST

/* Flat subscripts with run-time strides: the accesses of an array that
 * fit one shape are modeled in it, c[i * n + j] as c[i][j] and
 * wt[((o * ci + c) * 3 + 1) * 3 + 2] as wt[o][9c + 5] in [*][9 ci];
 * a plain a[j] of such an array is its innermost subscript; a macro is
 * a constant factor of a stride; a[(i + 1) * n - 1 - j] is a[i][n - 1 -
 * j], one row back.  Unsigned
 * products, two shapes for one array and a row that may run past its
 * stride are refused.
 */
static const char flat_src[] =
	"#define Q 4\n"
	"void mq(int n, float *a)\n"
	"{\n"
	"\tfor (int i = 0; i < n; i++)\n"
	"\t\tfor (int j = 0; j < n; j++)\n"
	"\t\t\tfor (int l = 0; l < Q; l++)\n"
	"\t\t\t\ta[i * n * Q + j * Q + l] = 0;\n"
	"}\n"
	"void rev(int m, int n, float *a)\n"
	"{\n"
	"\tfor (int i = 0; i < m; i++)\n"
	"\t\tfor (int j = 0; j < n; j++)\n"
	"\t\t\ta[(i + 1) * n - 1 - j] = 0;\n"
	"}\n"
	"void mm(int m, int n, int k, float *a, float *b, float *c)\n"
	"{\n"
	"\tfor (int i = 0; i < m; i++)\n"
	"\t\tfor (int j = 0; j < n; j++)\n"
	"\t\t\tc[i * n + j] = b[j];\n"
	"\tfor (int i = 0; i < m; i++)\n"
	"\t\tfor (int j = 0; j < n; j++)\n"
	"\t\t\tfor (int p = 0; p < k; p++)\n"
	"\t\t\t\tc[i * n + j] += a[i * k + p] * b[p * n + j];\n"
	"}\n"
	"void conv(int co, int ci, int h, int w, float *x, float *wt)\n"
	"{\n"
	"\tfor (int o = 0; o < co; o++)\n"
	"\t\tfor (int c = 0; c < ci; c++)\n"
	"\t\t\tfor (int y = 0; y < h; y++)\n"
	"\t\t\t\tfor (int z = 0; z < w; z++)\n"
	"\t\t\t\t\tx[(o * h + y) * w + z] = wt[((o * ci + c) * 3 + 1) * 3 + 2];\n"
	"}\n"
	"void bad(unsigned u, int n, int m, float *p, float *q, float *r)\n"
	"{\n"
	"\tfor (int i = 0; i < m; i++)\n"
	"\t\tfor (int j = 0; j < n; j++)\n"
	"\t\t\tp[i * u + j] = 0;\n"
	"\tfor (int i = 0; i < m; i++)\n"
	"\t\tfor (int j = 0; j < n; j++)\n"
	"\t\t\tq[i * n + j] = q[i * m + j];\n"
	"\tfor (int i = 0; i < m; i++)\n"
	"\t\tfor (int j = 0; j < m; j++)\n"
	"\t\t\tr[i * n + j] = 1;\n"
	"}\n";

START_TEST(test_flat_subscripts)
{
	struct lf_run *run;
	struct lf_array *a;

	parse(flat_src);
	ck_assert_int_eq(file->n_run, 5);
	run = run_at("for (int i = 0; i < m; i++)\n\t\tfor (int j = 0; j < n; j++)\n\t\t\ta[(", 0);
	check_access(run, 0, 0, "a[(i + 1) * n - 1 - j]",
		LF_ACCESS_MUST_WRITE,
		"[m, n] -> { S0[i, j] -> a[i, n - 1 - j] : 0 <= i < m and "
		"0 <= j < n }");
	run = run_at("for (int i = 0; i < n; i++)\n\t\tfor (int j = 0; j < n; j++)\n\t\t\tfor (int l", 0);
	check_access(run, 0, 0, "a[i * n * Q + j * Q + l]",
		LF_ACCESS_MUST_WRITE,
		"[Q, n] -> { S0[i, j, l] -> a[i, 4j + l] : 0 <= i < n and "
		"0 <= j < n and 0 <= l < Q }");
	run = run_at("for (int i = 0; i < m; i++)\n\t\tfor (int j = 0; j < n; j++)\n\t\t\tc[", 0);
	check_access(run, 0, 0, "c[i * n + j]", LF_ACCESS_MUST_WRITE,
		"[m, n] -> { S0[i, j] -> c[i, j] : 0 <= i < m and 0 <= j < n }");
	check_access(run, 0, 1, "b[j]", LF_ACCESS_READ,
		"[m, n] -> { S0[i, j] -> b[0, j] : 0 <= i < m and 0 <= j < n }");
	check_access(run, 1, 2, "a[i * k + p]", LF_ACCESS_READ,
		"[m, n, k] -> { S1[i, j, p] -> a[i, p] : 0 <= i < m and "
		"0 <= j < n and 0 <= p < k }");
	check_access(run, 1, 3, "b[p * n + j]", LF_ACCESS_READ,
		"[m, n, k] -> { S1[i, j, p] -> b[p, j] : 0 <= i < m and "
		"0 <= j < n and 0 <= p < k }");
	a = array(run, "c");
	ck_assert_int_eq(a->flat, 1);
	ck_assert_int_eq(a->n_dim, 2);
	ck_assert_int_eq(a->size[1], -1);
	run = run_at("for (int o = 0;", 0);
	check_access(run, 0, 0, "x[(o * h + y) * w + z]", LF_ACCESS_MUST_WRITE,
		"[co, ci, h, w] -> { S0[o, c, y, z] -> x[o, y, z] : "
		"0 <= o < co and 0 <= c < ci and 0 <= y < h and 0 <= z < w }");
	check_access(run, 0, 1, "wt[((o * ci + c) * 3 + 1) * 3 + 2]",
		LF_ACCESS_READ,
		"[co, ci, h, w] -> { S0[o, c, y, z] -> wt[o, 9c + 5] : "
		"0 <= o < co and 0 <= c < ci and 0 <= y < h and 0 <= z < w }");
	ck_assert_int_eq(array(run, "x")->n_dim, 3);
	run = run_at("for (int i = 0; i < m; i++)\n\t\tfor (int j = 0; j < n; j++)\n\t\t\tp[", 0);
	check_opaque(run, 0, "i * u + j: flat subscript computed in an "
		     "unsigned type, which may wrap", "i * u + j");
	check_opaque(run, 1, "q[i * m + j]: flat subscript that does not fit "
		     "one shape with the other accesses to q", "q[i * m + j]");
	check_opaque(run, 2, "r[i * n + j]: flat subscript whose inner part "
		     "is not proven to stay in [0, n)", "r[i * n + j]");
	ck_assert_int_eq(run->n_array, 0);
	ck_assert_int_eq(run->n_access, 0);
}
END_TEST

/* Members and local pointers as bases: l.outputs is a parameter named
 * after its spelling, l.output and p->x arrays that may alias pointer
 * parameters, o a row of out with its offset in the subscript; a
 * member that an int store of the run may change, a union member and
 * a local pointer written in the run are refused.
 */
static const char bases_src[] =
	"typedef struct { int n; float *output; float v[8]; } layer;\n"
	"union u { int n; float f; };\n"
	"void f(layer l, layer *p, float *out, int b, int c)\n"
	"{\n"
	"\tfloat *o = out + b * 4;\n"
	"\tfor (int i = 0; i < l.n; i++)\n"
	"\t\tl.output[i] = p->v[i];\n"
	"\tfor (int i = 0; i < 4; i++)\n"
	"\t\to[i] = out[b * 4 + i] + 1;\n"
	"}\n"
	"void g(layer *p, int *q)\n"
	"{\n"
	"\tfor (int i = 0; i < p->n; i++)\n"
	"\t\tq[i] = i;\n"
	"}\n"
	"void h(union u *w, float *a)\n"
	"{\n"
	"\tfor (int i = 0; i < w->n; i++)\n"
	"\t\ta[i] = 0;\n"
	"}\n"
	"void k(float *a, float *z)\n"
	"{\n"
	"\tfloat *o = a;\n"
	"\tfor (int i = 0; i < 4; i++)\n"
	"\t\to[i] = 0;\n"
	"\tfor (int i = 0; i < 4; i++)\n"
	"\t\to = z;\n"
	"}\n";

START_TEST(test_bases)
{
	struct lf_run *run;
	struct lf_array *a;

	parse(bases_src);
	ck_assert_int_eq(file->n_run, 4);
	run = run_at("for (int i = 0; i < l.n", 0);
	ck_assert_ptr_null(run->nests[0].opaque);
	ck_assert_ptr_null(run->nests[1].opaque);
	ck_assert_int_eq(param(run, "l.n")->origin, LF_PARAM_FUNCTION);
	a = array(run, "l_output");
	ck_assert_str_eq(a->var, "l.output");
	ck_assert(a->any_pointer);
	a = array(run, "p_v");
	ck_assert_str_eq(a->var, "p->v");
	ck_assert_int_eq(a->n_dim, 1);
	ck_assert_int_eq(a->size[0], 8);
	ck_assert(!has_array(run, "o"));
	check_access(run, 1, 0, "o[i]", LF_ACCESS_MUST_WRITE,
		     "[b] -> { S1[i] -> out[4b + i] : 0 <= i <= 3 }");
	check_access(run, 1, 1, "out[b * 4 + i]", LF_ACCESS_READ,
		     "[b] -> { S1[i] -> out[4b + i] : 0 <= i <= 3 }");
	run = run_at("for (int i = 0; i < p->n", 0);
	check_opaque(run, 0, "p->n: a store or a call in the loops may "
		     "change it", "p->n;");
	run = run_at("for (int i = 0; i < w->n", 0);
	check_opaque(run, 0, "w->n: member of a union, which a store to "
		     "another member changes", "w->n;");
	run = run_at("for (int i = 0; i < 4; i++)\n\t\to[i] = 0", 0);
	check_opaque(run, 0, "o: pointer variable that the loops modify or "
		     "whose address is taken", "o[i] = 0");
}
END_TEST

/* An iterator declared before the loop must not be used after the
 * run; an iterator spelled inside a macro cannot be replaced.
 */
START_TEST(test_iterator_uses)
{
	static const char src[] =
		"#define N 16\n"
		"#define AT(x) x[i]\n"
		"float a[N], b[N];\n"
		"int f(void)\n"
		"{\n"
		"\tint i;\n"
		"\tfor (int i = 0; i < N; i++)\n"
		"\t\tAT(a) = 3;\n"
		"\tfor (i = 0; i < N; i++)\n"
		"\t\tb[i] = 0;\n"
		"\treturn i;\n"
		"}\n";
	struct lf_run *run;

	parse(src);
	run = file->runs[0];
	ck_assert_int_eq(run->n_nest, 2);
	check_opaque(run, 0, "iterator i is used inside a macro", "AT(a)");
	check_opaque(run, 1, "iterator i is used outside the loops",
		     "i;\n}");
}
END_TEST

/* An iterator declared before its loop and used only before the run
 * (in an earlier loop that sets it again) does not see the run's final
 * value: the nests are modeled (lf_model.h: "not used after the run").
 */
START_TEST(test_iterator_used_before_run)
{
	static const char src[] =
		"#define N 16\n"
		"float a[N], b[N], c[N], s;\n"
		"void f(void)\n"
		"{\n"
		"\tint i;\n"
		"\tfor (i = 0; i < N; i++)\n"
		"\t\ta[i] = 0;\n"
		"\ts = 1;\n"
		"\tfor (i = 0; i < N; i++)\n"
		"\t\tb[i] = a[i];\n"
		"\tfor (i = 0; i < N; i++)\n"
		"\t\tc[i] = b[i];\n"
		"}\n";
	struct lf_run *run;

	parse(src);
	ck_assert_int_eq(file->n_run, 2);
	run = run_at("for", 1);
	ck_assert_int_eq(run->n_nest, 2);
	ck_assert_ptr_null(run->nests[0].opaque);
	ck_assert_ptr_null(run->nests[1].opaque);
	ck_assert_int_eq(run->loops[0].iter_outside, 1);
}
END_TEST

/* An iterator declared before the loops and read after them is dead
 * where every path from the nest assigns it first: a later loop that
 * starts it again, both branches of an if, a time loop around the run
 * whose body starts with a nest over it.
 */
START_TEST(test_iterator_dead_after)
{
	static const char src[] =
		"#define N 16\n"
		"float a[N], b[N], c[N];\n"
		"int f(int t)\n"
		"{\n"
		"\tint i, s = 0, k;\n"
		"\tfor (k = 0; k < t; k++) {\n"
		"\t\tfor (i = 0; i < N; i++)\n"
		"\t\t\ta[i] = b[i];\n"
		"\t\tfor (i = 0; i < N; i++)\n"
		"\t\t\tc[i] = a[i];\n"
		"\t}\n"
		"\tif (t > 3)\n"
		"\t\ti = 1;\n"
		"\telse\n"
		"\t\ti = 2;\n"
		"\ts += i;\n"
		"\tfor (i = 0; i < N; i++)\n"
		"\t\ts += i;\n"
		"\treturn s;\n"
		"}\n";
	struct lf_run *run;

	parse(src);
	run = run_at("for (i", 0);
	ck_assert_int_eq(run->n_nest, 2);
	ck_assert_ptr_null(run->nests[0].opaque);
	ck_assert_ptr_null(run->nests[1].opaque);
	ck_assert_int_eq(run->loops[0].iter_outside, 1);
	run = run_at("for (k", 0);
	ck_assert_ptr_null(run->nests[0].opaque);
}
END_TEST

/* Where some path from the nest may read the iterator before assigning
 * it, the nest is not modeled: an assignment on one branch only, one
 * that reads it, a loop after the run that may not run.
 */
START_TEST(test_iterator_live_after)
{
	static const char src[] =
		"#define N 16\n"
		"float a[N], b[N], c[N];\n"
		"int f(int t)\n"
		"{\n"
		"\tint i, s = 0, k;\n"
		"\tfor (i = 0; i < N; i++)\n"
		"\t\ta[i] = b[i];\n"
		"\tif (t > 3)\n"
		"\t\ti = 1;\n"
		"\ts += i;\n"
		"\tfor (i = 0; i < N; i++)\n"
		"\t\ta[i] = b[i];\n"
		"\ti = i + 1;\n"
		"\ts += i;\n"
		"\tfor (i = 0; i < N; i++)\n"
		"\t\ta[i] = b[i];\n"
		"\tfor (k = 0; k < t; k++)\n"
		"\t\ti = 0;\n"
		"\treturn s + i;\n"
		"}\n";
	struct lf_run *run;
	int k;

	parse(src);
	ck_assert_int_eq(file->n_run, 3);
	for (k = 0; k < 3; ++k) {
		run = file->runs[k];
		ck_assert_ptr_nonnull(run->nests[0].opaque);
		ck_assert_int_eq(run->nests[0].opaque->why, LF_WHY_ITER_LIVE);
	}
}
END_TEST

/* A comma initialisation may set variables besides the iterator that
 * nothing sees (not used in the nest, dead after it); the rest is
 * refused with what is wrong with it.
 */
START_TEST(test_comma_init)
{
	static const char src[] =
		"#define N 16\n"
		"float a[N], b[N];\n"
		"int g;\n"
		"int bump(void);\n"
		"int f(void)\n"
		"{\n"
		"\tint i, j, k;\n"
		"\tfor (i = 0, k = 0; i < N; i++)\n"
		"\t\ta[i] = b[i];\n"
		"\tfor (int m = 2, i = 0; i < N; i++)\n"
		"\t\ta[i] = b[i];\n"
		"\tfor (i = 0, bump(); i < N; i++)\n"
		"\t\ta[i] = b[i];\n"
		"\tfor (i = 0, g = 1; i < N; i++)\n"
		"\t\ta[i] = b[i];\n"
		"\tfor (i = 0, j = 1; i < N; i++, j++)\n"
		"\t\ta[i] = b[j - 1];\n"
		"\tfor (i = 0, k = 5; i < N; i++)\n"
		"\t\ta[i] = b[i];\n"
		"\treturn k;\n"
		"}\n";
	struct lf_run *run;

	parse(src);
	ck_assert_int_eq(file->n_run, 1);
	run = file->runs[0];
	ck_assert_int_eq(run->n_nest, 6);
	ck_assert_ptr_null(run->nests[0].opaque);
	ck_assert_ptr_nonnull(run->nests[1].opaque);
	check_opaque(run, 2, "bump(): the loop initialisation does more than "
		     "set the iterator and local variables", "bump()");
	check_opaque(run, 3, "g = 1: the loop initialisation does more than "
		     "set the iterator and local variables", "g = 1");
	check_opaque(run, 4, "j, set in the loop initialisation besides the "
		     "iterator, is used in the nest", "j = 1");
	check_opaque(run, 5, "k, set in the loop initialisation besides the "
		     "iterator, may be read after the nest", "k = 5");
}
END_TEST

/* INFINITY, NAN and HUGE_VALF are calls to builtins that are
 * constants; a NaN made from a string that is not a literal reads it.
 */
START_TEST(test_constant_builtins)
{
	static const char src[] =
		"#include <math.h>\n"
		"#define N 16\n"
		"float a[N], b[N];\n"
		"const char *s;\n"
		"void f(void)\n"
		"{\n"
		"\tfor (int i = 0; i < N; i++)\n"
		"\t\ta[i] = b[i] > 0 ? INFINITY : -HUGE_VALF;\n"
		"\tfor (int i = 0; i < N; i++)\n"
		"\t\ta[i] = NAN + __builtin_nansf(\"1\") + __builtin_nanl(\"\");\n"
		"\tfor (int i = 0; i < N; i++)\n"
		"\t\ta[i] = __builtin_nanf(s);\n"
		"}\n";
	struct lf_run *run;

	parse(src);
	run = file->runs[0];
	ck_assert_int_eq(run->n_nest, 3);
	ck_assert_ptr_null(run->nests[0].opaque);
	ck_assert_ptr_null(run->nests[1].opaque);
	check_opaque(run, 2, "call to __builtin_nanf() reads memory: its "
		     "argument is not a string literal", "__builtin_nanf(s)");
}
END_TEST

/* The model's runs come in textual order (lf_model.h). */
START_TEST(test_runs_textual_order)
{
	static const char src[] =
		"#define N 8\n"
		"float a[N], b[N], d[N][N];\n"
		"void f(void)\n"
		"{\n"
		"\tfor (int i = 0; i < N; i++) {\n"
		"\t\tfor (int j = 0; j < N; j++)\n"
		"\t\t\td[i][j] = 0;\n"
		"\t\tfor (int j = 0; j < N; j++)\n"
		"\t\t\td[i][j] += 1;\n"
		"\t}\n"
		"\ta[0] = 1;\n"
		"\tfor (int i = 0; i < N; i++)\n"
		"\t\ta[i] = 0;\n"
		"\tfor (int i = 0; i < N; i++)\n"
		"\t\tb[i] = a[i];\n"
		"}\n";
	int i;

	parse(src);
	ck_assert_int_eq(file->n_run, 3);
	for (i = 1; i < file->n_run; ++i)
		ck_assert_uint_lt(file->runs[i - 1]->begin,
				  file->runs[i]->begin);
}
END_TEST

static Suite *model_suite(void)
{
	Suite *s = suite_create("model");
	TCase *tc = tcase_create("frontend");

	tcase_add_checked_fixture(tc, &setup, &teardown);
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, test_runs);
	tcase_add_test(tc, test_matmul_nests);
	tcase_add_test(tc, test_matmul_accesses);
	tcase_add_test(tc, test_subst);
	tcase_add_test(tc, test_compound);
	tcase_add_test(tc, test_nonaffine_if_and_scalar);
	tcase_add_test(tc, test_decreasing);
	tcase_add_test(tc, test_step);
	tcase_add_test(tc, test_affine_if);
	tcase_add_test(tc, test_minmax_bounds);
	tcase_add_test(tc, test_params);
	tcase_add_test(tc, test_arrays);
	tcase_add_test(tc, test_opaque);
	tcase_add_test(tc, test_bases);
	tcase_add_test(tc, test_flat_subscripts);
	tcase_add_test(tc, test_iterator_uses);
	tcase_add_test(tc, test_iterator_used_before_run);
	tcase_add_test(tc, test_iterator_dead_after);
	tcase_add_test(tc, test_iterator_live_after);
	tcase_add_test(tc, test_comma_init);
	tcase_add_test(tc, test_constant_builtins);
	tcase_add_test(tc, test_runs_textual_order);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	SRunner *sr = srunner_create(model_suite());
	int failed;

	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
