/* SPDX-License-Identifier: MIT */
#ifndef LF_PURITY_H
#define LF_PURITY_H

#include <clang-c/Index.h>
#include <isl/ctx.h>

#include "lf_reason.h"

/* What a call may do besides computing its value from its arguments.
 * A call has no effect if its function is a math.h function that never
 * sets errno, a known builtin (INFINITY, HUGE_VAL; NAN, whose string
 * must be a literal), or a function whose body the translation
 * unit holds and that reads and writes nothing but its scalar
 * parameters, its own locals and const globals, and calls only such
 * functions (through any cycle of calls).  Math functions that may set
 * errno, and functions that call them, write errno, unless the compiler
 * arguments say that math functions do not (-fno-math-errno,
 * -ffast-math).  Anything else has side effects.  Answers are cached
 * per function.
 */
enum lf_purity_effect {
	LF_PURITY_NONE,
	LF_PURITY_ERRNO,
	LF_PURITY_IMPURE
};

struct lf_purity;

__isl_give struct lf_purity *lf_purity_alloc(int math_errno);
void lf_purity_free(__isl_take struct lf_purity *purity);
enum lf_purity_effect lf_purity_call(__isl_keep struct lf_purity *purity,
	CXCursor call, struct lf_reason **reason);
int lf_purity_math_errno(int argc, const char *const *argv);

#endif
