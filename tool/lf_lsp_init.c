/* SPDX-License-Identifier: MIT */
#include <stdlib.h>
#include <string.h>

#include "lf_cli.h"
#include "lf_jsonrpc.h"
#include "lf_lsp_init.h"
#include "lf_lsp_json.h"

/* initialize: what the editor can do and wants, and what the server
 * offers in return.
 */

static const char *const lf_lsp_init_encodings[] = {
	[LF_LSP_UTF16] = "utf-16",
	[LF_LSP_UTF8] = "utf-8",
	[LF_LSP_UTF32] = "utf-32",
};

/* The first of the position encodings the editor offers (in its order
 * of preference) that the server knows; UTF-16 if none.
 */
static enum lf_lsp_encoding lf_lsp_init_encoding(
	__isl_keep struct json_object *caps)
{
	struct json_object *list = lf_lsp_json_get(
		lf_lsp_json_get(caps, "general"), "positionEncodings");
	size_t i, n;
	int e;

	if (!json_object_is_type(list, json_type_array))
		return LF_LSP_UTF16;
	n = json_object_array_length(list);
	for (i = 0; i < n; ++i) {
		struct json_object *v = json_object_array_get_idx(list, i);

		if (!json_object_is_type(v, json_type_string))
			continue;
		for (e = 0; e < 3; ++e)
			if (!strcmp(json_object_get_string(v),
				    lf_lsp_init_encodings[e]))
				return e;
	}
	return LF_LSP_UTF16;
}

/* The compiler arguments of initializationOptions.compileFlags (an
 * array of strings; anything else is ignored), copied into the
 * configuration.
 */
static int lf_lsp_init_flags(__isl_keep struct lf_lsp_config *config,
	__isl_keep struct json_object *flags)
{
	size_t i, n;

	if (!json_object_is_type(flags, json_type_array))
		return 0;
	n = json_object_array_length(flags);
	config->argv = calloc(n + 1, sizeof(char *));
	if (!config->argv)
		return -1;
	for (i = 0; i < n; ++i) {
		struct json_object *v = json_object_array_get_idx(flags, i);

		if (!json_object_is_type(v, json_type_string)) {
			lf_lsp_server_log("ignored a compile flag that is not a "
				   "string");
			continue;
		}
		config->argv[config->argc] = strdup(json_object_get_string(v));
		if (!config->argv[config->argc])
			return -1;
		config->argc++;
	}
	return 0;
}

/* The options of initializationOptions, each that of the command line
 * of the same name: fuseAll, assumeNoAlias, openmp (booleans) and
 * tileSize (0 for no tiling); the caches are the machine's.
 */
static void lf_lsp_init_options(__isl_keep struct lf_lsp_config *config,
	__isl_keep struct json_object *init)
{
	struct lf_cli_options cli;
	int tile;

	memset(&cli, 0, sizeof(cli));
	cli.opt.tile_size = -1;
	if (lf_lsp_json_int(init, "tileSize", &tile) == 0 && tile >= 0 &&
	    tile <= 1 << 20)
		cli.opt.tile_size = tile;
	cli.opt.fuse_all = lf_lsp_json_bool(init, "fuseAll");
	cli.opt.assume_no_alias = lf_lsp_json_bool(init, "assumeNoAlias");
	cli.opt.openmp = lf_lsp_json_bool(init, "openmp");
	config->opt = lf_run_options(&cli);
}

/* The server's capabilities: the position encoding chosen, documents
 * synchronized by open, incremental change and close, and code actions
 * of kind refactor.rewrite.
 */
static __isl_give struct json_object *lf_lsp_init_capabilities(
	enum lf_lsp_encoding enc)
{
	struct json_object *sync = json_object_new_object(), *save, *actions;
	struct json_object *caps = json_object_new_object();

	save = lf_jsonrpc_set(json_object_new_object(), "includeText",
			      json_object_new_boolean(0));
	sync = lf_jsonrpc_set(sync, "openClose", json_object_new_boolean(1));
	sync = lf_jsonrpc_set(sync, "change", json_object_new_int(2));
	sync = lf_jsonrpc_set(sync, "save", save);
	actions = lf_jsonrpc_set(json_object_new_object(), "codeActionKinds",
		lf_jsonrpc_push(json_object_new_array(),
				json_object_new_string(LF_LSP_JSON_KIND)));
	caps = lf_jsonrpc_set(caps, "positionEncoding",
			      json_object_new_string(
				      lf_lsp_init_encodings[enc]));
	caps = lf_jsonrpc_set(caps, "textDocumentSync", sync);
	return lf_jsonrpc_set(caps, "codeActionProvider", actions);
}

static __isl_give struct json_object *lf_lsp_init_result(
	enum lf_lsp_encoding enc)
{
	struct json_object *info = json_object_new_object();

	info = lf_jsonrpc_set(info, "name", json_object_new_string("loopfuse"));
	info = lf_jsonrpc_set(info, "version",
			      json_object_new_string(LOOPFUSE_VERSION));
	return lf_jsonrpc_set(lf_jsonrpc_set(json_object_new_object(),
		"capabilities", lf_lsp_init_capabilities(enc)),
		"serverInfo", info);
}

/* initialize: agree on the position encoding, take the options, start
 * the worker.
 */
int lf_lsp_init_initialize(__isl_keep struct lf_lsp *lsp,
	__isl_keep struct json_object *id,
	__isl_keep struct json_object *params)
{
	struct json_object *caps = lf_lsp_json_get(params, "capabilities");
	struct json_object *init = lf_lsp_json_get(params,
						   "initializationOptions");

	if (lsp->state != LF_LSP_STARTING)
		return lf_lsp_server_fail(lsp, id, LF_JSONRPC_INVALID_REQUEST,
				   "initialize may only be sent once");
	if (!json_object_is_type(params, json_type_object))
		return lf_lsp_server_fail(lsp, id, LF_JSONRPC_INVALID_PARAMS,
				   "initialize needs its parameters");
	lf_lsp_init_clear(lsp);
	lsp->enc = lf_lsp_init_encoding(caps);
	lsp->doc_changes = lf_lsp_json_bool(lf_lsp_json_get(lf_lsp_json_get(
		caps, "workspace"), "workspaceEdit"), "documentChanges");
	lf_lsp_init_options(&lsp->config, init);
	if (lf_lsp_init_flags(&lsp->config,
			      lf_lsp_json_get(init, "compileFlags")) < 0 ||
	    lf_lsp_worker_start(&lsp->worker, &lsp->config) < 0) {
		lf_lsp_init_clear(lsp);
		return lf_lsp_server_fail(lsp, id, LF_JSONRPC_INTERNAL_ERROR,
				   "out of memory or threads");
	}
	lsp->state = LF_LSP_RUNNING;
	return lf_lsp_server_reply(lsp, id, lf_lsp_init_result(lsp->enc));
}

/* Forget the options taken at initialize.
 */
void lf_lsp_init_clear(__isl_keep struct lf_lsp *lsp)
{
	int i;

	for (i = 0; i < lsp->config.argc; ++i)
		free(lsp->config.argv[i]);
	free(lsp->config.argv);
	lsp->config.argc = 0;
	lsp->config.argv = NULL;
}
