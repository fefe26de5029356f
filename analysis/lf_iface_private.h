/* SPDX-License-Identifier: MIT */
#ifndef LF_IFACE_PRIVATE_H
#define LF_IFACE_PRIVATE_H

#include <clang-c/Index.h>

#include "lf_iface.h"

/* What lf_iface.c and lf_iface_walk.c share while they describe one
 * function.  file_vars are the variables the main file defines (or
 * tentatively defines) at file scope, by USR, with their defining
 * declarations; params holds the USRs of the function's parameters,
 * globals those of iface->globals, done those of the functions walked.
 */
struct lf_iface_state {
	struct lf_iface *iface;
	CXCursor fn;
	int n_file_var;
	char **file_var_usr;
	CXCursor *file_vars;
	char **param_usr;
	char **global_usr;
	int n_done;
	char **done;
	int failed;
};

enum lf_iface_elem lf_iface_elem_of(CXType t);
int lf_iface_var_describe(__isl_keep struct lf_iface_var *v, CXCursor decl);
int lf_iface_walk_function(__isl_keep struct lf_iface_state *s, CXCursor fn);

#endif
