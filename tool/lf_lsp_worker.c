/* SPDX-License-Identifier: MIT */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lf_lsp_worker.h"

/* The thread that analyses documents (see lf_lsp_worker.h). */

/* The stack of the analysis thread: clang and isl recurse deeply on
 * deeply nested code, more so under the sanitizers.
 */
#define LF_LSP_WORKER_STACK (64 * 1024 * 1024)

void lf_lsp_job_free(__isl_take struct lf_lsp_job *job)
{
	while (job) {
		struct lf_lsp_job *next = job->next;

		free(job->uri);
		free(job->path);
		free(job->text);
		lf_lsp_check_free(job->check);
		free(job);
		job = next;
	}
}

static __isl_give struct lf_lsp_job *lf_lsp_job_alloc(
	__isl_keep const char *uri, __isl_keep const char *path, int version,
	__isl_keep const char *text, size_t len);

/* The first job to do, taken off the list; NULL when told to stop.
 * Called with the lock held.
 */
static __isl_give struct lf_lsp_job *lf_lsp_worker_next(
	__isl_keep struct lf_lsp_worker *worker)
{
	struct lf_lsp_job *job;

	while (!worker->stop && !worker->todo)
		pthread_cond_wait(&worker->cond, &worker->lock);
	if (worker->stop)
		return NULL;
	job = worker->todo;
	worker->todo = job->next;
	job->next = NULL;
	return job;
}

/* Put "job" at the end of the list of jobs done and say so on the
 * pipe.  A full pipe already says so.
 */
static void lf_lsp_worker_finish(__isl_keep struct lf_lsp_worker *worker,
	__isl_take struct lf_lsp_job *job)
{
	struct lf_lsp_job **last;
	ssize_t w;

	pthread_mutex_lock(&worker->lock);
	for (last = &worker->done; *last; last = &(*last)->next)
		;
	*last = job;
	pthread_mutex_unlock(&worker->lock);
	do
		w = write(worker->wake[1], "", 1);
	while (w < 0 && errno == EINTR);
}

/* The job whose diagnostics are ready before its fixes. */
struct lf_lsp_worker_step {
	struct lf_lsp_worker *worker;
	struct lf_lsp_job *job;
};

/* Hand out a copy of the job in step, with "check", its diagnostics
 * (taken).  Without memory for the copy, the whole job will do.
 */
static void lf_lsp_worker_diagnosed(void *user, struct lf_lsp_check *check)
{
	struct lf_lsp_worker_step *step = user;
	struct lf_lsp_job *job = step->job, *copy;

	copy = lf_lsp_job_alloc(job->uri, job->path, job->version, job->text,
				job->len);
	if (!copy) {
		lf_lsp_check_free(check);
		return;
	}
	copy->check = check;
	lf_lsp_worker_finish(step->worker, copy);
}

static void *lf_lsp_worker_run(void *data)
{
	struct lf_lsp_worker_step step = { data, NULL };
	struct lf_lsp_progress progress = { &lf_lsp_worker_diagnosed, &step };
	struct lf_lsp_worker *worker = data;

	for (;;) {
		pthread_mutex_lock(&worker->lock);
		step.job = lf_lsp_worker_next(worker);
		pthread_mutex_unlock(&worker->lock);
		if (!step.job)
			break;
		step.job->check = lf_lsp_analyse_text(worker->unit,
			step.job->path,
			step.job->text, step.job->len, worker->config,
			&progress);
		step.job->final = 1;
		lf_lsp_worker_finish(worker, step.job);
	}
	return NULL;
}

/* The pipe that says a job is done: neither end blocks, and neither
 * is inherited by the programs clang might run.
 */
static int lf_lsp_worker_pipe(int fds[2])
{
	int i;

	if (pipe(fds) < 0)
		return -1;
	for (i = 0; i < 2; ++i)
		if (fcntl(fds[i], F_SETFL, O_NONBLOCK) < 0 ||
		    fcntl(fds[i], F_SETFD, FD_CLOEXEC) < 0) {
			close(fds[0]);
			close(fds[1]);
			return -1;
		}
	return 0;
}

/* Start the thread, which analyses with "config" (which must not
 * change while it runs).
 */
int lf_lsp_worker_start(__isl_keep struct lf_lsp_worker *worker,
	__isl_keep const struct lf_lsp_config *config)
{
	pthread_attr_t attr;
	int r;

	memset(worker, 0, sizeof(*worker));
	worker->config = config;
	if (lf_lsp_worker_pipe(worker->wake) < 0)
		return -1;
	/* Made here, on the main thread: clang sets up its handling of
	 * crashes, with an alternate signal stack, on the thread that
	 * first calls it, and that must be one that lives as long as the
	 * process (AddressSanitizer cannot free such a stack).  Without
	 * memory for it, each version is parsed anew. */
	worker->unit = lf_frontend_unit_alloc();
	pthread_mutex_init(&worker->lock, NULL);
	pthread_cond_init(&worker->cond, NULL);
	r = pthread_attr_init(&attr);
	if (r == 0) {
		r = pthread_attr_setstacksize(&attr, LF_LSP_WORKER_STACK);
		if (r == 0)
			r = pthread_create(&worker->thread, &attr,
					   &lf_lsp_worker_run, worker);
		pthread_attr_destroy(&attr);
	}
	worker->started = r == 0;
	if (r == 0)
		return 0;
	lf_lsp_worker_stop(worker);
	return -1;
}

/* Stop the thread once its current job is done, and drop every job.
 */
void lf_lsp_worker_stop(__isl_keep struct lf_lsp_worker *worker)
{
	if (worker->started) {
		pthread_mutex_lock(&worker->lock);
		worker->stop = 1;
		pthread_cond_signal(&worker->cond);
		pthread_mutex_unlock(&worker->lock);
		pthread_join(worker->thread, NULL);
		worker->started = 0;
	}
	lf_frontend_unit_free(worker->unit);
	worker->unit = NULL;
	/* A worker that never started is all zeros; one stopped has -1. */
	if (worker->wake[0] == worker->wake[1])
		return;
	close(worker->wake[0]);
	close(worker->wake[1]);
	worker->wake[0] = worker->wake[1] = -1;
	lf_lsp_job_free(worker->todo);
	lf_lsp_job_free(worker->done);
	worker->todo = worker->done = NULL;
	pthread_mutex_destroy(&worker->lock);
	pthread_cond_destroy(&worker->cond);
}

/* A new job for version "version" of the document "uri" (the file
 * "path") whose text is text[0 .. len), or NULL.
 */
static __isl_give struct lf_lsp_job *lf_lsp_job_alloc(
	__isl_keep const char *uri, __isl_keep const char *path, int version,
	__isl_keep const char *text, size_t len)
{
	struct lf_lsp_job *job = calloc(1, sizeof(*job));

	if (!job)
		return NULL;
	job->uri = strdup(uri);
	job->path = strdup(path);
	job->text = malloc(len + 1);
	job->version = version;
	job->len = len;
	if (!job->uri || !job->path || !job->text) {
		lf_lsp_job_free(job);
		return NULL;
	}
	if (len > 0)
		memcpy(job->text, text, len);
	job->text[len] = '\0';
	return job;
}

/* Remove the job for "uri" that has not started, if any.  Called with
 * the lock held.
 */
static void lf_lsp_worker_drop(__isl_keep struct lf_lsp_worker *worker,
	__isl_keep const char *uri)
{
	struct lf_lsp_job **p, *job;

	for (p = &worker->todo; *p; p = &(*p)->next)
		if (!strcmp((*p)->uri, uri)) {
			job = *p;
			*p = job->next;
			job->next = NULL;
			lf_lsp_job_free(job);
			return;
		}
}

/* Have version "version" of "uri" analysed, in place of a version
 * that waits for its turn.
 */
int lf_lsp_worker_submit(__isl_keep struct lf_lsp_worker *worker,
	__isl_keep const char *uri, __isl_keep const char *path, int version,
	__isl_keep const char *text, size_t len)
{
	struct lf_lsp_job *job = lf_lsp_job_alloc(uri, path, version, text,
						  len);
	struct lf_lsp_job **last;

	if (!job)
		return -1;
	pthread_mutex_lock(&worker->lock);
	lf_lsp_worker_drop(worker, uri);
	for (last = &worker->todo; *last; last = &(*last)->next)
		;
	*last = job;
	pthread_cond_signal(&worker->cond);
	pthread_mutex_unlock(&worker->lock);
	return 0;
}

/* Forget the job for "uri" that has not started (the document was
 * closed).
 */
void lf_lsp_worker_cancel(__isl_keep struct lf_lsp_worker *worker,
	__isl_keep const char *uri)
{
	pthread_mutex_lock(&worker->lock);
	lf_lsp_worker_drop(worker, uri);
	pthread_mutex_unlock(&worker->lock);
}

int lf_lsp_worker_fd(__isl_keep struct lf_lsp_worker *worker)
{
	return worker->wake[0];
}

/* The jobs done since the last call, in the order they were done, and
 * the bytes on the pipe that announced them.
 */
__isl_give struct lf_lsp_job *lf_lsp_worker_take(
	__isl_keep struct lf_lsp_worker *worker)
{
	struct lf_lsp_job *done;
	char drain[64];

	while (read(worker->wake[0], drain, sizeof(drain)) > 0)
		;
	pthread_mutex_lock(&worker->lock);
	done = worker->done;
	worker->done = NULL;
	pthread_mutex_unlock(&worker->lock);
	return done;
}
