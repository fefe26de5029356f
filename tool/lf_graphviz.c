/* SPDX-License-Identifier: MIT */
#include <errno.h>
#include <fcntl.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "lf_buf.h"
#include "lf_graphviz.h"

/* Drawing a DOT graph as SVG with Graphviz's dot, found on PATH.  The
 * source goes to dot's standard input through an unlinked temporary
 * file (so that neither side can block on a full pipe), the SVG comes
 * back on a pipe; dot's messages are dropped.
 */

extern char **environ;

/* A descriptor of an unlinked temporary file holding text, positioned
 * at its start, or -1.
 */
static int lf_graphviz_input(__isl_keep const char *text)
{
	const char *dir = getenv("TMPDIR");
	struct lf_buf path;
	size_t len = strlen(text), done = 0;
	ssize_t n;
	int fd = -1;

	lf_buf_init(&path);
	lf_buf_printf(&path, "%s/loopfuse-dot-XXXXXX", dir && *dir ? dir :
		      "/tmp");
	if (!path.failed)
		fd = mkstemp(path.data);
	if (fd >= 0 && unlink(path.data) < 0) {
		close(fd);
		fd = -1;
	}
	lf_buf_free(&path);
	while (fd >= 0 && done < len) {
		n = write(fd, text + done, len - done);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) {
			close(fd);
			return -1;
		}
		done += n;
	}
	if (fd >= 0 && lseek(fd, 0, SEEK_SET) != 0) {
		close(fd);
		return -1;
	}
	return fd;
}

/* Start "dot -Tsvg" with standard input "in" and standard output the
 * write end of "out".  Returns its pid, or -1 with errno set (ENOENT
 * when dot is not on PATH).
 */
static pid_t lf_graphviz_spawn(int in, int out[2])
{
	char *argv[] = { "dot", "-Tsvg", NULL };
	posix_spawn_file_actions_t fa;
	pid_t pid;
	int r;

	if (posix_spawn_file_actions_init(&fa) != 0)
		return -1;
	r = posix_spawn_file_actions_adddup2(&fa, in, 0);
	if (r == 0)
		r = posix_spawn_file_actions_adddup2(&fa, out[1], 1);
	if (r == 0)
		r = posix_spawn_file_actions_addopen(&fa, 2, "/dev/null",
						     O_WRONLY, 0);
	if (r == 0)
		r = posix_spawn_file_actions_addclose(&fa, out[0]);
	if (r == 0)
		r = posix_spawnp(&pid, "dot", &fa, NULL, argv, environ);
	posix_spawn_file_actions_destroy(&fa);
	if (r != 0) {
		errno = r;
		return -1;
	}
	return pid;
}

/* Read fd to its end into "buf"; -1 on a read error. */
static int lf_graphviz_read(int fd, __isl_keep struct lf_buf *buf)
{
	char chunk[4096];
	ssize_t n;

	for (;;) {
		n = read(fd, chunk, sizeof(chunk));
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return -1;
		if (n == 0)
			return 0;
		lf_buf_add(buf, chunk, n);
	}
}

/* Did process pid exit with status 0? */
static int lf_graphviz_wait(pid_t pid)
{
	int status;

	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR)
			return 0;
	return WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

/* The <svg> element that dot draws from "source", without the XML
 * declaration and doctype before it, or NULL when dot is not on PATH,
 * fails or gives no <svg> element.
 */
__isl_give char *lf_graphviz_render(__isl_keep const char *source)
{
	struct lf_buf svg;
	char *text, *start;
	int in, out[2], ok;
	pid_t pid;

	in = lf_graphviz_input(source);
	if (in < 0)
		return NULL;
	if (pipe(out) < 0) {
		close(in);
		return NULL;
	}
	pid = lf_graphviz_spawn(in, out);
	close(in);
	close(out[1]);
	lf_buf_init(&svg);
	ok = pid >= 0 && lf_graphviz_read(out[0], &svg) == 0;
	close(out[0]);
	if (pid >= 0 && !lf_graphviz_wait(pid))
		ok = 0;
	text = lf_buf_take(&svg);
	start = ok && text ? strstr(text, "<svg") : NULL;
	if (!start) {
		free(text);
		return NULL;
	}
	memmove(text, start, strlen(start) + 1);
	return text;
}
