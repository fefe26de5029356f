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

__isl_give char *lf_codegen_group(__isl_keep struct lf_file *file,
	__isl_keep struct lf_plan *plan, __isl_keep struct lf_deps *deps, int g,
	__isl_keep const struct lf_codegen_options *options, int *overflow);

#endif
