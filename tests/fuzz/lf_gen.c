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
 * The first line of the program is "// lf_gen seed=S distinct=D", where
 * D is 1 if no two pointer parameters that kernel uses point into the
 * same memory and none of them points to a global that kernel uses,
 * that is, if kernel may be analyzed as if all its arrays were distinct.
 */

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define LF_DIM		64
#define LF_USE		56
#define LF_MAX_ARRAY	6
#define LF_MAX_DEPTH	4
#define LF_MAX_TEMP	16
#define LF_N_PAR	4
#define LF_NEST_BUDGET	40000

static const char *lf_par_name[LF_N_PAR] = { "n", "m", "h", "LEN" };
static const char *lf_iter_name[LF_MAX_DEPTH] = { "i", "j", "k", "l" };

struct lf_text {
	char *s;
	size_t len;
	size_t cap;
};

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

static void lf_text_printf(struct lf_text *text, const char *fmt, ...)
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
static uint64_t lf_next(struct lf_gen *gen)
{
	uint64_t z;

	gen->rng += 0x9e3779b97f4a7c15ULL;
	z = gen->rng;
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
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

	if (gen->n_pending > 0) {
		lf_put_float_temp(gen, lf_take_pending(gen), coef, small);
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

/* Print "for (init; cond; step)" for the loop at "level".
 */
static void lf_put_header(struct lf_gen *gen, int level,
	const struct lf_bound *bound)
{
	const char *name = lf_iter_str(level);

	lf_indent(gen);
	lf_put(gen, "for (");
	lf_put_iter_decl(gen, level, bound);
	if (!bound->down) {
		lf_put_aff(gen, &bound->lower);
		lf_put(gen, "; %s %s ", name, bound->inclusive ? "<=" : "<");
		lf_put_bound_aff(gen, &bound->upper, bound->inclusive ? -1 : 0);
	} else {
		lf_put_bound_aff(gen, &bound->upper, -1);
		lf_put(gen, "; %s %s ", name, bound->inclusive ? ">=" : ">");
		lf_put_bound_aff(gen, &bound->lower, bound->inclusive ? 0 : -1);
	}
	lf_put(gen, "; ");
	lf_put_step(gen, name, bound);
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

static void lf_gen_loop(struct lf_gen *gen, int level, int depth)
{
	struct lf_bound bound;
	struct lf_text outer;
	struct lf_text body = { NULL, 0, 0 };
	int n;

	lf_choose_bound(gen, level, &bound);
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
	for (i = 0; i < n_nest; i++)
		if (i != product || i == blocked || lf_gen_product(gen) == 0)
			lf_gen_nest(gen, i == blocked ? blocker : 0);
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
 * array parameters.
 */
static void lf_print_params(struct lf_gen *gen, struct lf_text *text)
{
	struct lf_text arrays = { NULL, 0, 0 };
	const char *sep = "";
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
	if (arrays.len)
		lf_text_printf(text, "%s", arrays.s + (*sep ? 0 : 2));
	if (!text->len)
		lf_text_printf(text, "void");
	free(arrays.s);
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

static void lf_print_kernel(struct lf_gen *gen)
{
	struct lf_text params = { NULL, 0, 0 };
	int i;

	lf_print_params(gen, &params);
	printf("\nvoid kernel(%s)\n{\n", params.s);
	if (gen->par_used[2])
		printf("\tint h = n / 2;\n");
	for (i = 0; i < LF_MAX_DEPTH; i++)
		if (gen->outside_used[i])
			printf("\t%s %s;\n",
				gen->outside_long[i] ? "long" : "int",
				lf_iter_str(i));
	if (gen->par_used[2] || gen->outside)
		printf("\n");
	printf("%s}\n", gen->out.s);
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
}

static void lf_print_main(struct lf_gen *gen)
{
	struct lf_array *array;
	int i;

	printf("\nint main(void)\n{\n");
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
	printf("\tkernel(");
	lf_print_args(gen);
	printf(");\n");
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
	printf("\treturn 0;\n}\n");
}

static void lf_print_program(struct lf_gen *gen)
{
	printf("// lf_gen seed=%llu distinct=%d\n", gen->seed,
		lf_is_distinct(gen));
	printf("#include <math.h>\n#include <stdio.h>\n\n");
	printf("#define DIM %d\n#define LEN %d\n\n", LF_DIM, gen->par[3]);
	lf_print_globals(gen);
	lf_print_tick(gen);
	lf_print_kernel(gen);
	printf("\n");
	lf_print_storage(gen);
	lf_print_hash();
	lf_print_fills(gen);
	lf_print_main(gen);
}

static void lf_gen_init(struct lf_gen *gen, unsigned long long seed)
{
	memset(gen, 0, sizeof(*gen));
	gen->seed = seed;
	gen->rng = seed * 0x2545f4914f6cdd1dULL + 0x632be59bd9b4e019ULL;
	gen->reduce = -1;
	gen->exclude = -1;
}

int main(int argc, char **argv)
{
	struct lf_gen gen;
	unsigned long long seed;
	char *end;

	if (argc != 2) {
		fprintf(stderr, "usage: lf_gen SEED\n");
		return 1;
	}
	seed = strtoull(argv[1], &end, 10);
	if (!*argv[1] || *end) {
		fprintf(stderr, "lf_gen: bad seed '%s'\n", argv[1]);
		return 1;
	}
	lf_gen_init(&gen, seed);
	lf_gen_params(&gen);
	lf_gen_arrays(&gen);
	lf_gen_run(&gen);
	lf_print_program(&gen);
	free(gen.out.s);
	return 0;
}
