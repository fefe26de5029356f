/* SPDX-License-Identifier: MIT */
/* realpath is an XSI function. */
#define _XOPEN_SOURCE 700

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lf_buf.h"
#include "lf_edit.h"
#include "lf_fixes.h"
#include "lf_say.h"
#include "lf_write.h"

/* One replacement of the fixes file: the bytes [begin, end) of the
 * original become text[0 .. len).
 */
struct lf_fixes_repl {
	unsigned begin;
	unsigned end;
	char *text;
	unsigned len;
};

/* The edits in the order lf_edit_apply takes them: by offset, then by
 * end, then as given.
 */
static int lf_fixes_cmp(const void *a, const void *b)
{
	const struct lf_edit *x = *(const struct lf_edit *const *) a;
	const struct lf_edit *y = *(const struct lf_edit *const *) b;

	if (x->begin != y->begin)
		return x->begin < y->begin ? -1 : 1;
	if (x->end != y->end)
		return x->end < y->end ? -1 : 1;
	return x < y ? -1 : x > y;
}

/* The edits sorted[0 .. n) (which touch each other) applied to their
 * range [begin, end) of "text": the replacement for that range.
 */
static int lf_fixes_group(__isl_keep struct lf_fixes_repl *repl,
	__isl_keep const char *text, __isl_keep const struct lf_edit **sorted,
	int n, int cr_only)
{
	struct lf_edit *shifted = malloc(n * sizeof(*shifted));
	char *p;
	int i;

	if (!shifted)
		return -1;
	for (i = 0; i < n; ++i) {
		shifted[i] = *sorted[i];
		shifted[i].begin -= repl->begin;
		shifted[i].end -= repl->begin;
	}
	repl->text = lf_edit_apply(text + repl->begin, repl->end - repl->begin,
				   shifted, n, &repl->len);
	free(shifted);
	if (!repl->text)
		return -1;
	for (p = repl->text; cr_only && (p = strchr(p, '\n')) != NULL; ++p)
		*p = '\r';
	return 0;
}

/* Group the n edits into replacements, at most n of them, stored in
 * "repls"; return how many, or -1 on failure.
 */
static int lf_fixes_group_all(__isl_keep struct lf_fixes_repl *repls,
	__isl_keep const char *text, __isl_keep const struct lf_edit *edits,
	int n, int cr_only)
{
	const struct lf_edit **sorted = malloc((n + 1) * sizeof(*sorted));
	int i, first, n_repl = 0;

	if (!sorted)
		return -1;
	for (i = 0; i < n; ++i)
		sorted[i] = &edits[i];
	qsort(sorted, n, sizeof(*sorted), &lf_fixes_cmp);
	for (first = 0; first < n; first = i) {
		struct lf_fixes_repl *repl = &repls[n_repl++];

		repl->begin = sorted[first]->begin;
		repl->end = sorted[first]->end;
		for (i = first + 1; i < n && sorted[i]->begin <= repl->end; ++i)
			if (sorted[i]->end > repl->end)
				repl->end = sorted[i]->end;
		if (lf_fixes_group(repl, text, sorted + first, i - first,
				   cr_only) < 0) {
			n_repl = -1;
			break;
		}
	}
	free(sorted);
	return n_repl;
}

/* The length of the UTF-8 sequence at s[0 .. n), or 0 if it is not
 * one.
 */
static int lf_fixes_utf8_len(__isl_keep const unsigned char *s, size_t n)
{
	int len, i;

	if (s[0] < 0x80)
		return 1;
	if (s[0] >= 0xc2 && s[0] <= 0xdf)
		len = 2;
	else if (s[0] >= 0xe0 && s[0] <= 0xef)
		len = 3;
	else if (s[0] >= 0xf0 && s[0] <= 0xf4)
		len = 4;
	else
		return 0;
	if ((size_t) len > n)
		return 0;
	for (i = 1; i < len; ++i)
		if ((s[i] & 0xc0) != 0x80)
			return 0;
	return len;
}

/* Append bytes[0 .. n) as a YAML double-quoted scalar: backslash
 * escapes for the backslash, the quote and control characters, UTF-8
 * as it is.  Return -1 if the bytes are not valid UTF-8.
 */
static int lf_fixes_quote(__isl_keep struct lf_buf *buf,
	__isl_keep const char *bytes, size_t n)
{
	const unsigned char *s = (const unsigned char *) bytes;
	size_t i = 0;
	int len;

	lf_buf_add_char(buf, '"');
	while (i < n) {
		len = lf_fixes_utf8_len(s + i, n - i);
		if (len == 0)
			return -1;
		if (s[i] == '"' || s[i] == '\\')
			lf_buf_printf(buf, "\\%c", s[i]);
		else if (s[i] == '\n')
			lf_buf_add_str(buf, "\\n");
		else if (s[i] == '\r')
			lf_buf_add_str(buf, "\\r");
		else if (s[i] == '\t')
			lf_buf_add_str(buf, "\\t");
		else if (s[i] < 0x20 || s[i] == 0x7f)
			lf_buf_printf(buf, "\\x%02x", s[i]);
		else
			lf_buf_add(buf, bytes + i, len);
		i += len;
	}
	lf_buf_add_char(buf, '"');
	return 0;
}

static int lf_fixes_quote_str(__isl_keep struct lf_buf *buf,
	__isl_keep const char *str)
{
	return lf_fixes_quote(buf, str, strlen(str));
}

/* What the diagnostic of replacement "repl" says: the note of the
 * fusion it makes (the first message inside its range), else a
 * general sentence.
 */
static __isl_give char *lf_fixes_message(
	__isl_keep const struct lf_result *result,
	__isl_keep const struct lf_fixes_repl *repl)
{
	int i;

	for (i = 0; i < result->n_message; ++i) {
		const struct lf_message *m = &result->messages[i];

		if (m->kind == LF_MESSAGE_FUSED &&
		    m->loc.offset >= repl->begin && m->loc.offset <= repl->end)
			return lf_say_message(m);
	}
	return strdup("loop nests rewritten by loopfuse");
}

/* One diagnostic with the one replacement "repl". */
static int lf_fixes_diagnostic(__isl_keep struct lf_buf *buf,
	__isl_keep const char *abs_path, __isl_keep const char *directory,
	__isl_keep const struct lf_result *result,
	__isl_keep const struct lf_fixes_repl *repl)
{
	char *message = lf_fixes_message(result, repl);
	int r;

	if (!message)
		return -1;
	lf_buf_add_str(buf, "  - DiagnosticName: loopfuse-fuse\n"
		       "    DiagnosticMessage:\n      Message: ");
	r = lf_fixes_quote_str(buf, message);
	free(message);
	lf_buf_add_str(buf, "\n      FilePath: ");
	r |= lf_fixes_quote_str(buf, abs_path);
	lf_buf_printf(buf, "\n      FileOffset: %u\n      Replacements:\n"
		      "        - FilePath: ", repl->begin);
	r |= lf_fixes_quote_str(buf, abs_path);
	lf_buf_printf(buf, "\n          Offset: %u\n          Length: %u\n"
		      "          ReplacementText: ", repl->begin,
		      repl->end - repl->begin);
	r |= lf_fixes_quote(buf, repl->text, repl->len);
	lf_buf_add_str(buf, "\n    Level: Warning\n    BuildDirectory: ");
	r |= lf_fixes_quote_str(buf, directory);
	lf_buf_add_char(buf, '\n');
	return r ? -1 : 0;
}

/* The document, given the replacements repls[0 .. n). */
static __isl_give char *lf_fixes_render(__isl_keep const char *abs_path,
	__isl_keep const char *directory,
	__isl_keep const struct lf_result *result,
	__isl_keep const struct lf_fixes_repl *repls, int n)
{
	struct lf_buf buf;
	int i, r;

	lf_buf_init(&buf);
	lf_buf_add_str(&buf, "---\nMainSourceFile: ");
	r = lf_fixes_quote_str(&buf, abs_path);
	lf_buf_add_str(&buf, n ? "\nDiagnostics:\n" : "\nDiagnostics: []\n");
	for (i = 0; i < n && r == 0; ++i)
		r = lf_fixes_diagnostic(&buf, abs_path, directory, result,
					&repls[i]);
	lf_buf_add_str(&buf, "...\n");
	if (r < 0 || buf.failed) {
		lf_buf_free(&buf);
		return NULL;
	}
	return lf_buf_take(&buf);
}

__isl_give char *lf_fixes_yaml(__isl_keep const char *abs_path,
	__isl_keep const char *directory, __isl_keep const char *text,
	unsigned len, __isl_keep const struct lf_result *result, int cr_only,
	__isl_keep const char **why)
{
	int n = result->n_edit, n_repl, i;
	struct lf_fixes_repl *repls = calloc(n + 1, sizeof(*repls));
	char *yaml = NULL;

	*why = "out of memory or overlapping edits";
	n_repl = repls ? lf_fixes_group_all(repls, text, result->edits, n,
					    cr_only) : -1;
	if (n_repl >= 0) {
		*why = "a replacement or the path is not valid UTF-8, "
		       "which YAML cannot carry";
		yaml = lf_fixes_render(abs_path, directory, result, repls,
				       n_repl);
	}
	for (i = 0; repls && i < n; ++i)
		free(repls[i].text);
	free(repls);
	return yaml;
}

int lf_fixes_write(__isl_keep const char *out_path,
	__isl_keep const char *path, __isl_keep const char *text, unsigned len,
	__isl_keep const struct lf_result *result, int cr_only, FILE *err)
{
	char abs_path[PATH_MAX], directory[PATH_MAX];
	const char *why = "cannot resolve its path";
	char *yaml = NULL;
	int r;

	if (realpath(path, abs_path) && getcwd(directory, sizeof(directory)))
		yaml = lf_fixes_yaml(abs_path, directory, text, len, result,
				     cr_only, &why);
	if (!yaml) {
		fprintf(err, "%s:1:1: error: cannot export the fixes: %s\n",
			path, why);
		return -1;
	}
	r = lf_write_atomic(out_path, yaml, strlen(yaml), err);
	free(yaml);
	return r;
}
