/* SPDX-License-Identifier: MIT */
#ifndef LF_GRAPHVIZ_H
#define LF_GRAPHVIZ_H

#include <isl/ctx.h>

/* A DOT graph drawn as SVG by Graphviz, where it is installed. */
__isl_give char *lf_graphviz_render(__isl_keep const char *source);

#endif
