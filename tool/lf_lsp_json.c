/* SPDX-License-Identifier: MIT */
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "lf_jsonrpc.h"
#include "lf_lsp_json.h"

/* The protocol's structures in JSON (see lf_lsp_json.h). */

__isl_keep struct json_object *lf_lsp_json_get(
	__isl_keep struct json_object *obj, __isl_keep const char *key)
{
	struct json_object *value = NULL;

	if (!json_object_is_type(obj, json_type_object) ||
	    !json_object_object_get_ex(obj, key, &value))
		return NULL;
	return value;
}

__isl_keep const char *lf_lsp_json_string(__isl_keep struct json_object *obj,
	__isl_keep const char *key)
{
	struct json_object *value = lf_lsp_json_get(obj, key);

	if (!json_object_is_type(value, json_type_string))
		return NULL;
	return json_object_get_string(value);
}

/* The integer "key" of obj, if it is one that an int holds.
 */
int lf_lsp_json_int(__isl_keep struct json_object *obj,
	__isl_keep const char *key, int *value)
{
	struct json_object *v = lf_lsp_json_get(obj, key);
	int64_t i;

	if (!json_object_is_type(v, json_type_int))
		return -1;
	i = json_object_get_int64(v);
	if (i < INT_MIN || i > INT_MAX)
		return -1;
	*value = (int) i;
	return 0;
}

/* Is "key" of obj true?
 */
int lf_lsp_json_bool(__isl_keep struct json_object *obj,
	__isl_keep const char *key)
{
	struct json_object *v = lf_lsp_json_get(obj, key);

	return json_object_is_type(v, json_type_boolean) &&
	       json_object_get_boolean(v);
}

/* {"line": l, "character": c} with both non-negative integers.
 */
static int lf_lsp_json_pos(__isl_keep struct json_object *obj,
	struct lf_lsp_pos *pos)
{
	int line, character;

	if (lf_lsp_json_int(obj, "line", &line) < 0 ||
	    lf_lsp_json_int(obj, "character", &character) < 0 ||
	    line < 0 || character < 0)
		return -1;
	pos->line = line;
	pos->character = character;
	return 0;
}

/* {"start": position, "end": position}.
 */
int lf_lsp_json_range(__isl_keep struct json_object *obj,
	struct lf_lsp_pos *start, struct lf_lsp_pos *end)
{
	if (lf_lsp_json_pos(lf_lsp_json_get(obj, "start"), start) < 0 ||
	    lf_lsp_json_pos(lf_lsp_json_get(obj, "end"), end) < 0)
		return -1;
	return 0;
}

static __isl_give struct json_object *lf_lsp_json_pos_new(
	struct lf_lsp_pos pos)
{
	struct json_object *obj = json_object_new_object();

	obj = lf_jsonrpc_set(obj, "line", json_object_new_int64(pos.line));
	return lf_jsonrpc_set(obj, "character",
			      json_object_new_int64(pos.character));
}

/* The range of the bytes [begin, end) of t.
 */
__isl_give struct json_object *lf_lsp_json_range_new(
	__isl_keep const struct lf_lsp_text *t, enum lf_lsp_encoding enc,
	size_t begin, size_t end)
{
	struct json_object *obj = json_object_new_object();

	obj = lf_jsonrpc_set(obj, "start", lf_lsp_json_pos_new(
		lf_lsp_text_position(t, enc, begin)));
	return lf_jsonrpc_set(obj, "end", lf_lsp_json_pos_new(
		lf_lsp_text_position(t, enc, end)));
}

static __isl_give struct json_object *lf_lsp_json_diagnostic(
	__isl_keep const struct lf_lsp_diag *d,
	__isl_keep const struct lf_lsp_text *t, enum lf_lsp_encoding enc)
{
	struct json_object *obj = json_object_new_object();

	obj = lf_jsonrpc_set(obj, "range",
			     lf_lsp_json_range_new(t, enc, d->begin, d->end));
	obj = lf_jsonrpc_set(obj, "severity",
			     json_object_new_int(d->severity));
	if (d->code)
		obj = lf_jsonrpc_set(obj, "code",
				     json_object_new_string(d->code));
	obj = lf_jsonrpc_set(obj, "source",
			     json_object_new_string("loopfuse"));
	return lf_jsonrpc_set(obj, "message",
			      json_object_new_string(d->message));
}

/* The Diagnostic[] of "check", on the text t it was made for.
 */
__isl_give struct json_object *lf_lsp_json_diagnostics(
	__isl_keep const struct lf_lsp_check *check,
	__isl_keep const struct lf_lsp_text *t, enum lf_lsp_encoding enc)
{
	struct json_object *arr = json_object_new_array();
	int i;

	for (i = 0; check && i < check->n_diag; ++i)
		arr = lf_jsonrpc_push(arr, lf_lsp_json_diagnostic(
			&check->diags[i], t, enc));
	return arr;
}

/* The TextEdit[] of the n edits, in their order (which is the order
 * of two insertions at one place).
 */
__isl_give struct json_object *lf_lsp_json_edits(
	__isl_keep const struct lf_edit *edits, int n,
	__isl_keep const struct lf_lsp_text *t, enum lf_lsp_encoding enc)
{
	struct json_object *arr = json_object_new_array(), *e;
	int i;

	for (i = 0; i < n; ++i) {
		e = json_object_new_object();
		e = lf_jsonrpc_set(e, "range", lf_lsp_json_range_new(t, enc,
			edits[i].begin, edits[i].end));
		e = lf_jsonrpc_set(e, "newText", json_object_new_string(
			edits[i].text ? edits[i].text : ""));
		arr = lf_jsonrpc_push(arr, e);
	}
	return arr;
}

/* The WorkspaceEdit that makes "edits" (taken) to version "version"
 * of "uri": as documentChanges, which name the version the edits are
 * for, when the editor takes them, else as changes.
 */
static __isl_give struct json_object *lf_lsp_json_workspace_edit(
	__isl_keep const char *uri, int version,
	__isl_take struct json_object *edits, int doc_changes)
{
	struct json_object *doc, *change;

	if (!doc_changes)
		return lf_jsonrpc_set(json_object_new_object(), "changes",
			lf_jsonrpc_set(json_object_new_object(), uri, edits));
	doc = json_object_new_object();
	doc = lf_jsonrpc_set(doc, "uri", json_object_new_string(uri));
	doc = lf_jsonrpc_set(doc, "version", json_object_new_int(version));
	change = lf_jsonrpc_set(json_object_new_object(), "textDocument", doc);
	change = lf_jsonrpc_set(change, "edits", edits);
	return lf_jsonrpc_set(json_object_new_object(), "documentChanges",
		lf_jsonrpc_push(json_object_new_array(), change));
}

/* The CodeAction "title" that makes "edits" (taken) to "uri".
 */
__isl_give struct json_object *lf_lsp_json_action(__isl_keep const char *title,
	__isl_keep const char *uri, int version,
	__isl_take struct json_object *edits, int doc_changes)
{
	struct json_object *obj = json_object_new_object();

	obj = lf_jsonrpc_set(obj, "title", json_object_new_string(title));
	obj = lf_jsonrpc_set(obj, "kind",
			     json_object_new_string(LF_LSP_JSON_KIND));
	return lf_jsonrpc_set(obj, "edit", lf_lsp_json_workspace_edit(uri,
		version, edits, doc_changes));
}
