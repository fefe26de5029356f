/* SPDX-License-Identifier: MIT */
#include <stdlib.h>
#include <string.h>

#include "lf_build.h"

/* Where a callee's loops are compiled after they move into the caller.
 *
 * The expansion writes the callee's text at the call.  It means there
 * what it meant in the callee only if nothing between the two changes
 * the meaning of its tokens or how they are compiled: a macro defined,
 * undefined or pushed and popped after the callee, a pragma about
 * floating point (STDC FP_CONTRACT, float_control) or optimization
 * (GCC optimize) between them; and attributes of either function that
 * say how its code is compiled (optimize, target), which the moved
 * loops would lose or gain.  Attributes about calling and linking
 * (noinline, unused, visibility, ...) do not matter once the loops have
 * moved.
 */

static const char *lf_call_context_harmless[] = {
	"noinline", "always_inline", "gnu_inline", "unused", "used",
	"cold", "hot", "visibility", "noclone", "noipa", "nothrow", "leaf",
	"const", "pure", "warn_unused_result", "externally_visible",
	"nonnull", NULL
};

/* Looked for among the words of a function's head: gcc's optimize
 * attribute has no cursor, since clang ignores it.
 */
static const char *lf_call_context_compile[] = { "optimize", NULL };

/* Is "name", without leading and trailing "__", in "list"?
 */
static int lf_call_context_in(const char **list, const char *name)
{
	size_t len = strlen(name);
	int i;

	if (len > 4 && !strncmp(name, "__", 2) &&
	    !strcmp(name + len - 2, "__")) {
		name += 2;
		len -= 4;
	}
	for (i = 0; list[i]; ++i)
		if (strlen(list[i]) == len && !strncmp(list[i], name, len))
			return 1;
	return 0;
}

/* The spelling of the first token of attribute cursor "c", or NULL.
 */
static __isl_give char *lf_call_context_attr_name(CXCursor c)
{
	CXTranslationUnit tu = clang_Cursor_getTranslationUnit(c);
	CXToken *tokens;
	unsigned n;
	CXString s;
	char *name = NULL;

	clang_tokenize(tu, clang_getCursorExtent(c), &tokens, &n);
	if (n > 0) {
		s = clang_getTokenSpelling(tu, tokens[0]);
		name = strdup(clang_getCString(s));
		clang_disposeString(s);
	}
	clang_disposeTokens(tu, tokens, n);
	return name;
}

struct lf_call_context_attr {
	char *name;
	int failed;
};

static enum CXChildVisitResult lf_call_context_visit(CXCursor c,
	CXCursor parent, CXClientData data)
{
	struct lf_call_context_attr *a = data;
	char *name;

	if (!clang_isAttribute(clang_getCursorKind(c)))
		return CXChildVisit_Continue;
	name = lf_call_context_attr_name(c);
	if (!name) {
		a->failed = 1;
		return CXChildVisit_Break;
	}
	if (lf_call_context_in(lf_call_context_harmless, name)) {
		free(name);
		return CXChildVisit_Continue;
	}
	a->name = name;
	return CXChildVisit_Break;
}

static int lf_call_context_ident(const char *name, unsigned offset,
	void *user)
{
	char **found = user;

	if (*found || !lf_call_context_in(lf_call_context_compile, name))
		return 0;
	*found = strdup(name);
	return *found ? 0 : -1;
}

/* An attribute of function "fn" (a cursor, or a word of its head
 * before its body) that may change how its code is compiled: its name
 * in *name.  Returns 1 if there is one, 0 if not, -1 on error.
 */
static int lf_call_context_fn(__isl_keep struct lf_builder *b, CXCursor fn,
	__isl_give char **name)
{
	struct lf_call_context_attr a = { NULL, 0 };
	CXCursor *ch;
	unsigned begin, end, body_begin, body_end;
	int n, r;

	clang_visitChildren(fn, &lf_call_context_visit, &a);
	if (a.failed || a.name) {
		*name = a.name;
		return a.failed ? -1 : 1;
	}
	n = lf_cursor_children(fn, &ch);
	r = n > 0 && lf_build_range(b, fn, &begin, &end) == 0 &&
	    lf_build_range(b, ch[n - 1], &body_begin, &body_end) == 0;
	free(ch);
	if (!r)
		return n < 0 ? -1 : 0;
	if (lf_src_each_ident(b->src, begin, body_begin,
			      &lf_call_context_ident, name) < 0)
		return -1;
	return *name != NULL;
}

/* Does the callee "fn" mean at the call that starts at "call_begin" in
 * "caller" what it means where it is written?  Returns 0 if so; 1 with
 * *at the offset of a directive between the two; 2 with *name the
 * attribute of either function that says how it is compiled; -1 on
 * error.
 */
int lf_call_context_check(__isl_keep struct lf_builder *b, CXCursor caller,
	CXCursor fn, unsigned call_begin, unsigned *at, __isl_give char **name)
{
	unsigned begin, end;
	int r;

	*name = NULL;
	if (lf_build_range(b, fn, &begin, &end) < 0)
		return -1;
	if (end <= call_begin && lf_src_directive(b->src, end, call_begin, at))
		return 1;
	r = lf_call_context_fn(b, fn, name);
	if (r == 0)
		r = lf_call_context_fn(b, caller, name);
	return r > 0 ? 2 : r;
}
