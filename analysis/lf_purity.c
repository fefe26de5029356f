/* SPDX-License-Identifier: MIT */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lf_cursor.h"
#include "lf_grow.h"
#include "lf_purity.h"

/* The effects of calls.  Each function whose body the translation unit
 * holds gets its own effect from its body alone ("local": what it
 * reads, writes and calls outside the unit) and the functions of the
 * unit it calls.  Its effect is the strongest of its own and its
 * callees': found for all functions a query reaches at once, by
 * iterating until nothing changes, so that a cycle of calls is impure
 * exactly when one of its members is.
 */

struct lf_purity_fn {
	char *usr;
	char *name;
	CXCursor def;
	int explored;
	int final;
	enum lf_purity_effect local;
	struct lf_reason *local_reason;
	enum lf_purity_effect effect;
	struct lf_reason *reason;
	int n_callee;
	int *callees;
};

struct lf_purity {
	int math_errno;
	int n;
	struct lf_purity_fn *fns;
};

/* math.h functions that never set errno. */
static const char *const lf_purity_math_quiet[] = {
	"abs", "labs", "llabs", "fabs", "ceil", "floor", "trunc", "round",
	"nearbyint", "rint", "copysign", "fmax", "fmin", "isnan", "isinf",
	"isfinite", "signbit", NULL
};

/* math.h functions that may set errno (EDOM, ERANGE). */
static const char *const lf_purity_math_setting[] = {
	"acos", "asin", "atan", "atan2", "cos", "sin", "tan", "acosh",
	"asinh", "atanh", "cosh", "sinh", "tanh", "exp", "exp2", "expm1",
	"log", "log10", "log1p", "log2", "logb", "cbrt", "hypot", "pow",
	"sqrt", "erf", "erfc", "tgamma", "lgamma", "fmod", "remainder",
	"fdim", "fma", "ldexp", "scalbn", "ilogb", "lrint", "lround",
	"llrint", "llround", NULL
};

/* Builtins that compute a value from their arguments alone. */
static const char *const lf_purity_builtin[] = {
	"__builtin_inf", "__builtin_huge_val",
	"__builtin_fabs", "__builtin_isnan", "__builtin_isinf",
	"__builtin_isfinite", "__builtin_signbit", "__builtin_copysign",
	"__builtin_isinf_sign", "__builtin_fmax", "__builtin_fmin", NULL
};

/* Functions that make a NaN from a string: constants when every
 * argument is a string literal (NAN is __builtin_nanf("")); given
 * another string they read memory.
 */
static const char *const lf_purity_nan[] = {
	"__builtin_nan", "__builtin_nans", "nan", NULL
};

static const char *const lf_purity_io[] = {
	"printf", "fprintf", "vprintf", "vfprintf", "puts", "fputs", "putc",
	"putchar", "fputc", "fwrite", "fread", "scanf", "fscanf", "getchar",
	"getc", "fgetc", "fgets", "perror", "fflush", "write", "read", NULL
};

/* Is name one of list, or one of list with an "f" or "l" suffix
 * (expf, sqrtl, ...)?
 */
static int lf_purity_in_list(const char *const *list,
	__isl_keep const char *name)
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

/* Do the compiler arguments leave math functions setting errno?  They
 * do unless -fno-math-errno or -ffast-math (or -Ofast) comes after the
 * last -fmath-errno.
 */
int lf_purity_math_errno(int argc, const char *const *argv)
{
	int i, sets = 1;

	for (i = 0; i < argc; ++i) {
		if (!strcmp(argv[i], "-fno-math-errno") ||
		    !strcmp(argv[i], "-ffast-math") ||
		    !strcmp(argv[i], "-Ofast"))
			sets = 0;
		else if (!strcmp(argv[i], "-fmath-errno") ||
			 !strcmp(argv[i], "-fno-fast-math"))
			sets = 1;
	}
	return sets;
}

__isl_give struct lf_purity *lf_purity_alloc(int math_errno)
{
	struct lf_purity *purity = calloc(1, sizeof(struct lf_purity));

	if (purity)
		purity->math_errno = math_errno;
	return purity;
}

void lf_purity_free(__isl_take struct lf_purity *purity)
{
	int i;

	if (!purity)
		return;
	for (i = 0; i < purity->n; ++i) {
		free(purity->fns[i].usr);
		free(purity->fns[i].name);
		lf_reason_free(purity->fns[i].local_reason);
		lf_reason_free(purity->fns[i].reason);
		free(purity->fns[i].callees);
	}
	free(purity->fns);
	free(purity);
}

/* A reason of kind "why" about "name" (which may be NULL), without a
 * place: what a function does is not where a call to it is.
 */
static __isl_give struct lf_reason *lf_purity_why(enum lf_why why,
	__isl_keep const char *name)
{
	struct lf_loc nowhere = { 0, 0, 0 };

	return lf_reason_alloc(why, nowhere, NULL, name);
}

/* "call to name() has side effects" because of "cause", which this
 * takes.
 */
static __isl_give struct lf_reason *lf_purity_because(
	__isl_keep const char *name, __isl_take struct lf_reason *cause)
{
	struct lf_reason *reason;

	if (!cause)
		return NULL;
	reason = lf_purity_why(LF_WHY_CALL, name);
	if (!reason) {
		lf_reason_free(cause);
		return NULL;
	}
	reason->cause = cause;
	return reason;
}

/* The index of the entry of function definition "def", added if new;
 * -1 on error.
 */
static int lf_purity_entry(__isl_keep struct lf_purity *purity, CXCursor def)
{
	struct lf_purity_fn *fn;
	char *usr = lf_cursor_usr(def);
	int i;

	if (!usr)
		return -1;
	for (i = 0; i < purity->n; ++i)
		if (!strcmp(purity->fns[i].usr, usr)) {
			free(usr);
			return i;
		}
	if (LF_GROW(purity->fns, purity->n) < 0) {
		free(usr);
		return -1;
	}
	fn = &purity->fns[purity->n];
	memset(fn, 0, sizeof(*fn));
	fn->usr = usr;
	fn->name = lf_cursor_name(def);
	fn->def = def;
	return fn->name ? purity->n++ : -1;
}

/* Are all arguments of "call" string literals? */
static int lf_purity_literal_args(CXCursor call)
{
	int i, n = clang_Cursor_getNumArguments(call);

	for (i = 0; i < n; ++i)
		if (clang_getCursorKind(lf_cursor_strip(
			clang_Cursor_getArgument(call, i))) !=
		    CXCursor_StringLiteral)
			return 0;
	return 1;
}

/* The effect of "call" to "name", declared by "decl", a function
 * without a body here; *reason says why it has side effects.  A name
 * bound to another symbol by an asm label may be anything.
 */
static enum lf_purity_effect lf_purity_external(
	__isl_keep struct lf_purity *purity, CXCursor call, CXCursor decl,
	__isl_keep const char *name, struct lf_reason **reason)
{
	*reason = NULL;
	if (lf_cursor_has_attr(decl, CXCursor_AsmLabelAttr)) {
		*reason = lf_purity_why(LF_WHY_CALL_RENAMED, name);
		return LF_PURITY_IMPURE;
	}
	if (lf_purity_in_list(lf_purity_nan, name)) {
		if (lf_purity_literal_args(call))
			return LF_PURITY_NONE;
		*reason = lf_purity_why(LF_WHY_CALL_NOT_CONST, name);
		return LF_PURITY_IMPURE;
	}
	if (lf_purity_in_list(lf_purity_math_quiet, name) ||
	    lf_purity_in_list(lf_purity_builtin, name))
		return LF_PURITY_NONE;
	if (lf_purity_in_list(lf_purity_math_setting, name))
		return purity->math_errno ? LF_PURITY_ERRNO : LF_PURITY_NONE;
	if (lf_purity_in_list(lf_purity_io, name))
		*reason = lf_purity_why(LF_WHY_CALL_IO, name);
	else
		*reason = lf_purity_why(LF_WHY_CALL_UNSEEN, name);
	return LF_PURITY_IMPURE;
}

/* The state of the walk over a function body for its local effect. */
struct lf_purity_walk {
	struct lf_purity *purity;
	int fn;
	int failed;
	enum lf_purity_effect effect;
	struct lf_reason *reason;
};

/* Raise the walk's effect to "effect" for "reason", which it takes; the
 * first reason for the strongest effect is kept.
 */
static void lf_purity_raise(__isl_keep struct lf_purity_walk *w,
	enum lf_purity_effect effect, __isl_take struct lf_reason *reason)
{
	if (effect == LF_PURITY_IMPURE && !reason)
		w->failed = 1;
	if (effect > w->effect) {
		lf_reason_free(w->reason);
		w->effect = effect;
		w->reason = reason;
	} else {
		lf_reason_free(reason);
	}
}

/* A reference in a function body: a mutable global, a volatile or a
 * static local makes the function impure.
 */
static __isl_give struct lf_reason *lf_purity_check_ref(CXCursor c,
	int modified)
{
	CXCursor decl = clang_getCursorReferenced(c);
	CXCursor scope;
	CXType type;
	char *name;
	struct lf_reason *reason = NULL;
	int global;

	if (clang_getCursorKind(decl) != CXCursor_VarDecl)
		return NULL;
	type = clang_getCursorType(decl);
	scope = clang_getCursorSemanticParent(decl);
	global = clang_getCursorKind(scope) == CXCursor_TranslationUnit;
	name = lf_cursor_name(decl);
	if (clang_isVolatileQualifiedType(type))
		reason = lf_purity_why(LF_WHY_FN_VOLATILE, name);
	else if (global && modified)
		reason = lf_purity_why(LF_WHY_FN_WRITES_GLOBAL, name);
	else if (global && !clang_isConstQualifiedType(type))
		reason = lf_purity_why(LF_WHY_FN_READS_GLOBAL, name);
	else if (clang_Cursor_getStorageClass(decl) == CX_SC_Static)
		reason = lf_purity_why(LF_WHY_FN_STATIC, name);
	free(name);
	return reason;
}

/* A call in a function body: an edge to a function of the unit, or the
 * effect of a function outside it.
 */
static void lf_purity_walk_call(__isl_keep struct lf_purity_walk *w, CXCursor c)
{
	CXCursor decl = clang_getCursorReferenced(c), def;
	enum lf_purity_effect effect;
	struct lf_purity_fn *fn;
	struct lf_reason *why;
	char *name;
	int k;

	if (clang_getCursorKind(decl) != CXCursor_FunctionDecl) {
		lf_purity_raise(w, LF_PURITY_IMPURE,
				lf_purity_why(LF_WHY_FN_CALLS_POINTER, NULL));
		return;
	}
	def = clang_getCursorDefinition(decl);
	if (clang_Cursor_isNull(def)) {
		name = lf_cursor_name(decl);
		why = NULL;
		effect = name ? lf_purity_external(w->purity, c, decl, name,
						   &why) : LF_PURITY_IMPURE;
		lf_purity_raise(w, effect, why);
		free(name);
		return;
	}
	k = lf_purity_entry(w->purity, def);
	fn = k >= 0 ? &w->purity->fns[w->fn] : NULL;
	if (!fn || LF_GROW(fn->callees, fn->n_callee) < 0) {
		w->failed = 1;
		return;
	}
	fn->callees[fn->n_callee++] = k;
}

/* Does c access memory through a pointer: p[i] for a pointer p, or
 * p->m?  A subscript of an array variable is a reference to it, which
 * lf_purity_check_ref judges.
 */
static int lf_purity_through_pointer(CXCursor c)
{
	enum CXCursorKind kind = clang_getCursorKind(c);
	CXCursor *ch;
	int n, through = 0;

	if (kind != CXCursor_ArraySubscriptExpr &&
	    kind != CXCursor_MemberRefExpr)
		return 0;
	n = lf_cursor_children(c, &ch);
	if (kind == CXCursor_ArraySubscriptExpr)
		through = n < 1 || !lf_cursor_is_array_var(ch[0]);
	else if (n >= 1)
		through = clang_getCanonicalType(clang_getCursorType(
			ch[0])).kind == CXType_Pointer;
	free(ch);
	return through;
}

static enum CXChildVisitResult lf_purity_visit(CXCursor c, CXCursor parent,
	CXClientData data)
{
	struct lf_purity_walk *w = data;
	enum CXCursorKind kind = clang_getCursorKind(c);
	CXCursor operand;
	struct lf_reason *reason = NULL;

	if (kind == CXCursor_DeclRefExpr)
		reason = lf_purity_check_ref(c, 0);
	else if (lf_cursor_effect(c, &operand) != LF_CURSOR_NONE &&
		 clang_getCursorKind(operand) == CXCursor_DeclRefExpr)
		reason = lf_purity_check_ref(operand, 1);
	else if (kind == CXCursor_UnaryOperator &&
		 clang_getCursorUnaryOperatorKind(c) == CXUnaryOperator_Deref)
		reason = lf_purity_why(LF_WHY_FN_DEREF, NULL);
	else if (kind == CXCursor_AsmStmt || kind == CXCursor_MSAsmStmt)
		reason = lf_purity_why(LF_WHY_FN_ASM, NULL);
	else if (lf_purity_through_pointer(c))
		reason = lf_purity_why(LF_WHY_FN_THROUGH_POINTER, NULL);
	else if (kind == CXCursor_CallExpr)
		lf_purity_walk_call(w, c);
	if (reason)
		lf_purity_raise(w, LF_PURITY_IMPURE, reason);
	return w->failed ? CXChildVisit_Break : CXChildVisit_Recurse;
}

/* A function with a pointer or array parameter could write through it.
 */
static __isl_give struct lf_reason *lf_purity_check_params(CXCursor def)
{
	int i, n = clang_Cursor_getNumArguments(def);

	for (i = 0; i < n; ++i) {
		CXCursor arg = clang_Cursor_getArgument(def, i);
		enum CXTypeKind kind;

		kind = clang_getCanonicalType(clang_getCursorType(arg)).kind;
		if (kind == CXType_Pointer || kind == CXType_ConstantArray ||
		    kind == CXType_IncompleteArray ||
		    kind == CXType_VariableArray)
			return lf_purity_why(LF_WHY_FN_POINTER_ARG, NULL);
	}
	return NULL;
}

/* The local effect of function k, and its calls to functions of the
 * unit, each of which is explored in turn.
 */
static int lf_purity_explore(__isl_keep struct lf_purity *purity, int k)
{
	struct lf_purity_walk w = { purity, k, 0, LF_PURITY_NONE, NULL };
	struct lf_reason *reason;
	int i;

	if (purity->fns[k].explored)
		return 0;
	purity->fns[k].explored = 1;
	reason = lf_purity_check_params(purity->fns[k].def);
	if (reason)
		lf_purity_raise(&w, LF_PURITY_IMPURE, reason);
	clang_visitChildren(purity->fns[k].def, &lf_purity_visit, &w);
	purity->fns[k].local = w.effect;
	purity->fns[k].local_reason = w.reason;
	purity->fns[k].effect = w.effect;
	purity->fns[k].reason = lf_reason_copy(w.reason);
	if (w.failed || (w.reason && !purity->fns[k].reason))
		return -1;
	for (i = 0; i < purity->fns[k].n_callee; ++i)
		if (lf_purity_explore(purity, purity->fns[k].callees[i]) < 0)
			return -1;
	return 0;
}

/* One round over the functions not yet final: each takes the effect of
 * a callee that is stronger than its own.  Returns whether anything
 * changed, -1 on error.
 */
static int lf_purity_round(__isl_keep struct lf_purity *purity)
{
	int i, k, changed = 0;

	for (i = 0; i < purity->n; ++i) {
		struct lf_purity_fn *fn = &purity->fns[i];

		for (k = 0; fn->explored && !fn->final && k < fn->n_callee;
		     ++k) {
			struct lf_purity_fn *c = &purity->fns[fn->callees[k]];

			if (c->effect <= fn->effect)
				continue;
			lf_reason_free(fn->reason);
			fn->reason = c->reason ? lf_purity_because(c->name,
				lf_reason_copy(c->reason)) : NULL;
			fn->effect = c->effect;
			changed = 1;
			if (c->reason && !fn->reason)
				return -1;
		}
	}
	return changed;
}

/* The effect of function k, with everything it reaches.
 */
static int lf_purity_resolve(__isl_keep struct lf_purity *purity, int k)
{
	int i, r;

	if (purity->fns[k].final)
		return 0;
	if (lf_purity_explore(purity, k) < 0)
		return -1;
	while ((r = lf_purity_round(purity)) > 0)
		;
	if (r < 0)
		return -1;
	for (i = 0; i < purity->n; ++i)
		if (purity->fns[i].explored)
			purity->fns[i].final = 1;
	return 0;
}

/* The effect of "call"; for a call with side effects, *reason gets why
 * (the caller frees it; its place is left for the caller to set).
 */
enum lf_purity_effect lf_purity_call(__isl_keep struct lf_purity *purity,
	CXCursor call, struct lf_reason **reason)
{
	CXCursor decl = clang_getCursorReferenced(call), def;
	enum lf_purity_effect effect;
	char *name;
	int k;

	*reason = NULL;
	if (clang_getCursorKind(decl) != CXCursor_FunctionDecl) {
		*reason = lf_purity_why(LF_WHY_CALL_POINTER, NULL);
		return LF_PURITY_IMPURE;
	}
	name = lf_cursor_name(decl);
	def = clang_getCursorDefinition(decl);
	if (!name) {
		effect = LF_PURITY_IMPURE;
	} else if (clang_Cursor_isNull(def)) {
		effect = lf_purity_external(purity, call, decl, name, reason);
	} else {
		k = lf_purity_entry(purity, def);
		effect = k < 0 || lf_purity_resolve(purity, k) < 0 ?
			 LF_PURITY_IMPURE : purity->fns[k].effect;
		if (effect == LF_PURITY_IMPURE && k >= 0)
			*reason = lf_purity_because(name,
				lf_reason_copy(purity->fns[k].reason));
	}
	free(name);
	return effect;
}
