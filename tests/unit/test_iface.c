/* SPDX-License-Identifier: MIT */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lf_iface.h"

/* The interface lf_iface gives of functions in small C files: what a
 * harness must allocate, fill and compare.
 */

static struct lf_iface *iface;

static void teardown(void)
{
	lf_iface_free(iface);
	iface = NULL;
}

/* Describe function "fn" of "text", parsed as the file "t.c"; the
 * result stays in "iface" and is freed by the fixture.
 */
static struct lf_iface *describe(const char *text, const char *fn)
{
	struct lf_frontend_options opt = { fn, 0, NULL, 0 };

	iface = lf_iface_parse("t.c", text, strlen(text), &opt, stderr);
	ck_assert_ptr_nonnull(iface);
	return iface;
}

static struct lf_iface_var *global(const char *name)
{
	int i;

	for (i = 0; i < iface->n_global; ++i)
		if (!strcmp(iface->globals[i].name, name))
			return &iface->globals[i];
	ck_abort_msg("no global %s", name);
	return NULL;
}

/* v has the extents "dims" (NULL for unknown), joined by ",". */
static void check_dims(const struct lf_iface_var *v, const char *dims)
{
	char buf[256] = "";
	int i;

	for (i = 0; i < v->n_dim; ++i) {
		if (i > 0)
			strcat(buf, ",");
		strcat(buf, v->dims[i] ? v->dims[i] : "?");
	}
	ck_assert_str_eq(buf, dims);
}

START_TEST(test_params)
{
	static const char text[] =
		"#define H 14\n"
		"typedef float real;\n"
		"long f(long n, int m, real a[restrict n + 2][2 * (m)],\n"
		"\tconst float b[n][H + 2], float *q, double (*p)[8],\n"
		"\tunsigned char u[4], float s)\n"
		"{\n"
		"\ta[0][0] = b[0][0] + q[0] + p[0][0] + u[0] + s;\n"
		"\treturn n;\n"
		"}\n";

	describe(text, "f");
	ck_assert_int_eq(iface->found, 1);
	ck_assert_int_eq(iface->n_param, 8);
	ck_assert_int_eq(iface->n_global, 0);
	ck_assert_str_eq(iface->result_type, "long");
	ck_assert_int_eq(iface->result, LF_IFACE_ELEM_SIGNED);
	check_dims(&iface->params[0], "");
	check_dims(&iface->params[2], "n + 2,2 * (m)");
	ck_assert_str_eq(iface->params[2].elem_type, "real");
	ck_assert_int_eq(iface->params[2].elem, LF_IFACE_ELEM_FLOAT);
	ck_assert_int_eq(iface->params[2].written, 1);
	check_dims(&iface->params[3], "n,16");
	ck_assert_int_eq(iface->params[3].is_const, 1);
	ck_assert_int_eq(iface->params[3].written, 0);
	check_dims(&iface->params[4], "?");
	ck_assert_int_eq(iface->params[4].written, 0);
	check_dims(&iface->params[5], "?,8");
	ck_assert_int_eq(iface->params[5].elem, LF_IFACE_ELEM_DOUBLE);
	check_dims(&iface->params[6], "4");
	ck_assert_int_eq(iface->params[6].elem, LF_IFACE_ELEM_UNSIGNED);
	ck_assert_int_eq(iface->params[7].elem, LF_IFACE_ELEM_FLOAT);
}
END_TEST

/* Globals come from the function and from the functions of the file it
 * calls; a variable of a system header (stdout) is not one of them.
 */
START_TEST(test_globals)
{
	static const char text[] =
		"#include <stdio.h>\n"
		"#define N 8\n"
		"static float in[N][N + 2], out[N];\n"
		"static const float w[3] = { 1, 2, 3 };\n"
		"int count;\n"
		"extern float ext[4];\n"
		"static void bump(void) { count++; }\n"
		"void f(void)\n"
		"{\n"
		"\tfor (int i = 0; i < N; i++)\n"
		"\t\tout[i] = in[i][0] * w[0] + ext[0];\n"
		"\tbump();\n"
		"\tfflush(stdout);\n"
		"}\n"
		"int main(void) { f(); return 0; }\n";

	describe(text, "f");
	ck_assert_int_eq(iface->defines_main, 1);
	ck_assert_ptr_null(iface->result_type);
	ck_assert_int_eq(iface->n_global, 5);
	check_dims(global("in"), "8,10");
	ck_assert_int_eq(global("in")->written, 0);
	ck_assert_int_eq(global("in")->has_init, 0);
	ck_assert_int_eq(global("in")->defined, 1);
	ck_assert_int_eq(global("out")->written, 1);
	ck_assert_int_eq(global("w")->has_init, 1);
	ck_assert_int_eq(global("w")->is_const, 1);
	check_dims(global("count"), "");
	ck_assert_int_eq(global("count")->written, 1);
	ck_assert_int_eq(global("ext")->defined, 0);
}
END_TEST

/* What may modify an array: writes through it, its address, and its
 * value going anywhere but to its elements.
 */
START_TEST(test_writes)
{
	static const char text[] =
		"void g(float *p);\n"
		"float a[4], b[4], c[4], d[4], e[4], x[4], y[4];\n"
		"float *pa;\n"
		"void f(float *restrict q, float *restrict r)\n"
		"{\n"
		"\t*q = x[1] + y[2] + sizeof(e);\n"
		"\ta[0]++;\n"
		"\tpa = b;\n"
		"\tg(&c[1]);\n"
		"\t*(d + 1) = 0;\n"
		"\t(void) r[0];\n"
		"}\n";

	describe(text, "f");
	ck_assert_int_eq(iface->params[0].written, 1);
	ck_assert_int_eq(iface->params[1].written, 0);
	ck_assert_int_eq(global("a")->written, 1);
	ck_assert_int_eq(global("b")->written, 1);
	ck_assert_int_eq(global("c")->written, 1);
	ck_assert_int_eq(global("d")->written, 1);
	ck_assert_int_eq(global("x")->written, 0);
	ck_assert_int_eq(global("y")->written, 0);
	ck_assert_int_eq(global("pa")->written, 1);
	ck_assert_int_eq(iface->n_global, 7);
}
END_TEST

START_TEST(test_not_found)
{
	describe("void g(void) { }\n", "f");
	ck_assert_int_eq(iface->found, 0);
	ck_assert_int_eq(iface->defines_main, 0);
}
END_TEST

static Suite *iface_suite(void)
{
	Suite *s = suite_create("iface");
	TCase *tc = tcase_create("iface");

	tcase_add_checked_fixture(tc, NULL, &teardown);
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, test_params);
	tcase_add_test(tc, test_globals);
	tcase_add_test(tc, test_writes);
	tcase_add_test(tc, test_not_found);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	SRunner *sr = srunner_create(iface_suite());
	int failed;

	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
