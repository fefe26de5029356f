/* SPDX-License-Identifier: MIT */
#ifndef LF_LSP_SYNC_H
#define LF_LSP_SYNC_H

#include <isl/ctx.h>
#include <json-c/json.h>

#include "lf_lsp_server.h"

/* The documents the editor has open, kept in step with it. */
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
void lf_lsp_sync_clear(__isl_keep struct lf_lsp *lsp);

#endif
