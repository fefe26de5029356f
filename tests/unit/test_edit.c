/* SPDX-License-Identifier: MIT */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "lf_edit.h"

/* Apply the edits and check that the result is expected, with the
 * given length, NUL terminated.
 */
static void check_apply(const char *text, unsigned len, struct lf_edit *edits,
	int n_edit, const char *expected, unsigned expected_len)
{
	unsigned out_len = 12345;
	char *out;

	out = lf_edit_apply(text, len, edits, n_edit, &out_len);
	ck_assert_ptr_nonnull(out);
	ck_assert_uint_eq(out_len, expected_len);
	ck_assert_int_eq(memcmp(out, expected, expected_len), 0);
	ck_assert_int_eq(out[out_len], '\0');
	free(out);
}

static void check_fails(const char *text, struct lf_edit *edits, int n_edit)
{
	unsigned out_len = 0;

	ck_assert_ptr_null(lf_edit_apply(text, strlen(text), edits, n_edit,
				&out_len));
}

START_TEST(test_no_edits)
{
	check_apply("int x;\n", 7, NULL, 0, "int x;\n", 7);
	check_apply("", 0, NULL, 0, "", 0);
	check_apply(NULL, 0, NULL, 0, "", 0);
}
END_TEST

START_TEST(test_replace)
{
	struct lf_edit e[] = { { 4, 5, "yy" } };

	check_apply("int x;\n", 7, e, 1, "int yy;\n", 8);
}
END_TEST

START_TEST(test_insert_and_delete)
{
	struct lf_edit e[] = {
		{ 0, 0, "static " },
		{ 5, 6, NULL },
		{ 7, 7, "/* end */" },
	};

	check_apply("int x;\n", 7, e, 3, "static int x\n/* end */", 22);
}
END_TEST

/* The order of the given edits must not matter, and the array
 * must come back as it was given.
 */
START_TEST(test_unsorted)
{
	struct lf_edit e[] = {
		{ 9, 10, "C" },
		{ 0, 1, "A" },
		{ 4, 5, "B" },
	};

	check_apply("a...b....c.", 11, e, 3, "A...B....C.", 11);
	ck_assert_uint_eq(e[0].begin, 9);
	ck_assert_uint_eq(e[1].begin, 0);
	ck_assert_uint_eq(e[2].begin, 4);
}
END_TEST

START_TEST(test_adjacent)
{
	struct lf_edit e[] = {
		{ 2, 4, "Y" },
		{ 0, 2, "X" },
		{ 4, 6, "Z" },
	};

	check_apply("aabbcc", 6, e, 3, "XYZ", 3);
}
END_TEST

/* Insertions at one offset come in the given order and before
 * a replacement starting there.
 */
START_TEST(test_same_offset)
{
	struct lf_edit e[] = {
		{ 1, 2, "R" },
		{ 1, 1, "first " },
		{ 1, 1, "second " },
	};

	check_apply("abc", 3, e, 3, "afirst second Rc", 16);
}
END_TEST

START_TEST(test_whole_text)
{
	struct lf_edit e[] = { { 0, 3, "" } };
	struct lf_edit f[] = { { 3, 3, "d" } };

	check_apply("abc", 3, e, 1, "", 0);
	check_apply("abc", 3, f, 1, "abcd", 4);
}
END_TEST

/* Bytes outside the edits are copied as they are: CRLF, tabs,
 * invalid UTF-8 and high bytes.
 */
START_TEST(test_bytes_kept)
{
	const char text[] = "a\r\n\t\xff\xfe\xc3(\r\nend";
	const char expected[] = "a\r\n\tX\xfe\xc3(\r\nend";
	struct lf_edit e[] = { { 4, 5, "X" } };

	check_apply(text, sizeof(text) - 1, e, 1, expected,
		sizeof(expected) - 1);
}
END_TEST

START_TEST(test_overlap)
{
	struct lf_edit e1[] = { { 0, 3, "x" }, { 2, 4, "y" } };
	struct lf_edit e2[] = { { 2, 4, "y" }, { 0, 3, "x" } };
	struct lf_edit e3[] = { { 1, 3, "x" }, { 1, 3, "y" } };
	struct lf_edit e4[] = { { 0, 6, "x" }, { 2, 2, "y" } };

	check_fails("abcdef", e1, 2);
	check_fails("abcdef", e2, 2);
	check_fails("abcdef", e3, 2);
	check_fails("abcdef", e4, 2);
}
END_TEST

START_TEST(test_out_of_range)
{
	struct lf_edit past[] = { { 2, 7, "x" } };
	struct lf_edit after[] = { { 7, 7, "x" } };
	struct lf_edit reversed[] = { { 3, 2, "x" } };

	check_fails("abcdef", past, 1);
	check_fails("abcdef", after, 1);
	check_fails("abcdef", reversed, 1);
	check_fails("abcdef", past, -1);
}
END_TEST

/* Many scattered one-byte replacements given in reverse order.
 */
START_TEST(test_many)
{
	enum { N = 1000 };
	static struct lf_edit e[N];
	static char text[2 * N + 1];
	static char expected[2 * N + 1];
	int i;

	for (i = 0; i < N; ++i) {
		text[2 * i] = 'a';
		text[2 * i + 1] = '-';
		expected[2 * i] = 'b';
		expected[2 * i + 1] = '-';
		e[N - 1 - i].begin = 2 * i;
		e[N - 1 - i].end = 2 * i + 1;
		e[N - 1 - i].text = "b";
	}
	check_apply(text, 2 * N, e, N, expected, 2 * N);
}
END_TEST

static Suite *edit_suite(void)
{
	Suite *s = suite_create("edit");
	TCase *tc = tcase_create("apply");

	tcase_add_test(tc, test_no_edits);
	tcase_add_test(tc, test_replace);
	tcase_add_test(tc, test_insert_and_delete);
	tcase_add_test(tc, test_unsorted);
	tcase_add_test(tc, test_adjacent);
	tcase_add_test(tc, test_same_offset);
	tcase_add_test(tc, test_whole_text);
	tcase_add_test(tc, test_bytes_kept);
	tcase_add_test(tc, test_overlap);
	tcase_add_test(tc, test_out_of_range);
	tcase_add_test(tc, test_many);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	SRunner *sr = srunner_create(edit_suite());
	int failed;

	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
