#ifndef LF_PURITY_H
#define LF_PURITY_H

#include <clang-c/Index.h>

/* Which called functions are free of side effects: math.h functions
 * (errno aside), and functions whose bodies the translation unit holds
 * and that read and write nothing but their scalar parameters, their
 * own locals and const globals, and call only such functions.
 * Answers are cached per function.
 */
struct lf_purity;

struct lf_purity *lf_purity_alloc(void);
void lf_purity_free(struct lf_purity *purity);
char *lf_purity_check_call(struct lf_purity *purity, CXCursor call);

#endif
