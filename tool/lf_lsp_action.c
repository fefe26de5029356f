/* SPDX-License-Identifier: MIT */
#include <stdlib.h>
#include <string.h>

#include "lf_grow.h"
#include "lf_jsonrpc.h"
#include "lf_lsp_action.h"
#include "lf_lsp_json.h"
#include "lf_say.h"

/* textDocument/codeAction: on a range inside a group of nests that the
 * rewrite changes, the action that rewrites that group alone ("Fuse
 * loops", or "Tile loops" for a nest tiled alone), and when the file
 * has other groups, the one that rewrites them all, as loopfuse -o
 * does.  A request for a version not checked yet waits for its check.
 */

/* Does the editor want actions of kind refactor.rewrite?  context.only,
 * when given, lists the kinds it wants; a kind covers itself and the
 * kinds below it ("refactor" covers "refactor.rewrite").
 */
static int lf_lsp_action_wanted(__isl_keep struct json_object *params)
{
	struct json_object *only = lf_lsp_json_get(lf_lsp_json_get(params,
		"context"), "only");
	const char *ours = LF_LSP_JSON_KIND, *kind;
	size_t i, n;

	if (!json_object_is_type(only, json_type_array))
		return 1;
	n = json_object_array_length(only);
	for (i = 0; i < n; ++i) {
		kind = json_object_get_string(json_object_array_get_idx(only,
									i));
		if (kind && !strncmp(ours, kind, strlen(kind)) &&
		    (ours[strlen(kind)] == '\0' || ours[strlen(kind)] == '.'))
			return 1;
	}
	return 0;
}

/* Add to "list" (taken) the action "title" that makes the n edits. */
static __isl_give struct json_object *lf_lsp_action_add(
	__isl_keep struct lf_lsp *lsp, __isl_keep struct lf_lsp_doc *doc,
	__isl_take struct json_object *list, __isl_keep const char *title,
	__isl_keep const struct lf_edit *edits, int n)
{
	struct json_object *json = lf_lsp_json_edits(edits, n, &doc->text,
						     lsp->enc);

	return lf_jsonrpc_push(list, lf_lsp_json_action(title, doc->uri,
		doc->version, json, lsp->doc_changes));
}

/* The actions on the bytes [begin, end) of the checked "doc". */
static __isl_give struct json_object *lf_lsp_action_list(
	__isl_keep struct lf_lsp *lsp, __isl_keep struct lf_lsp_doc *doc,
	size_t begin, size_t end)
{
	struct json_object *list = json_object_new_array();
	const struct lf_lsp_check *check = doc->check;
	int i, found = 0;

	for (i = 0; check && i < check->n_fix; ++i) {
		const struct lf_lsp_fix *fix = &check->fixes[i];

		if (begin > fix->end || end < fix->begin)
			continue;
		found = 1;
		/* The one group of a file is rewritten as loopfuse -o does,
		 * with whatever it adds outside the group. */
		if (check->n_fix == 1)
			list = lf_lsp_action_add(lsp, doc, list,
				lf_say_action(fix->n_nest, 0), check->edits,
				check->n_edit);
		else
			list = lf_lsp_action_add(lsp, doc, list,
				lf_say_action(fix->n_nest, 0),
				check->edits + fix->first_edit, fix->n_edit);
	}
	if (found && check->n_fix >= 2)
		list = lf_lsp_action_add(lsp, doc, list, lf_say_action(0, 1),
					 check->edits, check->n_edit);
	return list;
}

/* Answer the request "id" for the code actions of "params" on the
 * checked "doc".
 */
static int lf_lsp_action_answer(__isl_keep struct lf_lsp *lsp,
	__isl_keep struct json_object *id,
	__isl_keep struct json_object *params,
	__isl_keep struct lf_lsp_doc *doc)
{
	struct lf_lsp_pos start, end;
	size_t b, e;

	if (!lf_lsp_action_wanted(params))
		return lf_lsp_server_reply(lsp, id, json_object_new_array());
	lf_lsp_json_range(lf_lsp_json_get(params, "range"), &start, &end);
	b = lf_lsp_text_offset(&doc->text, lsp->enc, start);
	e = lf_lsp_text_offset(&doc->text, lsp->enc, end);
	if (b > e) {
		size_t t = b;

		b = e;
		e = t;
	}
	return lf_lsp_server_reply(lsp, id, lf_lsp_action_list(lsp, doc, b, e));
}

/* Keep the request "id" until "doc" is checked. */
static int lf_lsp_action_wait(__isl_keep struct lf_lsp *lsp,
	__isl_keep struct json_object *id,
	__isl_keep struct json_object *params,
	__isl_keep struct lf_lsp_doc *doc)
{
	struct lf_lsp_wait *w;

	if (LF_GROW(lsp->waits, lsp->n_wait) < 0)
		return lf_lsp_server_reply(lsp, id, NULL);
	w = &lsp->waits[lsp->n_wait];
	w->uri = strdup(doc->uri);
	if (!w->uri)
		return lf_lsp_server_reply(lsp, id, NULL);
	w->id = json_object_get(id);
	w->params = json_object_get(params);
	w->version = doc->version;
	lsp->n_wait++;
	return 0;
}

/* textDocument/codeAction. */
int lf_lsp_action_request(__isl_keep struct lf_lsp *lsp,
	__isl_keep struct json_object *id,
	__isl_keep struct json_object *params)
{
	const char *uri = lf_lsp_json_string(
		lf_lsp_json_get(params, "textDocument"), "uri");
	struct lf_lsp_pos start, end;
	struct lf_lsp_doc *doc;

	if (!uri || lf_lsp_json_range(lf_lsp_json_get(params, "range"),
				      &start, &end) < 0)
		return lf_lsp_server_fail(lsp, id, LF_JSONRPC_INVALID_PARAMS,
				   "textDocument/codeAction needs a "
				   "textDocument and a range");
	doc = lf_lsp_server_find(lsp, uri);
	if (!doc)
		return lf_lsp_server_reply(lsp, id, json_object_new_array());
	if (!doc->checked)
		return lf_lsp_action_wait(lsp, id, params, doc);
	return lf_lsp_action_answer(lsp, id, params, doc);
}

/* Forget the i-th waiting request, keeping the others in order. */
static void lf_lsp_action_remove(__isl_keep struct lf_lsp *lsp, int i)
{
	json_object_put(lsp->waits[i].id);
	json_object_put(lsp->waits[i].params);
	free(lsp->waits[i].uri);
	memmove(lsp->waits + i, lsp->waits + i + 1,
		(lsp->n_wait - i - 1) * sizeof(*lsp->waits));
	lsp->n_wait--;
}

/* Answer the i-th waiting request: with the actions of "doc" if it is
 * checked in the version the request was for, else with the error
 * that says the document changed (the editor asks again).  Then
 * forget it.
 */
static int lf_lsp_action_settle(__isl_keep struct lf_lsp *lsp, int i,
	__isl_keep struct lf_lsp_doc *doc)
{
	struct lf_lsp_wait *w = &lsp->waits[i];
	int r;

	if (doc && doc->checked && doc->version == w->version)
		r = lf_lsp_action_answer(lsp, w->id, w->params, doc);
	else
		r = lf_lsp_server_fail(lsp, w->id, LF_LSP_CONTENT_MODIFIED,
				"the document changed");
	lf_lsp_action_remove(lsp, i);
	return r;
}

/* Answer the requests that wait for "doc", now checked. */
int lf_lsp_action_ready(__isl_keep struct lf_lsp *lsp,
	__isl_keep struct lf_lsp_doc *doc)
{
	int i = 0;

	while (i < lsp->n_wait)
		if (strcmp(lsp->waits[i].uri, doc->uri))
			i++;
		else if (lf_lsp_action_settle(lsp, i, doc) < 0)
			return -1;
	return 0;
}

/* The document "uri" changed or closed: the requests that wait for an
 * earlier version get the error that says so.
 */
int lf_lsp_action_drop(__isl_keep struct lf_lsp *lsp,
	__isl_keep const char *uri)
{
	int i = 0;

	while (i < lsp->n_wait)
		if (strcmp(lsp->waits[i].uri, uri))
			i++;
		else if (lf_lsp_action_settle(lsp, i, NULL) < 0)
			return -1;
	return 0;
}

/* $/cancelRequest: a request that still waits is answered with the
 * error that says it was cancelled; one answered already is not
 * answered again.
 */
int lf_lsp_action_cancel(__isl_keep struct lf_lsp *lsp,
	__isl_keep struct json_object *params)
{
	struct json_object *id = lf_lsp_json_get(params, "id");
	int i, r;

	for (i = 0; id && i < lsp->n_wait; ++i)
		if (json_object_equal(lsp->waits[i].id, id)) {
			r = lf_lsp_server_fail(lsp, lsp->waits[i].id,
					LF_LSP_REQUEST_CANCELLED,
					"the request was cancelled");
			lf_lsp_action_remove(lsp, i);
			return r;
		}
	return 0;
}

void lf_lsp_action_clear(__isl_keep struct lf_lsp *lsp)
{
	while (lsp->n_wait > 0)
		lf_lsp_action_remove(lsp, lsp->n_wait - 1);
	free(lsp->waits);
	lsp->waits = NULL;
}
