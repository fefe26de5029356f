/* SPDX-License-Identifier: MIT */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "lf_jsonrpc.h"

/* JSON-RPC 2.0 messages in Content-Length frames (see lf_jsonrpc.h). */

/* What one read asks for at least. */
#define LF_JSONRPC_CHUNK 65536

void lf_jsonrpc_reader_init(__isl_keep struct lf_jsonrpc_reader *reader,
	int fd)
{
	memset(reader, 0, sizeof(*reader));
	reader->fd = fd;
}

void lf_jsonrpc_reader_clear(__isl_keep struct lf_jsonrpc_reader *reader)
{
	free(reader->buf);
	lf_jsonrpc_reader_init(reader, -1);
}

/* Make room for LF_JSONRPC_CHUNK more bytes.
 */
static int lf_jsonrpc_reserve(__isl_keep struct lf_jsonrpc_reader *reader)
{
	size_t cap = reader->cap ? reader->cap : LF_JSONRPC_CHUNK;
	char *buf;

	while (cap - reader->len < LF_JSONRPC_CHUNK)
		cap *= 2;
	if (cap == reader->cap)
		return 0;
	buf = realloc(reader->buf, cap);
	if (!buf)
		return -1;
	reader->buf = buf;
	reader->cap = cap;
	return 0;
}

/* Read what one read() gives.  Return 0, with reader->eof set when the
 * stream has ended, or -1 on an error (errno says which).  An
 * interrupted read reads nothing and is no error.
 */
int lf_jsonrpc_reader_fill(__isl_keep struct lf_jsonrpc_reader *reader)
{
	ssize_t n;

	if (reader->eof)
		return 0;
	if (lf_jsonrpc_reserve(reader) < 0) {
		errno = ENOMEM;
		return -1;
	}
	n = read(reader->fd, reader->buf + reader->len,
		 reader->cap - reader->len);
	if (n < 0 && (errno == EINTR || errno == EAGAIN))
		return 0;
	if (n < 0)
		return -1;
	if (n == 0)
		reader->eof = 1;
	reader->len += n;
	return 0;
}

/* Forget the first n buffered bytes.
 */
static void lf_jsonrpc_consume(__isl_keep struct lf_jsonrpc_reader *reader,
	size_t n)
{
	if (n == 0)
		return;
	memmove(reader->buf, reader->buf + n, reader->len - n);
	reader->len -= n;
}

/* The length of the line at p (up to end), without its line break
 * ("\r\n" or "\n"), and in *next where the line after it starts; -1
 * if the line does not end before end.
 */
static long lf_jsonrpc_line(__isl_keep const char *p,
	__isl_keep const char *end, __isl_keep const char **next)
{
	const char *nl;

	/* memchr must not see the NULL buffer of a reader that has read
	 * nothing yet. */
	if (p == end)
		return -1;
	nl = memchr(p, '\n', end - p);
	if (!nl)
		return -1;
	*next = nl + 1;
	return nl - p - (nl > p && nl[-1] == '\r');
}

/* Parse the value of a Content-Length header, the n bytes at v.
 * Return it, or -1 if it is not a number.
 */
static long long lf_jsonrpc_length(__isl_keep const char *v, long n)
{
	long long value = 0;
	long i = 0, digits = 0;

	while (i < n && (v[i] == ' ' || v[i] == '\t'))
		i++;
	for (; i < n && v[i] >= '0' && v[i] <= '9'; ++i, ++digits)
		if ((value = value * 10 + (v[i] - '0')) > LF_JSONRPC_MAX_BODY)
			value = LF_JSONRPC_MAX_BODY + 1;
	while (i < n && (v[i] == ' ' || v[i] == '\t'))
		i++;
	return digits > 0 && i == n ? value : -1;
}

/* Take the header line of n bytes at p: every line is "Name: value",
 * and the Content-Length one sets *length (once, or twice alike).
 * Return -1 for a line that is no header.
 */
static int lf_jsonrpc_header(__isl_keep const char *p, long n,
	long long *length)
{
	static const char name[] = "Content-Length";
	const char *colon = memchr(p, ':', n);
	long long v;

	if (!colon || colon == p)
		return -1;
	if (colon - p != (long) sizeof(name) - 1 ||
	    strncasecmp(p, name, sizeof(name) - 1))
		return 0;
	v = lf_jsonrpc_length(colon + 1, n - (colon + 1 - p));
	if (v < 0 || (*length >= 0 && *length != v))
		return -1;
	*length = v;
	return 0;
}

/* Find the header block at the start of the buffer (blank lines before
 * it are dropped).  Return its size with the empty line that ends it,
 * and the body's length in *length (-1 when the block has none, or an
 * invalid one); 0 when the block is not complete yet.
 */
static size_t lf_jsonrpc_headers(__isl_keep struct lf_jsonrpc_reader *reader,
	long long *length)
{
	const char *p, *end, *next;
	long n;
	int bad = 0;

	*length = -1;
	for (;;) {
		end = reader->buf + reader->len;
		if (lf_jsonrpc_line(reader->buf, end, &next) != 0)
			break;
		lf_jsonrpc_consume(reader, next - reader->buf);
	}
	for (p = reader->buf; (n = lf_jsonrpc_line(p, end, &next)) > 0;
	     p = next)
		if (lf_jsonrpc_header(p, n, length) < 0)
			bad = 1;
	if (n < 0)
		return 0;
	if (bad)
		*length = -1;
	return next - reader->buf;
}

/* The body of "length" bytes after "header" bytes of headers, taken
 * from the buffer into *body.
 */
static enum lf_jsonrpc_next lf_jsonrpc_body(
	__isl_keep struct lf_jsonrpc_reader *reader, size_t header,
	size_t length, __isl_give char **body, size_t *len)
{
	*body = malloc(length + 1);
	if (!*body)
		return LF_JSONRPC_NO_MEMORY;
	memcpy(*body, reader->buf + header, length);
	(*body)[length] = '\0';
	*len = length;
	lf_jsonrpc_consume(reader, header + length);
	return LF_JSONRPC_MESSAGE;
}

/* Drop the rest of a body too long to be taken, as far as it is
 * buffered.  Return whether some is still to come.
 */
static int lf_jsonrpc_skip(__isl_keep struct lf_jsonrpc_reader *reader)
{
	size_t n = reader->skip < reader->len ? reader->skip : reader->len;

	lf_jsonrpc_consume(reader, n);
	reader->skip -= n;
	return reader->skip > 0;
}

/* An incomplete header block: wait for more, unless it can never be
 * one, or the stream has ended.
 */
static enum lf_jsonrpc_next lf_jsonrpc_incomplete(
	__isl_keep struct lf_jsonrpc_reader *reader)
{
	if (reader->len >= LF_JSONRPC_MAX_HEADER) {
		lf_jsonrpc_consume(reader, reader->len);
		return LF_JSONRPC_DROPPED;
	}
	if (!reader->eof)
		return LF_JSONRPC_MORE;
	if (reader->len == 0)
		return LF_JSONRPC_END;
	lf_jsonrpc_consume(reader, reader->len);
	return LF_JSONRPC_DROPPED;
}

/* The next message in *body (NUL terminated, malloc'd) and *len, if
 * one is complete (LF_JSONRPC_MESSAGE).  LF_JSONRPC_MORE: read more
 * first.  LF_JSONRPC_DROPPED: bytes that could not be framed were
 * dropped.  LF_JSONRPC_END: the stream has ended.
 */
enum lf_jsonrpc_next lf_jsonrpc_reader_next(
	__isl_keep struct lf_jsonrpc_reader *reader,
	__isl_give char **body, size_t *len)
{
	long long length;
	size_t header;

	*body = NULL;
	if (reader->skip && lf_jsonrpc_skip(reader))
		return reader->eof ? LF_JSONRPC_END : LF_JSONRPC_MORE;
	header = lf_jsonrpc_headers(reader, &length);
	if (header == 0)
		return lf_jsonrpc_incomplete(reader);
	if (length < 0 || length > LF_JSONRPC_MAX_BODY) {
		lf_jsonrpc_consume(reader, header);
		reader->skip = length > 0 ? length : 0;
		return LF_JSONRPC_DROPPED;
	}
	if (reader->len - header >= (size_t) length)
		return lf_jsonrpc_body(reader, header, length, body, len);
	if (!reader->eof)
		return LF_JSONRPC_MORE;
	lf_jsonrpc_consume(reader, reader->len);
	return LF_JSONRPC_DROPPED;
}

/* Parse the len bytes at body as one JSON value (white space may
 * follow it, nothing else).  Return 0 and the value in *msg, or -1.
 */
int lf_jsonrpc_parse(__isl_keep const char *body, size_t len,
	__isl_give struct json_object **msg)
{
	struct json_tokener *tok = json_tokener_new();
	size_t end;

	*msg = NULL;
	if (!tok || len > LF_JSONRPC_MAX_BODY) {
		if (tok)
			json_tokener_free(tok);
		return -1;
	}
	json_tokener_set_flags(tok, JSON_TOKENER_STRICT);
	*msg = json_tokener_parse_ex(tok, body, (int) len);
	end = json_tokener_get_parse_end(tok);
	/* A number at the very end could go on: say that nothing does. */
	if (!*msg && json_tokener_get_error(tok) == json_tokener_continue)
		*msg = json_tokener_parse_ex(tok, "", 1);
	if (json_tokener_get_error(tok) != json_tokener_success)
		end = 0;
	json_tokener_free(tok);
	while (end > 0 && end < len && strchr(" \t\r\n", body[end]) &&
	       body[end])
		end++;
	if (*msg && end == len)
		return 0;
	json_object_put(*msg);
	*msg = NULL;
	return -1;
}

/* Is "id" one that JSON-RPC allows (a string or an integer)?
 */
static int lf_jsonrpc_valid_id(__isl_keep struct json_object *id)
{
	return json_object_is_type(id, json_type_string) ||
	       json_object_is_type(id, json_type_int);
}

/* What "msg" is: a request (method and id), a notification (a method
 * and no id), a response (an id and a result or an error) or none of
 * them.  Sets *method, *id (when it is valid, also for an invalid
 * message, to answer it) and *params (NULL when absent).
 */
enum lf_jsonrpc_kind lf_jsonrpc_classify(__isl_keep struct json_object *msg,
	__isl_keep const char **method, __isl_keep struct json_object **id,
	__isl_keep struct json_object **params)
{
	struct json_object *version, *m = NULL, *i = NULL;
	int has_id;

	*method = NULL;
	*id = NULL;
	*params = NULL;
	if (!json_object_is_type(msg, json_type_object))
		return LF_JSONRPC_INVALID;
	has_id = json_object_object_get_ex(msg, "id", &i);
	if (has_id && lf_jsonrpc_valid_id(i))
		*id = i;
	if (!json_object_object_get_ex(msg, "jsonrpc", &version) ||
	    !json_object_is_type(version, json_type_string) ||
	    strcmp(json_object_get_string(version), "2.0") ||
	    (has_id && !*id))
		return LF_JSONRPC_INVALID;
	if (json_object_object_get_ex(msg, "params", params) &&
	    !json_object_is_type(*params, json_type_object) &&
	    !json_object_is_type(*params, json_type_array))
		return LF_JSONRPC_INVALID;
	if (!json_object_object_get_ex(msg, "method", &m))
		return has_id && (json_object_object_get_ex(msg, "result", NULL) ||
				  json_object_object_get_ex(msg, "error", NULL)) ?
		       LF_JSONRPC_RESPONSE : LF_JSONRPC_INVALID;
	if (!json_object_is_type(m, json_type_string))
		return LF_JSONRPC_INVALID;
	*method = json_object_get_string(m);
	return has_id ? LF_JSONRPC_REQUEST : LF_JSONRPC_NOTIFICATION;
}

/* {"jsonrpc": "2.0"} and "id" (null when NULL), or NULL.
 */
static __isl_give struct json_object *lf_jsonrpc_message(
	__isl_keep struct json_object *id)
{
	struct json_object *msg = json_object_new_object();
	struct json_object *version = json_object_new_string("2.0");

	if (!msg || !version ||
	    json_object_object_add(msg, "jsonrpc", version) < 0) {
		json_object_put(version);
		json_object_put(msg);
		return NULL;
	}
	if (json_object_object_add(msg, "id", json_object_get(id)) < 0) {
		json_object_put(id);
		json_object_put(msg);
		return NULL;
	}
	return msg;
}

/* Add "value" (taken; NULL is null) as "key" of "obj" (taken too).
 * Return obj, or NULL (having freed both) when out of memory.
 */
static __isl_give struct json_object *lf_jsonrpc_add(
	__isl_take struct json_object *obj, __isl_keep const char *key,
	__isl_take struct json_object *value)
{
	if (!obj || json_object_object_add(obj, key, value) < 0) {
		json_object_put(value);
		json_object_put(obj);
		return NULL;
	}
	return obj;
}

/* Set "key" of "obj" to "value", taking both; NULL for either (an
 * allocation that failed) gives NULL, having freed the other.
 */
__isl_give struct json_object *lf_jsonrpc_set(
	__isl_take struct json_object *obj, __isl_keep const char *key,
	__isl_take struct json_object *value)
{
	if (!value) {
		json_object_put(obj);
		return NULL;
	}
	return lf_jsonrpc_add(obj, key, value);
}

/* Append "value" to the array "arr", taking both, as lf_jsonrpc_set.
 */
__isl_give struct json_object *lf_jsonrpc_push(
	__isl_take struct json_object *arr,
	__isl_take struct json_object *value)
{
	if (!arr || !value || json_object_array_add(arr, value) < 0) {
		json_object_put(value);
		json_object_put(arr);
		return NULL;
	}
	return arr;
}

/* The response to request "id" with "result" (which this takes; NULL
 * is the result null), or NULL when out of memory.
 */
__isl_give struct json_object *lf_jsonrpc_response(
	__isl_keep struct json_object *id,
	__isl_take struct json_object *result)
{
	return lf_jsonrpc_add(lf_jsonrpc_message(id), "result", result);
}

/* The error response to request "id" (NULL when it is not known).
 */
__isl_give struct json_object *lf_jsonrpc_error(
	__isl_keep struct json_object *id, int code,
	__isl_keep const char *message)
{
	struct json_object *error = json_object_new_object();

	error = lf_jsonrpc_add(error, "code", json_object_new_int(code));
	error = lf_jsonrpc_add(error, "message",
			       json_object_new_string(message));
	if (!error)
		return NULL;
	return lf_jsonrpc_add(lf_jsonrpc_message(id), "error", error);
}

/* The notification "method" with "params" (taken).
 */
__isl_give struct json_object *lf_jsonrpc_notification(
	__isl_keep const char *method, __isl_take struct json_object *params)
{
	struct json_object *msg = json_object_new_object();

	msg = lf_jsonrpc_add(msg, "jsonrpc", json_object_new_string("2.0"));
	msg = lf_jsonrpc_add(msg, "method", json_object_new_string(method));
	if (!msg) {
		json_object_put(params);
		return NULL;
	}
	return lf_jsonrpc_add(msg, "params", params);
}

/* Write the n bytes at data to fd, all of them.
 */
static int lf_jsonrpc_write_all(int fd, __isl_keep const char *data,
	size_t n)
{
	while (n > 0) {
		ssize_t w = write(fd, data, n);

		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return -1;
		data += w;
		n -= w;
	}
	return 0;
}

/* Write "msg" to fd in its frame.  Return -1 if it cannot be written.
 */
int lf_jsonrpc_write(int fd, __isl_keep struct json_object *msg)
{
	const char *body;
	size_t len;
	char header[64];
	int n;

	body = json_object_to_json_string_length(msg,
		JSON_C_TO_STRING_PLAIN | JSON_C_TO_STRING_NOSLASHESCAPE, &len);
	if (!body)
		return -1;
	n = snprintf(header, sizeof(header), "Content-Length: %zu\r\n\r\n",
		     len);
	if (lf_jsonrpc_write_all(fd, header, n) < 0 ||
	    lf_jsonrpc_write_all(fd, body, len) < 0)
		return -1;
	return 0;
}
