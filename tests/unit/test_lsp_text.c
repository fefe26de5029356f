/* SPDX-License-Identifier: MIT */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "lf_lsp_text.h"

/* Positions in a document as the protocol counts them (lines, and code
 * units of the agreed encoding) and byte offsets, both ways.
 */

static struct lf_lsp_text t;

static void setup(void)
{
	memset(&t, 0, sizeof(t));
}

static void teardown(void)
{
	lf_lsp_text_clear(&t);
}

static void set(const char *text)
{
	ck_assert_int_eq(lf_lsp_text_set(&t, text, strlen(text)), 0);
}

static size_t offset(enum lf_lsp_encoding enc, unsigned long line,
	unsigned long character)
{
	struct lf_lsp_pos pos = { line, character };

	return lf_lsp_text_offset(&t, enc, pos);
}

/* The position of byte "off" must be (line, character), and back. */
static void check_both(enum lf_lsp_encoding enc, size_t off,
	unsigned long line, unsigned long character)
{
	struct lf_lsp_pos pos = lf_lsp_text_position(&t, enc, off);

	ck_assert_uint_eq(pos.line, line);
	ck_assert_uint_eq(pos.character, character);
	ck_assert_uint_eq(offset(enc, line, character), off);
}

/* "a", U+10400 (4 bytes, a surrogate pair in UTF-16), "b". */
START_TEST(test_astral)
{
	set("x\na\xf0\x90\x90\x80" "b\n");
	check_both(LF_LSP_UTF16, 7, 1, 3);
	check_both(LF_LSP_UTF8, 7, 1, 5);
	check_both(LF_LSP_UTF32, 7, 1, 2);
	check_both(LF_LSP_UTF16, 3, 1, 1);
	/* Half a surrogate pair, or a byte inside the sequence, is the
	 * start of the character. */
	ck_assert_uint_eq(offset(LF_LSP_UTF16, 1, 2), 3);
	ck_assert_uint_eq(lf_lsp_text_position(&t, LF_LSP_UTF16, 5).character,
			  1);
}
END_TEST

/* Two- and three-byte characters are one UTF-16 unit each. */
START_TEST(test_bmp)
{
	set("/* \xc3\xa9t\xc3\xa9 \xe2\x82\xac */ int x;");
	check_both(LF_LSP_UTF16, strlen("/* \xc3\xa9t\xc3\xa9 \xe2\x82\xac */ "),
		   0, 12);
	check_both(LF_LSP_UTF32, 12, 0, 8);
	check_both(LF_LSP_UTF8, 12, 0, 12);
	/* A byte inside the euro sign is the start of it. */
	ck_assert_uint_eq(lf_lsp_text_position(&t, LF_LSP_UTF32, 10).character,
			  7);
}
END_TEST

/* "\r\n" is one line break, a lone "\r" another; a character past the
 * end of a line is its end, before the break. */
START_TEST(test_line_ends)
{
	set("ab\r\ncd\ref\ngh");
	ck_assert_uint_eq(t.n_line, 4);
	check_both(LF_LSP_UTF16, 4, 1, 0);
	check_both(LF_LSP_UTF16, 7, 2, 0);
	check_both(LF_LSP_UTF16, 10, 3, 0);
	ck_assert_uint_eq(offset(LF_LSP_UTF16, 0, 99), 2);
	ck_assert_uint_eq(offset(LF_LSP_UTF16, 1, 99), 6);
	ck_assert_uint_eq(offset(LF_LSP_UTF16, 2, 99), 9);
	ck_assert_uint_eq(offset(LF_LSP_UTF16, 3, 99), 12);
	ck_assert_uint_eq(offset(LF_LSP_UTF16, 9, 0), 12);
	check_both(LF_LSP_UTF16, 12, 3, 2);
}
END_TEST

/* A text that ends in a line break has an empty last line. */
START_TEST(test_last_line)
{
	set("a\n");
	ck_assert_uint_eq(t.n_line, 2);
	check_both(LF_LSP_UTF16, 2, 1, 0);
	set("");
	ck_assert_uint_eq(t.n_line, 1);
	check_both(LF_LSP_UTF8, 0, 0, 0);
}
END_TEST

/* A byte that is no valid UTF-8 counts as one character. */
START_TEST(test_invalid_utf8)
{
	set("\xff\xc3(\xed\xa0\x80z");
	check_both(LF_LSP_UTF16, 6, 0, 6);
	check_both(LF_LSP_UTF32, 2, 0, 2);
}
END_TEST

/* Replacing a range keeps the lines in step. */
START_TEST(test_replace)
{
	set("int a;\r\nint b;\r\n");
	ck_assert_int_eq(lf_lsp_text_replace(&t, offset(LF_LSP_UTF16, 0, 4),
		offset(LF_LSP_UTF16, 1, 5), "x;\r\n\r\nint y", 11), 0);
	ck_assert_str_eq(t.text, "int x;\r\n\r\nint y;\r\n");
	ck_assert_uint_eq(t.n_line, 4);
	check_both(LF_LSP_UTF16, 10, 2, 0);
	ck_assert_int_eq(lf_lsp_text_replace(&t, 5, 3, "", 0), -1);
	ck_assert_int_eq(lf_lsp_text_replace(&t, 0, 99, "", 0), -1);
	ck_assert_int_eq(lf_lsp_text_replace(&t, 0, t.len, "", 0), 0);
	ck_assert_uint_eq(t.len, 0);
	ck_assert_uint_eq(t.n_line, 1);
}
END_TEST

static Suite *lsp_text_suite(void)
{
	Suite *s = suite_create("lsp_text");
	TCase *tc = tcase_create("positions");

	tcase_add_checked_fixture(tc, &setup, &teardown);
	tcase_add_test(tc, test_astral);
	tcase_add_test(tc, test_bmp);
	tcase_add_test(tc, test_line_ends);
	tcase_add_test(tc, test_last_line);
	tcase_add_test(tc, test_invalid_utf8);
	tcase_add_test(tc, test_replace);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	SRunner *sr = srunner_create(lsp_text_suite());
	int failed;

	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
