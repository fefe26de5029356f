/* SPDX-License-Identifier: MIT */
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <isl/aff.h>
#include <isl/id.h>
#include <isl/map.h>

#include "lf_build.h"
#include "lf_grow.h"

/* Collection of the accesses of a statement: array references with
 * affine subscripts and scalar variables, read or written.  Anything
 * that cannot be described exactly makes the nest opaque.
 */

/* The number of array or pointer levels of "type"; *elem is set to the
 * type of its elements unless elem is NULL.
 */
static int lf_access_dims(CXType type, CXType *elem)
{
	int n = 0;

	for (;;) {
		type = clang_getCanonicalType(type);
		switch (type.kind) {
		case CXType_ConstantArray:
		case CXType_IncompleteArray:
		case CXType_VariableArray:
		case CXType_DependentSizedArray:
			type = clang_getArrayElementType(type);
			break;
		case CXType_Pointer:
			type = clang_getPointeeType(type);
			break;
		default:
			if (elem)
				*elem = type;
			return n;
		}
		n++;
	}
}

/* Are the elements of "type" one block of memory, row after row?  Only
 * the outermost level may be a pointer: below it, a pointer is a row
 * loaded from memory (float **p, float *rows[4]), and rows may overlap
 * each other and any other array whatever restrict says of p.
 */
static int lf_access_is_contiguous(CXType type)
{
	int level;

	for (level = 0;; ++level) {
		type = clang_getCanonicalType(type);
		switch (type.kind) {
		case CXType_ConstantArray:
		case CXType_IncompleteArray:
		case CXType_VariableArray:
		case CXType_DependentSizedArray:
			type = clang_getArrayElementType(type);
			break;
		case CXType_Pointer:
			if (level > 0)
				return 0;
			type = clang_getPointeeType(type);
			break;
		default:
			return 1;
		}
	}
}

/* Where the variable lives.  A static local keeps its storage between
 * calls, so a pointer to it may come back as an argument: it counts as
 * a global.
 */
static enum lf_array_origin lf_access_origin(CXCursor decl, int n_dim)
{
	if (clang_getCursorKind(decl) == CXCursor_ParmDecl)
		return n_dim ? LF_ARRAY_PARAM_POINTER : LF_ARRAY_PARAM_VALUE;
	if (clang_getCursorKind(clang_getCursorSemanticParent(decl)) ==
	    CXCursor_TranslationUnit ||
	    clang_Cursor_getStorageClass(decl) == CX_SC_Static ||
	    clang_Cursor_getStorageClass(decl) == CX_SC_Extern)
		return LF_ARRAY_GLOBAL;
	return LF_ARRAY_LOCAL;
}

static int lf_access_grow_arrays(__isl_keep struct lf_builder *b)
{
	struct lf_run *run = b->run;

	if (LF_GROW(run->arrays, run->n_array) < 0 ||
	    LF_GROW(b->array_usr, run->n_array) < 0)
		return -1;
	return 0;
}

/* A name for the array that no other array of the run has.
 */
static __isl_give char *lf_access_array_name(__isl_keep struct lf_builder *b,
	__isl_keep const char *name)
{
	char buf[300];
	int i, k;

	snprintf(buf, sizeof(buf), "%s", name);
	for (k = 2;; ++k) {
		for (i = 0; i < b->run->n_array; ++i)
			if (b->run->arrays[i].name &&
			    !strcmp(b->run->arrays[i].name, buf))
				break;
		if (i == b->run->n_array)
			return strdup(buf);
		snprintf(buf, sizeof(buf), "%s_%d", name, k);
	}
}

/* Is the parameter declared restrict?  C99 array parameters carry the
 * qualifier inside their brackets, "float a[restrict n][m]", which the
 * type that libclang reports does not always show; the declaration's
 * own tokens do.
 */
static int lf_access_is_restrict(__isl_keep struct lf_builder *b, CXCursor decl)
{
	CXType type = clang_getCursorType(decl);
	CXToken *tokens;
	unsigned i, n;
	int found = 0;

	if (clang_isRestrictQualifiedType(type))
		return 1;
	if (clang_getCursorKind(decl) != CXCursor_ParmDecl)
		return 0;
	clang_tokenize(b->tu, clang_getCursorExtent(decl), &tokens, &n);
	for (i = 0; i < n && !found; ++i) {
		CXString s = clang_getTokenSpelling(b->tu, tokens[i]);
		const char *t = clang_getCString(s);

		found = t && (!strcmp(t, "restrict") ||
			      !strcmp(t, "__restrict") ||
			      !strcmp(t, "__restrict__"));
		clang_disposeString(s);
	}
	clang_disposeTokens(b->tu, tokens, n);
	return found;
}

/* What contraction needs of a local array: the text of its dimensions,
 * if its declaration has nothing else after its name (no initializer,
 * no attribute) and is spelled in the file, and how often the function
 * names it.  A static array keeps its storage, so it has no dims.
 */
static void lf_access_local_decl(__isl_keep struct lf_builder *b, CXCursor decl,
	__isl_keep const char *usr, __isl_keep const char *spelling,
	__isl_keep struct lf_array *a)
{
	unsigned begin, end, name;
	CXFile file;
	int i;

	for (i = 0; i < b->n_ref; ++i)
		if (!strcmp(b->refs[i].usr, usr) &&
		    !b->refs[i].is_write && !b->refs[i].is_addr)
			a->n_ref++;
	if (clang_Cursor_getStorageClass(decl) == CX_SC_Static ||
	    lf_build_range(b, decl, &begin, &end) < 0 ||
	    lf_src_in_expansion(b->src, begin))
		return;
	clang_getSpellingLocation(clang_getCursorLocation(decl), &file, NULL,
				  NULL, &name);
	name += strlen(spelling);
	if (!file || name >= end || !lf_src_is_brackets(b->src, name, end))
		return;
	a->dims.begin = name;
	a->dims.end = end;
}

/* The number of elements of dimension "dim" of the array or pointer type
 * "type", or -1 if the type does not say (a pointer, a variable length).
 */
static long long lf_access_dim_size(CXType type, int dim)
{
	int k;

	for (k = 0; k < dim; ++k) {
		type = clang_getCanonicalType(type);
		type = type.kind == CXType_Pointer ?
			clang_getPointeeType(type) :
			clang_getArrayElementType(type);
	}
	type = clang_getCanonicalType(type);
	if (type.kind != CXType_ConstantArray)
		return -1;
	return clang_getArraySize(type);
}

/* Fill in what the type of an array says: its dimensions, their sizes
 * and the size of its elements.
 */
static void lf_access_array_type(__isl_keep struct lf_array *a, CXType type)
{
	CXType elem;
	long long size;
	int i;

	a->n_dim = lf_access_dims(type, &elem);
	for (i = 0; i < a->n_dim && i < LF_MAX_DEPTH; ++i)
		a->size[i] = lf_access_dim_size(type, i);
	size = clang_Type_getSizeOf(elem);
	a->elem_size = size > 0 && size <= INT_MAX ? (int) size : 4;
}

/* The index of the array of the run keyed "usr", or -1.
 */
static int lf_access_find_array(__isl_keep struct lf_builder *b,
	__isl_keep const char *usr)
{
	int i;

	for (i = 0; i < b->run->n_array; ++i)
		if (!strcmp(b->array_usr[i], usr))
			return i;
	return -1;
}

/* Append an array named after "var" (which this takes), keyed "usr",
 * of type "type", declared at "decl"; return its index.
 */
static int lf_access_append_array(__isl_keep struct lf_builder *b,
	CXCursor decl, __isl_keep const char *usr, __isl_take char *var,
	CXType type)
{
	struct lf_run *run = b->run;
	struct lf_array *a;

	if (lf_access_grow_arrays(b) < 0) {
		free(var);
		return -1;
	}
	a = &run->arrays[run->n_array];
	memset(a, 0, sizeof(*a));
	a->var = var;
	lf_access_array_type(a, type);
	a->decl = lf_file_loc(b->file, lf_build_offset(b, decl));
	b->array_usr[run->n_array] = strdup(usr);
	run->n_array++;
	if (!a->var || !b->array_usr[run->n_array - 1])
		return -1;
	return run->n_array - 1;
}

/* The index of the array of a struct member or a local pointer, keyed
 * "usr", spelled "var", of type "type", added if new (lf_array's
 * any_pointer).  Its name is "name" made unique.
 */
static int lf_access_pointer_array(__isl_keep struct lf_builder *b, CXCursor decl,
	__isl_keep const char *usr, __isl_keep const char *name,
	__isl_keep const char *var, CXType type)
{
	struct lf_array *a;
	int i = lf_access_find_array(b, usr);

	if (i >= 0)
		return i;
	i = lf_access_append_array(b, decl, usr, strdup(var), type);
	if (i < 0)
		return -1;
	a = &b->run->arrays[i];
	a->name = lf_access_array_name(b, name);
	a->origin = LF_ARRAY_PARAM_POINTER;
	a->any_pointer = 1;
	return a->name ? i : -1;
}

/* Is "decl" a pointer variable local to the function?
 */
static int lf_access_is_local_pointer(CXCursor decl)
{
	return clang_getCursorKind(decl) == CXCursor_VarDecl &&
	       lf_base_is_local(decl) &&
	       clang_getCanonicalType(clang_getCursorType(decl)).kind ==
	       CXType_Pointer;
}

/* Can a pointer reach the local "decl" of "a"?  An array decays to one.
 */
static int lf_access_escaped(__isl_keep struct lf_builder *b, CXCursor decl,
	__isl_keep const char *usr, __isl_keep struct lf_array *a)
{
	if (a->origin != LF_ARRAY_LOCAL && a->origin != LF_ARRAY_PARAM_VALUE)
		return 0;
	return lf_cursor_is_array_type(clang_getCursorType(decl)) ||
	       lf_build_is_addr_taken(b, usr);
}

/* The index of the model array for variable decl, added if new.  A
 * local pointer (the base of a row pointer) may point anywhere.
 */
static int lf_access_array(__isl_keep struct lf_builder *b, CXCursor decl,
	__isl_keep const char *usr)
{
	struct lf_array *a;
	char *name;
	int i = lf_access_find_array(b, usr);

	if (i >= 0)
		return i;
	name = lf_cursor_name(decl);
	i = lf_access_append_array(b, decl, usr, name, clang_getCursorType(decl));
	if (i < 0)
		return -1;
	a = &b->run->arrays[i];
	a->name = lf_access_array_name(b, a->var);
	a->origin = lf_access_origin(decl, a->n_dim);
	a->is_restrict = lf_access_is_restrict(b, decl);
	a->aliased = a->origin == LF_ARRAY_GLOBAL && b->renamed;
	a->escaped = lf_access_escaped(b, decl, usr, a);
	if (lf_access_is_local_pointer(decl)) {
		a->origin = LF_ARRAY_PARAM_POINTER;
		a->any_pointer = 1;
	}
	if (a->origin == LF_ARRAY_LOCAL)
		lf_access_local_decl(b, decl, usr, a->var, a);
	return a->name ? i : -1;
}

static int lf_access_grow(__isl_keep struct lf_builder *b)
{
	struct lf_run *run = b->run;
	struct lf_stmt *stmt = &run->stmts[b->stmt];

	if (LF_GROW(run->accesses, run->n_access) < 0 ||
	    LF_GROW(stmt->accesses, stmt->n_access) < 0)
		return -1;
	return 0;
}

/* { S[iterators] -> array[subscripts] } restricted to the current
 * domain, with the iterators of loops inside a compound statement
 * projected out.
 */
static __isl_give isl_map *lf_access_rel(__isl_keep struct lf_builder *b,
	__isl_take isl_multi_pw_aff *subs, __isl_keep const char *array)
{
	isl_map *rel;
	char name[32];

	rel = isl_map_from_multi_pw_aff(subs);
	rel = isl_map_intersect_domain(rel, isl_set_copy(b->cur_dom));
	rel = isl_map_project_out(rel, isl_dim_in, b->stmt_depth,
				  b->n_iter - b->stmt_depth);
	snprintf(name, sizeof(name), "S%d", b->stmt);
	rel = isl_map_set_tuple_name(rel, isl_dim_in, name);
	return isl_map_set_tuple_name(rel, isl_dim_out, array);
}

static int lf_access_push(__isl_keep struct lf_builder *b, CXCursor c,
	int array, enum lf_access_kind kind, __isl_take isl_multi_pw_aff *subs)
{
	struct lf_run *run = b->run;
	struct lf_stmt *stmt = &run->stmts[b->stmt];
	struct lf_access *acc;

	if (!subs || lf_access_grow(b) < 0) {
		isl_multi_pw_aff_free(subs);
		return -1;
	}
	acc = &run->accesses[run->n_access];
	acc->id = run->n_access;
	acc->stmt = b->stmt;
	acc->array = array;
	acc->kind = kind;
	acc->text = lf_build_text(b, c);
	acc->loc = lf_file_loc(b->file, lf_build_offset(b, c));
	acc->spelled = acc->text && !lf_src_in_expansion(b->src,
		acc->loc.offset + strlen(acc->text) - 1) &&
		!lf_src_in_expansion(b->src, acc->loc.offset);
	acc->rel = lf_access_rel(b, subs, run->arrays[array].name);
	stmt->accesses[stmt->n_access++] = acc->id;
	run->n_access++;
	return acc->rel && acc->text ? 0 : -1;
}

/* Record a read and/or a write, as "mode" says.  A write inside a
 * compound statement or under a condition is a may-write.
 */
static int lf_access_add(__isl_keep struct lf_builder *b, CXCursor c, int array,
	int mode, __isl_take isl_multi_pw_aff *subs)
{
	enum lf_access_kind wkind;

	wkind = b->may ? LF_ACCESS_MAY_WRITE : LF_ACCESS_MUST_WRITE;
	if ((mode & LF_MODE_READ) && (mode & LF_MODE_WRITE)) {
		if (lf_access_push(b, c, array, LF_ACCESS_READ,
				   isl_multi_pw_aff_copy(subs)) < 0) {
			isl_multi_pw_aff_free(subs);
			return -1;
		}
		return lf_access_push(b, c, array, wkind, subs);
	}
	if (mode & LF_MODE_WRITE)
		return lf_access_push(b, c, array, wkind, subs);
	return lf_access_push(b, c, array, LF_ACCESS_READ, subs);
}

static __isl_give isl_multi_pw_aff *lf_access_zero_subs(
	__isl_keep struct lf_builder *b)
{
	isl_space *space;

	space = isl_space_from_domain(lf_build_space(b));
	space = isl_space_add_dims(space, isl_dim_out, 0);
	return isl_multi_pw_aff_zero(space);
}

/* Why a variable cannot be accessed as a plain scalar or array.
 */
static int lf_access_check_var(__isl_keep struct lf_builder *b, CXCursor ref,
	CXCursor decl, __isl_keep const char *usr, __isl_keep const char *name)
{
	CXType type = clang_getCursorType(decl);
	enum CXTypeKind kind = clang_getCanonicalType(type).kind;

	if (clang_isVolatileQualifiedType(type))
		return lf_build_fail_at(b, ref, LF_WHY_VOLATILE_VAR, name);
	if (kind == CXType_Record || kind == CXType_Elaborated)
		return lf_build_fail_at(b, ref, LF_WHY_STRUCT_VAR, name);
	if (kind == CXType_Pointer &&
	    clang_getCursorKind(decl) != CXCursor_ParmDecl)
		return lf_build_fail_at(b, ref, LF_WHY_POINTER_VAR, name);
	if (kind == CXType_Pointer && lf_build_is_written(b, usr))
		return lf_build_fail_at(b, ref, LF_WHY_POINTER_PARAM_SET,
					name);
	return 0;
}

/* A variable used without subscripts: a scalar access, or a read of a
 * value the run cannot change (an iterator).
 */
static int lf_access_scalar(__isl_keep struct lf_builder *b, CXCursor ref,
	int mode)
{
	CXCursor decl = clang_getCursorReferenced(ref);
	enum CXCursorKind dkind = clang_getCursorKind(decl);
	char *usr, *name;
	int r = 0, array;

	if (dkind != CXCursor_VarDecl && dkind != CXCursor_ParmDecl)
		return 0;
	usr = lf_cursor_usr(decl);
	name = lf_cursor_name(decl);
	if (!usr || !name) {
		r = -1;
	} else if (lf_build_is_internal(b, usr)) {
		r = 0;
	} else if (lf_build_iter_level(b, usr) >= 0) {
		if (mode & LF_MODE_WRITE)
			r = lf_build_fail_at(b, ref, LF_WHY_ITER_ASSIGNED,
					     name);
	} else if (lf_build_is_outside_iter(b, usr)) {
		r = lf_build_fail_at(b, ref, LF_WHY_ITER_OUTSIDE, name);
	} else if (lf_access_dims(clang_getCursorType(decl), NULL) > 0) {
		r = lf_build_fail_at(b, ref, LF_WHY_NO_SUBSCRIPT, name);
	} else if (lf_access_check_var(b, ref, decl, usr, name) == 0) {
		array = lf_access_array(b, decl, usr);
		r = array < 0 ? -1 : lf_access_add(b, ref, array, mode,
						   lf_access_zero_subs(b));
	} else {
		r = -1;
	}
	free(usr);
	free(name);
	return r;
}

/* A subscript of access c is not affine: that, rather than the part of
 * it that is not, is the reason.
 */
static int lf_access_subscript_fail(__isl_keep struct lf_builder *b, CXCursor c)
{
	lf_reason_free(b->reason);
	b->reason = NULL;
	return lf_build_fail_text(b, c, LF_WHY_SUBSCRIPT);
}

/* a[e0][e1]...: the base variable and the subscripts, outermost first.
 */
static int lf_access_flatten(CXCursor c, CXCursor *base, CXCursor *subs,
	int *n)
{
	CXCursor *ch;
	int k;

	*n = 0;
	while (clang_getCursorKind(c) == CXCursor_ArraySubscriptExpr) {
		k = lf_cursor_children(c, &ch);
		if (k != 2 || *n >= LF_MAX_DEPTH) {
			free(ch);
			return -1;
		}
		subs[(*n)++] = ch[1];
		c = lf_cursor_strip(ch[0]);
		free(ch);
	}
	for (k = 0; k < *n / 2; ++k) {
		CXCursor t = subs[k];

		subs[k] = subs[*n - 1 - k];
		subs[*n - 1 - k] = t;
	}
	*base = c;
	return 0;
}

static __isl_give isl_multi_pw_aff *lf_access_subs(
	__isl_keep struct lf_builder *b, CXCursor c, CXCursor *subs, int n)
{
	isl_pw_multi_aff *pma = NULL;
	int k;

	if (n == 0)
		return lf_access_zero_subs(b);
	for (k = 0; k < n; ++k) {
		isl_pw_aff *pa = lf_affine_expr(b, subs[k], b->cur_dom);
		isl_pw_multi_aff *one;

		if (!pa) {
			isl_pw_multi_aff_free(pma);
			if (b->reason)
				lf_access_subscript_fail(b, c);
			return NULL;
		}
		one = isl_pw_multi_aff_from_pw_aff(pa);
		pma = pma ? isl_pw_multi_aff_flat_range_product(pma, one) : one;
	}
	return isl_multi_pw_aff_from_pw_multi_aff(pma);
}

/* Access "c" to the array keyed "usr", "array" (or if -1, variable
 * "decl"), whose single subscript "sub" is not affine: a flat
 * polynomial, if lf_delin_subscript reads it as one.  Its relation is
 * a stand-in until lf_delin_run gives it one in the array's shape.
 */
static int lf_access_flat(__isl_keep struct lf_builder *b, CXCursor c,
	int array, CXCursor decl, __isl_keep const char *usr, int mode,
	CXCursor sub)
{
	struct lf_delin_poly *poly = lf_delin_subscript(b, c, sub, usr);
	isl_space *space = isl_space_from_domain(lf_build_space(b));
	int first = b->run->n_access, i, r;

	if (poly && array < 0)
		array = lf_access_array(b, decl, usr);
	space = isl_space_add_dims(space, isl_dim_out, 1);
	if (!poly || array < 0)
		isl_space_free(space);
	r = !poly || array < 0 ? -1 : lf_access_add(b, c, array, mode,
					isl_multi_pw_aff_zero(space));
	for (i = first; r == 0 && i < b->run->n_access; ++i)
		r = lf_delin_note(b, i, poly);
	lf_delin_poly_free(poly);
	return r;
}

/* The subscripts of dimension "dim" of "type" that would be out of
 * bounds: below 0 or from the size of a dimension the type gives, and
 * beyond what an object (of at most PTRDIFF_MAX bytes) can hold
 * elsewhere.
 */
static __isl_give isl_set *lf_access_out_of_bounds(
	__isl_keep struct lf_builder *b, CXType type, int dim,
	__isl_take isl_pw_aff *sub, long long elem)
{
	long long size = lf_access_dim_size(type, dim);
	isl_set *dom = isl_pw_aff_domain(isl_pw_aff_copy(sub));
	isl_set *below, *above;
	isl_val *lo, *hi;

	if (size >= 0) {
		lo = isl_val_zero(b->ctx);
		hi = isl_val_int_from_si(b->ctx, size - 1);
	} else {
		hi = isl_val_int_from_si(b->ctx, PTRDIFF_MAX / elem);
		lo = isl_val_neg(isl_val_copy(hi));
	}
	below = isl_pw_aff_lt_set(isl_pw_aff_copy(sub),
		isl_pw_aff_val_on_domain(isl_set_copy(dom), lo));
	above = isl_pw_aff_gt_set(sub, isl_pw_aff_val_on_domain(dom, hi));
	return isl_set_union(below, above);
}

/* An access that runs whenever its statement does must stay inside its
 * array: anything else would be undefined, so the sizes for which it
 * would not are left out of the run's context.  This is what bounds
 * the loops over a size_t parameter, for one.
 */
static int lf_access_in_bounds(__isl_keep struct lf_builder *b, CXCursor c,
	CXType type, __isl_keep isl_multi_pw_aff *mpa)
{
	CXType elem_type;
	isl_size n = isl_multi_pw_aff_dim(mpa, isl_dim_out);
	long long elem;
	isl_set *out;
	int k, r;

	if (b->may || b->in_compound || n < 0)
		return n < 0 ? -1 : 0;
	lf_access_dims(type, &elem_type);
	elem = clang_Type_getSizeOf(elem_type);
	if (elem <= 0)
		elem = 1;
	out = isl_set_empty(lf_build_space(b));
	for (k = 0; k < n; ++k)
		out = isl_set_union(out, lf_access_out_of_bounds(b, type, k,
			isl_multi_pw_aff_get_pw_aff(mpa, k), elem));
	out = isl_set_intersect(out, isl_set_copy(b->cur_dom));
	r = lf_build_exclude(b, isl_set_params(out));
	if (r > 0)
		return lf_build_fail_at(b, c, LF_WHY_OUT_OF_BOUNDS, NULL);
	return r;
}

/* The array of the member that "chain" reaches, of type "type".
 */
static int lf_access_member_array(__isl_keep struct lf_builder *b,
	__isl_keep struct lf_base_chain *chain, CXType type)
{
	char *name = lf_base_array_name(chain->spelling);
	int array;

	if (!name)
		return -1;
	array = lf_access_pointer_array(b,
		clang_getCursorReferenced(chain->members[0]), chain->key,
		name, chain->spelling, type);
	free(name);
	return array;
}

/* Record the access "c" with subscripts "subs" (NULL: none) to "array"
 * of type "type".
 */
static int lf_access_base_add(__isl_keep struct lf_builder *b, CXCursor c,
	int array, CXType type, CXCursor *subs, int n, int mode)
{
	isl_multi_pw_aff *mpa;

	mpa = n ? lf_access_subs(b, c, subs, n) : lf_access_zero_subs(b);
	if (!mpa && n == 1 && b->reason)
		return lf_access_flat(b, c, array, c, b->array_usr[array],
				      mode, subs[0]);
	if (!mpa)
		return -1;
	if (n && lf_access_in_bounds(b, c, type, mpa) < 0) {
		isl_multi_pw_aff_free(mpa);
		return -1;
	}
	return lf_access_add(b, c, array, mode, mpa);
}

/* Why a member of type "type" cannot be subscripted "n" times, or 0.
 */
static enum lf_why lf_access_base_shape(CXType type, int n)
{
	if (clang_isVolatileQualifiedType(type))
		return LF_WHY_VOLATILE_ELEMENTS;
	if (lf_access_dims(type, NULL) != n)
		return n ? LF_WHY_PARTIAL_SUBSCRIPT : LF_WHY_NO_SUBSCRIPT;
	if (!lf_access_is_contiguous(type))
		return LF_WHY_POINTER_ROWS;
	return LF_WHY_N;
}

/* An access "c" to member "m", with subscripts "subs" if n > 0: a
 * member array, a pointer member or a scalar member, whose address
 * the run does not change.
 */
static int lf_access_member_ref(__isl_keep struct lf_builder *b, CXCursor c,
	CXCursor m, CXCursor *subs, int n, int mode)
{
	struct lf_base_chain chain;
	CXType type = clang_getCursorType(m);
	enum CXTypeKind kind = clang_getCanonicalType(type).kind;
	enum lf_why why;
	int r = -1, array;

	if (lf_base_chain_get(b, m, &chain) < 0)
		goto done;
	why = lf_access_base_shape(type, n);
	if (kind == CXType_Record || kind == CXType_Elaborated)
		why = LF_WHY_STRUCT_VAR;
	if (why != LF_WHY_N) {
		lf_build_fail_at(b, c, why, chain.spelling);
		goto done;
	}
	if (lf_base_chain_invariant(b, c, &chain,
				    n > 0 && kind == CXType_Pointer) < 0)
		goto done;
	array = lf_access_member_array(b, &chain, type);
	if (array >= 0)
		r = lf_access_base_add(b, c, array, type, subs, n, mode);
done:
	lf_base_chain_clear(&chain);
	return r;
}

/* The offset of row "row" in its base, over the current iterators, or
 * NULL (with no reason recorded) if it is not affine.
 */
static __isl_give isl_pw_aff *lf_access_row_offset(
	__isl_keep struct lf_builder *b, __isl_keep struct lf_base_row *row)
{
	struct lf_reason *saved = b->reason;
	isl_pw_aff *pa;

	if (clang_Cursor_isNull(row->offset))
		return isl_pw_aff_zero_on_domain(isl_local_space_from_space(
			lf_build_space(b)));
	b->reason = NULL;
	pa = lf_affine_expr(b, row->offset, NULL);
	lf_reason_free(b->reason);
	b->reason = saved;
	if (pa && row->neg)
		pa = isl_pw_aff_neg(pa);
	return pa;
}

/* A local array reached through a row pointer is not contracted: the
 * accesses through the pointer do not spell the array.
 */
static void lf_access_no_contraction(__isl_keep struct lf_array *a)
{
	a->dims.begin = a->dims.end = 0;
}

/* An access "c" to o[subs[0]] where local "o" is defined as row "row"
 * of its base, at "from": base[offset + subs[0]].  Returns 1 if done,
 * 0 if the offset is not affine.
 */
static int lf_access_row_ref(__isl_keep struct lf_builder *b, CXCursor c,
	__isl_keep struct lf_base_row *row, CXCursor *subs, int mode)
{
	CXCursor base = clang_getCursorReferenced(row->base);
	isl_pw_aff *off = lf_access_row_offset(b, row), *sub;
	isl_multi_pw_aff *mpa;
	char *usr;
	int array;

	if (!off)
		return 0;
	mpa = lf_access_subs(b, c, subs, 1);
	sub = mpa ? isl_multi_pw_aff_get_pw_aff(mpa, 0) : NULL;
	sub = isl_pw_aff_add(sub, off);
	mpa = isl_multi_pw_aff_set_pw_aff(mpa, 0, sub);
	usr = lf_cursor_usr(base);
	array = mpa && usr ? lf_access_array(b, base, usr) : -1;
	free(usr);
	if (array >= 0)
		lf_access_no_contraction(&b->run->arrays[array]);
	if (array >= 0 &&
	    lf_access_in_bounds(b, c, clang_getCursorType(base), mpa) < 0)
		array = -1;
	if (array < 0) {
		isl_multi_pw_aff_free(mpa);
		return -1;
	}
	return lf_access_add(b, c, array, mode, mpa) < 0 ? -1 : 1;
}

/* An access "c" through local pointer "o" (keyed "usr", named "name")
 * with subscripts "subs": a row of another array, or an array of its
 * own if the run does not change o.
 */
static int lf_access_pointer_ref(__isl_keep struct lf_builder *b, CXCursor c,
	CXCursor o, __isl_keep const char *usr, __isl_keep const char *name,
	CXCursor *subs, int n, int mode)
{
	CXType type = clang_getCursorType(o);
	struct lf_base_row row;
	enum lf_why why = lf_access_base_shape(type, n);
	int r, array;

	if (why != LF_WHY_N)
		return lf_build_fail_at(b, c, why, name);
	if (lf_build_is_written_in_run(b, usr) ||
	    lf_build_is_addr_taken(b, usr) ||
	    clang_isVolatileQualifiedType(type))
		return lf_build_fail_at(b, c, LF_WHY_POINTER_CHANGED, name);
	if (lf_base_is_row(b, o, usr, &row)) {
		r = lf_access_row_ref(b, c, &row, subs, mode);
		if (r != 0)
			return r < 0 ? -1 : 0;
	}
	array = lf_access_pointer_array(b, o, usr, name, name, type);
	return array < 0 ? -1 : lf_access_base_add(b, c, array, type, subs, n, mode);
}

static int lf_access_array_ref(__isl_keep struct lf_builder *b, CXCursor c,
	int mode)
{
	CXCursor base, subs[LF_MAX_DEPTH], decl;
	char *usr = NULL, *name = NULL;
	int n, array, r = -1;
	isl_multi_pw_aff *mpa;

	if (lf_access_flatten(c, &base, subs, &n) == 0 &&
	    clang_getCursorKind(base) == CXCursor_MemberRefExpr)
		return lf_access_member_ref(b, c, base, subs, n, mode);
	if (clang_getCursorKind(base) != CXCursor_DeclRefExpr)
		return lf_build_fail_at(b, c, LF_WHY_SUBSCRIPTED, NULL);
	decl = clang_getCursorReferenced(base);
	usr = lf_cursor_usr(decl);
	name = lf_cursor_name(decl);
	if (!usr || !name)
		goto done;
	if (lf_build_is_internal(b, usr)) {
		r = 0;
		goto done;
	}
	if (lf_access_is_local_pointer(decl)) {
		r = lf_access_pointer_ref(b, c, decl, usr, name, subs, n, mode);
		goto done;
	}
	if (lf_access_check_var(b, c, decl, usr, name) < 0)
		goto done;
	if (clang_isVolatileQualifiedType(clang_getCursorType(c))) {
		r = lf_build_fail_at(b, c, LF_WHY_VOLATILE_ELEMENTS, name);
		goto done;
	}
	if (lf_access_dims(clang_getCursorType(decl), NULL) != n) {
		r = lf_build_fail_at(b, c, LF_WHY_PARTIAL_SUBSCRIPT, name);
		goto done;
	}
	if (!lf_access_is_contiguous(clang_getCursorType(decl))) {
		r = lf_build_fail_at(b, c, LF_WHY_POINTER_ROWS, name);
		goto done;
	}
	mpa = lf_access_subs(b, c, subs, n);
	if (!mpa && n == 1 && b->reason) {
		r = lf_access_flat(b, c, -1, decl, usr, mode, subs[0]);
		goto done;
	}
	array = mpa ? lf_access_array(b, decl, usr) : -1;
	if (array >= 0 && lf_access_in_bounds(b, c, clang_getCursorType(decl), mpa) < 0)
		array = -1;
	if (array < 0)
		isl_multi_pw_aff_free(mpa);
	else
		r = lf_access_add(b, c, array, mode, mpa);
done:
	free(usr);
	free(name);
	return r;
}

static int lf_access_walk_children(__isl_keep struct lf_builder *b, CXCursor c,
	int first, int mode)
{
	CXCursor *ch;
	int i, n, r = 0;

	n = lf_cursor_children(c, &ch);
	for (i = first; i < n && r == 0; ++i)
		r = lf_access_walk_expr(b, ch[i], mode);
	free(ch);
	return r;
}

/* Walk child i with "may" raised: it runs only under a condition.
 */
static int lf_access_walk_may(__isl_keep struct lf_builder *b, CXCursor c,
	int mode)
{
	int may = b->may, r;

	b->may = 1;
	r = lf_access_walk_expr(b, c, mode);
	b->may = may;
	return r;
}

static int lf_access_binary(__isl_keep struct lf_builder *b, CXCursor c,
	int compound)
{
	enum CXBinaryOperatorKind op = clang_getCursorBinaryOperatorKind(c);
	CXCursor *ch;
	int n, r;

	n = lf_cursor_children(c, &ch);
	if (n != 2) {
		free(ch);
		return lf_build_fail_at(b, c, LF_WHY_BINARY, NULL);
	}
	if (compound)
		r = lf_access_walk_expr(b, ch[0], LF_MODE_READ | LF_MODE_WRITE);
	else if (op == CXBinaryOperator_Assign)
		r = lf_access_walk_expr(b, ch[0], LF_MODE_WRITE);
	else
		r = lf_access_walk_expr(b, ch[0], LF_MODE_READ);
	if (r == 0 && (op == CXBinaryOperator_LAnd ||
		       op == CXBinaryOperator_LOr))
		r = lf_access_walk_may(b, ch[1], LF_MODE_READ);
	else if (r == 0)
		r = lf_access_walk_expr(b, ch[1], LF_MODE_READ);
	free(ch);
	return r;
}

static int lf_access_unary(__isl_keep struct lf_builder *b, CXCursor c)
{
	enum CXUnaryOperatorKind op = clang_getCursorUnaryOperatorKind(c);

	switch (op) {
	case CXUnaryOperator_PostInc: case CXUnaryOperator_PostDec:
	case CXUnaryOperator_PreInc: case CXUnaryOperator_PreDec:
		return lf_access_walk_children(b, c, 0,
					       LF_MODE_READ | LF_MODE_WRITE);
	case CXUnaryOperator_AddrOf:
		return lf_build_fail_text(b, c, LF_WHY_ADDRESS);
	case CXUnaryOperator_Deref:
		return lf_build_fail_text(b, c, LF_WHY_DEREF);
	default:
		return lf_access_walk_children(b, c, 0, LF_MODE_READ);
	}
}

static int lf_access_conditional(__isl_keep struct lf_builder *b, CXCursor c)
{
	CXCursor *ch;
	int n, r;

	n = lf_cursor_children(c, &ch);
	r = n == 3 ? lf_access_walk_expr(b, ch[0], LF_MODE_READ) : -1;
	if (r == 0)
		r = lf_access_walk_may(b, ch[1], LF_MODE_READ);
	if (r == 0)
		r = lf_access_walk_may(b, ch[2], LF_MODE_READ);
	free(ch);
	return r;
}

/* The index of the array that stands for errno, added if new.
 */
static int lf_access_errno(__isl_keep struct lf_builder *b)
{
	struct lf_run *run = b->run;
	struct lf_array *a;
	int i;

	for (i = 0; i < run->n_array; ++i)
		if (run->arrays[i].origin == LF_ARRAY_ERRNO)
			return i;
	if (lf_access_grow_arrays(b) < 0)
		return -1;
	a = &run->arrays[run->n_array];
	memset(a, 0, sizeof(*a));
	a->name = lf_access_array_name(b, "errno");
	a->var = strdup("errno");
	a->origin = LF_ARRAY_ERRNO;
	a->elem_size = sizeof(int);
	b->array_usr[run->n_array] = strdup("lf:errno");
	run->n_array++;
	if (!a->name || !a->var || !b->array_usr[run->n_array - 1])
		return -1;
	return run->n_array - 1;
}

/* A call: refused if it may have side effects; one that may set errno
 * writes errno, so that calls that set it keep their order.
 */
static int lf_access_call(__isl_keep struct lf_builder *b, CXCursor c)
{
	enum lf_purity_effect effect;
	struct lf_reason *reason = NULL;
	int may = b->may, array, r;

	effect = lf_purity_call(b->purity, c, &reason);
	if (effect == LF_PURITY_IMPURE) {
		if (reason)
			reason->loc = lf_file_loc(b->file,
						  lf_build_offset(b, c));
		return lf_build_fail_reason(b, reason);
	}
	lf_reason_free(reason);
	if (effect == LF_PURITY_ERRNO) {
		array = lf_access_errno(b);
		b->may = 1;
		r = array < 0 ? -1 : lf_access_add(b, c, array, LF_MODE_WRITE,
						   lf_access_zero_subs(b));
		b->may = may;
		if (r < 0)
			return -1;
	}
	return lf_access_walk_children(b, c, 1, LF_MODE_READ);
}

/* Walk an expression, recording its accesses; "mode" says whether the
 * value of c itself is read, written or both.
 */
int lf_access_walk_expr(__isl_keep struct lf_builder *b, CXCursor c, int mode)
{
	enum CXCursorKind kind = clang_getCursorKind(c);

	switch (kind) {
	case CXCursor_ArraySubscriptExpr:
		return lf_access_array_ref(b, c, mode);
	case CXCursor_DeclRefExpr:
		return lf_access_scalar(b, c, mode);
	case CXCursor_BinaryOperator:
		return lf_access_binary(b, c, 0);
	case CXCursor_CompoundAssignOperator:
		return lf_access_binary(b, c, 1);
	case CXCursor_UnaryOperator:
		return lf_access_unary(b, c);
	case CXCursor_ConditionalOperator:
		return lf_access_conditional(b, c);
	case CXCursor_CallExpr:
		return lf_access_call(b, c);
	case CXCursor_MemberRefExpr:
		return lf_access_member_ref(b, c, c, NULL, 0, mode);
	case CXCursor_IntegerLiteral: case CXCursor_FloatingLiteral:
	case CXCursor_CharacterLiteral: case CXCursor_StringLiteral:
	case CXCursor_UnaryExpr: case CXCursor_TypeRef:
		return 0;
	case CXCursor_ParenExpr: case CXCursor_UnexposedExpr:
	case CXCursor_CStyleCastExpr: case CXCursor_InitListExpr:
		return lf_access_walk_children(b, c, 0, mode);
	default:
		return lf_build_fail_at(b, c, LF_WHY_EXPRESSION, NULL);
	}
}

static int lf_access_decl(__isl_keep struct lf_builder *b, CXCursor c)
{
	CXCursor *ch;
	int i, n, r = 0;

	n = lf_cursor_children(c, &ch);
	for (i = 0; i < n && r == 0; ++i) {
		CXType type = clang_getCursorType(ch[i]);
		char *usr;

		if (clang_getCursorKind(ch[i]) != CXCursor_VarDecl)
			continue;
		if (clang_isVolatileQualifiedType(type)) {
			r = lf_build_fail_at(b, ch[i], LF_WHY_VOLATILE_DECL, NULL);
			break;
		}
		if (clang_Cursor_getStorageClass(ch[i]) == CX_SC_Static) {
			r = lf_build_fail_at(b, ch[i], LF_WHY_STATIC_DECL, NULL);
			break;
		}
		/* Another name for an object outside the run, which the
		 * run would take for an array of its own.
		 */
		if (clang_Cursor_getStorageClass(ch[i]) == CX_SC_Extern) {
			r = lf_build_fail_at(b, ch[i], LF_WHY_EXTERN_DECL, NULL);
			break;
		}
		r = lf_access_walk_children(b, ch[i], 0, LF_MODE_READ);
		usr = lf_cursor_usr(ch[i]);
		if (r == 0 && (!usr || lf_build_push_internal(b, usr) < 0))
			r = -1;
		free(usr);
	}
	free(ch);
	return r;
}

/* Note "name", an iterator declared before the run, in the current
 * statement's outer_iters (once).
 */
static int lf_access_note_outer_iter(__isl_keep struct lf_builder *b,
	__isl_keep const char *name)
{
	struct lf_stmt *stmt = &b->run->stmts[b->stmt];
	int i;

	for (i = 0; i < stmt->n_outer_iter; ++i)
		if (!strcmp(stmt->outer_iters[i], name))
			return 0;
	if (LF_GROW(stmt->outer_iters, stmt->n_outer_iter) < 0)
		return -1;
	stmt->outer_iters[stmt->n_outer_iter] = strdup(name);
	if (!stmt->outer_iters[stmt->n_outer_iter])
		return -1;
	stmt->n_outer_iter++;
	return 0;
}

/* A loop inside a compound statement: its accesses are the union over
 * its iterations.
 */
static int lf_access_inner_loop(__isl_keep struct lf_builder *b, CXCursor c)
{
	isl_set *outer = b->cur_dom, *domain;
	const char *outer_name;
	CXCursor body;
	int r;

	if (lf_loop_header(b, c, outer, -1, &domain, &body) < 0)
		return -1;
	outer_name = b->iters[b->n_iter - 1].outer_name;
	r = lf_build_push_internal(b, b->iters[b->n_iter - 1].usr);
	if (r == 0 && outer_name)
		r = lf_access_note_outer_iter(b, outer_name);
	b->cur_dom = domain;
	if (r == 0)
		r = lf_access_walk_stmt(b, body);
	b->cur_dom = outer;
	isl_set_free(domain);
	lf_loop_pop(b);
	return r;
}

static int lf_access_if(__isl_keep struct lf_builder *b, CXCursor c)
{
	CXCursor *ch;
	int i, n, r, may = b->may;

	n = lf_cursor_children(c, &ch);
	r = n >= 2 ? lf_access_walk_expr(b, ch[0], LF_MODE_READ) : -1;
	b->may = 1;
	for (i = 1; i < n && r == 0; ++i)
		r = lf_access_walk_stmt(b, ch[i]);
	b->may = may;
	free(ch);
	return r;
}

static int lf_access_block(__isl_keep struct lf_builder *b, CXCursor c)
{
	CXCursor *ch;
	int i, n, r = 0;

	n = lf_cursor_children(c, &ch);
	for (i = 0; i < n && r == 0; ++i)
		r = lf_access_walk_stmt(b, ch[i]);
	free(ch);
	return r;
}

/* Why a nest may not hold a statement of kind "kind".
 */
static enum lf_why lf_access_unsupported(enum CXCursorKind kind)
{
	switch (kind) {
	case CXCursor_WhileStmt: return LF_WHY_WHILE;
	case CXCursor_DoStmt: return LF_WHY_DO;
	case CXCursor_GotoStmt: case CXCursor_IndirectGotoStmt:
		return LF_WHY_GOTO;
	case CXCursor_BreakStmt: return LF_WHY_BREAK;
	case CXCursor_ContinueStmt: return LF_WHY_CONTINUE;
	case CXCursor_ReturnStmt: return LF_WHY_RETURN;
	case CXCursor_SwitchStmt: return LF_WHY_SWITCH;
	case CXCursor_LabelStmt: return LF_WHY_LABEL;
	case CXCursor_AsmStmt: case CXCursor_MSAsmStmt: return LF_WHY_ASM;
	default: return LF_WHY_STATEMENT;
	}
}

/* Walk a statement inside a compound statement.
 */
int lf_access_walk_stmt(__isl_keep struct lf_builder *b, CXCursor c)
{
	enum CXCursorKind kind = clang_getCursorKind(c);

	if (kind == CXCursor_CompoundStmt)
		return lf_access_block(b, c);
	if (kind == CXCursor_DeclStmt)
		return lf_access_decl(b, c);
	if (kind == CXCursor_ForStmt)
		return lf_access_inner_loop(b, c);
	if (kind == CXCursor_IfStmt)
		return lf_access_if(b, c);
	if (kind == CXCursor_NullStmt)
		return 0;
	if (clang_isExpression(kind))
		return lf_access_walk_expr(b, c, LF_MODE_READ);
	return lf_build_fail_at(b, c, lf_access_unsupported(kind), NULL);
}
