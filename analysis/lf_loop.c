/* SPDX-License-Identifier: MIT */
#include <stdlib.h>
#include <string.h>

#include <isl/map.h>
#include <isl/val.h>
#include <isl/local_space.h>

#include "lf_build.h"

/* The header of a for loop: iterator, lower bound, condition, step.
 * The iterator is pushed on the builder's iterator stack; the caller
 * pops it when it is done with the body.
 */
struct lf_header {
	CXCursor iter_decl;
	CXCursor init;
	CXCursor cond;
	CXCursor inc;
	char *usr;
	char *name;
	int outside;
	long step;
	struct lf_int_type type;
};

static void lf_header_clear(__isl_keep struct lf_header *h)
{
	free(h->usr);
	free(h->name);
}

static int lf_header_last_expr(CXCursor c, CXCursor *expr)
{
	CXCursor *ch;
	int i, n, found = 0;

	n = lf_cursor_children(c, &ch);
	for (i = n - 1; i >= 0; --i) {
		if (clang_isExpression(clang_getCursorKind(ch[i]))) {
			*expr = ch[i];
			found = 1;
			break;
		}
	}
	free(ch);
	return found;
}

/* "int i = lb" or "i = lb" with i a local variable; other variables
 * may be declared or set besides i where that is not seen (lf_init).
 */
static int lf_header_init(__isl_keep struct lf_builder *b, CXCursor init,
	__isl_keep struct lf_header *h)
{
	enum CXCursorKind kind = clang_getCursorKind(init);
	CXCursor *ch, part = lf_cursor_strip(init);
	int n, ok = 0;

	if (clang_getCursorKind(part) == CXCursor_BinaryOperator &&
	    clang_getCursorBinaryOperatorKind(part) == CXBinaryOperator_Comma) {
		if (lf_init_split_comma(b, init, h->inc, &part) < 0)
			return -1;
		init = part;
		kind = clang_getCursorKind(init);
	}
	n = lf_cursor_children(init, &ch);
	if (kind == CXCursor_DeclStmt && n >= 1 &&
	    clang_getCursorKind(ch[0]) == CXCursor_VarDecl) {
		h->iter_decl = ch[0];
		ok = lf_header_last_expr(ch[0], &h->init);
		if (ok && lf_init_check_decls(b, ch, n) < 0) {
			free(ch);
			return -1;
		}
	} else if (kind == CXCursor_BinaryOperator && n == 2 &&
		   clang_getCursorBinaryOperatorKind(init) ==
		   CXBinaryOperator_Assign &&
		   clang_getCursorKind(lf_cursor_strip(ch[0])) ==
		   CXCursor_DeclRefExpr) {
		h->iter_decl = clang_getCursorReferenced(lf_cursor_strip(ch[0]));
		h->init = ch[1];
		h->outside = 1;
		ok = clang_getCursorKind(h->iter_decl) == CXCursor_VarDecl &&
		     clang_getCursorKind(clang_getCursorSemanticParent(
			h->iter_decl)) != CXCursor_TranslationUnit;
	}
	free(ch);
	if (!ok)
		return lf_build_fail_at(b, init, LF_WHY_LOOP_INIT, NULL);
	h->usr = lf_cursor_usr(h->iter_decl);
	h->name = lf_cursor_name(h->iter_decl);
	if (!h->usr || !h->name)
		return -1;
	h->type = lf_affine_type(clang_getCursorType(h->iter_decl));
	if (!h->type.bits)
		return lf_build_fail_at(b, init, LF_WHY_ITER_TYPE, h->name);
	if (clang_isVolatileQualifiedType(clang_getCursorType(h->iter_decl)))
		return lf_build_fail_at(b, init, LF_WHY_ITER_VOLATILE,
					h->name);
	if (clang_Cursor_getStorageClass(h->iter_decl) == CX_SC_Static ||
	    clang_Cursor_getStorageClass(h->iter_decl) == CX_SC_Extern)
		return lf_build_fail_at(b, init, LF_WHY_ITER_STATIC,
					h->name);
	return 0;
}

static int lf_header_is_iter(__isl_keep struct lf_header *h, CXCursor c)
{
	return lf_cursor_is_var(c, h->usr);
}

/* i++, ++i, i--, --i, i += c, i -= c, i = i + c, i = i - c.
 */
static int lf_header_step(__isl_keep struct lf_builder *b,
	__isl_keep struct lf_header *h)
{
	CXCursor inc = lf_cursor_strip(h->inc);
	enum CXCursorKind kind = clang_getCursorKind(inc);
	CXCursor *ch, *rch = NULL;
	int n, rn = 0, ok = 0;

	n = lf_cursor_children(inc, &ch);
	if (kind == CXCursor_UnaryOperator && n == 1 &&
	    lf_header_is_iter(h, ch[0])) {
		enum CXUnaryOperatorKind op;

		op = clang_getCursorUnaryOperatorKind(inc);
		ok = op >= CXUnaryOperator_PostInc &&
		     op <= CXUnaryOperator_PreDec;
		h->step = (op == CXUnaryOperator_PostInc ||
			   op == CXUnaryOperator_PreInc) ? 1 : -1;
	} else if (kind == CXCursor_CompoundAssignOperator && n == 2 &&
		   lf_header_is_iter(h, ch[0])) {
		enum CXBinaryOperatorKind op;

		op = clang_getCursorBinaryOperatorKind(inc);
		ok = lf_affine_eval(ch[1], &h->step);
		if (op == CXBinaryOperator_SubAssign)
			h->step = -h->step;
		else if (op != CXBinaryOperator_AddAssign)
			ok = 0;
	} else if (kind == CXCursor_BinaryOperator && n == 2 &&
		   lf_header_is_iter(h, ch[0]) &&
		   clang_getCursorBinaryOperatorKind(inc) ==
		   CXBinaryOperator_Assign) {
		CXCursor rhs = lf_cursor_strip(ch[1]);
		enum CXBinaryOperatorKind op;

		op = clang_getCursorBinaryOperatorKind(rhs);
		rn = lf_cursor_children(rhs, &rch);
		if (rn == 2 && lf_header_is_iter(h, rch[0]) &&
		    (op == CXBinaryOperator_Add || op == CXBinaryOperator_Sub)) {
			ok = lf_affine_eval(rch[1], &h->step);
			if (op == CXBinaryOperator_Sub)
				h->step = -h->step;
		}
	}
	free(ch);
	free(rch);
	if (!ok || h->step == 0)
		return lf_build_fail_at(b, h->inc, LF_WHY_LOOP_STEP, h->name);
	return 0;
}

static int lf_header_parse(__isl_keep struct lf_builder *b, CXCursor for_c,
	__isl_keep struct lf_header *h, CXCursor *body)
{
	CXCursor *ch;
	int n, r = 0;

	n = lf_cursor_children(for_c, &ch);
	if (n != 4) {
		free(ch);
		return lf_build_fail_at(b, for_c, LF_WHY_LOOP_PARTS, NULL);
	}
	h->cond = ch[1];
	h->inc = ch[2];
	*body = ch[3];
	r = lf_header_init(b, ch[0], h);
	free(ch);
	if (r < 0)
		return -1;
	return lf_header_step(b, h);
}

/* The iterator must only change in the loop's own increment.  One
 * declared before the loop must be dead after the nest: on every path
 * from its end assigned before it is read (lf_live), since the fused
 * loops leave it with another value.  Where that is not shown, it must
 * not be used outside the nest at all.
 */
static int lf_header_check_writes(__isl_keep struct lf_builder *b,
	__isl_keep struct lf_header *h, CXCursor body)
{
	unsigned begin, end, nest_begin, nest_end;
	int i, dead = 1;

	if (lf_build_range(b, body, &begin, &end) < 0 ||
	    lf_build_range(b, b->nest, &nest_begin, &nest_end) < 0)
		return lf_build_fail_at(b, body, LF_WHY_LOOP_BODY, NULL);
	if (h->outside)
		dead = lf_live_is_dead(b, b->body, b->nest, h->usr);
	if (dead < 0)
		return -1;
	for (i = 0; i < b->n_ref; ++i) {
		struct lf_var_ref *ref = &b->refs[i];

		if (strcmp(ref->usr, h->usr))
			continue;
		if (ref->is_addr)
			return lf_build_fail(b, ref->offset,
					     LF_WHY_ITER_ADDRESS, NULL, h->name);
		if (ref->is_write && ref->offset >= begin && ref->offset < end)
			return lf_build_fail(b, ref->offset,
				LF_WHY_ITER_MODIFIED, NULL, h->name);
		if (!dead && (ref->offset < nest_begin ||
			      ref->offset >= nest_end))
			return lf_build_fail(b, ref->offset, LF_WHY_ITER_LIVE,
					     NULL, h->name);
	}
	return 0;
}

/* i >= lb (counting up) or i <= lb (counting down), and for steps other
 * than 1 and -1, i = lb modulo the step.
 */
static __isl_give isl_set *lf_header_start(__isl_keep struct lf_builder *b,
	__isl_keep struct lf_header *h, __isl_take isl_pw_aff *lb)
{
	isl_pw_aff *i;
	isl_set *start, *stride;
	isl_val *step;

	i = isl_pw_aff_var_on_domain(
		isl_local_space_from_space(lf_build_space(b)),
		isl_dim_set, b->n_iter - 1);
	if (h->step > 0)
		start = isl_pw_aff_ge_set(isl_pw_aff_copy(i),
					  isl_pw_aff_copy(lb));
	else
		start = isl_pw_aff_le_set(isl_pw_aff_copy(i),
					  isl_pw_aff_copy(lb));
	if (h->step == 1 || h->step == -1) {
		isl_pw_aff_free(i);
		isl_pw_aff_free(lb);
		return start;
	}
	step = isl_val_int_from_si(b->ctx, labs(h->step));
	stride = isl_pw_aff_zero_set(isl_pw_aff_mod_val(isl_pw_aff_sub(i, lb),
							step));
	return isl_set_intersect(start, stride);
}

/* A loop runs while its condition holds: the domain is exact only if
 * the condition, once false, stays false (it bounds the iterator).
 * Check that every value between the start and a value in the domain
 * is in the domain too, and that "math", the domain where the iterator
 * could take any integer value, is bounded: the type's range does not
 * count as a bound.
 */
static int lf_header_check_bound(__isl_keep struct lf_builder *b,
	__isl_keep struct lf_header *h, __isl_keep isl_set *domain,
	__isl_keep isl_set *start, __isl_keep isl_set *math)
{
	unsigned n = b->n_iter, k;
	isl_map *before;
	isl_set *earlier;
	isl_bool ok;

	before = isl_map_universe(isl_space_map_from_set(lf_build_space(b)));
	for (k = 0; k + 1 < n; ++k)
		before = isl_map_equate(before, isl_dim_in, k, isl_dim_out, k);
	if (h->step > 0)
		before = isl_map_order_gt(before, isl_dim_in, n - 1,
					  isl_dim_out, n - 1);
	else
		before = isl_map_order_lt(before, isl_dim_in, n - 1,
					  isl_dim_out, n - 1);
	earlier = isl_set_apply(isl_set_copy(domain), before);
	earlier = isl_set_intersect(earlier, isl_set_copy(start));
	earlier = isl_set_intersect_params(earlier,
					   isl_set_copy(b->run->context));
	ok = isl_set_is_subset(earlier, domain);
	isl_set_free(earlier);
	if (ok < 0)
		return -1;
	if (ok) {
		ok = isl_set_dim_has_lower_bound(math, isl_dim_set, n - 1);
		if (ok > 0)
			ok = isl_set_dim_has_upper_bound(math, isl_dim_set,
							 n - 1);
		if (ok < 0)
			return -1;
	}
	if (!ok)
		return lf_build_fail_at(b, h->cond, LF_WHY_LOOP_UNBOUNDED,
					h->name);
	return 0;
}

/* The iterations of "domain" after which the increment takes the
 * iterator out of its type.
 */
static __isl_give isl_set *lf_header_last(__isl_keep struct lf_builder *b,
	__isl_keep struct lf_header *h, __isl_keep isl_set *domain)
{
	isl_val *limit;
	isl_set *last;
	int pos = b->n_iter - 1;

	last = isl_set_intersect_params(isl_set_copy(domain),
					isl_set_copy(b->run->context));
	if (h->step > 0) {
		limit = lf_int_type_max(b->ctx, h->type);
		limit = isl_val_sub(limit, isl_val_int_from_si(b->ctx,
							       h->step));
		return isl_set_lower_bound_val(last, isl_dim_set, pos,
			isl_val_add_ui(limit, 1));
	}
	limit = lf_int_type_min(b->ctx, h->type);
	limit = isl_val_sub(limit, isl_val_int_from_si(b->ctx, h->step));
	return isl_set_upper_bound_val(last, isl_dim_set, pos,
				       isl_val_sub_ui(limit, 1));
}

/* After the last iteration the increment must leave the iterator in its
 * type.  An unsigned iterator, or one narrower than int, would wrap
 * around and the loop go on: refused.  A wider signed one would
 * overflow, which is undefined: the sizes for which it would are left
 * out of the run's context, unless the loop is inside a compound
 * statement, which may not run it at all.
 */
static int lf_header_check_overflow(__isl_keep struct lf_builder *b,
	__isl_keep struct lf_header *h, __isl_keep isl_set *domain)
{
	isl_set *last = lf_header_last(b, h, domain), *bad;
	isl_bool empty = isl_set_is_empty(last);

	if (empty < 0 || empty) {
		isl_set_free(last);
		return empty < 0 ? -1 : 0;
	}
	if (!h->type.is_signed || h->type.bits < 32 || b->in_compound) {
		isl_set_free(last);
		return lf_build_fail_at(b, h->inc, h->type.is_signed ?
			LF_WHY_ITER_WRAPS_NARROW : LF_WHY_ITER_WRAPS_UNSIGNED,
			h->name);
	}
	bad = isl_set_params(last);
	empty = lf_build_exclude(b, bad);
	if (empty < 0)
		return -1;
	if (empty)
		return lf_build_fail_at(b, h->inc, LF_WHY_ITER_OVERFLOWS,
					h->name);
	return 0;
}

/* The domain: "math", the iterations the condition allows, within the
 * range of the iterator's type ("where" has it).  Where the sizes imply
 * that range already, it is left out, so that it does not reappear in
 * the generated code; the sizes where they do not are noted in the
 * run's outside_types.  Takes "where".
 */
static __isl_give isl_set *lf_header_in_type(__isl_keep struct lf_builder *b,
	__isl_keep struct lf_header *h, __isl_keep isl_set *math,
	__isl_take isl_set *where)
{
	isl_set *sized, *typed;
	isl_bool implied;

	sized = isl_set_intersect_params(isl_set_copy(math),
					 lf_run_loose_context(b->run));
	typed = lf_affine_type_bound(isl_set_copy(sized), isl_dim_set,
				     b->n_iter - 1, h->type);
	implied = isl_set_is_subset(sized, typed);
	if (implied == isl_bool_false)
		b->run->outside_types = isl_set_union(b->run->outside_types,
			isl_set_params(isl_set_subtract(isl_set_copy(sized),
							isl_set_copy(typed))));
	isl_set_free(sized);
	isl_set_free(typed);
	if (implied < 0 || !b->run->outside_types) {
		isl_set_free(where);
		return NULL;
	}
	if (implied) {
		isl_set_free(where);
		return isl_set_copy(math);
	}
	return isl_set_intersect(where, isl_set_copy(math));
}

static __isl_give isl_set *lf_header_domain(__isl_keep struct lf_builder *b,
	__isl_keep struct lf_header *h, __isl_keep isl_set *outer)
{
	isl_pw_aff *lb;
	isl_set *where, *start, *cond, *domain, *math;
	int pos = b->n_iter - 1;

	math = isl_set_add_dims(isl_set_copy(outer), isl_dim_set, 1);
	where = lf_affine_type_bound(isl_set_copy(math), isl_dim_set, pos,
				     h->type);
	lb = lf_affine_expr(b, h->init, where);
	start = lb ? lf_header_start(b, h, lb) : NULL;
	where = isl_set_intersect(where, isl_set_copy(start));
	cond = start ? lf_affine_cond(b, h->cond, where) : NULL;
	if (!cond) {
		isl_set_free(start);
		isl_set_free(where);
		isl_set_free(math);
		return NULL;
	}
	math = isl_set_intersect(isl_set_intersect(math,
			isl_set_copy(start)), cond);
	domain = lf_header_in_type(b, h, math, where);
	if (domain && (lf_header_check_bound(b, h, domain, start, math) < 0 ||
		       lf_header_check_overflow(b, h, domain) < 0))
		domain = isl_set_free(domain);
	isl_set_free(start);
	isl_set_free(math);
	return domain;
}

static void lf_loop_fill(__isl_keep struct lf_builder *b,
	__isl_keep struct lf_header *h, CXCursor for_c, int loop)
{
	struct lf_loop *l = &b->run->loops[loop];
	CXString type = clang_getTypeSpelling(
		clang_getCursorType(h->iter_decl));

	l->iter = strdup(h->name);
	l->iter_type = strdup(clang_getCString(type));
	l->type = h->type;
	clang_disposeString(type);
	l->dir = h->step > 0 ? 1 : -1;
	l->iter_outside = h->outside;
	l->loc = lf_file_loc(b->file, lf_build_offset(b, for_c));
}

/* Parse the header of for_c and, on success only, push its iterator (belonging to run loop
 * "loop", or -1 inside a compound statement) and compute the domain
 * of its body from the domain "outer" of the enclosing loops.
 * *body gets the loop body.
 */
int lf_loop_header(__isl_keep struct lf_builder *b, CXCursor for_c,
	__isl_keep isl_set *outer, int loop, isl_set **domain,
	CXCursor *body)
{
	struct lf_header h;
	int r = -1;

	memset(&h, 0, sizeof(h));
	*domain = NULL;
	if (b->n_iter >= LF_MAX_DEPTH)
		return lf_build_fail_at(b, for_c, LF_WHY_LOOP_DEPTH, NULL);
	if (lf_header_parse(b, for_c, &h, body) < 0 ||
	    lf_header_check_writes(b, &h, *body) < 0)
		goto done;
	b->iters[b->n_iter].usr = h.usr;
	b->iters[b->n_iter].loop = loop;
	b->iters[b->n_iter].outer_name = NULL;
	b->iters[b->n_iter].type = h.type;
	b->n_iter++;
	h.usr = NULL;
	if (loop < 0 && h.outside &&
	    lf_build_offset(b, h.iter_decl) < b->run->begin) {
		b->iters[b->n_iter - 1].outer_name = strdup(h.name);
		if (!b->iters[b->n_iter - 1].outer_name) {
			lf_loop_pop(b);
			goto done;
		}
	}
	*domain = lf_header_domain(b, &h, outer);
	if (!*domain) {
		lf_loop_pop(b);
		goto done;
	}
	if (loop >= 0)
		lf_loop_fill(b, &h, for_c, loop);
	r = 0;
done:
	lf_header_clear(&h);
	return r;
}

void lf_loop_pop(__isl_keep struct lf_builder *b)
{
	b->n_iter--;
	free(b->iters[b->n_iter].usr);
	free(b->iters[b->n_iter].outer_name);
}
