/* SPDX-License-Identifier: MIT */
#include <stddef.h>

#include "lf_rules.h"

/* The catalogue of the audit's rules, and which rule a reason falls
 * under.
 */

/* One entry per enum lf_rule, in that order.  Ids are never reused or
 * renumbered: reports, CI filters and SARIF baselines refer to them.
 */
static const struct lf_rule_info lf_rule_table[LF_RULE_N] = {
	{ "LF001", "non-affine-subscript",
	  "a subscript is not an affine function of the loop iterators",
	  "Write the subscript as a sum of iterators and sizes times "
	  "constants, or compute the gathered values in a loop of their "
	  "own.  A flat subscript such as a[i * n + j] is modeled when "
	  "every access to the array fits one shape, computed in signed "
	  "types, and its inner parts provably stay below their strides "
	  "(0 <= j < n)." },
	{ "LF002", "non-affine-bound",
	  "a loop bound, step or condition is not affine",
	  "Bound loops by affine expressions of outer iterators, "
	  "parameters and constants, with a constant step." },
	{ "LF003", "impure-call",
	  "a called function has side effects or is not visible",
	  "Make the function static and free of side effects in this "
	  "file, or move the call out of the loop nest." },
	{ "LF004", "io-call",
	  "a called function does input or output",
	  "Move the I/O out of the loop nest." },
	{ "LF005", "volatile",
	  "a volatile object is accessed",
	  "Read the volatile value once before the loops." },
	{ "LF006", "unsupported-control-flow",
	  "goto, break, continue, return or switch in a loop nest",
	  "Express the early exit as an affine loop bound or an if on "
	  "the data." },
	{ "LF007", "while-loop",
	  "a while or do-while loop in a loop nest",
	  "Use a for loop with an affine bound, or keep the nest apart." },
	{ "LF008", "may-alias",
	  "two pointers may point into the same memory",
	  "Declare the pointer parameters restrict, or run with "
	  "--assume-no-alias when they never overlap." },
	{ "LF009", "flow-dependence",
	  "fusion would read a value before it is written",
	  "The consumer reads elements the producer writes in later "
	  "iterations; change the access order or keep the nests apart." },
	{ "LF010", "anti-dependence",
	  "fusion would overwrite a value before it is read",
	  "The second nest overwrites elements the first still reads; "
	  "write to another array or keep the nests apart." },
	{ "LF011", "output-dependence",
	  "fusion would change the order of two writes",
	  "Both nests write the same elements; keep the nests apart." },
	{ "LF012", "too-complex",
	  "the analysis exceeded its budget",
	  "Split the function or simplify the bounds and subscripts." },
	{ "LF013", "unsupported-construct",
	  "a construct that the model does not describe",
	  "Use arrays with affine subscripts and scalars instead of "
	  "pointer arithmetic, dereferences and struct members." },
	{ "LF014", "iterator-misuse",
	  "a loop iterator is modified or used outside its loop",
	  "Only change the iterator in the loop's increment and use it "
	  "inside its loop." },
	{ "LF015", "preprocessor",
	  "a macro or preprocessor line inside the loop nest",
	  "Write the loops without macros that expand to statements, and "
	  "move preprocessor lines out of the nest." },
	{ "LF016", "unsupported-loop-form",
	  "a for loop that is not of the form for (i = lb; cond; step)",
	  "Initialise one integer iterator, bound it and step it by a "
	  "constant." },
	{ "LF017", "loop-mismatch",
	  "the nests have no loop they could share",
	  "Run both outer loops in the same direction." },
	{ "LF018", "analysis-failed",
	  "the analysis failed",
	  "Report the file to the loopfuse maintainers." },
	{ "LF019", "iterator-range",
	  "a loop iterator's type cannot hold the values the loop gives it",
	  "Give the iterator a type that holds every value up to the "
	  "bound and one step past it (long for bounds near INT_MAX, a "
	  "signed type for loops that count down to 0), or bound the loop "
	  "so that it stops before the type wraps." },
	{ "LF020", "call-kept",
	  "a call next to loops cannot stand for its callee's loops",
	  "Fusion across a call needs a void function defined in the file "
	  "before its caller whose body is nothing but for loops, that "
	  "only reads its parameters, and arguments that are constants, "
	  "arrays or variables nothing changes while it runs; the cause "
	  "says which part does not hold." },
	{ "LF100", "fusable",
	  "the nests can share their outer loops",
	  "Run loopfuse on the file to fuse them." },
	{ "LF101", "fusable-with-shift",
	  "the nests can share their outer loops if one runs behind",
	  "Run loopfuse on the file to fuse them with the shift." },
	{ "LF102", "fusion-group",
	  "nests that loopfuse fuses into one",
	  "Run loopfuse on the file to fuse them." },
	{ "LF103", "tiled-nest",
	  "a nest that loopfuse tiles on its own",
	  "Run loopfuse on the file to tile it." },
};

__isl_keep const struct lf_rule_info *lf_rules(void)
{
	return lf_rule_table;
}

__isl_keep const char *lf_verdict_name(enum lf_verdict verdict)
{
	switch (verdict) {
	case LF_VERDICT_FUSABLE: return "fusable";
	case LF_VERDICT_FUSABLE_SHIFT: return "fusable-with-shift";
	case LF_VERDICT_ILLEGAL: return "illegal";
	case LF_VERDICT_NOT_ANALYSABLE: return "not-analysable";
	default: return "unknown";
	}
}

__isl_keep const char *lf_dep_kind_name(enum lf_dep_kind kind)
{
	switch (kind) {
	case LF_DEP_FLOW: return "flow";
	case LF_DEP_ANTI: return "anti";
	case LF_DEP_OUTPUT: return "output";
	case LF_DEP_ALIAS: return "may-alias";
	default: return "unknown";
	}
}


/* The rule of each kind of reason. */
static const enum lf_rule lf_rule_by_why[LF_WHY_N] = {
	[LF_WHY_NOT_AFFINE] = LF_RULE_BOUND,
	[LF_WHY_NOT_AFFINE_COND] = LF_RULE_BOUND,
	[LF_WHY_SUBSCRIPT] = LF_RULE_SUBSCRIPT,
	[LF_WHY_NOT_INTEGER] = LF_RULE_BOUND,
	[LF_WHY_NOT_INTEGER_VAR] = LF_RULE_BOUND,
	[LF_WHY_VOLATILE_VAR] = LF_RULE_VOLATILE,
	[LF_WHY_INSIDE_VAR] = LF_RULE_BOUND,
	[LF_WHY_MODIFIED_VAR] = LF_RULE_BOUND,
	[LF_WHY_ADDRESS_VAR] = LF_RULE_CONSTRUCT,
	[LF_WHY_UNASSIGNED_VAR] = LF_RULE_CONSTRUCT,
	[LF_WHY_NAME_CLASH] = LF_RULE_CONSTRUCT,
	[LF_WHY_OUT_OF_BOUNDS] = LF_RULE_CONSTRUCT,
	[LF_WHY_FLAT_UNSIGNED] = LF_RULE_SUBSCRIPT,
	[LF_WHY_FLAT_SHAPE] = LF_RULE_SUBSCRIPT,
	[LF_WHY_FLAT_RANGE] = LF_RULE_SUBSCRIPT,
	[LF_WHY_ITER_OUTSIDE] = LF_RULE_ITERATOR,
	[LF_WHY_STRUCT_VAR] = LF_RULE_CONSTRUCT,
	[LF_WHY_POINTER_VAR] = LF_RULE_CONSTRUCT,
	[LF_WHY_ITER_ASSIGNED] = LF_RULE_ITERATOR,
	[LF_WHY_NO_SUBSCRIPT] = LF_RULE_CONSTRUCT,
	[LF_WHY_SUBSCRIPTED] = LF_RULE_CONSTRUCT,
	[LF_WHY_VOLATILE_ELEMENTS] = LF_RULE_VOLATILE,
	[LF_WHY_PARTIAL_SUBSCRIPT] = LF_RULE_CONSTRUCT,
	[LF_WHY_POINTER_ROWS] = LF_RULE_MAY_ALIAS,
	[LF_WHY_POINTER_CHANGED] = LF_RULE_CONSTRUCT,
	[LF_WHY_MEMBER_CHANGED] = LF_RULE_MAY_ALIAS,
	[LF_WHY_MEMBER_UNION] = LF_RULE_CONSTRUCT,
	[LF_WHY_MEMBER_BASE] = LF_RULE_CONSTRUCT,
	[LF_WHY_BINARY] = LF_RULE_CONSTRUCT,
	[LF_WHY_ADDRESS] = LF_RULE_CONSTRUCT,
	[LF_WHY_DEREF] = LF_RULE_CONSTRUCT,
	[LF_WHY_MEMBER] = LF_RULE_CONSTRUCT,
	[LF_WHY_EXPRESSION] = LF_RULE_CONSTRUCT,
	[LF_WHY_VOLATILE_DECL] = LF_RULE_VOLATILE,
	[LF_WHY_STATIC_DECL] = LF_RULE_CONSTRUCT,
	[LF_WHY_EXTERN_DECL] = LF_RULE_CONSTRUCT,
	[LF_WHY_POINTER_PARAM_SET] = LF_RULE_CONSTRUCT,
	[LF_WHY_WHILE] = LF_RULE_WHILE,
	[LF_WHY_DO] = LF_RULE_WHILE,
	[LF_WHY_GOTO] = LF_RULE_CONTROL_FLOW,
	[LF_WHY_BREAK] = LF_RULE_CONTROL_FLOW,
	[LF_WHY_CONTINUE] = LF_RULE_CONTROL_FLOW,
	[LF_WHY_RETURN] = LF_RULE_CONTROL_FLOW,
	[LF_WHY_SWITCH] = LF_RULE_CONTROL_FLOW,
	[LF_WHY_LABEL] = LF_RULE_CONTROL_FLOW,
	[LF_WHY_ASM] = LF_RULE_CONSTRUCT,
	[LF_WHY_STATEMENT] = LF_RULE_CONSTRUCT,
	[LF_WHY_CALL] = LF_RULE_IMPURE_CALL,
	[LF_WHY_CALL_IO] = LF_RULE_IO_CALL,
	[LF_WHY_CALL_UNSEEN] = LF_RULE_IMPURE_CALL,
	[LF_WHY_CALL_RENAMED] = LF_RULE_IMPURE_CALL,
	[LF_WHY_CALL_NOT_CONST] = LF_RULE_IMPURE_CALL,
	[LF_WHY_CALL_POINTER] = LF_RULE_IMPURE_CALL,
	[LF_WHY_FN_WRITES_GLOBAL] = LF_RULE_IMPURE_CALL,
	[LF_WHY_FN_READS_GLOBAL] = LF_RULE_IMPURE_CALL,
	[LF_WHY_FN_VOLATILE] = LF_RULE_IMPURE_CALL,
	[LF_WHY_FN_STATIC] = LF_RULE_IMPURE_CALL,
	[LF_WHY_FN_CALLS_POINTER] = LF_RULE_IMPURE_CALL,
	[LF_WHY_FN_DEREF] = LF_RULE_IMPURE_CALL,
	[LF_WHY_FN_ASM] = LF_RULE_IMPURE_CALL,
	[LF_WHY_FN_THROUGH_POINTER] = LF_RULE_IMPURE_CALL,
	[LF_WHY_FN_POINTER_ARG] = LF_RULE_IMPURE_CALL,
	[LF_WHY_LOOP_INIT] = LF_RULE_LOOP_FORM,
	[LF_WHY_INIT_EFFECT] = LF_RULE_LOOP_FORM,
	[LF_WHY_INIT_VAR_USED] = LF_RULE_LOOP_FORM,
	[LF_WHY_INIT_VAR_LIVE] = LF_RULE_ITERATOR,
	[LF_WHY_LOOP_PARTS] = LF_RULE_LOOP_FORM,
	[LF_WHY_LOOP_STEP] = LF_RULE_BOUND,
	[LF_WHY_LOOP_BODY] = LF_RULE_PREPROCESSOR,
	[LF_WHY_LOOP_UNBOUNDED] = LF_RULE_BOUND,
	[LF_WHY_LOOP_DEPTH] = LF_RULE_LOOP_FORM,
	[LF_WHY_ITER_TYPE] = LF_RULE_ITERATOR,
	[LF_WHY_ITER_VOLATILE] = LF_RULE_VOLATILE,
	[LF_WHY_ITER_STATIC] = LF_RULE_ITERATOR,
	[LF_WHY_ITER_ADDRESS] = LF_RULE_ITERATOR,
	[LF_WHY_ITER_MODIFIED] = LF_RULE_ITERATOR,
	[LF_WHY_ITER_LIVE] = LF_RULE_ITERATOR,
	[LF_WHY_ITER_WRAPS_NARROW] = LF_RULE_ITERATOR_RANGE,
	[LF_WHY_ITER_WRAPS_UNSIGNED] = LF_RULE_ITERATOR_RANGE,
	[LF_WHY_ITER_OVERFLOWS] = LF_RULE_ITERATOR_RANGE,
	[LF_WHY_MACRO_LOOP] = LF_RULE_PREPROCESSOR,
	[LF_WHY_DIRECTIVE] = LF_RULE_PREPROCESSOR,
	[LF_WHY_LINE_MACRO] = LF_RULE_PREPROCESSOR,
	[LF_WHY_ITER_IN_MACRO] = LF_RULE_PREPROCESSOR,
	[LF_WHY_ITER_HASHED] = LF_RULE_PREPROCESSOR,
	[LF_WHY_ITER_SPLICED] = LF_RULE_ITERATOR,
	[LF_WHY_NOT_MAIN_FILE] = LF_RULE_PREPROCESSOR,
	[LF_WHY_MACRO_SEMICOLON] = LF_RULE_PREPROCESSOR,
	[LF_WHY_PRAGMA] = LF_RULE_CONSTRUCT,
	[LF_WHY_TOO_COMPLEX] = LF_RULE_TOO_COMPLEX,
	[LF_WHY_FAILED] = LF_RULE_FAILED,
	[LF_WHY_KEPT] = LF_RULE_CONSTRUCT,
	[LF_WHY_NO_STATEMENTS] = LF_RULE_LOOP_MISMATCH,
	[LF_WHY_EMPTY_NEST] = LF_RULE_LOOP_MISMATCH,
	[LF_WHY_DIRECTION_OUTER] = LF_RULE_LOOP_MISMATCH,
	[LF_WHY_DIRECTION] = LF_RULE_LOOP_MISMATCH,
	[LF_WHY_DEP_FLOW] = LF_RULE_FLOW,
	[LF_WHY_DEP_ANTI] = LF_RULE_ANTI,
	[LF_WHY_DEP_OUTPUT] = LF_RULE_OUTPUT,
	[LF_WHY_MAY_ALIAS] = LF_RULE_MAY_ALIAS,
	[LF_WHY_BEHIND] = LF_RULE_FUSABLE_SHIFT,
	[LF_WHY_NO_SHARED_ARRAY] = LF_RULE_FUSABLE,
	[LF_WHY_NO_NEAR_REUSE] = LF_RULE_FUSABLE,
	[LF_WHY_SMALL_SAVING] = LF_RULE_FUSABLE,
	[LF_WHY_LOWER_DIM_SAVING] = LF_RULE_FUSABLE,
	[LF_WHY_GLOBAL_SIZE] = LF_RULE_MAY_ALIAS,
	[LF_WHY_C89] = LF_RULE_FAILED,
	[LF_WHY_FITS_L1] = LF_RULE_FUSABLE,
	[LF_WHY_SHIFT_IN_L2] = LF_RULE_FUSABLE,
	[LF_WHY_FAR_APART] = LF_RULE_FUSABLE,
	[LF_WHY_OUTER_ONLY] = LF_RULE_FUSABLE,
	[LF_WHY_INNER_IN_L1] = LF_RULE_FUSABLE,
	[LF_WHY_OVERFLOW] = LF_RULE_FAILED,
	[LF_WHY_CALL_KEPT] = LF_RULE_CALL_KEPT,
	[LF_WHY_CALL_MACRO] = LF_RULE_CONSTRUCT,
	[LF_WHY_CALLEE_AFTER] = LF_RULE_CONSTRUCT,
	[LF_WHY_CALLEE_TYPE] = LF_RULE_CONSTRUCT,
	[LF_WHY_CALLEE_RECURSIVE] = LF_RULE_CONSTRUCT,
	[LF_WHY_CALLEE_FORM] = LF_RULE_CONSTRUCT,
	[LF_WHY_CALLEE_CONTROL] = LF_RULE_CONSTRUCT,
	[LF_WHY_CALLEE_STATIC] = LF_RULE_CONSTRUCT,
	[LF_WHY_CALLEE_LOCAL] = LF_RULE_CONSTRUCT,
	[LF_WHY_CALLEE_PLACE] = LF_RULE_CONSTRUCT,
	[LF_WHY_CALLEE_PARAM_EFFECT] = LF_RULE_CONSTRUCT,
	[LF_WHY_CALLEE_MACRO] = LF_RULE_CONSTRUCT,
	[LF_WHY_FORMAL_CHANGED] = LF_RULE_CONSTRUCT,
	[LF_WHY_FORMAL_TYPE] = LF_RULE_CONSTRUCT,
	[LF_WHY_CALL_ARG] = LF_RULE_CONSTRUCT,
	[LF_WHY_CALL_ARG_MEMBER] = LF_RULE_CONSTRUCT,
	[LF_WHY_CALL_ARG_OFFSET] = LF_RULE_CONSTRUCT,
	[LF_WHY_CALLEE_CONTEXT] = LF_RULE_CONSTRUCT,
	[LF_WHY_CALL_ATTRIBUTE] = LF_RULE_CONSTRUCT,
	[LF_WHY_NAME_SHADOWED] = LF_RULE_CONSTRUCT,
	[LF_WHY_NAME_CAPTURED] = LF_RULE_CONSTRUCT,
};

/* Does "reason" or one of its causes say that a call does I/O?
 */
static int lf_rule_does_io(__isl_keep const struct lf_reason *reason)
{
	for (; reason; reason = reason->cause)
		if (reason->why == LF_WHY_CALL_IO)
			return 1;
	return 0;
}

/* The rule of "reason": a call that has side effects because some
 * function it reaches does I/O is an I/O call.
 */
enum lf_rule lf_rule_of(__isl_keep const struct lf_reason *reason)
{
	if (!reason || reason->why < 0 || reason->why >= LF_WHY_N)
		return LF_RULE_FAILED;
	if (reason->why == LF_WHY_CALL && lf_rule_does_io(reason))
		return LF_RULE_IO_CALL;
	return lf_rule_by_why[reason->why];
}

/* The rule of an audit reason: for a dependence, that of its kind.
 */
enum lf_rule lf_rule_of_audit(__isl_keep const struct lf_audit_reason *reason)
{
	if (reason->has_dep) {
		switch (reason->dep.kind) {
		case LF_DEP_FLOW: return LF_RULE_FLOW;
		case LF_DEP_ANTI: return LF_RULE_ANTI;
		case LF_DEP_OUTPUT: return LF_RULE_OUTPUT;
		default: return LF_RULE_MAY_ALIAS;
		}
	}
	return lf_rule_of(reason->reason);
}

/* The rule of a pair's verdict: its reason's, but for fusable ones.
 */
enum lf_rule lf_rule_of_pair(__isl_keep const struct lf_audit_pair *pair)
{
	switch (pair->verdict) {
	case LF_VERDICT_FUSABLE: return LF_RULE_FUSABLE;
	case LF_VERDICT_FUSABLE_SHIFT: return LF_RULE_FUSABLE_SHIFT;
	default: return lf_rule_of_audit(&pair->reason);
	}
}

/* A group of one nest is a nest tiled alone. */
enum lf_rule lf_rule_of_group(__isl_keep const struct lf_audit_group *group)
{
	return group->n == 1 ? LF_RULE_TILED : LF_RULE_GROUP;
}
