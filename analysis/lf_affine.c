/* SPDX-License-Identifier: MIT */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <isl/id.h>
#include <isl/local_space.h>
#include <isl/val.h>

#include "lf_build.h"
#include "lf_grow.h"

/* Conversion of C integer expressions and conditions to isl, over the
 * iterators visible at the current point (set dimensions, outermost
 * first) and the run's parameters.  An expression that is not affine
 * records a reason in the builder and yields NULL.
 *
 * The value computed is the value C gives the expression, not the one
 * its text suggests: every conversion of the usual arithmetic
 * conversions (an int compared with an unsigned, a size_t bound) and
 * every unsigned operation keeps its value only where isl proves that
 * it fits the type, and is reduced modulo 2^bits elsewhere, as C
 * defines it (for conversions to signed types, as gcc and clang do).
 * Signed operations are taken not to overflow, since that would be
 * undefined.  "dom" is where the expression is evaluated (NULL:
 * anywhere the types of the variables allow): the more it says, the
 * fewer reductions remain.
 */

/* The C integer type "type" stands for; bits is 0 for a type that is
 * not an integer, and for _Bool, whose conversions are not affine.
 */
struct lf_int_type lf_affine_type(CXType type)
{
	struct lf_int_type t = { 0, 0 };
	long long size;

	type = clang_getCanonicalType(type);
	if (type.kind == CXType_Enum)
		type = clang_getCanonicalType(clang_getEnumDeclIntegerType(
			clang_getTypeDeclaration(type)));
	switch (type.kind) {
	case CXType_Char_S: case CXType_SChar: case CXType_Short:
	case CXType_Int: case CXType_Long: case CXType_LongLong:
		t.is_signed = 1;
		/* fall through */
	case CXType_Char_U: case CXType_UChar: case CXType_UShort:
	case CXType_UInt: case CXType_ULong: case CXType_ULongLong:
		size = clang_Type_getSizeOf(type);
		if (size > 0 && size <= 8)
			t.bits = (int) size * 8;
		break;
	default:
		break;
	}
	return t;
}

/* Bound dimension "pos" of kind "type" of "set" to the values of t.
 */
__isl_give isl_set *lf_affine_type_bound(__isl_take isl_set *set,
	enum isl_dim_type type, int pos, struct lf_int_type t)
{
	isl_ctx *ctx = isl_set_get_ctx(set);

	set = isl_set_lower_bound_val(set, type, pos,
				      lf_int_type_min(ctx, t));
	return isl_set_upper_bound_val(set, type, pos,
				       lf_int_type_max(ctx, t));
}

__isl_give isl_space *lf_build_space(__isl_keep struct lf_builder *b)
{
	return isl_space_set_alloc(b->ctx, 0, b->n_iter);
}

static __isl_give isl_set *lf_affine_universe(__isl_keep struct lf_builder *b)
{
	return isl_set_universe(lf_build_space(b));
}

static __isl_give isl_pw_aff *lf_affine_val(__isl_keep struct lf_builder *b,
	__isl_take isl_val *v)
{
	return isl_pw_aff_val_on_domain(lf_affine_universe(b), v);
}

static __isl_give isl_pw_aff *lf_affine_cst(__isl_keep struct lf_builder *b,
	long v)
{
	return lf_affine_val(b, isl_val_int_from_si(b->ctx, v));
}

/* Where an expression is evaluated: "dom", or the values the types of
 * the iterators allow; under the run's context either way.
 */
static __isl_give isl_set *lf_affine_where(__isl_keep struct lf_builder *b,
	__isl_keep isl_set *dom)
{
	isl_set *set;
	int i;

	if (dom) {
		set = isl_set_copy(dom);
	} else {
		set = lf_affine_universe(b);
		for (i = 0; i < b->n_iter; ++i)
			set = lf_affine_type_bound(set, isl_dim_set, i,
						   b->iters[i].type);
	}
	return isl_set_intersect_params(set, isl_set_copy(b->run->context));
}

/* Does "pa" take only values of type t wherever it is evaluated?
 */
static isl_bool lf_affine_fits(__isl_keep struct lf_builder *b,
	__isl_keep isl_pw_aff *pa, __isl_keep isl_set *dom,
	struct lf_int_type t)
{
	isl_set *where = lf_affine_where(b, dom), *out;
	isl_pw_aff *lo, *hi;
	isl_bool empty;

	lo = isl_pw_aff_val_on_domain(isl_set_copy(where),
				      lf_int_type_min(b->ctx, t));
	hi = isl_pw_aff_val_on_domain(isl_set_copy(where),
				      lf_int_type_max(b->ctx, t));
	out = isl_set_union(isl_pw_aff_lt_set(isl_pw_aff_copy(pa), lo),
			    isl_pw_aff_gt_set(isl_pw_aff_copy(pa), hi));
	out = isl_set_intersect(out, where);
	empty = isl_set_is_empty(out);
	isl_set_free(out);
	return empty;
}

/* The value "pa" gets in type t: itself where it fits, else reduced
 * modulo 2^bits into the range of t (C11 6.3.1.3; for signed types
 * the choice of gcc and clang).
 */
static __isl_give isl_pw_aff *lf_affine_convert(__isl_keep struct lf_builder *b,
	__isl_take isl_pw_aff *pa, __isl_keep isl_set *dom,
	struct lf_int_type t)
{
	isl_bool fits = pa ? lf_affine_fits(b, pa, dom, t) : isl_bool_error;
	isl_val *min;

	if (fits < 0)
		return isl_pw_aff_free(pa);
	if (fits)
		return pa;
	min = lf_int_type_min(b->ctx, t);
	pa = isl_pw_aff_sub(pa, lf_affine_val(b, isl_val_copy(min)));
	pa = isl_pw_aff_mod_val(pa,
		isl_val_2exp(isl_val_int_from_si(b->ctx, t.bits)));
	return isl_pw_aff_add(pa, lf_affine_val(b, min));
}

/* Does every value of type "from" fit type "to"?
 */
static int lf_affine_widens(struct lf_int_type from, struct lf_int_type to)
{
	if (from.is_signed && !to.is_signed)
		return 0;
	return to.bits - to.is_signed >= from.bits - from.is_signed;
}

/* Find or add the parameter "name" of type t.  A parameter with a
 * value is fixed to it in the run's context, one without a value is
 * bounded there by its type.  Returns its index, -1 on error and -2
 * when the name is taken by a different variable or value.
 */
static int lf_affine_param_index(__isl_keep struct lf_builder *b,
	__isl_keep const char *name, __isl_keep const char *usr,
	enum lf_param_origin origin, int has_value, long value,
	struct lf_int_type t)
{
	struct lf_run *run = b->run;
	struct lf_param *param;
	isl_set *fix;
	int i;

	for (i = 0; i < run->n_param; ++i) {
		if (strcmp(run->params[i].name, name))
			continue;
		if (strcmp(b->param_usr[i], usr) ||
		    run->params[i].has_value != has_value ||
		    (has_value && run->params[i].value != value))
			return -2;
		return i;
	}
	if (LF_GROW(run->params, run->n_param) < 0 ||
	    LF_GROW(b->param_usr, run->n_param) < 0)
		return -1;
	if (!t.bits)
		t = lf_int_type_int();
	param = &run->params[run->n_param];
	param->name = strdup(name);
	param->origin = origin;
	param->has_value = has_value;
	param->value = value;
	param->type = t;
	b->param_usr[run->n_param] = strdup(usr);
	run->n_param++;
	if (!param->name || !b->param_usr[run->n_param - 1])
		return -1;
	fix = isl_set_universe(isl_space_params_alloc(b->ctx, 1));
	fix = isl_set_set_dim_id(fix, isl_dim_param, 0,
				 isl_id_alloc(b->ctx, name, NULL));
	if (has_value)
		fix = isl_set_fix_val(fix, isl_dim_param, 0,
				       isl_val_int_from_si(b->ctx, value));
	else
		fix = lf_affine_type_bound(fix, isl_dim_param, 0, t);
	run->context = isl_set_intersect(run->context, fix);
	return run->context ? run->n_param - 1 : -1;
}

static __isl_give isl_pw_aff *lf_affine_param(__isl_keep struct lf_builder *b,
	__isl_keep const char *name, __isl_keep const char *usr,
	enum lf_param_origin origin, int has_value, long value,
	struct lf_int_type t, CXCursor c)
{
	int i;

	i = lf_affine_param_index(b, name, usr, origin, has_value, value, t);
	if (i == -2 && has_value)
		return lf_affine_cst(b, value);
	if (i == -2) {
		lf_build_fail_at(b, c, LF_WHY_NAME_CLASH, name);
		return NULL;
	}
	if (i < 0)
		return NULL;
	return isl_pw_aff_param_on_domain_id(lf_affine_universe(b),
		isl_id_alloc(b->ctx, b->run->params[i].name, NULL));
}

/* The value of c, if clang can evaluate it to an integer constant.
 */
static __isl_give isl_val *lf_affine_eval_val(isl_ctx *ctx, CXCursor c)
{
	CXEvalResult res = clang_Cursor_Evaluate(c);
	isl_val *v = NULL;

	if (!res)
		return NULL;
	if (clang_EvalResult_getKind(res) == CXEval_Int) {
		if (clang_EvalResult_isUnsignedInt(res))
			v = isl_val_int_from_ui(ctx,
				clang_EvalResult_getAsUnsigned(res));
		else
			v = isl_val_int_from_si(ctx,
				clang_EvalResult_getAsLongLong(res));
	}
	clang_EvalResult_dispose(res);
	return v;
}

/* A compile-time integer constant that fits a long, if clang can
 * evaluate c to one.
 */
int lf_affine_eval(CXCursor c, long *value)
{
	CXEvalResult res = clang_Cursor_Evaluate(c);
	int ok = 0;

	if (!res)
		return 0;
	if (clang_EvalResult_getKind(res) == CXEval_Int) {
		if (!clang_EvalResult_isUnsignedInt(res)) {
			*value = (long) clang_EvalResult_getAsLongLong(res);
			ok = 1;
		} else if (clang_EvalResult_getAsUnsigned(res) <= LONG_MAX) {
			*value = (long) clang_EvalResult_getAsUnsigned(res);
			ok = 1;
		}
	}
	clang_EvalResult_dispose(res);
	return ok;
}

static int lf_affine_is_global(CXCursor decl)
{
	CXCursor parent = clang_getCursorSemanticParent(decl);
	enum CX_StorageClass sc = clang_Cursor_getStorageClass(decl);

	return clang_getCursorKind(parent) == CXCursor_TranslationUnit ||
	       sc == CX_SC_Extern || sc == CX_SC_Static;
}

/* A reference to a variable that is not an iterator: a parameter if
 * the run cannot change it.
 */
static __isl_give isl_pw_aff *lf_affine_var(__isl_keep struct lf_builder *b,
	CXCursor ref, CXCursor decl, __isl_keep const char *usr)
{
	CXType type = clang_getCursorType(decl);
	struct lf_int_type t = lf_affine_type(type);
	char *name;
	isl_pw_aff *pa = NULL;
	long value;
	enum lf_param_origin origin;
	int assigned;

	name = lf_cursor_name(decl);
	if (!name)
		return NULL;
	if (!t.bits) {
		lf_build_fail_at(b, ref, LF_WHY_NOT_INTEGER, name);
	} else if (clang_isVolatileQualifiedType(type)) {
		lf_build_fail_at(b, ref, LF_WHY_VOLATILE_VAR, name);
	} else if (lf_build_is_internal(b, usr)) {
		lf_build_fail_at(b, ref, LF_WHY_INSIDE_VAR, name);
	} else if (lf_build_is_outside_iter(b, usr)) {
		lf_build_fail_at(b, ref, LF_WHY_ITER_OUTSIDE, name);
	} else if (clang_isConstQualifiedType(type) &&
		   lf_affine_eval(ref, &value)) {
		pa = lf_affine_param(b, name, usr, LF_PARAM_CONST, 1, value,
				     t, ref);
	} else if (lf_build_is_written_in_run(b, usr)) {
		lf_build_fail_at(b, ref, LF_WHY_MODIFIED_VAR, name);
	} else if (!lf_affine_is_global(decl) &&
		   lf_build_is_addr_taken(b, usr)) {
		lf_build_fail_at(b, ref, LF_WHY_ADDRESS_VAR, name);
	} else {
		origin = clang_getCursorKind(decl) == CXCursor_ParmDecl ?
			LF_PARAM_FUNCTION : lf_affine_is_global(decl) ?
			LF_PARAM_GLOBAL : LF_PARAM_LOCAL;
		assigned = origin != LF_PARAM_LOCAL ? 1 :
			   lf_assigned_before_run(b, decl, usr);
		if (assigned > 0)
			pa = lf_affine_param(b, name, usr, origin, 0, 0, t,
					     ref);
		else if (assigned == 0)
			lf_build_fail_at(b, ref, LF_WHY_UNASSIGNED_VAR, name);
	}
	free(name);
	return pa;
}

static __isl_give isl_pw_aff *lf_affine_decl_ref(
	__isl_keep struct lf_builder *b, CXCursor c)
{
	CXCursor decl = clang_getCursorReferenced(c);
	enum CXCursorKind kind = clang_getCursorKind(decl);
	struct lf_int_type t = lf_affine_type(clang_getCursorType(c));
	isl_pw_aff *pa = NULL;
	char *usr, *name;
	int level;

	if (kind == CXCursor_EnumConstantDecl) {
		usr = lf_cursor_usr(decl);
		name = lf_cursor_name(decl);
		if (usr && name)
			pa = lf_affine_param(b, name, usr, LF_PARAM_ENUM, 1,
				clang_getEnumConstantDeclValue(decl), t, c);
		free(usr);
		free(name);
		return pa;
	}
	if (kind != CXCursor_VarDecl && kind != CXCursor_ParmDecl) {
		name = lf_cursor_name(c);
		lf_build_fail_at(b, c, LF_WHY_NOT_INTEGER_VAR,
				 name ? name : "?");
		free(name);
		return NULL;
	}
	usr = lf_cursor_usr(decl);
	if (!usr)
		return NULL;
	level = lf_build_iter_level(b, usr);
	if (level >= 0)
		pa = isl_pw_aff_var_on_domain(
			isl_local_space_from_space(lf_build_space(b)),
			isl_dim_set, level);
	else
		pa = lf_affine_var(b, c, decl, usr);
	free(usr);
	return pa;
}

/* The value of member access "c" in a bound or a subscript: a
 * parameter of the run named after its spelling, if it is an integer
 * that the run does not change.
 */
static __isl_give isl_pw_aff *lf_affine_member(__isl_keep struct lf_builder *b,
	CXCursor c)
{
	struct lf_base_chain chain;
	struct lf_int_type t = lf_affine_type(clang_getCursorType(c));
	enum lf_param_origin origin;
	isl_pw_aff *pa = NULL;

	if (lf_base_chain_get(b, c, &chain) < 0) {
		lf_base_chain_clear(&chain);
		return NULL;
	}
	if (!t.bits)
		lf_build_fail_at(b, c, LF_WHY_NOT_INTEGER, chain.spelling);
	else if (lf_base_chain_invariant(b, c, &chain, 1) == 0) {
		origin = clang_getCursorKind(chain.root) == CXCursor_ParmDecl ?
			 LF_PARAM_FUNCTION : LF_PARAM_LOCAL;
		pa = lf_affine_param(b, chain.spelling, chain.key, origin,
				     0, 0, t, c);
	}
	lf_base_chain_clear(&chain);
	return pa;
}

static __isl_give isl_pw_aff *lf_affine_not_affine(
	__isl_keep struct lf_builder *b, CXCursor c)
{
	lf_build_fail_text(b, c, LF_WHY_NOT_AFFINE);
	return NULL;
}

static __isl_give isl_pw_aff *lf_affine_value(__isl_keep struct lf_builder *b,
	CXCursor c, __isl_keep isl_set *dom);

/* The result of an operation of type t on the values the operands have
 * in t: an unsigned result wraps around, a signed one cannot overflow.
 */
static __isl_give isl_pw_aff *lf_affine_result(__isl_keep struct lf_builder *b,
	CXCursor c, __isl_take isl_pw_aff *pa, __isl_keep isl_set *dom)
{
	struct lf_int_type t = lf_affine_type(clang_getCursorType(c));

	if (!t.bits) {
		isl_pw_aff_free(pa);
		return lf_affine_not_affine(b, c);
	}
	if (t.is_signed)
		return pa;
	return lf_affine_convert(b, pa, dom, t);
}

/* Multiplication is affine when one side is a constant.
 */
static __isl_give isl_pw_aff *lf_affine_mul(__isl_keep struct lf_builder *b,
	CXCursor c, __isl_take isl_pw_aff *l, __isl_take isl_pw_aff *r)
{
	isl_bool cst_l = isl_pw_aff_is_cst(l);
	isl_bool cst_r = isl_pw_aff_is_cst(r);

	if (cst_l < 0 || cst_r < 0)
		goto error;
	if (cst_l || cst_r)
		return isl_pw_aff_mul(l, r);
	isl_pw_aff_free(l);
	isl_pw_aff_free(r);
	return lf_affine_not_affine(b, c);
error:
	isl_pw_aff_free(l);
	isl_pw_aff_free(r);
	return NULL;
}

/* Division and remainder (C semantics: truncation) by a positive
 * constant, which keep their operand's range.
 */
static __isl_give isl_pw_aff *lf_affine_div(__isl_keep struct lf_builder *b,
	CXCursor c, __isl_take isl_pw_aff *l, CXCursor rc, int rem)
{
	long v;

	if (!lf_affine_eval(rc, &v) || v <= 0) {
		isl_pw_aff_free(l);
		return lf_affine_not_affine(b, c);
	}
	if (rem)
		return isl_pw_aff_tdiv_r(l, lf_affine_cst(b, v));
	return isl_pw_aff_tdiv_q(l, lf_affine_cst(b, v));
}

/* An operand of binary operator "op".  A factor of a product that is a
 * compile-time constant (even one named by a macro) is taken by value,
 * so that "f * HOP" stays affine.
 */
static __isl_give isl_pw_aff *lf_affine_operand(__isl_keep struct lf_builder *b,
	CXCursor c, enum CXBinaryOperatorKind op, __isl_keep isl_set *dom)
{
	isl_val *v;

	if (op == CXBinaryOperator_Mul &&
	    (v = lf_affine_eval_val(b->ctx, c)) != NULL)
		return lf_affine_val(b, v);
	return lf_affine_value(b, c, dom);
}

static __isl_give isl_pw_aff *lf_affine_binary(__isl_keep struct lf_builder *b,
	CXCursor c, CXCursor *ch, __isl_keep isl_set *dom)
{
	enum CXBinaryOperatorKind op = clang_getCursorBinaryOperatorKind(c);
	isl_pw_aff *l, *r;

	if (op != CXBinaryOperator_Add && op != CXBinaryOperator_Sub &&
	    op != CXBinaryOperator_Mul && op != CXBinaryOperator_Div &&
	    op != CXBinaryOperator_Rem)
		return lf_affine_not_affine(b, c);
	l = lf_affine_operand(b, ch[0], op, dom);
	if (!l)
		return NULL;
	if (op == CXBinaryOperator_Div || op == CXBinaryOperator_Rem)
		return lf_affine_div(b, c, l, ch[1],
				     op == CXBinaryOperator_Rem);
	r = lf_affine_operand(b, ch[1], op, dom);
	if (!r) {
		isl_pw_aff_free(l);
		return NULL;
	}
	if (op == CXBinaryOperator_Mul)
		l = lf_affine_mul(b, c, l, r);
	else if (op == CXBinaryOperator_Add)
		l = isl_pw_aff_add(l, r);
	else
		l = isl_pw_aff_sub(l, r);
	return l ? lf_affine_result(b, c, l, dom) : NULL;
}

static __isl_give isl_pw_aff *lf_affine_unary(__isl_keep struct lf_builder *b,
	CXCursor c, CXCursor *ch, __isl_keep isl_set *dom)
{
	enum CXUnaryOperatorKind op = clang_getCursorUnaryOperatorKind(c);
	isl_pw_aff *pa;

	if (op != CXUnaryOperator_Plus && op != CXUnaryOperator_Minus)
		return lf_affine_not_affine(b, c);
	pa = lf_affine_value(b, ch[0], dom);
	if (op == CXUnaryOperator_Plus || !pa)
		return pa;
	return lf_affine_result(b, c, isl_pw_aff_neg(pa), dom);
}

/* cond ? a : b, with an affine condition: covers min and max.  Both
 * branches have the type of the result already.
 */
static __isl_give isl_pw_aff *lf_affine_select(__isl_keep struct lf_builder *b,
	CXCursor *ch, __isl_keep isl_set *dom)
{
	isl_set *cond;
	isl_pw_aff *t, *f;

	cond = lf_affine_cond(b, ch[0], dom);
	if (!cond)
		return NULL;
	t = lf_affine_value(b, ch[1], dom);
	f = t ? lf_affine_value(b, ch[2], dom) : NULL;
	if (!f) {
		isl_set_free(cond);
		isl_pw_aff_free(t);
		return NULL;
	}
	return isl_pw_aff_cond(isl_set_indicator_function(cond), t, f);
}

/* A conversion of the value of "from" to the type of c, written as a
 * cast or implied by the usual arithmetic conversions.
 */
static __isl_give isl_pw_aff *lf_affine_cast(__isl_keep struct lf_builder *b,
	CXCursor c, CXCursor from, __isl_keep isl_set *dom)
{
	struct lf_int_type to = lf_affine_type(clang_getCursorType(c));
	struct lf_int_type src = lf_affine_type(clang_getCursorType(from));
	isl_pw_aff *pa;

	if (!to.bits || !src.bits)
		return lf_affine_not_affine(b, c);
	pa = lf_affine_value(b, from, dom);
	if (!pa || lf_affine_widens(src, to))
		return pa;
	return lf_affine_convert(b, pa, dom, to);
}

/* A name that stands for a constant: a macro such as N or SIZE.  It
 * stays a name only if it can be printed as one: if its body is a
 * single token or in parentheses.
 */
static __isl_give isl_pw_aff *lf_affine_macro(__isl_keep struct lf_builder *b,
	CXCursor c, __isl_keep const char *name, __isl_take isl_val *v)
{
	char usr[256];
	long value;

	if (!isl_val_is_int(v) || isl_val_cmp_si(v, LONG_MIN) < 0 ||
	    isl_val_cmp_si(v, LONG_MAX) > 0 ||
	    !lf_src_macro_is_atom(b->src, lf_build_offset(b, c)))
		return lf_affine_val(b, v);
	value = isl_val_get_num_si(v);
	isl_val_free(v);
	snprintf(usr, sizeof(usr), "macro:%s", name);
	return lf_affine_param(b, name, usr, LF_PARAM_MACRO, 1, value,
			       lf_affine_type(clang_getCursorType(c)), c);
}

static __isl_give isl_pw_aff *lf_affine_children(
	__isl_keep struct lf_builder *b, CXCursor c, enum CXCursorKind kind,
	__isl_keep isl_set *dom)
{
	CXCursor *ch;
	int n;
	isl_pw_aff *pa;

	n = lf_cursor_children(c, &ch);
	if (kind == CXCursor_BinaryOperator && n == 2)
		pa = lf_affine_binary(b, c, ch, dom);
	else if (kind == CXCursor_UnaryOperator && n == 1)
		pa = lf_affine_unary(b, c, ch, dom);
	else if (kind == CXCursor_ConditionalOperator && n == 3)
		pa = lf_affine_select(b, ch, dom);
	else if ((kind == CXCursor_CStyleCastExpr && n >= 1) ||
		 (kind == CXCursor_UnexposedExpr && n == 1))
		pa = lf_affine_cast(b, c, ch[n - 1], dom);
	else if (kind == CXCursor_ParenExpr && n == 1)
		pa = lf_affine_value(b, ch[0], dom);
	else
		pa = lf_affine_not_affine(b, c);
	free(ch);
	return pa;
}

/* Operations whose operands may name constants ("N + 2"): they are
 * converted operand by operand, so the names survive in generated code.
 */
static int lf_affine_is_compound(enum CXCursorKind kind)
{
	return kind == CXCursor_BinaryOperator ||
	       kind == CXCursor_UnaryOperator ||
	       kind == CXCursor_ConditionalOperator ||
	       kind == CXCursor_ParenExpr ||
	       kind == CXCursor_UnexposedExpr ||
	       kind == CXCursor_CStyleCastExpr;
}

/* The value of the C expression c, in its type.
 */
static __isl_give isl_pw_aff *lf_affine_value(__isl_keep struct lf_builder *b,
	CXCursor c, __isl_keep isl_set *dom)
{
	enum CXCursorKind kind = clang_getCursorKind(c);
	char *name;
	isl_val *v;
	isl_pw_aff *pa;

	if (kind == CXCursor_DeclRefExpr)
		return lf_affine_decl_ref(b, c);
	if (kind == CXCursor_MemberRefExpr)
		return lf_affine_member(b, c);
	v = lf_affine_eval_val(b->ctx, c);
	if (!v)
		return lf_affine_children(b, c, kind, dom);
	if (lf_src_expansion_at(b->src, lf_build_offset(b, c)) &&
	    lf_build_single_ident(b, c, &name)) {
		pa = lf_affine_macro(b, c, name, v);
		free(name);
		return pa;
	}
	if (lf_affine_is_compound(kind)) {
		isl_val_free(v);
		return lf_affine_children(b, c, kind, dom);
	}
	return lf_affine_val(b, v);
}

/* The value of the integer expression c where "dom" says it is
 * evaluated (NULL: anywhere).
 */
__isl_give isl_pw_aff *lf_affine_expr(__isl_keep struct lf_builder *b,
	CXCursor c, __isl_keep isl_set *dom)
{
	return lf_affine_value(b, c, dom);
}

static __isl_give isl_set *lf_affine_not_cond(__isl_keep struct lf_builder *b,
	CXCursor c)
{
	lf_build_fail_text(b, c, LF_WHY_NOT_AFFINE_COND);
	return NULL;
}

/* A comparison: its operands have been converted to their common type
 * by the usual arithmetic conversions, which their values include.
 */
static __isl_give isl_set *lf_affine_compare(__isl_keep struct lf_builder *b,
	enum CXBinaryOperatorKind op, CXCursor *ch, __isl_keep isl_set *dom)
{
	isl_pw_aff *l, *r;

	l = lf_affine_value(b, ch[0], dom);
	r = l ? lf_affine_value(b, ch[1], dom) : NULL;
	if (!r) {
		isl_pw_aff_free(l);
		return NULL;
	}
	switch (op) {
	case CXBinaryOperator_LT: return isl_pw_aff_lt_set(l, r);
	case CXBinaryOperator_LE: return isl_pw_aff_le_set(l, r);
	case CXBinaryOperator_GT: return isl_pw_aff_gt_set(l, r);
	case CXBinaryOperator_GE: return isl_pw_aff_ge_set(l, r);
	case CXBinaryOperator_EQ: return isl_pw_aff_eq_set(l, r);
	default: return isl_pw_aff_ne_set(l, r);
	}
}

static __isl_give isl_set *lf_affine_logic(__isl_keep struct lf_builder *b,
	enum CXBinaryOperatorKind op, CXCursor *ch, __isl_keep isl_set *dom)
{
	isl_set *l, *r;

	l = lf_affine_cond(b, ch[0], dom);
	r = l ? lf_affine_cond(b, ch[1], dom) : NULL;
	if (!r) {
		isl_set_free(l);
		return NULL;
	}
	if (op == CXBinaryOperator_LAnd)
		return isl_set_intersect(l, r);
	return isl_set_union(l, r);
}

static __isl_give isl_set *lf_affine_cond_binary(
	__isl_keep struct lf_builder *b, CXCursor c, CXCursor *ch,
	__isl_keep isl_set *dom)
{
	enum CXBinaryOperatorKind op = clang_getCursorBinaryOperatorKind(c);

	switch (op) {
	case CXBinaryOperator_LT: case CXBinaryOperator_LE:
	case CXBinaryOperator_GT: case CXBinaryOperator_GE:
	case CXBinaryOperator_EQ: case CXBinaryOperator_NE:
		return lf_affine_compare(b, op, ch, dom);
	case CXBinaryOperator_LAnd: case CXBinaryOperator_LOr:
		return lf_affine_logic(b, op, ch, dom);
	default:
		return lf_affine_not_cond(b, c);
	}
}

/* The set of iterator and parameter values for which condition c holds,
 * where "dom" says it is evaluated (NULL: anywhere).
 */
__isl_give isl_set *lf_affine_cond(__isl_keep struct lf_builder *b, CXCursor c,
	__isl_keep isl_set *dom)
{
	enum CXCursorKind kind;
	CXCursor *ch;
	isl_set *set;
	long value;
	int n;

	c = lf_cursor_strip(c);
	kind = clang_getCursorKind(c);
	if (lf_affine_eval(c, &value))
		return value ? lf_affine_universe(b) :
			isl_set_empty(lf_build_space(b));
	n = lf_cursor_children(c, &ch);
	if (kind == CXCursor_BinaryOperator && n == 2) {
		set = lf_affine_cond_binary(b, c, ch, dom);
	} else if (kind == CXCursor_UnaryOperator && n == 1 &&
		   clang_getCursorUnaryOperatorKind(c) ==
		   CXUnaryOperator_LNot) {
		set = lf_affine_cond(b, ch[0], dom);
		set = set ? isl_set_complement(set) : NULL;
	} else {
		set = lf_affine_not_cond(b, c);
	}
	free(ch);
	return set;
}
