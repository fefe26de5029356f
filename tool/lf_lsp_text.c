/* SPDX-License-Identifier: MIT */
#include <stdlib.h>
#include <string.h>

#include "lf_lsp_text.h"

/* Documents' texts and positions in them (see lf_lsp_text.h). */

/* The number of bytes of the character at p, before end: 2 to 4 for a
 * valid UTF-8 sequence (no overlong form, no surrogate, nothing past
 * U+10FFFF), else 1.
 */
static int lf_lsp_text_char_len(__isl_keep const unsigned char *p,
	__isl_keep const unsigned char *end)
{
	int n, i;
	unsigned char lo = 0x80, hi = 0xBF;

	if (p[0] < 0xC2 || p[0] > 0xF4)
		return 1;
	n = p[0] < 0xE0 ? 2 : p[0] < 0xF0 ? 3 : 4;
	if (p[0] == 0xE0)
		lo = 0xA0;
	else if (p[0] == 0xED)
		hi = 0x9F;
	else if (p[0] == 0xF0)
		lo = 0x90;
	else if (p[0] == 0xF4)
		hi = 0x8F;
	if (end - p < n || p[1] < lo || p[1] > hi)
		return 1;
	for (i = 2; i < n; ++i)
		if ((p[i] & 0xC0) != 0x80)
			return 1;
	return n;
}

/* The code units in "enc" of a character of n bytes.
 */
static unsigned lf_lsp_text_units(enum lf_lsp_encoding enc, int n)
{
	switch (enc) {
	case LF_LSP_UTF8: return n;
	case LF_LSP_UTF32: return 1;
	default: return n == 4 ? 2 : 1;
	}
}

/* Where the line break after a line that starts at or after "start"
 * and ends at "next" begins (next itself when nothing breaks it).
 */
static size_t lf_lsp_text_content_end(__isl_keep const char *text,
	size_t start, size_t next)
{
	if (next > start && text[next - 1] == '\n')
		next--;
	else if (next > start && text[next - 1] == '\r')
		return next - 1;
	else
		return next;
	if (next > start && text[next - 1] == '\r')
		next--;
	return next;
}

/* Where line i starts, and where the line after it does. */
static size_t lf_lsp_text_next_line(__isl_keep const struct lf_lsp_text *t,
	size_t i)
{
	return i + 1 < t->n_line ? t->lines[i + 1] : t->len;
}

/* Fill t->lines from t->text: a line starts at 0 and after each line
 * break ("\r\n" counts once).  With lines NULL, only count them.
 */
static size_t lf_lsp_text_index(__isl_keep const char *text, size_t len,
	__isl_keep size_t *lines)
{
	size_t i, n = 1;

	if (lines)
		lines[0] = 0;
	for (i = 0; i < len; ++i) {
		if (text[i] != '\n' && text[i] != '\r')
			continue;
		if (text[i] == '\r' && i + 1 < len && text[i + 1] == '\n')
			i++;
		if (lines)
			lines[n] = i + 1;
		n++;
	}
	return n;
}

/* Make t a copy of the len bytes at text.  Return -1 (t unchanged)
 * when out of memory.
 */
int lf_lsp_text_set(__isl_keep struct lf_lsp_text *t,
	__isl_keep const char *text, size_t len)
{
	size_t n = lf_lsp_text_index(text, len, NULL);
	char *copy = malloc(len + 1);
	size_t *lines = malloc(n * sizeof(size_t));

	if (!copy || !lines) {
		free(copy);
		free(lines);
		return -1;
	}
	if (len > 0)
		memcpy(copy, text, len);
	copy[len] = '\0';
	lf_lsp_text_index(copy, len, lines);
	lf_lsp_text_clear(t);
	t->text = copy;
	t->len = len;
	t->n_line = n;
	t->lines = lines;
	return 0;
}

void lf_lsp_text_clear(__isl_keep struct lf_lsp_text *t)
{
	free(t->text);
	free(t->lines);
	memset(t, 0, sizeof(*t));
}

/* The byte offset of "pos".  A character past the end of its line
 * means the end of the line (before its break), a line past the last
 * one the end of the text, and a position inside a character (half a
 * UTF-16 surrogate pair, a byte inside a UTF-8 sequence) its start.
 */
size_t lf_lsp_text_offset(__isl_keep const struct lf_lsp_text *t,
	enum lf_lsp_encoding enc, struct lf_lsp_pos pos)
{
	const unsigned char *p, *end, *base = (const unsigned char *) t->text;
	unsigned long units = 0;
	unsigned u;
	int n;

	if (pos.line >= t->n_line)
		return t->len;
	p = base + t->lines[pos.line];
	end = base + lf_lsp_text_content_end(t->text, t->lines[pos.line],
		lf_lsp_text_next_line(t, pos.line));
	while (p < end) {
		n = lf_lsp_text_char_len(p, end);
		u = lf_lsp_text_units(enc, n);
		if (units + u > pos.character)
			break;
		units += u;
		p += n;
	}
	return p - base;
}

/* The line that holds byte "offset" (the last one for the end).
 */
static size_t lf_lsp_text_line_of(__isl_keep const struct lf_lsp_text *t,
	size_t offset)
{
	size_t lo = 0, hi = t->n_line;

	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;

		if (t->lines[mid] <= offset)
			lo = mid;
		else
			hi = mid;
	}
	return lo;
}

/* The position of byte "offset" (the end of the text past it; the
 * start of its character inside one).
 */
struct lf_lsp_pos lf_lsp_text_position(__isl_keep const struct lf_lsp_text *t,
	enum lf_lsp_encoding enc, size_t offset)
{
	const unsigned char *p, *end, *base = (const unsigned char *) t->text;
	struct lf_lsp_pos pos;
	int n;

	if (offset > t->len)
		offset = t->len;
	pos.line = lf_lsp_text_line_of(t, offset);
	pos.character = 0;
	p = base + t->lines[pos.line];
	end = base + offset;
	while (p < end) {
		n = lf_lsp_text_char_len(p, base + t->len);
		if (p + n > end)
			break;
		pos.character += lf_lsp_text_units(enc, n);
		p += n;
	}
	return pos;
}

/* Replace the bytes [begin, end) of t by the len bytes at text.
 * Return -1 (t unchanged) when out of memory or when the range is not
 * in the text.
 */
int lf_lsp_text_replace(__isl_keep struct lf_lsp_text *t, size_t begin,
	size_t end, __isl_keep const char *text, size_t len)
{
	size_t n;
	char *s;
	int r;

	if (begin > end || end > t->len)
		return -1;
	n = t->len - (end - begin) + len;
	s = malloc(n + 1);
	if (!s)
		return -1;
	/* memcpy must not see the NULL of an empty text. */
	if (begin > 0)
		memcpy(s, t->text, begin);
	if (len > 0)
		memcpy(s + begin, text, len);
	if (t->len > end)
		memcpy(s + begin + len, t->text + end, t->len - end);
	r = lf_lsp_text_set(t, s, n);
	free(s);
	return r;
}
