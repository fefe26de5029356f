/* SPDX-License-Identifier: MIT */
#ifndef LF_LSP_TEXT_H
#define LF_LSP_TEXT_H

#include <stddef.h>

#include <isl/ctx.h>

/* The text of a document an editor has open, and the positions in it.
 *
 * The editor names a place by its line and the number of code units
 * before it on that line, in the encoding the two sides agreed on
 * (UTF-16 unless they agreed on UTF-8 or UTF-32); loopfuse names it by
 * its byte offset in the UTF-8 text.  Lines end in "\n", "\r\n" or a
 * lone "\r", as the protocol has it.  A byte that is no part of valid
 * UTF-8 counts as one character (one code unit in every encoding).
 */
enum lf_lsp_encoding {
	LF_LSP_UTF16,
	LF_LSP_UTF8,
	LF_LSP_UTF32
};

/* A position: a 0-based line and a number of code units on it. */
struct lf_lsp_pos {
	unsigned long line;
	unsigned long character;
};

/* The text (NUL terminated, len bytes) and where each of its n_line
 * lines starts.
 */
struct lf_lsp_text {
	char *text;
	size_t len;
	size_t n_line;
	size_t *lines;
};

int lf_lsp_text_set(__isl_keep struct lf_lsp_text *t,
	__isl_keep const char *text, size_t len);
void lf_lsp_text_clear(__isl_keep struct lf_lsp_text *t);
size_t lf_lsp_text_offset(__isl_keep const struct lf_lsp_text *t,
	enum lf_lsp_encoding enc, struct lf_lsp_pos pos);
struct lf_lsp_pos lf_lsp_text_position(__isl_keep const struct lf_lsp_text *t,
	enum lf_lsp_encoding enc, size_t offset);
int lf_lsp_text_replace(__isl_keep struct lf_lsp_text *t, size_t begin,
	size_t end, __isl_keep const char *text, size_t len);

#endif
