/* SPDX-License-Identifier: MIT */
/* lf_gen: print a random C11 program for differential testing of loopfuse.
 *
 * "lf_gen SEED" writes to stdout a program whose function "kernel" holds
 * a run of 2 to 6 consecutive loop nests over a few shared arrays, and
 * whose "main" fills the arrays, calls kernel and prints one FNV-1a hash
 * per array.  In one program in five, one of the nests is a matrix
 * product (C zeroed, then += A[i][k] * B[k][j]), mostly followed by an
 * epilogue nest over C, the shape loopfuse tiles with k in blocks.  The
 * same seed always gives the same program.
 *
 * Besides, each class of constructs behind the miscompiles that the
 * programs of tests/adversarial found is switched on in about one
 * program in ten (lf_x_percent), independently of the others; it adds
 * nests of its own (over arrays w<N> of their own, which main fills and
 * hashes too, sometimes also reading the program's arrays) among the
 * nests of the run, and may change those a little:
 *   INT_TYPES  unsigned, unsigned char, short, long and size_t iterators
 *              and bounds, int iterators against unsigned bounds (from
 *              -1: no iteration), wrapping unsigned arithmetic in
 *              subscripts, casts in bounds and subscripts;
 *   LIMITS     loops ending at INT_MAX, SHRT_MAX, UINT_MAX, SIZE_MAX,
 *              LONG_MAX, UCHAR_MAX or starting at INT_MIN, SHRT_MIN,
 *              LONG_MIN (passed at run time, subtracted in subscripts),
 *              with shifted consumers; products with such rows;
 *   FAR        nests over [0, k) and [off, off + k) with off up to 2^42;
 *   MACROS     "#define SZ 60+4", ID(y[i]) and SCALAR_VAL at the end of
 *              statements, ';' from a macro, arguments used twice or
 *              stringified, token pasting that names a global like a
 *              generated loop, a macro naming a global like an
 *              iterator, __LINE__ in and after the nests;
 *   PRAGMAS    omp parallel for, GCC ivdep (also through _Pragma in a
 *              macro) on independent loops, unroll on any loop;
 *   ERRNO      sqrtf, logf, expf, powf, log10f on inputs that sometimes
 *              make them set errno; main prints errno;
 *   PURITY     static helpers in call chains and cycles, one of them
 *              writing a global or keeping static state, or none;
 *   TEXT       comment markers in strings, comments between header
 *              tokens, "//" comments continued by a backslash;
 *   CONTRACT   local arrays passed from one nest to the next, also named
 *              by sizeof, a pointer, a function call or a macro;
 *   NAMES      globals, locals, enumerators and typedefs named it, jt,
 *              i_2, lf_c0 (loopfuse's names for its loops), blocks that
 *              declare them, a parameter j bounding a nest after one
 *              over j;
 *   ALIAS      pointer parameters without restrict, called with
 *              overlapping arguments or a pointer into a global that
 *              kernel writes by name, or with distinct arrays;
 *   OUTSIDE    iterators declared before the loops and given a new value
 *              before later code reads them, labels and gotos (a forward
 *              one never taken, a backward one that runs the nests
 *              twice).
 * The classes draw on a stream of random numbers of their own, so a
 * program that gets none of them is the one earlier versions printed.
 *
 * One more class, RTCHECK (lf_gen_alias.c), is switched on in about
 * one program in ten on a third stream: a function rt_kernel over
 * pointer parameters without restrict, which main calls after the rest
 * several times with distinct, equal, overlapping, touching and empty
 * ranges, so that both branches of loopfuse's run-time alias checks
 * run.  "lf_gen --with=rtcheck SEED" switches it on whatever the seed
 * says; "lf_gen --only=rtcheck SEED" prints a program of that class
 * alone.
 *
 * Class FLAT (lf_gen_flat.c) is switched on in about one program in ten
 * on a fourth stream: a function flat_kernel over flat "float *"
 * parameters indexed (i + di) * ld + j + dj (and in three dimensions)
 * with sizes passed at run time, whose inner loops run to the stride,
 * past it or to an unrelated size, which main calls several times with
 * different sizes and with its parameters without restrict in one
 * buffer or not.  "--with=flat" and "--only=flat" select it as for
 * RTCHECK.
 *
 * Class CALLS (lf_gen_calls.c), on a stream of its own in about one
 * program in ten, adds operators in static functions that a kernel
 * ck_kernel calls in turn, with nests of its own between the calls,
 * which main calls after the rest: "--with=calls" and "--only=calls"
 * as above.
 *
 * Class SPLIT (lf_gen_split.c), on a stream of its own in about one
 * program in twelve (where kernel has no locals), moves some of
 * kernel's own nests into static functions with kernel's parameters,
 * which kernel calls in their place: fusion across calls then meets
 * every shape above.  "--with=split" switches it on wherever it can.
 *
 * The program must not have undefined behaviour, or comparing it with
 * its rewritten form would prove nothing:
 *   - main passes fixed values for the parameters n and m, so the range
 *     of every iterator is known here; every subscript is an expression
 *     whose range, by interval arithmetic over those ranges, lies in
 *     [0, LF_USE), and arrays have LF_DIM > LF_USE elements in each
 *     dimension, so that a parameter that aliases another one at an
 *     offset of up to LF_DIM - LF_USE stays in bounds as well;
 *   - integer reads are masked to a few bits before they are combined
 *     and every nest has an iteration budget, so sums cannot overflow;
 *   - float expressions are kept small (scaled terms, bounded functions)
 *     and are never converted to int.
 *
 * Every class keeps to that: its loops have known trip counts and stay
 * within their arrays, integer arithmetic that may wrap is unsigned,
 * and results of math calls are clamped (a NaN's bits are not the same
 * everywhere).
 *
 * The first line of the program is
 *
 *     // lf_gen seed=S distinct=D [errno=1] [cflags=F1,F2...]
 *
 * where D is 1 if no two pointer parameters that kernel uses point into
 * the same memory and none of them points to a global that kernel uses,
 * that is, if kernel may be analyzed as if all its arrays were distinct;
 * "errno=1" says that the program prints errno after calling math
 * functions that may set it (not when built with -fno-math-errno, where
 * it means nothing, nor by clang with -fopenmp, whose runtime sets it),
 * so that it is worth checking with -fno-math-errno too; "cflags="
 * lists, separated by commas, flags the program must be built with
 * (-fopenmp for the directives of class PRAGMAS), which loopfuse gets
 * after "--" as well.  scripts/fuzz-diff reads this line.
 */

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lf_gen.h"

#define LF_DIM		64
#define LF_USE		56
#define LF_MAX_ARRAY	6
#define LF_MAX_DEPTH	4
#define LF_MAX_TEMP	16
#define LF_N_PAR	4
#define LF_NEST_BUDGET	40000

static const char *lf_par_name[LF_N_PAR] = { "n", "m", "h", "LEN" };
static const char *lf_iter_name[LF_MAX_DEPTH] = { "i", "j", "k", "l" };

/* An affine expression in the iterators of the enclosing loops (by
 * level) and the parameters n, m, h (a local, n / 2) and LEN (a macro).
 */
struct lf_aff {
	int it[LF_MAX_DEPTH];
	int par[LF_N_PAR];
	int cst;
};

/* The bounds of a loop: it takes the values in [lower, upper), every
 * step-th one, counting down from upper - 1 if "down" is set.
 * The remaining fields only choose between equivalent spellings.
 */
struct lf_bound {
	struct lf_aff lower;
	struct lf_aff upper;
	int down;
	int step;
	int is_long;
	int inclusive;
	int inc_style;
};

enum lf_kind {
	LF_GLOBAL,
	LF_POINTER,
	LF_ARRAY_PARAM,
	LF_VLA_PARAM
};

/* An array of kernel.  A parameter whose "share" is not -1 gets the
 * memory of array "share" (its storage, or the global itself), at
 * "offset" elements or rows, from main.  Kernel never writes an "input".
 */
struct lf_array {
	char name;
	int is_int;
	int n_dim;
	enum lf_kind kind;
	int is_restrict;
	int is_static;
	int share;
	int offset;
	int input;
	int used;
	int written;
};

struct lf_iter {
	int lo;
	int hi;
	int down;
};

struct lf_temp {
	int id;
	int is_int;
	int level;
};

/* The classes of constructs that hand-written programs found loopfuse
 * getting wrong (tests/adversarial/README.md): each one is switched on
 * in a program with a probability of its own and then adds nests of its
 * kind among the others, and for some classes changes the others a
 * little (comments in their headers, pragmas on their loops, globals
 * with the names loopfuse gives its loops in their expressions).
 */
enum lf_class {
	LF_X_INT_TYPES,
	LF_X_LIMITS,
	LF_X_FAR,
	LF_X_MACROS,
	LF_X_PRAGMAS,
	LF_X_ERRNO,
	LF_X_PURITY,
	LF_X_TEXT,
	LF_X_CONTRACT,
	LF_X_NAMES,
	LF_X_ALIAS,
	LF_X_OUTSIDE,
	LF_N_CLASS
};

#define LF_X_MAX_ARRAY	64
#define LF_X_MAX_PARAM	32
#define LF_X_MAX_BLOCK	24
#define LF_X_MAX_STR	1024
#define LF_N_CAP	9
#define LF_X_BIG	4096

/* How main fills an array of the classes: small integers, floats in
 * [-1, 1), or floats in [0.5, 2.1] (arguments of logf and sqrtf that
 * set errno only where main puts another value on purpose).
 */
enum lf_fill {
	LF_FILL_INT,
	LF_FILL_FLOAT,
	LF_FILL_POSITIVE
};

/* A global array of the classes; "size" is its first dimension as
 * spelled (a number or a macro), cols its second one (0 if none).
 */
struct lf_xarray {
	const char *name;
	const char *type;
	const char *size;
	int cols;
	enum lf_fill fill;
};

/* A parameter of kernel added by a class, and what main passes. */
struct lf_xparam {
	const char *type;
	const char *name;
	const char *value;
};

/* How a name that loopfuse may give a generated loop (see
 * rewrite/lf_names.c) is taken by the program.
 */
enum lf_cap_kind {
	LF_CAP_FREE,
	LF_CAP_GLOBAL,
	LF_CAP_LOCAL,
	LF_CAP_ENUM,
	LF_CAP_TYPEDEF,
	LF_CAP_PASTED
};

/* The text and state of the classes.  Blocks are runs of nests that
 * lf_gen_run puts between the others; the other texts go to fixed
 * places of the program.  Every string they use lives in "str".
 */
struct lf_extra {
	uint64_t rng;
	int on[LF_N_CLASS];
	int next;
	struct lf_text defs;
	struct lf_text globals;
	struct lf_text funcs;
	struct lf_text decl;
	struct lf_text tail;
	struct lf_text setup;
	struct lf_text report;
	struct lf_text *cur;
	int n_block;
	struct lf_text block[LF_X_MAX_BLOCK];
	int block_at[LF_X_MAX_BLOCK];
	int n_array;
	struct lf_xarray array[LF_X_MAX_ARRAY];
	int n_param;
	struct lf_xparam param[LF_X_MAX_PARAM];
	int n_str;
	char *str[LF_X_MAX_STR];
	int inc_errno;
	int inc_limits;
	int inc_stddef;
	int inc_stdint;
	int errno_used;
	int openmp;
	int overlap;
	int use_sink;
	int use_tail;
	int use_line;
	int again;
	int skip;
	int global_x;
	int own_iters;
	int param_j;
	int big;
	int use_phase;
	enum lf_cap_kind cap_kind[LF_N_CAP];
	const char *cap_spell[LF_N_CAP];
	int cap_used[LF_N_CAP];
};

/* The state of one generation.  par holds the values main passes for
 * n and m, and those of h and LEN.  In a "tame" program (one in two)
 * subscripts are mostly plain functions of the outer iterators and the
 * outer loops mostly repeat the bounds of the first nest, so that many
 * of its nests can be fused; the others explore more freely.
 */
struct lf_gen {
	uint64_t rng;
	unsigned long long seed;
	int par[LF_N_PAR];
	int par_used[LF_N_PAR];
	int salt;
	int idx_mul;
	int idx_add;
	int idx_mod;

	int n_array;
	struct lf_array array[LF_MAX_ARRAY];
	int has_int;
	int use_d[2];
	int use_idx;
	int use_tick;
	int use_itick;

	int tame;
	int outside;
	int outside_long[LF_MAX_DEPTH];
	int outside_used[LF_MAX_DEPTH];

	int n_iter;
	struct lf_iter iter[LF_MAX_DEPTH];
	long iterations;
	int have_shape[2];
	struct lf_bound shape[2];

	int n_temp;
	struct lf_temp temp[LF_MAX_TEMP];
	int n_pending;
	int pending_int;
	int next_id;
	int reduce;
	int reduce_int;
	int exclude;

	int want_indirect;
	int want_impure;
	int want_nonaffine;

	int indent;
	struct lf_text out;

	struct lf_extra x;
	struct lf_rtc rtc;
	struct lf_flat flat;
	struct lf_ck ck;
	struct lf_split split;
	int split_on;
};

static void lf_die(const char *msg)
{
	fprintf(stderr, "lf_gen: %s\n", msg);
	exit(2);
}

static void lf_text_vprintf(struct lf_text *text, const char *fmt, va_list ap)
{
	va_list copy;
	size_t len;
	int n;

	va_copy(copy, ap);
	n = vsnprintf(NULL, 0, fmt, copy);
	va_end(copy);
	if (n < 0)
		lf_die("formatting failed");
	len = (size_t) n;
	while (text->len + len + 1 > text->cap) {
		text->cap = text->cap ? 2 * text->cap : 1024;
		text->s = realloc(text->s, text->cap);
		if (!text->s)
			lf_die("out of memory");
	}
	vsnprintf(text->s + text->len, len + 1, fmt, ap);
	text->len += len;
}

void lf_text_printf(struct lf_text *text, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	lf_text_vprintf(text, fmt, ap);
	va_end(ap);
}

static void lf_text_append(struct lf_text *text, const struct lf_text *src)
{
	if (src->len)
		lf_text_printf(text, "%s", src->s);
}

/* Append to the kernel body being generated.
 */
static void lf_put(struct lf_gen *gen, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	lf_text_vprintf(&gen->out, fmt, ap);
	va_end(ap);
}

static void lf_indent(struct lf_gen *gen)
{
	int i;

	for (i = 0; i < gen->indent; i++)
		lf_put(gen, "\t");
}

/* splitmix64: a small generator whose sequence is the same everywhere.
 */
static uint64_t lf_next_of(uint64_t *state)
{
	uint64_t z;

	*state += 0x9e3779b97f4a7c15ULL;
	z = *state;
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

static uint64_t lf_next(struct lf_gen *gen)
{
	return lf_next_of(&gen->rng);
}

/* Return a number in [0, n).
 */
static int lf_rand(struct lf_gen *gen, int n)
{
	return (int) (lf_next(gen) % (uint64_t) n);
}

/* Return a number in [lo, hi].
 */
static int lf_between(struct lf_gen *gen, int lo, int hi)
{
	return lo + lf_rand(gen, hi - lo + 1);
}

static int lf_chance(struct lf_gen *gen, int percent)
{
	return lf_rand(gen, 100) < percent;
}

static const char *lf_pick(struct lf_gen *gen, const char **list, int n)
{
	return list[lf_rand(gen, n)];
}

/* The same on the stream of the classes (gen->x.rng).
 */
static int lf_xrand(struct lf_gen *gen, int n)
{
	return (int) (lf_next_of(&gen->x.rng) % (uint64_t) n);
}

static int lf_xbetween(struct lf_gen *gen, int lo, int hi)
{
	return lo + lf_xrand(gen, hi - lo + 1);
}

static int lf_xchance(struct lf_gen *gen, int percent)
{
	return lf_xrand(gen, 100) < percent;
}

static const char *lf_xpick(struct lf_gen *gen, const char **list, int n)
{
	return list[lf_xrand(gen, n)];
}

static int lf_x_on(struct lf_gen *gen, enum lf_class c)
{
	return gen->x.on[c];
}

static void lf_aff_init(struct lf_aff *aff)
{
	memset(aff, 0, sizeof(*aff));
}

static struct lf_aff lf_aff_const(int cst)
{
	struct lf_aff aff;

	lf_aff_init(&aff);
	aff.cst = cst;
	return aff;
}

/* Compute bounds on the values of "aff" over the current iterator
 * ranges.
 */
static void lf_aff_range(struct lf_gen *gen, const struct lf_aff *aff,
	int *lo, int *hi)
{
	int i;
	int c;

	*lo = *hi = aff->cst;
	for (i = 0; i < LF_N_PAR; i++) {
		*lo += aff->par[i] * gen->par[i];
		*hi += aff->par[i] * gen->par[i];
	}
	for (i = 0; i < gen->n_iter; i++) {
		c = aff->it[i];
		*lo += c * (c >= 0 ? gen->iter[i].lo : gen->iter[i].hi);
		*hi += c * (c >= 0 ? gen->iter[i].hi : gen->iter[i].lo);
	}
}

static const char *lf_iter_str(int level)
{
	return lf_iter_name[level];
}

/* Print the term c * name as the first term or as a continuation.
 */
static void lf_put_term(struct lf_gen *gen, int first, int c,
	const char *name)
{
	int a = c < 0 ? -c : c;

	if (first)
		lf_put(gen, c < 0 ? "-" : "");
	else
		lf_put(gen, c < 0 ? " - " : " + ");
	if (a != 1)
		lf_put(gen, "%d * ", a);
	lf_put(gen, "%s", name);
}

/* Print the terms of "aff" whose coefficients have the sign of "sign".
 */
static int lf_put_terms(struct lf_gen *gen, const struct lf_aff *aff,
	int sign, int first)
{
	int i;

	for (i = 0; i < LF_N_PAR; i++) {
		if (aff->par[i] * sign <= 0)
			continue;
		lf_put_term(gen, first, aff->par[i], lf_par_name[i]);
		gen->par_used[i] = 1;
		gen->par_used[0] |= i == 2;
		first = 0;
	}
	for (i = 0; i < LF_MAX_DEPTH; i++) {
		if (aff->it[i] * sign <= 0)
			continue;
		lf_put_term(gen, first, aff->it[i], lf_iter_str(i));
		first = 0;
	}
	return first;
}

/* Print "aff" as positive terms, then negative ones, with the constant
 * first if nothing else is positive ("n - 1 - i", "i + 2", "7 - j").
 */
static void lf_put_aff(struct lf_gen *gen, const struct lf_aff *aff)
{
	int first;
	int cst_done = 0;

	first = lf_put_terms(gen, aff, 1, 1);
	if (first && aff->cst > 0) {
		lf_put(gen, "%d", aff->cst);
		first = 0;
		cst_done = 1;
	}
	first = lf_put_terms(gen, aff, -1, first);
	if (!cst_done && aff->cst != 0) {
		if (first)
			lf_put(gen, "%d", aff->cst);
		else
			lf_put(gen, aff->cst < 0 ? " - %d" : " + %d",
				aff->cst < 0 ? -aff->cst : aff->cst);
		first = 0;
	}
	if (first)
		lf_put(gen, "0");
}

/* Shift "aff" by a constant so that it stays in [0, LF_USE); if it
 * spans too many values, fall back to the iterator "base".
 */
static void lf_aff_fit(struct lf_gen *gen, struct lf_aff *aff, int base)
{
	int lo;
	int hi;

	lf_aff_range(gen, aff, &lo, &hi);
	if (hi - lo >= LF_USE) {
		lf_aff_init(aff);
		aff->it[base] = 1;
		lf_aff_range(gen, aff, &lo, &hi);
	}
	if (lo < 0)
		aff->cst -= lo;
	else if (hi >= LF_USE)
		aff->cst -= hi - (LF_USE - 1);
}

static int lf_small_offset(struct lf_gen *gen)
{
	if (lf_chance(gen, 55))
		return 0;
	return lf_chance(gen, 50) ? lf_between(gen, 1, 2) :
		-lf_between(gen, 1, 2);
}

static int lf_other_iter(struct lf_gen *gen, int base)
{
	int other;

	other = lf_rand(gen, gen->n_iter - 1);
	return other >= base ? other + 1 : other;
}

/* Build a subscript around the iterator "base": plain or with an
 * offset, reversed against a parameter, a sum of two iterators, a
 * stride of two or a constant.  A tame program only looks back.
 */
static void lf_subscript_aff(struct lf_gen *gen, int base, int write,
	struct lf_aff *aff)
{
	int r;

	lf_aff_init(aff);
	aff->it[base] = 1;
	if (gen->tame) {
		aff->cst = lf_chance(gen, 70) ? 0 : lf_between(gen, 1, 2);
		if (!gen->iter[base].down)
			aff->cst = -aff->cst;
		lf_aff_fit(gen, aff, base);
		return;
	}
	r = lf_rand(gen, 100);
	if (write && r >= 40)
		r = lf_chance(gen, 70) ? 99 : r;
	if (r < 50) {
		aff->cst = lf_small_offset(gen);
	} else if (r < 62) {
		aff->it[base] = -1;
		aff->par[lf_rand(gen, 2)] = 1;
		aff->cst = -1 - lf_rand(gen, 2);
	} else if (r < 72 && gen->n_iter > 1) {
		aff->it[lf_other_iter(gen, base)] = 1;
		aff->cst = lf_small_offset(gen);
	} else if (r < 77) {
		aff->it[base] = 2;
		aff->cst = lf_rand(gen, 3);
	} else if (r < 83) {
		aff->it[base] = 0;
		aff->cst = lf_rand(gen, 12);
	} else if (r < 88) {
		aff->it[base] = -1;
		aff->cst = LF_USE - 1 - lf_rand(gen, 20);
	}
	lf_aff_fit(gen, aff, base);
}

static int lf_rand_iter(struct lf_gen *gen)
{
	return lf_rand(gen, gen->n_iter);
}

/* An indirect subscript: the values of lf_idx are all below LF_USE.
 */
static void lf_put_indirect(struct lf_gen *gen)
{
	gen->want_indirect = 0;
	gen->use_idx = 1;
	lf_put(gen, "lf_idx[%s]", lf_iter_str(lf_rand_iter(gen)));
}

/* A subscript that is not affine; iterators are never negative.
 */
static void lf_put_nonaffine(struct lf_gen *gen)
{
	int a;
	int b;

	gen->want_nonaffine = 0;
	a = lf_rand_iter(gen);
	b = lf_rand_iter(gen);
	lf_put(gen, "(%s * %s) %% %d", lf_iter_str(a), lf_iter_str(b),
		lf_between(gen, 7, LF_USE));
}

static void lf_put_subscript(struct lf_gen *gen, int base, int write)
{
	struct lf_aff aff;

	if (gen->want_indirect && lf_chance(gen, 50)) {
		lf_put_indirect(gen);
		return;
	}
	if (gen->want_nonaffine && lf_chance(gen, 40)) {
		lf_put_nonaffine(gen);
		return;
	}
	lf_subscript_aff(gen, base, write, &aff);
	lf_put_aff(gen, &aff);
}

/* Choose the iterators that the subscripts of a reference to "array"
 * are built around: the outer iterators in order ("natural"), sometimes
 * transposed, and for reads sometimes any iterator.
 */
static void lf_ref_bases(struct lf_gen *gen, struct lf_array *array,
	int write, int *base)
{
	int d;

	if (array->n_dim == 1) {
		base[0] = gen->tame || lf_chance(gen, 65) ? 0 : gen->n_iter - 1;
	} else if (gen->n_iter == 1) {
		base[0] = base[1] = 0;
	} else {
		base[0] = 0;
		base[1] = 1;
		if (lf_chance(gen, gen->tame ? 5 : 15)) {
			base[0] = 1;
			base[1] = 0;
		}
	}
	if (write || gen->tame || !lf_chance(gen, 35))
		return;
	for (d = 0; d < array->n_dim; d++)
		base[d] = lf_rand_iter(gen);
}

/* Print a reference to array "a", with its subscripts.
 */
static void lf_put_ref(struct lf_gen *gen, int a, int write)
{
	struct lf_array *array = &gen->array[a];
	int base[2];
	int d;

	array->used = 1;
	if (write)
		array->written = 1;
	lf_ref_bases(gen, array, write, base);
	lf_put(gen, "%c", array->name);
	for (d = 0; d < array->n_dim; d++) {
		lf_put(gen, "[");
		if (lf_chance(gen, write || gen->tame ? 3 : 8) ||
		    (d == 1 && gen->n_iter == 1 && lf_chance(gen, 50)))
			lf_put(gen, "%d", lf_rand(gen, LF_USE));
		else
			lf_put_subscript(gen, base[d], write);
		lf_put(gen, "]");
	}
}

/* Pick an array of the given type, other than gen->exclude.  A target
 * of a write is never an input; a read prefers arrays that earlier
 * statements wrote.  Return -1 if there is none.
 */
static int lf_pick_array(struct lf_gen *gen, int is_int, int write)
{
	int cand[LF_MAX_ARRAY];
	int n = 0;
	int w = 0;
	int i;

	for (i = 0; i < gen->n_array; i++) {
		if (gen->array[i].is_int != is_int || i == gen->exclude)
			continue;
		if (!write && gen->array[i].written)
			cand[w++] = i;
	}
	if (w > 0 && lf_chance(gen, 50))
		return cand[lf_rand(gen, w)];
	for (i = 0; i < gen->n_array; i++)
		if (gen->array[i].is_int == is_int && i != gen->exclude &&
		    !(write && gen->array[i].input))
			cand[n++] = i;
	if (n == 0)
		return -1;
	return cand[lf_rand(gen, n)];
}

/* Pick an input: a float array that kernel never writes.
 */
static int lf_pick_input(struct lf_gen *gen)
{
	int cand[LF_MAX_ARRAY];
	int n = 0;
	int i;

	for (i = 0; i < gen->n_array; i++)
		if (gen->array[i].input)
			cand[n++] = i;
	if (n == 0)
		return -1;
	return cand[lf_rand(gen, n)];
}

static void lf_put_plain_float_read(struct lf_gen *gen, int a)
{
	if (gen->want_impure) {
		gen->want_impure = 0;
		gen->use_tick = 1;
		lf_put(gen, "lf_tick(");
		lf_put_ref(gen, a, 0);
		lf_put(gen, ")");
		return;
	}
	lf_put_ref(gen, a, 0);
}

/* Print a read of a float array.  A "bounded" read stays in [-1, 1]:
 * it reads an input, or goes through sinf or cosf.  Values that are
 * added up many times must be bounded, or they could grow without
 * limit and end in infinities and NaNs.
 */
static void lf_put_float_read(struct lf_gen *gen, int bounded)
{
	int a;

	if (bounded && lf_chance(gen, 60) && (a = lf_pick_input(gen)) >= 0) {
		lf_put_ref(gen, a, 0);
		return;
	}
	a = lf_pick_array(gen, 0, 0);
	if (a < 0) {
		lf_put(gen, "0.5f");
		return;
	}
	if (bounded)
		lf_put(gen, lf_chance(gen, 50) ? "sinf(" : "cosf(");
	lf_put_plain_float_read(gen, a);
	if (bounded)
		lf_put(gen, ")");
}

static void lf_put_int_read(struct lf_gen *gen, int mask)
{
	int a;

	a = lf_pick_array(gen, 1, 0);
	if (a < 0) {
		lf_put(gen, "%d", lf_between(gen, 1, 9));
		return;
	}
	if (gen->want_impure) {
		gen->want_impure = 0;
		gen->use_itick = 1;
		lf_put(gen, "(lf_itick(");
		lf_put_ref(gen, a, 0);
		lf_put(gen, " & 1023) & %d)", mask);
		return;
	}
	lf_put(gen, "(");
	lf_put_ref(gen, a, 0);
	lf_put(gen, " & %d)", mask);
}

/* Pick a temporary in scope; float expressions may use int ones, int
 * expressions only int ones.
 */
static int lf_pick_temp(struct lf_gen *gen, int is_int)
{
	int cand[LF_MAX_TEMP];
	int n = 0;
	int i;

	for (i = 0; i < gen->n_temp - gen->n_pending; i++)
		if (!is_int || gen->temp[i].is_int)
			cand[n++] = i;
	if (n == 0)
		return -1;
	return cand[lf_rand(gen, n)];
}

/* A name that loopfuse might give a generated loop, taken by the
 * program (class NAMES): return its spelling if it has a value (a
 * global, a local of kernel, an enumerator, a global named by token
 * pasting), and sometimes, NULL otherwise.  Its values are in [0, 7].
 */
static const char *lf_x_capture_value(struct lf_gen *gen)
{
	int cand[LF_N_CAP];
	int n = 0;
	int i;

	for (i = 0; i < LF_N_CAP; i++)
		if (gen->x.cap_kind[i] != LF_CAP_FREE &&
		    gen->x.cap_kind[i] != LF_CAP_TYPEDEF)
			cand[n++] = i;
	if (n == 0 || !lf_xchance(gen, 10))
		return NULL;
	i = cand[lf_xrand(gen, n)];
	gen->x.cap_used[i] = 1;
	return gen->x.cap_spell[i];
}

/* Print temporary "t" as a float term (int ones are below 1024).
 */
static void lf_put_float_temp(struct lf_gen *gen, int t, const char *coef,
	int bounded)
{
	struct lf_temp *temp = &gen->temp[t];

	if (temp->is_int)
		lf_put(gen, "%s0.0625f * t%d", coef, temp->id);
	else if (bounded)
		lf_put(gen, "%scosf(t%d)", coef, temp->id);
	else
		lf_put(gen, "%st%d", coef, temp->id);
}

/* Use the oldest temporary that no statement reads yet.
 */
static int lf_take_pending(struct lf_gen *gen)
{
	int t;

	t = gen->n_temp - gen->n_pending;
	gen->n_pending--;
	return t;
}

/* Print a call to a pure math function; none of them returns more
 * than the largest of its arguments or 1.
 */
static void lf_put_math(struct lf_gen *gen, int bounded)
{
	static const char *unary[] = { "sinf", "cosf", "fabsf" };
	int r = lf_rand(gen, 5);

	if (r < 3) {
		lf_put(gen, "%s(", unary[r]);
		lf_put_float_read(gen, bounded && r == 2);
		lf_put(gen, ")");
	} else if (r == 3) {
		lf_put(gen, "sqrtf(fabsf(");
		lf_put_float_read(gen, bounded);
		lf_put(gen, "))");
	} else {
		lf_put(gen, lf_chance(gen, 50) ? "fminf(" : "fmaxf(");
		lf_put_float_read(gen, bounded);
		lf_put(gen, ", ");
		lf_put_float_read(gen, bounded);
		lf_put(gen, ")");
	}
}

/* The coefficient of a term of a float expression of n terms.  "small"
 * terms are added up many times; the coefficients of the other
 * expressions add up to at most 1, so that assignments never make
 * values grow.
 */
static const char *lf_float_coef(struct lf_gen *gen, int small, int n)
{
	static const char *one[] = { "", "0.5f * ", "0.75f * " };
	static const char *two[] = { "0.5f * ", "0.25f * " };
	static const char *tiny[] = { "0.125f * ", "0.25f * ", "0.0625f * " };

	if (small)
		return lf_pick(gen, tiny, 3);
	if (n == 1)
		return lf_pick(gen, one, 3);
	if (n == 2)
		return lf_pick(gen, two, 2);
	return "0.25f * ";
}

/* Print one term of a float expression of n terms.  The terms of
 * "small" expressions are bounded.
 */
static void lf_put_float_term(struct lf_gen *gen, int small, int n)
{
	const char *coef = lf_float_coef(gen, small, n);
	int r = lf_rand(gen, 100);
	int t;
	const char *cap;

	if (gen->n_pending > 0) {
		lf_put_float_temp(gen, lf_take_pending(gen), coef, small);
		return;
	}
	if ((cap = lf_x_capture_value(gen))) {
		lf_put(gen, "%s0.0625f * (float) %s", coef, cap);
		return;
	}
	if (r >= 82 && r < 92 && (t = lf_pick_temp(gen, 0)) >= 0) {
		lf_put_float_temp(gen, t, coef, small);
		return;
	}
	lf_put(gen, "%s", coef);
	if (r < 45) {
		lf_put_float_read(gen, small);
	} else if (r < 55 && gen->has_int) {
		lf_put(gen, "0.0625f * ");
		lf_put_int_read(gen, 1023);
	} else if (r < 67) {
		lf_put_math(gen, small);
	} else if (r < 75) {
		lf_put(gen, "%s", lf_iter_str(lf_rand_iter(gen)));
	} else if (r < 82) {
		t = 5 * lf_rand(gen, 2);
		lf_put(gen, "%d.%df", lf_rand(gen, 3), t);
	} else if (r < 96) {
		lf_put_float_read(gen, small);
		lf_put(gen, " * cosf(");
		lf_put_float_read(gen, 0);
		lf_put(gen, ")");
	} else {
		lf_put_float_read(gen, small);
	}
}

static void lf_put_float_expr(struct lf_gen *gen, int small)
{
	int n;
	int i;

	n = 1 + lf_rand(gen, 3);
	if (n < gen->n_pending)
		n = gen->n_pending;
	for (i = 0; i < n; i++) {
		if (i > 0)
			lf_put(gen, lf_chance(gen, 75) ? " + " : " - ");
		lf_put_float_term(gen, small, n);
	}
}

/* Print one term of an int expression.  "small" terms are below 64:
 * they are added up many times.  Other terms are below 8 * 1024.
 */
static void lf_put_int_term(struct lf_gen *gen, int small)
{
	int r = lf_rand(gen, 100);
	int t = -1;
	const char *cap;

	if (gen->n_pending == 0 && (cap = lf_x_capture_value(gen))) {
		lf_put(gen, "((int) %s & 7)", cap);
		return;
	}
	if (gen->n_pending > 0)
		t = lf_take_pending(gen);
	else if (r >= 80 && r < 92)
		t = lf_pick_temp(gen, 1);
	if (t >= 0) {
		lf_put(gen, small ? "(t%d & 63)" : "t%d", gen->temp[t].id);
		return;
	}
	if (r < 60) {
		if (!small && lf_chance(gen, 40))
			lf_put(gen, "%d * ", lf_between(gen, 2, 7));
		lf_put_int_read(gen, small ? 63 : 1023);
	} else if (r < 75) {
		if (!small && lf_chance(gen, 50))
			lf_put(gen, "%d * ", lf_between(gen, 2, 7));
		lf_put(gen, "%s", lf_iter_str(lf_rand_iter(gen)));
	} else {
		lf_put(gen, "%d", lf_between(gen, 1, 9));
	}
}

static void lf_put_int_expr(struct lf_gen *gen, int small)
{
	int n;
	int i;

	n = 1 + lf_rand(gen, 3);
	for (i = 0; i < n || gen->n_pending > 0; i++) {
		if (i > 0)
			lf_put(gen, lf_chance(gen, 75) ? " + " : " - ");
		lf_put_int_term(gen, small);
	}
}

/* Decide the type of the next statement: a type that can use the
 * pending temporaries, otherwise mostly float.
 */
static int lf_pick_type(struct lf_gen *gen)
{
	if (gen->n_pending > 0)
		return gen->pending_int;
	return gen->has_int && lf_chance(gen, 30);
}

/* Print "target op expression;" on one line.
 */
static void lf_gen_assign(struct lf_gen *gen)
{
	static const char *fop[] = { " = ", " = ", " = ", " += ", " += ",
		" -= " };
	int is_int = lf_pick_type(gen);
	int a = lf_pick_array(gen, is_int, 1);
	const char *op;

	lf_indent(gen);
	lf_put_ref(gen, a, 1);
	op = is_int ? (lf_chance(gen, 60) ? " = " : " += ") :
		lf_pick(gen, fop, 6);
	lf_put(gen, "%s", op);
	if (op[1] != '=')
		gen->exclude = a;
	if (is_int && op[1] == '=') {
		lf_put(gen, "(");
		lf_put_int_expr(gen, 0);
		lf_put(gen, ") & 1023");
	} else if (is_int) {
		lf_put_int_expr(gen, 1);
	} else {
		lf_put_float_expr(gen, op[1] != '=');
	}
	gen->exclude = -1;
	lf_put(gen, ";\n");
}

/* Print "s += expression;" for the scalar reduction gen->reduce.
 */
static void lf_gen_reduce_stmt(struct lf_gen *gen)
{
	lf_indent(gen);
	lf_put(gen, "s%d += ", gen->reduce);
	if (gen->reduce_int)
		lf_put_int_expr(gen, 1);
	else
		lf_put_float_expr(gen, 1);
	lf_put(gen, ";\n");
}

static const char *lf_cmp(struct lf_gen *gen)
{
	static const char *ops[] = { "<", "<=", ">", ">=" };

	return lf_pick(gen, ops, 4);
}

/* Print a condition on the iterators: mostly affine, sometimes with
 * a modulo.  C leaves the order in which a call's arguments are
 * evaluated open, so every number is drawn in a statement of its own:
 * the generator must print the same program whichever compiler built
 * it.  (The order is the one gcc used when they were arguments.)
 */
static void lf_put_cond(struct lf_gen *gen)
{
	int it = lf_rand_iter(gen);
	const char *name = lf_iter_str(it);
	int r = lf_rand(gen, 100);
	const char *cmp;
	int c;
	int p;

	if (r < 35) {
		c = lf_between(gen, gen->iter[it].lo, gen->iter[it].hi);
		lf_put(gen, "%s %s %d", name, lf_cmp(gen), c);
	} else if (r < 60) {
		p = lf_rand(gen, 2);
		gen->par_used[p] = 1;
		c = lf_between(gen, 1, 3);
		lf_put(gen, "%s %s %s - %d", name, lf_cmp(gen),
			lf_par_name[p], c);
	} else if (r < 80 && gen->n_iter > 1) {
		c = lf_other_iter(gen, it);
		lf_put(gen, "%s %s %s", name, lf_cmp(gen), lf_iter_str(c));
	} else if (r < 88 && gen->n_iter > 1) {
		gen->par_used[0] = 1;
		cmp = lf_cmp(gen);
		lf_put(gen, "%s + %s %s n", name,
			lf_iter_str(lf_other_iter(gen, it)), cmp);
	} else if (r < 94) {
		lf_put(gen, "%s %% 2 == %d", name, lf_rand(gen, 2));
	} else {
		lf_put(gen, "%s == %d", name,
			lf_between(gen, gen->iter[it].lo, gen->iter[it].hi));
	}
}

static void lf_gen_branch(struct lf_gen *gen, int braces)
{
	gen->indent++;
	if (gen->reduce >= 0 && lf_chance(gen, 50))
		lf_gen_reduce_stmt(gen);
	else
		lf_gen_assign(gen);
	gen->indent--;
	if (braces) {
		lf_indent(gen);
		lf_put(gen, "}");
	}
}

/* Print an if statement around one assignment, possibly with an else.
 */
static void lf_gen_guarded(struct lf_gen *gen, int with_else)
{
	int braces = lf_chance(gen, 50);

	lf_indent(gen);
	lf_put(gen, "if (");
	lf_put_cond(gen);
	lf_put(gen, braces ? ") {\n" : ")\n");
	lf_gen_branch(gen, braces);
	if (!with_else) {
		lf_put(gen, braces ? "\n" : "");
		return;
	}
	if (braces) {
		lf_put(gen, " else {\n");
	} else {
		lf_indent(gen);
		lf_put(gen, "else\n");
	}
	lf_gen_branch(gen, braces);
	lf_put(gen, braces ? "\n" : "");
}

static int lf_gen_stmt(struct lf_gen *gen)
{
	int r = lf_rand(gen, 100);

	if (r < 10)
		lf_gen_guarded(gen, 0);
	else if (r < 13)
		lf_gen_guarded(gen, 1);
	else
		lf_gen_assign(gen);
	return 1;
}

static int lf_gen_stmts(struct lf_gen *gen, int n)
{
	int i;

	for (i = 0; i < n; i++)
		lf_gen_stmt(gen);
	return n;
}

static void lf_add_temp(struct lf_gen *gen, int id, int is_int)
{
	struct lf_temp *temp;

	if (gen->n_temp >= LF_MAX_TEMP)
		lf_die("too many temporaries");
	temp = &gen->temp[gen->n_temp++];
	temp->id = id;
	temp->is_int = is_int;
	temp->level = gen->n_iter;
	gen->n_pending++;
	gen->pending_int = is_int;
}

/* Declare one or two scalar temporaries at the start of a loop body.
 * Each is used by the next initializer or statement (they are
 * "pending" until then), so none is unused.
 */
static int lf_gen_temps(struct lf_gen *gen)
{
	int n = 1 + lf_rand(gen, 2);
	int is_int;
	int i;
	int id;

	if (gen->n_pending > 0)
		is_int = gen->pending_int;
	else if (gen->reduce >= 0)
		is_int = gen->reduce_int;
	else
		is_int = lf_pick_type(gen);
	for (i = 0; i < n; i++) {
		id = gen->next_id++;
		lf_indent(gen);
		if (is_int) {
			lf_put(gen, "int t%d = (", id);
			lf_put_int_expr(gen, 0);
			lf_put(gen, ") & 1023;\n");
		} else {
			lf_put(gen, "float t%d = ", id);
			lf_put_float_expr(gen, 0);
			lf_put(gen, ";\n");
		}
		lf_add_temp(gen, id, is_int);
	}
	return n;
}

static void lf_put_bound_aff(struct lf_gen *gen, const struct lf_aff *aff,
	int delta)
{
	struct lf_aff copy = *aff;

	copy.cst += delta;
	lf_put_aff(gen, &copy);
}

static void lf_put_iter_decl(struct lf_gen *gen, int level,
	const struct lf_bound *bound)
{
	if (gen->outside) {
		gen->outside_used[level] = 1;
		lf_put(gen, "%s = ", lf_iter_str(level));
	} else {
		lf_put(gen, "%s %s = ", bound->is_long ? "long" : "int",
			lf_iter_str(level));
	}
}

static void lf_put_step(struct lf_gen *gen, const char *name,
	const struct lf_bound *bound)
{
	char sign = bound->down ? '-' : '+';

	if (bound->step != 1)
		lf_put(gen, "%s %c= %d", name, sign, bound->step);
	else if (bound->inc_style == 0)
		lf_put(gen, "%s%c%c", name, sign, sign);
	else if (bound->inc_style == 1)
		lf_put(gen, "%c%c%s", sign, sign, name);
	else
		lf_put(gen, "%s %c= 1", name, sign);
}

/* Sometimes a comment between two tokens of a loop header (class
 * TEXT), which looks like code or like the start of another comment.
 */
static void lf_x_header_comment(struct lf_gen *gen, int before)
{
	static const char *text[] = { "i < 0; i++)", "lower //", "\"/\" *",
		"\"", "bound" };
	const char *t;

	if (!lf_x_on(gen, LF_X_TEXT) || !lf_xchance(gen, 10))
		return;
	t = lf_xpick(gen, text, 5);
	lf_put(gen, before ? " /* %s */" : "/* %s */ ", t);
}

/* Print "for (init; cond; step)" for the loop at "level".
 */
static void lf_put_header(struct lf_gen *gen, int level,
	const struct lf_bound *bound)
{
	const char *name = lf_iter_str(level);

	lf_indent(gen);
	lf_put(gen, "for (");
	lf_x_header_comment(gen, 0);
	lf_put_iter_decl(gen, level, bound);
	if (!bound->down) {
		lf_put_aff(gen, &bound->lower);
		lf_put(gen, "; ");
		lf_x_header_comment(gen, 0);
		lf_put(gen, "%s %s ", name, bound->inclusive ? "<=" : "<");
		lf_put_bound_aff(gen, &bound->upper, bound->inclusive ? -1 : 0);
	} else {
		lf_put_bound_aff(gen, &bound->upper, -1);
		lf_put(gen, "; ");
		lf_x_header_comment(gen, 0);
		lf_put(gen, "%s %s ", name, bound->inclusive ? ">=" : ">");
		lf_put_bound_aff(gen, &bound->lower, bound->inclusive ? 0 : -1);
	}
	lf_put(gen, "; ");
	lf_put_step(gen, name, bound);
	lf_x_header_comment(gen, 1);
	lf_put(gen, ")");
}

static void lf_bound_lower(struct lf_gen *gen, int level, struct lf_aff *aff)
{
	int r = lf_rand(gen, 100);

	lf_aff_init(aff);
	if (r < 55 || (r >= 70 && level == 0))
		return;
	if (r < 65)
		aff->cst = 1;
	else if (r < 70)
		aff->cst = 2;
	else if (r < 88)
		aff->it[level - 1] = 1;
	else
		aff->it[level - 1] = aff->cst = 1;
}

static void lf_bound_upper(struct lf_gen *gen, int level, struct lf_aff *aff)
{
	int r = lf_rand(gen, 100);

	lf_aff_init(aff);
	if (level >= 2 && r < 60) {
		aff->cst = lf_between(gen, 2, 6);
	} else if (r < 35) {
		aff->par[0] = 1;
	} else if (r < 58) {
		aff->par[1] = 1;
	} else if (r < 63) {
		aff->par[2] = 1;
	} else if (r < 70) {
		aff->par[lf_rand(gen, 2)] = 1;
		aff->cst = -lf_between(gen, 1, 2);
	} else if (r < 80) {
		if (lf_chance(gen, 40))
			aff->par[3] = 1;
		else
			aff->cst = lf_between(gen, 3, 16);
	} else if (r < 90 && level > 0) {
		aff->it[level - 1] = 1;
		aff->cst = 1;
	} else if (r < 95 && level > 0) {
		aff->par[0] = 1;
		aff->it[level - 1] = -1;
	} else {
		aff->par[0] = 1;
	}
}

/* Compute the range [*lo, *hi] of values the loop may take.
 */
static void lf_bound_range(struct lf_gen *gen, const struct lf_bound *bound,
	int *lo, int *hi)
{
	int dummy;

	lf_aff_range(gen, &bound->lower, lo, &dummy);
	lf_aff_range(gen, &bound->upper, &dummy, hi);
	*hi -= 1;
}

static void lf_bound_style(struct lf_gen *gen, int level,
	struct lf_bound *bound)
{
	bound->down = lf_chance(gen, 15);
	if (gen->have_shape[0] && (gen->tame || lf_chance(gen, 85)))
		bound->down = gen->shape[0].down;
	bound->step = lf_chance(gen, 10) ? 2 : 1;
	bound->is_long = gen->outside ? gen->outside_long[level] :
		lf_chance(gen, 25);
	bound->inclusive = lf_chance(gen, 25);
	bound->inc_style = lf_rand(gen, 3);
}

/* Choose random bounds that are not always empty.
 */
static void lf_random_bound(struct lf_gen *gen, int level,
	struct lf_bound *bound)
{
	int lo;
	int hi;
	int tries;

	for (tries = 0; tries < 20; tries++) {
		lf_bound_lower(gen, level, &bound->lower);
		lf_bound_upper(gen, level, &bound->upper);
		lf_bound_range(gen, bound, &lo, &hi);
		if (lo <= hi)
			break;
	}
	if (lo > hi) {
		lf_aff_init(&bound->lower);
		lf_aff_init(&bound->upper);
		bound->upper.par[0] = 1;
	}
	lf_bound_style(gen, level, bound);
}

/* The two outer levels mostly reuse the bounds of the first nest, so
 * that nests have a chance to be fused.
 */
static void lf_choose_bound(struct lf_gen *gen, int level,
	struct lf_bound *bound)
{
	int lo;
	int hi;

	if (level < 2 && gen->have_shape[level] &&
	    lf_chance(gen, gen->tame ? 90 : 70)) {
		*bound = gen->shape[level];
		if (!gen->tame && lf_chance(gen, 8))
			bound->down = !bound->down;
	} else {
		lf_random_bound(gen, level, bound);
	}
	lf_bound_range(gen, bound, &lo, &hi);
	if (lo > hi || gen->iterations * (hi - lo + 1) > LF_NEST_BUDGET) {
		bound->lower = lf_aff_const(0);
		bound->upper = lf_aff_const(lf_between(gen, 2, 4));
	}
	if (level < 2 && !gen->have_shape[level]) {
		gen->have_shape[level] = 1;
		gen->shape[level] = *bound;
	}
}

static void lf_push_iter(struct lf_gen *gen, const struct lf_bound *bound)
{
	struct lf_iter *iter = &gen->iter[gen->n_iter++];

	lf_bound_range(gen, bound, &iter->lo, &iter->hi);
	iter->down = bound->down;
	gen->iterations *= iter->hi - iter->lo + 1;
}

/* Leave a loop body: its iterator and temporaries go out of scope.
 */
static void lf_pop_iter(struct lf_gen *gen)
{
	struct lf_iter *iter = &gen->iter[--gen->n_iter];

	gen->iterations /= iter->hi - iter->lo + 1;
	while (gen->n_temp > 0 &&
	    gen->temp[gen->n_temp - 1].level > gen->n_iter)
		gen->n_temp--;
}

static void lf_gen_loop(struct lf_gen *gen, int level, int depth);

/* Print "s = init; for (...) s += ...; target = s;" where the loop is
 * the innermost one of the nest.
 */
static int lf_gen_reduction(struct lf_gen *gen, int level, int depth)
{
	int id = gen->next_id++;
	int is_int = lf_pick_type(gen);
	int a;

	lf_indent(gen);
	if (is_int)
		lf_put(gen, "int s%d = 0;\n", id);
	else if (lf_chance(gen, 70))
		lf_put(gen, "float s%d = 0.0f;\n", id);
	else
		lf_put(gen, "float s%d = 0.5f;\n", id);
	gen->reduce = id;
	gen->reduce_int = is_int;
	lf_gen_loop(gen, level + 1, depth);
	gen->reduce = -1;
	a = lf_pick_array(gen, is_int, 1);
	lf_indent(gen);
	lf_put_ref(gen, a, 1);
	if (is_int)
		lf_put(gen, lf_chance(gen, 50) ? " = s%d & 1023;\n" :
			" += s%d & 255;\n", id);
	else
		lf_put(gen, lf_chance(gen, 50) ? " = s%d;\n" :
			" += 0.25f * s%d;\n", id);
	return 3;
}

static int lf_gen_innermost(struct lf_gen *gen)
{
	int n = 0;

	if (gen->reduce >= 0) {
		lf_gen_reduce_stmt(gen);
		n++;
		if (lf_chance(gen, 70))
			return n;
	}
	return n + lf_gen_stmts(gen, 1 + lf_rand(gen, 3));
}

/* Generate the body of the loop at "level" of a nest of "depth" loops
 * and return the number of statements in it.
 */
static int lf_gen_body(struct lf_gen *gen, int level, int depth)
{
	int n = 0;

	if (lf_chance(gen, 20))
		n += lf_gen_temps(gen);
	if (level == depth - 1)
		return n + lf_gen_innermost(gen);
	if (level == depth - 2 && gen->reduce < 0 && lf_chance(gen, 30))
		return n + lf_gen_reduction(gen, level, depth);
	if (gen->n_pending == 0 && lf_chance(gen, 15))
		n += lf_gen_stmts(gen, 1);
	lf_gen_loop(gen, level + 1, depth);
	n++;
	if (gen->reduce < 0 && lf_chance(gen, 8)) {
		lf_gen_loop(gen, level + 1, depth);
		n++;
	}
	if (lf_chance(gen, 15))
		n += lf_gen_stmts(gen, 1);
	return n;
}

/* Sometimes a pragma that any loop may have before the loop at "level"
 * (class PRAGMAS): unrolling changes no result.  It may be the only
 * statement of a body without braces, which C allows.
 */
static void lf_x_loop_pragma(struct lf_gen *gen, int level)
{
	static const char *unroll[] = { "#pragma GCC unroll 4",
		"#pragma GCC unroll 2", "_Pragma(\"GCC unroll 8\")" };

	if (!lf_x_on(gen, LF_X_PRAGMAS) || !lf_xchance(gen, level ? 10 : 20))
		return;
	lf_indent(gen);
	lf_put(gen, "%s\n", lf_xpick(gen, unroll, 3));
}

static void lf_gen_loop(struct lf_gen *gen, int level, int depth)
{
	struct lf_bound bound;
	struct lf_text outer;
	struct lf_text body = { NULL, 0, 0 };
	int n;

	lf_choose_bound(gen, level, &bound);
	lf_x_loop_pragma(gen, level);
	lf_put_header(gen, level, &bound);
	lf_push_iter(gen, &bound);
	outer = gen->out;
	gen->out = body;
	gen->indent++;
	n = lf_gen_body(gen, level, depth);
	gen->indent--;
	body = gen->out;
	gen->out = outer;
	lf_pop_iter(gen);
	if (n == 1 && lf_chance(gen, 40)) {
		lf_put(gen, "\n");
		lf_text_append(&gen->out, &body);
	} else {
		lf_put(gen, " {\n");
		lf_text_append(&gen->out, &body);
		lf_indent(gen);
		lf_put(gen, "}\n");
	}
	free(body.s);
}

static int lf_pick_depth(struct lf_gen *gen)
{
	int r = lf_rand(gen, 100);

	if (r < 20)
		return 1;
	if (r < 65)
		return 2;
	if (r < 90)
		return 3;
	return 4;
}

static void lf_gen_nest(struct lf_gen *gen, int blocker)
{
	gen->want_indirect = blocker == 1;
	gen->want_impure = blocker == 2;
	gen->want_nonaffine = blocker == 3;
	gen->iterations = 1;
	if (lf_chance(gen, 8)) {
		lf_indent(gen);
		lf_put(gen, "/* step %d */\n", gen->next_id);
	}
	lf_gen_loop(gen, 0, lf_pick_depth(gen));
	if (gen->n_pending != 0 || gen->n_temp != 0)
		lf_die("temporary left in scope");
	gen->want_indirect = gen->want_impure = gen->want_nonaffine = 0;
}

/* A random two-dimensional float array that kernel may write (any 0)
 * or read (any 1), preferably not "avoid"; -1 if there is none.
 */
static int lf_pick_matrix(struct lf_gen *gen, int any, int avoid)
{
	int cand[LF_MAX_ARRAY];
	int n = 0;
	int i;

	for (i = 0; i < gen->n_array; i++)
		if (gen->array[i].n_dim == 2 && !gen->array[i].is_int &&
		    (any || !gen->array[i].input) && i != avoid)
			cand[n++] = i;
	if (n == 0)
		return avoid >= 0 ? lf_pick_matrix(gen, any, -1) : -1;
	return cand[lf_rand(gen, n)];
}

/* A read of matrix "a" at [x][y], kept in [-1, 1] unless it is an
 * input (whose values already are).
 */
static void lf_put_matrix_read(struct lf_gen *gen, int a, char x, char y)
{
	struct lf_array *array = &gen->array[a];

	array->used = 1;
	if (array->input)
		lf_put(gen, "%c[%c][%c]", array->name, x, y);
	else
		lf_put(gen, "sinf(%c[%c][%c])", array->name, x, y);
}

/* A matrix product C = A B (C zeroed or scaled first, then += over k),
 * usually followed by an epilogue nest over C: the shape loopfuse tiles
 * and runs in k blocks.  The sizes keep the product within the nest
 * budget.  Returns the number of nests printed (0 without matrices).
 */
static int lf_gen_product(struct lf_gen *gen)
{
	int c = lf_pick_matrix(gen, 0, -1);
	int a = lf_pick_matrix(gen, 1, c);
	int b = lf_pick_matrix(gen, 1, c);
	int ni = lf_between(gen, 2, LF_USE);
	int nj = lf_between(gen, lf_chance(gen, 70) ? 16 : 2, LF_USE);
	int nk = LF_NEST_BUDGET / (ni * nj);
	int d;

	if (c < 0 || a < 0 || b < 0)
		return 0;
	if (nk > LF_USE)
		nk = LF_USE;
	nk = lf_between(gen, nk > 9 && lf_chance(gen, 70) ? 9 : 1, nk);
	gen->array[c].used = gen->array[c].written = 1;
	lf_indent(gen);
	lf_put(gen, "for (int i = 0; i < %d; i++)\n", ni);
	lf_indent(gen);
	lf_put(gen, "\tfor (int j = 0; j < %d; j++) {\n", nj);
	lf_indent(gen);
	lf_put(gen, "\t\t%c[i][j] = %s;\n", gen->array[c].name,
	       lf_chance(gen, 70) ? "0.0f" : "0.5f");
	lf_indent(gen);
	lf_put(gen, "\t\tfor (int k = 0; k < %d; k++)\n", nk);
	lf_indent(gen);
	lf_put(gen, "\t\t\t%c[i][j] += ", gen->array[c].name);
	lf_put_matrix_read(gen, a, 'i', 'k');
	lf_put(gen, " * ");
	lf_put_matrix_read(gen, b, 'k', 'j');
	lf_put(gen, ";\n");
	lf_indent(gen);
	lf_put(gen, "\t}\n");
	if (lf_chance(gen, 20))
		return 1;
	d = lf_chance(gen, 30) ? lf_pick_matrix(gen, 0, -1) : c;
	gen->array[d].used = gen->array[d].written = 1;
	lf_indent(gen);
	lf_put(gen, "for (int i = 0; i < %d; i++)\n", ni);
	lf_indent(gen);
	lf_put(gen, "\tfor (int j = 0; j < %d; j++)\n", nj);
	lf_indent(gen);
	lf_put(gen, "\t\t%c[i][j] = %c[i][j] > 0.0f ? %c[i][j] : "
	       "0.25f * %c[i][j];\n", gen->array[d].name,
	       gen->array[c].name, gen->array[c].name, gen->array[c].name);
	return 2;
}

/* ---------------------------------------------------------------- */
/* The classes of tests/adversarial (see enum lf_class).  They draw on
 * gen->x.rng only, and print to texts of their own.
 */

static void lf_x_add(struct lf_text *text, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	lf_text_vprintf(text, fmt, ap);
	va_end(ap);
}

/* Append to the block of nests being made.
 */
static void lf_xb(struct lf_gen *gen, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	lf_text_vprintf(gen->x.cur, fmt, ap);
	va_end(ap);
}

/* Return a formatted string that lives as long as the generation.
 */
static const char *lf_xs(struct lf_gen *gen, const char *fmt, ...)
{
	va_list ap;
	char *s;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0 || gen->x.n_str >= LF_X_MAX_STR)
		lf_die("too many strings");
	s = malloc((size_t) n + 1);
	if (!s)
		lf_die("out of memory");
	va_start(ap, fmt);
	vsnprintf(s, (size_t) n + 1, fmt, ap);
	va_end(ap);
	gen->x.str[gen->x.n_str++] = s;
	return s;
}

/* A fresh name: "base" and a number no other name of the classes has.
 */
static const char *lf_x_name(struct lf_gen *gen, const char *base)
{
	return lf_xs(gen, "%s%d", base, gen->x.next++);
}

/* Start a block of nests; lf_gen_run puts it before one of the nests
 * of the run or after the last one.
 */
static void lf_x_block(struct lf_gen *gen)
{
	if (gen->x.n_block >= LF_X_MAX_BLOCK)
		lf_die("too many blocks");
	gen->x.cur = &gen->x.block[gen->x.n_block++];
}

/* A global array of the classes, which main fills and hashes.  "size"
 * spells its first dimension.
 */
static const char *lf_x_array_spelled(struct lf_gen *gen, const char *type,
	const char *size, int cols, enum lf_fill fill)
{
	struct lf_xarray *array;

	if (gen->x.n_array >= LF_X_MAX_ARRAY)
		lf_die("too many arrays");
	array = &gen->x.array[gen->x.n_array++];
	array->name = lf_x_name(gen, "w");
	array->type = type;
	array->size = size;
	array->cols = cols;
	array->fill = fill;
	lf_x_add(&gen->x.globals, "static %s %s[%s]", type, array->name,
		size);
	if (cols)
		lf_x_add(&gen->x.globals, "[%d]", cols);
	lf_x_add(&gen->x.globals, ";\n");
	return array->name;
}

/* An array of at least "size" elements, or of LF_X_BIG if the arrays
 * of the class being made are big (gen->x.big, one class in two):
 * loopfuse bounds what nests touch by the sizes of their arrays, and
 * does not fuse nests whose arrays fit in the L1 cache together (unless
 * --fuse-all).  The loops still run over the first elements only.
 */
static const char *lf_x_array(struct lf_gen *gen, const char *type,
	int size, enum lf_fill fill)
{
	if (size < LF_X_BIG && gen->x.big)
		size = LF_X_BIG;
	return lf_x_array_spelled(gen, type, lf_xs(gen, "%d", size), 0, fill);
}

/* A float matrix of at least rows x cols elements; with more rows if
 * the arrays are big, as above.
 */
static const char *lf_x_matrix(struct lf_gen *gen, int rows, int cols,
	enum lf_fill fill)
{
	if (rows * cols < LF_X_BIG && gen->x.big)
		rows = (LF_X_BIG + cols - 1) / cols;
	return lf_x_array_spelled(gen, "float", lf_xs(gen, "%d", rows), cols,
		fill);
}

/* A parameter of kernel named "base" and a number; main passes "value".
 */
static const char *lf_x_param_named(struct lf_gen *gen, const char *type,
	const char *name, const char *value)
{
	struct lf_xparam *param;

	if (gen->x.n_param >= LF_X_MAX_PARAM)
		lf_die("too many parameters");
	param = &gen->x.param[gen->x.n_param++];
	param->type = type;
	param->name = name;
	param->value = value;
	if (!strcmp(type, "size_t"))
		gen->x.inc_stddef = 1;
	return name;
}

static const char *lf_x_param(struct lf_gen *gen, const char *type,
	const char *base, const char *value)
{
	return lf_x_param_named(gen, type, lf_x_name(gen, base), value);
}

/* The trip count k of a loop: mostly a parameter, whose value the
 * analysis does not know (so that the cost model does not decline
 * fusing data it would see are small), sometimes a constant.
 */
static const char *lf_x_count(struct lf_gen *gen, int k)
{
	if (lf_xchance(gen, 75))
		return lf_x_param(gen, "int", "n", lf_xs(gen, "%d", k));
	return lf_xs(gen, "%d", k);
}

/* A read of a float array of the program at [idx], idx in [0, LF_USE):
 * the nests of the classes then share data with the others.  Return
 * NULL if there is no such array, or sometimes.
 */
static const char *lf_x_regular_read(struct lf_gen *gen, const char *idx)
{
	int cand[LF_MAX_ARRAY];
	struct lf_array *array;
	int n = 0;
	int i;

	for (i = 0; i < gen->n_array; i++)
		if (!gen->array[i].is_int)
			cand[n++] = i;
	if (n == 0 || !lf_xchance(gen, 40))
		return NULL;
	array = &gen->array[cand[lf_xrand(gen, n)]];
	array->used = 1;
	if (array->n_dim == 1)
		return lf_xs(gen, "%c[%s]", array->name, idx);
	return lf_xs(gen, "%c[%d][%s]", array->name, lf_xrand(gen, LF_USE),
		idx);
}

/* "in" itself, or "in" plus a small share of a read of the program's
 * arrays at the same place, if idx stays below LF_USE.
 */
static const char *lf_x_mix(struct lf_gen *gen, const char *in, int k,
	const char *idx)
{
	const char *other;

	if (k > LF_USE || !(other = lf_x_regular_read(gen, idx)))
		return in;
	return lf_xs(gen, "(%s + 0.25f * %s)", in, other);
}

/* Class INT_TYPES: iterators and bounds of other integer types than
 * int, and the conversions C makes between them.
 */

/* "i < un" or "i < un - 1 && i < lim": with un == 0, un - 1 wraps to
 * UINT_MAX and the second form runs lim times.
 */
static const char *lf_x_unsigned_cond(struct lf_gen *gen, const char *un,
	int wrap, int lim)
{
	if (wrap)
		return lf_xs(gen, "i < %s - 1 && i < %d", un, lim);
	return lf_xs(gen, "i < %s", un);
}

/* An int iterator compared with an unsigned bound: C compares in
 * unsigned, so a loop from -1 runs no iteration at all.
 */
static void lf_x_int_vs_unsigned(struct lf_gen *gen)
{
	static const char *types[] = { "int", "unsigned", "long", "size_t" };
	int k = lf_xbetween(gen, 4, 200);
	int wrap = lf_xchance(gen, 35);
	int lim = lf_xbetween(gen, 2, k);
	int v = wrap && lf_xchance(gen, 50) ? 0 : lf_xbetween(gen, 1, k);
	const char *un = lf_x_param(gen, "unsigned", "un", lf_xs(gen, "%du", v));
	const char *a = lf_x_array(gen, "unsigned", k + 2, LF_FILL_INT);
	const char *b = lf_x_array(gen, "unsigned", k + 2, LF_FILL_INT);
	const char *c = lf_x_array(gen, "unsigned", k + 1, LF_FILL_INT);
	const char *t2 = lf_xpick(gen, types, 4);

	gen->x.inc_stddef |= !strcmp(t2, "size_t");
	lf_xb(gen, "\tfor (int i = %d; %s; i++)\n", lf_xrand(gen, 3) - 1,
		lf_x_unsigned_cond(gen, un, wrap, lim));
	lf_xb(gen, "\t\t%s[i + 1] = %s[i + 1] * 3u + (unsigned) i;\n", a, b);
	lf_xb(gen, "\tfor (%s i = 0; %s; i++)\n", t2,
		lf_x_unsigned_cond(gen, un, wrap && lf_xchance(gen, 60), lim));
	lf_xb(gen, "\t\t%s[i] = %s[i + %d] + (%s[i] ^ 90u);\n", c, a,
		lf_xrand(gen, 2), b);
}

/* Unsigned arithmetic in subscripts and bodies: (i - 1u) % 8 is 7 for
 * i == 0, (i - 1) / 2 is 0x7fffffff, and a guard i - 5u < 3u means
 * 5 <= i < 8.
 */
static void lf_x_unsigned_arith(struct lf_gen *gen)
{
	static const char *types[] = { "unsigned", "unsigned", "int",
		"unsigned long", "size_t" };
	static const int mods[] = { 4, 6, 8, 16 };
	int k = lf_xbetween(gen, 4, 200);
	int mod = mods[lf_xrand(gen, 4)];
	const char *un = lf_x_param(gen, "unsigned", "un", lf_xs(gen, "%du", k));
	const char *w = lf_x_array(gen, "unsigned", mod, LF_FILL_INT);
	const char *x = lf_x_array(gen, "unsigned", k, LF_FILL_INT);
	const char *b = lf_x_array(gen, "unsigned", k, LF_FILL_INT);
	const char *t2 = lf_xpick(gen, types, 5);

	gen->x.inc_stddef |= !strcmp(t2, "size_t");
	lf_xb(gen, "\tfor (unsigned i = 0; i < %s; i++)\n", un);
	lf_xb(gen, "\t\t%s[(i - 1u) %% %d] += %s[i] & 255u;\n", w, mod, x);
	lf_xb(gen, "\tfor (%s i = 0; i < %s; i++) {\n", t2, un);
	lf_xb(gen, "\t\t%s[i] = %s[i %% %d] + (i - 1) / 2 + ((i - 1) >> 28);\n",
		b, w, mod);
	if (lf_xchance(gen, 50))
		lf_xb(gen, "\t\tif (i - 5u < 3u)\n\t\t\t%s[i] += 7u;\n", b);
	lf_xb(gen, "\t}\n");
}

/* Narrow iterators: an unsigned char (or signed char) loop, and a
 * subscript (unsigned char) (i - 1) that wraps to 255 for i == 0.
 */
static void lf_x_char_iter(struct lf_gen *gen)
{
	int sc = lf_xchance(gen, 30);
	int k = lf_xbetween(gen, 8, sc ? 120 : 250);
	const char *uc = lf_x_param(gen, lf_xchance(gen, 50) ? "int" :
		"unsigned char", "uc", lf_xs(gen, "%d", k));
	const char *a = lf_x_array(gen, "unsigned", 256, LF_FILL_INT);
	const char *x = lf_x_array(gen, "unsigned", 256, LF_FILL_INT);
	const char *b = lf_x_array(gen, "unsigned", 256, LF_FILL_INT);

	lf_xb(gen, "\tfor (%s char c = 0; c < %s; c++)\n",
		sc ? "signed" : "unsigned", uc);
	lf_xb(gen, "\t\t%s[c] = %s[c] * 5u + c;\n", a, x);
	lf_xb(gen, "\tfor (int i = 0; i < %s; i++)\n", uc);
	lf_xb(gen, "\t\t%s[i] = %s[i] + %s[(unsigned char) (i %s)];\n", b, a,
		a, lf_xchance(gen, 70) ? "- 1" : "+ 250");
}

/* A bound cast to short: 40000 becomes -25536 (no iteration), 65536 + k
 * becomes k.
 */
static void lf_x_short_cast(struct lf_gen *gen)
{
	int k = lf_xbetween(gen, 4, 300);
	int r = lf_xrand(gen, 3);
	int v = r == 0 ? 40000 : r == 1 ? k : 65536 + k;
	const char *sv = lf_x_param(gen, "int", "sv", lf_xs(gen, "%d", v));
	const char *a = lf_x_array(gen, "unsigned", k + 1, LF_FILL_INT);
	const char *b = lf_x_array(gen, "unsigned", k + 1, LF_FILL_INT);
	const char *bound2;

	if (lf_xchance(gen, 50))
		lf_xb(gen, "\tfor (short s = 0; s < (short) %s; s++)\n"
			"\t\t%s[s] = (unsigned) s * 2u + 1u;\n", sv, a);
	else
		lf_xb(gen, "\tfor (int i = 0; i < (short) %s; i++)\n"
			"\t\t%s[i] = (unsigned) i * 2u + 1u;\n", sv, a);
	bound2 = lf_xchance(gen, 50) ? lf_xs(gen, "(short) %s", sv) :
		lf_x_count(gen, k);
	lf_xb(gen, "\tfor (int i = 0; i < %s; i++)\n", bound2);
	lf_xb(gen, "\t\t%s[i] = %s[i] + 3u;\n", b, a);
}

/* size_t iterators whose arithmetic relies on wrapping: (z - 1) >> 60
 * is 15 for z == 0, and z - 1 < zn is false there.
 */
static void lf_x_size_iter(struct lf_gen *gen)
{
	static const char *types[] = { "size_t", "unsigned long", "long",
		"unsigned long long" };
	int k = lf_xbetween(gen, 4, 200);
	const char *zn = lf_x_param(gen, "size_t", "zn", lf_xs(gen, "%d", k));
	const char *a = lf_x_array(gen, "unsigned long long", k + 1,
		LF_FILL_INT);
	const char *x = lf_x_array(gen, "unsigned", k + 1, LF_FILL_INT);
	const char *b = lf_x_array(gen, "unsigned long long", k + 1,
		LF_FILL_INT);

	lf_xb(gen, "\tfor (size_t z = 0; z < %s; z++)\n", zn);
	lf_xb(gen, "\t\t%s[z] = ((z - 1) >> 60) ^ %s[z];\n", a, x);
	lf_xb(gen, "\tfor (%s z = 0; z < %s; z++)\n", lf_xpick(gen, types, 4),
		zn);
	lf_xb(gen, "\t\t%s[z] = %s[z] + (z - 1 < %s ? 1u : 2u);\n", b, a, zn);
}

/* A long iterator whose products do not fit in an int: fused into an
 * int loop, j * a[j] * 100000 would overflow; and its type seen by
 * sizeof or _Generic.
 */
static void lf_x_long_iter(struct lf_gen *gen)
{
	static const char *types[] = { "long", "long long" };
	static const char *type_of[] = { "", " + (long long) sizeof(j)",
		" + _Generic(j, long: 1, long long: 2, default: 3)" };
	int k = lf_xbetween(gen, 4, 300);
	const char *n = lf_x_count(gen, k);
	const char *x = lf_x_array(gen, "int", k, LF_FILL_INT);
	const char *a = lf_x_array(gen, "int", k, LF_FILL_INT);
	const char *b = lf_x_array(gen, "long long", k, LF_FILL_INT);
	const char *t2 = lf_xpick(gen, types, 2);

	lf_xb(gen, "\tfor (int i = 0; i < %s; i++)\n", n);
	lf_xb(gen, "\t\t%s[i] = %s[i] + i;\n", a, x);
	lf_xb(gen, "\tfor (%s j = 0; j < %s; j++)\n", t2, n);
	lf_xb(gen, "\t\t%s[j] = j * %s[j] * 100000%s;\n", b, a,
		lf_xpick(gen, type_of, 3));
}

/* Unsigned loops that count down and stop when the iterator wraps
 * ("i < un" after i-- from 0), or test before they step ("i-- > 0"),
 * with un == 0 now and then; the size of the iterator in the body.
 */
static void lf_x_unsigned_down(struct lf_gen *gen)
{
	static const char *types[] = { "int", "long", "unsigned" };
	int k = lf_xbetween(gen, 4, 200);
	int v = lf_xchance(gen, 20) ? 0 : k;
	const char *un = lf_x_param(gen, "unsigned", "un", lf_xs(gen, "%du", v));
	const char *x = lf_x_array(gen, "unsigned", k + 1, LF_FILL_INT);
	const char *a = lf_x_array(gen, "unsigned", k + 1, LF_FILL_INT);
	const char *b = lf_x_array(gen, "unsigned", k, LF_FILL_INT);

	if (lf_xchance(gen, 50))
		lf_xb(gen, "\tfor (unsigned i = %s - 1; i < %s; i--)\n", un, un);
	else
		lf_xb(gen, "\tfor (unsigned i = %s; i-- > 0;)\n", un);
	lf_xb(gen, "\t\t%s[i] = %s[i] * 3u + (unsigned) sizeof(i);\n", a, x);
	lf_xb(gen, "\tfor (%s i = 0; i < %s; i++)\n", lf_xpick(gen, types, 3),
		un);
	lf_xb(gen, "\t\t%s[i] = %s[i] + %s[i + 1];\n", b, a, a);
}

static void lf_x_int_types(struct lf_gen *gen)
{
	int n = lf_xbetween(gen, 1, 2);

	while (n-- > 0) {
		lf_x_block(gen);
		switch (lf_xrand(gen, 7)) {
		case 0: lf_x_int_vs_unsigned(gen); break;
		case 1: lf_x_unsigned_arith(gen); break;
		case 2: lf_x_char_iter(gen); break;
		case 3: lf_x_short_cast(gen); break;
		case 4: lf_x_size_iter(gen); break;
		case 5: lf_x_unsigned_down(gen); break;
		default: lf_x_long_iter(gen); break;
		}
	}
}

/* Class LIMITS: loops whose range ends at or near the limits of their
 * type, with subscripts that subtract the start so that the arrays stay
 * small.
 */

struct lf_limit {
	const char *type;	/* of the iterator */
	const char *ptype;	/* of the parameters */
	const char *max;
	const char *min;	/* NULL for unsigned types */
	const char *suffix;	/* of constants added to an iterator */
	int wraps;		/* v + c wraps in the iterator's own type */
	int kmax;		/* most iterations (whole range for narrow types) */
	const char *wider;	/* an iterator type that holds every value */
};

static const struct lf_limit lf_limits[] = {
	{ "int", "int", "INT_MAX", "INT_MIN", "", 0, 400, "long" },
	{ "long", "long", "LONG_MAX", "LONG_MIN", "", 0, 400, "long long" },
	{ "short", "int", "SHRT_MAX", "SHRT_MIN", "", 0, 400, "int" },
	{ "unsigned", "unsigned", "UINT_MAX", NULL, "u", 1, 400,
		"unsigned long" },
	{ "size_t", "size_t", "SIZE_MAX", NULL, "", 1, 400, "size_t" },
	{ "unsigned char", "int", "UCHAR_MAX", NULL, "", 0, 200, "int" },
};

/* A type of lf_limits, signed if "is_signed"; unsigned and size_t
 * twice as often as the others, since only their loops wrap.
 */
static const struct lf_limit *lf_x_pick_limit(struct lf_gen *gen,
	int is_signed)
{
	static const int pick[] = { 0, 1, 2, 3, 4, 5, 3, 4 };
	const struct lf_limit *l;

	do
		l = &lf_limits[pick[lf_xrand(gen, 8)]];
	while (is_signed && !l->min);
	if (!strcmp(l->max, "SIZE_MAX"))
		gen->x.inc_stdint = 1;
	else
		gen->x.inc_limits = 1;
	return l;
}

/* A name for the constant "value": a macro or an enumerator.  The
 * analysis knows it by its value, but code is generated for larger
 * values too, to keep the name.
 */
static const char *lf_x_named_constant(struct lf_gen *gen,
	const char *value)
{
	const char *name = lf_x_name(gen, "TOP");

	if (lf_xchance(gen, 50))
		lf_x_add(&gen->x.defs, "#define %s %s\n", name, value);
	else
		lf_x_add(&gen->x.defs, "enum { %s = %s };\n", name, value);
	return name;
}

/* The loops end at top, which main passes as the type's maximum (or a
 * little less, or sometimes an ordinary number), or which is the
 * limit's macro itself, a constant the analysis knows by value: it
 * must keep values that need more than 32 bits.  An ordinary top may
 * be named too (lf_x_named_constant): code generated for the name's
 * larger values must not break the code for its own.  "v < top" must stop,
 * and a consumer reads its producer's next element, which a fusion can
 * only take by running it behind: the fused loop has to reach top
 * without overflowing.  For unsigned types at their very maximum the
 * subscripts may also rely on wrapping (v + k + 1 is v - (top - k)),
 * and the consumer may then be a plain loop over the elements the
 * wrapped subscripts land on.
 */
static void lf_x_limit_top(struct lf_gen *gen)
{
	static const int below[] = { 0, 0, 1, 3 };
	const struct lf_limit *l = lf_x_pick_limit(gen, 0);
	int k = lf_xbetween(gen, 4, l->kmax);
	int step = 1;
	int d = below[lf_xrand(gen, 4)];
	int ordinary = lf_xchance(gen, 15);
	int shift = lf_xrand(gen, 3);
	int direct;
	int wrap;
	const char *top;
	const char *base;
	const char *a;
	const char *b;
	const char *t2;
	const char *cond;
	const char *inc;

	if (l->min && strcmp(l->type, "short") && lf_xchance(gen, 25)) {
		step = lf_xbetween(gen, 2, 3);
		k = k < step ? step : k - k % step;
	}
	if (ordinary)
		top = lf_xs(gen, "%d", l->kmax == 200 ? 250 : 1000 + k);
	else if (d)
		top = lf_xs(gen, "%s - %d", l->max, d);
	else
		top = l->max;
	direct = !ordinary && lf_xchance(gen, l->wraps ? 50 : 30);
	if (ordinary && lf_xchance(gen, 50)) {
		top = lf_x_named_constant(gen, top);
		direct = 1;
	}
	if (!direct)
		top = lf_x_param(gen, l->ptype, "top", top);
	a = lf_x_array(gen, "unsigned", k + shift, LF_FILL_INT);
	b = lf_x_array(gen, "unsigned", k, LF_FILL_INT);
	wrap = l->wraps && !ordinary && d == 0 && step == 1 &&
		lf_xchance(gen, direct ? 80 : 40);
	if (wrap)
		base = lf_xs(gen, "v + %d%s", k + 1, l->suffix);
	else
		base = lf_xs(gen, "v - (%s - %d)", top, k);
	cond = lf_xchance(gen, 25) ? lf_xs(gen, "v <= %s - 1", top) :
		lf_xs(gen, "v < %s", top);
	inc = step == 1 ? "v++" : lf_xs(gen, "v += %d", step);
	t2 = !wrap && lf_xchance(gen, 40) ? l->wider : l->type;
	gen->x.inc_stddef |= !strcmp(l->type, "size_t");
	lf_xb(gen, "\tfor (%s v = %s - %d; %s; %s)\n", l->type, top, k, cond,
		inc);
	lf_xb(gen, "\t\t%s[%s] = (unsigned) v * 3u + 1u;\n", a, base);
	if (wrap && lf_xchance(gen, 50)) {
		lf_xb(gen, "\tfor (int w = 0; w < %d; w++)\n", k);
		lf_xb(gen, "\t\t%s[w] = %s[w] + %s[w + %d];\n", b, a, a, shift);
		return;
	}
	lf_xb(gen, "\tfor (%s v = %s - %d; %s; %s)\n", t2, top, k, cond, inc);
	lf_xb(gen, "\t\t%s[%s] = %s[%s] + %s[%s + %d];\n", b, base, a, base, a,
		base, shift);
}

/* Loops from the minimum of a signed type: the second counts down and
 * must stop above it ("v > bot"), since v-- from the minimum overflows.
 */
static void lf_x_limit_bottom(struct lf_gen *gen)
{
	const struct lf_limit *l = lf_x_pick_limit(gen, 1);
	int k = lf_xbetween(gen, 4, l->kmax);
	int d = lf_xrand(gen, 3) == 0 ? 3 : 0;
	const char *bot;
	const char *a;
	const char *b;
	const char *x;

	if (lf_xchance(gen, 15))
		bot = lf_xs(gen, "-%d", 1000 + k);
	else if (d)
		bot = lf_xs(gen, "%s + %d", l->min, d);
	else
		bot = l->min;
	bot = lf_x_param(gen, l->ptype, "bot", bot);
	a = lf_x_array(gen, "unsigned", k, LF_FILL_INT);
	b = lf_x_array(gen, "unsigned", k, LF_FILL_INT);
	x = lf_x_array(gen, "unsigned", k, LF_FILL_INT);
	lf_xb(gen, "\tfor (%s v = %s; v < %s + %d; v++)\n", l->type, bot, bot,
		k);
	lf_xb(gen, "\t\t%s[v - %s] = (unsigned) v ^ %s[v - %s];\n", a, bot, x,
		bot);
	if (lf_xchance(gen, 60))
		lf_xb(gen, "\tfor (%s v = %s + %d; v > %s; v--)\n",
			lf_xchance(gen, 30) ? l->wider : l->type, bot, k - 1,
			bot);
	else
		lf_xb(gen, "\tfor (%s v = %s + 1; v < %s + %d; v++)\n",
			l->type, bot, bot, k);
	lf_xb(gen, "\t\t%s[v - %s] = %s[v - %s] + %s[v - %s - 1];\n", b, bot,
		a, bot, a, bot);
}

/* A matrix product over rows [lo, hi) and its epilogue, which reads
 * the row "shift" below (the product has one row more than it
 * computes): the shape loopfuse tiles.  "row" is the subscript of the
 * row, in i.  The epilogue's value is scaled by "scale".  Returns the
 * name of the result; sizes keep the product small.
 */
static const char *lf_x_product(struct lf_gen *gen, const char *lo,
	const char *hi, const char *row, int rows, const char *scale)
{
	int cols = lf_xbetween(gen, 3, 24);
	int kk = lf_xbetween(gen, 2, 24);
	int shift = lf_xrand(gen, 2);
	const char *m1 = lf_x_matrix(gen, rows, kk, LF_FILL_FLOAT);
	const char *m2 = lf_x_matrix(gen, kk, cols, LF_FILL_FLOAT);
	const char *p = lf_x_matrix(gen, rows + 1, cols, LF_FILL_FLOAT);
	const char *q = lf_x_matrix(gen, rows, cols, LF_FILL_FLOAT);
	const char *nc = lf_x_count(gen, cols);
	const char *nk = lf_x_count(gen, kk);

	lf_xb(gen, "\tfor (int i = %s; i < %s; i++)\n", lo, hi);
	lf_xb(gen, "\t\tfor (int j = 0; j < %s; j++) {\n", nc);
	lf_xb(gen, "\t\t\t%s[%s][j] = 0.0f;\n", p, row);
	lf_xb(gen, "\t\t\tfor (int k = 0; k < %s; k++)\n", nk);
	lf_xb(gen, "\t\t\t\t%s[%s][j] += %s[%s][k] * %s[k][j];\n", p, row, m1,
		row, m2);
	lf_xb(gen, "\t\t}\n");
	lf_xb(gen, "\tfor (int i = %s; i < %s; i++)\n", lo, hi);
	lf_xb(gen, "\t\tfor (int j = 0; j < %s; j++)\n", nc);
	lf_xb(gen, "\t\t\t%s[%s][j] = (%s[%s + %d][j] > 0.0f ? %s[%s][j] : "
		"0.25f * %s[%s][j]) * %s;\n", q, row, p, row, shift, p, row,
		p, row, scale);
	return q;
}

/* A product whose rows start at INT_MIN or end at INT_MAX: the tile
 * loops computed from them must not overflow.
 */
static void lf_x_limit_product(struct lf_gen *gen)
{
	int rows = lf_xbetween(gen, 3, 24);
	const char *t;

	gen->x.inc_limits = 1;
	if (lf_xchance(gen, 50)) {
		t = lf_x_param(gen, "int", "top", lf_xchance(gen, 70) ?
			"INT_MAX" : "INT_MAX - 1");
		lf_x_product(gen, lf_xs(gen, "%s - %d", t, rows), t,
			lf_xs(gen, "i - (%s - %d)", t, rows), rows, "1.0f");
	} else {
		t = lf_x_param(gen, "int", "bot", "INT_MIN");
		lf_x_product(gen, t, lf_xs(gen, "%s + %d", t, rows),
			lf_xs(gen, "i - %s", t), rows, "1.0f");
	}
}

static void lf_x_limits_class(struct lf_gen *gen)
{
	int n = lf_xbetween(gen, 1, 2);

	while (n-- > 0) {
		lf_x_block(gen);
		switch (lf_xrand(gen, 5)) {
		case 0:
		case 1: lf_x_limit_top(gen); break;
		case 2:
		case 3: lf_x_limit_bottom(gen); break;
		default: lf_x_limit_product(gen); break;
		}
	}
}

/* Class FAR: two nests over [0, k) and [off, off + k) with an offset
 * that main passes, sometimes huge: a loop over the hull of the two
 * ranges would run for ever.  The second nest subtracts off in its
 * subscripts, and sometimes reads what the first wrote.
 */

struct lf_far_type {
	const char *type;
	const char *far;	/* a huge offset */
	int is_unsigned;
};

static const struct lf_far_type lf_far_types[] = {
	{ "long", "1L << 40", 0 },
	{ "long", "(1L << 40) + 3", 0 },
	{ "long long", "1LL << 41", 0 },
	{ "size_t", "(size_t) 1 << 42", 1 },
	{ "unsigned long", "1UL << 40", 1 },
	{ "int", "2000000000", 0 },
};

/* The second nest, over [off, off + k), counting up or down.
 */
static void lf_x_far_nest(struct lf_gen *gen, const char *type,
	const char *off, int k, const char *x, const char *a, const char *b)
{
	const char *idx;
	const char *dep = "";

	if (lf_xchance(gen, 60)) {
		lf_xb(gen, "\tfor (%s i = %s; i < %s + %d; i++)\n", type, off,
			off, k);
		idx = lf_xs(gen, "i - %s", off);
	} else {
		lf_xb(gen, "\tfor (%s i = %s + %d; i > %s; i--)\n", type, off,
			k, off);
		idx = lf_xs(gen, "i - %s - 1", off);
	}
	if (lf_xchance(gen, 50))
		dep = lf_xs(gen, " + %s[%s]", a, idx);
	lf_xb(gen, "\t\t%s[%s] = %s * 0.5f - 0.25f%s;\n", b, idx,
		lf_x_mix(gen, lf_xs(gen, "%s[%s]", x, idx), k, idx), dep);
}

static void lf_x_far_1d(struct lf_gen *gen)
{
	static const int near[] = { 0, 1, 3 };
	const struct lf_far_type *t = &lf_far_types[lf_xrand(gen, 6)];
	int k = lf_xbetween(gen, 4, 300);
	const char *value;
	const char *off;
	const char *x = lf_x_array(gen, "float", k, LF_FILL_FLOAT);
	const char *a = lf_x_array(gen, "float", k, LF_FILL_FLOAT);
	const char *b = lf_x_array(gen, "float", k, LF_FILL_FLOAT);
	int far_first = lf_xchance(gen, 30);
	int small;

	if (lf_xchance(gen, 70)) {
		value = t->far;
	} else {
		small = near[lf_xrand(gen, 3)];
		if (lf_xchance(gen, 30))
			small += k;
		value = lf_xs(gen, "%d", small);
	}
	off = lf_x_param(gen, t->type, "off", value);
	gen->x.inc_stddef |= !strcmp(t->type, "size_t");
	if (far_first)
		lf_x_far_nest(gen, t->type, off, k, x, a, b);
	lf_xb(gen, "\tfor (%s i = 0; i < %s; i++)\n", t->type,
		lf_x_count(gen, k));
	lf_xb(gen, "\t\t%s[i] = %s * 1.5f + 0.5f;\n", a,
		lf_x_mix(gen, lf_xs(gen, "%s[i]", x), k, "i"));
	if (!far_first)
		lf_x_far_nest(gen, t->type, off, k, x, a, b);
}

/* int loops at both ends of the int range: their hull has 2^32
 * iterations, more than an int counts.
 */
static void lf_x_far_extremes(struct lf_gen *gen)
{
	int k = lf_xbetween(gen, 4, 300);
	const char *lo = lf_x_param(gen, "int", "lo", "INT_MIN");
	const char *hi = lf_x_param(gen, "int", "hi", "INT_MAX");
	const char *x = lf_x_array(gen, "float", k, LF_FILL_FLOAT);
	const char *a = lf_x_array(gen, "float", k, LF_FILL_FLOAT);
	const char *b = lf_x_array(gen, "float", k, LF_FILL_FLOAT);

	gen->x.inc_limits = 1;
	lf_xb(gen, "\tfor (int i = %s; i < %s + %d; i++)\n", lo, lo, k);
	lf_xb(gen, "\t\t%s[i - %s] = %s[i - %s] * %s[i - %s];\n", a, lo, x, lo,
		x, lo);
	lf_xb(gen, "\tfor (int i = %s - %d; i < %s; i++)\n", hi, k, hi);
	lf_xb(gen, "\t\t%s[i - (%s - %d)] = %s[i - (%s - %d)] + 1.0f;\n", b,
		hi, k, lf_xchance(gen, 50) ? a : x, hi, k);
}

/* 2-D nests whose rows are far apart.
 */
static void lf_x_far_2d(struct lf_gen *gen)
{
	int rows = lf_xbetween(gen, 2, 40);
	int cols = lf_xbetween(gen, 2, 40);
	const char *off = lf_x_param(gen, "long", "off",
		lf_xchance(gen, 70) ? "1L << 40" : "2");
	const char *x = lf_x_matrix(gen, rows, cols, LF_FILL_FLOAT);
	const char *a = lf_x_matrix(gen, rows, cols, LF_FILL_FLOAT);
	const char *b = lf_x_matrix(gen, rows, cols, LF_FILL_FLOAT);
	const char *nc = lf_x_count(gen, cols);

	lf_xb(gen, "\tfor (long r = 0; r < %s; r++)\n", lf_x_count(gen, rows));
	lf_xb(gen, "\t\tfor (int j = 0; j < %s; j++)\n", nc);
	lf_xb(gen, "\t\t\t%s[r][j] = %s[r][j] * %s[r][j];\n", a, x, x);
	lf_xb(gen, "\tfor (long r = %s; r < %s + %d; r++)\n", off, off, rows);
	lf_xb(gen, "\t\tfor (int j = 0; j < %s; j++)\n", nc);
	lf_xb(gen, "\t\t\t%s[r - %s][j] = %s[r - %s][j] * 0.5f + %s[r - %s][j];"
		"\n", b, off, a, off, x, off);
}

static void lf_x_far_class(struct lf_gen *gen)
{
	lf_x_block(gen);
	switch (lf_xrand(gen, 5)) {
	case 0:
	case 1:
	case 2: lf_x_far_1d(gen); break;
	case 3: lf_x_far_extremes(gen); break;
	default: lf_x_far_2d(gen); break;
	}
}

/* Names loopfuse gives generated loops (rewrite/lf_names.c): tile
 * loops are named after their point loop plus "t", renamed loops get
 * "_2", contracted arrays "lf_c0".  Programs of class NAMES (and
 * MACROS) take them for their own things.
 */
static const char *lf_cap_name[LF_N_CAP] = { "it", "jt", "kt", "lt", "i_2",
	"j_2", "it_2", "lf_c0", "lf_c1" };
static const char *lf_cap_paste[LF_N_CAP][2] = { { "i", "t" }, { "j", "t" },
	{ "k", "t" }, { "l", "t" }, { "i", "_2" }, { "j", "_2" },
	{ "it", "_2" }, { "lf_c", "0" }, { "lf_c", "1" } };

/* A random name of lf_cap_name that the program does not use yet, or
 * -1.
 */
static int lf_x_free_cap(struct lf_gen *gen)
{
	int cand[LF_N_CAP];
	int n = 0;
	int i;

	for (i = 0; i < LF_N_CAP; i++)
		if (gen->x.cap_kind[i] == LF_CAP_FREE)
			cand[n++] = i;
	return n ? cand[lf_xrand(gen, n)] : -1;
}

/* Class MACROS: what the preprocessor does to loop nests.
 */

/* An object-like macro with an operator as the size and bound of the
 * loops ("#define SZ 60+4"): SZ - 1 is fine, -SZ would not be.
 */
static void lf_x_macro_size(struct lf_gen *gen)
{
	int size = lf_xbetween(gen, 8, 120);
	int part = lf_xbetween(gen, 1, size - 1);
	const char *sz = lf_x_name(gen, "SZ");
	const char *x;
	const char *a;
	const char *b;

	lf_x_add(&gen->x.defs, "#define %s %d+%d\n", sz, part, size - part);
	x = lf_x_array_spelled(gen, "float", sz, 0, LF_FILL_FLOAT);
	a = lf_x_array_spelled(gen, "float", sz, 0, LF_FILL_FLOAT);
	b = lf_x_array_spelled(gen, "float", sz, 0, LF_FILL_FLOAT);
	lf_xb(gen, "\tfor (int i = 0; i < %s; i++)\n", sz);
	lf_xb(gen, "\t\t%s[i] = %s[i] * 0.5f + 0.25f;\n", a, x);
	switch (lf_xrand(gen, 3)) {
	case 0:
		lf_xb(gen, "\tfor (int i = %s - 1; i >= 0; i--)\n", sz);
		lf_xb(gen, "\t\t%s[i] = %s[i] - 1.0f;\n", b, a);
		break;
	case 1:
		lf_xb(gen, "\tfor (int i = 0; i < %s - 1; i++)\n", sz);
		lf_xb(gen, "\t\t%s[i] = %s[i] + %s[i + 1];\n", b, a, a);
		break;
	default:
		lf_xb(gen, "\tfor (int i = 0; i <= %s - 1; i++)\n", sz);
		lf_xb(gen, "\t\t%s[i] = %s[i] * %s[i];\n", b, a, a);
	}
}

/* Function-like macros whose argument holds the iterator and ends the
 * statement (x[i] = ID(y[i]);), PolyBench's SCALAR_VAL, and a ';' that
 * comes from a macro.
 */
static void lf_x_macro_stmt_end(struct lf_gen *gen)
{
	int k = lf_xbetween(gen, 4, 300);
	const char *n = lf_x_count(gen, k);
	const char *id = lf_x_name(gen, "ID");
	const char *sv = lf_x_name(gen, "SCALAR_VAL");
	const char *end = lf_x_name(gen, "END");
	const char *x = lf_x_array(gen, "float", k + 1, LF_FILL_FLOAT);
	const char *a = lf_x_array(gen, "float", k + 1, LF_FILL_FLOAT);
	const char *b = lf_x_array(gen, "float", k + 1, LF_FILL_FLOAT);
	const char *c = lf_x_array(gen, "float", k + 1, LF_FILL_FLOAT);
	int semi = lf_xchance(gen, 50);

	lf_x_add(&gen->x.defs, "#define %s(x) %s\n", id,
		lf_xchance(gen, 50) ? "(x)" : "x");
	lf_x_add(&gen->x.defs, "#define %s(x) x##f\n", sv);
	if (semi)
		lf_x_add(&gen->x.defs, "#define %s ;\n", end);
	lf_xb(gen, "\tfor (int i = 0; i < %s; i++) {\n", n);
	lf_xb(gen, "\t\t%s[i] = %s(0.5);\n", a, sv);
	lf_xb(gen, "\t\t%s[i] = %s(%s[i])%s\n", b, id, x, semi ? lf_xs(gen,
		" %s", end) : ";");
	lf_xb(gen, "\t}\n");
	lf_xb(gen, "\tfor (int i = 0; i < %s; i++)\n", n);
	lf_xb(gen, "\t\t%s[i] = %s[i] + %s(%s[i + %d]);\n", c, a, id, b,
		lf_xrand(gen, 2));
}

/* Macros that use their argument twice (SQ), without parentheses
 * (TWICE(i - 1) is i - 1 * 2) or as a string (sizeof(#v)), in a nest
 * that can only be fused one iteration behind.
 */
static void lf_x_macro_args(struct lf_gen *gen)
{
	int k = lf_xbetween(gen, 4, 300);
	const char *n = lf_x_count(gen, k);
	const char *sq = lf_x_name(gen, "SQ");
	const char *tw = lf_x_name(gen, "TWICE");
	const char *tg = lf_x_name(gen, "TAGGED");
	const char *x = lf_x_array(gen, "float", k, LF_FILL_FLOAT);
	const char *a = lf_x_array(gen, "float", k + 1, LF_FILL_FLOAT);
	const char *b = lf_x_array(gen, "float", k, LF_FILL_FLOAT);

	lf_x_add(&gen->x.defs, "#define %s(x) ((x) * (x))\n", sq);
	lf_x_add(&gen->x.defs, "#define %s(v) v * 2\n", tw);
	lf_x_add(&gen->x.defs, "#define %s(v) ((v) + (int) sizeof(#v))\n", tg);
	lf_xb(gen, "\tfor (int i = 0; i < %s; i++)\n", n);
	lf_xb(gen, "\t\t%s[i] = %s[i] + 0.001f * (float) %s(i - 1);\n", a, x,
		sq);
	lf_xb(gen, "\tfor (int i = 0; i < %s; i++)\n", n);
	lf_xb(gen, "\t\t%s[i] = %s[i + 1] * 0.5f + (float) %s(i) + "
		"(float) %s(i);\n", b, a, tw, tg);
}

/* A global whose name, made by token pasting, is one loopfuse gives
 * a tile loop or a renamed loop, read in the epilogue of a product
 * (tiled with small tiles).
 */
static void lf_x_macro_paste(struct lf_gen *gen)
{
	int c = lf_x_free_cap(gen);
	const char *cat;
	const char *name;

	if (c < 0)
		return;
	cat = lf_x_name(gen, "CAT");
	name = lf_xs(gen, "%s(%s, %s)", cat, lf_cap_paste[c][0],
		lf_cap_paste[c][1]);
	lf_x_add(&gen->x.defs, "#define %s(a, b) a##b\n", cat);
	lf_x_add(&gen->x.globals, "static float %s = 0.5f;\n", name);
	gen->x.cap_kind[c] = LF_CAP_PASTED;
	gen->x.cap_spell[c] = name;
	gen->x.cap_used[c] = 1;
	lf_x_product(gen, "0", lf_x_count(gen, lf_xbetween(gen, 3, 24)), "i",
		24, name);
}

/* A macro whose body names a global that has the name of the first
 * nest's iterator: in a loop of that name, the macro would read the
 * iterator.
 */
static void lf_x_macro_global_iter(struct lf_gen *gen)
{
	int k = lf_xbetween(gen, 4, 300);
	const char *n = lf_x_count(gen, k);
	const char *g = lf_x_name(gen, "GX");
	const char *x = lf_x_array(gen, "float", k, LF_FILL_FLOAT);
	const char *a = lf_x_array(gen, "float", k, LF_FILL_FLOAT);
	const char *b = lf_x_array(gen, "float", k, LF_FILL_FLOAT);

	if (!gen->x.global_x) {
		gen->x.global_x = 1;
		lf_x_add(&gen->x.globals, "static int x = %d;\n",
			lf_xbetween(gen, 1, 7));
	}
	lf_x_add(&gen->x.defs, "#define %s %s\n", g,
		lf_xchance(gen, 50) ? "x" : "(x + 1)");
	lf_xb(gen, "\tfor (int x = 0; x < %s; x++)\n", n);
	lf_xb(gen, "\t\t%s[x] = %s[x] * 0.5f;\n", a, x);
	lf_xb(gen, "\tfor (int i = 0; i < %s; i++)\n", n);
	lf_xb(gen, "\t\t%s[i] = %s[i] + (float) %s;\n", b, a, g);
}

/* __LINE__ in statements that fusion moves, and after the nests (in
 * kernel's tail): a rewrite that changes the number of lines must say
 * where they were.
 */
static void lf_x_macro_line(struct lf_gen *gen)
{
	int k = lf_xbetween(gen, 4, 300);
	const char *n = lf_x_count(gen, k);
	const char *x = lf_x_array(gen, "float", k, LF_FILL_FLOAT);
	const char *a = lf_x_array(gen, "float", k + 1, LF_FILL_FLOAT);
	const char *b = lf_x_array(gen, "float", k, LF_FILL_FLOAT);

	gen->x.use_line = 1;
	lf_xb(gen, "\tfor (int i = 0; i < %s; i++)\n", n);
	lf_xb(gen, "\t\t%s[i] = %s[i] + (float) (__LINE__ %% 7);\n", a, x);
	lf_xb(gen, "\tfor (int i = 0; i < %s; i++)\n", n);
	lf_xb(gen, "\t\t%s[i] = %s[i + %d] * 0.5f + (float) (__LINE__ %% 5);\n",
		b, a, lf_xrand(gen, 2));
	lf_x_add(&gen->x.tail, "\tlf_line = lf_line * 3 + __LINE__;\n");
}

static void lf_x_macros_class(struct lf_gen *gen)
{
	int n = lf_xbetween(gen, 1, 3);

	while (n-- > 0) {
		lf_x_block(gen);
		switch (lf_xrand(gen, 6)) {
		case 0: lf_x_macro_size(gen); break;
		case 1: lf_x_macro_stmt_end(gen); break;
		case 2: lf_x_macro_args(gen); break;
		case 3: lf_x_macro_paste(gen); break;
		case 4: lf_x_macro_global_iter(gen); break;
		default: lf_x_macro_line(gen); break;
		}
	}
}

/* Class PRAGMAS: directives of the user on nests that loopfuse may
 * fuse.  OpenMP and ivdep only go on loops whose iterations are
 * independent, as the user would promise; with -fopenmp (cflags= on
 * the first line) the program is built with OpenMP.
 */

/* The directive before a loop whose iterations are independent.
 */
static const char *lf_x_pragma(struct lf_gen *gen, int omp)
{
	static const char *any[] = { "#pragma GCC ivdep",
		"#pragma GCC unroll 4", "_Pragma(\"GCC unroll 2\")",
		"#pragma omp simd" };
	static const char *par[] = { "#pragma omp parallel for",
		"#pragma omp parallel for schedule(static, 1)",
		"_Pragma(\"omp parallel for\")" };
	const char *ivdep;

	if (omp && lf_xchance(gen, 50))
		return lf_xpick(gen, par, 3);
	if (lf_xchance(gen, 25)) {
		ivdep = lf_x_name(gen, "IVDEP");
		lf_x_add(&gen->x.defs, "#define %s _Pragma(\"GCC ivdep\")\n",
			ivdep);
		return ivdep;
	}
	return lf_xpick(gen, any, 4);
}

/* A producer, a consumer that reads the producer's next element, and
 * sometimes a recurrence over the consumer's result, which no
 * directive may reach.
 */
static void lf_x_pragma_1d(struct lf_gen *gen, int omp)
{
	int k = lf_xbetween(gen, 4, 300);
	const char *n = lf_x_count(gen, k);
	const char *x = lf_x_array(gen, "float", k + 1, LF_FILL_FLOAT);
	const char *a = lf_x_array(gen, "float", k + 1, LF_FILL_FLOAT);
	const char *b = lf_x_array(gen, "float", k, LF_FILL_FLOAT);
	const char *c = lf_x_array(gen, "float", k, LF_FILL_FLOAT);
	int where = lf_xrand(gen, 3);

	if (where != 1)
		lf_xb(gen, "\t%s\n", lf_x_pragma(gen, omp));
	lf_xb(gen, "\tfor (int i = 0; i < %s; i++)\n", n);
	lf_xb(gen, "\t\t%s[i] = %s * 2.0f + 1.0f;\n", a,
		lf_x_mix(gen, lf_xs(gen, "%s[i]", x), k, "i"));
	if (where != 0)
		lf_xb(gen, "\t%s\n", lf_x_pragma(gen, omp));
	lf_xb(gen, "\tfor (int i = 0; i < %s; i++)\n", n);
	lf_xb(gen, "\t\t%s[i] = %s[i] + %s[i + 1];\n", b, a, a);
	if (lf_xchance(gen, 40)) {
		lf_xb(gen, "\tfor (int i = 1; i < %s; i++)\n", n);
		lf_xb(gen, "\t\t%s[i] = %s[i - 1] * 0.5f + %s[i];\n", c, c, b);
	}
}

/* 2-D nests: a directive on the outer loop (collapse(2) when the loops
 * are perfectly nested) or on an inner one.
 */
static void lf_x_pragma_2d(struct lf_gen *gen, int omp)
{
	int rows = lf_xbetween(gen, 2, 40);
	int cols = lf_xbetween(gen, 2, 40);
	const char *nr = lf_x_count(gen, rows);
	const char *nc = lf_x_count(gen, cols);
	const char *x = lf_x_matrix(gen, rows, cols + 1, LF_FILL_FLOAT);
	const char *a = lf_x_matrix(gen, rows, cols + 1, LF_FILL_FLOAT);
	const char *b = lf_x_matrix(gen, rows, cols, LF_FILL_FLOAT);

	if (omp && lf_xchance(gen, 50))
		lf_xb(gen, "\t#pragma omp parallel for%s\n",
			lf_xchance(gen, 50) ? " collapse(2)" : "");
	lf_xb(gen, "\tfor (int i = 0; i < %s; i++)\n", nr);
	lf_xb(gen, "\t\tfor (int j = 0; j < %s; j++)\n", nc);
	lf_xb(gen, "\t\t\t%s[i][j] = %s[i][j] * 0.5f;\n", a, x);
	lf_xb(gen, "\tfor (int i = 0; i < %s; i++) {\n", nr);
	lf_xb(gen, "\t\t%s\n", lf_x_pragma(gen, 0));
	lf_xb(gen, "\t\tfor (int j = 0; j < %s; j++)\n", nc);
	lf_xb(gen, "\t\t\t%s[i][j] = %s[i][j] + %s[i][j + 1];\n", b, a, a);
	lf_xb(gen, "\t}\n");
}

static void lf_x_pragmas_class(struct lf_gen *gen)
{
	int omp = lf_xchance(gen, 60);

	if (omp && lf_xchance(gen, 50) && !lf_x_on(gen, LF_X_ERRNO))
		gen->x.openmp = 1;
	lf_x_block(gen);
	if (lf_xchance(gen, 65))
		lf_x_pragma_1d(gen, omp);
	else
		lf_x_pragma_2d(gen, omp);
}

/* Class ERRNO: math calls that set errno on some of their inputs, in
 * several nests.  main sets errno to 0 before kernel and prints what
 * it is after it (unless built with -fno-math-errno, when it is
 * meaningless): fusing changes the order of the calls, so the last
 * error.  Results are clamped with fminf and fmaxf, which turn the
 * NaNs into numbers: the bits of a NaN are not the same everywhere.
 */

/* A call of an errno-setting function on "arg", clamped.
 */
static const char *lf_x_errno_call(struct lf_gen *gen, const char *arg)
{
	static const char *calls[] = { "sqrtf(%s)", "logf(%s)", "expf(%s)",
		"powf(%s, 2.5f)", "powf(%s, 30.0f)", "log10f(%s)" };
	const char *call = lf_xs(gen, calls[lf_xrand(gen, 6)], arg);

	return lf_xs(gen, "fminf(fmaxf(%s, -8.0f), 8.0f)", call);
}

/* In main, after the fill: put a value that makes some call fail at
 * the start, the middle or the end of an input, or none.
 */
static void lf_x_errno_poke(struct lf_gen *gen, const char *array, int k,
	int cols)
{
	static const char *bad[] = { "0.0f", "-1.0f", "200.0f", "-200.0f" };
	int at = lf_xrand(gen, 3);
	const char *value;

	if (!lf_xchance(gen, 60))
		return;
	at = at == 0 ? 0 : at == 1 ? k / 2 : k - 1;
	value = lf_xpick(gen, bad, 4);
	if (cols)
		lf_x_add(&gen->x.setup, "\t%s[%d][%d] = %s;\n", array, at,
			lf_xrand(gen, cols), value);
	else
		lf_x_add(&gen->x.setup, "\t%s[%d] = %s;\n", array, at, value);
}

static void lf_x_errno_1d(struct lf_gen *gen)
{
	int k = lf_xbetween(gen, 4, 300);
	int n_nest = lf_xbetween(gen, 2, 3);
	const char *n = lf_x_count(gen, k);
	const char *in = NULL;
	const char *prev = NULL;
	const char *out;
	int i;

	for (i = 0; i < n_nest; i++) {
		in = lf_x_array(gen, "float", k, LF_FILL_POSITIVE);
		lf_x_errno_poke(gen, in, k, 0);
		out = lf_x_array(gen, "float", k + 1, LF_FILL_FLOAT);
		lf_xb(gen, "\tfor (int i = 0; i < %s; i++)\n", n);
		lf_xb(gen, "\t\t%s[i] = %s", out, lf_x_errno_call(gen,
			lf_xs(gen, "%s[i]", in)));
		if (prev)
			lf_xb(gen, " + %s[i + %d]", prev, lf_xrand(gen, 2));
		lf_xb(gen, ";\n");
		prev = out;
	}
}

static void lf_x_errno_2d(struct lf_gen *gen)
{
	int rows = lf_xbetween(gen, 2, 30);
	int cols = lf_xbetween(gen, 2, 30);
	const char *nr = lf_x_count(gen, rows);
	const char *nc = lf_x_count(gen, cols);
	const char *x = lf_x_matrix(gen, rows, cols, LF_FILL_POSITIVE);
	const char *y = lf_x_matrix(gen, rows, cols, LF_FILL_POSITIVE);
	const char *a = lf_x_matrix(gen, rows, cols, LF_FILL_FLOAT);
	const char *b = lf_x_matrix(gen, rows, cols, LF_FILL_FLOAT);

	lf_x_errno_poke(gen, x, rows, cols);
	lf_x_errno_poke(gen, y, rows, cols);
	lf_xb(gen, "\tfor (int i = 0; i < %s; i++)\n", nr);
	lf_xb(gen, "\t\tfor (int j = 0; j < %s; j++)\n", nc);
	lf_xb(gen, "\t\t\t%s[i][j] = %s;\n", a, lf_x_errno_call(gen,
		lf_xs(gen, "%s[i][j]", x)));
	lf_xb(gen, "\tfor (int i = 0; i < %s; i++)\n", nr);
	lf_xb(gen, "\t\tfor (int j = 0; j < %s; j++)\n", nc);
	lf_xb(gen, "\t\t\t%s[i][j] = %s + %s[i][j];\n", b, lf_x_errno_call(gen,
		lf_xs(gen, "%s[i][j]", y)), a);
}

static void lf_x_errno_class(struct lf_gen *gen)
{
	gen->x.errno_used = 1;
	gen->x.inc_errno = 1;
	lf_x_block(gen);
	if (lf_xchance(gen, 70))
		lf_x_errno_1d(gen);
	else
		lf_x_errno_2d(gen);
}

/* Class PURITY: static helpers called from loop bodies, in chains and
 * cycles (p2 -> p1 -> p3, p1 <-> p3 with a depth bound), where one
 * member may write a global or keep static state, and pure ones.  A
 * nest that calls an impure helper must keep its place.
 */
enum lf_effect {
	LF_EFF_NONE,
	LF_EFF_P1,	/* p1 counts its calls in a global */
	LF_EFF_P3,	/* p3 does */
	LF_EFF_STATE,	/* p3 keeps static state */
	LF_EFF_P2	/* p2 counts its calls */
};

/* Print p1, p2, p3 named after "tag", with the effect "eff"; in a
 * "cycle" p3 calls p1 back.
 */
static void lf_x_helpers(struct lf_gen *gen, const char *tag, int cycle,
	enum lf_effect eff)
{
	struct lf_text *f = &gen->x.funcs;

	lf_x_add(&gen->x.globals, "static int lf_cnt_%s;\n", tag);
	lf_x_add(f, "\nstatic int lf_p1_%s(int v);\n", tag);
	lf_x_add(f, "\nstatic int lf_p3_%s(int v)\n{\n", tag);
	if (eff == LF_EFF_STATE)
		lf_x_add(f, "\tstatic int st;\n\n\tst = (st + v) & 255;\n");
	if (eff == LF_EFF_P3)
		lf_x_add(f, "\tlf_cnt_%s++;\n", tag);
	if (cycle)
		lf_x_add(f, "\treturn v <= 0 ? 0 : lf_p1_%s(v - 1) + 1;\n}\n",
			tag);
	else
		lf_x_add(f, "\treturn %s;\n}\n", eff == LF_EFF_STATE ?
			"((v * 3 + 1) & 255) + st" : "(v * 3 + 1) & 255");
	lf_x_add(f, "\nstatic int lf_p1_%s(int v)\n{\n", tag);
	lf_x_add(f, "\tint r = v <= 0 ? 0 : lf_p3_%s(v - 1) + 1;\n\n", tag);
	if (eff == LF_EFF_P1)
		lf_x_add(f, "\tlf_cnt_%s++;\n", tag);
	lf_x_add(f, "\treturn r;\n}\n");
	lf_x_add(f, "\nstatic int lf_p2_%s(int v)\n{\n", tag);
	if (eff == LF_EFF_P2)
		lf_x_add(f, "\tlf_cnt_%s += 2;\n", tag);
	lf_x_add(f, "\treturn lf_p1_%s(v & 7) + 2;\n}\n", tag);
	lf_x_add(&gen->x.report, "\tprintf(\"lf_cnt_%s %%d\\n\", lf_cnt_%s);\n",
		tag, tag);
}

/* A function of the program that calls one of the helpers (p2 unless
 * the nests call it) from a loop before kernel runs: an analysis that
 * walks p1 first must not remember p3 as pure when p1's effect comes
 * after its call to p3.
 */
static void lf_x_warm_up(struct lf_gen *gen, const char *tag,
	const char *callee)
{
	const char *w = lf_x_array(gen, "int", 8, LF_FILL_INT);

	lf_x_add(&gen->x.funcs, "\nstatic void lf_warm_%s(void)\n{\n"
		"\tfor (int i = 0; i < 8; i++)\n"
		"\t\t%s[i] = lf_%s_%s(i %% 4);\n}\n", tag, w, callee, tag);
	lf_x_add(&gen->x.setup, "\tlf_warm_%s();\n", tag);
}

/* A pure float helper, or one that calls it twice.
 */
static const char *lf_x_pure_float(struct lf_gen *gen, const char *tag)
{
	lf_x_add(&gen->x.funcs, "\nstatic float lf_h_%s(float x)\n{\n"
		"\treturn 0.5f * x + 0.25f;\n}\n", tag);
	if (lf_xchance(gen, 50))
		return lf_xs(gen, "lf_h_%s", tag);
	lf_x_add(&gen->x.funcs, "\nstatic float lf_g_%s(float x)\n{\n"
		"\treturn lf_h_%s(x) * lf_h_%s(-x);\n}\n", tag, tag, tag);
	return lf_xs(gen, "lf_g_%s", tag);
}

static void lf_x_purity_class(struct lf_gen *gen)
{
	static const char *callee[] = { "p1", "p2", "p3" };
	const char *tag = lf_x_name(gen, "q");
	int k = lf_xbetween(gen, 4, 300);
	const char *n = lf_x_count(gen, k);
	const char *x = lf_x_array(gen, "int", k, LF_FILL_INT);
	const char *a = lf_x_array(gen, "int", k + 1, LF_FILL_INT);
	const char *b = lf_x_array(gen, "int", k, LF_FILL_INT);
	const char *fx = lf_x_array(gen, "float", k, LF_FILL_FLOAT);
	const char *fy = lf_x_array(gen, "float", k, LF_FILL_FLOAT);
	const char *call = lf_xpick(gen, callee, 3);
	int cycle = lf_xchance(gen, 60);
	enum lf_effect eff = (enum lf_effect) lf_xrand(gen, 5);
	const char *pure;

	lf_x_helpers(gen, tag, cycle, eff);
	if (strcmp(call, "p2"))
		lf_x_warm_up(gen, tag, "p2");
	else if (lf_xchance(gen, 40))
		lf_x_warm_up(gen, tag, "p1");
	lf_x_block(gen);
	lf_xb(gen, "\tfor (int i = 0; i < %s; i++)\n", n);
	lf_xb(gen, "\t\t%s[i] = (%s[i] & 1023) + lf_%s_%s(i & 7);\n", a, x,
		call, tag);
	lf_xb(gen, "\tfor (int i = 0; i < %s; i++)\n", n);
	lf_xb(gen, "\t\t%s[i] = %s[i + %d] + lf_cnt_%s;\n", b, a,
		lf_xrand(gen, 2), tag);
	if (lf_xchance(gen, 50)) {
		pure = lf_x_pure_float(gen, tag);
		lf_xb(gen, "\tfor (int i = 0; i < %s; i++)\n", n);
		lf_xb(gen, "\t\t%s[i] = %s(%s[i]) + (float) %s[i];\n", fy, pure,
			fx, b);
	}
}

/* Class TEXT: comments and strings where a tool that edits text by
 * hand may get lost: comment markers inside string literals in headers
 * and bodies, comments between the tokens of a header, and "//"
 * comments that end in a backslash, which continue on the next line.
 */

/* A "//" comment ending in a backslash, and the line it swallows.
 */
static void lf_x_splice_comment(struct lf_gen *gen, const char *indent)
{
	static const char *text[] = { "see the paper, eq. 3",
		"for (int i = 0; i < n; i++)", "C:\\\\data" };

	lf_xb(gen, "%s// %s \\\n%sthis line is part of the comment too\n",
		indent, lf_xpick(gen, text, 3), indent);
}

static void lf_x_text_class(struct lf_gen *gen)
{
	int k = lf_xbetween(gen, 4, 300);
	const char *n = lf_x_count(gen, k);
	const char *x = lf_x_array(gen, "float", k, LF_FILL_FLOAT);
	const char *a = lf_x_array(gen, "float", k, LF_FILL_FLOAT);
	const char *b = lf_x_array(gen, "float", k, LF_FILL_FLOAT);

	lf_x_block(gen);
	if (lf_xchance(gen, 40))
		lf_x_splice_comment(gen, "\t");
	if (lf_xchance(gen, 50)) {
		lf_xb(gen, "\tfor (int i = 0; // from the start \\\n"
			"\t     to the end, i < 0 is not the bound\n"
			"\t     i < %s + (int) sizeof(\"/*\") - 3; i++)\n", n);
	} else {
		lf_xb(gen, "\tfor (int i = 0; /* i < 0; */ i < %s; i++)", n);
		if (lf_xchance(gen, 50))
			lf_xb(gen, " // one \\\n\t\t   more of the comment");
		lf_xb(gen, "\n");
	}
	lf_xb(gen, "\t\t%s[i] = %s[i] * 0.5f + 0.125f * (float) sizeof(\"*/ //"
		"\");\n", a, x);
	if (lf_xchance(gen, 50))
		lf_x_splice_comment(gen, "\t");
	else
		lf_xb(gen, "\t/* between the nests: \"*/\n");
	lf_xb(gen, "\tfor (int i /* the index */ = 0; i < %s; i++) {\n", n);
	lf_xb(gen, "\t\t// a line comment in the body \\\n");
	lf_xb(gen, "\t\t%s[i] = 0.0f;\n", b);
	lf_xb(gen, "\t\t%s[i] = %s[i] + 1.0f; /* \"// */\n", b, a);
	lf_xb(gen, "\t}\n");
}

/* Class CONTRACT: a local array written by one nest and read by the
 * next in the same iteration, which loopfuse would turn into a scalar
 * if nothing else named it; here it often is named elsewhere: through
 * sizeof, a pointer taken before the loops (through a macro), passed
 * to a function or read through a macro after them.
 */
static void lf_x_contract_class(struct lf_gen *gen)
{
	int k = lf_xbetween(gen, 2, 64);
	int size = gen->x.big ? LF_X_BIG : k + lf_xrand(gen, 3);
	const char *n = lf_x_count(gen, k);
	const char *t = lf_x_name(gen, "t");
	const char *x = lf_x_array(gen, "float", k, LF_FILL_FLOAT);
	const char *b = lf_x_array(gen, "float", k, LF_FILL_FLOAT);
	const char *use = "";
	const char *mac;
	int ahead = lf_xchance(gen, 20);

	gen->x.use_sink = 1;
	lf_x_add(&gen->x.decl, "\tfloat %s[%d];\n", t, size);
	if (lf_xchance(gen, 25))
		use = lf_xs(gen, " + (float) (sizeof %s / sizeof %s[0])", t, t);
	else if (lf_xchance(gen, 15))
		use = lf_xs(gen, " + 0.001f * (float) sizeof %s", t);
	lf_x_block(gen);
	lf_xb(gen, "\tfor (int i = 0; i < %s; i++)\n", n);
	lf_xb(gen, "\t\t%s[i] = %s * 0.5f + 1.0f;\n", t,
		lf_x_mix(gen, lf_xs(gen, "%s[i]", x), k, "i"));
	lf_xb(gen, "\tfor (int i = 0; i < %s%s; i++)\n", n, ahead ? " - 1" : "");
	lf_xb(gen, "\t\t%s[i] = %s[i] * %s[i + %d]%s;\n", b, t, t, ahead, use);
	switch (lf_xrand(gen, 5)) {
	case 0:
		mac = lf_x_name(gen, "TP");
		lf_x_add(&gen->x.defs, "#define %s (&%s[0])\n", mac, t);
		lf_x_add(&gen->x.decl, "\tfloat *p%s = %s;\n", t, mac);
		lf_x_add(&gen->x.tail, "\tlf_sink += p%s[0] + p%s[%s - 1];\n", t,
			t, n);
		break;
	case 1:
		lf_x_add(&gen->x.funcs, "\nstatic float lf_sum_%s(const float "
			"*p, int n)\n{\n\tfloat s = 0.0f;\n\n"
			"\tfor (int i = 0; i < n; i++)\n\t\ts += p[i];\n"
			"\treturn s;\n}\n", t);
		lf_x_add(&gen->x.tail, "\tlf_sink += lf_sum_%s(%s, %s);\n", t, t,
			n);
		break;
	case 2:
		mac = lf_x_name(gen, "FIRST");
		lf_x_add(&gen->x.defs, "#define %s(a) (a[0] + (float) "
			"sizeof(a))\n", mac);
		lf_x_add(&gen->x.tail, "\tlf_sink += %s(%s);\n", mac, t);
		break;
	default:
		break;
	}
}

/* Class NAMES: the names loopfuse gives the loops it generates taken by
 * globals, locals of kernel, enumerators and typedefs of the program
 * (the other nests read them too, see lf_x_capture_value), blocks in
 * loop bodies that declare such names, and a parameter named like the
 * iterator of the nest before the one it bounds.
 */
static void lf_x_take_names(struct lf_gen *gen)
{
	int n = lf_xbetween(gen, 1, 3);
	int c;
	int r;
	const char *name;

	while (n-- > 0 && (c = lf_x_free_cap(gen)) >= 0) {
		name = lf_cap_name[c];
		gen->x.cap_spell[c] = name;
		r = lf_xrand(gen, 100);
		if (r < 40) {
			gen->x.cap_kind[c] = LF_CAP_GLOBAL;
			lf_x_add(&gen->x.globals, "static int %s = %d;\n", name,
				lf_xbetween(gen, 0, 7));
		} else if (r < 65) {
			gen->x.cap_kind[c] = LF_CAP_LOCAL;
			lf_x_add(&gen->x.decl, "\tint %s = %d;\n", name,
				lf_xbetween(gen, 0, 7));
		} else if (r < 85) {
			gen->x.cap_kind[c] = LF_CAP_ENUM;
			lf_x_add(&gen->x.defs, "enum { %s = %d };\n", name,
				lf_xbetween(gen, 0, 7));
		} else {
			gen->x.cap_kind[c] = LF_CAP_TYPEDEF;
			lf_x_add(&gen->x.defs, "typedef int %s;\n", name);
		}
	}
}

/* The spelling of a value for the nests of this class: a taken name
 * (not one of the first "skip" of lf_cap_name, which the statement
 * declares itself), or a constant.  A typedef name makes a cast.
 */
static const char *lf_x_names_value(struct lf_gen *gen, int skip)
{
	int cand[LF_N_CAP];
	int n = 0;
	int i;

	for (i = skip; i < LF_N_CAP; i++)
		if (gen->x.cap_kind[i] != LF_CAP_FREE)
			cand[n++] = i;
	if (n == 0)
		return "1";
	i = cand[lf_xrand(gen, n)];
	gen->x.cap_used[i] = 1;
	if (gen->x.cap_kind[i] == LF_CAP_TYPEDEF)
		return lf_xs(gen, "(%s) 3", lf_cap_name[i]);
	return gen->x.cap_spell[i];
}

/* A block in the body that declares a name like a generated loop's.
 */
static void lf_x_names_block(struct lf_gen *gen)
{
	int k = lf_xbetween(gen, 4, 300);
	const char *n = lf_x_count(gen, k);
	const char *x = lf_x_array(gen, "float", k, LF_FILL_FLOAT);
	const char *a = lf_x_array(gen, "float", k, LF_FILL_FLOAT);
	const char *b = lf_x_array(gen, "float", k + 1, LF_FILL_FLOAT);
	const char *local = lf_cap_name[lf_xrand(gen, LF_N_CAP)];

	lf_xb(gen, "\tfor (int i = 0; i < %s; i++) {\n", n);
	lf_xb(gen, "\t\tint %s = i & 3;\n\n", local);
	lf_xb(gen, "\t\t%s[i] = %s * 0.5f + (float) %s;\n", a,
		lf_x_mix(gen, lf_xs(gen, "%s[i]", x), k, "i"), local);
	lf_xb(gen, "\t}\n");
	lf_xb(gen, "\tfor (int i = 0; i < %s; i++)\n", n);
	lf_xb(gen, "\t\t%s[i] = %s[i] + 0.125f * (float) %s;\n", b, a,
		lf_x_names_value(gen, 0));
}

/* The epilogue of a product declares locals named like the row loop
 * and the tile loops loopfuse would make around it.
 */
static void lf_x_names_product(struct lf_gen *gen)
{
	int rows = lf_xbetween(gen, 3, 24);
	int cols = lf_xbetween(gen, 3, 24);
	int kk = lf_xbetween(gen, 2, 24);
	const char *nr = lf_x_count(gen, rows);
	const char *nc = lf_x_count(gen, cols);
	const char *nk = lf_x_count(gen, kk);
	const char *m1 = lf_x_matrix(gen, rows, kk, LF_FILL_FLOAT);
	const char *m2 = lf_x_matrix(gen, kk, cols, LF_FILL_FLOAT);
	const char *p = lf_x_matrix(gen, rows, cols, LF_FILL_FLOAT);
	const char *q = lf_x_matrix(gen, rows, cols, LF_FILL_FLOAT);

	lf_xb(gen, "\tfor (int i = 0; i < %s; i++)\n", nr);
	lf_xb(gen, "\t\tfor (int j = 0; j < %s; j++) {\n", nc);
	lf_xb(gen, "\t\t\t%s[i][j] = 0.0f;\n", p);
	lf_xb(gen, "\t\t\tfor (int k = 0; k < %s; k++)\n", nk);
	lf_xb(gen, "\t\t\t\t%s[i][j] += %s[i][k] * %s[k][j];\n", p, m1, m2);
	lf_xb(gen, "\t\t}\n");
	lf_xb(gen, "\tfor (int k = 0; k < %s; k++)\n", nr);
	lf_xb(gen, "\t\tfor (int l = 0; l < %s; l++) {\n", nc);
	lf_xb(gen, "\t\t\tfloat i = 0.25f;\n");
	lf_xb(gen, "\t\t\tint it = k + l, jt = k - l;\n\n");
	lf_xb(gen, "\t\t\t%s[k][l] = %s[k][l] * i + (float) (it * jt) + "
		"0.125f * (float) %s;\n", q, p, lf_x_names_value(gen, 2));
	lf_xb(gen, "\t\t}\n");
}

/* A parameter named j bounds the second nest; the first nest's
 * iterator is j.  Not with iterators declared before the loops, where
 * kernel has a local j.
 */
static void lf_x_names_param(struct lf_gen *gen)
{
	int k = lf_xbetween(gen, 4, 300);
	const char *x = lf_x_array(gen, "float", k, LF_FILL_FLOAT);
	const char *a = lf_x_array(gen, "float", k, LF_FILL_FLOAT);
	const char *b = lf_x_array(gen, "float", k, LF_FILL_FLOAT);

	gen->x.param_j = 1;
	lf_x_param_named(gen, "int", "j", lf_xs(gen, "%d", k));
	lf_xb(gen, "\tfor (int j = 0; j < %d; j++)\n", k);
	lf_xb(gen, "\t\t%s[j] = %s[j] + 1.0f;\n", a, x);
	lf_xb(gen, "\tfor (int i = 0; i < j; i++)\n");
	lf_xb(gen, "\t\t%s[i] = %s[i] * 0.5f;\n", b, a);
}

static void lf_x_names_class(struct lf_gen *gen)
{
	int r;

	lf_x_take_names(gen);
	lf_x_block(gen);
	r = lf_xrand(gen, 3);
	if (r == 2 && (gen->outside || gen->x.param_j))
		r = 0;
	if (r == 0)
		lf_x_names_block(gen);
	else if (r == 1)
		lf_x_names_product(gen);
	else
		lf_x_names_param(gen);
}

/* Class ALIAS: pointer parameters without restrict that main calls
 * with overlapping arguments (the same array, one or a few elements
 * apart, either way), or with a pointer into a global that kernel
 * writes by name; or, in some programs, with distinct arrays, so that
 * the distinct=1 marker lets --assume-no-alias run.
 */
static void lf_x_alias_class(struct lf_gen *gen)
{
	int is_int = lf_xchance(gen, 30);
	const char *type = is_int ? "int" : "float";
	int k = lf_xbetween(gen, 4, 200);
	const char *n = lf_x_count(gen, k);
	const char *buf = lf_x_array(gen, type, k + 8, is_int ? LF_FILL_INT :
		LF_FILL_FLOAT);
	const char *other;
	const char *pa;
	const char *pb;
	const char *g = NULL;
	const char *f = is_int ? "(%s & 1023) * 3 + 1" : "%s * 0.5f + 1.0f";
	const char *sum = is_int ? "(%s[i] & 1023) %s (%s[i + 1] & 1023)" :
		"0.5f * (%s[i] %s %s[i + 1])";
	int oa = lf_xrand(gen, 4);
	int ob = lf_xrand(gen, 4);
	int r = lf_xrand(gen, 100);

	lf_x_block(gen);
	if (r < 25) {
		/* kernel writes the global by name, and reads it through pa */
		g = buf;
		pa = lf_x_param(gen, lf_xs(gen, "const %s *", type), "pa",
			lf_xs(gen, "%s + %d", buf, oa));
		gen->x.overlap = 1;
		lf_xb(gen, "\tfor (int i = 0; i < %s; i++)\n", n);
		lf_xb(gen, "\t\t%s[i + %d] = %s;\n", g, ob, lf_xs(gen, f,
			lf_xs(gen, "%s[i]", pa)));
		other = lf_x_array(gen, type, k, is_int ? LF_FILL_INT :
			LF_FILL_FLOAT);
		lf_xb(gen, "\tfor (int i = 0; i < %s; i++)\n", n);
		lf_xb(gen, "\t\t%s[i] = %s[i] + %s[i + 1];\n", other, pa, g);
		return;
	}
	if (r < 75) {
		other = buf;
		gen->x.overlap = 1;
	} else {
		other = lf_x_array(gen, type, k + 8, is_int ? LF_FILL_INT :
			LF_FILL_FLOAT);
	}
	pa = lf_x_param(gen, lf_xs(gen, "%s *", type), "pa",
		lf_xs(gen, "%s + %d", buf, oa));
	pb = lf_x_param(gen, lf_xs(gen, "%s *", type), "pb",
		lf_xs(gen, "%s + %d", other, ob));
	if (lf_xchance(gen, 60)) {
		lf_xb(gen, "\tfor (int i = 0; i < %s; i++)\n", n);
		lf_xb(gen, "\t\t%s[i] = %s;\n", pa, lf_xs(gen, f,
			lf_xs(gen, "%s[i]", pb)));
		lf_xb(gen, "\tfor (int i = 0; i < %s; i++)\n", n);
		lf_xb(gen, "\t\t%s[i] = %s;\n", pb, lf_xs(gen, sum, pa, "+", pa));
	} else {
		lf_xb(gen, "\tfor (int i = %s - 1; i >= 0; i--)\n", n);
		lf_xb(gen, "\t\t%s[i + 1] = %s;\n", pa, lf_xs(gen, f,
			lf_xs(gen, "%s[i]", pb)));
		lf_xb(gen, "\tfor (int i = %s - 1; i >= 0; i--)\n", n);
		lf_xb(gen, "\t\t%s[i] = %s;\n", pb, lf_xs(gen, sum, pa, "-", pa));
	}
}

/* Class OUTSIDE: iterators declared before the loops ("int p; for (p =
 * 0; ...)"), which later code uses again only after giving them a new
 * value, and labels and gotos in kernel: a forward goto over the nests
 * that is never taken, or a backward one that runs them twice.
 */
static void lf_x_own_iters(struct lf_gen *gen)
{
	static const char *signed_types[] = { "int", "long" };
	static const char *any_types[] = { "int", "long", "unsigned",
		"size_t" };
	const char *tp = lf_xpick(gen, signed_types, 2);
	const char *tq = lf_xpick(gen, any_types, 4);
	int rows = lf_xbetween(gen, 2, 40);
	int cols = lf_xbetween(gen, 2, 40);
	const char *nr = lf_x_count(gen, rows);
	const char *nc = lf_x_count(gen, cols);
	const char *x = lf_x_matrix(gen, rows, cols + 1, LF_FILL_FLOAT);
	const char *a = lf_x_matrix(gen, rows, cols + 1, LF_FILL_FLOAT);
	const char *b = lf_x_matrix(gen, rows, cols, LF_FILL_FLOAT);

	gen->x.own_iters = 1;
	gen->x.use_tail = 1;
	gen->x.inc_stddef |= !strcmp(tq, "size_t");
	lf_x_add(&gen->x.decl, "\t%s p;\n\t%s q;\n", tp, tq);
	lf_x_block(gen);
	lf_xb(gen, "\tfor (p = 0; p < %s; p++)\n", nr);
	lf_xb(gen, "\t\tfor (q = 0; q < %s; q++)\n", nc);
	lf_xb(gen, "\t\t\t%s[p][q] = %s[p][q] * 0.5f;\n", a, x);
	if (lf_xchance(gen, 50)) {
		lf_xb(gen, "\tfor (p = %s - 1; p >= 0; p--)\n", nr);
		lf_xb(gen, "\t\tfor (q = 0; q < %s; q++)\n", nc);
		lf_xb(gen, "\t\t\t%s[p][q] = %s[p][q] + %s[p][q + 1];\n", b, a,
			a);
	} else {
		lf_xb(gen, "\tfor (p = 0; p < %s; p++) {\n", nr);
		lf_xb(gen, "\t\tfor (q = 0; q < %s; q++)\n", nc);
		lf_xb(gen, "\t\t\t%s[p][q] = %s[p][q] * %s[p][q];\n", b, a, a);
		lf_xb(gen, "\t}\n");
	}
	if (lf_xchance(gen, 50))
		lf_x_add(&gen->x.tail, "\tp = %d;\n\tlf_tail += (int) p * 3;\n",
			lf_xbetween(gen, 0, 9));
	else
		lf_x_add(&gen->x.tail, "\tq = 0;\n\twhile (q < %d) {\n"
			"\t\tlf_tail += (int) q;\n\t\tq++;\n\t}\n",
			lf_xbetween(gen, 1, 5));
}

static void lf_x_outside_class(struct lf_gen *gen)
{
	int r = lf_xrand(gen, 100);

	if (!gen->outside || lf_xchance(gen, 50))
		lf_x_own_iters(gen);
	if (r < 35)
		gen->x.skip = 1;
	else if (r < 70)
		gen->x.again = 1;
}

/* How often each class is switched on, in percent of programs.
 */
static const int lf_x_percent[LF_N_CLASS] = {
	[LF_X_INT_TYPES] = 12,
	[LF_X_LIMITS] = 12,
	[LF_X_FAR] = 10,
	[LF_X_MACROS] = 12,
	[LF_X_PRAGMAS] = 10,
	[LF_X_ERRNO] = 10,
	[LF_X_PURITY] = 10,
	[LF_X_TEXT] = 10,
	[LF_X_CONTRACT] = 10,
	[LF_X_NAMES] = 10,
	[LF_X_ALIAS] = 10,
	[LF_X_OUTSIDE] = 10,
};

/* Decide which classes the program gets and make their blocks.
 */
static void lf_x_generate(struct lf_gen *gen)
{
	static void (*const make[LF_N_CLASS])(struct lf_gen *gen) = {
		[LF_X_INT_TYPES] = lf_x_int_types,
		[LF_X_LIMITS] = lf_x_limits_class,
		[LF_X_FAR] = lf_x_far_class,
		[LF_X_MACROS] = lf_x_macros_class,
		[LF_X_PRAGMAS] = lf_x_pragmas_class,
		[LF_X_ERRNO] = lf_x_errno_class,
		[LF_X_PURITY] = lf_x_purity_class,
		[LF_X_TEXT] = lf_x_text_class,
		[LF_X_CONTRACT] = lf_x_contract_class,
		[LF_X_NAMES] = lf_x_names_class,
		[LF_X_ALIAS] = lf_x_alias_class,
		[LF_X_OUTSIDE] = lf_x_outside_class,
	};
	int c;

	for (c = 0; c < LF_N_CLASS; c++)
		gen->x.on[c] = lf_xchance(gen, lf_x_percent[c]);
	for (c = 0; c < LF_N_CLASS; c++) {
		if (!gen->x.on[c])
			continue;
		gen->x.big = lf_xchance(gen, 50);
		make[c](gen);
	}
}

/* After the run: the tail reads the names of class NAMES that nothing
 * read, and with iterators declared before the loops (class OUTSIDE)
 * gives some of them a new value and uses them.
 */
static void lf_x_finish(struct lf_gen *gen)
{
	int i;

	for (i = 0; i < LF_N_CAP; i++) {
		if (gen->x.cap_used[i] || (gen->x.cap_kind[i] != LF_CAP_GLOBAL &&
		    gen->x.cap_kind[i] != LF_CAP_LOCAL))
			continue;
		gen->x.use_tail = 1;
		lf_x_add(&gen->x.tail, "\tlf_tail += %s;\n", lf_cap_name[i]);
	}
	if (!lf_x_on(gen, LF_X_OUTSIDE) || !gen->outside)
		return;
	for (i = 0; i < LF_MAX_DEPTH; i++) {
		if (!gen->outside_used[i] || !lf_xchance(gen, 60))
			continue;
		gen->x.use_tail = 1;
		lf_x_add(&gen->x.tail, "\t%s = %d;\n\tlf_tail += (int) %s * %d;\n",
			lf_iter_str(i), lf_xbetween(gen, 0, 9), lf_iter_str(i),
			i + 2);
	}
}

/* Decide before which nest of a run of n_nest each block goes
 * (n_nest: after the last one), or whether it makes a run of its own
 * after it (-1): loopfuse's budget gives up on a whole run that is too
 * complex, and some runs of the program are.
 */
static void lf_x_place_blocks(struct lf_gen *gen, int n_nest)
{
	int b;

	for (b = 0; b < gen->x.n_block; b++)
		gen->x.block_at[b] = lf_xchance(gen, 35) ? -1 :
			lf_xrand(gen, n_nest + 1);
}

/* Print the blocks that make runs of their own, each after a statement
 * that ends the run before it.
 */
static void lf_x_put_own_runs(struct lf_gen *gen)
{
	int b;

	for (b = 0; b < gen->x.n_block; b++) {
		if (gen->x.block_at[b] != -1 || !gen->x.block[b].len)
			continue;
		gen->x.use_phase = 1;
		lf_put(gen, "\tlf_phase++;\n%s", gen->x.block[b].s);
	}
}

/* Print the blocks that go before nest "at", and sometimes (class TEXT)
 * a "//" comment continued by a backslash between two nests.
 */
static void lf_x_put_blocks(struct lf_gen *gen, int at)
{
	int b;

	for (b = 0; b < gen->x.n_block; b++)
		if (gen->x.block_at[b] == at && gen->x.block[b].len)
			lf_put(gen, "%s", gen->x.block[b].s);
	if (at > 0 && lf_x_on(gen, LF_X_TEXT) && lf_xchance(gen, 25))
		lf_put(gen, "\t// the next nest \\\n"
			"\tstarts after this line, which the comment goes on to\n");
}

/* Generate the body of kernel: a run of 2 to 6 nests, one of which may
 * hold a construct that blocks fusion, and in one program in five a
 * matrix product among them.
 */
static void lf_gen_run(struct lf_gen *gen)
{
	int n_nest = lf_between(gen, 2, 6);
	int blocked = lf_rand(gen, n_nest);
	int blocker = 0;
	int r = lf_rand(gen, 100);
	int i;

	if (r < 8)
		blocker = 1;
	else if (r < 16)
		blocker = 2;
	else if (r < 20)
		blocker = 3;
	int product = lf_chance(gen, 20) ? lf_rand(gen, n_nest) : -1;

	gen->indent = 1;
	lf_x_place_blocks(gen, n_nest);
	for (i = 0; i < n_nest; i++) {
		lf_x_put_blocks(gen, i);
		gen->split.nest[i].start = gen->out.len;
		if (i != product || i == blocked || lf_gen_product(gen) == 0)
			lf_gen_nest(gen, i == blocked ? blocker : 0);
		gen->split.nest[i].end = gen->out.len;
	}
	gen->split.n = n_nest;
	lf_x_put_blocks(gen, n_nest);
	lf_x_put_own_runs(gen);
}

static enum lf_kind lf_pick_kind(struct lf_gen *gen)
{
	int r = lf_rand(gen, 100);

	if (r < 35)
		return LF_GLOBAL;
	if (r < 60)
		return LF_POINTER;
	if (r < 80)
		return LF_ARRAY_PARAM;
	return LF_VLA_PARAM;
}

static struct lf_array *lf_add_array(struct lf_gen *gen)
{
	struct lf_array *array = &gen->array[gen->n_array];

	memset(array, 0, sizeof(*array));
	array->name = (char) ('A' + gen->n_array++);
	array->share = -1;
	return array;
}

/* Add one parameter that main will pass a pointer into an array that
 * kernel may also access, so that the two overlap.
 */
static void lf_add_alias(struct lf_gen *gen)
{
	struct lf_array *src;
	struct lf_array *alias;
	int s;

	s = lf_rand(gen, gen->n_array);
	src = &gen->array[s];
	src->is_restrict = 0;
	src->input = 0;
	alias = lf_add_array(gen);
	alias->is_int = src->is_int;
	alias->n_dim = src->n_dim;
	alias->kind = LF_POINTER + lf_rand(gen, 3);
	alias->share = s;
	if (lf_chance(gen, 60))
		return;
	alias->offset = lf_between(gen, 1, LF_DIM - LF_USE);
	if (alias->kind == LF_VLA_PARAM)
		alias->kind = LF_ARRAY_PARAM;
}

static void lf_gen_arrays(struct lf_gen *gen)
{
	struct lf_array *array;
	int n = lf_between(gen, 2, 5);
	int i;

	for (i = 0; i < n; i++) {
		array = lf_add_array(gen);
		array->is_int = i > 0 && lf_chance(gen, 25);
		array->n_dim = lf_chance(gen, 60) ? 2 : 1;
		array->kind = lf_pick_kind(gen);
		array->is_restrict = array->kind != LF_GLOBAL &&
			lf_chance(gen, 50);
		array->is_static = lf_chance(gen, 50);
		array->input = i > 0 && !array->is_int && lf_chance(gen, 30);
		gen->has_int |= array->is_int;
	}
	if (lf_chance(gen, 15))
		lf_add_alias(gen);
}

static void lf_gen_params(struct lf_gen *gen)
{
	int i;

	gen->par[0] = lf_between(gen, 5, 23);
	gen->par[1] = lf_between(gen, 5, 23);
	gen->par[2] = gen->par[0] / 2;
	gen->par[3] = lf_between(gen, 3, 12);
	gen->salt = lf_rand(gen, 1000);
	gen->idx_mul = 1 + 2 * lf_rand(gen, 6);
	gen->idx_add = lf_rand(gen, 20);
	gen->idx_mod = lf_chance(gen, 50) ? LF_USE - 1 : lf_between(gen, 5, 31);
	gen->outside = lf_chance(gen, 12);
	gen->tame = lf_chance(gen, 50);
	for (i = 0; i < LF_MAX_DEPTH; i++)
		gen->outside_long[i] = lf_chance(gen, 25);
}

/* Does kernel see two names for overlapping memory?
 */
static int lf_is_distinct(struct lf_gen *gen)
{
	int i;
	struct lf_array *array;

	if (gen->x.overlap || gen->rtc.overlap || gen->flat.overlap ||
	    (gen->ck.on && gen->ck.same))
		return 0;
	for (i = 0; i < gen->n_array; i++) {
		array = &gen->array[i];
		if (array->used && array->share >= 0 &&
		    gen->array[array->share].used)
			return 0;
	}
	return 1;
}

static const char *lf_type(const struct lf_array *array)
{
	return array->is_int ? "int" : "float";
}

static const char *lf_restrict(const struct lf_array *array)
{
	return array->is_restrict ? "restrict " : "";
}

static void lf_print_vla_param(struct lf_gen *gen, struct lf_text *text,
	const struct lf_array *array)
{
	gen->use_d[0] = 1;
	lf_text_printf(text, "%s %c[%sd0]", lf_type(array), array->name,
		lf_restrict(array));
	if (array->n_dim == 2) {
		gen->use_d[1] = 1;
		lf_text_printf(text, "[d1]");
	}
}

/* An array parameter that main passes at an offset has no size: the
 * compiler would rightly warn that the region is smaller.
 */
static void lf_print_array_param(struct lf_text *text,
	const struct lf_array *array)
{
	int unsized;

	unsized = array->offset > 0 ||
		(!array->is_restrict && array->n_dim == 2 && array->share < 0);
	if (unsized)
		lf_text_printf(text, "%s %c[]%s", lf_type(array), array->name,
			array->n_dim == 2 ? "[DIM]" : "");
	else
		lf_text_printf(text, "%s %c[%sDIM]%s", lf_type(array),
			array->name, lf_restrict(array),
			array->n_dim == 2 ? "[DIM]" : "");
}

static void lf_print_param(struct lf_gen *gen, struct lf_text *text,
	const struct lf_array *array)
{
	if (array->kind == LF_VLA_PARAM)
		lf_print_vla_param(gen, text, array);
	else if (array->kind == LF_ARRAY_PARAM)
		lf_print_array_param(text, array);
	else if (array->n_dim == 1)
		lf_text_printf(text, "%s *%s%c", lf_type(array),
			lf_restrict(array), array->name);
	else
		lf_text_printf(text, "%s (*%s%c)[DIM]", lf_type(array),
			lf_restrict(array), array->name);
}

static int lf_is_param(const struct lf_array *array)
{
	return array->kind != LF_GLOBAL && array->used;
}

/* Print the parameter list of kernel: the used scalars, then the used
 * array parameters, then those of the classes.
 */
static void lf_print_params(struct lf_gen *gen, struct lf_text *text)
{
	struct lf_text arrays = { NULL, 0, 0 };
	const char *sep = "";
	const char *type;
	int i;

	for (i = 0; i < gen->n_array; i++) {
		if (!lf_is_param(&gen->array[i]))
			continue;
		lf_text_printf(&arrays, ", ");
		lf_print_param(gen, &arrays, &gen->array[i]);
	}
	for (i = 0; i < 2; i++) {
		if (!gen->par_used[i])
			continue;
		lf_text_printf(text, "%sint %s", sep, lf_par_name[i]);
		sep = ", ";
	}
	for (i = 0; i < 2; i++) {
		if (!gen->use_d[i])
			continue;
		lf_text_printf(text, "%sint d%d", sep, i);
		sep = ", ";
	}
	if (arrays.len) {
		lf_text_printf(text, "%s", arrays.s + (*sep ? 0 : 2));
		sep = ", ";
	}
	for (i = 0; i < gen->x.n_param; i++) {
		type = gen->x.param[i].type;
		lf_text_printf(text, "%s%s%s%s", sep, type,
			type[strlen(type) - 1] == '*' ? "" : " ",
			gen->x.param[i].name);
		sep = ", ";
	}
	if (!text->len)
		lf_text_printf(text, "void");
	free(arrays.s);
}

/* The globals of the classes: their arrays and scalars, and the
 * sinks that kernel's tail writes and main prints.
 */
static void lf_print_x_globals(struct lf_gen *gen)
{
	if (gen->x.globals.len)
		printf("%s", gen->x.globals.s);
	if (gen->x.use_line)
		printf("static int lf_line;\n");
	if (gen->x.use_sink)
		printf("static float lf_sink;\n");
	if (gen->x.use_tail)
		printf("static int lf_tail;\n");
	if (gen->x.skip)
		printf("static int lf_skip;\n");
	if (gen->x.use_phase)
		printf("static int lf_phase;\n");
}

static void lf_print_globals(struct lf_gen *gen)
{
	struct lf_array *array;
	int i;

	for (i = 0; i < gen->n_array; i++) {
		array = &gen->array[i];
		if (array->kind != LF_GLOBAL)
			continue;
		printf("%s%s %c[DIM]%s;\n", array->is_static ? "static " : "",
			lf_type(array), array->name,
			array->n_dim == 2 ? "[DIM]" : "");
	}
	if (gen->use_idx)
		printf("static int lf_idx[DIM];\n");
	if (gen->use_tick || gen->use_itick)
		printf("static int lf_count;\n");
	lf_print_x_globals(gen);
}

static void lf_print_tick(struct lf_gen *gen)
{
	if (gen->use_tick)
		printf("\n"
			"static float lf_tick(float x)\n"
			"{\n"
			"\tlf_count++;\n"
			"\treturn x + 0.125f * (float) (lf_count & 7);\n"
			"}\n");
	if (gen->use_itick)
		printf("\n"
			"static int lf_itick(int x)\n"
			"{\n"
			"\tlf_count++;\n"
			"\treturn (x + lf_count) & 1023;\n"
			"}\n");
}

/* Can kernel's nests move into functions of their own (class SPLIT)?
 * Only if kernel has no locals, which a moved nest would not see.
 */
static int lf_can_split(struct lf_gen *gen)
{
	int i;

	for (i = 0; i < LF_MAX_DEPTH; i++)
		if (gen->outside_used[i])
			return 0;
	return !gen->par_used[2] && !gen->x.decl.len && !gen->x.again &&
		!gen->x.skip;
}

/* Print the names of kernel's parameters, in the order of
 * lf_print_params (which must have run), as arguments to "text".
 */
static void lf_print_param_names(struct lf_gen *gen, struct lf_text *text)
{
	const char *sep = "";
	int i;

	for (i = 0; i < 2; i++)
		if (gen->par_used[i]) {
			lf_text_printf(text, "%s%s", sep, lf_par_name[i]);
			sep = ", ";
		}
	for (i = 0; i < 2; i++)
		if (gen->use_d[i]) {
			lf_text_printf(text, "%sd%d", sep, i);
			sep = ", ";
		}
	for (i = 0; i < gen->n_array; i++)
		if (lf_is_param(&gen->array[i])) {
			lf_text_printf(text, "%s%c", sep, gen->array[i].name);
			sep = ", ";
		}
	for (i = 0; i < gen->x.n_param; i++) {
		lf_text_printf(text, "%s%s", sep, gen->x.param[i].name);
		sep = ", ";
	}
}

/* Class SPLIT: print the functions that take kernel's moved nests and
 * replace kernel's body by the one that calls them.
 */
static void lf_print_split(struct lf_gen *gen, const char *params)
{
	struct lf_text args = { NULL, 0, 0 };
	struct lf_text funcs = { NULL, 0, 0 };
	struct lf_text body = { NULL, 0, 0 };

	lf_print_param_names(gen, &args);
	lf_split_apply(&gen->split, gen->out.s, params,
		args.len ? args.s : "", &funcs, &body);
	printf("\n%s", funcs.s ? funcs.s : "");
	free(gen->out.s);
	gen->out = body;
	free(args.s);
	free(funcs.s);
}

static void lf_print_kernel(struct lf_gen *gen)
{
	struct lf_text params = { NULL, 0, 0 };
	int i;

	lf_print_params(gen, &params);
	if (gen->split_on && lf_can_split(gen))
		lf_print_split(gen, params.s);
	printf("\nvoid kernel(%s)\n{\n", params.s);
	if (gen->par_used[2])
		printf("\tint h = n / 2;\n");
	for (i = 0; i < LF_MAX_DEPTH; i++)
		if (gen->outside_used[i])
			printf("\t%s %s;\n",
				gen->outside_long[i] ? "long" : "int",
				lf_iter_str(i));
	if (gen->x.decl.len)
		printf("%s", gen->x.decl.s);
	if (gen->x.again)
		printf("\tint lf_pass = 0;\n");
	if (gen->par_used[2] || gen->outside || gen->x.decl.len ||
	    gen->x.again)
		printf("\n");
	if (gen->x.skip)
		printf("\tif (lf_skip)\n\t\tgoto lf_out;\n");
	if (gen->x.again)
		printf("lf_again:\n");
	printf("%s", gen->out.s);
	if (gen->x.again)
		printf("\tif (++lf_pass < 2)\n\t\tgoto lf_again;\n");
	if (gen->x.tail.len)
		printf("%s", gen->x.tail.s);
	if (gen->x.skip)
		printf("lf_out:\n\t;\n");
	printf("}\n");
	free(params.s);
}

static void lf_print_storage(struct lf_gen *gen)
{
	struct lf_array *array;
	int i;

	for (i = 0; i < gen->n_array; i++) {
		array = &gen->array[i];
		if (array->kind == LF_GLOBAL || array->share >= 0)
			continue;
		printf("static %s lf_st_%c[DIM]%s;\n", lf_type(array),
			array->name, array->n_dim == 2 ? "[DIM]" : "");
	}
}

static void lf_print_hash(void)
{
	printf("\n"
		"static unsigned lf_hash(const void *p, size_t len)\n"
		"{\n"
		"\tconst unsigned char *b = p;\n"
		"\tunsigned h = 2166136261u;\n"
		"\tsize_t x;\n"
		"\n"
		"\tfor (x = 0; x < len; x++) {\n"
		"\t\th ^= b[x];\n"
		"\t\th *= 16777619u;\n"
		"\t}\n"
		"\treturn h;\n"
		"}\n");
}

/* Which fill functions main needs: bit 0 float, bit 1 int; times two
 * for 2-D.
 */
static int lf_fill_mask(struct lf_gen *gen)
{
	struct lf_array *array;
	int mask = 0;
	int i;

	for (i = 0; i < gen->n_array; i++) {
		array = &gen->array[i];
		if (array->share >= 0)
			continue;
		mask |= 1 << (array->is_int + 2 * (array->n_dim - 1));
	}
	return mask;
}

static const char *lf_fill_value(int is_int)
{
	if (is_int)
		return "(x * 37 + y * 11 + salt) % 1021";
	return "(float) ((x * 37 + y * 11 + salt) % 101) / 50.0f - 1.0f";
}

static void lf_print_fill(int is_int, int n_dim)
{
	const char *type = is_int ? "int" : "float";

	printf("\nstatic void lf_fill_%s%d(", type, n_dim);
	if (n_dim == 1)
		printf("%s *a, int salt)\n{\n\tint x;\n\tint y = 0;\n\n"
			"\tfor (x = 0; x < DIM; x++)\n"
			"\t\ta[x] = %s;\n}\n", type, lf_fill_value(is_int));
	else
		printf("%s (*a)[DIM], int salt)\n{\n\tint x;\n\tint y;\n\n"
			"\tfor (x = 0; x < DIM; x++)\n"
			"\t\tfor (y = 0; y < DIM; y++)\n"
			"\t\t\ta[x][y] = %s;\n}\n", type,
			lf_fill_value(is_int));
}

static void lf_print_fills(struct lf_gen *gen)
{
	int mask = lf_fill_mask(gen);
	int i;

	for (i = 0; i < 4; i++)
		if (mask & (1 << i))
			lf_print_fill(i & 1, 1 + i / 2);
	if (!gen->use_idx)
		return;
	printf("\nstatic void lf_fill_idx(void)\n{\n\tint x;\n\n"
		"\tfor (x = 0; x < DIM; x++)\n"
		"\t\tlf_idx[x] = (x * %d + %d) %% %d;\n}\n",
		gen->idx_mul, gen->idx_add, gen->idx_mod);
}

static void lf_print_storage_name(struct lf_array *array)
{
	if (array->kind == LF_GLOBAL)
		printf("%c", array->name);
	else
		printf("lf_st_%c", array->name);
}

/* Print the arguments of the call to kernel.
 */
static void lf_print_args(struct lf_gen *gen)
{
	struct lf_array *array;
	const char *sep = "";
	int i;

	for (i = 0; i < 2; i++)
		if (gen->par_used[i]) {
			printf("%s%d", sep, gen->par[i]);
			sep = ", ";
		}
	for (i = 0; i < 2; i++)
		if (gen->use_d[i]) {
			printf("%sDIM", sep);
			sep = ", ";
		}
	for (i = 0; i < gen->n_array; i++) {
		array = &gen->array[i];
		if (!lf_is_param(array))
			continue;
		printf("%s", sep);
		sep = ", ";
		lf_print_storage_name(array->share >= 0 ?
			&gen->array[array->share] : array);
		if (array->offset)
			printf(" + %d", array->offset);
	}
	for (i = 0; i < gen->x.n_param; i++) {
		printf("%s%s", sep, gen->x.param[i].value);
		sep = ", ";
	}
}

/* main's locals for the classes: x and y fill their arrays.
 */
static void lf_print_x_main_decls(struct lf_gen *gen)
{
	int two_d = 0;
	int i;

	for (i = 0; i < gen->x.n_array; i++)
		two_d |= gen->x.array[i].cols > 0;
	if (gen->x.n_array)
		printf("\tint x;\n");
	if (two_d)
		printf("\tint y;\n");
	if (gen->x.errno_used)
		printf("\tint lf_errno;\n");
	if (gen->x.n_array || gen->x.errno_used)
		printf("\n");
}

/* The value main gives element x (and y) of an array of the classes.
 */
static const char *lf_x_fill_value(struct lf_gen *gen,
	const struct lf_xarray *array, int salt)
{
	const char *pos = array->cols ? "x * 37 + y * 11" : "x * 37";

	if (array->fill == LF_FILL_FLOAT)
		return lf_xs(gen, "(float) ((%s + %d) %% 101) / 50.0f - 1.0f",
			pos, salt);
	if (array->fill == LF_FILL_POSITIVE)
		return lf_xs(gen, "0.5f + (float) ((%s + %d) %% 101) / 64.0f",
			pos, salt);
	return lf_xs(gen, "(%s) ((%s + %d) %% 1021)", array->type, pos, salt);
}

static void lf_print_x_fills(struct lf_gen *gen)
{
	const struct lf_xarray *array;
	const char *value;
	int i;

	for (i = 0; i < gen->x.n_array; i++) {
		array = &gen->x.array[i];
		value = lf_x_fill_value(gen, array, gen->salt + 13 * i);
		printf("\tfor (x = 0; x < (int) (sizeof %s / sizeof %s[0]); "
			"x++)\n", array->name, array->name);
		if (array->cols)
			printf("\t\tfor (y = 0; y < %d; y++)\n"
				"\t\t\t%s[x][y] = %s;\n", array->cols,
				array->name, value);
		else
			printf("\t\t%s[x] = %s;\n", array->name, value);
	}
}

/* What main prints for the classes after the hashes of the arrays.
 * errno means nothing with -fno-math-errno, and clang's OpenMP runtime
 * (libomp) sets it to ENOENT when it starts its threads.
 */
static void lf_print_x_report(struct lf_gen *gen)
{
	int i;

	for (i = 0; i < gen->x.n_array; i++)
		printf("\tprintf(\"%s %%08x\\n\", lf_hash(%s, sizeof %s));\n",
			gen->x.array[i].name, gen->x.array[i].name,
			gen->x.array[i].name);
	if (gen->x.report.len)
		printf("%s", gen->x.report.s);
	if (gen->x.use_line)
		printf("\tprintf(\"lf_line %%d\\n\", lf_line);\n");
	if (gen->x.use_sink)
		printf("\tprintf(\"lf_sink %%a\\n\", (double) lf_sink);\n");
	if (gen->x.use_tail)
		printf("\tprintf(\"lf_tail %%d\\n\", lf_tail);\n");
	if (gen->x.use_phase)
		printf("\tprintf(\"lf_phase %%d\\n\", lf_phase);\n");
	if (!gen->x.errno_used)
		return;
	printf("#if !defined(__NO_MATH_ERRNO__) && "
		"!(defined(_OPENMP) && defined(__clang__))\n");
	printf("\tprintf(\"errno %%s\\n\", lf_errno == EDOM ? \"EDOM\" :\n"
		"\t\tlf_errno == ERANGE ? \"ERANGE\" : lf_errno ? \"other\" : "
		"\"0\");\n");
	printf("#endif\n");
}

static void lf_print_main(struct lf_gen *gen)
{
	struct lf_array *array;
	int i;

	printf("\nint main(void)\n{\n");
	lf_print_x_main_decls(gen);
	for (i = 0; i < gen->n_array; i++) {
		array = &gen->array[i];
		if (array->share >= 0)
			continue;
		printf("\tlf_fill_%s%d(", lf_type(array), array->n_dim);
		lf_print_storage_name(array);
		printf(", %d);\n", gen->salt + 7 * i);
	}
	if (gen->use_idx)
		printf("\tlf_fill_idx();\n");
	lf_print_x_fills(gen);
	if (gen->x.setup.len)
		printf("%s", gen->x.setup.s);
	if (gen->x.errno_used)
		printf("\terrno = 0;\n");
	printf("\tkernel(");
	lf_print_args(gen);
	printf(");\n");
	if (gen->x.errno_used)
		printf("\tlf_errno = errno;\n");
	for (i = 0; i < gen->n_array; i++) {
		array = &gen->array[i];
		if (array->share >= 0)
			continue;
		printf("\tprintf(\"%c %%08x\\n\", lf_hash(", array->name);
		lf_print_storage_name(array);
		printf(", sizeof(");
		lf_print_storage_name(array);
		printf(")));\n");
	}
	if (gen->use_tick || gen->use_itick)
		printf("\tprintf(\"count %%d\\n\", lf_count);\n");
	lf_print_x_report(gen);
	if (gen->rtc.on)
		printf("%s", gen->rtc.main.s);
	if (gen->flat.on)
		printf("%s", gen->flat.main.s);
	if (gen->ck.on)
		printf("%s", gen->ck.main.s);
	printf("\treturn 0;\n}\n");
}

/* The first line: the seed, and what scripts/fuzz-diff must know of
 * the program (see the comment at the top).
 */
static void lf_print_marker(struct lf_gen *gen)
{
	printf("// lf_gen seed=%llu distinct=%d", gen->seed,
		lf_is_distinct(gen));
	if (gen->x.errno_used)
		printf(" errno=1");
	if (gen->x.openmp)
		printf(" cflags=-fopenmp");
	printf("\n");
}

static void lf_print_includes(struct lf_gen *gen)
{
	if (gen->x.inc_errno)
		printf("#include <errno.h>\n");
	if (gen->x.inc_limits)
		printf("#include <limits.h>\n");
	printf("#include <math.h>\n");
	if (gen->x.inc_stddef)
		printf("#include <stddef.h>\n");
	if (gen->x.inc_stdint)
		printf("#include <stdint.h>\n");
	printf("#include <stdio.h>\n\n");
}

static void lf_print_program(struct lf_gen *gen)
{
	lf_print_marker(gen);
	lf_print_includes(gen);
	printf("#define DIM %d\n#define LEN %d\n\n", LF_DIM, gen->par[3]);
	if (gen->x.defs.len)
		printf("%s\n", gen->x.defs.s);
	lf_print_globals(gen);
	lf_print_tick(gen);
	if (gen->x.funcs.len)
		printf("%s", gen->x.funcs.s);
	lf_print_kernel(gen);
	printf("\n");
	lf_print_storage(gen);
	lf_print_hash();
	lf_print_fills(gen);
	if (gen->rtc.on)
		printf("%s", gen->rtc.top.s);
	if (gen->flat.on)
		printf("%s", gen->flat.top.s);
	if (gen->ck.on)
		printf("%s", gen->ck.top.s);
	lf_print_main(gen);
}

/* With --only=calls: a program of class CALLS alone.
 */
static void lf_print_ck_program(struct lf_gen *gen)
{
	printf("// lf_gen seed=%llu distinct=%d\n", gen->seed,
		!gen->ck.same);
	printf("#include <stddef.h>\n#include <stdio.h>\n\n%s", gen->ck.top.s);
	lf_print_hash();
	printf("\nint main(void)\n{\n%s\treturn 0;\n}\n", gen->ck.main.s);
}

/* With --only=rtcheck: a program of class RTCHECK alone.
 */
static void lf_print_rtc_program(struct lf_gen *gen)
{
	printf("// lf_gen seed=%llu distinct=%d\n", gen->seed,
		!gen->rtc.overlap);
	printf("#include <stdio.h>\n%s\nint main(void)\n{\n%s"
		"\treturn 0;\n}\n", gen->rtc.top.s, gen->rtc.main.s);
}

/* With --only=flat: a program of class FLAT alone.
 */
static void lf_print_flat_program(struct lf_gen *gen)
{
	printf("// lf_gen seed=%llu distinct=%d\n", gen->seed,
		!gen->flat.overlap);
	printf("#include <stdio.h>\n%s\nint main(void)\n{\n%s"
		"\treturn 0;\n}\n", gen->flat.top.s, gen->flat.main.s);
}

static void lf_gen_init(struct lf_gen *gen, unsigned long long seed)
{
	memset(gen, 0, sizeof(*gen));
	gen->seed = seed;
	gen->rng = seed * 0x2545f4914f6cdd1dULL + 0x632be59bd9b4e019ULL;
	gen->reduce = -1;
	gen->exclude = -1;
	gen->x.rng = seed * 0x9e3779b97f4a7c15ULL + 0x5851f42d4c957f2dULL;
}

/* Free what the classes allocated.
 */
static void lf_x_free(struct lf_gen *gen)
{
	struct lf_text *texts[] = { &gen->x.defs, &gen->x.globals,
		&gen->x.funcs, &gen->x.decl, &gen->x.tail, &gen->x.setup,
		&gen->x.report };
	int i;

	for (i = 0; i < (int) (sizeof(texts) / sizeof(texts[0])); i++)
		free(texts[i]->s);
	for (i = 0; i < gen->x.n_block; i++)
		free(gen->x.block[i].s);
	for (i = 0; i < gen->x.n_str; i++)
		free(gen->x.str[i]);
}

int main(int argc, char **argv)
{
	struct lf_gen gen;
	unsigned long long seed;
	char *end;
	const char *arg = argc == 3 ? argv[1] : "";
	int with = !strcmp(arg, "--with=rtcheck");
	int only = !strcmp(arg, "--only=rtcheck");
	int with_flat = !strcmp(arg, "--with=flat");
	int only_flat = !strcmp(arg, "--only=flat");
	int with_ck = !strcmp(arg, "--with=calls");
	int only_ck = !strcmp(arg, "--only=calls");
	int with_split = !strcmp(arg, "--with=split");

	if (argc < 2 || argc > 3 ||
	    (argc == 3 && !with && !only && !with_flat && !only_flat &&
	     !with_ck && !only_ck && !with_split)) {
		fprintf(stderr, "usage: lf_gen [--with=rtcheck | "
			"--only=rtcheck | --with=flat | --only=flat | "
			"--with=calls | --only=calls | --with=split] SEED\n");
		return 1;
	}
	seed = strtoull(argv[argc - 1], &end, 10);
	if (!*argv[argc - 1] || *end) {
		fprintf(stderr, "lf_gen: bad seed '%s'\n", argv[argc - 1]);
		return 1;
	}
	lf_gen_init(&gen, seed);
	lf_rtc_generate(&gen.rtc, seed, with || only);
	lf_flat_generate(&gen.flat, seed, with_flat || only_flat);
	lf_ck_generate(&gen.ck, seed, with_ck || only_ck);
	gen.split_on = lf_split_choose(seed, with_split);
	if (only || only_flat || only_ck) {
		if (only)
			lf_print_rtc_program(&gen);
		else if (only_flat)
			lf_print_flat_program(&gen);
		else
			lf_print_ck_program(&gen);
		lf_rtc_free(&gen.rtc);
		lf_flat_free(&gen.flat);
		lf_ck_free(&gen.ck);
		return 0;
	}
	lf_gen_params(&gen);
	lf_gen_arrays(&gen);
	lf_x_generate(&gen);
	lf_gen_run(&gen);
	lf_x_finish(&gen);
	lf_print_program(&gen);
	free(gen.out.s);
	lf_x_free(&gen);
	lf_rtc_free(&gen.rtc);
	lf_flat_free(&gen.flat);
	lf_ck_free(&gen.ck);
	return 0;
}
