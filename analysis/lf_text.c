#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "lf_build.h"

/* Byte range of a cursor in the main file, by expansion locations, so a
 * range that involves macros covers their invocations.
 * Returns -1 if the cursor is not in the main file.
 */
int lf_cursor_range(struct lf_builder *b, CXCursor c, unsigned *begin,
	unsigned *end)
{
	CXSourceRange range = clang_getCursorExtent(c);
	CXFile file_b, file_e;

	clang_getExpansionLocation(clang_getRangeStart(range), &file_b,
				NULL, NULL, begin);
	clang_getExpansionLocation(clang_getRangeEnd(range), &file_e,
				NULL, NULL, end);
	if (!file_b || !file_e || !clang_File_isEqual(file_b, b->main_file) ||
	    !clang_File_isEqual(file_e, b->main_file))
		return -1;
	if (*end < *begin || *end > b->file->len)
		return -1;
	return 0;
}

unsigned lf_cursor_offset(struct lf_builder *b, CXCursor c)
{
	unsigned begin, end;

	if (lf_cursor_range(b, c, &begin, &end) < 0)
		return 0;
	return begin;
}

char *lf_cursor_text(struct lf_builder *b, CXCursor c)
{
	unsigned begin, end;

	if (lf_cursor_range(b, c, &begin, &end) < 0)
		return strdup("?");
	return strndup(b->file->text + begin, end - begin);
}

static char *lf_string_take(CXString s)
{
	const char *str = clang_getCString(s);
	char *copy = strdup(str ? str : "");

	clang_disposeString(s);
	return copy;
}

char *lf_cursor_usr(CXCursor c)
{
	return lf_string_take(clang_getCursorUSR(c));
}

char *lf_cursor_name(CXCursor c)
{
	return lf_string_take(clang_getCursorSpelling(c));
}

struct lf_children {
	int n;
	int cap;
	CXCursor *list;
};

static enum CXChildVisitResult lf_collect_child(CXCursor c, CXCursor parent,
	CXClientData data)
{
	struct lf_children *children = data;

	if (children->n == children->cap) {
		int cap = children->cap ? 2 * children->cap : 8;
		CXCursor *list = realloc(children->list, cap * sizeof(*list));

		if (!list)
			return CXChildVisit_Break;
		children->list = list;
		children->cap = cap;
	}
	children->list[children->n++] = c;
	return CXChildVisit_Continue;
}

/* The direct children of c, in source order.  The caller frees the list.
 */
int lf_cursor_children(CXCursor c, CXCursor **children)
{
	struct lf_children list = { 0, 0, NULL };

	clang_visitChildren(c, &lf_collect_child, &list);
	*children = list.list;
	return list.n;
}

/* Look through parentheses and implicit conversions.
 */
CXCursor lf_cursor_strip(CXCursor c)
{
	for (;;) {
		enum CXCursorKind kind = clang_getCursorKind(c);
		CXCursor *children;
		int n;

		if (kind != CXCursor_ParenExpr && kind != CXCursor_UnexposedExpr)
			return c;
		n = lf_cursor_children(c, &children);
		if (n != 1) {
			free(children);
			return c;
		}
		c = children[0];
		free(children);
	}
}

/* Skip white space and comments from pos on.
 */
unsigned lf_text_skip_space(const char *text, unsigned len, unsigned pos)
{
	while (pos < len) {
		if (isspace((unsigned char) text[pos])) {
			pos++;
		} else if (pos + 1 < len && text[pos] == '/' &&
			   text[pos + 1] == '/') {
			while (pos < len && text[pos] != '\n')
				pos++;
		} else if (pos + 1 < len && text[pos] == '/' &&
			   text[pos + 1] == '*') {
			const char *close = strstr(text + pos + 2, "*/");

			pos = close ? (unsigned) (close - text) + 2 : len;
		} else {
			break;
		}
	}
	return pos;
}

/* The end of a statement whose cursor extent ends at "end": clang's
 * extent of an expression statement stops before its ';'.
 */
unsigned lf_text_stmt_end(const char *text, unsigned len, unsigned end)
{
	unsigned pos;

	if (end > 0 && (text[end - 1] == ';' || text[end - 1] == '}'))
		return end;
	pos = lf_text_skip_space(text, len, end);
	if (pos < len && text[pos] == ';')
		return pos + 1;
	return end;
}

/* Is text[begin, end) nothing but white space and comments?
 */
int lf_text_is_gap(const char *text, unsigned begin, unsigned end)
{
	return lf_text_skip_space(text, end, begin) >= end;
}

/* If c is spelled as a single identifier (a macro name, typically),
 * return 1 and that identifier in *name.
 */
int lf_cursor_single_ident(struct lf_builder *b, CXCursor c, char **name)
{
	unsigned begin, end, i;

	if (lf_cursor_range(b, c, &begin, &end) < 0 || end <= begin)
		return 0;
	for (i = begin; i < end; ++i) {
		char ch = b->file->text[i];

		if (!isalnum((unsigned char) ch) && ch != '_')
			return 0;
	}
	if (isdigit((unsigned char) b->file->text[begin]))
		return 0;
	*name = strndup(b->file->text + begin, end - begin);
	return *name != NULL;
}

static enum CXChildVisitResult lf_cursor_first(CXCursor c, CXCursor parent,
	CXClientData data)
{
	*(CXCursor *) data = c;
	return CXChildVisit_Break;
}

/* Does operator "op" modify its operand (assignment, increment) or
 * take its address?  *operand gets the operand, parentheses stripped.
 */
enum lf_cursor_effect lf_cursor_effect(CXCursor op, CXCursor *operand)
{
	enum CXCursorKind kind = clang_getCursorKind(op);
	enum lf_cursor_effect effect = LF_CURSOR_NONE;

	if (kind == CXCursor_UnaryOperator) {
		enum CXUnaryOperatorKind u = clang_getCursorUnaryOperatorKind(op);

		if (u == CXUnaryOperator_AddrOf)
			effect = LF_CURSOR_TAKES_ADDRESS;
		else if (u >= CXUnaryOperator_PostInc &&
			 u <= CXUnaryOperator_PreDec)
			effect = LF_CURSOR_WRITES;
	} else if (kind == CXCursor_CompoundAssignOperator ||
		   (kind == CXCursor_BinaryOperator &&
		    clang_getCursorBinaryOperatorKind(op) ==
		    CXBinaryOperator_Assign)) {
		effect = LF_CURSOR_WRITES;
	}
	if (effect == LF_CURSOR_NONE)
		return effect;
	*operand = clang_getNullCursor();
	clang_visitChildren(op, &lf_cursor_first, operand);
	*operand = lf_cursor_strip(*operand);
	return effect;
}
