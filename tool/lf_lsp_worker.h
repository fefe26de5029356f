/* SPDX-License-Identifier: MIT */
#ifndef LF_LSP_WORKER_H
#define LF_LSP_WORKER_H

#include <pthread.h>
#include <stddef.h>

#include <isl/ctx.h>

#include "lf_lsp_analyse.h"

/* The analysis of documents, away from the thread that talks to the
 * editor: analysing a kernel takes from tens of milliseconds to a
 * second, and the editor's requests are answered meanwhile.
 *
 * A job is one version of one document.  Submitting a newer version of
 * a document replaces its job that has not started, so that a burst of
 * changes is analysed once.  When a job is done, a byte is written to
 * the pipe whose reading end lf_lsp_worker_fd gives, for poll;
 * lf_lsp_worker_take then hands out the jobs done, with their checks
 * (NULL when the analysis ran out of memory).  A job that parses is
 * handed out twice: first with the diagnostics alone (final not set),
 * then whole.  The worker keeps clang's parse of the last document it
 * analysed, "unit", and reparses it for the document's next version.
 */
struct lf_lsp_job {
	char *uri;
	char *path;
	int version;
	char *text;
	size_t len;
	struct lf_lsp_check *check;
	int final;
	struct lf_lsp_job *next;
};

struct lf_lsp_worker {
	pthread_t thread;
	pthread_mutex_t lock;
	pthread_cond_t cond;
	int started;
	int stop;
	int wake[2];
	const struct lf_lsp_config *config;
	struct lf_frontend_unit *unit;
	struct lf_lsp_job *todo;
	struct lf_lsp_job *done;
};

int lf_lsp_worker_start(__isl_keep struct lf_lsp_worker *worker,
	__isl_keep const struct lf_lsp_config *config);
void lf_lsp_worker_stop(__isl_keep struct lf_lsp_worker *worker);
int lf_lsp_worker_submit(__isl_keep struct lf_lsp_worker *worker,
	__isl_keep const char *uri, __isl_keep const char *path, int version,
	__isl_keep const char *text, size_t len);
void lf_lsp_worker_cancel(__isl_keep struct lf_lsp_worker *worker,
	__isl_keep const char *uri);
int lf_lsp_worker_fd(__isl_keep struct lf_lsp_worker *worker);
__isl_give struct lf_lsp_job *lf_lsp_worker_take(
	__isl_keep struct lf_lsp_worker *worker);
void lf_lsp_job_free(__isl_take struct lf_lsp_job *job);

#endif
