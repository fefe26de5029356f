/* SPDX-License-Identifier: MIT */
#ifndef LF_BUILD_H
#define LF_BUILD_H

#include <stdio.h>

#include <clang-c/Index.h>
#include <isl/aff.h>
#include <isl/set.h>
#include <isl/space.h>

#include "lf_cursor.h"
#include "lf_model.h"
#include "lf_purity.h"
#include "lf_src.h"

/* State of the front end while it builds the model of one run.
 * Not part of the public interface: analysis/lf_frontend.h is.
 */

/* A reference to a variable somewhere in the current function. */
struct lf_var_ref {
	char *usr;
	unsigned offset;
	int is_write;
	int is_addr;
};

/* An iterator visible at the current point: a loop of the run (loop >= 0)
 * or a loop inside a compound statement (loop == -1).  For the latter,
 * outer_name is its name if it is a variable declared before the run
 * (for a loop of the run, iter_outside of struct lf_loop says that),
 * else NULL.
 */
struct lf_iter {
	char *usr;
	int loop;
	char *outer_name;
	struct lf_int_type type;
};

/* What the stores and calls of a run may change (lf_base.c): any
 * object at all, integers of the sizes in int_sizes (a bit per size in
 * bytes), pointers.
 */
struct lf_base_stores {
	int any;
	unsigned int_sizes;
	int pointer;
};

struct lf_buf;
struct lf_delin;

struct lf_builder {
	isl_ctx *ctx;
	CXTranslationUnit tu;
	CXFile main_file;
	struct lf_src *src;
	struct lf_file *file;
	int renamed;
	int jumps;
	int inline_calls;
	struct lf_purity *purity;

	int n_ref;
	struct lf_var_ref *refs;

	struct lf_run *run;
	struct lf_base_stores stores;
	char **array_usr;
	char **param_usr;
	int n_outside;
	char **outside_usr;

	int n_iter;
	struct lf_iter iters[LF_MAX_DEPTH];
	int stmt_depth;
	int n_internal;
	char **internal;
	/* Only while the accesses of a statement are walked: is it a
	 * compound statement, and are its writes only possible?
	 */
	int in_compound;
	int may;
	int stmt;
	isl_set *cur_dom;

	struct lf_delin *delin;

	struct lf_reason *reason;
	int top;
	CXCursor body;
	CXCursor nest;
};

struct lf_frontend_options;

/* lf_frontend.c: the unit as the front end parses it (clang's errors
 * printed to err), for the front end and lf_iface.
 */
CXTranslationUnit lf_frontend_tu(CXIndex index, const char *path,
	const char *text, unsigned len,
	const struct lf_frontend_options *options, FILE *err);

/* lf_build.c */
int lf_build_range(__isl_keep struct lf_builder *b, CXCursor c, unsigned *begin,
	unsigned *end);
unsigned lf_build_offset(__isl_keep struct lf_builder *b, CXCursor c);
__isl_give char *lf_build_text(__isl_keep struct lf_builder *b, CXCursor c);
int lf_build_single_ident(__isl_keep struct lf_builder *b, CXCursor c,
	char **name);
int lf_build_exclude(__isl_keep struct lf_builder *b, __isl_take isl_set *bad);
int lf_build_fail_reason(__isl_keep struct lf_builder *b,
	__isl_take struct lf_reason *reason);
int lf_build_fail(__isl_keep struct lf_builder *b, unsigned offset,
	enum lf_why why, __isl_keep const char *text,
	__isl_keep const char *name);
int lf_build_fail_at(__isl_keep struct lf_builder *b, CXCursor c,
	enum lf_why why, __isl_keep const char *name);
int lf_build_fail_text(__isl_keep struct lf_builder *b, CXCursor c,
	enum lf_why why);
/* lf_assigned.c */
int lf_assigned_before_run(__isl_keep struct lf_builder *b, CXCursor decl,
	__isl_keep const char *usr);

int lf_build_is_written_in_run(__isl_keep struct lf_builder *b,
	__isl_keep const char *usr);
int lf_build_is_written(__isl_keep struct lf_builder *b,
	__isl_keep const char *usr);
int lf_build_is_addr_taken(__isl_keep struct lf_builder *b,
	__isl_keep const char *usr);
int lf_build_iter_level(__isl_keep struct lf_builder *b,
	__isl_keep const char *usr);
int lf_build_is_internal(__isl_keep struct lf_builder *b,
	__isl_keep const char *usr);
int lf_build_is_outside_iter(__isl_keep struct lf_builder *b,
	__isl_keep const char *usr);
int lf_build_push_internal(__isl_keep struct lf_builder *b,
	__isl_keep const char *usr);

/* lf_affine.c */
__isl_give isl_space *lf_build_space(__isl_keep struct lf_builder *b);
__isl_give isl_pw_aff *lf_affine_expr(__isl_keep struct lf_builder *b,
	CXCursor c, __isl_keep isl_set *dom);
__isl_give isl_set *lf_affine_cond(__isl_keep struct lf_builder *b, CXCursor c,
	__isl_keep isl_set *dom);
struct lf_int_type lf_affine_type(CXType type);
__isl_give isl_set *lf_affine_type_bound(__isl_take isl_set *set,
	enum isl_dim_type type, int pos, struct lf_int_type t);
int lf_affine_eval(CXCursor c, long *value);

/* lf_access.c */
int lf_access_walk_expr(__isl_keep struct lf_builder *b, CXCursor c, int mode);
int lf_access_walk_stmt(__isl_keep struct lf_builder *b, CXCursor c);
/* A chain of member accesses from a variable: members[0] is the last
 * one (the member accessed), members[n - 1] the one applied to the
 * root variable; arrow[k] is set when members[k] is reached by "->".
 * spelling is the chain as C ("p->a.b"), key a name that tells chains
 * of different variables and members apart.
 */
struct lf_base_chain {
	CXCursor root;
	int n;
	CXCursor members[LF_MAX_DEPTH];
	int arrow[LF_MAX_DEPTH];
	char *spelling;
	char *key;
};

/* A row pointer's definition, "base + offset": base is the variable,
 * offset the expression (a null cursor for none), negated if "neg".
 */
struct lf_base_row {
	CXCursor base;
	CXCursor offset;
	int neg;
};

/* lf_base.c */
void lf_base_scan_run(__isl_keep struct lf_builder *b, CXCursor *fors, int n);
int lf_base_is_local(CXCursor decl);
int lf_base_chain_get(__isl_keep struct lf_builder *b, CXCursor c,
	__isl_keep struct lf_base_chain *chain);
void lf_base_chain_clear(__isl_keep struct lf_base_chain *chain);
int lf_base_chain_invariant(__isl_keep struct lf_builder *b, CXCursor c,
	__isl_keep struct lf_base_chain *chain, int load);
__isl_give char *lf_base_array_name(__isl_keep const char *spelling);
int lf_base_is_row(__isl_keep struct lf_builder *b, CXCursor o,
	__isl_keep const char *usr, __isl_keep struct lf_base_row *row);


#define LF_MODE_READ	1
#define LF_MODE_WRITE	2

/* lf_delin.c */
struct lf_delin_poly;
__isl_give struct lf_delin_poly *lf_delin_subscript(
	__isl_keep struct lf_builder *b, CXCursor c, CXCursor sub,
	__isl_keep const char *usr);
void lf_delin_poly_free(__isl_take struct lf_delin_poly *poly);
int lf_delin_note(__isl_keep struct lf_builder *b, int access,
	__isl_keep struct lf_delin_poly *poly);
void lf_delin_rollback(__isl_keep struct lf_builder *b, int n_access);
void lf_delin_clear(__isl_keep struct lf_builder *b, int all);
int lf_delin_run(__isl_keep struct lf_builder *b);

/* lf_loop.c */
int lf_loop_header(__isl_keep struct lf_builder *b, CXCursor for_c,
	__isl_keep isl_set *outer, int loop, isl_set **domain,
	CXCursor *body);
void lf_loop_pop(__isl_keep struct lf_builder *b);

/* lf_init.c */
int lf_init_split_comma(__isl_keep struct lf_builder *b, CXCursor init,
	CXCursor inc, CXCursor *iter);
int lf_init_check_decls(__isl_keep struct lf_builder *b, CXCursor *decls,
	int n);

/* lf_live.c */
int lf_live_is_dead(__isl_keep struct lf_builder *b, CXCursor body,
	CXCursor nest, __isl_keep const char *usr);

/* lf_call.c */
int lf_call_function(__isl_keep struct lf_builder *b, CXCursor fn,
	CXCursor *blocks, int n);
__isl_give char *lf_call_expand(__isl_keep struct lf_file *file,
	unsigned *len);

/* lf_call_locals.c: an edit of a callee's text, text replacing
 * [offset, offset + len).
 */
struct lf_call_edit {
	unsigned offset;
	unsigned len;
	char *text;
};

int lf_call_locals(__isl_keep struct lf_builder *b, CXCursor body,
	CXCursor *decls, int n, __isl_give struct lf_call_edit **edits,
	int *n_edit, __isl_give struct lf_reason **cause);
void lf_call_edits_free(__isl_take struct lf_call_edit *edits, int n);

/* lf_call_context.c */
int lf_call_context_check(__isl_keep struct lf_builder *b, CXCursor caller,
	CXCursor fn, unsigned call_begin, unsigned *at, __isl_give char **name);

/* lf_call_arg.c */
int lf_call_member_root(CXCursor e, CXCursor *root);
int lf_call_arg_is_offset(CXCursor e);
int lf_call_arg_int_value(__isl_keep struct lf_buf *buf, CXCursor arg,
	CXType ft);

/* lf_nest.c */
int lf_nest_build(__isl_keep struct lf_builder *b, CXCursor for_c, int nest);

#endif
