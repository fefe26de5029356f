/* SPDX-License-Identifier: MIT */
#ifndef LF_LSP_ACTION_H
#define LF_LSP_ACTION_H

#include <isl/ctx.h>
#include <json-c/json.h>

#include "lf_lsp_server.h"

/* textDocument/codeAction: the rewrite of a group of nests. */
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
