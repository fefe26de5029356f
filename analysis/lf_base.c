/* SPDX-License-Identifier: MIT */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lf_buf.h"
#include "lf_build.h"

/* Loop-invariant bases: struct members ("l.outputs", "p->x[i]",
 * "s->v[i]" for a member array, "l.scale") and local pointers ("o[i]").
 *
 * A member is reached through a chain of loads: the root variable, then
 * every pointer member that an arrow follows, then, for a bound or a
 * pointer that is subscripted, the member itself.  The chain is
 * invariant when the run does not write the root by name and no store
 * or call of the run may change a loaded member.  Which stores may is
 * decided by the types of what they store (lf_base_stores), as C's
 * effective types would, but more cautiously: a store of an integer
 * changes any integer member of its size whatever the signedness, a
 * pointer store any pointer member, an integer of a pointer's size any
 * pointer member; a store of a character, of a struct or union, or a
 * call that may write memory changes anything.  Floating-point stores
 * change no integer or pointer.  Members of unions are not modeled: a
 * store to another member of the union changes them whatever its type.
 *
 * A local pointer "o" the run does not write and whose address is not
 * taken is an array of its own, which may point anywhere; if it is
 * defined once, before the run, as "base + offset", "base - offset" or
 * "&base[offset]", with base an array or a pointer parameter and the
 * offset an affine expression of variables that nothing changes after
 * the definition, o[e] is modeled as base[offset + e], so that its
 * dependences with base are exact.
 */

/* The size in bytes of the integer type "type" (canonical), 2 to 8;
 * 1 for a character or _Bool, 0 for anything else.
 */
static int lf_base_int_bytes(CXType type)
{
	long long size;

	if (type.kind == CXType_Enum)
		type = clang_getCanonicalType(clang_getEnumDeclIntegerType(
			clang_getTypeDeclaration(type)));
	switch (type.kind) {
	case CXType_Bool:
	case CXType_Char_S: case CXType_SChar: case CXType_Char_U:
	case CXType_UChar:
		return 1;
	case CXType_Short: case CXType_Int: case CXType_Long:
	case CXType_LongLong: case CXType_UShort: case CXType_UInt:
	case CXType_ULong: case CXType_ULongLong:
		size = clang_Type_getSizeOf(type);
		return size >= 2 && size <= 8 ? (int) size : 0;
	default:
		return 0;
	}
}

/* Note a store to "lhs" in the summary of the run's stores.  A store
 * to a local variable by name, whose address is not taken, changes no
 * other object.
 */
static void lf_base_note_store(__isl_keep struct lf_builder *b, CXCursor lhs)
{
	CXType type = clang_getCanonicalType(clang_getCursorType(lhs));
	int bytes = lf_base_int_bytes(type);
	CXCursor decl = clang_getCursorReferenced(lhs);
	char *usr;
	int private = 0;

	if (clang_getCursorKind(lhs) == CXCursor_DeclRefExpr &&
	    clang_getCursorKind(decl) != CXCursor_TranslationUnit &&
	    lf_base_is_local(decl)) {
		usr = lf_cursor_usr(decl);
		private = usr && !lf_build_is_addr_taken(b, usr);
		free(usr);
	}
	if (private)
		return;
	if (type.kind == CXType_Float || type.kind == CXType_Double ||
	    type.kind == CXType_LongDouble || type.kind == CXType_Float16 ||
	    type.kind == CXType_Half)
		return;
	if (type.kind == CXType_Pointer)
		b->stores.pointer = 1;
	else if (bytes > 1)
		b->stores.int_sizes |= (unsigned) bytes;
	else
		b->stores.any = 1;
}

static enum CXChildVisitResult lf_base_visit_store(CXCursor c,
	CXCursor parent, CXClientData data)
{
	struct lf_builder *b = data;
	enum CXCursorKind kind = clang_getCursorKind(c);
	struct lf_reason *reason = NULL;
	CXCursor operand;

	if (kind == CXCursor_CallExpr) {
		if (lf_purity_call(b->purity, c, &reason) == LF_PURITY_IMPURE)
			b->stores.any = 1;
		lf_reason_free(reason);
	} else if (kind == CXCursor_AsmStmt || kind == CXCursor_MSAsmStmt) {
		b->stores.any = 1;
	} else if (lf_cursor_effect(c, &operand) == LF_CURSOR_WRITES) {
		lf_base_note_store(b, operand);
	}
	return CXChildVisit_Recurse;
}

/* Summarize what the stores and calls of the run's nests "fors" may
 * change, in b->stores.
 */
void lf_base_scan_run(__isl_keep struct lf_builder *b, CXCursor *fors, int n)
{
	int k;

	memset(&b->stores, 0, sizeof(b->stores));
	for (k = 0; k < n; ++k) {
		lf_base_visit_store(fors[k], clang_getNullCursor(), b);
		clang_visitChildren(fors[k], &lf_base_visit_store, b);
	}
}

/* Is "decl" a variable of the function (not global, not static)?
 */
int lf_base_is_local(CXCursor decl)
{
	enum CXCursorKind kind = clang_getCursorKind(decl);

	if (kind != CXCursor_VarDecl && kind != CXCursor_ParmDecl)
		return 0;
	if (clang_getCursorKind(clang_getCursorSemanticParent(decl)) ==
	    CXCursor_TranslationUnit)
		return 0;
	return clang_Cursor_getStorageClass(decl) != CX_SC_Static;
}

/* May a store or call of the run change a value of type "type" in
 * memory?
 */
static int lf_base_may_change(__isl_keep struct lf_builder *b, CXType type)
{
	int bytes;

	type = clang_getCanonicalType(type);
	if (b->stores.any)
		return 1;
	if (type.kind == CXType_Pointer)
		return b->stores.pointer ||
		       (b->stores.int_sizes & (unsigned) sizeof(void *));
	bytes = lf_base_int_bytes(type);
	if (bytes <= 1)
		return 1;
	if (bytes == (int) sizeof(void *) && b->stores.pointer)
		return 1;
	return (b->stores.int_sizes & (unsigned) bytes) != 0;
}

/* Fail with a reason of kind "why" named after the text of c.
 */
static int lf_base_fail_named(__isl_keep struct lf_builder *b, CXCursor c,
	enum lf_why why)
{
	char *text = lf_build_text(b, c);

	lf_build_fail_at(b, c, why, text ? text : "?");
	free(text);
	return -1;
}

void lf_base_chain_clear(__isl_keep struct lf_base_chain *chain)
{
	free(chain->spelling);
	free(chain->key);
}

/* The expression members[k] applies to, parentheses and conversions
 * stripped, or a null cursor.
 */
static CXCursor lf_base_member_object(CXCursor member)
{
	CXCursor *ch, base = clang_getNullCursor();

	if (lf_cursor_children(member, &ch) == 1)
		base = lf_cursor_strip(ch[0]);
	free(ch);
	return base;
}

/* Append "name" and the USR of "decl" to the spelling and key of
 * "chain", after "sep".
 */
static int lf_base_chain_add(__isl_keep struct lf_buf *spelling,
	__isl_keep struct lf_buf *key, __isl_keep const char *sep,
	CXCursor named, CXCursor decl)
{
	char *name = lf_cursor_name(named), *usr = lf_cursor_usr(decl);
	int r = name && usr ? 0 : -1;

	if (r == 0) {
		lf_buf_printf(spelling, "%s%s", sep, name);
		lf_buf_printf(key, "%s%s", *sep ? "|" : "member:", usr);
	}
	free(name);
	free(usr);
	return r;
}

/* Spell "chain" and make its key.
 */
static int lf_base_chain_spell(__isl_keep struct lf_base_chain *chain)
{
	struct lf_buf spelling, key;
	int k, r;

	lf_buf_init(&spelling);
	lf_buf_init(&key);
	r = lf_base_chain_add(&spelling, &key, "", chain->root, chain->root);
	for (k = chain->n - 1; k >= 0 && r == 0; --k)
		r = lf_base_chain_add(&spelling, &key,
			chain->arrow[k] ? "->" : ".", chain->members[k],
			clang_getCursorReferenced(chain->members[k]));
	chain->spelling = lf_buf_take(&spelling);
	chain->key = lf_buf_take(&key);
	return r == 0 && chain->spelling && chain->key ? 0 : -1;
}

/* Is "type", or what it points to if "arrow", a union, or volatile?
 */
static int lf_base_is_union(CXType type, int arrow)
{
	type = clang_getCanonicalType(type);
	if (arrow)
		type = clang_getCanonicalType(clang_getPointeeType(type));
	if (clang_isVolatileQualifiedType(type))
		return 1;
	return clang_getCursorKind(clang_getTypeDeclaration(type)) ==
	       CXCursor_UnionDecl;
}

/* Find the chain of member access "c"; fail (recording why) if it does
 * not start from a variable or goes through a union.
 */
int lf_base_chain_get(__isl_keep struct lf_builder *b, CXCursor c,
	__isl_keep struct lf_base_chain *chain)
{
	CXCursor obj = c;
	enum CXCursorKind kind;

	memset(chain, 0, sizeof(*chain));
	while (clang_getCursorKind(obj) == CXCursor_MemberRefExpr) {
		CXCursor m = obj;

		obj = lf_base_member_object(m);
		if (chain->n >= LF_MAX_DEPTH || clang_Cursor_isNull(obj))
			return lf_build_fail_text(b, c, LF_WHY_MEMBER_BASE);
		chain->members[chain->n] = m;
		chain->arrow[chain->n] = clang_getCanonicalType(
			clang_getCursorType(obj)).kind == CXType_Pointer;
		if (lf_base_is_union(clang_getCursorType(obj),
				     chain->arrow[chain->n]))
			return lf_base_fail_named(b, c, LF_WHY_MEMBER_UNION);
		chain->n++;
	}
	chain->root = clang_getCursorReferenced(obj);
	kind = clang_getCursorKind(chain->root);
	if (clang_getCursorKind(obj) != CXCursor_DeclRefExpr ||
	    (kind != CXCursor_VarDecl && kind != CXCursor_ParmDecl))
		return lf_build_fail_text(b, c, LF_WHY_MEMBER_BASE);
	return lf_base_chain_spell(chain);
}

/* Is the variable "root" stored in memory that a store of the run may
 * reach: a global or static, or a local whose address is taken?
 */
static int lf_base_root_in_memory(__isl_keep struct lf_builder *b,
	CXCursor root, __isl_keep const char *usr)
{
	return !lf_base_is_local(root) || lf_build_is_addr_taken(b, usr);
}

/* Is "c" a member of the variable of "usr" itself, reached with "."
 * only ("l.n", "l.sub.n"), not through a pointer?
 */
static int lf_base_is_own_member(CXCursor c, __isl_keep const char *usr)
{
	if (clang_getCursorKind(c) != CXCursor_MemberRefExpr)
		return 0;
	while (clang_getCursorKind(c) == CXCursor_MemberRefExpr) {
		c = lf_base_member_object(c);
		if (clang_Cursor_isNull(c) || clang_getCanonicalType(
			clang_getCursorType(c)).kind == CXType_Pointer)
			return 0;
	}
	return lf_cursor_is_var(c, usr);
}

/* A search for a member of a local struct whose address is taken
 * anywhere in the function or which the run [begin, end) writes.
 */
struct lf_base_own {
	struct lf_builder *b;
	const char *usr;
	unsigned begin;
	unsigned end;
	int found;
};

static enum CXChildVisitResult lf_base_visit_own(CXCursor c, CXCursor parent,
	CXClientData data)
{
	struct lf_base_own *own = data;
	enum lf_cursor_effect effect;
	CXCursor operand;
	unsigned at;

	(void) parent;
	effect = lf_cursor_effect(c, &operand);
	if (effect == LF_CURSOR_NONE ||
	    !lf_base_is_own_member(operand, own->usr))
		return CXChildVisit_Recurse;
	at = lf_build_offset(own->b, c);
	if (effect == LF_CURSOR_TAKES_ADDRESS ||
	    (at >= own->begin && at < own->end))
		own->found = 1;
	return own->found ? CXChildVisit_Break : CXChildVisit_Recurse;
}

/* Is the member that "chain" reaches part of a local struct variable
 * (a by-value parameter too) that no pointer can reach: its address,
 * and that of its members, is never taken, and the run assigns none of
 * its members?  No store through a pointer and no call can then change
 * the member, whatever its type.
 */
static int lf_base_is_private(__isl_keep struct lf_builder *b,
	__isl_keep struct lf_base_chain *chain, __isl_keep const char *usr)
{
	struct lf_base_own own = { b, usr, b->run->begin, b->run->end, 0 };
	int k;

	for (k = 0; k < chain->n; ++k)
		if (chain->arrow[k])
			return 0;
	if (!lf_base_is_local(chain->root) || lf_build_is_addr_taken(b, usr))
		return 0;
	clang_visitChildren(b->body, &lf_base_visit_own, &own);
	return !own.found;
}

/* Is the address of the member that "chain" reaches, and its value too
 * if "load", the same throughout the run?  If not, fail with the
 * reason.
 */
int lf_base_chain_invariant(__isl_keep struct lf_builder *b,
	CXCursor c, __isl_keep struct lf_base_chain *chain, int load)
{
	CXType root_type = clang_getCursorType(chain->root);
	char *usr = lf_cursor_usr(chain->root);
	int k, changed;

	if (!usr)
		return -1;
	changed = lf_build_iter_level(b, usr) >= 0 ||
		  lf_build_is_internal(b, usr) ||
		  lf_build_is_outside_iter(b, usr) ||
		  lf_build_is_written_in_run(b, usr) ||
		  clang_isVolatileQualifiedType(root_type);
	if (!changed && chain->arrow[chain->n - 1] &&
	    lf_base_root_in_memory(b, chain->root, usr))
		changed = lf_base_may_change(b, root_type);
	for (k = chain->n - 2; k >= 0 && !changed; --k)
		if (chain->arrow[k])
			changed = lf_base_may_change(b, clang_getCursorType(
				chain->members[k + 1]));
	if (!changed && load && !lf_base_is_private(b, chain, usr))
		changed = lf_base_may_change(b,
			clang_getCursorType(chain->members[0]));
	free(usr);
	if (changed)
		return lf_build_fail_at(b, c, LF_WHY_MEMBER_CHANGED,
					chain->spelling);
	return 0;
}

/* The name of the model array of a member: its spelling with every
 * character that an identifier may not hold replaced by '_'.
 */
__isl_give char *lf_base_array_name(__isl_keep const char *spelling)
{
	char *name = strdup(spelling), *p, *q;

	if (!name)
		return NULL;
	for (p = q = name; *p; ++p) {
		if (*p == '-' && p[1] == '>')
			++p;
		*q++ = (*p == '.' || *p == '>') ? '_' : *p;
	}
	*q = '\0';
	return name;
}

/* Is the variable "usr" written anywhere in the function from byte
 * "from" on, or is its address taken?
 */
static int lf_base_written_after(__isl_keep struct lf_builder *b,
	__isl_keep const char *usr, unsigned from)
{
	int i;

	for (i = 0; i < b->n_ref; ++i) {
		struct lf_var_ref *ref = &b->refs[i];

		if (strcmp(ref->usr, usr))
			continue;
		if (ref->is_addr || (ref->is_write && ref->offset >= from))
			return 1;
	}
	return 0;
}

struct lf_base_stable {
	struct lf_builder *b;
	unsigned from;
	int ok;
};

/* Is every variable "c" names a local that nothing changes from
 * data->from on, and is there nothing in it but arithmetic?
 */
static enum CXChildVisitResult lf_base_visit_stable(CXCursor c,
	CXCursor parent, CXClientData data)
{
	struct lf_base_stable *st = data;
	enum CXCursorKind kind = clang_getCursorKind(c);
	CXCursor decl;
	char *usr;

	if (kind == CXCursor_DeclRefExpr) {
		decl = clang_getCursorReferenced(c);
		if (clang_getCursorKind(decl) == CXCursor_EnumConstantDecl)
			return CXChildVisit_Continue;
		usr = lf_cursor_usr(decl);
		st->ok = usr && lf_base_is_local(decl) &&
			 !lf_base_written_after(st->b, usr, st->from);
		free(usr);
	} else if (kind == CXCursor_CallExpr ||
		   kind == CXCursor_MemberRefExpr ||
		   kind == CXCursor_ArraySubscriptExpr ||
		   kind == CXCursor_StmtExpr) {
		st->ok = 0;
	} else if (kind == CXCursor_UnaryOperator &&
		   clang_getCursorUnaryOperatorKind(c) ==
		   CXUnaryOperator_Deref) {
		st->ok = 0;
	}
	return st->ok ? CXChildVisit_Recurse : CXChildVisit_Break;
}

/* Does "c" compute the same value wherever it is evaluated from byte
 * "from" of the function on?
 */
static int lf_base_is_stable(__isl_keep struct lf_builder *b, CXCursor c,
	unsigned from)
{
	struct lf_base_stable st = { b, from, 1 };

	lf_base_visit_stable(c, clang_getNullCursor(), &st);
	if (st.ok)
		clang_visitChildren(c, &lf_base_visit_stable, &st);
	return st.ok;
}

/* Split "init", the initializer of a pointer, into a base variable and
 * an offset.  Returns 0 if it has no such form.
 */
static int lf_base_row_split(CXCursor init, __isl_keep struct lf_base_row *row)
{
	CXCursor *ch;
	int n, ok = 0, p;

	init = lf_cursor_strip(init);
	row->offset = clang_getNullCursor();
	row->neg = 0;
	if (clang_getCursorKind(init) == CXCursor_DeclRefExpr) {
		row->base = init;
		return 1;
	}
	n = lf_cursor_children(init, &ch);
	if (clang_getCursorKind(init) == CXCursor_BinaryOperator && n == 2) {
		enum CXBinaryOperatorKind op;

		op = clang_getCursorBinaryOperatorKind(init);
		p = clang_getCanonicalType(clang_getCursorType(ch[0])).kind !=
		    CXType_Pointer;
		ok = op == CXBinaryOperator_Add ||
		     (op == CXBinaryOperator_Sub && !p);
		row->base = lf_cursor_strip(ch[p]);
		row->offset = ch[1 - p];
		row->neg = op == CXBinaryOperator_Sub;
	} else if (clang_getCursorKind(init) == CXCursor_UnaryOperator &&
		   n == 1 && clang_getCursorUnaryOperatorKind(init) ==
		   CXUnaryOperator_AddrOf) {
		CXCursor sub = lf_cursor_strip(ch[0]), *sch;

		if (clang_getCursorKind(sub) == CXCursor_ArraySubscriptExpr &&
		    lf_cursor_children(sub, &sch) == 2) {
			row->base = lf_cursor_strip(sch[0]);
			row->offset = sch[1];
			ok = 1;
		}
		if (clang_getCursorKind(sub) == CXCursor_ArraySubscriptExpr)
			free(sch);
	}
	free(ch);
	return ok && clang_getCursorKind(row->base) == CXCursor_DeclRefExpr;
}

/* The initializer of variable "decl", or a null cursor.
 */
static CXCursor lf_base_init(CXCursor decl)
{
	CXCursor *ch, init = clang_getNullCursor();
	int n = lf_cursor_children(decl, &ch);

	if (n > 0 && clang_isExpression(clang_getCursorKind(ch[n - 1])))
		init = ch[n - 1];
	free(ch);
	return init;
}

struct lf_base_shadow {
	const char *name;
	const char *usr;
	int found;
};

/* Is "c" another declaration of data->name?
 */
static enum CXChildVisitResult lf_base_visit_shadow(CXCursor c,
	CXCursor parent, CXClientData data)
{
	struct lf_base_shadow *sh = data;
	enum CXCursorKind kind = clang_getCursorKind(c);
	char *name, *usr;

	if (kind != CXCursor_VarDecl && kind != CXCursor_ParmDecl)
		return CXChildVisit_Recurse;
	name = lf_cursor_name(c);
	usr = lf_cursor_usr(c);
	if (!name || !usr || (!strcmp(name, sh->name) &&
			      strcmp(usr, sh->usr)))
		sh->found = 1;
	free(name);
	free(usr);
	return sh->found ? CXChildVisit_Break : CXChildVisit_Recurse;
}

/* Does the function of local "o" declare another variable named like
 * "base", which the spelling of base might mean elsewhere?
 */
static int lf_base_is_shadowed(CXCursor o, CXCursor base)
{
	struct lf_base_shadow sh = { NULL, NULL, 0 };
	char *name = lf_cursor_name(base), *usr = lf_cursor_usr(base);

	sh.name = name;
	sh.usr = usr;
	if (name && usr)
		clang_visitChildren(clang_getCursorSemanticParent(o),
				    &lf_base_visit_shadow, &sh);
	free(name);
	free(usr);
	return !name || !usr || sh.found;
}

/* The elements of the pointer or array type "type" if they are neither
 * pointers nor arrays nor structs, else an invalid type.
 */
static CXType lf_base_element(CXType type)
{
	CXType elem = { CXType_Invalid, { NULL, NULL } };

	type = clang_getCanonicalType(type);
	if (type.kind == CXType_Pointer)
		type = clang_getCanonicalType(clang_getPointeeType(type));
	else if (lf_cursor_is_array_type(type))
		type = clang_getCanonicalType(clang_getArrayElementType(type));
	else
		return elem;
	if (type.kind == CXType_Pointer || type.kind == CXType_Record ||
	    lf_cursor_is_array_type(type))
		return elem;
	return type;
}

/* Do "a" and "b" have elements of the same type and size, and is "b"
 * a flat array or pointer?
 */
static int lf_base_same_elements(CXType a, CXType b)
{
	CXType ea = lf_base_element(a), eb = lf_base_element(b);

	if (ea.kind == CXType_Invalid || eb.kind == CXType_Invalid)
		return 0;
	return ea.kind == eb.kind &&
	       clang_Type_getSizeOf(ea) == clang_Type_getSizeOf(eb);
}

/* Can "o", defined at byte "from" from "row", be taken for a row of
 * row->base?  The base must be an array or a local pointer that nothing
 * changes after the definition, spelled alike everywhere in the
 * function, and the offset stable.
 */
static int lf_base_row_ok(__isl_keep struct lf_builder *b, CXCursor o,
	__isl_keep struct lf_base_row *row, unsigned from)
{
	CXCursor base = clang_getCursorReferenced(row->base);
	CXType type = clang_getCursorType(base);
	enum CXCursorKind kind = clang_getCursorKind(base);
	char *usr;
	int ok;

	if (kind != CXCursor_VarDecl && kind != CXCursor_ParmDecl)
		return 0;
	if (!lf_base_same_elements(clang_getCursorType(o), type) ||
	    clang_isVolatileQualifiedType(type) ||
	    lf_base_is_shadowed(o, base))
		return 0;
	if (!clang_Cursor_isNull(row->offset) &&
	    !lf_base_is_stable(b, row->offset, from))
		return 0;
	if (lf_cursor_is_array_type(type))
		return 1;
	usr = lf_cursor_usr(base);
	ok = usr && lf_base_is_local(base) &&
	     !lf_base_written_after(b, usr, from);
	free(usr);
	return ok;
}

/* Is local pointer "o" (keyed "usr") a row of another array, as "row"
 * then says?
 */
int lf_base_is_row(__isl_keep struct lf_builder *b, CXCursor o,
	__isl_keep const char *usr, __isl_keep struct lf_base_row *row)
{
	CXCursor init = lf_base_init(o);
	unsigned from = lf_build_offset(b, o);

	if (b->jumps || clang_Cursor_isNull(init) ||
	    lf_base_written_after(b, usr, 0))
		return 0;
	return lf_base_row_split(init, row) && lf_base_row_ok(b, o, row, from);
}

