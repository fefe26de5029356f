/* SPDX-License-Identifier: MIT */
#include <stdlib.h>
#include <string.h>

#include "lf_buf.h"
#include "lf_say.h"

/* Sentences: what loopfuse says about a reason, a dependence, a fusion
 * group or a rewrite.  The layers below record kinds and data; this is
 * the one place that words them, for every format.
 */

/* The sentence of each kind of reason: %T text, %N name, %U text2, %M
 * name2, %L loc1 and %K loc2 as "line:col", %0 n0, %1 n1, %C the
 * cause's sentence, %% a '%'.
 */
static const char *const lf_say_why[LF_WHY_N] = {
	[LF_WHY_NOT_AFFINE] =
		"%T: not an affine expression",
	[LF_WHY_NOT_AFFINE_COND] =
		"%T: not an affine condition",
	[LF_WHY_SUBSCRIPT] =
		"%T: subscript is not affine",
	[LF_WHY_NOT_INTEGER] =
		"%N: not an integer",
	[LF_WHY_NOT_INTEGER_VAR] =
		"%N: not an integer variable",
	[LF_WHY_VOLATILE_VAR] =
		"%N: volatile variable",
	[LF_WHY_INSIDE_VAR] =
		"%N: bound or subscript depends on a variable "
		"computed inside the loops",
	[LF_WHY_MODIFIED_VAR] =
		"%N: bound or subscript depends on a variable the "
		"loops modify",
	[LF_WHY_ADDRESS_VAR] =
		"%N: its address is taken",
	[LF_WHY_UNASSIGNED_VAR] =
		"%N may hold no value where the loops start, and the "
		"rewrite may read it where they do not: initialize it "
		"where it is declared",
	[LF_WHY_NAME_CLASH] =
		"two different variables named '%N' are used in loop "
		"bounds or subscripts",
	[LF_WHY_OUT_OF_BOUNDS] =
		"the subscripts are out of bounds whatever the sizes",
	[LF_WHY_FLAT_UNSIGNED] =
		"%T: flat subscript computed in an unsigned type, which "
		"may wrap",
	[LF_WHY_FLAT_SHAPE] =
		"%T: flat subscript that does not fit one shape with the "
		"other accesses to %N",
	[LF_WHY_FLAT_RANGE] =
		"%T: flat subscript whose inner part is not proven to "
		"stay in [0, %N)",
	[LF_WHY_ITER_OUTSIDE] =
		"%N: iterator used outside its loop",
	[LF_WHY_STRUCT_VAR] =
		"%N: struct or union",
	[LF_WHY_POINTER_VAR] =
		"%N: pointer variable whose target is unknown",
	[LF_WHY_ITER_ASSIGNED] =
		"assignment to iterator %N",
	[LF_WHY_NO_SUBSCRIPT] =
		"%N: array or pointer used without a subscript",
	[LF_WHY_SUBSCRIPTED] =
		"subscripted expression is not a variable",
	[LF_WHY_VOLATILE_ELEMENTS] =
		"%N: volatile elements",
	[LF_WHY_PARTIAL_SUBSCRIPT] =
		"%N: not every dimension is subscripted",
	[LF_WHY_POINTER_ROWS] =
		"%N: its rows are pointers, and rows may overlap",
	[LF_WHY_POINTER_CHANGED] =
		"%N: pointer variable that the loops modify or whose "
		"address is taken",
	[LF_WHY_MEMBER_CHANGED] =
		"%N: a store or a call in the loops may change it",
	[LF_WHY_MEMBER_UNION] =
		"%N: member of a union, which a store to another member "
		"changes",
	[LF_WHY_MEMBER_BASE] =
		"%T: member of something that is not a variable",
	[LF_WHY_BINARY] =
		"unexpected binary expression",
	[LF_WHY_ADDRESS] =
		"%T: address taken",
	[LF_WHY_DEREF] =
		"%T: pointer dereference",
	[LF_WHY_MEMBER] =
		"struct member access",
	[LF_WHY_EXPRESSION] =
		"unsupported expression",
	[LF_WHY_VOLATILE_DECL] =
		"volatile variable",
	[LF_WHY_STATIC_DECL] =
		"static local variable",
	[LF_WHY_EXTERN_DECL] =
		"extern declaration inside the loop nest: declare it "
		"outside",
	[LF_WHY_POINTER_PARAM_SET] =
		"%N: pointer parameter assigned in the function, so its "
		"target is unknown",
	[LF_WHY_WHILE] =
		"while loop",
	[LF_WHY_DO] =
		"do-while loop",
	[LF_WHY_GOTO] =
		"goto",
	[LF_WHY_BREAK] =
		"break",
	[LF_WHY_CONTINUE] =
		"continue",
	[LF_WHY_RETURN] =
		"return",
	[LF_WHY_SWITCH] =
		"switch",
	[LF_WHY_LABEL] =
		"label",
	[LF_WHY_ASM] =
		"inline assembly",
	[LF_WHY_STATEMENT] =
		"unsupported statement",
	[LF_WHY_CALL] =
		"call to %N() has side effects: %C",
	[LF_WHY_CALL_IO] =
		"call to %N() has side effects (I/O)",
	[LF_WHY_CALL_UNSEEN] =
		"call to %N() may have side effects: its body is not "
		"visible",
	[LF_WHY_CALL_RENAMED] =
		"call to %N() may have side effects: an asm label "
		"renames it",
	[LF_WHY_CALL_NOT_CONST] =
		"call to %N() reads memory: its argument is not a "
		"string literal",
	[LF_WHY_CALL_POINTER] =
		"call through a function pointer",
	[LF_WHY_FN_WRITES_GLOBAL] =
		"it writes global %N",
	[LF_WHY_FN_READS_GLOBAL] =
		"it reads global %N",
	[LF_WHY_FN_VOLATILE] =
		"it accesses volatile %N",
	[LF_WHY_FN_STATIC] =
		"it keeps state in static %N",
	[LF_WHY_FN_CALLS_POINTER] =
		"it calls a function through a pointer",
	[LF_WHY_FN_DEREF] =
		"it dereferences a pointer",
	[LF_WHY_FN_ASM] =
		"it contains assembly",
	[LF_WHY_FN_THROUGH_POINTER] =
		"it accesses memory through a pointer",
	[LF_WHY_FN_POINTER_ARG] =
		"it takes a pointer argument",
	[LF_WHY_LOOP_INIT] =
		"loop initialisation is not of the form 'int i = lb' "
		"or 'i = lb'",
	[LF_WHY_INIT_EFFECT] =
		"%T: the loop initialisation does more than set the "
		"iterator and local variables",
	[LF_WHY_INIT_VAR_USED] =
		"%N, set in the loop initialisation besides the "
		"iterator, is used in the nest",
	[LF_WHY_INIT_VAR_LIVE] =
		"%N, set in the loop initialisation besides the "
		"iterator, may be read after the nest",
	[LF_WHY_LOOP_PARTS] =
		"for loop without an initialisation, a condition or "
		"an increment",
	[LF_WHY_LOOP_STEP] =
		"loop increment is not a constant step of %N",
	[LF_WHY_LOOP_BODY] =
		"loop body is not in the main file",
	[LF_WHY_LOOP_UNBOUNDED] =
		"loop condition does not bound %N",
	[LF_WHY_LOOP_DEPTH] =
		"loops nested too deeply",
	[LF_WHY_ITER_TYPE] =
		"iterator %N is not an integer",
	[LF_WHY_ITER_VOLATILE] =
		"iterator %N is volatile",
	[LF_WHY_ITER_STATIC] =
		"iterator %N keeps its value after the function "
		"returns",
	[LF_WHY_ITER_ADDRESS] =
		"&%N: address of the iterator is taken",
	[LF_WHY_ITER_MODIFIED] =
		"iterator %N is modified in the loop body",
	[LF_WHY_ITER_LIVE] =
		"iterator %N is used outside the loops",
	[LF_WHY_ITER_WRAPS_NARROW] =
		"%N can wrap around when the loop ends: its type is "
		"too narrow for it",
	[LF_WHY_ITER_WRAPS_UNSIGNED] =
		"%N can wrap around when the loop ends: its type is "
		"unsigned and the condition does not stop it",
	[LF_WHY_ITER_OVERFLOWS] =
		"%N overflows when the loop ends",
	[LF_WHY_MACRO_LOOP] =
		"loop comes from a macro expansion",
	[LF_WHY_DIRECTIVE] =
		"preprocessor directive inside the loop nest",
	[LF_WHY_LINE_MACRO] =
		"__LINE__, __COUNTER__ or __builtin_LINE() would change "
		"its value when the code moves",
	[LF_WHY_ITER_IN_MACRO] =
		"iterator %N is used inside a macro",
	[LF_WHY_ITER_HASHED] =
		"iterator %N is an argument of a macro that "
		"stringifies or pastes it",
	[LF_WHY_ITER_SPLICED] =
		"iterator %N is spelled across a backslash-newline "
		"or with a \\u escape",
	[LF_WHY_NOT_MAIN_FILE] =
		"statement is not in the main file",
	[LF_WHY_MACRO_SEMICOLON] =
		"the ';' of the statement comes from a macro",
	[LF_WHY_PRAGMA] =
		"'%T' applies to the loop, which is kept as it is "
		"written",
	[LF_WHY_TOO_COMPLEX] =
		"not analysed: too complex",
	[LF_WHY_FAILED] =
		"not analysed: the analysis failed",
	[LF_WHY_KEPT] =
		"'%T' applies to the loop nest at line %0, which is "
		"kept as it is written",
	[LF_WHY_NO_STATEMENTS] =
		"the loop nest has no statements",
	[LF_WHY_EMPTY_NEST] =
		"a loop nest has no statements",
	[LF_WHY_DIRECTION_OUTER] =
		"its outer loop runs in the opposite direction",
	[LF_WHY_DIRECTION] =
		"loop %0 of the nest at line %1 runs in the opposite "
		"direction",
	[LF_WHY_DEP_FLOW] =
		"%T at %L reads %N written by %U at %K: after fusion "
		"it would be read before it is written",
	[LF_WHY_DEP_ANTI] =
		"%T at %L writes %N read by %U at %K: after fusion "
		"it would be overwritten before it is read",
	[LF_WHY_DEP_OUTPUT] =
		"%T at %L writes %N also written by %U at %K: after "
		"fusion it would be written in a different order",
	[LF_WHY_MAY_ALIAS] =
		"%M and %N may alias: add restrict or "
		"--assume-no-alias",
	[LF_WHY_BEHIND] =
		"the second loop runs behind the first",
	[LF_WHY_NO_SHARED_ARRAY] =
		"shares no array with the nests before it: fusion "
		"would save no memory traffic",
	[LF_WHY_C89] =
		"not rewritten: the file is parsed as C89 (-std=c89 or "
		"-ansi), and generated loops declare their iterators "
		"in the for statement, which C89 does not allow",
	[LF_WHY_GLOBAL_SIZE] =
		"%N is used as a size and %M may point to it: copy %N "
		"to a local variable before the loops, or make %M "
		"restrict",
	[LF_WHY_NO_NEAR_REUSE] =
		"no element of %N or of another array both access is "
		"touched again within a few iterations of the outer "
		"loop: fusion would save no memory traffic",
	[LF_WHY_SMALL_SAVING] =
		"fusion would save at most %0 of the %1 bytes these "
		"nests access (under 5%%)",
	[LF_WHY_LOWER_DIM_SAVING] =
		"fusion would save the traffic of %0-dimensional data "
		"while the nests stream %1-dimensional data: the saving "
		"vanishes as the sizes grow",
	[LF_WHY_FITS_L1] =
		"the %0 bytes these nests access stay in the L1 "
		"cache without fusion",
	[LF_WHY_SHIFT_IN_L2] =
		"fusion would need this nest %1 iteration(s) behind, and "
		"the %0 bytes these nests access (at most twice the L2 "
		"cache) stay in cache without fusion: the shifted loop "
		"costs more than it saves",
	[LF_WHY_FAR_APART] =
		"their loops' ranges can be far apart for some "
		"sizes: a fused loop would run over the gap between "
		"them",
	[LF_WHY_OUTER_ONLY] =
		"sharing only the outer loop with nests that have "
		"loops of their own inside it would stream both "
		"through the cache",
	[LF_WHY_INNER_IN_L1] =
		"the two start at different iterations, so a fused loop "
		"would move the vector accesses of one off their "
		"alignment, and the %0 bytes one iteration of the outer "
		"loops accesses stay in the L1 cache between them",
	[LF_WHY_OVERFLOW] =
		"not rewritten: a bound of the new loops could "
		"overflow its type for some sizes",
	[LF_WHY_CALL_KEPT] =
		"call to %N() is not fused with the loops next to it: %C",
	[LF_WHY_CALL_MACRO] =
		"the call comes from a macro",
	[LF_WHY_CALLEE_AFTER] =
		"the function is defined after its caller",
	[LF_WHY_CALLEE_TYPE] =
		"the function returns a value, has no prototype or takes "
		"variable arguments",
	[LF_WHY_CALLEE_RECURSIVE] =
		"the function calls %N(), itself or its caller",
	[LF_WHY_CALLEE_FORM] =
		"the function's body is not only for loops",
	[LF_WHY_CALLEE_CONTROL] =
		"the function's body holds a return, a label or a goto",
	[LF_WHY_CALLEE_STATIC] =
		"the function declares static or extern %N",
	[LF_WHY_CALLEE_LOCAL] =
		"the function declares %N at the top of its body and "
		"does not use it only as an integer loop iterator that "
		"each for sets",
	[LF_WHY_CALLEE_PLACE] =
		"the function's body holds a preprocessor directive, "
		"__LINE__, __func__ or a builtin like them, which would "
		"change where the code moves",
	[LF_WHY_CALLEE_PARAM_EFFECT] =
		"a parameter's declaration calls a function or has a "
		"side effect (the size of a variably modified parameter), "
		"which the call evaluates and loops in its place would "
		"not",
	[LF_WHY_CALLEE_MACRO] =
		"the function uses %N through a macro, which may mean "
		"something else at the call",
	[LF_WHY_FORMAL_CHANGED] =
		"parameter %N is assigned, has its address taken or is "
		"an operand of sizeof",
	[LF_WHY_FORMAL_TYPE] =
		"the argument for parameter %N is not of its type",
	[LF_WHY_CALL_ARG] =
		"argument '%T' is neither a constant nor a variable that "
		"keeps its value during the call",
	[LF_WHY_CALL_ARG_MEMBER] =
		"argument '%T' is a member, which can only replace a "
		"pointer parameter that the function only subscripts, of "
		"a variable that keeps its value during the call, reached "
		"with '.' only (memory that '->' reaches may be stored "
		"over by the function)",
	[LF_WHY_CALL_ARG_OFFSET] =
		"argument '%T' is a pointer offset, which the function "
		"would subscript; a local pointer set to it before the "
		"call can be passed instead",
	[LF_WHY_CALLEE_CONTEXT] =
		"a preprocessor directive between the function and the "
		"call may change what its body means at the call (a macro, "
		"a pragma about floating point or optimization)",
	[LF_WHY_CALL_ATTRIBUTE] =
		"attribute '%N' of the caller or the function may change "
		"how the moved loops are compiled",
	[LF_WHY_NAME_SHADOWED] =
		"the function uses %N, which the caller declares "
		"for something else",
	[LF_WHY_NAME_CAPTURED] =
		"an argument uses %N, which the function declares for "
		"something else",
};

static void lf_say_append(__isl_keep struct lf_buf *buf,
	__isl_keep const struct lf_reason *r);

/* Append the field of "r" that directive "d" names.
 */
static void lf_say_field(__isl_keep struct lf_buf *buf,
	__isl_keep const struct lf_reason *r, char d)
{
	switch (d) {
	case 'T': lf_buf_add_str(buf, r->text ? r->text : "?"); break;
	case 'N': lf_buf_add_str(buf, r->name ? r->name : "?"); break;
	case 'U': lf_buf_add_str(buf, r->text2 ? r->text2 : "?"); break;
	case 'M': lf_buf_add_str(buf, r->name2 ? r->name2 : "?"); break;
	case 'L': lf_buf_printf(buf, "%u:%u", r->loc1.line, r->loc1.col); break;
	case 'K': lf_buf_printf(buf, "%u:%u", r->loc2.line, r->loc2.col); break;
	case '0': lf_buf_printf(buf, "%ld", r->n0); break;
	case '1': lf_buf_printf(buf, "%ld", r->n1); break;
	case 'C':
		if (r->cause)
			lf_say_append(buf, r->cause);
		else
			lf_buf_add_str(buf, "?");
		break;
	default: lf_buf_add_char(buf, d); break;
	}
}

/* Append the sentence of "r".  A dependence on errno says how to let
 * math functions not set it.
 */
static void lf_say_append(__isl_keep struct lf_buf *buf,
	__isl_keep const struct lf_reason *r)
{
	const char *fmt;

	if (r->why < 0 || r->why >= LF_WHY_N || !lf_say_why[r->why]) {
		lf_buf_add_str(buf, "?");
		return;
	}
	for (fmt = lf_say_why[r->why]; *fmt; ++fmt) {
		if (*fmt != '%' || !fmt[1]) {
			lf_buf_add_char(buf, *fmt);
			continue;
		}
		lf_say_field(buf, r, *++fmt);
	}
	if ((r->why == LF_WHY_DEP_FLOW || r->why == LF_WHY_DEP_ANTI ||
	     r->why == LF_WHY_DEP_OUTPUT) && r->n0)
		lf_buf_add_str(buf, " (math functions set errno unless "
			"compiled with -fno-math-errno: pass it after --)");
}

/* The sentence of "reason"; the caller frees it.
 */
__isl_give char *lf_say_reason(__isl_keep const struct lf_reason *reason)
{
	struct lf_buf buf;

	lf_buf_init(&buf);
	if (reason)
		lf_say_append(&buf, reason);
	else
		lf_buf_add_str(&buf, "?");
	return lf_buf_take(&buf);
}

/* Does kind "why" have a sentence?
 */
int lf_say_has(enum lf_why why)
{
	return why >= 0 && why < LF_WHY_N && lf_say_why[why];
}

/* " by iteration N - 1 - i of the first loop", or with an example.
 */
static void lf_say_add_iteration(__isl_keep struct lf_buf *buf,
	__isl_keep const struct lf_audit_dep *dep, __isl_keep const char *verb)
{
	if (dep->iteration) {
		lf_buf_printf(buf, " %s iteration %s of the first loop", verb,
			      dep->iteration);
		return;
	}
	lf_buf_printf(buf, " %s the first loop", verb);
	if (!dep->example_source)
		return;
	lf_buf_printf(buf, " (for example in its iteration %s, for iteration "
		      "%s of the second loop", dep->example_source,
		      dep->example_sink);
	if (dep->example_params)
		lf_buf_printf(buf, ", with %s", dep->example_params);
	lf_buf_add_char(buf, ')');
}

static void lf_say_add_subject(__isl_keep struct lf_buf *buf,
	__isl_keep const struct lf_audit_ref *ref)
{
	if (ref->target)
		lf_buf_printf(buf, "%s at %u:%u", ref->target,
			      ref->stmt_loc.line, ref->stmt_loc.col);
	else
		lf_buf_printf(buf, "the statement at %u:%u",
			      ref->stmt_loc.line, ref->stmt_loc.col);
}

/* A sentence that says how fusion would break "dep"; "when" is "after
 * fusion" or "without the shift".
 */
static __isl_give char *lf_say_dep_broken(
	__isl_keep const struct lf_audit_dep *dep, __isl_keep const char *when)
{
	const struct lf_audit_ref *src = &dep->source, *dst = &dep->sink;
	struct lf_buf buf;

	lf_buf_init(&buf);
	switch (dep->kind) {
	case LF_DEP_FLOW:
		lf_say_add_subject(&buf, dst);
		lf_buf_printf(&buf, " reads %s, written at %u:%u", dst->text,
			      src->loc.line, src->loc.col);
		lf_say_add_iteration(&buf, dep, "by");
		lf_buf_printf(&buf, ": %s it would be read before it is "
			      "written", when);
		break;
	case LF_DEP_ANTI:
		lf_buf_printf(&buf, "%s at %u:%u overwrites %s, read at %u:%u",
			      dst->text, dst->loc.line, dst->loc.col,
			      src->text, src->loc.line, src->loc.col);
		lf_say_add_iteration(&buf, dep, "by");
		lf_buf_printf(&buf, ": %s it would be overwritten before it "
			      "is read", when);
		break;
	case LF_DEP_OUTPUT:
		lf_buf_printf(&buf, "%s at %u:%u writes %s, also written at "
			      "%u:%u", dst->text, dst->loc.line, dst->loc.col,
			      dst->array, src->loc.line, src->loc.col);
		lf_say_add_iteration(&buf, dep, "by");
		lf_buf_printf(&buf, ": %s it would be written in a different "
			      "order", when);
		break;
	default:
		lf_buf_printf(&buf, "%s and %s may alias: add restrict or "
			      "--assume-no-alias (%s at %u:%u and %s at %u:%u)",
			      src->array, dst->array, src->text, src->loc.line,
			      src->loc.col, dst->text, dst->loc.line,
			      dst->loc.col);
		break;
	}
	return lf_buf_take(&buf);
}

/* What the audit says of "ar": a dependence broken after fusion (or
 * without the shift), a nest not modeled ("... at 3:5 in the second
 * loop"), or the reason itself.  The caller frees it.
 */
__isl_give char *lf_say_audit_reason(
	__isl_keep const struct lf_audit_reason *ar)
{
	static const char *prefix = "not analysed: ";
	struct lf_buf buf;
	char *s;

	if (ar->has_dep)
		return lf_say_dep_broken(&ar->dep, ar->shifted ?
					 "without the shift" : "after fusion");
	s = lf_say_reason(ar->reason);
	/* A call that stays a call is named by the sentence itself. */
	if (!s || !ar->where || !ar->reason ||
	    ar->reason->why == LF_WHY_CALL_KEPT)
		return s;
	lf_buf_init(&buf);
	lf_buf_printf(&buf, "%s at %u:%u in the %s loop",
		      strncmp(s, prefix, strlen(prefix)) ? s :
		      s + strlen(prefix), ar->reason->loc.line,
		      ar->reason->loc.col, ar->where == 1 ? "first" : "second");
	free(s);
	return lf_buf_take(&buf);
}

/* "(i, j)" for the first n of "iters".
 */
void lf_say_add_iters(__isl_keep struct lf_buf *buf, char **iters, int n)
{
	int l;

	lf_buf_add_char(buf, '(');
	for (l = 0; l < n && iters && iters[l]; ++l)
		lf_buf_printf(buf, "%s%s", l ? ", " : "", iters[l]);
	lf_buf_add_char(buf, ')');
}

/* "phases": the group runs its statements one after another inside
 * each tile (rtile), so a dependence within one iteration of the fused
 * loops is kept by that order.
 */
static void lf_say_add_distance(__isl_keep struct lf_buf *buf,
	__isl_keep const struct lf_audit_dep *dep)
{
	int l, carried = -1, zero = 1;

	lf_buf_add_str(buf, " with distance (");
	for (l = 0; l < dep->n_distance; ++l) {
		const char *d = dep->distance[l];

		lf_buf_printf(buf, "%s%s", l ? ", " : "", d);
		if (zero && carried < 0 && (!strcmp(d, ">= 1") ||
					    (d[0] >= '1' && d[0] <= '9')))
			carried = l;
		if (strcmp(d, "0"))
			zero = 0;
	}
	lf_buf_add_str(buf, "): ");
	if (zero && dep->phases) {
		lf_buf_add_str(buf, "kept in order inside the tile, whose "
			       "statements run one after another");
	} else if (zero) {
		lf_buf_add_str(buf, "kept in order inside the fused ");
		lf_say_add_iters(buf, dep->iters, dep->n_distance);
		lf_buf_add_str(buf, " iteration");
	} else if (carried >= 0) {
		lf_buf_printf(buf, "carried by the fused %s loop",
			      dep->iters[carried] ? dep->iters[carried] : "?");
	} else {
		lf_buf_add_str(buf, "kept in order by the fused loops");
	}
}

/* Why the fused order keeps dependence "dep": a sentence that names
 * the two statements by where they start.
 */
__isl_give char *lf_say_dep_kept(__isl_keep const struct lf_audit_dep *dep)
{
	const struct lf_audit_ref *s = &dep->source, *d = &dep->sink;
	struct lf_buf buf;

	lf_buf_init(&buf);
	switch (dep->kind) {
	case LF_DEP_FLOW:
		lf_buf_printf(&buf, "%s flows from %s at %u:%u to %s in %s at "
			      "%u:%u", s->text, s->stmt, s->stmt_loc.line,
			      s->stmt_loc.col, d->text, d->stmt,
			      d->stmt_loc.line, d->stmt_loc.col);
		break;
	case LF_DEP_ANTI:
		lf_buf_printf(&buf, "%s is read by %s at %u:%u before %s in "
			      "%s at %u:%u overwrites it", s->text, s->stmt,
			      s->stmt_loc.line, s->stmt_loc.col, d->text,
			      d->stmt, d->stmt_loc.line, d->stmt_loc.col);
		break;
	case LF_DEP_OUTPUT:
		lf_buf_printf(&buf, "%s is written by %s at %u:%u and again "
			      "by %s at %u:%u", s->text, s->stmt,
			      s->stmt_loc.line, s->stmt_loc.col, d->stmt,
			      d->stmt_loc.line, d->stmt_loc.col);
		break;
	default:
		lf_buf_printf(&buf, "%s may alias %s: %s at %u:%u stays "
			      "before %s at %u:%u", s->array, d->array,
			      s->stmt, s->stmt_loc.line, s->stmt_loc.col,
			      d->stmt, d->stmt_loc.line, d->stmt_loc.col);
		break;
	}
	lf_say_add_distance(&buf, dep);
	return lf_buf_take(&buf);
}

/* "runs 1 iteration behind in i" for nest i of the group, or nothing.
 */
static void lf_say_add_shift(__isl_keep struct lf_buf *buf,
	__isl_keep const struct lf_audit_group *group, int i)
{
	const struct lf_audit_member *m = &group->members[i];
	int l;

	for (l = 0; l < group->depth; ++l) {
		int s = group->shift[i][l];

		if (s == 0)
			continue;
		lf_buf_printf(buf, "; the nest at line %u runs %d iteration%s "
			      "%s in %s", m->loc.line, s < 0 ? -s : s,
			      s == 1 || s == -1 ? "" : "s",
			      s > 0 ? "behind" : "ahead",
			      m->iters[l] ? m->iters[l] : "?");
	}
}

/* "lines 15-20, 21-23 share the (i, j) loops (depth 2), tiled 32x32", or
 * for a nest alone "lines 15-20: the (i, j) loops (depth 2), tiled ...".
 */
__isl_give char *lf_say_group_summary(
	__isl_keep const struct lf_audit_group *group)
{
	struct lf_buf buf;
	int i;

	lf_buf_init(&buf);
	lf_buf_add_str(&buf, "lines ");
	for (i = 0; i < group->n; ++i)
		lf_buf_printf(&buf, "%s%u-%u", i ? ", " : "",
			      group->members[i].loc.line,
			      group->members[i].end_loc.line);
	lf_buf_add_str(&buf, group->n > 1 ? " share the " : ": the ");
	lf_say_add_iters(&buf, group->iters, group->depth);
	lf_buf_printf(&buf, " loop%s (depth %d)", group->depth == 1 ? "" : "s",
		      group->depth);
	if (group->tiled) {
		lf_buf_add_str(&buf, ", tiled ");
		for (i = 0; i < group->depth; ++i)
			lf_buf_printf(&buf, "%s%d", i ? "x" : "",
				      group->tile_sizes[i]);
	} else {
		lf_buf_add_str(&buf, ", not tiled");
	}
	if (group->sink && group->depth > 0)
		lf_buf_printf(&buf, ", %s innermost for stride-1 access",
			      group->iters[group->depth - 1]);
	if (group->rtile_iter)
		lf_buf_printf(&buf, ", %s in blocks of %d, each statement "
			      "on the whole tile in turn",
			      group->rtile_iter, group->rtile);
	for (i = 0; i < group->n; ++i)
		lf_say_add_shift(&buf, group, i);
	lf_say_add_apart(&buf, "; runs if ", group->apart, group->n_apart);
	return lf_buf_take(&buf);
}

/* Does dependence i of "group" read like an earlier one (another access
 * of the same two statements)?  Returns -1 on error.
 */
int lf_say_dep_repeats(__isl_keep const struct lf_audit_group *group, int i)
{
	char *a = lf_say_dep_kept(&group->deps[i]), *b;
	int j, same = 0;

	if (!a)
		return -1;
	for (j = 0; j < i && !same; ++j) {
		b = lf_say_dep_kept(&group->deps[j]);
		if (!b) {
			free(a);
			return -1;
		}
		same = !strcmp(a, b);
		free(b);
	}
	free(a);
	return same;
}

/* "<lead>a and b do not overlap, checked at run time", or "<lead>a
 * and b, and c and d, do not overlap, ...", for the n pairs of "apart";
 * nothing if n is 0.
 */
void lf_say_add_apart(struct lf_buf *buf, const char *lead, char **apart,
	int n)
{
	int i;

	for (i = 0; i < n; ++i)
		lf_buf_printf(buf, "%s%s and %s", i == 0 ? lead :
			      i + 1 < n ? ", " : ", and ", apart[2 * i],
			      apart[2 * i + 1]);
	if (n > 1)
		lf_buf_add_char(buf, ',');
	if (n > 0)
		lf_buf_add_str(buf, " do not overlap, checked at run time");
}

/* "fused calls to conv, bn, relu (lines 40-42) into 1 loop nest",
 * "fused 1 loop nest and calls to scale (lines 30-36) into 1 loop nest".
 */
static void lf_say_fused_calls(__isl_keep struct lf_buf *buf,
	__isl_keep const struct lf_message *m)
{
	int own = m->n_nest - m->n_call_nest, k;

	lf_buf_add_str(buf, "fused ");
	if (own > 0)
		lf_buf_printf(buf, "%d loop nest%s and ", own,
			      own > 1 ? "s" : "");
	lf_buf_printf(buf, "call%s to ", m->n_call > 1 ? "s" : "");
	for (k = 0; k < m->n_call; ++k)
		lf_buf_printf(buf, "%s%s", k ? ", " : "", m->calls[k]);
	lf_buf_printf(buf, " (lines %u-%u) into 1 loop nest", m->first_line,
		      m->last_line);
}

/* "fused 2 loop nests into 1 (tiled 64x64, k in blocks of 64)",
 * "tiled the loop nest (...)", with the arrays contracted.
 */
static __isl_give char *lf_say_fused(__isl_keep const struct lf_message *m)
{
	struct lf_buf buf;
	int k;

	lf_buf_init(&buf);
	if (m->n_call > 0)
		lf_say_fused_calls(&buf, m);
	else if (m->n_nest == 1)
		lf_buf_add_str(&buf, "tiled the loop nest (");
	else
		lf_buf_printf(&buf, "fused %d loop nests into 1", m->n_nest);
	if (m->n_tile > 0) {
		if (m->n_nest > 1)
			lf_buf_add_str(&buf, " (tiled ");
		for (k = 0; k < m->n_tile; ++k)
			lf_buf_printf(&buf, "%s%d", k ? "x" : "", m->tiles[k]);
		if (m->rtile_iter)
			lf_buf_printf(&buf, ", %s in blocks of %d",
				      m->rtile_iter, m->rtile);
		lf_buf_add_str(&buf, ")");
	}
	for (k = 0; k < m->n_contracted; ++k)
		lf_buf_printf(&buf, "%s%s", k ? ", " : "; contracted ",
			      m->contracted[k]);
	if (m->n_contracted > 0)
		lf_buf_printf(&buf, " to %s", m->n_contracted > 1 ?
			      "scalars" : "a scalar");
	lf_say_add_apart(&buf, "; runs if ", m->apart, m->n_apart);
	return lf_buf_take(&buf);
}

/* What a rewrite message says (without its notes); the caller frees it.
 */
__isl_give char *lf_say_message(__isl_keep const struct lf_message *m)
{
	struct lf_buf buf;
	char *reason;

	if (m->kind == LF_MESSAGE_FUSED)
		return lf_say_fused(m);
	reason = lf_say_reason(m->reason);
	if (m->kind == LF_MESSAGE_FAILED || !reason)
		return reason;
	lf_buf_init(&buf);
	if (m->n_call == 2 && m->calls[1])
		lf_buf_printf(&buf, "call to %s() is ", m->calls[1]);
	if (m->reason->why == LF_WHY_INNER_IN_L1)
		lf_buf_add_str(&buf, "inner loop not fused with that of the ");
	else
		lf_buf_add_str(&buf, "not fused with the ");
	if (m->n_call == 2 && m->calls[0])
		lf_buf_printf(&buf, "call to %s()", m->calls[0]);
	else
		lf_buf_add_str(&buf, "nest");
	lf_buf_printf(&buf, " at line %u: %s", m->other_line, reason);
	free(reason);
	return lf_buf_take(&buf);
}

/* What an editor shows on the nests of a group that a rewrite
 * changes: "these 3 loop nests can be fused", "these 3 calls can be
 * fused", "this loop nest can be tiled".
 */
__isl_give char *lf_say_group_hint(
	__isl_keep const struct lf_audit_group *group)
{
	struct lf_buf buf;

	lf_buf_init(&buf);
	if (group->n == 1)
		lf_buf_add_str(&buf, "this loop nest can be tiled");
	else if (group->n_call == group->n)
		lf_buf_printf(&buf, "these %d calls can be fused", group->n);
	else if (group->n_call > 0)
		lf_buf_printf(&buf, "these %d loop nests and calls can be "
			      "fused", group->n);
	else
		lf_buf_printf(&buf, "these %d loop nests can be fused",
			      group->n);
	return lf_buf_take(&buf);
}

/* The title of an editor's action that rewrites a group of n_nest
 * nests, or (all set) every group of the file.
 */
__isl_keep const char *lf_say_action(int n_nest, int all)
{
	if (all)
		return "Fuse all loops in this file";
	return n_nest == 1 ? "Tile loops" : "Fuse loops";
}

/* "note" for what was done, "remark" for what was not.
 */
__isl_keep const char *lf_say_message_kind(
	__isl_keep const struct lf_message *m)
{
	return m->kind == LF_MESSAGE_FUSED ? "note" : "remark";
}

/* A new line with the two accesses of "dep" in their order: "c[i] at
 * 10:3 (iteration N - i - 1) before c[N - 1 - i] at 12:10 (iteration
 * i = 0)", the iterations where the audit has them.
 */
static void lf_say_add_witness(__isl_keep struct lf_buf *buf,
	__isl_keep const struct lf_audit_dep *dep)
{
	const char *iteration = dep->iteration ? dep->iteration :
				dep->example_source;

	lf_buf_printf(buf, "\n%s at %u:%u", dep->source.text,
		      dep->source.loc.line, dep->source.loc.col);
	if (iteration)
		lf_buf_printf(buf, " (iteration %s)", iteration);
	lf_buf_printf(buf, " before %s at %u:%u", dep->sink.text,
		      dep->sink.loc.line, dep->sink.loc.col);
	if (!dep->iteration && dep->example_sink)
		lf_buf_printf(buf, " (iteration %s)", dep->example_sink);
	if (dep->example_params)
		lf_buf_printf(buf, ", with %s", dep->example_params);
}

/* The short label of "pair" on an edge of the graph of nests: "legal
 * at depth 3", "shifted by 1 at depth 1", "illegal", "not analysable";
 * for a dependence that forbids fusion or needs the shift, a second
 * line with its witness.
 */
__isl_give char *lf_say_pair_label(__isl_keep const struct lf_audit_pair *pair)
{
	struct lf_buf buf;
	int l;

	lf_buf_init(&buf);
	switch (pair->verdict) {
	case LF_VERDICT_FUSABLE:
		lf_buf_printf(&buf, "legal at depth %d", pair->depth);
		break;
	case LF_VERDICT_FUSABLE_SHIFT:
		lf_buf_add_str(&buf, "shifted by ");
		for (l = 0; l < pair->depth; ++l)
			lf_buf_printf(&buf, "%s%d", l ? ", " : "",
				      pair->shift[l]);
		lf_buf_printf(&buf, " at depth %d", pair->depth);
		break;
	case LF_VERDICT_ILLEGAL:
		lf_buf_add_str(&buf, "illegal");
		break;
	default:
		lf_buf_add_str(&buf, "not analysable");
		break;
	}
	if (pair->verdict <= LF_VERDICT_FUSABLE_SHIFT && !pair->fused)
		lf_buf_add_str(&buf, ", not fused");
	if (pair->verdict != LF_VERDICT_FUSABLE && pair->reason.has_dep)
		lf_say_add_witness(&buf, &pair->reason.dep);
	return lf_buf_take(&buf);
}

/* The witness of an illegal or shifted "pair": the dependence that
 * forbids fusion, with the iterations involved, or NULL (no string)
 * when the reason is no dependence.
 */
__isl_give char *lf_say_pair_witness(
	__isl_keep const struct lf_audit_pair *pair)
{
	if (pair->verdict == LF_VERDICT_FUSABLE || !pair->reason.has_dep)
		return NULL;
	return lf_say_audit_reason(&pair->reason);
}
