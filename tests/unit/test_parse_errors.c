/* SPDX-License-Identifier: MIT */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <isl/ctx.h>

#include "lf_frontend.h"
#include "lf_model.h"

/* clang's errors as the front end keeps them for an editor: every one,
 * with its place in the text. */

static isl_ctx *ctx;
static struct lf_parse_errors errors;

static void setup(void)
{
	ctx = isl_ctx_alloc();
	memset(&errors, 0, sizeof(errors));
	errors.collect = 1;
}

static void teardown(void)
{
	lf_parse_errors_clear(&errors);
	isl_ctx_free(ctx);
	ctx = NULL;
}

/* Parse "text" as "t.c" with the compiler arguments argv; it must not
 * parse.
 */
static void parse_fails(const char *text, int argc, const char **argv)
{
	struct lf_frontend_options opt = { NULL, argc, argv, 0 };
	struct lf_file *file;

	file = lf_frontend_parse_errors(ctx, "t.c", text, strlen(text), &opt,
					&errors);
	ck_assert_ptr_null(file);
	ck_assert_int_eq(errors.failed, 0);
}

START_TEST(test_error_offsets)
{
	const char *text = "int f(void)\n{\n\treturn x;\n}\nint g(void) "
			   "{ return 1 }\n";

	parse_fails(text, 0, NULL);
	ck_assert_int_eq(errors.n, 2);
	ck_assert(errors.list[0].in_main);
	ck_assert_uint_eq(errors.list[0].begin,
			  strstr(text, "x;") - text);
	ck_assert_str_eq(errors.list[0].message,
			 "use of undeclared identifier 'x'");
	ck_assert(errors.list[1].in_main);
	ck_assert_uint_eq(errors.list[1].begin, strstr(text, " }") - text);
	ck_assert_ptr_null(errors.list[1].file);
}

/* An error that the main file's text does not show: a header named
 * by a compiler argument that does not exist.
 */
END_TEST

START_TEST(test_error_elsewhere)
{
	const char *argv[] = { "-include", "lf-no-such-header.h" };

	parse_fails("int x;\n", 2, argv);
	ck_assert_int_eq(errors.n, 1);
	ck_assert_int_eq(errors.list[0].in_main, 0);
	ck_assert_ptr_null(errors.list[0].file);
	ck_assert_str_eq(errors.list[0].message,
			 "'lf-no-such-header.h' file not found");
}

/* Every error is kept, past the five that are printed.
 */
END_TEST

START_TEST(test_error_limit)
{
	char text[8192] = "";
	int i;

	for (i = 0; i < 12; ++i)
		sprintf(text + strlen(text), "int f%c(void) { return y; }\n",
			'a' + i);
	parse_fails(text, 0, NULL);
	ck_assert_int_eq(errors.n, 12);
	ck_assert_int_eq(errors.dropped, 0);
	ck_assert_uint_eq(errors.list[11].begin, 11 * 27 + 22);
}
END_TEST

static Suite *parse_errors_suite(void)
{
	Suite *s = suite_create("parse_errors");
	TCase *tc = tcase_create("frontend");

	tcase_add_checked_fixture(tc, &setup, &teardown);
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, test_error_offsets);
	tcase_add_test(tc, test_error_elsewhere);
	tcase_add_test(tc, test_error_limit);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	SRunner *sr = srunner_create(parse_errors_suite());
	int failed;

	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
