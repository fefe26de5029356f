/* SPDX-License-Identifier: MIT */
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lf_jsonrpc.h"
#include "lf_lsp.h"
#include "lf_lsp_action.h"
#include "lf_lsp_init.h"
#include "lf_lsp_server.h"
#include "lf_lsp_sync.h"

/* The protocol loop of loopfuse lsp: read messages, answer requests,
 * take notifications, publish what the worker finds (see lf_lsp.h).
 */

static int lf_lsp_shutdown(__isl_keep struct lf_lsp *lsp,
	__isl_keep struct json_object *id,
	__isl_keep struct json_object *params)
{
	lsp->state = LF_LSP_SHUT_DOWN;
	return lf_lsp_server_reply_null(lsp, id);
}

/* A method the server takes: a request, which it answers, or a
 * notification.
 */
struct lf_lsp_method {
	const char *name;
	int (*take)(struct lf_lsp *lsp, struct json_object *id,
		struct json_object *params);
};

static const struct lf_lsp_method lf_lsp_requests[] = {
	{ "initialize", &lf_lsp_init_initialize },
	{ "shutdown", &lf_lsp_shutdown },
	{ "textDocument/codeAction", &lf_lsp_action_request },
	{ NULL, NULL }
};

/* Answer request "method" "id", as far as the state allows.
 */
static int lf_lsp_request(__isl_keep struct lf_lsp *lsp,
	__isl_keep const char *method, __isl_keep struct json_object *id,
	__isl_keep struct json_object *params)
{
	const struct lf_lsp_method *m;
	char why[160];

	if (lsp->state == LF_LSP_STARTING && strcmp(method, "initialize"))
		return lf_lsp_server_fail(lsp, id, LF_LSP_SERVER_NOT_INITIALIZED,
				   "the server is not initialized");
	if (lsp->state == LF_LSP_SHUT_DOWN)
		return lf_lsp_server_fail(lsp, id, LF_JSONRPC_INVALID_REQUEST,
				   "the server is shut down");
	for (m = lf_lsp_requests; m->name; ++m)
		if (!strcmp(m->name, method))
			return m->take(lsp, id, params);
	snprintf(why, sizeof(why), "unknown method: %.100s", method);
	return lf_lsp_server_fail(lsp, id, LF_JSONRPC_METHOD_NOT_FOUND, why);
}

/* The notifications the server takes once initialized; it ignores the
 * others.
 */
static int lf_lsp_open(struct lf_lsp *lsp, struct json_object *id,
	struct json_object *params)
{
	return lf_lsp_sync_open(lsp, params);
}

static int lf_lsp_change(struct lf_lsp *lsp, struct json_object *id,
	struct json_object *params)
{
	return lf_lsp_sync_change(lsp, params);
}

static int lf_lsp_close(struct lf_lsp *lsp, struct json_object *id,
	struct json_object *params)
{
	return lf_lsp_sync_close(lsp, params);
}

static int lf_lsp_save(struct lf_lsp *lsp, struct json_object *id,
	struct json_object *params)
{
	return lf_lsp_sync_save(lsp, params);
}

static int lf_lsp_cancel(struct lf_lsp *lsp, struct json_object *id,
	struct json_object *params)
{
	return lf_lsp_action_cancel(lsp, params);
}

static const struct lf_lsp_method lf_lsp_notifications[] = {
	{ "textDocument/didOpen", &lf_lsp_open },
	{ "textDocument/didChange", &lf_lsp_change },
	{ "textDocument/didClose", &lf_lsp_close },
	{ "textDocument/didSave", &lf_lsp_save },
	{ "$/cancelRequest", &lf_lsp_cancel },
	{ NULL, NULL }
};

/* Take notification "method": exit at any time, the others only while
 * running.
 */
static int lf_lsp_notification(__isl_keep struct lf_lsp *lsp,
	__isl_keep const char *method, __isl_keep struct json_object *params)
{
	const struct lf_lsp_method *m;

	if (!strcmp(method, "exit")) {
		lsp->exit_code = lsp->state == LF_LSP_SHUT_DOWN ? 0 : 1;
		lsp->state = LF_LSP_EXITED;
		return 0;
	}
	if (lsp->state != LF_LSP_RUNNING)
		return 0;
	for (m = lf_lsp_notifications; m->name; ++m)
		if (!strcmp(m->name, method))
			return m->take(lsp, NULL, params);
	return 0;
}

/* Take one message, the len bytes at body.
 */
static int lf_lsp_take(__isl_keep struct lf_lsp *lsp,
	__isl_keep const char *body, size_t len)
{
	struct json_object *msg, *id, *params;
	const char *method;
	int r = 0;

	if (lf_jsonrpc_parse(body, len, &msg) < 0)
		return lf_lsp_server_fail(lsp, NULL, LF_JSONRPC_PARSE_ERROR,
				   "the message is not JSON");
	switch (lf_jsonrpc_classify(msg, &method, &id, &params)) {
	case LF_JSONRPC_REQUEST:
		r = lf_lsp_request(lsp, method, id, params);
		break;
	case LF_JSONRPC_NOTIFICATION:
		r = lf_lsp_notification(lsp, method, params);
		break;
	case LF_JSONRPC_RESPONSE:
		break;
	default:
		r = lf_lsp_server_fail(lsp, id, LF_JSONRPC_INVALID_REQUEST,
				"the message is not a JSON-RPC 2.0 request or "
				"notification");
	}
	json_object_put(msg);
	return r;
}

/* Take every complete message the reader has.  Return 1 at the end of
 * the input, -1 when the server cannot go on.
 */
static int lf_lsp_read(__isl_keep struct lf_lsp *lsp,
	__isl_keep struct lf_jsonrpc_reader *reader)
{
	enum lf_jsonrpc_next next;
	char *body;
	size_t len;

	if (lf_jsonrpc_reader_fill(reader) < 0) {
		lf_lsp_server_log("cannot read from the editor: %s", strerror(errno));
		return 1;
	}
	while (lsp->state != LF_LSP_EXITED) {
		next = lf_jsonrpc_reader_next(reader, &body, &len);
		if (next == LF_JSONRPC_MORE)
			return 0;
		if (next == LF_JSONRPC_END)
			return 1;
		if (next == LF_JSONRPC_NO_MEMORY) {
			lf_lsp_server_log("out of memory");
			return -1;
		}
		if (next == LF_JSONRPC_DROPPED) {
			lf_lsp_server_log("dropped input without a valid "
				   "Content-Length header");
			continue;
		}
		if (lf_lsp_take(lsp, body, len) < 0) {
			free(body);
			return -1;
		}
		free(body);
	}
	return 0;
}

/* Wait for input from the editor or for the worker, and take it, until
 * exit or the end of the input.
 */
static int lf_lsp_loop(__isl_keep struct lf_lsp *lsp,
	__isl_keep struct lf_jsonrpc_reader *reader)
{
	struct pollfd fds[2];
	int r = 0, n;

	while (r == 0 && lsp->state != LF_LSP_EXITED) {
		fds[0].fd = reader->fd;
		fds[0].events = POLLIN;
		fds[1].fd = lsp->worker.started ?
			    lf_lsp_worker_fd(&lsp->worker) : -1;
		fds[1].events = POLLIN;
		n = poll(fds, 2, -1);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return -1;
		if (fds[1].revents & POLLIN)
			r = lf_lsp_sync_checked(lsp,
				lf_lsp_worker_take(&lsp->worker));
		if (r == 0 && fds[0].revents)
			r = lf_lsp_read(lsp, reader);
	}
	return r < 0 ? -1 : 0;
}

static void lf_lsp_clear(__isl_keep struct lf_lsp *lsp)
{
	lf_lsp_worker_stop(&lsp->worker);
	lf_lsp_action_clear(lsp);
	lf_lsp_sync_clear(lsp);
	lf_lsp_init_clear(lsp);
}

/* loopfuse lsp [--stdio]: serve one editor on stdin and stdout until
 * it says exit (status 0 after shutdown, else 1) or closes stdin
 * (status 1 unless it had asked for shutdown).
 */
int lf_lsp_main(int argc, __isl_keep char **argv)
{
	struct lf_jsonrpc_reader reader;
	struct lf_lsp lsp;
	int r;

	if (argc > 2 || (argc == 2 && strcmp(argv[1], "--stdio"))) {
		fprintf(stderr, "loopfuse: error: usage: loopfuse lsp "
			"[--stdio]\nTry 'loopfuse --help'.\n");
		return 2;
	}
	/* A closed pipe to the editor is an error to see, not a signal. */
	signal(SIGPIPE, SIG_IGN);
	memset(&lsp, 0, sizeof(lsp));
	lsp.out = 1;
	lsp.exit_code = 1;
	lf_jsonrpc_reader_init(&reader, 0);
	r = lf_lsp_loop(&lsp, &reader);
	if (lsp.state == LF_LSP_SHUT_DOWN)
		lsp.exit_code = 0;
	lf_jsonrpc_reader_clear(&reader);
	lf_lsp_clear(&lsp);
	return r < 0 ? 1 : lsp.exit_code;
}
