/* SPDX-License-Identifier: MIT */
#ifndef LF_INCLUDE_H
#define LF_INCLUDE_H

#include <clang-c/Index.h>

#include "lf_model.h"

/* Record in file->includes the files that the unit "tu" includes,
 * directly or not, each once, in the order clang reports them (what a
 * depfile lists).  Return -1 if memory runs out, else 0.
 */
int lf_include_collect(CXTranslationUnit tu, __isl_keep struct lf_file *file);

#endif
