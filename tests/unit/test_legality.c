/* SPDX-License-Identifier: MIT */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <isl/ctx.h>
#include <isl/map.h>
#include <isl/union_map.h>

#include "lf_deps.h"
#include "lf_frontend.h"
#include "lf_legality.h"
#include "lf_model.h"

/* Dependences of parsed runs, and the legality of schedules for them. */

static isl_ctx *ctx;
static struct lf_file *file;
static struct lf_deps *deps;

static void setup(void)
{
	ctx = isl_ctx_alloc();
	file = NULL;
	deps = NULL;
}

static void teardown(void)
{
	lf_deps_free(deps);
	lf_file_free(file);
	isl_ctx_free(ctx);
}

/* Parse "text" and return its only run. */
static struct lf_run *parse_run(const char *text)
{
	struct lf_frontend_options opt = { NULL, 0, NULL, 0 };

	file = lf_frontend_parse(ctx, "t.c", text, strlen(text), &opt, stderr);
	ck_assert_ptr_nonnull(file);
	ck_assert_int_eq(file->n_run, 1);
	return file->runs[0];
}

static struct lf_deps *compute(struct lf_run *run, int assume_no_alias)
{
	lf_deps_free(deps);
	deps = lf_deps_compute(run, assume_no_alias ? LF_ALIAS_NONE :
			       LF_ALIAS_DEPS, NULL);
	ck_assert_ptr_nonnull(deps);
	return deps;
}

static void check_umap(__isl_keep isl_union_map *umap, const char *expected)
{
	isl_union_map *exp = isl_union_map_read_from_str(ctx, expected);
	isl_bool eq;
	char *str;

	ck_assert_ptr_nonnull(umap);
	ck_assert_msg(exp != NULL, "bad expected map %s", expected);
	eq = isl_union_map_is_equal(umap, exp);
	isl_union_map_free(exp);
	if (eq == isl_bool_true)
		return;
	str = isl_union_map_to_str(umap);
	ck_assert_msg(0, "%s, expected %s", str, expected);
	free(str);
}

/* Compare under the run's context: "N - 1" is folded to its value. */
static void check_umap_ctx(struct lf_run *run, __isl_keep isl_union_map *umap,
	const char *expected)
{
	isl_union_map *exp = isl_union_map_read_from_str(ctx, expected);
	isl_union_map *act = isl_union_map_copy(umap);
	isl_bool eq;
	char *str;

	ck_assert_msg(exp != NULL, "bad expected map %s", expected);
	exp = isl_union_map_intersect_params(exp, isl_set_copy(run->context));
	act = isl_union_map_intersect_params(act, isl_set_copy(run->context));
	eq = isl_union_map_is_equal(act, exp);
	isl_union_map_free(exp);
	if (eq == isl_bool_true) {
		isl_union_map_free(act);
		return;
	}
	str = isl_union_map_to_str(act);
	ck_assert_msg(0, "%s, expected %s", str, expected);
	free(str);
}

static void check_empty(__isl_keep isl_union_map *umap)
{
	char *str;

	ck_assert_ptr_nonnull(umap);
	if (isl_union_map_is_empty(umap) == isl_bool_true)
		return;
	str = isl_union_map_to_str(umap);
	ck_assert_msg(0, "%s, expected empty", str);
	free(str);
}

static isl_union_map *read_sched(const char *str)
{
	isl_union_map *sched = isl_union_map_read_from_str(ctx, str);

	ck_assert_msg(sched != NULL, "bad schedule %s", str);
	return sched;
}

/* lf_legality_check of the schedule given as a string. */
static int check_schedule(const char *str, struct lf_witness *witness)
{
	isl_union_map *sched = read_sched(str);
	int r;

	r = lf_legality_check(deps, sched, witness);
	isl_union_map_free(sched);
	return r;
}

static int permutable(const char *str, const int *dims, int n)
{
	isl_union_map *sched = read_sched(str);
	int r;

	r = lf_legality_permutable(deps, sched, dims, n);
	isl_union_map_free(sched);
	return r;
}

static const char producer_consumer_src[] =
	"#define N 1024\n"
	"static float a[N], b[N], c[N];\n"
	"void f(void)\n"
	"{\n"
	"\tfor (int i = 0; i < N; i++)\n"
	"\t\tb[i] = a[i] * 2.0f;\n"
	"\tfor (int i = 0; i < N; i++)\n"
	"\t\tc[i] = b[i] + 1.0f;\n"
	"}\n";

/* b[i] flows from S0[i] to S1[i]; nothing else depends. */
START_TEST(test_flow)
{
	struct lf_run *run = parse_run(producer_consumer_src);

	compute(run, 0);
	check_umap_ctx(run, deps->untagged[LF_DEP_FLOW],
		   "[N] -> { S0[i] -> S1[i] : 0 <= i < N }");
	/* Tagged: the write b[i] (access 0) to the read b[i] (access 3). */
	ck_assert_str_eq(run->accesses[0].text, "b[i]");
	ck_assert_str_eq(run->accesses[3].text, "b[i]");
	check_umap_ctx(run, deps->tagged[LF_DEP_FLOW],
		   "[N] -> { [S0[i] -> R0[]] -> [S1[i] -> R3[]] : 0 <= i < N }");
	check_empty(deps->untagged[LF_DEP_ANTI]);
	check_empty(deps->untagged[LF_DEP_OUTPUT]);
	check_empty(deps->untagged[LF_DEP_ALIAS]);
	check_umap(deps->schedule, "[N] -> { S0[i] -> [0, i, 0] : 0 <= i < N; "
		   "S1[i] -> [1, i, 0] : 0 <= i < N }");
}
END_TEST

/* The original order is legal; so is fusing the producer and the
 * consumer in the same iteration, but not putting the consumer first.
 */
START_TEST(test_original_and_fused)
{
	struct lf_run *run = parse_run(producer_consumer_src);
	struct lf_witness w = { 0, -1, -1, NULL };

	compute(run, 0);
	ck_assert_int_eq(lf_legality_check(deps, deps->schedule, &w), 1);
	ck_assert_ptr_null(w.dep);
	ck_assert_int_eq(check_schedule("[N] -> { S0[i] -> [0, i, 0]; "
					"S1[i] -> [0, i, 1] }", NULL), 1);
	ck_assert_int_eq(check_schedule("[N] -> { S0[i] -> [0, i, 1]; "
					"S1[i] -> [0, i, 0] }", &w), 0);
	ck_assert_int_eq(w.kind, LF_DEP_FLOW);
	ck_assert_int_eq(w.source, 0);
	ck_assert_int_eq(w.sink, 3);
	lf_witness_clear(&w);
}
END_TEST

/* Fusing energy[i] = ... with a consumer of energy[N - 1 - i]: the
 * second half of the consumer would read values not yet written.
 */
START_TEST(test_reversed_read)
{
	static const char src[] =
		"#define N 4096\n"
		"static float x[N], energy[N], mirrored[N];\n"
		"void f(void)\n"
		"{\n"
		"\tfor (int i = 0; i < N; i++)\n"
		"\t\tenergy[i] = x[i] * x[i];\n"
		"\tfor (int i = 0; i < N; i++)\n"
		"\t\tmirrored[i] = energy[N - 1 - i] - x[i];\n"
		"}\n";
	struct lf_run *run = parse_run(src);
	struct lf_witness w = { 0, -1, -1, NULL };
	isl_map *exp;

	compute(run, 0);
	check_umap_ctx(run, deps->untagged[LF_DEP_FLOW],
		       "[N] -> { S0[i] -> S1[N - 1 - i] : 0 <= i < N }");
	ck_assert_int_eq(lf_legality_check(deps, deps->schedule, NULL), 1);
	ck_assert_int_eq(check_schedule("[N] -> { S0[i] -> [0, i, 0]; "
					"S1[i] -> [0, i, 1] }", &w), 0);
	ck_assert_int_eq(w.kind, LF_DEP_FLOW);
	ck_assert_int_ge(w.source, 0);
	ck_assert_int_lt(w.source, run->n_access);
	ck_assert_int_ge(w.sink, 0);
	ck_assert_int_lt(w.sink, run->n_access);
	ck_assert_str_eq(run->accesses[w.source].text, "energy[i]");
	ck_assert_int_eq(run->accesses[w.source].kind, LF_ACCESS_MUST_WRITE);
	ck_assert_str_eq(run->accesses[w.sink].text, "energy[N - 1 - i]");
	ck_assert_int_eq(run->accesses[w.sink].kind, LF_ACCESS_READ);
	/* The violated part: sources in the second half of the range. */
	ck_assert_ptr_nonnull(w.dep);
	exp = isl_map_read_from_str(ctx, "[N] -> { S0[i] -> S1[N - 1 - i] : "
				    "0 <= i < N and 2i >= N }");
	exp = isl_map_intersect_params(exp, isl_set_copy(run->context));
	w.dep = isl_map_intersect_params(w.dep, isl_set_copy(run->context));
	ck_assert_int_eq(isl_map_is_equal(w.dep, exp), isl_bool_true);
	isl_map_free(exp);
	lf_witness_clear(&w);
	ck_assert_ptr_null(w.dep);
	/* Running the consumer backwards makes the fusion legal (the
	 * model folds the constant N - 1 of the subscript to 4095).
	 */
	ck_assert_int_eq(check_schedule("[N] -> { S0[i] -> [0, i, 0]; "
					"S1[i] -> [0, 4095 - i, 1] }", NULL), 1);
}
END_TEST

/* A reduction into a scalar: the consumer must see the final sum; the
 * anti dependence of the sum's reads on its own writes shows too.
 */
START_TEST(test_scalar_reduction)
{
	static const char src[] =
		"float g(int n, float *restrict a, float s)\n"
		"{\n"
		"\tfor (int i = 0; i < n; i++)\n"
		"\t\ts += a[i];\n"
		"\tfor (int i = 0; i < n; i++)\n"
		"\t\ta[i] = s;\n"
		"\treturn s;\n"
		"}\n";
	struct lf_run *run = parse_run(src);
	struct lf_witness w = { 0, -1, -1, NULL };

	compute(run, 0);
	check_umap_ctx(run, deps->untagged[LF_DEP_FLOW],
		   "[n] -> { S0[i] -> S0[i + 1] : 0 <= i < n - 1; "
		   "S0[n - 1] -> S1[j] : 0 <= j < n }");
	check_umap_ctx(run, deps->untagged[LF_DEP_ANTI],
		   "[n] -> { S0[i] -> S0[i + 1] : 0 <= i < n - 1; "
		   "S0[i] -> S1[i] : 0 <= i < n }");
	check_umap_ctx(run, deps->untagged[LF_DEP_OUTPUT],
		   "[n] -> { S0[i] -> S0[i + 1] : 0 <= i < n - 1 }");
	ck_assert_int_eq(check_schedule("[n] -> { S0[i] -> [0, i, 0]; "
					"S1[i] -> [0, i, 1] }", &w), 0);
	ck_assert_int_eq(w.kind, LF_DEP_FLOW);
	ck_assert_str_eq(run->accesses[w.source].text, "s");
	ck_assert_int_eq(run->accesses[w.source].kind, LF_ACCESS_MUST_WRITE);
	ck_assert_str_eq(run->accesses[w.sink].text, "s");
	ck_assert_int_eq(run->accesses[w.sink].stmt, 1);
	lf_witness_clear(&w);
}
END_TEST

/* An overwrite that a fusion would reorder: output dependence. */
START_TEST(test_output)
{
	static const char src[] =
		"#define N 64\n"
		"static float a[N];\n"
		"void f(void)\n"
		"{\n"
		"\tfor (int i = 0; i < N; i++)\n"
		"\t\ta[i] = 1.0f;\n"
		"\tfor (int i = 0; i < N; i++)\n"
		"\t\ta[N - 1 - i] = 2.0f;\n"
		"}\n";
	struct lf_run *run = parse_run(src);
	struct lf_witness w = { 0, -1, -1, NULL };

	compute(run, 0);
	check_empty(deps->untagged[LF_DEP_FLOW]);
	check_empty(deps->untagged[LF_DEP_ANTI]);
	check_umap_ctx(run, deps->untagged[LF_DEP_OUTPUT],
		       "[N] -> { S0[i] -> S1[N - 1 - i] : 0 <= i < N }");
	ck_assert_int_eq(check_schedule("[N] -> { S0[i] -> [0, i, 0]; "
					"S1[i] -> [0, i, 1] }", &w), 0);
	ck_assert_int_eq(w.kind, LF_DEP_OUTPUT);
	ck_assert_str_eq(run->accesses[w.source].text, "a[i]");
	ck_assert_str_eq(run->accesses[w.sink].text, "a[N - 1 - i]");
	lf_witness_clear(&w);
}
END_TEST

static const char alias_src[] =
	"void f(int n, float *a, float *b)\n"
	"{\n"
	"\tfor (int i = 0; i < n; i++)\n"
	"\t\ta[i] = 1.0f;\n"
	"\tfor (int i = 0; i < n; i++)\n"
	"\t\tb[i] = 2.0f;\n"
	"}\n";

/* Two pointer parameters without restrict may overlap: every pair of
 * their accesses of which one writes is an alias dependence.
 */
START_TEST(test_alias)
{
	struct lf_run *run = parse_run(alias_src);
	struct lf_witness w = { 0, -1, -1, NULL };

	ck_assert_int_eq(lf_deps_may_alias(&run->arrays[0], &run->arrays[1]),
			 1);
	compute(run, 0);
	check_empty(deps->untagged[LF_DEP_FLOW]);
	check_empty(deps->untagged[LF_DEP_OUTPUT]);
	check_umap_ctx(run, deps->untagged[LF_DEP_ALIAS],
		   "[n] -> { S0[i] -> S1[j] : 0 <= i < n and 0 <= j < n }");
	ck_assert_int_eq(lf_legality_check(deps, deps->schedule, NULL), 1);
	ck_assert_int_eq(check_schedule("[n] -> { S0[i] -> [0, i, 0]; "
					"S1[i] -> [0, i, 1] }", &w), 0);
	ck_assert_int_eq(w.kind, LF_DEP_ALIAS);
	ck_assert_str_eq(run->accesses[w.source].text, "a[i]");
	ck_assert_str_eq(run->accesses[w.sink].text, "b[i]");
	lf_witness_clear(&w);

	compute(run, 1);
	check_empty(deps->untagged[LF_DEP_ALIAS]);
	ck_assert_int_eq(check_schedule("[n] -> { S0[i] -> [0, i, 0]; "
					"S1[i] -> [0, i, 1] }", NULL), 1);
}
END_TEST

START_TEST(test_alias_restrict)
{
	static const char src[] =
		"void f(int n, float *restrict a, float *restrict b)\n"
		"{\n"
		"\tfor (int i = 0; i < n; i++)\n"
		"\t\ta[i] = 1.0f;\n"
		"\tfor (int i = 0; i < n; i++)\n"
		"\t\tb[i] = 2.0f;\n"
		"}\n";
	struct lf_run *run = parse_run(src);

	ck_assert_int_eq(lf_deps_may_alias(&run->arrays[0], &run->arrays[1]),
			 0);
	compute(run, 0);
	check_empty(deps->untagged[LF_DEP_ALIAS]);
	ck_assert_int_eq(check_schedule("[n] -> { S0[i] -> [0, i, 0]; "
					"S1[i] -> [0, i, 1] }", NULL), 1);
}
END_TEST

/* A pointer parameter may point into a global; two reads never
 * conflict.
 */
START_TEST(test_alias_global)
{
	static const char src[] =
		"float g[100];\n"
		"void f(int n, float *p, float *q, float *restrict r)\n"
		"{\n"
		"\tfor (int i = 0; i < n; i++)\n"
		"\t\tg[i] = p[i];\n"
		"\tfor (int i = 0; i < n; i++)\n"
		"\t\tr[i] = q[i];\n"
		"}\n";
	struct lf_run *run = parse_run(src);

	compute(run, 0);
	/* g written by S0 against p read by S0 and q read by S1, in
	 * the original order; r is restrict, and p and q are only read.
	 */
	check_umap_ctx(run, deps->untagged[LF_DEP_ALIAS],
		   "[n] -> { S0[i] -> S0[j] : 0 <= i < j < n; "
		   "S0[i] -> S1[j] : 0 <= i < n and 0 <= j < n }");
	compute(run, 1);
	check_empty(deps->untagged[LF_DEP_ALIAS]);
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

/* matmul + relu fused at i and j: legal, and i and j form a permutable
 * band; fused at i only with relu's j loop first it is not legal.
 */
START_TEST(test_matmul_relu_band)
{
	static const char fused[] =
		"[N] -> { S0[i, j] -> [0, i, 0, j, 0, 0, 0]; "
		"S1[i, j, k] -> [0, i, 0, j, 1, k, 0]; "
		"S2[i, j] -> [0, i, 0, j, 2, 0, 0] }";
	static const int band[] = { 1, 3 };
	struct lf_run *run = parse_run(matmul_src);
	struct lf_witness w = { 0, -1, -1, NULL };

	compute(run, 0);
	check_umap_ctx(run, deps->untagged[LF_DEP_FLOW],
		   "[N] -> { S0[i, j] -> S1[i, j, 0] : 0 <= i < N and "
		   "0 <= j < N; S1[i, j, k] -> S1[i, j, k + 1] : 0 <= i < N "
		   "and 0 <= j < N and 0 <= k < N - 1; S1[i, j, N - 1] -> "
		   "S2[i, j] : 0 <= i < N and 0 <= j < N }");
	ck_assert_int_eq(lf_legality_check(deps, deps->schedule, NULL), 1);
	ck_assert_int_eq(check_schedule(fused, NULL), 1);
	ck_assert_int_eq(permutable(fused, band, 2), 1);
	/* relu before the k loop in the fused body: it reads C too early. */
	ck_assert_int_eq(check_schedule(
		"[N] -> { S0[i, j] -> [0, i, 0, j, 1, 0, 0]; "
		"S1[i, j, k] -> [0, i, 0, j, 2, k, 0]; "
		"S2[i, j] -> [0, i, 0, j, 0, 0, 0] }", &w), 0);
	ck_assert_int_eq(w.kind, LF_DEP_FLOW);
	ck_assert_str_eq(run->accesses[w.source].text, "C[i][j]");
	ck_assert_int_eq(run->accesses[w.source].stmt, 1);
	ck_assert_int_eq(run->accesses[w.source].kind, LF_ACCESS_MUST_WRITE);
	ck_assert_str_eq(run->accesses[w.sink].text, "C[i][j]");
	ck_assert_int_eq(run->accesses[w.sink].stmt, 2);
	ck_assert_int_eq(run->accesses[w.sink].kind, LF_ACCESS_READ);
	lf_witness_clear(&w);
}
END_TEST

/* a[i][j] = a[i - 1][j + 1]: distance (1, -1).  Loop i alone is a
 * band; i and j together are not permutable.
 */
START_TEST(test_not_permutable)
{
	static const char src[] =
		"#define N 64\n"
		"static float a[N][N];\n"
		"void f(void)\n"
		"{\n"
		"\tfor (int i = 1; i < N; i++)\n"
		"\t\tfor (int j = 0; j < N - 1; j++)\n"
		"\t\t\ta[i][j] = a[i - 1][j + 1];\n"
		"}\n";
	static const int both[] = { 1, 3 }, outer[] = { 1 }, inner[] = { 3 };
	struct lf_run *run = parse_run(src);
	isl_union_map *sched;

	compute(run, 0);
	check_umap_ctx(run, deps->untagged[LF_DEP_FLOW],
		       "[N] -> { S0[i, j] -> S0[i + 1, j - 1] : 1 <= i < N - 1 "
		       "and 1 <= j < N - 1 }");
	sched = isl_union_map_copy(deps->schedule);
	ck_assert_int_eq(lf_legality_permutable(deps, sched, both, 2), 0);
	ck_assert_int_eq(lf_legality_permutable(deps, sched, outer, 1), 1);
	/* Inside one i iteration nothing depends: j alone is fine. */
	ck_assert_int_eq(lf_legality_permutable(deps, sched, inner, 1), 1);
	isl_union_map_free(sched);
	/* Interchanged loops violate the dependence. */
	ck_assert_int_eq(check_schedule("[N] -> { S0[i, j] -> "
					"[0, j, 0, i, 0] }", NULL), 0);
	/* Skewed by i, the band becomes permutable. */
	ck_assert_int_eq(permutable("[N] -> { S0[i, j] -> "
				    "[0, i, 0, i + j, 0] }", both, 2), 1);
}
END_TEST

/* The context fixes N: dependences that exist only for other values
 * of N do not count.  Here N = 64 and a[i + 64] is never written by the
 * first loop, so fusing the two loops is legal.
 */
START_TEST(test_context_respected)
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
	struct lf_run *run = parse_run(src);

	compute(run, 0);
	check_umap_ctx(run, deps->untagged[LF_DEP_FLOW], "[N] -> { }");
	ck_assert_int_eq(check_schedule("[N] -> { S0[i] -> [0, i, 0]; "
					"S1[i] -> [0, i, 1] }", NULL), 1);
}
END_TEST

static Suite *legality_suite(void)
{
	Suite *s = suite_create("legality");
	TCase *tc = tcase_create("deps");

	tcase_add_checked_fixture(tc, &setup, &teardown);
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, test_flow);
	tcase_add_test(tc, test_original_and_fused);
	tcase_add_test(tc, test_reversed_read);
	tcase_add_test(tc, test_scalar_reduction);
	tcase_add_test(tc, test_output);
	tcase_add_test(tc, test_alias);
	tcase_add_test(tc, test_alias_restrict);
	tcase_add_test(tc, test_alias_global);
	tcase_add_test(tc, test_matmul_relu_band);
	tcase_add_test(tc, test_not_permutable);
	tcase_add_test(tc, test_context_respected);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	SRunner *sr = srunner_create(legality_suite());
	int failed;

	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
