/* SPDX-License-Identifier: MIT */
#ifndef LF_CODEGEN_H
#define LF_CODEGEN_H

#include "lf_buf.h"
#include "lf_model.h"
#include "lf_plan.h"

#include "lf_deps.h"

/* openmp: mark the outermost parallel loop "omp parallel for" and
 * parallel innermost loops "omp simd", as the dependences prove.
 * contracted: the arrays whose accesses are printed as their bare name.
 * deeper: the code goes one level deeper than the nests it replaces
 * (inside the branch of a check).
 */
struct lf_codegen_options {
	int openmp;
	int n_contracted;
	const int *contracted;
	int deeper;
};

int lf_codegen_add_deeper(struct lf_buf *out, struct lf_file *file,
	struct lf_run *run, unsigned begin, unsigned end);
char *lf_codegen_group(struct lf_file *file, struct lf_plan *plan,
	struct lf_deps *deps, int g, const struct lf_codegen_options *options,
	int *overflow);

#endif
