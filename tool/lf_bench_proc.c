/* SPDX-License-Identifier: MIT */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "lf_bench.h"
#include "lf_write.h"

/* The files and processes of loopfuse bench: a scratch directory, the
 * compiler, and the two harnesses, which it talks to through pipes.
 */

extern char **environ;

__isl_give char *lf_bench_path(__isl_keep const char *dir,
	__isl_keep const char *name)
{
	size_t n = strlen(dir) + strlen(name) + 2;
	char *path = malloc(n);

	if (path)
		snprintf(path, n, "%s/%s", dir, name);
	return path;
}

/* A new directory of loopfuse's own in $TMPDIR (or /tmp), or NULL after
 * saying why not.
 */
__isl_give char *lf_bench_tmp_make(void)
{
	const char *base = getenv("TMPDIR");
	char *dir;

	if (!base || !*base)
		base = "/tmp";
	dir = lf_bench_path(base, "loopfuse-bench.XXXXXX");
	if (dir && mkdtemp(dir))
		return dir;
	fprintf(stderr, "loopfuse: error: cannot make a directory in %s: %s\n",
		base, strerror(errno));
	free(dir);
	return NULL;
}

/* Remove "path" and, if it is a directory, what it holds (symbolic
 * links are removed, not followed).  A failure is only reported: the
 * measurement is done by then.
 */
static void lf_bench_tmp_remove_tree(__isl_keep const char *path, int depth)
{
	struct dirent *e;
	struct stat st;
	DIR *d;

	if (lstat(path, &st) == 0 && S_ISDIR(st.st_mode) && depth < 4 &&
	    (d = opendir(path)) != NULL) {
		while ((e = readdir(d)) != NULL) {
			char *sub;

			if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
				continue;
			sub = lf_bench_path(path, e->d_name);
			if (sub)
				lf_bench_tmp_remove_tree(sub, depth + 1);
			free(sub);
		}
		closedir(d);
	}
	if (remove(path) < 0 && errno != ENOENT)
		fprintf(stderr, "loopfuse: warning: cannot remove %s: %s\n",
			path, strerror(errno));
}

void lf_bench_tmp_remove(__isl_keep const char *dir)
{
	if (dir)
		lf_bench_tmp_remove_tree(dir, 0);
}

/* Write "text" to the new file dir/name. */
int lf_bench_file_write(__isl_keep const char *dir,
	__isl_keep const char *name, __isl_keep const char *text)
{
	char *path = lf_bench_path(dir, name);
	int r;

	if (!path)
		return -1;
	r = lf_write_new(path, text, strlen(text), stderr);
	free(path);
	return r;
}

/* The first line of the file at path (at most 200 bytes), or "". */
static void lf_bench_first_line(__isl_keep const char *path,
	__isl_keep char *line, size_t size)
{
	FILE *f = path ? fopen(path, "r") : NULL;

	line[0] = '\0';
	if (f && fgets(line, size, f))
		line[strcspn(line, "\n")] = '\0';
	if (f)
		fclose(f);
}

/* Wait for process pid to end.  Return 0 if it exited with status 0;
 * otherwise say how "what" ended (with the first line it wrote to
 * err_path, if any) and return -1.
 */
int lf_bench_proc_finish(pid_t pid, __isl_keep const char *what,
	__isl_keep const char *err_path)
{
	char line[200];
	int status;

	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR) {
			fprintf(stderr, "loopfuse: error: lost %s: %s\n", what,
				strerror(errno));
			return -1;
		}
	if (WIFEXITED(status) && WEXITSTATUS(status) == 0)
		return 0;
	lf_bench_first_line(err_path, line, sizeof(line));
	if (WIFSIGNALED(status))
		fprintf(stderr, "loopfuse: error: %s was killed by signal %d "
			"(%s)%s%s\n", what, WTERMSIG(status),
			strsignal(WTERMSIG(status)), *line ? ": " : "", line);
	else
		fprintf(stderr, "loopfuse: error: %s exited with status %d%s%s"
			"\n", what, WEXITSTATUS(status), *line ? ": " : "",
			line);
	return -1;
}

/* Spawn argv (argv[0] looked up in PATH) with the file actions fa and
 * SIGPIPE back to its default, which loopfuse bench ignores so as to
 * hear of a harness that died as a failed write.
 */
static int lf_bench_proc_spawn(__isl_keep char *const *argv,
	__isl_keep posix_spawn_file_actions_t *fa, pid_t *pid)
{
	posix_spawnattr_t attr;
	sigset_t def;
	int r;

	if (posix_spawnattr_init(&attr) != 0)
		return ENOMEM;
	sigemptyset(&def);
	sigaddset(&def, SIGPIPE);
	r = posix_spawnattr_setsigdefault(&attr, &def);
	if (r == 0)
		r = posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETSIGDEF);
	if (r == 0)
		r = posix_spawnp(pid, argv[0], fa, &attr, argv, environ);
	posix_spawnattr_destroy(&attr);
	return r;
}

static int lf_bench_proc_failed(__isl_keep const char *cmd, int errnum)
{
	fprintf(stderr, "loopfuse: error: cannot run %s: %s\n", cmd,
		strerror(errnum));
	return -1;
}

/* Run argv to its end, with no input; what it prints goes to loopfuse's
 * stderr (stdout is for the summary).  Return 0 if it exits with status
 * 0, else say so and return -1.
 */
int lf_bench_proc_run(__isl_keep char *const *argv,
	__isl_keep const char *what)
{
	posix_spawn_file_actions_t fa;
	pid_t pid;
	int r;

	if (posix_spawn_file_actions_init(&fa) != 0)
		return -1;
	r = posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
	if (r == 0)
		r = posix_spawn_file_actions_adddup2(&fa, 2, 1);
	if (r == 0)
		r = lf_bench_proc_spawn(argv, &fa, &pid);
	posix_spawn_file_actions_destroy(&fa);
	if (r != 0)
		return lf_bench_proc_failed(argv[0], r);
	return lf_bench_proc_finish(pid, what, NULL);
}

/* Make fd close on exec, and move it above the descriptors a harness is
 * given (0 to 3), so that setting those up never overwrites it.
 */
static int lf_bench_proc_fd(int *fd)
{
	int moved;

	if (*fd > 3)
		return fcntl(*fd, F_SETFD, FD_CLOEXEC);
	moved = fcntl(*fd, F_DUPFD_CLOEXEC, 4);
	close(*fd);
	*fd = moved;
	return moved < 0 ? -1 : 0;
}

static int lf_bench_proc_pipe(int fds[2])
{
	if (pipe(fds) < 0)
		return -1;
	if (lf_bench_proc_fd(&fds[0]) < 0 || lf_bench_proc_fd(&fds[1]) < 0) {
		close(fds[0]);
		close(fds[1]);
		return -1;
	}
	return 0;
}

/* The descriptors of a harness: commands on 0, answers on 3, the
 * function's own output to /dev/null, errors to err_path.
 */
static int lf_bench_proc_actions(__isl_keep posix_spawn_file_actions_t *fa,
	int in, int out, __isl_keep const char *err_path)
{
	int r = posix_spawn_file_actions_adddup2(fa, in, 0);

	if (r == 0)
		r = posix_spawn_file_actions_adddup2(fa, out, 3);
	if (r == 0)
		r = posix_spawn_file_actions_addopen(fa, 1, "/dev/null",
						     O_WRONLY, 0);
	if (r == 0)
		r = posix_spawn_file_actions_addopen(fa, 2, err_path,
			O_WRONLY | O_CREAT | O_TRUNC, 0600);
	return r;
}

/* Start the harness argv: *to is where its commands go, *from where its
 * answers come from.  Return -1 after saying why it did not start.
 */
int lf_bench_proc_start(__isl_keep char *const *argv,
	__isl_keep const char *err_path, int *to, int *from, pid_t *pid)
{
	posix_spawn_file_actions_t fa;
	int in[2], out[2], r;

	if (lf_bench_proc_pipe(in) < 0)
		return lf_bench_proc_failed(argv[0], errno);
	if (lf_bench_proc_pipe(out) < 0) {
		r = errno;
		close(in[0]);
		close(in[1]);
		return lf_bench_proc_failed(argv[0], r);
	}
	r = posix_spawn_file_actions_init(&fa);
	if (r == 0) {
		r = lf_bench_proc_actions(&fa, in[0], out[1], err_path);
		if (r == 0)
			r = lf_bench_proc_spawn(argv, &fa, pid);
		posix_spawn_file_actions_destroy(&fa);
	}
	close(in[0]);
	close(out[1]);
	if (r != 0) {
		close(in[1]);
		close(out[0]);
		return lf_bench_proc_failed(argv[0], r);
	}
	*to = in[1];
	*from = out[0];
	return 0;
}

/* Wait for process pid, which loopfuse has given up on and signalled,
 * to end; how it ended says nothing more.
 */
void lf_bench_proc_reap(pid_t pid)
{
	int status;

	while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
}
