/* SPDX-License-Identifier: MIT */
#ifndef LF_LSP_JSON_H
#define LF_LSP_JSON_H

#include <stddef.h>

#include <isl/ctx.h>
#include <json-c/json.h>

#include "lf_edit.h"
#include "lf_lsp_check.h"
#include "lf_lsp_text.h"

/* The protocol's structures, read from the editor's JSON and written
 * for it: positions and ranges (in the agreed encoding), diagnostics,
 * text edits and code actions.  Readers return NULL or -1 for what is
 * absent or of the wrong type; writers return NULL when out of
 * memory.
 */
/* The kind of every code action loopfuse offers. */
#define LF_LSP_JSON_KIND "refactor.rewrite"

__isl_keep struct json_object *lf_lsp_json_get(
	__isl_keep struct json_object *obj, __isl_keep const char *key);
__isl_keep const char *lf_lsp_json_string(__isl_keep struct json_object *obj,
	__isl_keep const char *key);
int lf_lsp_json_int(__isl_keep struct json_object *obj,
	__isl_keep const char *key, int *value);
int lf_lsp_json_bool(__isl_keep struct json_object *obj,
	__isl_keep const char *key);
int lf_lsp_json_range(__isl_keep struct json_object *obj,
	struct lf_lsp_pos *start, struct lf_lsp_pos *end);

__isl_give struct json_object *lf_lsp_json_range_new(
	__isl_keep const struct lf_lsp_text *t, enum lf_lsp_encoding enc,
	size_t begin, size_t end);
__isl_give struct json_object *lf_lsp_json_diagnostics(
	__isl_keep const struct lf_lsp_check *check,
	__isl_keep const struct lf_lsp_text *t, enum lf_lsp_encoding enc);
__isl_give struct json_object *lf_lsp_json_edits(
	__isl_keep const struct lf_edit *edits, int n,
	__isl_keep const struct lf_lsp_text *t, enum lf_lsp_encoding enc);
__isl_give struct json_object *lf_lsp_json_action(__isl_keep const char *title,
	__isl_keep const char *uri, int version,
	__isl_take struct json_object *edits, int doc_changes);

#endif
