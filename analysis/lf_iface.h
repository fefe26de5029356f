/* SPDX-License-Identifier: MIT */
#ifndef LF_IFACE_H
#define LF_IFACE_H

#include <stdio.h>

#include <isl/ctx.h>

#include "lf_frontend.h"
#include "lf_loc.h"

/* The interface of one function of a file, as a harness that calls it
 * needs it: its parameters, the variables of the file it uses (also
 * through the functions of the file it calls), their types, and which
 * of them it may modify.  Nothing here is modeled polyhedrally; the
 * front end's model covers runs of loops, while a harness must know
 * every variable the function touches.
 */

/* What one element of an array (or a scalar) is, for filling it with
 * values.  LF_IFACE_ELEM_OTHER: a struct, union, pointer or anything
 * else that has no arithmetic value.
 */
enum lf_iface_elem {
	LF_IFACE_ELEM_OTHER,
	LF_IFACE_ELEM_FLOAT,
	LF_IFACE_ELEM_DOUBLE,
	LF_IFACE_ELEM_LONG_DOUBLE,
	LF_IFACE_ELEM_SIGNED,
	LF_IFACE_ELEM_UNSIGNED,
	LF_IFACE_ELEM_BOOL
};

/* A parameter, or a variable of the file (a global).  An array or a
 * pointer has n_dim extents, outermost first: the spelling of a
 * constant or variable extent ("128", "n + 2"), or NULL where the type
 * does not give it (a pointer, "a[]").  A scalar has none.  elem_type
 * spells the type of one element ("float", "real"), elem says what it
 * is.  is_const: the elements are const.  has_init: a global with an
 * initializer.  defined: a global this file defines (not only
 * declares).  written: the function may modify it (its elements, for
 * an array or pointer): it writes it, or takes its address, or lets the
 * pointer go somewhere the walk does not follow.
 */
struct lf_iface_var {
	char *name;
	struct lf_loc loc;
	int n_dim;
	char **dims;
	char *elem_type;
	enum lf_iface_elem elem;
	int is_const;
	int has_init;
	int defined;
	int written;
};

/* found: the file defines the function.  result_type spells its
 * return type (NULL for void), result says what it is.  defines_main:
 * the file defines main, which a harness must rename.
 */
struct lf_iface {
	char *name;
	struct lf_loc loc;
	int found;
	int is_variadic;
	char *result_type;
	enum lf_iface_elem result;
	int n_param;
	struct lf_iface_var *params;
	int n_global;
	struct lf_iface_var *globals;
	int defines_main;
};

/* Parse the file "path", whose contents are text[0 .. len), with the
 * front end's arguments, and describe options->function.  NULL if the
 * file does not parse (clang's errors are printed to err) or memory
 * runs out; a file that does not define the function gives found 0.
 */
__isl_give struct lf_iface *lf_iface_parse(__isl_keep const char *path,
	__isl_keep const char *text, unsigned len,
	__isl_keep const struct lf_frontend_options *options,
	__isl_keep FILE *err);
void lf_iface_free(__isl_take struct lf_iface *iface);

#endif
