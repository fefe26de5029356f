/* SPDX-License-Identifier: MIT */
#ifndef LF_JSONRPC_H
#define LF_JSONRPC_H

#include <stddef.h>

#include <isl/ctx.h>
#include <json-c/json.h>

/* JSON-RPC 2.0 over a byte stream, framed as the Language Server
 * Protocol frames it: header lines ("Content-Length: N", and others
 * that are ignored), an empty line, then the N bytes of one JSON
 * message.
 *
 * Reading never blocks by itself: lf_jsonrpc_reader_fill reads what
 * one read() gives (call it when poll says the descriptor is
 * readable), and lf_jsonrpc_reader_next hands out the messages
 * complete so far.  What cannot be framed (a header block without a
 * valid Content-Length, a body over LF_JSONRPC_MAX_BODY bytes) is
 * dropped, and reading goes on after it.
 */

/* The error codes of JSON-RPC 2.0. */
#define LF_JSONRPC_PARSE_ERROR		-32700
#define LF_JSONRPC_INVALID_REQUEST	-32600
#define LF_JSONRPC_METHOD_NOT_FOUND	-32601
#define LF_JSONRPC_INVALID_PARAMS	-32602
#define LF_JSONRPC_INTERNAL_ERROR	-32603

/* The largest body taken, and the longest header block. */
#define LF_JSONRPC_MAX_BODY		(64 * 1024 * 1024)
#define LF_JSONRPC_MAX_HEADER		8192

struct lf_jsonrpc_reader {
	int fd;
	char *buf;
	size_t len;
	size_t cap;
	size_t skip;
	int eof;
};

enum lf_jsonrpc_next {
	LF_JSONRPC_MESSAGE,
	LF_JSONRPC_MORE,
	LF_JSONRPC_DROPPED,
	LF_JSONRPC_END,
	LF_JSONRPC_NO_MEMORY
};

void lf_jsonrpc_reader_init(__isl_keep struct lf_jsonrpc_reader *reader,
	int fd);
void lf_jsonrpc_reader_clear(__isl_keep struct lf_jsonrpc_reader *reader);
int lf_jsonrpc_reader_fill(__isl_keep struct lf_jsonrpc_reader *reader);
enum lf_jsonrpc_next lf_jsonrpc_reader_next(
	__isl_keep struct lf_jsonrpc_reader *reader,
	__isl_give char **body, size_t *len);

/* What a parsed message is. */
enum lf_jsonrpc_kind {
	LF_JSONRPC_REQUEST,
	LF_JSONRPC_NOTIFICATION,
	LF_JSONRPC_RESPONSE,
	LF_JSONRPC_INVALID
};

int lf_jsonrpc_parse(__isl_keep const char *body, size_t len,
	__isl_give struct json_object **msg);
enum lf_jsonrpc_kind lf_jsonrpc_classify(__isl_keep struct json_object *msg,
	__isl_keep const char **method, __isl_keep struct json_object **id,
	__isl_keep struct json_object **params);

__isl_give struct json_object *lf_jsonrpc_response(
	__isl_keep struct json_object *id,
	__isl_take struct json_object *result);
__isl_give struct json_object *lf_jsonrpc_error(
	__isl_keep struct json_object *id, int code,
	__isl_keep const char *message);
__isl_give struct json_object *lf_jsonrpc_notification(
	__isl_keep const char *method, __isl_take struct json_object *params);
__isl_give struct json_object *lf_jsonrpc_set(
	__isl_take struct json_object *obj, __isl_keep const char *key,
	__isl_take struct json_object *value);
__isl_give struct json_object *lf_jsonrpc_push(
	__isl_take struct json_object *arr,
	__isl_take struct json_object *value);
int lf_jsonrpc_write(int fd, __isl_keep struct json_object *msg);

#endif
