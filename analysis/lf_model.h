/* SPDX-License-Identifier: MIT */
#ifndef LF_MODEL_H
#define LF_MODEL_H

#include <isl/ctx.h>
#include <isl/set.h>
#include <isl/map.h>

#include "lf_loc.h"
#include "lf_reason.h"

/* The polyhedral model of one C file, as the front end builds it.
 *
 * A file holds functions; a function holds runs.  A run is a maximal
 * sequence of loop nests that follow each other in one compound statement
 * with nothing but white space and comments between them: those are the
 * nests that may be fused.  A nest is either modeled exactly (it has
 * statements with domains and accesses) or opaque (it has a reason and
 * the location of the construct that could not be modeled); an opaque
 * nest is a barrier that nothing is fused across.
 *
 * Statements.  A statement is the unit that keeps its source text: an
 * expression statement in a loop body, or a "compound" statement: a
 * block that declares local variables, or an if whose condition is not
 * affine.  A compound is printed as a whole and its inner loops are not
 * transformed; its accesses are the union over its inner loops, and
 * every write inside it is a may-write.  An affine if is not a
 * statement: its condition becomes part of the domains below it.
 *
 * Names.  Statement i is the isl tuple "S<i>"; access k is tagged with
 * the tuple "R<k>"; arrays are isl tuples named after the model array
 * name (lf_array.name).  Every isl object of one file lives in the same
 * isl_ctx, owned by the caller of lf_frontend_parse.
 *
 * Source positions are byte offsets into lf_file.text (the main file as
 * read from disk) and 1-based line and column numbers (columns count
 * bytes).
 */

/* The deepest loop nesting the model handles. */
#define LF_MAX_DEPTH 16


/* A C integer type: its width in bits and whether it is signed (bits
 * is 0 for anything else, and for _Bool).
 */
struct lf_int_type {
	int bits;
	int is_signed;
};

/* The bytes [begin, end) of the file. */
struct lf_span {
	unsigned begin;
	unsigned end;
};

enum lf_access_kind {
	LF_ACCESS_READ,
	LF_ACCESS_MUST_WRITE,
	LF_ACCESS_MAY_WRITE
};

/* One array reference, "a[i][j + 1]", or a scalar variable, "s".
 * rel is { S<stmt>[iterators] -> <array>[subscripts] } (zero subscripts
 * for a scalar), over the parameters of the run.  spelled is set when
 * its text is in the file as it is, not made by a macro.
 */
struct lf_access {
	int id;
	int stmt;
	int array;
	enum lf_access_kind kind;
	char *text;
	struct lf_loc loc;
	int spelled;
	isl_map *rel;
};

/* Where an array lives decides what it may alias (lf_deps_may_alias).
 */
enum lf_array_origin {
	LF_ARRAY_GLOBAL,	/* file-scope variable */
	LF_ARRAY_LOCAL,		/* local variable of the function */
	LF_ARRAY_PARAM_VALUE,	/* parameter passed by value (a scalar) */
	LF_ARRAY_PARAM_POINTER,	/* pointer, array or VLA parameter */
	LF_ARRAY_ERRNO		/* errno, which math functions may set */
};

/* A variable that statements read or write: an array, or a scalar
 * (n_dim == 0).  is_restrict is set for restrict-qualified pointer
 * parameters.  elem_size is the size in bytes of one element (4 where
 * clang cannot tell).  decl is where the variable is declared.  For a
 * local array declared without initializer, with nothing after its
 * dimensions, dims is the text of its dimensions ("[N][M]"; empty
 * otherwise), and n_ref the number of times its function names it
 * (through macros too).  aliased is set for a global when some global
 * of the unit is another name for storage (an alias attribute or an
 * asm label): then globals may overlap.  var is the variable's name
 * as the source spells it (name may differ, to keep names apart).
 * size[k] is the number of elements of dimension k that the type
 * gives, or -1 (the outermost one of a pointer, a variable length).
 *
 * any_pointer is set for an array reached through a value the run does
 * not change but whose target is unknown: a struct member ("p->x",
 * "l.output", "s->v" for a member array, "l.scale" for a scalar
 * member; var is then that spelling) or a local pointer ("o") that is
 * not known to be a row of another array.  Such an array may share
 * memory with anything whose address can be had: globals, pointer
 * parameters whether restrict or not (the pointer may be based on
 * them), other such arrays, and escaped locals.  escaped is set for a
 * local that a pointer may reach: a local array (which decays to a
 * pointer) or a scalar whose address is taken.
 *
 * flat is set for an array of one C dimension that the run reaches by
 * flat subscripts with run-time strides, a[i * n + j] (lf_delin.c):
 * its n_dim dimensions are those of the shape its accesses fit
 * ([*][n], sizes -1), not those of its type.  Dimension k >= 1 then
 * has flat_factor[k] * flat_size[k] elements, flat_size[k] the name
 * of a parameter of the run.
 */
struct lf_array {
	char *name;
	char *var;
	long long size[LF_MAX_DEPTH];
	enum lf_array_origin origin;
	int is_restrict;
	int n_dim;
	int elem_size;
	struct lf_loc decl;
	struct lf_span dims;
	int n_ref;
	int aliased;
	int any_pointer;
	int escaped;
	int flat;
	long flat_factor[LF_MAX_DEPTH];
	char *flat_size[LF_MAX_DEPTH];
};

/* A size the domains and subscripts use symbolically.  Function
 * parameters and local integers that the run does not write have no
 * known value (has_value == 0); the run's context bounds them by their
 * C type, bits wide and signed or not.  Macros, enumerators and const
 * integers have one, and the run's context fixes them to it.
 */
enum lf_param_origin {
	LF_PARAM_FUNCTION,
	LF_PARAM_LOCAL,
	LF_PARAM_GLOBAL,	/* a pointer may reach it */
	LF_PARAM_MACRO,
	LF_PARAM_ENUM,
	LF_PARAM_CONST
};

struct lf_param {
	char *name;
	enum lf_param_origin origin;
	int has_value;
	long value;
	struct lf_int_type type;
};

/* One for loop.  dir is +1 for a loop that counts up and -1 for one
 * that counts down (its schedule dimension is then -iterator).
 * iter_type is the C spelling of the iterator's type ("int", "long",
 * "size_t", ...), and type that type itself.  iter_outside is set when
 * the iterator is declared before the for rather than in it; such an
 * iterator is dead after its nest: every path from the nest's end
 * assigns it before reading it (lf_live.c; the front end makes the nest
 * opaque otherwise), so the value a rewrite leaves in it is not seen.
 * parent is the enclosing loop in the same nest, or -1.
 */
struct lf_loop {
	char *iter;
	char *iter_type;
	struct lf_int_type type;
	int dir;
	int iter_outside;
	int parent;
	int nest;
	int depth;
	struct lf_loc loc;
};

/* An occurrence of a loop iterator in a statement's text, to be replaced
 * by the expression the generated code computes for it.  level is the
 * depth (0 = outermost) of the loop whose iterator it is.  in_macro is
 * set when it is in the arguments of a macro, whose body may apply any
 * operator to it.
 */
struct lf_subst {
	unsigned offset;
	unsigned len;
	int level;
	int in_macro;
};

/* A statement instance runs inside loops[0 .. depth - 1] (outermost
 * first).  pos[l] is the statement's position among the statements and
 * loops in the body of loops[l - 1] (pos[0] is its nest's index in
 * the run); together they give the original schedule
 *   [pos[0], dir0 * i0, pos[1], dir1 * i1, ..., pos[depth]].
 * [begin, end) is the statement's text, including its ';' or '}'.
 * domain is { S<i>[i0, ..., i<depth-1>] : ... } over the run's
 * parameters.  outer_iters names the variables declared before the run
 * that loops inside a compound statement use as iterators: code that
 * runs its instances in parallel must make them private.  names are the
 * identifiers the statement spells, refers to (also through macros) or
 * declares, but for its own iterators where they are replaced: a name
 * generated code gives a loop must not be one of them.
 */
struct lf_stmt {
	char *name;
	int nest;
	int depth;
	int *loops;
	int *pos;
	int is_compound;
	unsigned begin;
	unsigned end;
	struct lf_loc loc;
	isl_set *domain;
	int n_subst;
	struct lf_subst *subst;
	int n_outer_iter;
	char **outer_iters;
	int n_name;
	char **names;
	int n_access;
	int *accesses;
};

/* A loop nest: one for statement at the level of its compound statement.
 * [begin, end) spans the for statement.  perfect_depth is the number of
 * outer loops whose bodies hold nothing but the next loop (the
 * innermost of them may hold anything).  An opaque nest has no
 * statements and the reason why ("a[idx[i]]: subscript is not affine").  prefix is what stands before the nest's "for"
 * after the previous statement, such as "#pragma omp parallel for": it
 * applies to the nest, which is therefore kept as it is written.
 */
struct lf_nest {
	unsigned begin;
	unsigned end;
	struct lf_loc loc;
	struct lf_loc end_loc;
	int first_stmt;
	int n_stmt;
	int first_loop;
	int n_loop;
	int depth;
	int perfect_depth;
	struct lf_reason *opaque;
	char *prefix;
	struct lf_loc prefix_loc;
};

/* A run of consecutive nests.  The statements of nest n are
 * stmts[nests[n].first_stmt ..], in textual order; likewise loops.
 * context constrains the parameters (fixed values, unsigned >= 0).
 * outside_types holds the sizes for which the iterations of some loop
 * leave the range of its iterator's type (other values of constants).
 * indent is the white space before the first nest's "for" on its line;
 * indent_unit is one level of the file's indentation ("\t", "    ").
 * comments are the ranges of the comments in the run's text, and
 * long_tokens those of its tokens that span lines (a string or a
 * comment continued with a backslash): the text inside them is never
 * indented again.
 */
struct lf_run {
	int function;
	unsigned begin;
	unsigned end;
	struct lf_loc loc;
	char *indent;
	char *indent_unit;
	isl_set *context;
	isl_set *outside_types;
	int n_param;
	struct lf_param *params;
	int n_array;
	struct lf_array *arrays;
	int n_nest;
	struct lf_nest *nests;
	int n_loop;
	struct lf_loop *loops;
	int n_stmt;
	struct lf_stmt *stmts;
	int n_access;
	struct lf_access *accesses;
	int n_comment;
	struct lf_span *comments;
	int n_long_token;
	struct lf_span *long_tokens;
};

/* A call statement "f(args);" next to loop nests (or to another such
 * call) in a block, where f is defined in the file or called through a
 * pointer.  [begin, end) is the statement through its ';'.  When the
 * call can stand, for the analysis, for the loop nests of f's body
 * with every formal parameter replaced by its argument, text is those
 * nests so written (n_nest of them), and in lf_file.expanded they are
 * at [exp_begin, exp_end); otherwise text is NULL and refused says why
 * the call stays a call.
 */
struct lf_call {
	unsigned begin;
	unsigned end;
	struct lf_loc loc;
	char *callee;
	char *text;
	int n_nest;
	struct lf_reason *refused;
	unsigned exp_begin;
	unsigned exp_end;
};

struct lf_function {
	char *name;
	struct lf_loc loc;
	unsigned body_begin;
	unsigned body_end;
};

/* A file: its text exactly as on disk, whether its lines end in CRLF,
 * its functions and runs (runs in textual order), and every identifier
 * that occurs in it (sorted, for choosing fresh names), and where it
 * expands __LINE__ or __COUNTER__ (line_uses, sorted offsets).  When
 * only one function is modeled (lf_frontend_options.function),
 * function_found says whether the file defines it.  includes: the
 * paths of the files it includes, directly or not, each once, as clang
 * opened them (for a depfile).  calls: the calls next to loop nests
 * (lf_call); expanded, if not NULL, is the file as it would be with
 * every call that has a text replaced by it, modeled alike, with no
 * calls of its own.
 */
struct lf_file {
	char *path;
	char *text;
	unsigned len;
	int crlf;
	int n_function;
	struct lf_function *functions;
	int function_found;
	int n_run;
	struct lf_run **runs;
	int n_ident;
	char **idents;
	int n_line_use;
	unsigned *line_uses;
	int n_include;
	char **includes;
	int c89;
	int n_call;
	struct lf_call *calls;
	struct lf_file *expanded;
};

/* Ownership of the project's own objects and strings is annotated as
 * isl annotates that of its objects.  __isl_give: the caller owns the result
 * and frees it.  __isl_keep on a result: it points into an object the
 * caller has (or is constant) and is not freed.  __isl_take on a
 * parameter: the function frees or keeps the object, which the caller
 * may no longer use.  __isl_keep on a parameter: the function only
 * borrows the object, to read it or to update it in place; a function
 * that frees what a record holds but leaves the record itself (an
 * lf_*_clear, lf_buf_free) keeps it too.
 *
 * Out-parameters are not annotated: pointers through which a function
 * stores its result in storage the caller provides, without reading
 * what was there (int *n, isl_set **domain, char ***idents, and whole
 * records a function fills, such as the lf_witness of
 * lf_legality_check or the lf_result of lf_rewrite_file); the comment
 * of the function says what they get and who frees it.  Nor are
 * pointers to plain values (scalars, arrays of ints, of strings or of
 * libclang cursors), void *user, FILE *, isl_ctx * (as in isl) and
 * function pointers.
 */

/* Free what the record owns; the record itself stays. */
void lf_stmt_clear(__isl_keep struct lf_stmt *stmt);
void lf_access_clear(__isl_keep struct lf_access *access);
void lf_loop_clear(__isl_keep struct lf_loop *loop);
void lf_run_free(__isl_take struct lf_run *run);
void lf_call_clear(__isl_keep struct lf_call *call);
void lf_file_free(__isl_take struct lf_file *file);

int lf_file_has_ident(__isl_keep const struct lf_file *file,
	__isl_keep const char *name);
struct lf_int_type lf_int_type_int(void);
__isl_give isl_val *lf_int_type_min(isl_ctx *ctx, struct lf_int_type t);
__isl_give isl_val *lf_int_type_max(isl_ctx *ctx, struct lf_int_type t);
__isl_give isl_set *lf_run_loose_context(__isl_keep struct lf_run *run);
__isl_keep struct lf_stmt *lf_run_stmt_by_name(__isl_keep struct lf_run *run,
	__isl_keep const char *name);
struct lf_loc lf_file_loc(__isl_keep const struct lf_file *file,
	unsigned offset);

#endif
