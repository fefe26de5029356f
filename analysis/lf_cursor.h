/* SPDX-License-Identifier: MIT */
#ifndef LF_CURSOR_H
#define LF_CURSOR_H

#include <clang-c/Index.h>
#include <isl/ctx.h>

/* Small conveniences over libclang cursors that need no model. */

__isl_give char *lf_cursor_usr(CXCursor c);
__isl_give char *lf_cursor_name(CXCursor c);
int lf_cursor_children(CXCursor c, CXCursor **children);
CXCursor lf_cursor_strip(CXCursor c);
int lf_cursor_is_var(CXCursor c, __isl_keep const char *usr);

enum lf_cursor_effect {
	LF_CURSOR_NONE,
	LF_CURSOR_WRITES,
	LF_CURSOR_TAKES_ADDRESS
};

enum lf_cursor_effect lf_cursor_effect(CXCursor op, CXCursor *operand);
int lf_cursor_has_effect(CXCursor c);
int lf_cursor_has_attr(CXCursor decl, enum CXCursorKind kind);
int lf_cursor_is_array_type(CXType type);
int lf_cursor_is_array_var(CXCursor expr);

#endif
