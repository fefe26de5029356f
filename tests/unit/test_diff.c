/* SPDX-License-Identifier: MIT */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "lf_buf.h"
#include "lf_diff.h"

/* Every diff is checked three ways: GNU patch must turn the old text into
 * the new one with it, exactly where its hunks say; it must change as few
 * lines as a shortest diff; and its hunks must have the layout of diff -u.
 * Where the expected text is not spelled out, it must also be what
 * "diff -u" prints.
 */

static char tmp_dir[64];
static char old_file[96];
static char new_file[96];
static char patch_file[96];
static char out_file[96];

static void setup(void)
{
	strcpy(tmp_dir, "/tmp/lf_test_diff_XXXXXX");
	ck_assert_ptr_nonnull(mkdtemp(tmp_dir));
	snprintf(old_file, sizeof(old_file), "%s/old", tmp_dir);
	snprintf(new_file, sizeof(new_file), "%s/new", tmp_dir);
	snprintf(patch_file, sizeof(patch_file), "%s/patch", tmp_dir);
	snprintf(out_file, sizeof(out_file), "%s/out", tmp_dir);
}

static void teardown(void)
{
	unlink(old_file);
	unlink(new_file);
	unlink(patch_file);
	unlink(out_file);
	rmdir(tmp_dir);
}

static void write_file(const char *path, const char *text, size_t len)
{
	FILE *f = fopen(path, "wb");

	ck_assert_ptr_nonnull(f);
	ck_assert_uint_eq(fwrite(text, 1, len, f), len);
	ck_assert_int_eq(fclose(f), 0);
}

/* Add what the stream "f" reads to out.
 */
static void read_stream(FILE *f, struct lf_buf *out)
{
	char chunk[4096];
	size_t n;

	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
		lf_buf_add(out, chunk, n);
}

/* Run cmd and return its standard output and error, NUL terminated,
 * and its exit status in *status.  The caller frees the result.
 */
static char *run_command(const char *cmd, int *status)
{
	struct lf_buf out;
	FILE *p;

	p = popen(cmd, "r");
	ck_assert_ptr_nonnull(p);
	lf_buf_init(&out);
	read_stream(p, &out);
	*status = pclose(p);
	ck_assert_msg(WIFEXITED(*status), "%s: status %d", cmd, *status);
	*status = WEXITSTATUS(*status);
	lf_buf_add(&out, "", 0);
	ck_assert(!out.failed);
	return lf_buf_take(&out);
}

/* Return the output of "diff -u OPTIONS --label a/x --label b/x old new".
 * The caller frees the result.
 */
static char *system_diff(const char *options, const char *old_text,
	size_t old_len, const char *new_text, size_t new_len)
{
	char cmd[320];
	char *out;
	int status;

	write_file(old_file, old_text, old_len);
	write_file(new_file, new_text, new_len);
	snprintf(cmd, sizeof(cmd),
		"diff -u %s --label a/x --label b/x '%s' '%s'",
		options, old_file, new_file);
	out = run_command(cmd, &status);
	ck_assert_int_eq(status, old_len != new_len ||
		memcmp(old_text, new_text, old_len) != 0);
	return out;
}

/* Check that GNU patch, which must not have to shift a hunk, turns
 * old_text into new_text with diff.
 */
static void check_patch(const char *old_text, size_t old_len,
	const char *new_text, size_t new_len, const char *diff)
{
	char cmd[384];
	char *msg;
	int status;
	struct lf_buf got;
	FILE *f;

	write_file(old_file, old_text, old_len);
	write_file(patch_file, diff, strlen(diff));
	snprintf(cmd, sizeof(cmd), "patch --fuzz=0 --no-backup-if-mismatch "
		"-r - -o '%s' '%s' '%s' 2>&1", out_file, old_file, patch_file);
	msg = run_command(cmd, &status);
	ck_assert_msg(status == 0 && !strstr(msg, "offset") &&
		!strstr(msg, "fuzz"), "patch says: %s", msg);
	free(msg);
	f = fopen(out_file, "rb");
	ck_assert_ptr_nonnull(f);
	lf_buf_init(&got);
	read_stream(f, &got);
	ck_assert_int_eq(fclose(f), 0);
	ck_assert(!got.failed);
	ck_assert_uint_eq(got.len, new_len);
	ck_assert(new_len == 0 || memcmp(got.data, new_text, new_len) == 0);
	lf_buf_free(&got);
}

/* Return the lines of text (see lf_diff.h) as offsets: line i is
 * [start[i], start[i + 1]).  Set *n to their number.  The caller frees
 * the result.
 */
static size_t *split_lines(const char *text, size_t len, long *n)
{
	size_t *start = malloc((len + 2) * sizeof(*start));
	size_t i;

	ck_assert_ptr_nonnull(start);
	*n = 0;
	start[0] = 0;
	for (i = 0; i < len; ++i)
		if (text[i] == '\n' || i + 1 == len)
			start[++*n] = i + 1;
	return start;
}

static int same_line(const char *a, const size_t *sa, long i,
	const char *b, const size_t *sb, long j)
{
	size_t len = sa[i + 1] - sa[i];

	return len == sb[j + 1] - sb[j] &&
		memcmp(a + sa[i], b + sb[j], len) == 0;
}

/* Return the number of lines that a shortest diff of the two texts
 * deletes and inserts, from the length of their longest common
 * subsequence of lines (dynamic programming, one row at a time).
 */
static long min_changes(const char *a, size_t a_len, const char *b,
	size_t b_len)
{
	long na, nb, i, j, lcs;
	size_t *sa = split_lines(a, a_len, &na);
	size_t *sb = split_lines(b, b_len, &nb);
	long *row = calloc(nb + 1, sizeof(*row));

	ck_assert_ptr_nonnull(row);
	for (i = 0; i < na; ++i) {
		long diag = 0;

		for (j = 0; j < nb; ++j) {
			long up = row[j + 1];

			if (same_line(a, sa, i, b, sb, j))
				row[j + 1] = diag + 1;
			else if (row[j] > up)
				row[j + 1] = row[j];
			diag = up;
		}
	}
	lcs = row[nb];
	free(row);
	free(sa);
	free(sb);
	return na + nb - 2 * lcs;
}

/* Return the number of lines the diff deletes and inserts.
 */
static long count_changes(const char *diff)
{
	const char *line;
	long n = 0;
	int header = 2;

	for (line = diff; *line; line = strchr(line, '\n') + 1) {
		if (header > 0)
			header--;
		else if (*line == '-' || *line == '+')
			n++;
	}
	return n;
}

/* Read a hunk header's range "l[,s]" at *p: set *first to the first line
 * counted from 0 (for s == 0, the line after line l) and *n to s.
 */
static void read_range(const char **p, char sign, long *first, long *n)
{
	char *end;

	ck_assert_int_eq(**p, sign);
	*first = strtol(*p + 1, &end, 10);
	*n = 1;
	if (*end == ',')
		*n = strtol(end + 1, &end, 10);
	if (*n > 0)
		--*first;
	*p = end;
}

/* The shape of one hunk: where it starts and ends in each text, the
 * unchanged lines before its first change and after its last, the
 * longest run of them between changes, and whether it changes anything.
 */
struct hunk {
	long first[2];
	long end[2];
	long lead;
	long trail;
	long inner;
	int changes;
};

/* Read the hunk at *p, moving *p past it.
 */
static void read_hunk(const char **p, struct hunk *h)
{
	long seen[2] = { 0, 0 };
	long n[2];
	long run = 0;

	ck_assert_int_eq(strncmp(*p, "@@ ", 3), 0);
	*p += 3;
	read_range(p, '-', &h->first[0], &n[0]);
	ck_assert_int_eq(*(*p)++, ' ');
	read_range(p, '+', &h->first[1], &n[1]);
	ck_assert_int_eq(strncmp(*p, " @@\n", 4), 0);
	*p += 4;
	h->lead = h->trail = h->inner = 0;
	h->changes = 0;
	while (seen[0] < n[0] || seen[1] < n[1] || **p == '\\') {
		char mark = **p;

		ck_assert(mark == ' ' || mark == '-' || mark == '+' ||
			mark == '\\');
		seen[0] += mark == ' ' || mark == '-';
		seen[1] += mark == ' ' || mark == '+';
		if (mark == ' ')
			run++;
		else if (mark != '\\') {
			if (h->changes)
				h->inner = run > h->inner ? run : h->inner;
			else
				h->lead = run;
			h->changes = 1;
			run = 0;
		}
		*p = strchr(*p, '\n') + 1;
	}
	ck_assert(seen[0] == n[0] && seen[1] == n[1]);
	h->trail = run;
	h->end[0] = h->first[0] + n[0];
	h->end[1] = h->first[1] + n[1];
}

/* Check that the hunks of diff, between texts of n[0] and n[1] lines,
 * are laid out as diff -u lays them out: 3 unchanged lines before and
 * after the changes of a hunk but at the start and end of the texts, at
 * most 6 between two changes, and lines left out between hunks.
 */
static void check_hunks(const char *diff, const long *n)
{
	const char *p = diff;
	long end[2] = { -1, -1 };
	struct hunk h;
	int k;

	ck_assert_int_eq(strncmp(p, "--- a/x\n+++ b/x\n", 16), 0);
	p += 16;
	ck_assert_int_ne(*p, '\0');
	while (*p) {
		read_hunk(&p, &h);
		ck_assert(h.changes);
		ck_assert(h.lead == 3 || (h.lead < 3 && h.first[0] == 0 &&
			h.first[1] == 0));
		ck_assert(h.trail == 3 || (h.trail < 3 && h.end[0] == n[0] &&
			h.end[1] == n[1]));
		ck_assert_int_le(h.inner, 6);
		for (k = 0; k < 2; ++k) {
			ck_assert_int_gt(h.first[k], end[k]);
			end[k] = h.end[k];
		}
	}
}

/* Check that diff changes as few lines as a shortest diff: found here
 * for small texts, by "diff --minimal" for large ones.
 */
static void check_shortest(const char *old_text, size_t old_len,
	const char *new_text, size_t new_len, const char *diff, const long *n)
{
	char *minimal;
	long expected;

	if (n[0] * n[1] <= 10000000) {
		expected = min_changes(old_text, old_len, new_text, new_len);
	} else {
		minimal = system_diff("--minimal", old_text, old_len,
				new_text, new_len);
		expected = count_changes(minimal);
		free(minimal);
	}
	ck_assert_int_eq(count_changes(diff), expected);
}

/* Return lf_diff_unified's diff of the texts, after checking that patch
 * applies it, that it is a shortest one and the layout of its hunks.
 * The caller frees the result.
 */
static char *check_diff(const char *old_text, size_t old_len,
	const char *new_text, size_t new_len)
{
	char *got;
	long n[2];

	got = lf_diff_unified("x", "x", old_text, old_len, new_text, new_len);
	ck_assert_ptr_nonnull(got);
	if (old_len == new_len && memcmp(old_text, new_text, old_len) == 0) {
		ck_assert_str_eq(got, "");
		return got;
	}
	check_patch(old_text, old_len, new_text, new_len, got);
	free(split_lines(old_text, old_len, &n[0]));
	free(split_lines(new_text, new_len, &n[1]));
	check_shortest(old_text, old_len, new_text, new_len, got, n);
	check_hunks(got, n);
	return got;
}

/* Check the diff of the texts (check_diff) and that it is what GNU diff
 * prints.
 */
static void check_like_diff(const char *old_text, size_t old_len,
	const char *new_text, size_t new_len)
{
	char *expected;
	char *got;

	got = check_diff(old_text, old_len, new_text, new_len);
	expected = system_diff("", old_text, old_len, new_text, new_len);
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

/* The headers check_exact expects. */
#define HEAD "--- a/src/k.c\n+++ b/src/k.c\n"

/* Check the diff of the texts (check_like_diff) and that, for the path
 * src/k.c, it is expected.
 */
static void check_exact(const char *old_text, const char *new_text,
	const char *expected)
{
	char *got;

	check_like_diff_str(old_text, new_text);
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

START_TEST(test_headers)
{
	char *got;

	got = lf_diff_unified("k.c", "out/k.c", "a\n", 2, "b\n", 2);
	ck_assert_ptr_nonnull(got);
	ck_assert_str_eq(got,
		"--- a/k.c\n+++ b/out/k.c\n@@ -1 +1 @@\n-a\n+b\n");
	free(got);
}
END_TEST

START_TEST(test_empty)
{
	check_exact("", "", "");
	check_exact("", "a\nb\n", HEAD "@@ -0,0 +1,2 @@\n+a\n+b\n");
	check_exact("a\nb\n", "", HEAD "@@ -1,2 +0,0 @@\n-a\n-b\n");
	check_exact("", "a", HEAD "@@ -0,0 +1 @@\n+a\n"
		"\\ No newline at end of file\n");
}
END_TEST

START_TEST(test_additions_only)
{
	check_exact("a\nb\nc\nd\n", "a\nb\nX\nY\nc\nd\n",
		HEAD "@@ -1,4 +1,6 @@\n a\n b\n+X\n+Y\n c\n d\n");
	check_exact("b\n", "a\nb\n", HEAD "@@ -1 +1,2 @@\n+a\n b\n");
	check_exact("a\n", "a\nb\n", HEAD "@@ -1 +1,2 @@\n a\n+b\n");
}
END_TEST

START_TEST(test_deletions_only)
{
	check_exact("a\nb\nc\nd\n", "a\nd\n",
		HEAD "@@ -1,4 +1,2 @@\n a\n-b\n-c\n d\n");
	check_exact("a\nb\n", "b\n", HEAD "@@ -1,2 +1 @@\n-a\n b\n");
	check_exact("a\nb\n", "a\n", HEAD "@@ -1,2 +1 @@\n a\n-b\n");
}
END_TEST

/* A last line without newline differs from the same line with one and
 * is marked wherever it is printed.
 */
START_TEST(test_no_newline_marks)
{
	check_exact("a\nb", "a\nc", HEAD "@@ -1,2 +1,2 @@\n a\n-b\n"
		"\\ No newline at end of file\n+c\n"
		"\\ No newline at end of file\n");
	check_exact("a\nb", "A\nb", HEAD "@@ -1,2 +1,2 @@\n-a\n+A\n b\n"
		"\\ No newline at end of file\n");
	check_exact("a\n", "a", HEAD "@@ -1 +1 @@\n-a\n+a\n"
		"\\ No newline at end of file\n");
	check_exact("a\nb", "a\nb\nc\n", HEAD "@@ -1,2 +1,3 @@\n a\n-b\n"
		"\\ No newline at end of file\n+b\n+c\n");
}
END_TEST

/* Carriage returns are part of the line, printed as they are.
 */
START_TEST(test_crlf_kept)
{
	check_exact("a\r\nb\r\nc\r\n", "a\r\nB\r\nc\r\n",
		HEAD "@@ -1,3 +1,3 @@\n a\r\n-b\r\n+B\r\n c\r\n");
	check_exact("a\r\nb\r\n", "a\r\nb\n",
		HEAD "@@ -1,2 +1,2 @@\n a\r\n-b\r\n+b\n");
	check_exact("a\r\nb", "a\r\nb\r\n", HEAD "@@ -1,2 +1,2 @@\n"
		" a\r\n-b\n\\ No newline at end of file\n+b\r\n");
}
END_TEST

/* Check that changing the first and the last of n lines "l<i>" (n >= 8)
 * gives expected.
 */
static void check_ends_changed(int n, const char *expected)
{
	struct lf_buf a, b;

	lf_buf_init(&a);
	lf_buf_init(&b);
	numbered_lines(&a, 0, n, "\n");
	lf_buf_add_str(&b, "first\n");
	numbered_lines(&b, 1, n - 1, "\n");
	lf_buf_add_str(&b, "last\n");
	ck_assert(!a.failed && !b.failed);
	check_exact(a.data, b.data, expected);
	lf_buf_free(&a);
	lf_buf_free(&b);
}

START_TEST(test_first_and_last_line)
{
	check_ends_changed(8, HEAD "@@ -1,8 +1,8 @@\n-l0\n+first\n"
		" l1\n l2\n l3\n l4\n l5\n l6\n-l7\n+last\n");
	check_ends_changed(9, HEAD "@@ -1,4 +1,4 @@\n-l0\n+first\n"
		" l1\n l2\n l3\n@@ -6,4 +6,4 @@\n l5\n l6\n l7\n"
		"-l8\n+last\n");
}
END_TEST

/* Check that replacing lines "l5" and "l<second>" of 20 lines "l<i>"
 * gives expected.
 */
static void check_two_changes(int second, const char *expected)
{
	struct lf_buf a, b;

	lf_buf_init(&a);
	lf_buf_init(&b);
	numbered_lines(&a, 0, 20, "\n");
	numbered_lines(&b, 0, 5, "\n");
	lf_buf_add_str(&b, "X\n");
	numbered_lines(&b, 6, second, "\n");
	lf_buf_add_str(&b, "Y\n");
	numbered_lines(&b, second + 1, 20, "\n");
	ck_assert(!a.failed && !b.failed);
	check_exact(a.data, b.data, expected);
	lf_buf_free(&a);
	lf_buf_free(&b);
}

/* 6 unchanged lines between two changes: one hunk; 7: two.
 */
START_TEST(test_hunk_boundary)
{
	check_two_changes(12, HEAD "@@ -3,14 +3,14 @@\n l2\n l3\n l4\n"
		"-l5\n+X\n l6\n l7\n l8\n l9\n l10\n l11\n-l12\n+Y\n"
		" l13\n l14\n l15\n");
	check_two_changes(13, HEAD "@@ -3,7 +3,7 @@\n l2\n l3\n l4\n"
		"-l5\n+X\n l6\n l7\n l8\n@@ -11,7 +11,7 @@\n l10\n l11\n"
		" l12\n-l13\n+Y\n l14\n l15\n l16\n");
}
END_TEST

/* Where equally short diffs differ only in where a run of changed lines
 * sits, it sits as low as it can, unless a higher place puts it next to
 * a change of the other text.
 */
START_TEST(test_ambiguous_runs)
{
	check_exact("f() {\n}\n", "f() {\n}\ng() {\n}\n",
		HEAD "@@ -1,2 +1,4 @@\n f() {\n }\n+g() {\n+}\n");
	check_exact("}\n}\n", "x;\n}\n",
		HEAD "@@ -1,2 +1,2 @@\n-}\n+x;\n }\n");
	check_exact("a\nb\nb\nc\n", "a\nb\nc\n",
		HEAD "@@ -1,4 +1,3 @@\n a\n b\n-b\n c\n");
}
END_TEST

/* One changed line in the middle of 20,000: the equal ends are matched
 * without a search, so this takes a few milliseconds.
 */
START_TEST(test_large_file)
{
	struct lf_buf a, b;
	clock_t start;
	char *got;

	lf_buf_init(&a);
	lf_buf_init(&b);
	numbered_lines(&a, 0, 20000, "\n");
	numbered_lines(&b, 0, 10000, "\n");
	lf_buf_add_str(&b, "changed\n");
	numbered_lines(&b, 10001, 20000, "\n");
	ck_assert(!a.failed && !b.failed);
	start = clock();
	got = lf_diff_unified("src/k.c", "src/k.c", a.data, a.len,
			b.data, b.len);
	ck_assert_msg(clock() - start < CLOCKS_PER_SEC / 4,
		"took %g s", (double) (clock() - start) / CLOCKS_PER_SEC);
	ck_assert_ptr_nonnull(got);
	ck_assert_str_eq(got, HEAD "@@ -9998,7 +9998,7 @@\n l9997\n l9998\n"
		" l9999\n-l10000\n+changed\n l10001\n l10002\n l10003\n");
	free(got);
	check_like_diff(a.data, a.len, b.data, b.len);
	lf_buf_free(&a);
	lf_buf_free(&b);
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

/* Small alphabets give many equally short diffs; on these inputs the
 * one chosen is the one GNU diff prints.
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

/* Two unrelated texts over a tiny alphabet, about 11,000 changed lines:
 * the search still finds a shortest diff.  GNU diff gives up on that
 * here, for speed, and prints a longer one.
 */
START_TEST(test_unrelated)
{
	struct lf_buf a, b;
	char *got;
	char *gnu;

	rng_state = 5;
	lf_buf_init(&a);
	lf_buf_init(&b);
	random_text(&a, 20000, 3);
	random_text(&b, 20000, 3);
	ck_assert(!a.failed && !b.failed);
	got = check_diff(a.data, a.len, b.data, b.len);
	gnu = system_diff("", a.data, a.len, b.data, b.len);
	ck_assert_int_lt(count_changes(got), count_changes(gnu));
	free(got);
	free(gnu);
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
	tcase_add_test(tc, test_headers);
	tcase_add_test(tc, test_empty);
	tcase_add_test(tc, test_additions_only);
	tcase_add_test(tc, test_deletions_only);
	tcase_add_test(tc, test_no_newline_marks);
	tcase_add_test(tc, test_crlf_kept);
	tcase_add_test(tc, test_first_and_last_line);
	tcase_add_test(tc, test_hunk_boundary);
	tcase_add_test(tc, test_ambiguous_runs);
	tcase_add_test(tc, test_large_file);
	suite_add_tcase(s, tc);
	tcase_add_checked_fixture(random, &setup, &teardown);
	tcase_set_timeout(random, 120);
	tcase_add_test(random, test_random_small);
	tcase_add_test(random, test_random_large);
	tcase_add_test(random, test_unrelated);
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
