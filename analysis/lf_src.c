/* SPDX-License-Identifier: MIT */
#include <stdlib.h>
#include <string.h>

#include "lf_cursor.h"
#include "lf_grow.h"
#include "lf_src.h"

/* A token of the main file.  line is its line, for telling a '#' that
 * starts a preprocessor directive from one inside a line.
 */
struct lf_src_token {
	unsigned begin;
	unsigned end;
	unsigned line;
	CXTokenKind kind;
	char first;
	int hash;
	char *ident;
};

/* A macro expansion in the main file: [begin, end) is the invocation,
 * from the macro's name to its closing parenthesis.  outer is set for
 * an expansion that no other one contains.
 */
struct lf_src_expansion {
	unsigned begin;
	unsigned end;
	int outer;
	CXCursor cursor;
};

/* A macro definition anywhere in the translation unit.  memo caches
 * whether its expansion has each property of enum lf_src_prop: -1 not
 * known yet, 2 being computed, else 0 or 1.
 */
struct lf_src_macro {
	char *name;
	CXCursor def;
	int memo[3];
};

struct lf_src {
	CXTranslationUnit tu;
	CXFile file;
	unsigned len;
	int n_token;
	struct lf_src_token *tokens;
	int n_exp;
	struct lf_src_expansion *exps;
	int n_outer;
	struct lf_src_expansion *outer;
	int n_macro;
	struct lf_src_macro *macros;
};

void lf_src_free(__isl_take struct lf_src *src)
{
	int i;

	if (!src)
		return;
	for (i = 0; i < src->n_macro; ++i)
		free(src->macros[i].name);
	for (i = 0; i < src->n_token; ++i)
		free(src->tokens[i].ident);
	free(src->macros);
	free(src->tokens);
	free(src->exps);
	free(src->outer);
	free(src);
}

/* Record the tokens of the whole main file.
 */
static int lf_src_tokenize(__isl_keep struct lf_src *src)
{
	CXSourceRange range;
	CXToken *tokens;
	unsigned i, n;

	range = clang_getRange(
		clang_getLocationForOffset(src->tu, src->file, 0),
		clang_getLocationForOffset(src->tu, src->file, src->len));
	clang_tokenize(src->tu, range, &tokens, &n);
	src->tokens = malloc((n + 1) * sizeof(*src->tokens));
	if (!src->tokens) {
		clang_disposeTokens(src->tu, tokens, n);
		return -1;
	}
	for (i = 0; i < n; ++i) {
		struct lf_src_token *t = &src->tokens[src->n_token];
		CXSourceRange extent = clang_getTokenExtent(src->tu, tokens[i]);
		CXString s = clang_getTokenSpelling(src->tu, tokens[i]);
		const char *str = clang_getCString(s);

		clang_getSpellingLocation(clang_getRangeStart(extent), NULL,
					  &t->line, NULL, &t->begin);
		clang_getSpellingLocation(clang_getRangeEnd(extent), NULL,
					  NULL, NULL, &t->end);
		t->kind = clang_getTokenKind(tokens[i]);
		t->first = str ? str[0] : '\0';
		t->hash = str && t->kind == CXToken_Punctuation &&
			  (!strcmp(str, "#") || !strcmp(str, "%:") ||
			   !strcmp(str, "?\?="));
		t->ident = NULL;
		if (str && (t->kind == CXToken_Identifier ||
			    t->kind == CXToken_Keyword))
			t->ident = strdup(str);
		clang_disposeString(s);
		if (t->kind == CXToken_Identifier && !t->ident)
			break;
		if (t->begin < t->end && t->end <= src->len)
			src->n_token++;
		else
			free(t->ident);
	}
	clang_disposeTokens(src->tu, tokens, n);
	return i < n ? -1 : 0;
}

static int lf_src_add_expansion(__isl_keep struct lf_src *src, CXCursor c)
{
	struct lf_src_expansion *e;
	CXSourceRange extent = clang_getCursorExtent(c);
	CXFile file;

	if (LF_GROW(src->exps, src->n_exp) < 0)
		return -1;
	e = &src->exps[src->n_exp];
	clang_getSpellingLocation(clang_getRangeStart(extent), &file, NULL,
				  NULL, &e->begin);
	clang_getSpellingLocation(clang_getRangeEnd(extent), NULL, NULL,
				  NULL, &e->end);
	if (!file || !clang_File_isEqual(file, src->file) ||
	    e->end < e->begin || e->end > src->len)
		return 0;
	e->cursor = c;
	e->outer = 0;
	src->n_exp++;
	return 0;
}

static int lf_src_add_macro(__isl_keep struct lf_src *src, CXCursor c)
{
	struct lf_src_macro *m;

	if (LF_GROW(src->macros, src->n_macro) < 0)
		return -1;
	m = &src->macros[src->n_macro];
	m->name = lf_cursor_name(c);
	m->def = c;
	m->memo[0] = m->memo[1] = m->memo[2] = -1;
	if (!m->name)
		return -1;
	src->n_macro++;
	return 0;
}

static enum CXChildVisitResult lf_src_visit(CXCursor c, CXCursor parent,
	CXClientData data)
{
	struct lf_src *src = data;
	enum CXCursorKind kind = clang_getCursorKind(c);
	int r = 0;

	if (kind == CXCursor_MacroExpansion)
		r = lf_src_add_expansion(src, c);
	else if (kind == CXCursor_MacroDefinition)
		r = lf_src_add_macro(src, c);
	return r < 0 ? CXChildVisit_Break : CXChildVisit_Continue;
}

static int lf_src_cmp_expansion(const void *a, const void *b)
{
	const struct lf_src_expansion *x = a, *y = b;

	if (x->begin != y->begin)
		return x->begin < y->begin ? -1 : 1;
	return x->end > y->end ? -1 : x->end < y->end;
}

static int lf_src_cmp_macro(const void *a, const void *b)
{
	const struct lf_src_macro *x = a, *y = b;

	return strcmp(x->name, y->name);
}

/* Sort the expansions and keep the outermost ones, which do not
 * overlap, apart for binary search.
 */
static int lf_src_sort(__isl_keep struct lf_src *src)
{
	unsigned reach = 0;
	int i;

	if (src->n_exp > 0)
		qsort(src->exps, src->n_exp, sizeof(*src->exps),
		      &lf_src_cmp_expansion);
	if (src->n_macro > 0)
		qsort(src->macros, src->n_macro, sizeof(*src->macros),
		      &lf_src_cmp_macro);
	src->outer = malloc((src->n_exp + 1) * sizeof(*src->outer));
	if (!src->outer)
		return -1;
	for (i = 0; i < src->n_exp; ++i) {
		if (src->n_outer > 0 && src->exps[i].begin < reach)
			continue;
		src->exps[i].outer = 1;
		src->outer[src->n_outer++] = src->exps[i];
		reach = src->exps[i].end;
	}
	return 0;
}

/* Read the tokens and macros of the main file of "tu", whose contents
 * are "len" bytes long.  The caller frees the result with lf_src_free;
 * it must not outlive "tu".
 */
__isl_give struct lf_src *lf_src_alloc(CXTranslationUnit tu, CXFile main_file,
	unsigned len)
{
	struct lf_src *src = calloc(1, sizeof(*src));

	if (!src)
		return NULL;
	src->tu = tu;
	src->file = main_file;
	src->len = len;
	if (lf_src_tokenize(src) < 0 ||
	    clang_visitChildren(clang_getTranslationUnitCursor(tu),
				&lf_src_visit, src) != 0 ||
	    lf_src_sort(src) < 0) {
		lf_src_free(src);
		return NULL;
	}
	return src;
}

/* The index of the first token that ends after "offset".
 */
static int lf_src_token_after(__isl_keep struct lf_src *src, unsigned offset)
{
	int lo = 0, hi = src->n_token;

	while (lo < hi) {
		int mid = lo + (hi - lo) / 2;

		if (src->tokens[mid].end <= offset)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* The outermost expansion that contains "offset" (its end included),
 * or NULL.
 */
static __isl_keep struct lf_src_expansion *lf_src_outer_at(
	__isl_keep struct lf_src *src, unsigned offset)
{
	int lo = 0, hi = src->n_outer;

	while (lo < hi) {
		int mid = lo + (hi - lo) / 2;

		if (src->outer[mid].begin <= offset)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo == 0 || src->outer[lo - 1].end < offset)
		return NULL;
	return &src->outer[lo - 1];
}

/* The byte range [*begin, *end) of the main file that "range" covers,
 * with every macro invocation that it starts or ends in taken whole:
 * clang places the end of "x = ID(y)" inside the invocation of ID.
 * Returns -1 if the range is not in the main file.
 */
int lf_src_range(__isl_keep struct lf_src *src, CXSourceRange range,
	unsigned *begin, unsigned *end)
{
	CXSourceLocation stop = clang_getRangeEnd(range);
	struct lf_src_expansion *e;
	CXFile file_b, file_e, file_s;
	unsigned spelled;

	clang_getExpansionLocation(clang_getRangeStart(range), &file_b,
				   NULL, NULL, begin);
	clang_getExpansionLocation(stop, &file_e, NULL, NULL, end);
	clang_getSpellingLocation(stop, &file_s, NULL, NULL, &spelled);
	if (!file_b || !file_e || !clang_File_isEqual(file_b, src->file) ||
	    !clang_File_isEqual(file_e, src->file))
		return -1;
	if (!file_s || !clang_File_isEqual(file_s, src->file) ||
	    spelled != *end) {
		e = lf_src_outer_at(src, *end);
		if (e && e->end > *end)
			*end = e->end;
	}
	if (*end < *begin || *end > src->len)
		return -1;
	return 0;
}

/* The offset of the first token that is not a comment in
 * [begin, end), or "end" if there is none.
 */
unsigned lf_src_first_token(__isl_keep struct lf_src *src, unsigned begin,
	unsigned end)
{
	int i;

	for (i = lf_src_token_after(src, begin); i < src->n_token; ++i) {
		if (src->tokens[i].begin >= end)
			break;
		if (src->tokens[i].kind != CXToken_Comment &&
		    src->tokens[i].begin >= begin)
			return src->tokens[i].begin;
	}
	return end;
}

/* Is [begin, end) nothing but white space and comments?
 */
int lf_src_is_gap(__isl_keep struct lf_src *src, unsigned begin, unsigned end)
{
	return lf_src_first_token(src, begin, end) >= end;
}

/* The end of a statement whose extent ends at "end": clang's extent of
 * an expression statement stops before its ';'.
 */
unsigned lf_src_stmt_end(__isl_keep struct lf_src *src, unsigned end)
{
	int i = lf_src_token_after(src, end);

	if (i > 0 && src->tokens[i - 1].end == end &&
	    (src->tokens[i - 1].first == ';' ||
	     src->tokens[i - 1].first == '}') &&
	    src->tokens[i - 1].kind == CXToken_Punctuation)
		return end;
	for (; i < src->n_token; ++i) {
		if (src->tokens[i].kind == CXToken_Comment)
			continue;
		if (src->tokens[i].kind == CXToken_Punctuation &&
		    src->tokens[i].first == ';')
			return src->tokens[i].end;
		break;
	}
	return end;
}

/* The first comment that starts in [*begin, limit): its range in *begin
 * and *end.  Returns 0 if there is none.
 */
int lf_src_comment(__isl_keep struct lf_src *src, unsigned *begin,
	unsigned *end, unsigned limit)
{
	int i;

	for (i = lf_src_token_after(src, *begin); i < src->n_token; ++i) {
		struct lf_src_token *t = &src->tokens[i];

		if (t->begin >= limit)
			return 0;
		if (t->kind == CXToken_Comment && t->begin >= *begin) {
			*begin = t->begin;
			*end = t->end;
			return 1;
		}
	}
	return 0;
}

/* Does a preprocessor directive start in [begin, end)?  A '#' (or its
 * digraph or trigraph) is the start of one if no other token (comments
 * aside) precedes it on its line.  *at gets its offset.
 */
int lf_src_directive(__isl_keep struct lf_src *src, unsigned begin,
	unsigned end, unsigned *at)
{
	int i, prev = -1;

	for (i = 0; i < src->n_token && src->tokens[i].begin < end; ++i) {
		struct lf_src_token *t = &src->tokens[i];

		if (t->kind == CXToken_Comment)
			continue;
		if (t->begin >= begin && t->hash &&
		    (prev < 0 || src->tokens[prev].line < t->line)) {
			*at = t->begin;
			return 1;
		}
		prev = i;
	}
	return 0;
}

/* Is the byte at "offset" part of a macro invocation?
 */
int lf_src_in_expansion(__isl_keep struct lf_src *src, unsigned offset)
{
	struct lf_src_expansion *e = lf_src_outer_at(src, offset);

	return e && offset < e->end;
}

/* Does a macro invocation (not inside another one) start at "offset"?
 */
int lf_src_expansion_at(__isl_keep struct lf_src *src, unsigned offset)
{
	struct lf_src_expansion *e = lf_src_outer_at(src, offset);

	return e && e->begin == offset;
}

/* Properties of a macro's expansion that the front end checks through
 * every macro the expansion uses.
 */
enum lf_src_prop {
	LF_SRC_LINE,	/* expands __LINE__, __COUNTER__ or a builtin whose
			 * value is where it is written */
	LF_SRC_HASH,	/* stringifies or pastes tokens (# and ##) */
	LF_SRC_FUNC,	/* names the function it is in (__func__, ...) */
	LF_SRC_N_PROP
};

static int lf_src_macro_has(__isl_keep struct lf_src *src,
	__isl_keep const char *name, enum lf_src_prop prop);

/* Is "name" __LINE__, __COUNTER__, or a builtin whose value is the line
 * or column it is written at (__builtin_LINE(), __builtin_COLUMN())?
 * The rewrite moves and indents code.
 */
static int lf_src_is_line_macro(__isl_keep const char *name)
{
	return !strcmp(name, "__LINE__") || !strcmp(name, "__COUNTER__") ||
	       !strcmp(name, "__builtin_LINE") ||
	       !strcmp(name, "__builtin_COLUMN");
}

/* Is "name" one of the keywords whose value is the name of the function
 * they are written in?
 */
static int lf_src_is_func_name(__isl_keep const char *name)
{
	return !strcmp(name, "__func__") || !strcmp(name, "__FUNCTION__") ||
	       !strcmp(name, "__PRETTY_FUNCTION__") ||
	       !strcmp(name, "__builtin_FUNCTION");
}

/* Does token "name" by itself give property "prop" (LF_SRC_LINE or
 * LF_SRC_FUNC)?
 */
static int lf_src_is_place_name(__isl_keep const char *name,
	enum lf_src_prop prop)
{
	if (prop == LF_SRC_LINE)
		return lf_src_is_line_macro(name);
	return prop == LF_SRC_FUNC && lf_src_is_func_name(name);
}

/* Is "t", of kind "kind", the token "#" or "##" (in any spelling)?
 */
static int lf_src_is_hash(CXTokenKind kind, __isl_keep const char *t)
{
	return kind == CXToken_Punctuation && t &&
	       (!strcmp(t, "#") || !strcmp(t, "##") || !strcmp(t, "%:") ||
		!strcmp(t, "%:%:"));
}

/* Does token "t" of a macro body give the macro property "prop", by
 * itself or by naming a macro that has it?
 */
static int lf_src_token_has(__isl_keep struct lf_src *src, CXTokenKind kind,
	__isl_keep const char *t, enum lf_src_prop prop)
{
	if (prop == LF_SRC_HASH && lf_src_is_hash(kind, t))
		return 1;
	if ((kind != CXToken_Identifier && kind != CXToken_Keyword) || !t)
		return 0;
	if (lf_src_is_place_name(t, prop))
		return 1;
	if (kind == CXToken_Keyword)
		return 0;
	return lf_src_macro_has(src, t, prop);
}

/* Does the body of macro definition "def" have property "prop"?
 */
static int lf_src_def_has(__isl_keep struct lf_src *src, CXCursor def,
	enum lf_src_prop prop)
{
	CXToken *tokens;
	unsigned i, n;
	int found = 0;

	clang_tokenize(src->tu, clang_getCursorExtent(def), &tokens, &n);
	for (i = 1; i < n && !found; ++i) {
		CXString s = clang_getTokenSpelling(src->tu, tokens[i]);

		found = lf_src_token_has(src, clang_getTokenKind(tokens[i]),
					 clang_getCString(s), prop);
		clang_disposeString(s);
	}
	clang_disposeTokens(src->tu, tokens, n);
	return found;
}

/* Does any definition of the macro "name" have property "prop"?  A
 * macro that (indirectly) refers to itself is not expanded again, so a
 * cycle adds nothing.
 */
static int lf_src_macro_has(__isl_keep struct lf_src *src,
	__isl_keep const char *name, enum lf_src_prop prop)
{
	struct lf_src_macro key, *m;
	int found = 0;

	key.name = (char *) name;
	m = bsearch(&key, src->macros, src->n_macro, sizeof(*m),
		    &lf_src_cmp_macro);
	if (!m)
		return 0;
	while (m > src->macros && !strcmp(m[-1].name, name))
		m--;
	for (; m < src->macros + src->n_macro && !strcmp(m->name, name); ++m) {
		if (m->memo[prop] == -1) {
			m->memo[prop] = 2;
			m->memo[prop] = lf_src_def_has(src, m->def, prop);
		}
		if (m->memo[prop] == 1)
			found = 1;
	}
	return found;
}

/* Does the expansion "e" have property "prop"?
 */
static int lf_src_expansion_has(__isl_keep struct lf_src *src,
	__isl_keep struct lf_src_expansion *e, enum lf_src_prop prop)
{
	char *name = lf_cursor_name(e->cursor);
	int has;

	if (!name)
		return -1;
	has = (prop == LF_SRC_LINE && lf_src_is_line_macro(name)) ||
	      lf_src_macro_has(src, name, prop);
	free(name);
	return has;
}

/* Is "offset" inside the arguments of a macro that stringifies or pastes
 * tokens (directly or through the macros it uses)?  An iterator there
 * is seen as text, not as a value.
 */
int lf_src_in_hash_macro(__isl_keep struct lf_src *src, unsigned offset)
{
	struct lf_src_expansion *e = lf_src_outer_at(src, offset);

	if (!e || offset >= e->end)
		return 0;
	return lf_src_expansion_has(src, e, LF_SRC_HASH);
}

/* Does code in [begin, end) have property "prop" (LF_SRC_LINE or
 * LF_SRC_FUNC): a token that gives it by itself, or the expansion of a
 * macro that does?  *at gets the offset of the first such token, else
 * of the expansion.
 */
static int lf_src_uses(__isl_keep struct lf_src *src, unsigned begin,
	unsigned end, enum lf_src_prop prop, unsigned *at)
{
	int i, has;

	for (i = lf_src_token_after(src, begin); i < src->n_token; ++i) {
		struct lf_src_token *t = &src->tokens[i];

		if (t->begin >= end)
			break;
		if (t->begin >= begin && t->ident &&
		    lf_src_is_place_name(t->ident, prop)) {
			*at = t->begin;
			return 1;
		}
	}
	for (i = 0; i < src->n_exp; ++i) {
		struct lf_src_expansion *e = &src->exps[i];

		if (e->begin < begin || e->begin >= end)
			continue;
		has = lf_src_expansion_has(src, e, prop);
		if (has < 0)
			return -1;
		if (has) {
			*at = e->begin;
			return 1;
		}
	}
	return 0;
}

/* Does code in [begin, end) expand __LINE__ or __COUNTER__, directly or
 * through other macros, or call __builtin_LINE() or __builtin_COLUMN()?
 * Their values change when the code moves or is reordered.  *at gets the
 * offset of the expansion or call.
 */
int lf_src_uses_line(__isl_keep struct lf_src *src, unsigned begin,
	unsigned end, unsigned *at)
{
	return lf_src_uses(src, begin, end, LF_SRC_LINE, at);
}

/* Is the macro expanded at "offset" an object-like macro whose body is
 * a single token or wholly in parentheses, so that its name can stand
 * for its value inside any expression?  "#define N 60+4" is not: "-N"
 * would mean "-60+4".
 */
int lf_src_macro_is_atom(__isl_keep struct lf_src *src, unsigned offset)
{
	struct lf_src_expansion *e = lf_src_outer_at(src, offset);
	CXCursor def;
	CXToken *tokens;
	unsigned i, n, body = 0, closed = 0;
	int depth = 0, paren = 0;

	if (!e || e->begin != offset)
		return 0;
	def = clang_getCursorReferenced(e->cursor);
	if (clang_getCursorKind(def) != CXCursor_MacroDefinition ||
	    clang_Cursor_isMacroFunctionLike(def))
		return 0;
	clang_tokenize(src->tu, clang_getCursorExtent(def), &tokens, &n);
	for (i = 1; i < n; ++i) {
		CXString s;
		const char *t;

		if (clang_getTokenKind(tokens[i]) == CXToken_Comment)
			continue;
		s = clang_getTokenSpelling(src->tu, tokens[i]);
		t = clang_getCString(s);
		if (body == 0)
			paren = t && !strcmp(t, "(");
		body++;
		if (t && !strcmp(t, "("))
			depth++;
		else if (t && !strcmp(t, ")") && --depth == 0 && !closed)
			closed = body;
		clang_disposeString(s);
	}
	clang_disposeTokens(src->tu, tokens, n);
	return body == 1 || (paren && closed == body);
}

static int lf_src_cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *) a, *(char *const *) b);
}

/* Every identifier (and keyword) of the main file and the name of every
 * macro of the translation unit, sorted, without repetition: no name
 * made up for generated code may be one of them.  Returns their number
 * and sets *idents, which the caller frees with every string in it.
 */
int lf_src_idents(__isl_keep struct lf_src *src, char ***idents)
{
	char **list = malloc((src->n_token + src->n_macro + 1) *
			     sizeof(char *));
	int i, n = 0, k = 0;

	*idents = list;
	if (!list)
		return -1;
	for (i = 0; i < src->n_token; ++i)
		if (src->tokens[i].ident)
			list[n++] = src->tokens[i].ident;
	for (i = 0; i < src->n_macro; ++i)
		list[n++] = src->macros[i].name;
	if (n > 0)
		qsort(list, n, sizeof(char *), &lf_src_cmp_str);
	for (i = 0; i < n; ++i)
		if (k == 0 || strcmp(list[k - 1], list[i]))
			list[k++] = list[i];
	for (i = 0; i < k; ++i)
		if (!(list[i] = strdup(list[i]))) {
			while (i-- > 0)
				free(list[i]);
			free(list);
			*idents = NULL;
			return -1;
		}
	return k;
}

/* Call fn on every identifier token that starts in [begin, end), with
 * its offset, until fn fails.
 */
int lf_src_each_ident(__isl_keep struct lf_src *src, unsigned begin,
	unsigned end, int (*fn)(const char *name, unsigned offset, void *user),
	void *user)
{
	int i;

	for (i = lf_src_token_after(src, begin); i < src->n_token; ++i) {
		struct lf_src_token *t = &src->tokens[i];

		if (t->begin >= end)
			break;
		if (t->begin < begin || t->kind != CXToken_Identifier)
			continue;
		if (fn(t->ident, t->begin, user) < 0)
			return -1;
	}
	return 0;
}

/* Is [begin, end) one or more groups "[...]" of balanced brackets, with
 * nothing else at the outer level (comments aside)?
 */
int lf_src_is_brackets(__isl_keep struct lf_src *src, unsigned begin,
	unsigned end)
{
	int i, depth = 0, groups = 0;

	for (i = lf_src_token_after(src, begin); i < src->n_token; ++i) {
		struct lf_src_token *t = &src->tokens[i];

		if (t->begin >= end)
			break;
		if (t->begin < begin || t->kind == CXToken_Comment)
			continue;
		if (t->kind == CXToken_Punctuation && t->first == '[' &&
		    t->end == t->begin + 1) {
			groups += depth++ == 0;
		} else if (t->kind == CXToken_Punctuation && t->first == ']' &&
			   t->end == t->begin + 1) {
			if (--depth < 0)
				return 0;
		} else if (depth == 0) {
			return 0;
		}
	}
	return groups > 0 && depth == 0;
}

/* Does a token "c" (a single punctuation character) end at "end"?
 */
int lf_src_ends_with(__isl_keep struct lf_src *src, unsigned end, char c)
{
	int i = lf_src_token_after(src, end);

	return i > 0 && src->tokens[i - 1].end == end &&
	       src->tokens[i - 1].kind == CXToken_Punctuation &&
	       src->tokens[i - 1].first == c &&
	       src->tokens[i - 1].begin + 1 == end;
}

/* The first token that starts in [*begin, limit) and spans a line
 * break in "text": its range in *begin and *end.  Returns 0 if there is
 * none.
 */
int lf_src_long_token(__isl_keep struct lf_src *src,
	__isl_keep const char *text, unsigned *begin, unsigned *end,
	unsigned limit)
{
	int i;

	for (i = lf_src_token_after(src, *begin); i < src->n_token; ++i) {
		struct lf_src_token *t = &src->tokens[i];
		unsigned p;

		if (t->begin >= limit)
			return 0;
		if (t->begin < *begin)
			continue;
		for (p = t->begin; p < t->end; ++p)
			if (text[p] == '\n' || text[p] == '\r')
				break;
		if (p < t->end) {
			*begin = t->begin;
			*end = t->end;
			return 1;
		}
	}
	return 0;
}

static int lf_src_cmp_offset(const void *a, const void *b)
{
	unsigned x = *(const unsigned *) a, y = *(const unsigned *) b;

	return x < y ? -1 : x > y;
}

/* Does code in [begin, end) name the function it is in: __func__,
 * __FUNCTION__, __PRETTY_FUNCTION__ or __builtin_FUNCTION(), written
 * there or in a macro it expands?  Code moved into another function
 * changes value.  *at gets the offset.
 */
int lf_src_uses_function_name(__isl_keep struct lf_src *src, unsigned begin,
	unsigned end, unsigned *at)
{
	return lf_src_uses(src, begin, end, LF_SRC_FUNC, at);
}

/* The offsets of the expansions and builtin calls in the main file that
 * depend on where they are (__LINE__, __COUNTER__, assert,
 * __builtin_LINE(), ...), in order, in *offsets (the caller frees it);
 * returns their number or -1.
 */
int lf_src_line_uses(__isl_keep struct lf_src *src, unsigned **offsets)
{
	int i, n = 0, has;

	*offsets = malloc((src->n_exp + src->n_token + 1) * sizeof(unsigned));
	if (!*offsets)
		return -1;
	for (i = 0; i < src->n_token; ++i)
		if (src->tokens[i].ident &&
		    lf_src_is_line_macro(src->tokens[i].ident))
			(*offsets)[n++] = src->tokens[i].begin;
	for (i = 0; i < src->n_exp; ++i) {
		has = lf_src_expansion_has(src, &src->exps[i], LF_SRC_LINE);
		if (has < 0) {
			free(*offsets);
			*offsets = NULL;
			return -1;
		}
		if (has)
			(*offsets)[n++] = src->exps[i].begin;
	}
	qsort(*offsets, n, sizeof(unsigned), &lf_src_cmp_offset);
	return n;
}
