#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lf_buf.h"
#include "lf_cursor.h"
#include "lf_purity.h"

struct lf_purity_entry {
	char *usr;
	int done;
	char *reason;
};

struct lf_purity {
	int n;
	int cap;
	struct lf_purity_entry *entries;
};

static const char *const lf_purity_math[] = {
	"abs", "labs", "llabs", "acos", "asin", "atan", "atan2", "cos", "sin",
	"tan", "acosh", "asinh", "atanh", "cosh", "sinh", "tanh", "exp",
	"exp2", "expm1", "log", "log10", "log1p", "log2", "logb", "cbrt",
	"fabs", "hypot", "pow", "sqrt", "erf", "erfc", "tgamma", "ceil",
	"floor", "nearbyint", "rint", "round", "trunc", "fmod", "remainder",
	"copysign", "fdim", "fmax", "fmin", "fma", "ldexp", "scalbn",
	"isnan", "isinf", "isfinite", "signbit", NULL
};

static const char *const lf_purity_io[] = {
	"printf", "fprintf", "vprintf", "vfprintf", "puts", "fputs", "putc",
	"putchar", "fputc", "fwrite", "fread", "scanf", "fscanf", "getchar",
	"getc", "fgetc", "fgets", "perror", "fflush", "write", "read", NULL
};

/* Is name one of list, or one of list with an "f" or "l" suffix
 * (expf, sqrtl, ...)?
 */
static int lf_purity_in_list(const char *const *list, const char *name)
{
	size_t len = strlen(name);
	int i;

	for (i = 0; list[i]; ++i) {
		size_t n = strlen(list[i]);

		if (!strcmp(list[i], name))
			return 1;
		if (len == n + 1 && !strncmp(list[i], name, n) &&
		    (name[n] == 'f' || name[n] == 'l'))
			return 1;
	}
	return 0;
}

struct lf_purity *lf_purity_alloc(void)
{
	return calloc(1, sizeof(struct lf_purity));
}

void lf_purity_free(struct lf_purity *purity)
{
	int i;

	if (!purity)
		return;
	for (i = 0; i < purity->n; ++i) {
		free(purity->entries[i].usr);
		free(purity->entries[i].reason);
	}
	free(purity->entries);
	free(purity);
}

static char *lf_purity_reason(const char *fmt, const char *a, const char *b)
{
	struct lf_buf buf;

	lf_buf_init(&buf);
	lf_buf_printf(&buf, fmt, a, b);
	return lf_buf_take(&buf);
}

struct lf_purity_walk {
	struct lf_purity *purity;
	const char *fn;
	char *reason;
};

/* A reference in a function body: a mutable global makes the function
 * impure, as does a local static.
 */
static char *lf_purity_check_ref(CXCursor c, int modified, const char *fn)
{
	CXCursor decl = clang_getCursorReferenced(c);
	CXCursor scope;
	CXType type;
	char *name, *reason = NULL;

	if (clang_getCursorKind(decl) != CXCursor_VarDecl)
		return NULL;
	type = clang_getCursorType(decl);
	scope = clang_getCursorSemanticParent(decl);
	name = lf_cursor_name(decl);
	if (clang_isVolatileQualifiedType(type))
		reason = lf_purity_reason("call to %s() has side effects: it accesses volatile %s",
					  fn, name);
	else if (clang_getCursorKind(scope) == CXCursor_TranslationUnit &&
		 modified)
		reason = lf_purity_reason("call to %s() has side effects: it writes global %s",
					  fn, name);
	else if (clang_getCursorKind(scope) == CXCursor_TranslationUnit &&
		 !clang_isConstQualifiedType(type))
		reason = lf_purity_reason("call to %s() is not pure: it reads global %s",
					  fn, name);
	else if (clang_Cursor_getStorageClass(decl) == CX_SC_Static)
		reason = lf_purity_reason("call to %s() has side effects: it "
					  "keeps state in static %s", fn, name);
	free(name);
	return reason;
}

static enum CXChildVisitResult lf_purity_visit(CXCursor c, CXCursor parent,
	CXClientData data)
{
	struct lf_purity_walk *walk = data;
	enum CXCursorKind kind = clang_getCursorKind(c);
	CXCursor operand;

	if (kind == CXCursor_DeclRefExpr) {
		walk->reason = lf_purity_check_ref(c, 0, walk->fn);
	} else if (lf_cursor_effect(c, &operand) != LF_CURSOR_NONE &&
		   clang_getCursorKind(operand) == CXCursor_DeclRefExpr) {
		walk->reason = lf_purity_check_ref(operand, 1, walk->fn);
	}
	if (walk->reason) {
		return CXChildVisit_Break;
	} else if (kind == CXCursor_CallExpr) {
		char *inner = lf_purity_check_call(walk->purity, c);

		if (inner) {
			walk->reason = lf_purity_reason("call to %s() has "
				"side effects: %s", walk->fn, inner);
			free(inner);
		}
	} else if (kind == CXCursor_UnaryOperator &&
		   clang_getCursorUnaryOperatorKind(c) ==
		   CXUnaryOperator_Deref) {
		walk->reason = lf_purity_reason("call to %s() is not pure: it "
						"dereferences a pointer%s", walk->fn, "");
	} else if (kind == CXCursor_AsmStmt || kind == CXCursor_MSAsmStmt) {
		walk->reason = lf_purity_reason("call to %s() contains "
						"assembly%s", walk->fn, "");
	}
	return walk->reason ? CXChildVisit_Break : CXChildVisit_Recurse;
}

/* A function with a pointer or array parameter could write through it.
 */
static char *lf_purity_check_params(CXCursor def, const char *fn)
{
	int i, n = clang_Cursor_getNumArguments(def);

	for (i = 0; i < n; ++i) {
		CXCursor arg = clang_Cursor_getArgument(def, i);
		enum CXTypeKind kind;

		kind = clang_getCanonicalType(clang_getCursorType(arg)).kind;
		if (kind == CXType_Pointer || kind == CXType_ConstantArray ||
		    kind == CXType_IncompleteArray ||
		    kind == CXType_VariableArray)
			return lf_purity_reason("call to %s() is not pure: it "
						"takes a pointer argument%s", fn, "");
	}
	return NULL;
}

static char *lf_purity_analyse(struct lf_purity *purity, CXCursor decl,
	const char *fn)
{
	CXCursor def = clang_getCursorDefinition(decl);
	struct lf_purity_walk walk = { purity, fn, NULL };

	if (clang_Cursor_isNull(def)) {
		if (lf_purity_in_list(lf_purity_math, fn))
			return NULL;
		if (lf_purity_in_list(lf_purity_io, fn))
			return lf_purity_reason("call to %s() has side effects (I/O)%s",
						fn, "");
		return lf_purity_reason("call to %s() may have side effects: "
					"its body is not visible%s", fn, "");
	}
	walk.reason = lf_purity_check_params(def, fn);
	if (!walk.reason)
		clang_visitChildren(def, &lf_purity_visit, &walk);
	return walk.reason;
}

static struct lf_purity_entry *lf_purity_entry(struct lf_purity *purity,
	const char *usr)
{
	struct lf_purity_entry *e;
	int i;

	for (i = 0; i < purity->n; ++i)
		if (!strcmp(purity->entries[i].usr, usr))
			return &purity->entries[i];
	if (purity->n == purity->cap) {
		int cap = purity->cap ? 2 * purity->cap : 8;

		e = realloc(purity->entries, cap * sizeof(*e));
		if (!e)
			return NULL;
		purity->entries = e;
		purity->cap = cap;
	}
	e = &purity->entries[purity->n];
	e->usr = strdup(usr);
	e->done = 0;
	e->reason = NULL;
	if (!e->usr)
		return NULL;
	purity->n++;
	return e;
}

/* A function that is being analysed counts as pure while its own body
 * is walked: a cycle of calls is impure only if one of its members is.
 */
static char *lf_purity_check_decl(struct lf_purity *purity, CXCursor decl)
{
	char *usr, *fn, *reason;
	struct lf_purity_entry *e;
	int index;

	usr = lf_cursor_usr(decl);
	fn = lf_cursor_name(decl);
	e = usr ? lf_purity_entry(purity, usr) : NULL;
	free(usr);
	if (!e || !fn) {
		free(fn);
		return strdup("out of memory");
	}
	if (e->done) {
		free(fn);
		return e->reason ? strdup(e->reason) : NULL;
	}
	index = e - purity->entries;
	e->done = 1;
	reason = lf_purity_analyse(purity, decl, fn);
	free(fn);
	purity->entries[index].reason = reason ? strdup(reason) : NULL;
	return reason;
}

/* NULL if the call has no side effects, otherwise why it may have.
 */
char *lf_purity_check_call(struct lf_purity *purity, CXCursor call)
{
	CXCursor decl = clang_getCursorReferenced(call);

	if (clang_getCursorKind(decl) != CXCursor_FunctionDecl)
		return strdup("call through a function pointer");
	return lf_purity_check_decl(purity, decl);
}
