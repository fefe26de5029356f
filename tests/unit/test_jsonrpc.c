/* SPDX-License-Identifier: MIT */
#include <check.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lf_jsonrpc.h"

/* JSON-RPC messages in the Language Server Protocol's Content-Length
 * frames: read in pieces as they come, several in one read, and what
 * cannot be framed dropped without losing what follows.
 */

static struct lf_jsonrpc_reader reader;
static int fds[2];

static void setup(void)
{
	ck_assert_int_eq(pipe(fds), 0);
	lf_jsonrpc_reader_init(&reader, fds[0]);
}

static void teardown(void)
{
	lf_jsonrpc_reader_clear(&reader);
	close(fds[0]);
	if (fds[1] >= 0)
		close(fds[1]);
}

/* Write s to the pipe and read it. */
static void feed(const char *s)
{
	size_t n = strlen(s);

	ck_assert_int_eq(write(fds[1], s, n), (ssize_t) n);
	ck_assert_int_eq(lf_jsonrpc_reader_fill(&reader), 0);
}

static void end_input(void)
{
	close(fds[1]);
	fds[1] = -1;
	ck_assert_int_eq(lf_jsonrpc_reader_fill(&reader), 0);
	ck_assert(reader.eof);
}

/* The next message must be "body". */
static void expect(const char *body)
{
	char *got;
	size_t len;

	ck_assert_int_eq(lf_jsonrpc_reader_next(&reader, &got, &len),
			 LF_JSONRPC_MESSAGE);
	ck_assert_uint_eq(len, strlen(body));
	ck_assert_str_eq(got, body);
	free(got);
}

static void expect_next(enum lf_jsonrpc_next want)
{
	char *got;
	size_t len;

	ck_assert_int_eq(lf_jsonrpc_reader_next(&reader, &got, &len), want);
	ck_assert_ptr_null(got);
}

/* A message whose header and body come in several reads. */
START_TEST(test_pieces)
{
	expect_next(LF_JSONRPC_MORE);
	feed("Content-Le");
	expect_next(LF_JSONRPC_MORE);
	feed("ngth: 7\r\n");
	expect_next(LF_JSONRPC_MORE);
	feed("\r\n{\"a\"");
	expect_next(LF_JSONRPC_MORE);
	feed(":1}");
	expect("{\"a\":1}");
	expect_next(LF_JSONRPC_MORE);
	end_input();
	expect_next(LF_JSONRPC_END);
}
END_TEST

/* Two messages in one read; other headers, any case, bare "\n". */
START_TEST(test_two)
{
	feed("content-length: 2\r\nContent-Type: application/"
	     "vscode-jsonrpc; charset=utf-8\r\n\r\n[]"
	     "Content-Length:3\n\n123");
	expect("[]");
	expect("123");
	expect_next(LF_JSONRPC_MORE);
}
END_TEST

/* A header block without a valid Content-Length is dropped; a body
 * too long is skipped; reading goes on after both.
 */
START_TEST(test_dropped)
{
	feed("Content-Type: x\r\n\r\nContent-Length: 2\r\n\r\n{}");
	expect_next(LF_JSONRPC_DROPPED);
	expect("{}");
	feed("Content-Length: 1x\r\n\r\nContent-Length: 1\r\n\r\n1");
	expect_next(LF_JSONRPC_DROPPED);
	expect("1");
	feed("Content-Length: 99999999999\r\n\r\nabc"
	     "Content-Length: 1\r\n\r\n2");
	expect_next(LF_JSONRPC_DROPPED);
	/* The skipped body has not ended: what follows is part of it. */
	expect_next(LF_JSONRPC_MORE);
}
END_TEST

/* A body cut short by the end of the input is dropped. */
START_TEST(test_cut)
{
	feed("Content-Length: 10\r\n\r\n{}");
	expect_next(LF_JSONRPC_MORE);
	end_input();
	expect_next(LF_JSONRPC_DROPPED);
	expect_next(LF_JSONRPC_END);
}
END_TEST

static int parses(const char *s)
{
	struct json_object *msg;
	int r = lf_jsonrpc_parse(s, strlen(s), &msg);

	json_object_put(msg);
	return r;
}

/* One JSON value, white space around it, nothing else. */
START_TEST(test_parse)
{
	ck_assert_int_eq(parses("{\"a\": [1, 2]}\r\n"), 0);
	ck_assert_int_eq(parses("12"), 0);
	ck_assert_int_eq(parses("{\"a\": 1} x"), -1);
	ck_assert_int_eq(parses("{\"a\": "), -1);
	ck_assert_int_eq(parses(""), -1);
	ck_assert_int_eq(parses("{a: 1}"), -1);
	ck_assert_int_eq(parses("[1,]"), -1);
}
END_TEST

static enum lf_jsonrpc_kind kind(const char *s)
{
	struct json_object *msg, *id, *params;
	const char *method;
	enum lf_jsonrpc_kind k;

	ck_assert_int_eq(lf_jsonrpc_parse(s, strlen(s), &msg), 0);
	k = lf_jsonrpc_classify(msg, &method, &id, &params);
	json_object_put(msg);
	return k;
}

START_TEST(test_classify)
{
	ck_assert_int_eq(kind("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"m\"}"),
			 LF_JSONRPC_REQUEST);
	ck_assert_int_eq(kind("{\"jsonrpc\":\"2.0\",\"method\":\"m\","
			      "\"params\":{}}"), LF_JSONRPC_NOTIFICATION);
	ck_assert_int_eq(kind("{\"jsonrpc\":\"2.0\",\"id\":\"x\","
			      "\"result\":null}"), LF_JSONRPC_RESPONSE);
	ck_assert_int_eq(kind("{\"id\":1,\"method\":\"m\"}"),
			 LF_JSONRPC_INVALID);
	ck_assert_int_eq(kind("{\"jsonrpc\":\"2.0\",\"id\":[],"
			      "\"method\":\"m\"}"), LF_JSONRPC_INVALID);
	ck_assert_int_eq(kind("{\"jsonrpc\":\"2.0\",\"method\":\"m\","
			      "\"params\":3}"), LF_JSONRPC_INVALID);
	ck_assert_int_eq(kind("[1]"), LF_JSONRPC_INVALID);
}
END_TEST

/* A message written is framed with its length. */
START_TEST(test_write)
{
	struct json_object *msg = lf_jsonrpc_notification("m/n",
		lf_jsonrpc_set(json_object_new_object(), "s",
			       json_object_new_string("\xc3\xa9/")));

	ck_assert_ptr_nonnull(msg);
	ck_assert_int_eq(lf_jsonrpc_write(fds[1], msg), 0);
	json_object_put(msg);
	ck_assert_int_eq(lf_jsonrpc_reader_fill(&reader), 0);
	expect("{\"jsonrpc\":\"2.0\",\"method\":\"m/n\","
	       "\"params\":{\"s\":\"\xc3\xa9/\"}}");
}
END_TEST

static Suite *jsonrpc_suite(void)
{
	Suite *s = suite_create("jsonrpc");
	TCase *tc = tcase_create("framing");

	tcase_add_checked_fixture(tc, &setup, &teardown);
	tcase_add_test(tc, test_pieces);
	tcase_add_test(tc, test_two);
	tcase_add_test(tc, test_dropped);
	tcase_add_test(tc, test_cut);
	tcase_add_test(tc, test_parse);
	tcase_add_test(tc, test_classify);
	tcase_add_test(tc, test_write);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	SRunner *sr = srunner_create(jsonrpc_suite());
	int failed;

	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
