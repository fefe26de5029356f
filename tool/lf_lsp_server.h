/* SPDX-License-Identifier: MIT */
#ifndef LF_LSP_SERVER_H
#define LF_LSP_SERVER_H

#include <isl/ctx.h>
#include <json-c/json.h>

#include "lf_lsp_analyse.h"
#include "lf_lsp_check.h"
#include "lf_lsp_text.h"
#include "lf_lsp_worker.h"

/* The state of loopfuse lsp, shared by the files that take the
 * editor's messages (see lf_lsp.h), and what they send to the editor.
 */

/* The protocol's own error codes. */
#define LF_LSP_SERVER_NOT_INITIALIZED	-32002
#define LF_LSP_REQUEST_CANCELLED	-32800
#define LF_LSP_CONTENT_MODIFIED		-32801

/* Before initialize, running, after shutdown, after exit. */
enum lf_lsp_state {
	LF_LSP_STARTING,
	LF_LSP_RUNNING,
	LF_LSP_SHUT_DOWN,
	LF_LSP_EXITED
};

/* An open document: its latest version and text, and the check of
 * that version once the worker has made it (checked is set then; the
 * check may be NULL if the analysis ran out of memory).  Before that,
 * check may hold the diagnostics of the version alone.  diagnosed says
 * that the diagnostics of the version are published.
 */
struct lf_lsp_doc {
	char *uri;
	char *path;
	int version;
	struct lf_lsp_text text;
	int checked;
	int diagnosed;
	struct lf_lsp_check *check;
};

/* A request for code actions on version "version" of "uri", waiting
 * for its check.
 */
struct lf_lsp_wait {
	struct json_object *id;
	struct json_object *params;
	char *uri;
	int version;
};

struct lf_lsp {
	int out;
	enum lf_lsp_state state;
	int exit_code;
	enum lf_lsp_encoding enc;
	int doc_changes;
	struct lf_lsp_config config;
	int n_doc;
	struct lf_lsp_doc **docs;
	int n_wait;
	struct lf_lsp_wait *waits;
	struct lf_lsp_worker worker;
};

/* What goes to the editor. */
int lf_lsp_server_reply(__isl_keep struct lf_lsp *lsp,
	__isl_keep struct json_object *id,
	__isl_take struct json_object *result);
int lf_lsp_server_reply_null(__isl_keep struct lf_lsp *lsp,
	__isl_keep struct json_object *id);
int lf_lsp_server_fail(__isl_keep struct lf_lsp *lsp,
	__isl_keep struct json_object *id, int code,
	__isl_keep const char *message);
int lf_lsp_server_notify(__isl_keep struct lf_lsp *lsp,
	__isl_keep const char *method, __isl_take struct json_object *params);
void lf_lsp_server_log(__isl_keep const char *fmt, ...)
	__attribute__((format(printf, 1, 2)));

/* The open documents. */
int lf_lsp_server_index(__isl_keep struct lf_lsp *lsp,
	__isl_keep const char *uri);
__isl_keep struct lf_lsp_doc *lf_lsp_server_find(
	__isl_keep struct lf_lsp *lsp, __isl_keep const char *uri);

#endif
