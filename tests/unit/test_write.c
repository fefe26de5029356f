/* SPDX-License-Identifier: MIT */
#include <check.h>
#include <dirent.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "lf_read.h"
#include "lf_write.h"

static char tmp_dir[64];
static char file[128];

static void setup(void)
{
	strcpy(tmp_dir, "/tmp/lf_test_write_XXXXXX");
	ck_assert_ptr_nonnull(mkdtemp(tmp_dir));
	snprintf(file, sizeof(file), "%s/file.c", tmp_dir);
}

static void teardown(void)
{
	char cmd[128];

	chmod(tmp_dir, 0700);
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", tmp_dir);
	if (system(cmd) != 0)
		fprintf(stderr, "cannot remove %s\n", tmp_dir);
}

static void put_file(const char *path, const char *text, size_t len,
	mode_t mode)
{
	FILE *f = fopen(path, "wb");

	ck_assert_ptr_nonnull(f);
	ck_assert_uint_eq(fwrite(text, 1, len, f), len);
	ck_assert_int_eq(fclose(f), 0);
	ck_assert_int_eq(chmod(path, mode), 0);
}

/* Check that the file at path holds exactly len bytes of text.
 */
static void check_content(const char *path, const char *text, size_t len)
{
	char buf[8192];
	FILE *f = fopen(path, "rb");
	size_t n;

	ck_assert_ptr_nonnull(f);
	n = fread(buf, 1, sizeof(buf), f);
	ck_assert_int_eq(fclose(f), 0);
	ck_assert_uint_eq(n, len);
	ck_assert_int_eq(memcmp(buf, text, len), 0);
}

static mode_t file_mode(const char *path)
{
	struct stat st;

	ck_assert_int_eq(stat(path, &st), 0);
	return st.st_mode & 07777;
}

/* Return the number of entries of dir whose name starts with prefix.
 */
static int count_entries(const char *dir, const char *prefix)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	int n = 0;

	ck_assert_ptr_nonnull(d);
	while ((e = readdir(d)) != NULL)
		if (strncmp(e->d_name, prefix, strlen(prefix)) == 0)
			n++;
	ck_assert_int_eq(closedir(d), 0);
	return n;
}

/* A stream collecting what is printed to it.
 */
struct capture {
	char *text;
	size_t len;
	FILE *f;
};

static void capture_open(struct capture *c)
{
	c->text = NULL;
	c->len = 0;
	c->f = open_memstream(&c->text, &c->len);
	ck_assert_ptr_nonnull(c->f);
}

/* Close the stream and check that exactly "expected" was printed.
 */
static void capture_check(struct capture *c, const char *expected)
{
	ck_assert_int_eq(fclose(c->f), 0);
	ck_assert_str_eq(c->text, expected);
	free(c->text);
}

static void check_write_keeps_mode(mode_t mode)
{
	static const char data[] = "int main(void)\r\n{\n\treturn 0;\n}\n\xff";

	put_file(file, "old contents, longer than the new ones\n"
		"old contents, longer than the new ones\n", 78, mode);
	ck_assert_int_eq(lf_write_atomic(file, data, sizeof(data) - 1,
				stderr), 0);
	check_content(file, data, sizeof(data) - 1);
	ck_assert_uint_eq(file_mode(file), mode);
	ck_assert_int_eq(count_entries(tmp_dir, "file.c."), 0);
}

START_TEST(test_write_mode_0640)
{
	check_write_keeps_mode(0640);
}
END_TEST

START_TEST(test_write_mode_0755)
{
	check_write_keeps_mode(0755);
}
END_TEST

START_TEST(test_write_mode_0600)
{
	check_write_keeps_mode(0600);
}
END_TEST

START_TEST(test_write_empty)
{
	put_file(file, "x\n", 2, 0644);
	ck_assert_int_eq(lf_write_atomic(file, "", 0, stderr), 0);
	check_content(file, "", 0);
}
END_TEST

START_TEST(test_write_new_file)
{
	mode_t mask = umask(022);

	ck_assert_int_eq(lf_write_atomic(file, "new\n", 4, stderr), 0);
	umask(mask);
	check_content(file, "new\n", 4);
	ck_assert_uint_eq(file_mode(file), 0644);
}
END_TEST

/* Writing through a symbolic link replaces the target, not the link.
 */
START_TEST(test_write_symlink)
{
	char link[160];
	struct stat st;

	snprintf(link, sizeof(link), "%s/link.c", tmp_dir);
	put_file(file, "old\n", 4, 0640);
	ck_assert_int_eq(symlink("file.c", link), 0);
	ck_assert_int_eq(lf_write_atomic(link, "new\n", 4, stderr), 0);
	ck_assert_int_eq(lstat(link, &st), 0);
	ck_assert(S_ISLNK(st.st_mode));
	check_content(file, "new\n", 4);
	ck_assert_uint_eq(file_mode(file), 0640);
}
END_TEST

/* A directory where no file can be created.  Root ignores permission
 * bits, so as root the file is one in /proc instead.
 */
START_TEST(test_write_readonly_dir)
{
	struct capture err;
	char expected[256];

	if (geteuid() == 0) {
		const char *comm = "/proc/self/comm";
		char before[64];
		FILE *f = fopen(comm, "r");
		size_t n;

		ck_assert_ptr_nonnull(f);
		n = fread(before, 1, sizeof(before), f);
		ck_assert_int_eq(fclose(f), 0);
		capture_open(&err);
		ck_assert_int_eq(lf_write_atomic(comm, "x\n", 2, err.f), -1);
		ck_assert_int_eq(fclose(err.f), 0);
		ck_assert_msg(strncmp(err.text,
			"/proc/self/comm:1:1: error: cannot write: ", 42) == 0,
			"unexpected message %s", err.text);
		ck_assert_int_eq(err.text[err.len - 1], '\n');
		free(err.text);
		check_content(comm, before, n);
		ck_assert_int_eq(count_entries("/proc/self", "comm."), 0);
		return;
	}
	put_file(file, "keep me\n", 8, 0644);
	ck_assert_int_eq(chmod(tmp_dir, 0555), 0);
	capture_open(&err);
	ck_assert_int_eq(lf_write_atomic(file, "new\n", 4, err.f), -1);
	snprintf(expected, sizeof(expected),
		"%s:1:1: error: cannot write: Permission denied\n", file);
	capture_check(&err, expected);
	check_content(file, "keep me\n", 8);
	ck_assert_int_eq(count_entries(tmp_dir, "file.c."), 0);
}
END_TEST

/* A write failing halfway, even for root, through the file size limit.
 */
START_TEST(test_write_too_large)
{
	static char data[8192];
	struct rlimit old, small;
	struct capture err;
	char expected[256];
	void (*old_handler)(int);
	int r;

	memset(data, 'x', sizeof(data));
	put_file(file, "keep me\n", 8, 0644);
	ck_assert_int_eq(getrlimit(RLIMIT_FSIZE, &old), 0);
	small = old;
	small.rlim_cur = 1024;
	old_handler = signal(SIGXFSZ, SIG_IGN);
	ck_assert(old_handler != SIG_ERR);
	ck_assert_int_eq(setrlimit(RLIMIT_FSIZE, &small), 0);
	capture_open(&err);
	r = lf_write_atomic(file, data, sizeof(data), err.f);
	ck_assert_int_eq(setrlimit(RLIMIT_FSIZE, &old), 0);
	signal(SIGXFSZ, old_handler);
	ck_assert_int_eq(r, -1);
	snprintf(expected, sizeof(expected),
		"%s:1:1: error: cannot write: File too large\n", file);
	capture_check(&err, expected);
	check_content(file, "keep me\n", 8);
	ck_assert_uint_eq(file_mode(file), 0644);
	ck_assert_int_eq(count_entries(tmp_dir, "file.c."), 0);
}
END_TEST

START_TEST(test_write_missing_dir)
{
	struct capture err;
	char path[160];
	char expected[256];

	snprintf(path, sizeof(path), "%s/no/such/dir/file.c", tmp_dir);
	capture_open(&err);
	ck_assert_int_eq(lf_write_atomic(path, "x\n", 2, err.f), -1);
	snprintf(expected, sizeof(expected),
		"%s:1:1: error: cannot write: No such file or directory\n",
		path);
	capture_check(&err, expected);
	ck_assert_int_eq(count_entries(tmp_dir, ""), 2);
}
END_TEST

START_TEST(test_write_directory)
{
	struct capture err;
	char expected[256];

	capture_open(&err);
	ck_assert_int_eq(lf_write_atomic(tmp_dir, "x\n", 2, err.f), -1);
	snprintf(expected, sizeof(expected),
		"%s:1:1: error: cannot write: Is a directory\n", tmp_dir);
	capture_check(&err, expected);
	ck_assert_int_eq(count_entries(tmp_dir, ""), 2);
}
END_TEST

START_TEST(test_read)
{
	static const char data[] = "a\r\nb\t\xff\xfe\nno newline";
	size_t len = 0;
	char *text;

	put_file(file, data, sizeof(data) - 1, 0644);
	text = lf_read_file(file, &len, stderr);
	ck_assert_ptr_nonnull(text);
	ck_assert_uint_eq(len, sizeof(data) - 1);
	ck_assert_int_eq(memcmp(text, data, len), 0);
	ck_assert_int_eq(text[len], '\0');
	free(text);
}
END_TEST

START_TEST(test_read_empty)
{
	size_t len = 1;
	char *text;

	put_file(file, "", 0, 0644);
	text = lf_read_file(file, &len, stderr);
	ck_assert_ptr_nonnull(text);
	ck_assert_uint_eq(len, 0);
	ck_assert_int_eq(text[0], '\0');
	free(text);
}
END_TEST

/* Check that reading path fails with the message "<path>:1:1: <why>".
 */
static void check_read_fails(const char *path, const char *why)
{
	struct capture err;
	char expected[256];
	size_t len = 0;

	capture_open(&err);
	ck_assert_ptr_null(lf_read_file(path, &len, err.f));
	snprintf(expected, sizeof(expected), "%s:1:1: error: %s\n",
		path, why);
	capture_check(&err, expected);
}

START_TEST(test_read_missing)
{
	check_read_fails(file, "cannot read: No such file or directory");
}
END_TEST

START_TEST(test_read_directory)
{
	check_read_fails(tmp_dir, "cannot read: Is a directory");
}
END_TEST

START_TEST(test_read_nul)
{
	put_file(file, "int x;\n\0int y;\n", 15, 0644);
	check_read_fails(file, "file contains NUL bytes, not C source");
}
END_TEST

START_TEST(test_read_fifo)
{
	ck_assert_int_eq(mkfifo(file, 0644), 0);
	check_read_fails(file, "cannot read: not a regular file");
}
END_TEST

/* -i refuses a file with two names and writes one with a single name.
 */
START_TEST(test_write_in_place_links)
{
	struct capture err;
	char other[160];
	char expected[512];

	snprintf(other, sizeof(other), "%s/link.c", tmp_dir);
	put_file(file, "old\n", 4, 0644);
	ck_assert_int_eq(link(file, other), 0);
	capture_open(&err);
	ck_assert_int_eq(lf_write_in_place(file, "new\n", 4, err.f), -1);
	snprintf(expected, sizeof(expected), "%s:1:1: error: cannot write "
		"in place: %s has 2 hard links; use -o\n", file, file);
	capture_check(&err, expected);
	check_content(file, "old\n", 4);
	check_content(other, "old\n", 4);
	ck_assert_int_eq(unlink(other), 0);
	ck_assert_int_eq(lf_write_in_place(file, "new\n", 4, stderr), 0);
	check_content(file, "new\n", 4);
	ck_assert_int_eq(count_entries(tmp_dir, "file.c."), 0);
}
END_TEST

/* Run "fn" in a child process with stdout on the file at path, and
 * return its exit status.  The child answers by its status only, since
 * it closes stdout.
 */
static int run_in_child(int (*fn)(void), const char *path)
{
	pid_t pid;
	int status;

	ck_assert_int_eq(fflush(stdout), 0);
	pid = fork();
	ck_assert_int_ge(pid, 0);
	if (pid == 0)
		_exit(freopen(path, "w", stdout) ? fn() : 99);
	ck_assert_int_eq(waitpid(pid, &status, 0), pid);
	ck_assert(WIFEXITED(status));
	return WEXITSTATUS(status);
}

static const char stdout_full[] =
	"loopfuse: error: cannot write to standard output: "
	"No space left on device\n";

/* On a full device: the first write fails with the message, the next
 * and the close fail without another.  Return the first step that
 * went wrong, 0 if none.
 */
static int write_stdout_full(void)
{
	char *text = NULL;
	size_t len = 0;
	FILE *err = open_memstream(&text, &len);
	int step = 0;

	if (!err)
		return 1;
	if (lf_write_stdout("x\n", 2, err) != -1)
		step = 2;
	else if (lf_write_stdout("y\n", 2, err) != -1)
		step = 3;
	else if (lf_write_stdout_close(err) != -1)
		step = 4;
	if (fclose(err) != 0)
		return 5;
	if (!step && strcmp(text, stdout_full) != 0)
		step = 6;
	free(text);
	return step;
}

START_TEST(test_write_stdout_full)
{
	ck_assert_int_eq(run_in_child(&write_stdout_full, "/dev/full"), 0);
}
END_TEST

/* On a file: the writes and the close succeed, and say nothing.
 */
static int write_stdout_file(void)
{
	char *text = NULL;
	size_t len = 0;
	FILE *err = open_memstream(&text, &len);
	int step = 0;

	if (!err)
		return 1;
	if (lf_write_stdout("x\n", 2, err) != 0 ||
	    lf_write_stdout("", 0, err) != 0 ||
	    lf_write_stdout("y\n", 2, err) != 0)
		step = 2;
	else if (lf_write_stdout_close(err) != 0)
		step = 3;
	if (fclose(err) != 0)
		return 4;
	if (!step && len != 0)
		step = 5;
	free(text);
	return step;
}

START_TEST(test_write_stdout_file)
{
	ck_assert_int_eq(run_in_child(&write_stdout_file, file), 0);
	check_content(file, "x\ny\n", 4);
}
END_TEST

static Suite *write_suite(void)
{
	Suite *s = suite_create("write");
	TCase *w = tcase_create("write");
	TCase *r = tcase_create("read");

	tcase_add_checked_fixture(w, &setup, &teardown);
	tcase_add_test(w, test_write_mode_0640);
	tcase_add_test(w, test_write_mode_0755);
	tcase_add_test(w, test_write_mode_0600);
	tcase_add_test(w, test_write_empty);
	tcase_add_test(w, test_write_new_file);
	tcase_add_test(w, test_write_symlink);
	tcase_add_test(w, test_write_readonly_dir);
	tcase_add_test(w, test_write_too_large);
	tcase_add_test(w, test_write_missing_dir);
	tcase_add_test(w, test_write_directory);
	tcase_add_test(w, test_write_in_place_links);
	tcase_add_test(w, test_write_stdout_full);
	tcase_add_test(w, test_write_stdout_file);
	suite_add_tcase(s, w);
	tcase_add_checked_fixture(r, &setup, &teardown);
	tcase_add_test(r, test_read);
	tcase_add_test(r, test_read_empty);
	tcase_add_test(r, test_read_missing);
	tcase_add_test(r, test_read_directory);
	tcase_add_test(r, test_read_nul);
	tcase_add_test(r, test_read_fifo);
	suite_add_tcase(s, r);
	return s;
}

int main(void)
{
	SRunner *sr = srunner_create(write_suite());
	int failed;

	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
