#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <isl/id.h>
#include <isl/local_space.h>
#include <isl/val.h>

#include "lf_build.h"

/* Conversion of C integer expressions and conditions to isl, over the
 * iterators visible at the current point (set dimensions, outermost
 * first) and the run's parameters.  An expression that is not affine
 * records a reason in the builder and yields NULL.
 */

int lf_affine_int_type(CXType type)
{
	switch (clang_getCanonicalType(type).kind) {
	case CXType_Char_U: case CXType_UChar: case CXType_UShort:
	case CXType_UInt: case CXType_ULong: case CXType_ULongLong:
	case CXType_Char_S: case CXType_SChar: case CXType_Short:
	case CXType_Int: case CXType_Long: case CXType_LongLong:
		return 1;
	default:
		return 0;
	}
}

static int lf_affine_unsigned_type(CXType type)
{
	switch (clang_getCanonicalType(type).kind) {
	case CXType_Char_U: case CXType_UChar: case CXType_UShort:
	case CXType_UInt: case CXType_ULong: case CXType_ULongLong:
		return 1;
	default:
		return 0;
	}
}

__isl_give isl_space *lf_build_space(struct lf_builder *b)
{
	return isl_space_set_alloc(b->ctx, 0, b->n_iter);
}

static __isl_give isl_set *lf_affine_universe(struct lf_builder *b)
{
	return isl_set_universe(lf_build_space(b));
}

static __isl_give isl_pw_aff *lf_affine_cst(struct lf_builder *b, long v)
{
	return isl_pw_aff_val_on_domain(lf_affine_universe(b),
					isl_val_int_from_si(b->ctx, v));
}

/* Find or add the parameter "name".  A parameter with a value is fixed
 * to it in the run's context.  Returns its index, -1 on error and -2
 * when the name is taken by a different variable or value.
 */
static int lf_affine_param_index(struct lf_builder *b, const char *name,
	const char *usr, enum lf_param_origin origin, int has_value, long value,
	int is_unsigned)
{
	struct lf_run *run = b->run;
	struct lf_param *param;
	isl_id *id;
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
	if (run->n_param == b->cap_param) {
		int cap = b->cap_param ? 2 * b->cap_param : 8;
		struct lf_param *params;
		char **usrs;

		params = realloc(run->params, cap * sizeof(*params));
		if (!params)
			return -1;
		run->params = params;
		usrs = realloc(b->param_usr, cap * sizeof(char *));
		if (!usrs)
			return -1;
		b->param_usr = usrs;
		b->cap_param = cap;
	}
	param = &run->params[run->n_param];
	param->name = strdup(name);
	param->origin = origin;
	param->has_value = has_value;
	param->value = value;
	b->param_usr[run->n_param] = strdup(usr);
	run->n_param++;
	if (!param->name || !b->param_usr[run->n_param - 1])
		return -1;
	id = isl_id_alloc(b->ctx, name, NULL);
	fix = isl_set_universe(isl_space_params_alloc(b->ctx, 0));
	if (has_value || is_unsigned) {
		isl_pw_aff *p, *v;

		p = isl_pw_aff_param_on_domain_id(isl_set_copy(fix),
						  isl_id_copy(id));
		v = isl_pw_aff_val_on_domain(isl_set_copy(fix),
			isl_val_int_from_si(b->ctx, has_value ? value : 0));
		isl_set_free(fix);
		fix = has_value ? isl_pw_aff_eq_set(p, v) :
				  isl_pw_aff_ge_set(p, v);
	}
	isl_id_free(id);
	run->context = isl_set_intersect(run->context, fix);
	return run->context ? run->n_param - 1 : -1;
}

static __isl_give isl_pw_aff *lf_affine_param(struct lf_builder *b,
	const char *name, const char *usr, enum lf_param_origin origin,
	int has_value, long value, int is_unsigned, CXCursor c)
{
	int i;

	i = lf_affine_param_index(b, name, usr, origin, has_value, value,
				  is_unsigned);
	if (i == -2 && has_value)
		return lf_affine_cst(b, value);
	if (i == -2) {
		lf_build_fail_at(b, c, "two different variables named '%s' "
				 "are used in loop bounds or subscripts", name);
		return NULL;
	}
	if (i < 0)
		return NULL;
	return isl_pw_aff_param_on_domain_id(lf_affine_universe(b),
		isl_id_alloc(b->ctx, b->run->params[i].name, NULL));
}

/* A compile-time integer constant, if clang can evaluate c to one.
 */
int lf_affine_eval(CXCursor c, long *value)
{
	CXEvalResult res = clang_Cursor_Evaluate(c);
	int ok = 0;

	if (!res)
		return 0;
	if (clang_EvalResult_getKind(res) == CXEval_Int) {
		*value = (long) clang_EvalResult_getAsLongLong(res);
		ok = 1;
	}
	clang_EvalResult_dispose(res);
	return ok;
}

static int lf_affine_is_global(CXCursor decl)
{
	CXCursor parent = clang_getCursorSemanticParent(decl);

	return clang_getCursorKind(parent) == CXCursor_TranslationUnit;
}

/* An unsigned parameter is named "(long)n" so that the bounds the
 * generated code computes from it are signed, as the model's integers
 * are: "n - 1" must not wrap around when n is 0.
 */
static __isl_give isl_pw_aff *lf_affine_unsigned_param(struct lf_builder *b,
	const char *name, const char *usr, enum lf_param_origin origin,
	CXType type, CXCursor ref)
{
	char buf[300];
	int is_unsigned = lf_affine_unsigned_type(type);

	snprintf(buf, sizeof(buf), is_unsigned ? "(long)%s" : "%s", name);
	return lf_affine_param(b, buf, usr, origin, 0, 0, is_unsigned, ref);
}

/* A reference to a variable that is not an iterator: a parameter if
 * the run cannot change it.
 */
static __isl_give isl_pw_aff *lf_affine_var(struct lf_builder *b,
	CXCursor ref, CXCursor decl, const char *usr)
{
	CXType type = clang_getCursorType(decl);
	char *name;
	isl_pw_aff *pa = NULL;
	long value;
	enum lf_param_origin origin;

	name = lf_cursor_name(decl);
	if (!name)
		return NULL;
	if (!lf_affine_int_type(type)) {
		lf_build_fail_at(b, ref, "%s: not an integer", name);
	} else if (clang_isVolatileQualifiedType(type)) {
		lf_build_fail_at(b, ref, "%s: volatile variable", name);
	} else if (lf_build_is_internal(b, usr)) {
		lf_build_fail_at(b, ref, "%s: bound or subscript depends on a "
				 "variable computed inside the loops", name);
	} else if (lf_build_is_outside_iter(b, usr)) {
		lf_build_fail_at(b, ref, "%s: iterator used outside its loop",
				 name);
	} else if (clang_isConstQualifiedType(type) &&
		   lf_affine_eval(ref, &value)) {
		pa = lf_affine_param(b, name, usr, LF_PARAM_CONST, 1, value,
				     0, ref);
	} else if (lf_build_is_written_in_run(b, usr)) {
		lf_build_fail_at(b, ref, "%s: bound or subscript depends on a "
				 "variable the loops modify", name);
	} else if (!lf_affine_is_global(decl) &&
		   lf_build_is_addr_taken(b, usr)) {
		lf_build_fail_at(b, ref, "%s: its address is taken", name);
	} else {
		origin = clang_getCursorKind(decl) == CXCursor_ParmDecl ?
			LF_PARAM_FUNCTION : LF_PARAM_LOCAL;
		pa = lf_affine_unsigned_param(b, name, usr, origin, type, ref);
	}
	free(name);
	return pa;
}

static __isl_give isl_pw_aff *lf_affine_decl_ref(struct lf_builder *b,
	CXCursor c)
{
	CXCursor decl = clang_getCursorReferenced(c);
	enum CXCursorKind kind = clang_getCursorKind(decl);
	isl_pw_aff *pa = NULL;
	char *usr, *name;
	int level;

	if (kind == CXCursor_EnumConstantDecl) {
		usr = lf_cursor_usr(decl);
		name = lf_cursor_name(decl);
		if (usr && name)
			pa = lf_affine_param(b, name, usr, LF_PARAM_ENUM, 1,
				clang_getEnumConstantDeclValue(decl), 0, c);
		free(usr);
		free(name);
		return pa;
	}
	if (kind != CXCursor_VarDecl && kind != CXCursor_ParmDecl) {
		lf_build_fail_at(b, c, "%s: not an integer variable",
				 clang_getCString(clang_getCursorSpelling(c)));
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

static __isl_give isl_pw_aff *lf_affine_not_affine(struct lf_builder *b,
	CXCursor c)
{
	char *text = lf_cursor_text(b, c);

	lf_build_fail_at(b, c, "%s: not an affine expression",
			 text ? text : "?");
	free(text);
	return NULL;
}

/* Multiplication is affine when one side is a constant.
 */
static __isl_give isl_pw_aff *lf_affine_mul(struct lf_builder *b, CXCursor c,
	__isl_take isl_pw_aff *l, __isl_take isl_pw_aff *r)
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

/* A factor of a product: a compile-time constant (even one named by a
 * macro) is taken by value, so that "f * HOP" stays affine.
 */
static __isl_give isl_pw_aff *lf_affine_factor(struct lf_builder *b,
	CXCursor c)
{
	long v;

	if (lf_affine_eval(lf_cursor_strip(c), &v))
		return lf_affine_cst(b, v);
	return lf_affine_expr(b, c);
}

static __isl_give isl_pw_aff *lf_affine_mul_expr(struct lf_builder *b,
	CXCursor c, CXCursor *ch)
{
	isl_pw_aff *l, *r;

	l = lf_affine_factor(b, ch[0]);
	r = l ? lf_affine_factor(b, ch[1]) : NULL;
	if (!r) {
		isl_pw_aff_free(l);
		return NULL;
	}
	return lf_affine_mul(b, c, l, r);
}

/* Division and remainder (C semantics: truncation) by a positive
 * constant.
 */
static __isl_give isl_pw_aff *lf_affine_div(struct lf_builder *b, CXCursor c,
	__isl_take isl_pw_aff *l, CXCursor rc, int rem)
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

static __isl_give isl_pw_aff *lf_affine_binary(struct lf_builder *b,
	CXCursor c, CXCursor *ch)
{
	enum CXBinaryOperatorKind op = clang_getCursorBinaryOperatorKind(c);
	isl_pw_aff *l, *r;

	if (op != CXBinaryOperator_Add && op != CXBinaryOperator_Sub &&
	    op != CXBinaryOperator_Mul && op != CXBinaryOperator_Div &&
	    op != CXBinaryOperator_Rem)
		return lf_affine_not_affine(b, c);
	if (op == CXBinaryOperator_Mul)
		return lf_affine_mul_expr(b, c, ch);
	l = lf_affine_expr(b, ch[0]);
	if (!l)
		return NULL;
	if (op == CXBinaryOperator_Div || op == CXBinaryOperator_Rem)
		return lf_affine_div(b, c, l, ch[1],
				     op == CXBinaryOperator_Rem);
	r = lf_affine_expr(b, ch[1]);
	if (!r) {
		isl_pw_aff_free(l);
		return NULL;
	}
	if (op == CXBinaryOperator_Add)
		return isl_pw_aff_add(l, r);
	return isl_pw_aff_sub(l, r);
}

static __isl_give isl_pw_aff *lf_affine_unary(struct lf_builder *b,
	CXCursor c, CXCursor *ch)
{
	enum CXUnaryOperatorKind op = clang_getCursorUnaryOperatorKind(c);

	if (op == CXUnaryOperator_Plus)
		return lf_affine_expr(b, ch[0]);
	if (op == CXUnaryOperator_Minus)
		return isl_pw_aff_neg(lf_affine_expr(b, ch[0]));
	return lf_affine_not_affine(b, c);
}

/* cond ? a : b, with an affine condition: covers min and max.
 */
static __isl_give isl_pw_aff *lf_affine_select(struct lf_builder *b,
	CXCursor *ch)
{
	isl_set *cond;
	isl_pw_aff *t, *f;

	cond = lf_affine_cond(b, ch[0]);
	if (!cond)
		return NULL;
	t = lf_affine_expr(b, ch[1]);
	f = t ? lf_affine_expr(b, ch[2]) : NULL;
	if (!f) {
		isl_set_free(cond);
		isl_pw_aff_free(t);
		return NULL;
	}
	return isl_pw_aff_cond(isl_set_indicator_function(cond), t, f);
}

/* A name that stands for a constant: a macro such as N or SIZE.
 */
static __isl_give isl_pw_aff *lf_affine_macro(struct lf_builder *b,
	CXCursor c, const char *name, long value)
{
	char usr[256];

	snprintf(usr, sizeof(usr), "macro:%s", name);
	return lf_affine_param(b, name, usr, LF_PARAM_MACRO, 1, value, 0, c);
}

static __isl_give isl_pw_aff *lf_affine_children(struct lf_builder *b,
	CXCursor c, enum CXCursorKind kind)
{
	CXCursor *ch;
	int n;
	isl_pw_aff *pa;

	n = lf_cursor_children(c, &ch);
	if (kind == CXCursor_BinaryOperator && n == 2)
		pa = lf_affine_binary(b, c, ch);
	else if (kind == CXCursor_UnaryOperator && n == 1)
		pa = lf_affine_unary(b, c, ch);
	else if (kind == CXCursor_ConditionalOperator && n == 3)
		pa = lf_affine_select(b, ch);
	else if (kind == CXCursor_CStyleCastExpr && n >= 1 &&
		 lf_affine_int_type(clang_getCursorType(c)))
		pa = lf_affine_expr(b, ch[n - 1]);
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
	       kind == CXCursor_ConditionalOperator;
}

__isl_give isl_pw_aff *lf_affine_expr(struct lf_builder *b, CXCursor c)
{
	enum CXCursorKind kind;
	char *name;
	long value;
	isl_pw_aff *pa;

	c = lf_cursor_strip(c);
	kind = clang_getCursorKind(c);
	if (kind == CXCursor_DeclRefExpr)
		return lf_affine_decl_ref(b, c);
	if (!lf_affine_eval(c, &value))
		return lf_affine_children(b, c, kind);
	if (lf_cursor_single_ident(b, c, &name)) {
		pa = lf_affine_macro(b, c, name, value);
		free(name);
		return pa;
	}
	if (lf_affine_is_compound(kind))
		return lf_affine_children(b, c, kind);
	return lf_affine_cst(b, value);
}

static __isl_give isl_set *lf_affine_not_cond(struct lf_builder *b,
	CXCursor c)
{
	char *text = lf_cursor_text(b, c);

	lf_build_fail_at(b, c, "%s: not an affine condition",
			 text ? text : "?");
	free(text);
	return NULL;
}

static __isl_give isl_set *lf_affine_compare(struct lf_builder *b,
	CXCursor c, enum CXBinaryOperatorKind op, CXCursor *ch)
{
	isl_pw_aff *l, *r;

	l = lf_affine_expr(b, ch[0]);
	r = l ? lf_affine_expr(b, ch[1]) : NULL;
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

static __isl_give isl_set *lf_affine_logic(struct lf_builder *b,
	enum CXBinaryOperatorKind op, CXCursor *ch)
{
	isl_set *l, *r;

	l = lf_affine_cond(b, ch[0]);
	r = l ? lf_affine_cond(b, ch[1]) : NULL;
	if (!r) {
		isl_set_free(l);
		return NULL;
	}
	if (op == CXBinaryOperator_LAnd)
		return isl_set_intersect(l, r);
	return isl_set_union(l, r);
}

static __isl_give isl_set *lf_affine_cond_binary(struct lf_builder *b,
	CXCursor c, CXCursor *ch)
{
	enum CXBinaryOperatorKind op = clang_getCursorBinaryOperatorKind(c);

	switch (op) {
	case CXBinaryOperator_LT: case CXBinaryOperator_LE:
	case CXBinaryOperator_GT: case CXBinaryOperator_GE:
	case CXBinaryOperator_EQ: case CXBinaryOperator_NE:
		return lf_affine_compare(b, c, op, ch);
	case CXBinaryOperator_LAnd: case CXBinaryOperator_LOr:
		return lf_affine_logic(b, op, ch);
	default:
		return lf_affine_not_cond(b, c);
	}
}

/* The set of iterator and parameter values for which condition c holds.
 */
__isl_give isl_set *lf_affine_cond(struct lf_builder *b, CXCursor c)
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
		set = lf_affine_cond_binary(b, c, ch);
	} else if (kind == CXCursor_UnaryOperator && n == 1 &&
		   clang_getCursorUnaryOperatorKind(c) ==
		   CXUnaryOperator_LNot) {
		set = lf_affine_cond(b, ch[0]);
		set = set ? isl_set_complement(set) : NULL;
	} else {
		set = lf_affine_not_cond(b, c);
	}
	free(ch);
	return set;
}
