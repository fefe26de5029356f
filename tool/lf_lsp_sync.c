/* SPDX-License-Identifier: MIT */
#include <stdlib.h>
#include <string.h>

#include "lf_grow.h"
#include "lf_jsonrpc.h"
#include "lf_lsp_action.h"
#include "lf_lsp_json.h"
#include "lf_lsp_sync.h"
#include "lf_lsp_uri.h"

/* The documents the editor has open: their text kept in step with its
 * changes, full or incremental, each new version handed to the worker,
 * and its diagnostics published once checked.
 */

static void lf_lsp_sync_doc_free(__isl_take struct lf_lsp_doc *doc)
{
	if (!doc)
		return;
	free(doc->uri);
	free(doc->path);
	lf_lsp_text_clear(&doc->text);
	lf_lsp_check_free(doc->check);
	free(doc);
}

void lf_lsp_sync_clear(__isl_keep struct lf_lsp *lsp)
{
	int i;

	for (i = 0; i < lsp->n_doc; ++i)
		lf_lsp_sync_doc_free(lsp->docs[i]);
	free(lsp->docs);
	lsp->docs = NULL;
	lsp->n_doc = 0;
}

/* Have the current version of "doc" checked.
 */
static int lf_lsp_sync_submit(__isl_keep struct lf_lsp *lsp,
	__isl_keep struct lf_lsp_doc *doc)
{
	if (lf_lsp_worker_submit(&lsp->worker, doc->uri, doc->path,
				 doc->version, doc->text.text,
				 doc->text.len) < 0) {
		lf_lsp_server_log("out of memory");
		return -1;
	}
	return 0;
}

/* The document "uri", opened now (without text); NULL when out of
 * memory.
 */
static __isl_keep struct lf_lsp_doc *lf_lsp_sync_add(
	__isl_keep struct lf_lsp *lsp, __isl_keep const char *uri)
{
	struct lf_lsp_doc *doc = calloc(1, sizeof(*doc));

	if (!doc || LF_GROW(lsp->docs, lsp->n_doc) < 0) {
		free(doc);
		return NULL;
	}
	doc->uri = strdup(uri);
	doc->path = lf_lsp_uri_path(uri);
	if (!doc->uri || !doc->path) {
		lf_lsp_sync_doc_free(doc);
		return NULL;
	}
	lsp->docs[lsp->n_doc++] = doc;
	return doc;
}

/* textDocument/didOpen: a document with its text and version (opened
 * again, it takes the new ones).
 */
int lf_lsp_sync_open(__isl_keep struct lf_lsp *lsp,
	__isl_keep struct json_object *params)
{
	struct json_object *td = lf_lsp_json_get(params, "textDocument");
	struct json_object *text = lf_lsp_json_get(td, "text");
	const char *uri = lf_lsp_json_string(td, "uri");
	struct lf_lsp_doc *doc;
	int version;

	if (!uri || !json_object_is_type(text, json_type_string) ||
	    lf_lsp_json_int(td, "version", &version) < 0) {
		lf_lsp_server_log("ignored textDocument/didOpen without a uri, a "
			   "version and a text");
		return 0;
	}
	doc = lf_lsp_server_find(lsp, uri);
	if (!doc)
		doc = lf_lsp_sync_add(lsp, uri);
	if (!doc || lf_lsp_text_set(&doc->text, json_object_get_string(text),
				    json_object_get_string_len(text)) < 0) {
		lf_lsp_server_log("out of memory");
		return -1;
	}
	doc->version = version;
	doc->checked = 0;
	doc->diagnosed = 0;
	if (lf_lsp_action_drop(lsp, uri) < 0)
		return -1;
	return lf_lsp_sync_submit(lsp, doc);
}

/* Make one change of a textDocument/didChange to "doc": a new text, or
 * a text for a range.  Return -1 if it is not one.
 */
static int lf_lsp_sync_apply(__isl_keep struct lf_lsp *lsp,
	__isl_keep struct lf_lsp_doc *doc,
	__isl_keep struct json_object *change)
{
	struct json_object *text = lf_lsp_json_get(change, "text");
	struct json_object *range = lf_lsp_json_get(change, "range");
	struct lf_lsp_pos start, end;
	size_t b, e;

	if (!json_object_is_type(text, json_type_string))
		return -1;
	if (!range)
		return lf_lsp_text_set(&doc->text, json_object_get_string(text),
				       json_object_get_string_len(text));
	if (lf_lsp_json_range(range, &start, &end) < 0)
		return -1;
	b = lf_lsp_text_offset(&doc->text, lsp->enc, start);
	e = lf_lsp_text_offset(&doc->text, lsp->enc, end);
	return lf_lsp_text_replace(&doc->text, b, e,
				   json_object_get_string(text),
				   json_object_get_string_len(text));
}

/* textDocument/didChange: the changes, in order, and the new version.
 * A change that cannot be made is skipped and said on stderr: the
 * document is then out of step with the editor's until it sends the
 * whole text again.
 */
int lf_lsp_sync_change(__isl_keep struct lf_lsp *lsp,
	__isl_keep struct json_object *params)
{
	struct json_object *td = lf_lsp_json_get(params, "textDocument");
	struct json_object *changes = lf_lsp_json_get(params,
						      "contentChanges");
	const char *uri = lf_lsp_json_string(td, "uri");
	struct lf_lsp_doc *doc = uri ? lf_lsp_server_find(lsp, uri) : NULL;
	size_t i, n;

	if (!doc || !json_object_is_type(changes, json_type_array)) {
		lf_lsp_server_log("ignored textDocument/didChange of a document "
			   "that is not open, or without changes");
		return 0;
	}
	n = json_object_array_length(changes);
	for (i = 0; i < n; ++i)
		if (lf_lsp_sync_apply(lsp, doc,
				      json_object_array_get_idx(changes, i)) < 0)
			lf_lsp_server_log("could not make change %zu of %s", i, uri);
	if (lf_lsp_json_int(td, "version", &doc->version) < 0)
		doc->version++;
	doc->checked = 0;
	doc->diagnosed = 0;
	if (lf_lsp_action_drop(lsp, uri) < 0)
		return -1;
	return lf_lsp_sync_submit(lsp, doc);
}

/* Publish the diagnostics of "doc" (none when it has no check).
 */
static int lf_lsp_sync_publish(__isl_keep struct lf_lsp *lsp,
	__isl_keep const char *uri, __isl_keep struct lf_lsp_doc *doc)
{
	struct json_object *params = json_object_new_object();

	params = lf_jsonrpc_set(params, "uri", json_object_new_string(uri));
	if (doc)
		params = lf_jsonrpc_set(params, "version",
					json_object_new_int(doc->version));
	params = lf_jsonrpc_set(params, "diagnostics", doc ?
		lf_lsp_json_diagnostics(doc->check, &doc->text, lsp->enc) :
		json_object_new_array());
	return lf_lsp_server_notify(lsp, "textDocument/publishDiagnostics", params);
}

/* textDocument/didClose: forget the document and clear its
 * diagnostics.
 */
int lf_lsp_sync_close(__isl_keep struct lf_lsp *lsp,
	__isl_keep struct json_object *params)
{
	const char *uri = lf_lsp_json_string(
		lf_lsp_json_get(params, "textDocument"), "uri");
	int i = uri ? lf_lsp_server_index(lsp, uri) : -1;

	if (i < 0) {
		lf_lsp_server_log("ignored textDocument/didClose of a document "
			   "that is not open");
		return 0;
	}
	lf_lsp_worker_cancel(&lsp->worker, uri);
	if (lf_lsp_action_drop(lsp, uri) < 0 ||
	    lf_lsp_sync_publish(lsp, uri, NULL) < 0)
		return -1;
	lf_lsp_sync_doc_free(lsp->docs[i]);
	lsp->docs[i] = lsp->docs[--lsp->n_doc];
	return 0;
}

/* textDocument/didSave: the text is the same, but the headers it
 * includes may have changed on disk: check it again, keeping the
 * current check until then.
 */
int lf_lsp_sync_save(__isl_keep struct lf_lsp *lsp,
	__isl_keep struct json_object *params)
{
	const char *uri = lf_lsp_json_string(
		lf_lsp_json_get(params, "textDocument"), "uri");
	struct lf_lsp_doc *doc = uri ? lf_lsp_server_find(lsp, uri) : NULL;

	if (!doc)
		return 0;
	doc->diagnosed = 0;
	return lf_lsp_sync_submit(lsp, doc);
}

/* Is "job" a check of the text that "doc" has now?  The version says
 * it, but for a document closed and opened again with the same one.
 */
static int lf_lsp_sync_current(__isl_keep struct lf_lsp_doc *doc,
	__isl_keep struct lf_lsp_job *job)
{
	return doc && doc->version == job->version &&
	       doc->text.len == job->len &&
	       !memcmp(doc->text.text, job->text, job->len);
}

/* Take the diagnostics of the current version of "doc", "job"'s, and
 * publish them, unless the whole check of that version is there
 * already (it is checked again after a save).
 */
static int lf_lsp_sync_diagnosed(__isl_keep struct lf_lsp *lsp,
	__isl_keep struct lf_lsp_doc *doc, __isl_keep struct lf_lsp_job *job)
{
	if (doc->checked)
		return 0;
	lf_lsp_check_free(doc->check);
	doc->check = job->check;
	job->check = NULL;
	doc->diagnosed = 1;
	return lf_lsp_sync_publish(lsp, doc->uri, doc);
}

/* Take the whole check of the current version of "doc", "job"'s:
 * publish its diagnostics if they are not yet, or if the rewrite
 * revised them, and answer the code actions that waited for it.
 */
static int lf_lsp_sync_final(__isl_keep struct lf_lsp *lsp,
	__isl_keep struct lf_lsp_doc *doc, __isl_keep struct lf_lsp_job *job)
{
	int publish = !doc->diagnosed || !job->check || job->check->revised;

	if (!job->check)
		lf_lsp_server_log("out of memory while checking %s", job->uri);
	lf_lsp_check_free(doc->check);
	doc->check = job->check;
	job->check = NULL;
	doc->checked = 1;
	doc->diagnosed = 1;
	if (publish && lf_lsp_sync_publish(lsp, doc->uri, doc) < 0)
		return -1;
	return lf_lsp_action_ready(lsp, doc);
}

/* Take the checks the worker made: each that is of a document's
 * current text gives its diagnostics, then its fixes.
 */
int lf_lsp_sync_checked(__isl_keep struct lf_lsp *lsp,
	__isl_take struct lf_lsp_job *jobs)
{
	struct lf_lsp_job *job;
	struct lf_lsp_doc *doc;
	int r = 0;

	for (job = jobs; job && r == 0; job = job->next) {
		doc = lf_lsp_server_find(lsp, job->uri);
		if (!lf_lsp_sync_current(doc, job))
			continue;
		if (job->final)
			r = lf_lsp_sync_final(lsp, doc, job);
		else
			r = lf_lsp_sync_diagnosed(lsp, doc, job);
	}
	lf_lsp_job_free(jobs);
	return r;
}
