/* SPDX-License-Identifier: MIT */
#ifndef LF_REASON_H
#define LF_REASON_H

#include <isl/ctx.h>

#include "lf_loc.h"

/* Why a loop nest cannot be modeled, why two nests are not fused, why a
 * group is not rewritten: the kind of the failure, known where it is
 * found, with what a sentence about it needs.  Sentences are only made
 * where they are shown (tool/lf_say.c); the audit's rules are chosen
 * there from the kind too.
 *
 * Each kind says which fields it sets: T text (a construct, an access,
 * a pragma), N name (a variable, an iterator, a function, an array), L1
 * loc1, T2, N2, L2 the other access of a dependence, n0 and n1 numbers,
 * and C the cause, a reason of its own.  loc is where the reason is
 * reported.
 */
enum lf_why {
	/* Integer expressions, bounds and subscripts. */
	LF_WHY_NOT_AFFINE,		/* T */
	LF_WHY_NOT_AFFINE_COND,		/* T */
	LF_WHY_SUBSCRIPT,		/* T: not affine */
	LF_WHY_NOT_INTEGER,		/* N */
	LF_WHY_NOT_INTEGER_VAR,		/* N */
	LF_WHY_VOLATILE_VAR,		/* N */
	LF_WHY_INSIDE_VAR,		/* N: computed inside the loops */
	LF_WHY_MODIFIED_VAR,		/* N: the loops modify it */
	LF_WHY_ADDRESS_VAR,		/* N: its address is taken */
	LF_WHY_UNASSIGNED_VAR,		/* N: a local that may hold no value
					 * where the run starts */
	LF_WHY_NAME_CLASH,		/* N */
	LF_WHY_OUT_OF_BOUNDS,
	LF_WHY_FLAT_UNSIGNED,		/* T: flat subscript that may wrap */
	LF_WHY_FLAT_SHAPE,		/* T, N: an access of array N that
					 * fits no shape with the others */
	LF_WHY_FLAT_RANGE,		/* T, N: a subscript of access T
					 * not proven in [0, N) */
	/* Accesses. */
	LF_WHY_ITER_OUTSIDE,		/* N: iterator used outside its loop */
	LF_WHY_STRUCT_VAR,		/* N */
	LF_WHY_POINTER_VAR,		/* N */
	LF_WHY_ITER_ASSIGNED,		/* N */
	LF_WHY_NO_SUBSCRIPT,		/* N */
	LF_WHY_SUBSCRIPTED,		/* subscripted expression not a variable */
	LF_WHY_VOLATILE_ELEMENTS,	/* N */
	LF_WHY_PARTIAL_SUBSCRIPT,	/* N */
	LF_WHY_POINTER_ROWS,		/* N: rows reached through pointers */
	LF_WHY_POINTER_CHANGED,		/* N: a pointer the loops modify or
					 * whose address is taken */
	LF_WHY_MEMBER_CHANGED,		/* N: a member that a store or a call
					 * of the run may change */
	LF_WHY_MEMBER_UNION,		/* N: a member of a union */
	LF_WHY_MEMBER_BASE,		/* T: a member of something that is
					 * not a variable */
	LF_WHY_BINARY,
	LF_WHY_ADDRESS,			/* T */
	LF_WHY_DEREF,			/* T */
	LF_WHY_MEMBER,
	LF_WHY_EXPRESSION,
	LF_WHY_VOLATILE_DECL,
	LF_WHY_STATIC_DECL,
	LF_WHY_EXTERN_DECL,
	LF_WHY_POINTER_PARAM_SET,	/* N */
	/* Statements a nest may not hold. */
	LF_WHY_WHILE,
	LF_WHY_DO,
	LF_WHY_GOTO,
	LF_WHY_BREAK,
	LF_WHY_CONTINUE,
	LF_WHY_RETURN,
	LF_WHY_SWITCH,
	LF_WHY_LABEL,
	LF_WHY_ASM,
	LF_WHY_STATEMENT,
	/* Calls. */
	LF_WHY_CALL,			/* N, C: what the function does */
	LF_WHY_CALL_IO,			/* N */
	LF_WHY_CALL_UNSEEN,		/* N: its body is not visible */
	LF_WHY_CALL_RENAMED,		/* N: an asm label renames it */
	LF_WHY_CALL_POINTER,
	LF_WHY_CALL_NOT_CONST,		/* N: a NaN from a string not literal */
	/* What a function's body does (causes of LF_WHY_CALL). */
	LF_WHY_FN_WRITES_GLOBAL,	/* N */
	LF_WHY_FN_READS_GLOBAL,		/* N */
	LF_WHY_FN_VOLATILE,		/* N */
	LF_WHY_FN_STATIC,		/* N */
	LF_WHY_FN_CALLS_POINTER,
	LF_WHY_FN_DEREF,
	LF_WHY_FN_ASM,
	LF_WHY_FN_THROUGH_POINTER,
	LF_WHY_FN_POINTER_ARG,
	/* Loops. */
	LF_WHY_LOOP_INIT,
	LF_WHY_INIT_EFFECT,		/* T: a part of a comma initialisation */
	LF_WHY_INIT_VAR_USED,		/* N: set besides the iterator, used */
	LF_WHY_INIT_VAR_LIVE,		/* N: set besides the iterator, read
					 * after the nest */
	LF_WHY_LOOP_PARTS,
	LF_WHY_LOOP_STEP,		/* N */
	LF_WHY_LOOP_BODY,
	LF_WHY_LOOP_UNBOUNDED,		/* N */
	LF_WHY_LOOP_DEPTH,
	LF_WHY_ITER_TYPE,		/* N: not an integer */
	LF_WHY_ITER_VOLATILE,		/* N */
	LF_WHY_ITER_STATIC,		/* N */
	LF_WHY_ITER_ADDRESS,		/* N */
	LF_WHY_ITER_MODIFIED,		/* N */
	LF_WHY_ITER_LIVE,		/* N: used outside the loops */
	LF_WHY_ITER_WRAPS_NARROW,	/* N */
	LF_WHY_ITER_WRAPS_UNSIGNED,	/* N */
	LF_WHY_ITER_OVERFLOWS,		/* N */
	/* The text of a nest. */
	LF_WHY_MACRO_LOOP,
	LF_WHY_DIRECTIVE,
	LF_WHY_LINE_MACRO,
	LF_WHY_ITER_IN_MACRO,		/* N */
	LF_WHY_ITER_HASHED,		/* N */
	LF_WHY_ITER_SPLICED,		/* N */
	LF_WHY_NOT_MAIN_FILE,
	LF_WHY_MACRO_SEMICOLON,
	LF_WHY_PRAGMA,			/* T: the directive, kept as written */
	/* The analysis itself. */
	LF_WHY_TOO_COMPLEX,
	LF_WHY_FAILED,
	/* Fusion. */
	LF_WHY_KEPT,			/* T: the prefix, n0: its nest's line */
	LF_WHY_NO_STATEMENTS,		/* a nest of the pair has none */
	LF_WHY_EMPTY_NEST,		/* the same, said of a pair */
	LF_WHY_DIRECTION_OUTER,		/* the outer loop runs the other way */
	LF_WHY_DIRECTION,		/* n0: the loop (1-based), n1: line */
	LF_WHY_DEP_FLOW,		/* sink T, N, L1; source T2, L2; n0
					 * set if N is errno */
	LF_WHY_DEP_ANTI,		/* same */
	LF_WHY_DEP_OUTPUT,		/* same */
	LF_WHY_MAY_ALIAS,		/* sink N, source N2 */
	LF_WHY_BEHIND,			/* the second nest needs a shift */
	LF_WHY_NO_SHARED_ARRAY,
	LF_WHY_GLOBAL_SIZE,		/* N size, M array */
	LF_WHY_C89,
	LF_WHY_NO_NEAR_REUSE,		/* N: an array both access */
	LF_WHY_SMALL_SAVING,		/* n0 saved bytes, n1 total */
	LF_WHY_LOWER_DIM_SAVING,	/* n0, n1: dimensions */
	LF_WHY_FITS_L1,			/* n0 bytes */
	LF_WHY_SHIFT_IN_L2,		/* n0 bytes, n1 shift */
	LF_WHY_FAR_APART,
	LF_WHY_OUTER_ONLY,
	LF_WHY_INNER_IN_L1,		/* n0 bytes of one outer iteration */
	LF_WHY_OVERFLOW,
	/* Calls next to loop nests, kept as calls. */
	LF_WHY_CALL_KEPT,		/* N: the callee, C: why */
	LF_WHY_CALL_MACRO,		/* the call comes from a macro */
	LF_WHY_CALLEE_AFTER,		/* defined after its caller */
	LF_WHY_CALLEE_TYPE,		/* not void with fixed parameters */
	LF_WHY_CALLEE_RECURSIVE,	/* N: it calls itself or its caller */
	LF_WHY_CALLEE_FORM,		/* its body is not only loop nests */
	LF_WHY_CALLEE_CONTROL,		/* return, label or goto */
	LF_WHY_CALLEE_STATIC,		/* N: a static or extern local */
	LF_WHY_CALLEE_LOCAL,		/* N: a local that is not only an
					 * iterator set by each for */
	LF_WHY_CALLEE_PLACE,		/* __LINE__, __func__, a directive */
	LF_WHY_CALLEE_PARAM_EFFECT,	/* a parameter's declaration has a
					 * side effect */
	LF_WHY_CALLEE_MACRO,		/* N: a macro that may expand to
					 * something else at the call */
	LF_WHY_FORMAL_CHANGED,		/* N: assigned, address taken,
					 * sizeof */
	LF_WHY_FORMAL_TYPE,		/* N: the argument's type differs */
	LF_WHY_CALL_ARG,		/* T: not a constant or a variable
					 * the callee cannot change */
	LF_WHY_CALL_ARG_MEMBER,		/* T: a member not only
					 * subscripted, or of a variable
					 * that may change */
	LF_WHY_CALL_ARG_OFFSET,		/* T: a pointer offset */
	LF_WHY_CALLEE_CONTEXT,		/* a directive between the function
					 * and the call */
	LF_WHY_CALL_ATTRIBUTE,		/* N: an attribute of the caller or
					 * the callee about how to compile */
	LF_WHY_NAME_SHADOWED,		/* N: declared in the caller too */
	LF_WHY_NAME_CAPTURED,		/* N: an argument's name that the
					 * callee declares */
	LF_WHY_N
};

struct lf_reason {
	enum lf_why why;
	struct lf_loc loc;
	char *text;
	char *name;
	struct lf_loc loc1;
	char *text2;
	char *name2;
	struct lf_loc loc2;
	long n0;
	long n1;
	struct lf_reason *cause;
};

__isl_give struct lf_reason *lf_reason_alloc(enum lf_why why, struct lf_loc loc,
	__isl_keep const char *text, __isl_keep const char *name);
__isl_give struct lf_reason *lf_reason_copy(
	__isl_keep const struct lf_reason *reason);
void lf_reason_free(__isl_take struct lf_reason *reason);

#endif
