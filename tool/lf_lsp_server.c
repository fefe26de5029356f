/* SPDX-License-Identifier: MIT */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lf_jsonrpc.h"
#include "lf_lsp_server.h"

/* What the server sends to the editor, and its open documents (see
 * lf_lsp_server.h).
 */

/* A line about the server's own trouble on stderr, which editors keep
 * in their log of the server.
 */
void lf_lsp_server_log(__isl_keep const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	fprintf(stderr, "loopfuse lsp: ");
	vfprintf(stderr, fmt, ap);
	fprintf(stderr, "\n");
	va_end(ap);
}

/* Write "msg" (taken) to the editor.  NULL means that it could not be
 * made (out of memory).  Return -1 when the editor cannot be written
 * to, which ends the server.
 */
static int lf_lsp_server_send(__isl_keep struct lf_lsp *lsp,
	__isl_take struct json_object *msg)
{
	int r;

	if (!msg) {
		lf_lsp_server_log("out of memory");
		return -1;
	}
	r = lf_jsonrpc_write(lsp->out, msg);
	json_object_put(msg);
	if (r < 0)
		lf_lsp_server_log("cannot write to the editor: %s", strerror(errno));
	return r;
}

/* Answer request "id" with "result" (taken; NULL when it could not be
 * made).
 */
int lf_lsp_server_reply(__isl_keep struct lf_lsp *lsp,
	__isl_keep struct json_object *id,
	__isl_take struct json_object *result)
{
	if (!result)
		return lf_lsp_server_send(lsp, NULL);
	return lf_lsp_server_send(lsp, lf_jsonrpc_response(id, result));
}

/* Answer request "id" with the result null.
 */
int lf_lsp_server_reply_null(__isl_keep struct lf_lsp *lsp,
	__isl_keep struct json_object *id)
{
	return lf_lsp_server_send(lsp, lf_jsonrpc_response(id, NULL));
}

/* Answer request "id" (NULL if unknown) with an error.
 */
int lf_lsp_server_fail(__isl_keep struct lf_lsp *lsp,
	__isl_keep struct json_object *id, int code,
	__isl_keep const char *message)
{
	return lf_lsp_server_send(lsp, lf_jsonrpc_error(id, code, message));
}

/* Send the notification "method" with "params" (taken; NULL when it
 * could not be made).
 */
int lf_lsp_server_notify(__isl_keep struct lf_lsp *lsp,
	__isl_keep const char *method, __isl_take struct json_object *params)
{
	if (!params)
		return lf_lsp_server_send(lsp, NULL);
	return lf_lsp_server_send(lsp, lf_jsonrpc_notification(method, params));
}

/* The index of the document "uri" among the open ones, or -1.
 */
int lf_lsp_server_index(__isl_keep struct lf_lsp *lsp,
	__isl_keep const char *uri)
{
	int i;

	for (i = 0; i < lsp->n_doc; ++i)
		if (!strcmp(lsp->docs[i]->uri, uri))
			return i;
	return -1;
}

__isl_keep struct lf_lsp_doc *lf_lsp_server_find(
	__isl_keep struct lf_lsp *lsp, __isl_keep const char *uri)
{
	int i = lf_lsp_server_index(lsp, uri);

	return i < 0 ? NULL : lsp->docs[i];
}
