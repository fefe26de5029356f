#ifndef LF_LSP_H
#define LF_LSP_H

#include <isl/ctx.h>
#include <json-c/json.h>

#include "lf_lsp_check.h"
#include "lf_lsp_text.h"
#include "lf_lsp_worker.h"

/* loopfuse lsp: a language server (LSP 3.17) on stdin and stdout.  It
 * shows, in the documents an editor has open, which loop nests can be
 * fused and why others cannot, and offers the rewrite of the group of
 * nests under the cursor as a code action.
 *
 * The thread that talks to the editor (lf_lsp.c) keeps the documents
 * (lf_lsp_sync.c) and answers requests; a worker thread analyses each
 * new version of a document (lf_lsp_worker.c), after which its
 * diagnostics are published and the requests for code actions that
 * waited for it are answered (lf_lsp_action.c).
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

int lf_lsp_main(int argc, __isl_keep char **argv);

/* lf_lsp.c: what goes to the editor. */
int lf_lsp_reply(__isl_keep struct lf_lsp *lsp,
	__isl_keep struct json_object *id,
	__isl_take struct json_object *result);
int lf_lsp_fail(__isl_keep struct lf_lsp *lsp,
	__isl_keep struct json_object *id, int code,
	__isl_keep const char *message);
int lf_lsp_notify(__isl_keep struct lf_lsp *lsp, __isl_keep const char *method,
	__isl_take struct json_object *params);
void lf_lsp_log(__isl_keep const char *fmt, ...)
	__attribute__((format(printf, 1, 2)));

/* lf_lsp_init.c: initialize. */
int lf_lsp_init_initialize(__isl_keep struct lf_lsp *lsp,
	__isl_keep struct json_object *id,
	__isl_keep struct json_object *params);
void lf_lsp_init_clear(__isl_keep struct lf_lsp *lsp);

/* lf_lsp_sync.c: the documents. */
int lf_lsp_sync_open(__isl_keep struct lf_lsp *lsp,
	__isl_keep struct json_object *params);
int lf_lsp_sync_change(__isl_keep struct lf_lsp *lsp,
	__isl_keep struct json_object *params);
int lf_lsp_sync_close(__isl_keep struct lf_lsp *lsp,
	__isl_keep struct json_object *params);
int lf_lsp_sync_save(__isl_keep struct lf_lsp *lsp,
	__isl_keep struct json_object *params);
int lf_lsp_sync_checked(__isl_keep struct lf_lsp *lsp,
	__isl_take struct lf_lsp_job *jobs);
__isl_keep struct lf_lsp_doc *lf_lsp_sync_find(__isl_keep struct lf_lsp *lsp,
	__isl_keep const char *uri);
void lf_lsp_sync_clear(__isl_keep struct lf_lsp *lsp);

/* lf_lsp_action.c: code actions. */
int lf_lsp_action_request(__isl_keep struct lf_lsp *lsp,
	__isl_keep struct json_object *id,
	__isl_keep struct json_object *params);
int lf_lsp_action_ready(__isl_keep struct lf_lsp *lsp,
	__isl_keep struct lf_lsp_doc *doc);
int lf_lsp_action_drop(__isl_keep struct lf_lsp *lsp,
	__isl_keep const char *uri);
int lf_lsp_action_cancel(__isl_keep struct lf_lsp *lsp,
	__isl_keep struct json_object *params);
void lf_lsp_action_clear(__isl_keep struct lf_lsp *lsp);

#endif
