/* SPDX-License-Identifier: MIT */
/* lf_gen_flat.c: class FLAT of lf_gen, flat subscripts with run-time
 * strides.
 *
 * loopfuse models p[i * ld + j] as p[i][j] over the shape [*][ld] when
 * every access to p fits that shape and j provably stays in [0, ld).
 * The class writes a function flat_kernel of 2 to 4 nests over flat
 * "float *" parameters (most restrict, some not), with sizes r, c, ld,
 * ld2 and h passed at run time:
 *   - 2-D programs index (i + di) * ld + j + dj, 3-D ones
 *     ((i + di) * h + j + dj) * ld + k + dk, spelled in several
 *     equivalent ways (factors swapped, products expanded, a widening
 *     cast to long, an unsigned stride), some accesses with fewer
 *     dimensions (a row p[j]) or with the other stride ld2, so that
 *     one array has two shapes;
 *   - inner loops run to the stride (j < ld), one less or one more,
 *     to min(c, ld) or to an unrelated c, so that the inner range
 *     exceeds the stride at run time in some calls and not in others;
 *     strides may be zero or negative.
 * Half of the programs are "clean": their inner loops run to the
 * stride or one less, and their offsets keep inner subscripts within
 * the stride, so that loopfuse has something to fuse.
 * main calls flat_kernel several times with different sizes, each time
 * on fresh deterministic input, and prints every byte of every buffer
 * after each call.  In some calls the parameters without restrict all
 * point into one buffer, a few elements or a row apart, so that they
 * really overlap.  The generator runs the nests itself for each call
 * to know the elements every parameter accesses, and places each
 * pointer so that they all lie inside its buffer: the original program
 * has no undefined behaviour.  Float statements combine reads with
 * coefficients whose magnitudes add up to at most one.
 */

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lf_gen.h"

/* How often the class is on, in percent of programs. */
#define FL_PERCENT	10
#define FL_MAX_ARR	4
#define FL_MAX_NEST	4
#define FL_MAX_STMT	2
#define FL_MAX_CALL	5

enum fl_par { FL_R, FL_C, FL_LD, FL_LD2, FL_H, FL_N_PAR };

static const char *fl_par_name[FL_N_PAR] = { "r", "c", "ld", "ld2", "h" };
static const char *fl_iter[3] = { "i", "j", "k" };

/* The bound of a loop: par + add, or with "min_c" min(c, par) + add. */
struct fl_loop {
	int lo;
	int par;
	int add;
	int min_c;
};

/* A subscript over the last "dims" loops of its nest:
 *   dims 1: x0 + d0
 *   dims 2: (x0 + d0) * S + x1 + d1
 *   dims 3: ((x0 + d0) * h + x1 + d1) * S + x2 + d2
 * with S the parameter "stride", spelled as "spell" says.
 */
struct fl_sub {
	int dims;
	int stride;
	int d[3];
	int spell;
};

struct fl_acc {
	int arr;
	struct fl_sub sub;
};

struct fl_stmt {
	struct fl_acc w;
	int add;
	int n_read;
	struct fl_acc r[2];
};

struct fl_nest {
	int depth;
	struct fl_loop loop[3];
	int n_stmt;
	struct fl_stmt s[FL_MAX_STMT];
};

/* A call: the sizes, whether the parameters without restrict share the
 * buffer of the first of them ("delta" elements apart), and where each
 * parameter points in its buffer.
 */
struct fl_call {
	int val[FL_N_PAR];
	int shared;
	int delta;
	int off[FL_MAX_ARR];
};

struct fl_gen {
	uint64_t rng;
	int mode;
	int clean;
	int n_arr;
	int is_restrict[FL_MAX_ARR];
	int n_nest;
	struct fl_nest nest[FL_MAX_NEST];
	int n_call;
	struct fl_call call[FL_MAX_CALL];
	int size[FL_MAX_ARR];
	struct lf_flat *out;
};

static uint64_t fl_next(struct fl_gen *g)
{
	uint64_t z;

	g->rng += 0x9e3779b97f4a7c15ULL;
	z = g->rng;
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

static int fl_rand(struct fl_gen *g, int n)
{
	return (int) (fl_next(g) % (uint64_t) n);
}

static int fl_chance(struct fl_gen *g, int percent)
{
	return fl_rand(g, 100) < percent;
}

/* An offset: mostly 0, else 1 or -1. */
static int fl_offset(struct fl_gen *g)
{
	if (fl_chance(g, 65))
		return 0;
	return fl_chance(g, 50) ? 1 : -1;
}

/* The loop at "level" of a nest: its bound follows the size of the
 * dimension it walks in most programs (r for the outermost, h for the
 * middle one of 3-D programs, ld for the innermost).
 */
static void fl_gen_loop(struct fl_gen *g, struct fl_loop *loop, int level)
{
	int inner = level == g->mode - 1;
	int x = fl_rand(g, 100);

	loop->lo = fl_chance(g, 75) ? 0 : 1;
	loop->par = level == 0 ? FL_R : inner ? FL_LD : FL_H;
	loop->add = 0;
	loop->min_c = 0;
	if (level == 0) {
		loop->add = fl_chance(g, 80) ? 0 : -1;
		return;
	}
	if (x < 40 || (g->clean && x >= 55))
		return;
	if (x < 55)
		loop->add = -1;
	else if (x < 65)
		loop->add = 1;
	else if (x < 82)
		loop->par = FL_C;
	else
		loop->min_c = 1;
}

/* The offset of subscript dimension k (of "dims") over loop "loop":
 * in a clean program, one that keeps an inner subscript within its
 * dimension.
 */
static int fl_gen_d(struct fl_gen *g, const struct fl_loop *loop, int k)
{
	int d = fl_offset(g);

	if (!g->clean || k == 0)
		return d;
	if (loop->lo + d < 0 || loop->add + d > 0)
		return 0;
	return d;
}

static void fl_gen_sub(struct fl_gen *g, struct fl_nest *nest,
	struct fl_sub *sub)
{
	int x = fl_rand(g, 100), k;

	sub->dims = nest->depth;
	if (x < 10 && nest->depth > 1)
		sub->dims = 1;
	else if (x < 18 && nest->depth > 2)
		sub->dims = 2;
	sub->stride = !g->clean && fl_chance(g, 10) ? FL_LD2 : FL_LD;
	for (k = 0; k < 3; k++)
		sub->d[k] = k < sub->dims ? fl_gen_d(g,
			&nest->loop[nest->depth - sub->dims + k],
			sub->dims == 1 ? 1 : k) : 0;
	sub->spell = fl_rand(g, sub->dims == 3 ? 3 : 5);
	if (sub->dims == 2 && fl_chance(g, 6))
		sub->spell = 5;
}

static void fl_gen_acc(struct fl_gen *g, struct fl_nest *nest,
	struct fl_acc *acc, int arr)
{
	acc->arr = arr < 0 ? fl_rand(g, g->n_arr) : arr;
	fl_gen_sub(g, nest, &acc->sub);
}

static void fl_gen_nest(struct fl_gen *g, struct fl_nest *nest)
{
	struct fl_stmt *s;
	int k, w = fl_rand(g, g->n_arr);

	nest->depth = g->mode;
	for (k = 0; k < nest->depth; k++)
		fl_gen_loop(g, &nest->loop[k], k);
	nest->n_stmt = fl_chance(g, 70) ? 1 : 2;
	for (k = 0; k < nest->n_stmt; k++) {
		s = &nest->s[k];
		fl_gen_acc(g, nest, &s->w, k ? -1 : w);
		s->add = fl_chance(g, 25);
		s->n_read = fl_chance(g, 50) ? 1 : 2;
		fl_gen_acc(g, nest, &s->r[0], -1);
		fl_gen_acc(g, nest, &s->r[1], -1);
		if (fl_chance(g, 40))
			s->r[0] = s->w;
	}
}

/* The value of loop bound "loop" in call "call". */
static int fl_bound(const struct fl_call *call, const struct fl_loop *loop)
{
	int b = call->val[loop->par];

	if (loop->min_c && call->val[FL_C] < b)
		b = call->val[FL_C];
	return b + loop->add;
}

/* The value of "sub" at iteration x (of the loops of its nest, "depth"
 * of them) in call "call".
 */
static long fl_eval(const struct fl_call *call, const struct fl_sub *sub,
	const int *x, int depth)
{
	const int *v = x + depth - sub->dims;
	long s = call->val[sub->stride];

	if (sub->dims == 1)
		return v[0] + sub->d[0];
	if (sub->dims == 2)
		return (long) (v[0] + sub->d[0]) * s + v[1] + sub->d[1];
	return ((long) (v[0] + sub->d[0]) * call->val[FL_H] + v[1] +
		sub->d[1]) * s + v[2] + sub->d[2];
}

/* Widen [lo[a], hi[a]] to hold the subscript of "acc" at x. */
static void fl_note(const struct fl_call *call, const struct fl_acc *acc,
	const int *x, int depth, long *lo, long *hi, int *seen)
{
	long v = fl_eval(call, &acc->sub, x, depth);

	if (!seen[acc->arr] || v < lo[acc->arr])
		lo[acc->arr] = v;
	if (!seen[acc->arr] || v > hi[acc->arr])
		hi[acc->arr] = v;
	seen[acc->arr] = 1;
}

/* Run the nests of call "call" to find the range of subscripts of
 * every array: [lo[a], hi[a]] if seen[a].
 */
static void fl_ranges(struct fl_gen *g, const struct fl_call *call,
	long *lo, long *hi, int *seen)
{
	int n, k, s, x[3], b[3];

	memset(seen, 0, FL_MAX_ARR * sizeof(int));
	for (n = 0; n < g->n_nest; n++) {
		const struct fl_nest *nest = &g->nest[n];

		for (k = 0; k < nest->depth; k++) {
			b[k] = fl_bound(call, &nest->loop[k]);
			x[k] = nest->loop[k].lo;
		}
		for (k = nest->depth; k < 3; k++) {
			b[k] = 1;
			x[k] = 0;
		}
		if (x[0] >= b[0] || x[1] >= b[1] || x[2] >= b[2])
			continue;
		for (;;) {
			for (s = 0; s < nest->n_stmt; s++) {
				const struct fl_stmt *st = &nest->s[s];

				fl_note(call, &st->w, x, nest->depth, lo, hi,
					seen);
				for (k = 0; k < st->n_read; k++)
					fl_note(call, &st->r[k], x,
						nest->depth, lo, hi, seen);
			}
			for (k = nest->depth - 1; k >= 0; k--) {
				if (++x[k] < b[k])
					break;
				x[k] = nest->loop[k].lo;
			}
			if (k < 0)
				break;
		}
	}
}

/* Keep the unsigned spelling of a subscript only where its operands
 * are never negative in any call: a negative one would wrap to an
 * element far outside its buffer.
 */
static void fl_fix_unsigned(struct fl_gen *g)
{
	int n, s, k, c;

	for (n = 0; n < g->n_nest; n++)
		for (s = 0; s < g->nest[n].n_stmt; s++) {
			struct fl_nest *nest = &g->nest[n];
			struct fl_stmt *st = &nest->s[s];
			struct fl_acc *acc[3] = { &st->w, &st->r[0],
						  &st->r[1] };

			for (k = 0; k < 3; k++) {
				struct fl_sub *sub = &acc[k]->sub;
				int v = nest->depth - sub->dims, ok;

				if (sub->spell != 5 || sub->dims != 2)
					continue;
				ok = nest->loop[v].lo + sub->d[0] >= 0 &&
				     nest->loop[v + 1].lo + sub->d[1] >= 0;
				for (c = 0; c < g->n_call; c++)
					if (g->call[c].val[sub->stride] < 0)
						ok = 0;
				if (!ok)
					sub->spell = 0;
			}
		}
}

static void fl_gen_call(struct fl_gen *g, struct fl_call *call, int c)
{
	int small = g->mode == 3;

	call->val[FL_R] = fl_rand(g, small ? 4 : 6);
	call->val[FL_C] = fl_rand(g, small ? 7 : 11);
	call->val[FL_LD] = fl_chance(g, 10) ? -fl_rand(g, 3) :
			   fl_rand(g, small ? 6 : 9) + 1;
	call->val[FL_LD2] = fl_rand(g, 8) + 1;
	call->val[FL_H] = fl_rand(g, 3) + 1;
	if (c == 0)
		call->val[FL_C] = call->val[FL_LD];
	call->shared = c > 0 && fl_chance(g, 40);
	call->delta = fl_rand(g, 3) == 2 && call->val[FL_LD] > 0 ?
		      call->val[FL_LD] : fl_rand(g, 2);
}

/* Place the pointers of call "call" in their buffers and grow the
 * buffers to hold what it accesses.
 */
static void fl_place(struct fl_gen *g, struct fl_call *call)
{
	long lo[FL_MAX_ARR], hi[FL_MAX_ARR], low = 0, high = 0;
	int seen[FL_MAX_ARR], a, first = -1, k = 0;

	fl_ranges(g, call, lo, hi, seen);
	for (a = 0; a < g->n_arr; a++) {
		if (!seen[a] || lo[a] > 0)
			lo[a] = 0;
		if (!seen[a] || hi[a] < 0)
			hi[a] = 0;
		if (call->shared && !g->is_restrict[a]) {
			long at = (long) k++ * call->delta;

			if (first < 0 || at + lo[a] < low)
				low = at + lo[a];
			if (first < 0 || at + hi[a] > high)
				high = at + hi[a];
			if (first < 0)
				first = a;
			continue;
		}
		call->off[a] = (int) -lo[a];
		if (hi[a] - lo[a] + 1 > g->size[a])
			g->size[a] = (int) (hi[a] - lo[a] + 1);
	}
	for (a = 0, k = 0; first >= 0 && a < g->n_arr; a++)
		if (!g->is_restrict[a])
			call->off[a] = (int) (k++ * call->delta - low);
	if (first >= 0 && high - low + 1 > g->size[first])
		g->size[first] = (int) (high - low + 1);
	if (first >= 0 && k > 1)
		g->out->overlap = 1;
}

/* "x + d", parenthesised if "paren" and d is not 0. */
static void fl_put_var(struct lf_text *t, int level, int d, int paren)
{
	if (!d)
		lf_text_printf(t, "%s", fl_iter[level]);
	else
		lf_text_printf(t, "%s%s %c %d%s", paren ? "(" : "",
			fl_iter[level], d < 0 ? '-' : '+', d < 0 ? -d : d,
			paren ? ")" : "");
}

static void fl_put_sub(struct lf_text *t, const struct fl_sub *sub,
	int depth)
{
	const char *s = fl_par_name[sub->stride];
	int v = depth - sub->dims;

	if (sub->dims == 1) {
		fl_put_var(t, v, sub->d[0], 0);
	} else if (sub->dims == 3 && sub->spell == 1) {
		fl_put_var(t, v, sub->d[0], 1);
		lf_text_printf(t, " * h * %s + ", s);
		fl_put_var(t, v + 1, sub->d[1], 1);
		lf_text_printf(t, " * %s + ", s);
		fl_put_var(t, v + 2, sub->d[2], 0);
	} else if (sub->dims == 3 && sub->spell == 2) {
		lf_text_printf(t, "%s * (h * ", s);
		fl_put_var(t, v, sub->d[0], 1);
		lf_text_printf(t, " + ");
		fl_put_var(t, v + 1, sub->d[1], 0);
		lf_text_printf(t, ") + ");
		fl_put_var(t, v + 2, sub->d[2], 0);
	} else if (sub->dims == 3) {
		lf_text_printf(t, "(");
		fl_put_var(t, v, sub->d[0], 1);
		lf_text_printf(t, " * h + ");
		fl_put_var(t, v + 1, sub->d[1], 0);
		lf_text_printf(t, ") * %s + ", s);
		fl_put_var(t, v + 2, sub->d[2], 0);
	} else if (sub->spell == 1) {
		lf_text_printf(t, "%s * ", s);
		fl_put_var(t, v, sub->d[0], 1);
		lf_text_printf(t, " + (");
		fl_put_var(t, v + 1, sub->d[1], 0);
		lf_text_printf(t, ")");
	} else if (sub->spell == 2) {
		fl_put_var(t, v + 1, sub->d[1], 0);
		lf_text_printf(t, " + ");
		fl_put_var(t, v, sub->d[0], 1);
		lf_text_printf(t, " * %s", s);
	} else if (sub->spell == 4) {
		lf_text_printf(t, "%s * %s + %d * %s + ", fl_iter[v], s,
			sub->d[0], s);
		fl_put_var(t, v + 1, sub->d[1], 0);
	} else {
		lf_text_printf(t, "%s", sub->spell == 3 ? "(long) " : "");
		fl_put_var(t, v, sub->d[0], 1);
		lf_text_printf(t, " * %s%s + ", sub->spell == 5 ?
			"(unsigned) " : "", s);
		fl_put_var(t, v + 1, sub->d[1], 0);
	}
}

static void fl_put_acc(struct lf_text *t, const struct fl_acc *acc,
	int depth)
{
	lf_text_printf(t, "p%d[", acc->arr);
	fl_put_sub(t, &acc->sub, depth);
	lf_text_printf(t, "]");
}

static void fl_put_nest(struct lf_text *t, const struct fl_nest *nest)
{
	static const char *coef[2][2] = { { "0.75f", "" },
					  { "0.5f", "0.25f" } };
	const struct fl_loop *l;
	int k, s, r;

	for (k = 0; k < nest->depth; k++) {
		l = &nest->loop[k];
		lf_text_printf(t, "%*sfor (int %s = %d; %s < ", k + 1, "",
			fl_iter[k], l->lo, fl_iter[k]);
		if (l->min_c)
			lf_text_printf(t, "(c < %s ? c : %s)",
				fl_par_name[l->par], fl_par_name[l->par]);
		else
			lf_text_printf(t, "%s", fl_par_name[l->par]);
		if (l->add)
			lf_text_printf(t, " %c %d", l->add < 0 ? '-' : '+',
				l->add < 0 ? -l->add : l->add);
		lf_text_printf(t, "; %s++)%s\n", fl_iter[k],
			k == nest->depth - 1 && nest->n_stmt > 1 ? " {" : "");
	}
	for (s = 0; s < nest->n_stmt; s++) {
		const struct fl_stmt *st = &nest->s[s];

		lf_text_printf(t, "%*s", nest->depth + 1, "");
		fl_put_acc(t, &st->w, nest->depth);
		lf_text_printf(t, " %s ", st->add ? "+=" : "=");
		for (r = 0; r < st->n_read; r++) {
			fl_put_acc(t, &st->r[r], nest->depth);
			lf_text_printf(t, " * %s + ",
				coef[st->n_read - 1][r]);
		}
		lf_text_printf(t, "0.125f;\n");
	}
	if (nest->n_stmt > 1)
		lf_text_printf(t, "%*s}\n", nest->depth, "");
}

static void fl_put_top(struct fl_gen *g)
{
	struct lf_text *t = &g->out->top;
	int a, n;

	lf_text_printf(t, "\n/* class FLAT: flat subscripts with run-time "
		"strides */\n");
	for (a = 0; a < g->n_arr; a++)
		lf_text_printf(t, "static float fl_b%d[%d];\n", a,
			g->size[a] > 0 ? g->size[a] : 1);
	lf_text_printf(t, "\nstatic void flat_kernel(int r, int c, int ld, "
		"int ld2, int h");
	for (a = 0; a < g->n_arr; a++)
		lf_text_printf(t, ",\n\tfloat *%sp%d",
			g->is_restrict[a] ? "restrict " : "", a);
	lf_text_printf(t, ")\n{\n");
	lf_text_printf(t, " (void) r; (void) c; (void) ld; (void) ld2; "
		"(void) h;\n");
	for (n = 0; n < g->n_nest; n++)
		fl_put_nest(t, &g->nest[n]);
	lf_text_printf(t, "}\n\n"
		"static void fl_fill(float *p, int len, int salt)\n"
		"{\n"
		"\tfor (int k = 0; k < len; k++)\n"
		"\t\tp[k] = (float) ((k * 7 + salt * 13) %% 23 - 11)"
		" * 0.125f;\n"
		"}\n\n"
		"static void fl_dump(const char *name, int call, const void *p,"
		" size_t len)\n"
		"{\n"
		"\tconst unsigned char *b = p;\n"
		"\tunsigned h = 2166136261u;\n"
		"\n"
		"\tfor (size_t x = 0; x < len; x++)\n"
		"\t\th = (h ^ b[x]) * 16777619u;\n"
		"\tprintf(\"%%s %%d %%08x\\n\", name, call, h);\n"
		"}\n");
}

/* The buffer that parameter a points into in call "call". */
static int fl_buf(struct fl_gen *g, const struct fl_call *call, int a)
{
	int b;

	if (!call->shared || g->is_restrict[a])
		return a;
	for (b = 0; g->is_restrict[b]; b++)
		;
	return b;
}

static void fl_put_calls(struct fl_gen *g)
{
	struct lf_text *t = &g->out->main;
	const struct fl_call *call;
	int c, a, k;

	for (c = 0; c < g->n_call; c++) {
		call = &g->call[c];
		lf_text_printf(t, "\t/* flat_kernel, call %d%s */\n", c,
			call->shared ? ": parameters without restrict share "
			"a buffer" : "");
		for (a = 0; a < g->n_arr; a++)
			lf_text_printf(t, "\tfl_fill(fl_b%d, %d, %d);\n", a,
				g->size[a] > 0 ? g->size[a] : 1, c * 5 + a);
		lf_text_printf(t, "\tflat_kernel(");
		for (k = 0; k < FL_N_PAR; k++)
			lf_text_printf(t, "%d, ", call->val[k]);
		for (a = 0; a < g->n_arr; a++)
			lf_text_printf(t, "fl_b%d + %d%s", fl_buf(g, call, a),
				call->off[a], a + 1 < g->n_arr ? ", " : "");
		lf_text_printf(t, ");\n");
		for (a = 0; a < g->n_arr; a++)
			lf_text_printf(t, "\tfl_dump(\"fl_b%d\", %d, fl_b%d, "
				"sizeof fl_b%d);\n", a, c, a, a);
	}
}

void lf_flat_generate(struct lf_flat *flat, unsigned long long seed,
	int force)
{
	struct fl_gen g;
	int k;

	memset(flat, 0, sizeof(*flat));
	memset(&g, 0, sizeof(g));
	g.rng = seed * 0xa0761d6478bd642fULL + 0xe7037ed1a0b428dbULL;
	flat->on = fl_chance(&g, FL_PERCENT) || force;
	if (!flat->on)
		return;
	g.out = flat;
	g.mode = fl_chance(&g, 70) ? 2 : 3;
	g.clean = fl_chance(&g, 50);
	g.n_arr = 2 + fl_rand(&g, FL_MAX_ARR - 1);
	for (k = 0; k < g.n_arr; k++)
		g.is_restrict[k] = fl_chance(&g, 70);
	g.n_nest = 2 + fl_rand(&g, FL_MAX_NEST - 1);
	for (k = 0; k < g.n_nest; k++)
		fl_gen_nest(&g, &g.nest[k]);
	g.n_call = 3 + fl_rand(&g, FL_MAX_CALL - 2);
	for (k = 0; k < g.n_call; k++)
		fl_gen_call(&g, &g.call[k], k);
	fl_fix_unsigned(&g);
	for (k = 0; k < g.n_call; k++)
		fl_place(&g, &g.call[k]);
	fl_put_top(&g);
	fl_put_calls(&g);
}

void lf_flat_free(struct lf_flat *flat)
{
	free(flat->top.s);
	free(flat->main.s);
	memset(flat, 0, sizeof(*flat));
}
