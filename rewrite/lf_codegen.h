#ifndef LF_CODEGEN_H
#define LF_CODEGEN_H

#include "lf_model.h"
#include "lf_plan.h"

#include "lf_deps.h"

/* openmp: mark the outermost parallel loop "omp parallel for" and
 * parallel innermost loops "omp simd", as the dependences prove.
 * contracted: the arrays whose accesses are printed as their bare name.
 */
struct lf_codegen_options {
	int openmp;
	int n_contracted;
	const int *contracted;
};

char *lf_codegen_group(struct lf_file *file, struct lf_plan *plan,
	struct lf_deps *deps, int g, const struct lf_codegen_options *options,
	int *overflow);

#endif
