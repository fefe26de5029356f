#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "lf_buf.h"
#include "lf_diff.h"

static char tmp_dir[64];
static char old_file[96];
static char new_file[96];

static void setup(void)
{
	strcpy(tmp_dir, "/tmp/lf_test_diff_XXXXXX");
	ck_assert_ptr_nonnull(mkdtemp(tmp_dir));
	snprintf(old_file, sizeof(old_file), "%s/old", tmp_dir);
	snprintf(new_file, sizeof(new_file), "%s/new", tmp_dir);
}

static void teardown(void)
{
	unlink(old_file);
	unlink(new_file);
	rmdir(tmp_dir);
}

static void write_file(const char *path, const char *text, size_t len)
{
	FILE *f = fopen(path, "wb");

	ck_assert_ptr_nonnull(f);
	ck_assert_uint_eq(fwrite(text, 1, len, f), len);
	ck_assert_int_eq(fclose(f), 0);
}

/* Return the output of "diff -u --label a/x --label b/x old new".
 */
static char *system_diff(const char *old_text, size_t old_len,
	const char *new_text, size_t new_len)
{
	char cmd[256];
	char chunk[4096];
	struct lf_buf out;
	FILE *p;
	size_t n;
	int status;

	write_file(old_file, old_text, old_len);
	write_file(new_file, new_text, new_len);
	snprintf(cmd, sizeof(cmd),
		"diff -u --label a/x --label b/x '%s' '%s'", old_file, new_file);
	p = popen(cmd, "r");
	ck_assert_ptr_nonnull(p);
	lf_buf_init(&out);
	while ((n = fread(chunk, 1, sizeof(chunk), p)) > 0)
		lf_buf_add(&out, chunk, n);
	status = pclose(p);
	ck_assert_msg(WIFEXITED(status) && WEXITSTATUS(status) <= 1,
		"diff failed with status %d", status);
	ck_assert_int_eq(WEXITSTATUS(status), old_len != new_len ||
		memcmp(old_text, new_text, old_len) != 0);
	lf_buf_add(&out, "", 0);
	return lf_buf_take(&out);
}

/* Check that lf_diff_unified prints exactly what GNU diff prints.
 */
static void check_like_diff(const char *old_text, size_t old_len,
	const char *new_text, size_t new_len)
{
	char *expected;
	char *got;

	expected = system_diff(old_text, old_len, new_text, new_len);
	ck_assert_ptr_nonnull(expected);
	got = lf_diff_unified("x", "x", old_text, old_len,
			new_text, new_len);
	ck_assert_ptr_nonnull(got);
	ck_assert_msg(strcmp(got, expected) == 0,
		"diff of\n%s\nand\n%s\nis\n%s\nnot\n%s",
		old_text, new_text, got, expected);
	free(expected);
	free(got);
}

static void check_like_diff_str(const char *old_text, const char *new_text)
{
	check_like_diff(old_text, strlen(old_text),
		new_text, strlen(new_text));
}

static void check_exact(const char *old_text, const char *new_text,
	const char *expected)
{
	char *got;

	got = lf_diff_unified("src/k.c", "src/k.c", old_text,
			strlen(old_text), new_text, strlen(new_text));
	ck_assert_ptr_nonnull(got);
	ck_assert_str_eq(got, expected);
	free(got);
}

/* Join the lines "l<from>" to "l<to - 1>", each ending in "eol".
 */
static void numbered_lines(struct lf_buf *buf, int from, int to,
	const char *eol)
{
	int i;

	for (i = from; i < to; ++i)
		lf_buf_printf(buf, "l%d%s", i, eol);
}

START_TEST(test_equal)
{
	char *got;

	got = lf_diff_unified("x", "x", "a\nb\n", 4, "a\nb\n", 4);
	ck_assert_ptr_nonnull(got);
	ck_assert_str_eq(got, "");
	free(got);
	got = lf_diff_unified("x", "x", NULL, 0, NULL, 0);
	ck_assert_ptr_nonnull(got);
	ck_assert_str_eq(got, "");
	free(got);
}
END_TEST

START_TEST(test_format)
{
	check_exact("a\nb\nc\n", "a\nB\nc\n",
		"--- a/src/k.c\n+++ b/src/k.c\n"
		"@@ -1,3 +1,3 @@\n a\n-b\n+B\n c\n");
	check_exact("a\n", "b\n",
		"--- a/src/k.c\n+++ b/src/k.c\n@@ -1 +1 @@\n-a\n+b\n");
	check_exact("", "a\n",
		"--- a/src/k.c\n+++ b/src/k.c\n@@ -0,0 +1 @@\n+a\n");
	check_exact("a\nb\n", "a\n",
		"--- a/src/k.c\n+++ b/src/k.c\n@@ -1,2 +1 @@\n a\n-b\n");
	check_exact("a", "a\n",
		"--- a/src/k.c\n+++ b/src/k.c\n@@ -1 +1 @@\n-a\n"
		"\\ No newline at end of file\n+a\n");
}
END_TEST

START_TEST(test_single_change)
{
	struct lf_buf a, b;

	lf_buf_init(&a);
	lf_buf_init(&b);
	numbered_lines(&a, 0, 20, "\n");
	numbered_lines(&b, 0, 10, "\n");
	lf_buf_add_str(&b, "changed\n");
	numbered_lines(&b, 11, 20, "\n");
	check_like_diff(a.data, a.len, b.data, b.len);
	lf_buf_free(&a);
	lf_buf_free(&b);
}
END_TEST

/* Changes 6 unchanged lines apart share a hunk, 7 lines apart do not.
 */
START_TEST(test_hunk_merging)
{
	int gap;

	for (gap = 4; gap <= 9; ++gap) {
		struct lf_buf a, b;

		lf_buf_init(&a);
		lf_buf_init(&b);
		numbered_lines(&a, 0, 30, "\n");
		numbered_lines(&b, 0, 10, "\n");
		lf_buf_add_str(&b, "X\n");
		numbered_lines(&b, 11, 11 + gap, "\n");
		lf_buf_add_str(&b, "Y\n");
		numbered_lines(&b, 12 + gap, 30, "\n");
		check_like_diff(a.data, a.len, b.data, b.len);
		lf_buf_free(&a);
		lf_buf_free(&b);
	}
}
END_TEST

START_TEST(test_distant_changes)
{
	check_like_diff_str(
		"a\nb\nc\nd\ne\nf\ng\nh\ni\nj\nk\nl\nm\nn\no\np\nq\nr\n",
		"a\nB\nc\nd\ne\nf\ng\nh\ni\nJ\nk\nl\nm\nn\no\np\nQ\nr\n");
}
END_TEST

START_TEST(test_start_and_end)
{
	check_like_diff_str("a\nb\nc\nd\ne\nf\ng\nh\n",
		"A\nb\nc\nd\ne\nf\ng\nh\n");
	check_like_diff_str("a\nb\nc\nd\ne\nf\ng\nh\n",
		"a\nb\nc\nd\ne\nf\ng\nH\n");
	check_like_diff_str("a\nb\nc\nd\ne\nf\ng\nh\n",
		"new\na\nb\nc\nd\ne\nf\ng\nh\nnew\n");
}
END_TEST

START_TEST(test_insert_only)
{
	check_like_diff_str("a\nb\nc\nd\ne\nf\ng\nh\n",
		"a\nb\nc\nd\nnew 1\nnew 2\ne\nf\ng\nh\n");
	check_like_diff_str("", "a\nb\n");
	check_like_diff_str("a\na\na\n", "a\na\na\na\na\n");
}
END_TEST

START_TEST(test_delete_only)
{
	check_like_diff_str("a\nb\nc\nd\ne\nf\ng\nh\n", "a\nb\nc\ng\nh\n");
	check_like_diff_str("a\nb\n", "");
	check_like_diff_str("a\nb\na\nb\na\nb\n", "a\nb\na\nb\n");
}
END_TEST

START_TEST(test_no_newline)
{
	check_like_diff_str("a\nb\nc", "a\nb\nc\n");
	check_like_diff_str("a\nb\nc\n", "a\nb\nc");
	check_like_diff_str("a\nb\nc", "a\nb\nd");
	check_like_diff_str("a\nb\nc", "a\nB\nc");
	check_like_diff_str("a\nb\nc\nd\ne\nf\ng\nh", "a\nB\nc\nd\ne\nf\ng\nh");
	check_like_diff_str("x", "");
	check_like_diff_str("", "x");
	check_like_diff_str("\n", "");
}
END_TEST

START_TEST(test_crlf)
{
	check_like_diff_str("a\r\nb\r\nc\r\n", "a\r\nB\r\nc\r\n");
	check_like_diff_str("a\r\nb\r\nc\r\n", "a\r\nb\nc\r\n");
	check_like_diff_str("a\r\nb\r\nc\r", "a\r\nb\r\nc\r\n");
	check_like_diff_str("a\r\n\xff\xfe\r\nc\r\n", "a\r\n\xc3(\r\nc\r\n");
}
END_TEST

/* A small deterministic generator, so that the inputs do not depend
 * on the C library's rand().
 */
static unsigned long long rng_state;

static unsigned rng_next(unsigned n)
{
	rng_state = rng_state * 6364136223846793005ULL + 1442695040888963407ULL;
	return (unsigned) ((rng_state >> 33) % n);
}

static void random_line(struct lf_buf *buf, unsigned alphabet)
{
	unsigned k = rng_next(alphabet);

	lf_buf_printf(buf, "line %u;%s", k, k % 7 == 3 ? "\r\n" : "\n");
}

static void random_text(struct lf_buf *buf, unsigned n, unsigned alphabet)
{
	unsigned i;

	for (i = 0; i < n; ++i)
		random_line(buf, alphabet);
}

/* Copy the lines of "from" into "to", randomly inserting, deleting
 * and replacing some.
 */
static void random_mutation(struct lf_buf *to, const struct lf_buf *from,
	unsigned alphabet, unsigned rate)
{
	size_t i = 0;

	while (i < from->len) {
		size_t end = i;
		unsigned r = rng_next(rate);

		while (from->data[end] != '\n')
			end++;
		end++;
		if (r == 0)
			random_line(to, alphabet);
		if (r != 1)
			lf_buf_add(to, from->data + i, end - i);
		if (r == 2)
			random_line(to, alphabet);
		i = end;
	}
	if (rng_next(rate) == 0)
		random_line(to, alphabet);
}

static void strip_newline(struct lf_buf *buf)
{
	if (rng_next(5) == 0 && buf->len > 0)
		buf->data[--buf->len] = '\0';
}

static void check_random(unsigned seed, unsigned max_lines,
	unsigned alphabet, unsigned rate)
{
	struct lf_buf a, b;

	rng_state = seed;
	lf_buf_init(&a);
	lf_buf_init(&b);
	random_text(&a, rng_next(max_lines + 1), alphabet);
	random_mutation(&b, &a, alphabet, rate);
	strip_newline(&a);
	strip_newline(&b);
	ck_assert(!a.failed && !b.failed);
	check_like_diff(a.data ? a.data : "", a.len,
		b.data ? b.data : "", b.len);
	lf_buf_free(&a);
	lf_buf_free(&b);
}

/* Small alphabets give many equally short diffs, so these check that
 * the same one as GNU diff is chosen.
 */
START_TEST(test_random_small)
{
	unsigned seed;

	for (seed = 1; seed <= 300; ++seed)
		check_random(seed, seed % 40, 2 + seed % 9, 2 + seed % 12);
}
END_TEST

START_TEST(test_random_large)
{
	unsigned seed;

	for (seed = 1; seed <= 12; ++seed)
		check_random(1000 + seed, 3000, seed % 2 ? 30 : 4000,
			seed % 3 ? 20 : 3);
}
END_TEST

/* Two unrelated texts over a tiny alphabet make the search give up
 * on a minimal diff; the fallback must also match GNU diff.
 */
START_TEST(test_too_expensive)
{
	struct lf_buf a, b;

	rng_state = 5;
	lf_buf_init(&a);
	lf_buf_init(&b);
	random_text(&a, 20000, 3);
	random_text(&b, 20000, 3);
	ck_assert(!a.failed && !b.failed);
	check_like_diff(a.data, a.len, b.data, b.len);
	lf_buf_free(&a);
	lf_buf_free(&b);
}
END_TEST

static Suite *diff_suite(void)
{
	Suite *s = suite_create("diff");
	TCase *tc = tcase_create("unified");
	TCase *random = tcase_create("random");

	tcase_add_checked_fixture(tc, &setup, &teardown);
	tcase_add_test(tc, test_equal);
	tcase_add_test(tc, test_format);
	tcase_add_test(tc, test_single_change);
	tcase_add_test(tc, test_hunk_merging);
	tcase_add_test(tc, test_distant_changes);
	tcase_add_test(tc, test_start_and_end);
	tcase_add_test(tc, test_insert_only);
	tcase_add_test(tc, test_delete_only);
	tcase_add_test(tc, test_no_newline);
	tcase_add_test(tc, test_crlf);
	suite_add_tcase(s, tc);
	tcase_add_checked_fixture(random, &setup, &teardown);
	tcase_set_timeout(random, 120);
	tcase_add_test(random, test_random_small);
	tcase_add_test(random, test_random_large);
	tcase_add_test(random, test_too_expensive);
	suite_add_tcase(s, random);
	return s;
}

int main(void)
{
	SRunner *sr = srunner_create(diff_suite());
	int failed;

	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
