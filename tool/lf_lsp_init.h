/* SPDX-License-Identifier: MIT */
#ifndef LF_LSP_INIT_H
#define LF_LSP_INIT_H

#include <isl/ctx.h>
#include <json-c/json.h>

#include "lf_lsp_server.h"

/* initialize: the editor's capabilities and options. */
int lf_lsp_init_initialize(__isl_keep struct lf_lsp *lsp,
	__isl_keep struct json_object *id,
	__isl_keep struct json_object *params);
void lf_lsp_init_clear(__isl_keep struct lf_lsp *lsp);

#endif
