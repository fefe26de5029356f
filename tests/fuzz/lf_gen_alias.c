/* SPDX-License-Identifier: MIT */
/* lf_gen_alias.c: class RTCHECK of lf_gen, the programs that take
 * loopfuse's run-time alias checks both ways.
 *
 * When a fusion is legal only if pointer parameters without restrict
 * (or a global and such a parameter) do not overlap, loopfuse writes
 * "if (the accessed byte ranges are disjoint) { fused } else
 * { original }".  The class writes a function rt_kernel of 2 to 4
 * nests over such parameters: 1-D "float *p" and 2-D "float (*p)[M]"
 * (also spelled "p[]", "p[][M]") with a constant M, sometimes "const",
 * sometimes a pair of "int *" parameters, sometimes a global that the
 * function names and main also passes a pointer into.  Half the
 * kernels reach their arrays and sizes as real code does: through the
 * members of a struct passed by pointer or by value, through locals
 * copied from those members, or through row pointers declared before
 * the nests (see enum rt_form).  main calls
 * rt_kernel several times, each time on fresh deterministic input, and
 * prints every byte of every buffer after each call:
 *   distinct  every parameter in a buffer of its own: the fused code
 *             runs;
 *   same      two parameters of one element type get the same pointer;
 *   plus1, minus1, row
 *             the second of them one element after or before the
 *             first, or one row of M elements after or before it (a
 *             pointer into the middle of the buffer, so that the one
 *             before is an element of it too);
 *   touch     the elements the function accesses through the second
 *             begin right after those of the first end (or the other
 *             way round): disjoint, so the fused code runs on one
 *             buffer;
 *   overlap1  the same one element closer: the ranges share one
 *             element;
 *   chain     every parameter of an element type one element after the
 *             one before, in one buffer;
 *   global    a parameter pointing into the global the function names;
 *   empty     sizes n, m for which some or all loops run no iteration
 *             (0, 1, -1, the lower bound), with overlapping pointers or
 *             not.
 * The generator runs the nests itself for each call to know which
 * elements every parameter accesses, places the pointers accordingly,
 * and sizes buffers with a margin of more than a row before and after
 * every accessed element, so that no call reads or writes outside its
 * buffer and every pointer points into one (no undefined behaviour in
 * the original program; "distinct" and "touch" ranges are exact, not
 * guessed).  Float statements combine reads with coefficients whose
 * magnitudes add up to at most one; int statements mask their reads.
 */

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lf_gen.h"

/* How often the class is on, in percent of programs. */
#define RT_PERCENT	10
#define RT_MAX_ARR	8
#define RT_MAX_NEST	4
#define RT_MAX_STMT	2
#define RT_MAX_CALL	14
#define RT_MAX_BUF	(RT_MAX_ARR + 1)
#define RT_BIG		(48 * 1024)

enum rt_call_kind {
	RT_DISTINCT,
	RT_SAME,
	RT_PLUS1,
	RT_MINUS1,
	RT_ROW,
	RT_TOUCH,
	RT_OVERLAP1,
	RT_CHAIN,
	RT_GLOBAL,
	RT_N_KIND
};

static const char *rt_kind_name[RT_N_KIND] = { "distinct", "same", "plus1",
	"minus1", "row", "touch", "overlap1", "chain", "global" };

/* An array of rt_kernel: a pointer parameter, or a global it names. */
struct rt_arr {
	char name[8];
	int global;
	int n_dim;
	int is_int;
	int spell;
	int is_const;
	int written;
	int used;
	int size;
	int big;
};

/* A subscript: iterator "var" (0: i, 1: j, -1: none) plus "d". */
struct rt_sub {
	int var;
	int d;
};

struct rt_acc {
	int arr;
	struct rt_sub sub[2];
};

struct rt_stmt {
	struct rt_acc w;
	int n_read;
	struct rt_acc r[2];
	int self;
	int form;
};

/* Loops over [lo[k], bound + c[k]), where the bound of i is n and
 * that of j is m ("inner_par") or M.
 */
struct rt_nest {
	int depth;
	int lo[2];
	int c[2];
	int inner_par;
	int down[2];
	int is_int;
	int n_stmt;
	struct rt_stmt s[RT_MAX_STMT];
};

/* Where a call puts a parameter: buffer "buf" of its element type
 * (-1: into the global array "buf" names by its index in arr), at
 * element "off".
 */
struct rt_place {
	int buf;
	int off;
};

struct rt_range {
	int any;
	int lo;
	int hi;
};

struct rt_call {
	enum rt_call_kind kind;
	int n;
	int m;
	int pair[2];
	struct rt_place place[RT_MAX_ARR];
};

/* How rt_kernel reaches its arrays and sizes (struct members, row
 * pointers: the bases real code uses), drawn last so that the rest of
 * the program does not depend on it.
 *   params  pointer and size parameters, as they are;
 *   member  a parameter "const struct rt_args *s": "s->pa[i]", "s->n";
 *   value   a parameter "struct rt_args s": "s.pa[i]", "s.n";
 *   locals  "const struct rt_args *s", copied into locals first
 *           ("float *pa = s->pa;", "int n = s->n;");
 *   rows    pointer parameters, reached through row pointers declared
 *           first ("float *rpa = pa + 2;", then "rpa[i - 2]").
 */
enum rt_form {
	RT_FORM_PARAMS,
	RT_FORM_MEMBER,
	RT_FORM_VALUE,
	RT_FORM_LOCALS,
	RT_FORM_ROWS,
	RT_N_FORM
};

struct rt_gen {
	uint64_t rng;
	enum rt_form form;
	int row[RT_MAX_ARR];
	int M;
	int macro_m;
	int n_arr;
	struct rt_arr arr[RT_MAX_ARR];
	int n_nest;
	struct rt_nest nest[RT_MAX_NEST];
	int n_pair;
	int pair[RT_MAX_ARR * RT_MAX_ARR][2];
	int next_pair;
	int n_call;
	struct rt_call call[RT_MAX_CALL];
	int buf_size[2][RT_MAX_BUF];
	int n_buf[2];
	int margin;
	struct lf_rtc *out;
};

static uint64_t rt_next(struct rt_gen *g)
{
	uint64_t z;

	g->rng += 0x9e3779b97f4a7c15ULL;
	z = g->rng;
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

static int rt_rand(struct rt_gen *g, int n)
{
	return (int) (rt_next(g) % (uint64_t) n);
}

static int rt_between(struct rt_gen *g, int lo, int hi)
{
	return lo + rt_rand(g, hi - lo + 1);
}

static int rt_chance(struct rt_gen *g, int percent)
{
	return rt_rand(g, 100) < percent;
}

static const char *rt_m(struct rt_gen *g)
{
	static char num[16];

	if (g->macro_m)
		return "RT_M";
	snprintf(num, sizeof(num), "%d", g->M);
	return num;
}

static const char *rt_type(const struct rt_arr *a)
{
	return a->is_int ? "int" : "float";
}

/* The arrays: 2 to 4 float parameters, a pair of int ones in one
 * program in five, a global in one in three.
 */
static void rt_gen_arrays(struct rt_gen *g)
{
	static const int ms[] = { 4, 6, 8, 12, 16 };
	int style = rt_rand(g, 10);
	int n_float = rt_between(g, 2, 4);
	int k;
	struct rt_arr *a;

	g->M = ms[rt_rand(g, 5)];
	g->macro_m = rt_chance(g, 40);
	g->margin = g->M + 3;
	for (k = 0; k < n_float; k++) {
		a = &g->arr[g->n_arr++];
		snprintf(a->name, sizeof(a->name), "p%c", 'a' + k);
		a->n_dim = style < 4 ? 1 : style < 7 ? 2 : rt_between(g, 1, 2);
		a->spell = rt_chance(g, 25);
	}
	if (rt_chance(g, 35)) {
		a = &g->arr[g->n_arr++];
		snprintf(a->name, sizeof(a->name), "rt_g");
		a->global = 1;
		a->size = g->margin;
		a->big = rt_chance(g, 70);
		a->n_dim = style < 4 ? 1 : rt_between(g, 1, 2);
	}
	if (rt_chance(g, 20)) {
		for (k = 0; k < 2; k++) {
			a = &g->arr[g->n_arr++];
			snprintf(a->name, sizeof(a->name), "q%c", 'a' + k);
			a->is_int = 1;
			a->n_dim = 1;
			a->spell = rt_chance(g, 25);
		}
	}
}

/* An array of type is_int, preferring "want" if it has that type. */
static int rt_pick_arr(struct rt_gen *g, int is_int, int want)
{
	int k, n = 0, list[RT_MAX_ARR];

	if (want >= 0 && g->arr[want].is_int == is_int && rt_chance(g, 70))
		return want;
	for (k = 0; k < g->n_arr; k++)
		if (g->arr[k].is_int == is_int)
			list[n++] = k;
	return list[rt_rand(g, n)];
}

static int rt_offset(struct rt_gen *g, int write)
{
	int r = rt_rand(g, 100);

	if (r < (write ? 75 : 55))
		return 0;
	if (r < 92)
		return rt_chance(g, 50) ? 1 : -1;
	return rt_chance(g, 50) ? 2 : -2;
}

/* A subscript for dimension "dim" of array a in nest "nest". */
static void rt_gen_acc(struct rt_gen *g, struct rt_nest *nest,
	struct rt_acc *acc, int a, int write)
{
	struct rt_arr *arr = &g->arr[a];
	int k, var, d, lo;

	acc->arr = a;
	for (k = 0; k < 2; k++) {
		acc->sub[k].var = -1;
		acc->sub[k].d = 0;
	}
	for (k = 0; k < arr->n_dim; k++) {
		d = rt_offset(g, write);
		if (arr->n_dim == 2 && k == 1) {
			/* a column: in [0, M) whatever j is */
			if (nest->depth == 1) {
				acc->sub[1].d = rt_rand(g, g->M);
				continue;
			}
			var = 1;
			lo = nest->lo[1];
			if (d < -lo)
				d = -lo;
			if (!nest->inner_par && d > -nest->c[1])
				d = -nest->c[1];
		} else {
			var = nest->depth == 2 && arr->n_dim == 1 &&
				rt_chance(g, 40) ? 1 : 0;
			lo = nest->lo[var];
			if (arr->global && d < -lo)
				d = -lo;
		}
		acc->sub[k].var = var;
		acc->sub[k].d = d;
	}
	arr->used = 1;
	if (write)
		arr->written = 1;
}

static void rt_gen_loops(struct rt_gen *g, struct rt_nest *nest,
	const struct rt_nest *shape)
{
	static const int los[] = { 0, 0, 0, 1, 2 };
	static const int cs[] = { 0, 0, -1, -2, 1 };
	int depth = nest->depth;

	if (shape && shape->depth >= depth && rt_chance(g, 70)) {
		memcpy(nest->lo, shape->lo, sizeof(nest->lo));
		memcpy(nest->c, shape->c, sizeof(nest->c));
		nest->inner_par = shape->inner_par;
		if (rt_chance(g, 90)) {
			memcpy(nest->down, shape->down, sizeof(nest->down));
			return;
		}
	} else {
		nest->lo[0] = los[rt_rand(g, 5)];
		nest->c[0] = cs[rt_rand(g, 5)];
		nest->lo[1] = rt_rand(g, 3) == 0;
		nest->inner_par = rt_chance(g, 60);
		nest->c[1] = nest->inner_par ? -rt_rand(g, 2) :
			-rt_rand(g, 3);
	}
	nest->down[0] = rt_chance(g, 8);
	nest->down[1] = rt_chance(g, 8);
}

/* A nest: it mostly reads what the nest before wrote, so that fusing
 * them saves traffic, and writes an array of its own.
 */
static void rt_gen_nest(struct rt_gen *g, int at, int style)
{
	struct rt_nest *nest = &g->nest[at];
	struct rt_nest *prev = at ? &g->nest[at - 1] : NULL;
	int has_int = g->arr[g->n_arr - 1].is_int;
	int last_w = prev ? prev->s[prev->n_stmt - 1].w.arr : -1;
	int s, k, any2 = 0;
	struct rt_stmt *st;

	for (k = 0; k < g->n_arr; k++)
		any2 |= g->arr[k].n_dim == 2;
	nest->depth = style == 1 || !any2 ? 1 : style == 2 ? 2 :
		rt_between(g, 1, 2);
	rt_gen_loops(g, nest, at ? &g->nest[0] : NULL);
	nest->is_int = has_int && rt_chance(g, 30);
	if (prev && prev->is_int != nest->is_int)
		last_w = -1;
	nest->n_stmt = rt_chance(g, 30) ? 2 : 1;
	for (s = 0; s < nest->n_stmt; s++) {
		st = &nest->s[s];
		st->n_read = rt_chance(g, 60) ? 2 : 1;
		for (k = 0; k < st->n_read; k++)
			rt_gen_acc(g, nest, &st->r[k], rt_pick_arr(g,
				nest->is_int, k == 0 ? last_w : -1), 0);
		rt_gen_acc(g, nest, &st->w, rt_pick_arr(g, nest->is_int, -1),
			1);
		st->self = rt_chance(g, 15);
		st->form = rt_rand(g, 5);
		last_w = st->w.arr;
	}
}

/* The value of subscript "sub" at iteration (i, j). */
static int rt_sub_value(const struct rt_sub *sub, const int *iv)
{
	return sub->var < 0 ? sub->d : iv[sub->var] + sub->d;
}

static void rt_range_add(struct rt_range *r, int off)
{
	if (!r->any || off < r->lo)
		r->lo = off;
	if (!r->any || off > r->hi)
		r->hi = off;
	r->any = 1;
}

static void rt_acc_add(struct rt_gen *g, const struct rt_acc *acc,
	const int *iv, struct rt_range *ranges, int *col_ok)
{
	const struct rt_arr *arr = &g->arr[acc->arr];
	int off = rt_sub_value(&acc->sub[0], iv);

	if (arr->n_dim == 2) {
		int col = rt_sub_value(&acc->sub[1], iv);

		if (col < 0 || col >= g->M)
			*col_ok = 0;
		off = off * g->M + col;
	}
	rt_range_add(&ranges[acc->arr], off);
}

/* Run the nests for sizes n and m: the elements every array is
 * accessed at (as offsets from its first element).  Returns 0 if a
 * column would leave its row.
 */
static int rt_ranges(struct rt_gen *g, int n, int m, struct rt_range *ranges)
{
	int t, s, k, iv[2], col_ok = 1;
	const struct rt_nest *nest;
	const struct rt_stmt *st;

	memset(ranges, 0, RT_MAX_ARR * sizeof(*ranges));
	for (t = 0; t < g->n_nest; t++) {
		nest = &g->nest[t];
		int hi0 = n + nest->c[0];
		int hi1 = (nest->inner_par ? m : g->M) + nest->c[1];

		for (iv[0] = nest->lo[0]; iv[0] < hi0; iv[0]++)
			for (iv[1] = nest->lo[1];
			     nest->depth == 1 ? iv[1] == nest->lo[1] :
			     iv[1] < hi1; iv[1]++)
				for (s = 0; s < nest->n_stmt; s++) {
					st = &nest->s[s];
					rt_acc_add(g, &st->w, iv, ranges,
						&col_ok);
					for (k = 0; k < st->n_read; k++)
						rt_acc_add(g, &st->r[k], iv,
							ranges, &col_ok);
				}
	}
	return col_ok;
}

/* Sizes for a call: mostly ordinary, for "empty" such that some loops
 * run no iteration.
 */
static void rt_sizes(struct rt_gen *g, int empty, int *n, int *m)
{
	struct rt_range ranges[RT_MAX_ARR];
	static const int small[] = { 0, 1, 2, -1, -3 };

	*n = rt_between(g, 4, 24);
	*m = rt_between(g, g->M / 2, g->M + 1);
	if (empty) {
		int r = rt_rand(g, 4);

		if (r == 0 || r == 3)
			*n = small[rt_rand(g, 5)];
		if (r == 1)
			*n = g->nest[0].lo[0] - g->nest[0].c[0];
		if (r == 2 || r == 3)
			*m = small[rt_rand(g, 5)];
	}
	while (!rt_ranges(g, *n, *m, ranges) && *m > -4)
		--*m;
}

/* The pairs that calls make overlap: two arrays of one element type,
 * not both globals, both used and one of them written (or, if there
 * are none such, any two of one type), the global second.  Calls take
 * them in turn from a random start, so that every pair loopfuse may
 * check overlaps in some call.
 */
static void rt_pairs_init(struct rt_gen *g)
{
	int a, b, pass;

	for (pass = 0; pass < 2 && !g->n_pair; pass++)
		for (a = 0; a < g->n_arr; a++)
			for (b = a + 1; b < g->n_arr; b++) {
				const struct rt_arr *x = &g->arr[a];
				const struct rt_arr *y = &g->arr[b];

				if (x->is_int != y->is_int || x->global ||
				    (!pass && (!x->used || !y->used ||
				     !(x->written || y->written))))
					continue;
				g->pair[g->n_pair][0] = a;
				g->pair[g->n_pair][1] = b;
				g->n_pair++;
			}
	g->next_pair = g->n_pair ? rt_rand(g, g->n_pair) : 0;
}

/* The next pair for a call of kind *kind, which becomes "global" if
 * the pair has the global, and "plus1" if it is "global" and the pair
 * has not.  Returns -1 if there are no pairs.
 */
static int rt_pick_pair(struct rt_gen *g, int *pair, enum rt_call_kind *kind)
{
	int k, p = 0, with_global = *kind == RT_GLOBAL;

	if (!g->n_pair)
		return -1;
	for (k = 0; k < g->n_pair; k++) {
		p = (g->next_pair + k) % g->n_pair;
		if (!with_global || g->arr[g->pair[p][1]].global)
			break;
	}
	if (k == g->n_pair)
		p = g->next_pair % g->n_pair;
	if (!with_global || k < g->n_pair)
		g->next_pair = p + 1;
	pair[0] = g->pair[p][0];
	pair[1] = g->pair[p][1];
	if (g->arr[pair[1]].global)
		*kind = RT_GLOBAL;
	else if (*kind == RT_GLOBAL)
		*kind = RT_PLUS1;
	if (*kind != RT_GLOBAL && rt_chance(g, 50)) {
		pair[0] = g->pair[p][1];
		pair[1] = g->pair[p][0];
	}
	return 0;
}

/* How far after pair[0] a call of kind "kind" puts pair[1], from the
 * elements r[] they access (in a call of kind touch, the accessed
 * elements of one begin right after those of the other end).
 */
static int rt_delta(struct rt_gen *g, enum rt_call_kind kind,
	const struct rt_range *ra, const struct rt_range *rb)
{
	int after = rt_chance(g, 50);

	switch (kind) {
	case RT_SAME:
		return 0;
	case RT_PLUS1:
		return 1;
	case RT_MINUS1:
		return -1;
	case RT_ROW:
		return rt_chance(g, 70) ? g->M : -g->M;
	case RT_TOUCH:
	case RT_OVERLAP1:
		if (!ra->any || !rb->any)
			return 1;
		if (after)
			return ra->hi + (kind == RT_TOUCH) - rb->lo;
		return ra->lo - (kind == RT_TOUCH) - rb->hi;
	default:
		return 0;
	}
}

/* Move the pointers of buffer "buf" of type "is_int" so that the
 * first element any of them points to or accesses is "margin"
 * elements into it, and note how large the buffer must be.
 */
static void rt_normalize(struct rt_gen *g, struct rt_call *call,
	const struct rt_range *r, int is_int, int buf)
{
	int a, first = 1, lo = 0, hi = 0, top, bottom;

	for (a = 0; a < g->n_arr; a++) {
		if (g->arr[a].global || g->arr[a].is_int != is_int ||
		    call->place[a].buf != buf)
			continue;
		bottom = call->place[a].off;
		top = bottom;
		if (r[a].any) {
			if (bottom + r[a].lo < bottom)
				bottom += r[a].lo;
			if (top + r[a].hi + 1 > top)
				top += r[a].hi + 1;
		}
		if (first || bottom < lo)
			lo = bottom;
		if (first || top > hi)
			hi = top;
		first = 0;
	}
	if (first)
		return;
	for (a = 0; a < g->n_arr; a++)
		if (!g->arr[a].global && g->arr[a].is_int == is_int &&
		    call->place[a].buf == buf)
			call->place[a].off += g->margin - lo;
	hi += g->margin - lo + g->margin;
	if (hi > g->buf_size[is_int][buf])
		g->buf_size[is_int][buf] = hi;
	if (buf + 1 > g->n_buf[is_int])
		g->n_buf[is_int] = buf + 1;
}

/* A parameter into global "gl": where it points, and how large the
 * global must be.
 */
static void rt_place_global(struct rt_gen *g, struct rt_call *call,
	const struct rt_range *r, int p, int gl)
{
	static const int deltas[] = { 0, 1, -1, 2 };
	int off = (r[gl].any ? r[gl].lo : 0) + deltas[rt_rand(g, 4)];
	int need;

	if (rt_chance(g, 25))
		off += g->M;
	if (r[p].any && off + r[p].lo < 0)
		off = -r[p].lo;
	if (off < 0)
		off = 0;
	call->place[p].buf = -1;
	call->place[p].off = off;
	need = off + (r[p].any && r[p].hi >= 0 ? r[p].hi + 1 : 0);
	if (need + g->margin > g->arr[gl].size)
		g->arr[gl].size = need + g->margin;
}

static void rt_make_call(struct rt_gen *g, enum rt_call_kind kind, int empty)
{
	struct rt_call *call = &g->call[g->n_call];
	struct rt_range r[RT_MAX_ARR];
	int next[2] = { 0, 0 };
	int a, b, k, t, d, pa, pb;

	memset(call, 0, sizeof(*call));
	call->pair[0] = call->pair[1] = -1;
	if (kind != RT_DISTINCT && rt_pick_pair(g, call->pair, &kind) < 0)
		kind = RT_DISTINCT;
	call->kind = kind;
	g->n_call++;
	rt_sizes(g, empty, &call->n, &call->m);
	rt_ranges(g, call->n, call->m, r);
	for (a = 0; a < g->n_arr; a++) {
		if (g->arr[a].global) {
			if (r[a].any && r[a].hi + 1 + g->margin > g->arr[a].size)
				g->arr[a].size = r[a].hi + 1 + g->margin;
			continue;
		}
		call->place[a].buf = next[g->arr[a].is_int]++;
	}
	pa = call->pair[0];
	pb = call->pair[1];
	if (kind == RT_GLOBAL) {
		rt_place_global(g, call, r, pa, pb);
	} else if (kind == RT_CHAIN) {
		d = 0;
		for (k = 0; k < g->n_arr; k++) {
			b = (k + pa) % g->n_arr;
			if (g->arr[b].global ||
			    g->arr[b].is_int != g->arr[pa].is_int)
				continue;
			call->place[b] = call->place[pa];
			call->place[b].off += d;
			d += rt_chance(g, 70) ? 1 : -1;
		}
	} else if (kind != RT_DISTINCT) {
		d = rt_delta(g, kind, &r[pa], &r[pb]);
		call->place[pb].buf = call->place[pa].buf;
		call->place[pb].off = call->place[pa].off + d;
		g->out->overlap = 1;
	}
	if (kind == RT_GLOBAL || kind == RT_CHAIN)
		g->out->overlap = 1;
	/* number the buffers that are left 0, 1, ... in each type */
	for (t = 0; t < 2; t++) {
		int map[RT_MAX_BUF], n = 0;

		for (b = 0; b < RT_MAX_BUF; b++)
			map[b] = -1;
		for (a = 0; a < g->n_arr; a++) {
			struct rt_place *pl = &call->place[a];

			if (g->arr[a].global || g->arr[a].is_int != t ||
			    pl->buf < 0)
				continue;
			if (map[pl->buf] < 0)
				map[pl->buf] = n++;
			pl->buf = map[pl->buf];
		}
		for (b = 0; b < n; b++)
			rt_normalize(g, call, r, t, b);
	}
}

/* The calls: distinct first, then the kinds that overlap, some with
 * sizes that leave loops empty; in one program in ten only distinct
 * calls (which may then be checked with --assume-no-alias too).
 */
static void rt_gen_calls(struct rt_gen *g)
{
	static const enum rt_call_kind order[] = { RT_SAME, RT_PLUS1,
		RT_MINUS1, RT_ROW, RT_TOUCH, RT_OVERLAP1, RT_CHAIN,
		RT_GLOBAL };
	int only_distinct = rt_chance(g, 10);
	int k, n_extra;

	rt_pairs_init(g);
	rt_make_call(g, RT_DISTINCT, 0);
	if (only_distinct) {
		rt_make_call(g, RT_DISTINCT, 1);
		rt_make_call(g, RT_DISTINCT, 0);
		return;
	}
	for (k = 0; k < 8; k++)
		if (k < 6 || rt_chance(g, 70))
			rt_make_call(g, order[k], 0);
	rt_make_call(g, RT_DISTINCT, 1);
	n_extra = rt_between(g, 1, 3);
	for (k = 0; k < n_extra; k++)
		rt_make_call(g, order[rt_rand(g, 8)], 1);
}

/* Append "base + d" for an iterator or a number. */
static void rt_put_plus(struct lf_text *t, const char *base, int d)
{
	if (!*base)
		lf_text_printf(t, "%d", d);
	else if (d > 0)
		lf_text_printf(t, "%s + %d", base, d);
	else if (d < 0)
		lf_text_printf(t, "%s - %d", base, -d);
	else
		lf_text_printf(t, "%s", base);
}

/* The spelling of array "arr" or size "name" in rt_kernel's body. */
static void rt_put_spelled(struct rt_gen *g, struct lf_text *t,
	const char *name)
{
	if (g->form == RT_FORM_MEMBER)
		lf_text_printf(t, "s->%s", name);
	else if (g->form == RT_FORM_VALUE)
		lf_text_printf(t, "s.%s", name);
	else
		lf_text_printf(t, "%s", name);
}

static void rt_put_name(struct rt_gen *g, struct lf_text *t,
	const struct rt_arr *arr)
{
	if (arr->global)
		lf_text_printf(t, "%s", arr->name);
	else if (g->row[arr - g->arr])
		lf_text_printf(t, "r%s", arr->name);
	else
		rt_put_spelled(g, t, arr->name);
}

static void rt_put_acc(struct rt_gen *g, struct lf_text *t,
	const struct rt_acc *acc)
{
	static const char *iters[] = { "i", "j" };
	const struct rt_arr *arr = &g->arr[acc->arr];
	int k, shift = arr->global ? 0 : g->row[acc->arr];

	rt_put_name(g, t, arr);
	for (k = 0; k < arr->n_dim; k++) {
		lf_text_printf(t, "[");
		rt_put_plus(t, acc->sub[k].var < 0 ? "" :
			iters[acc->sub[k].var], acc->sub[k].d - (k ? 0 : shift));
		lf_text_printf(t, "]");
	}
}

/* The right-hand side of statement "st": reads combined with
 * coefficients whose magnitudes add up to at most one (float), or
 * masked (int).
 */
static void rt_put_rhs(struct rt_gen *g, struct lf_text *t,
	const struct rt_nest *nest, const struct rt_stmt *st)
{
	static const char *f2[] = { "0.5f * %s + 0.25f * %s",
		"0.25f * %s - 0.5f * %s", "0.75f * %s + 0.125f * %s + 0.0625f",
		"0.5f * (%s - %s)", "%s * 0.5f + %s * 0.5f" };
	static const char *f1[] = { "0.5f * %s + 0.25f", "-0.75f * %s",
		"%s * 0.5f - 0.125f", "%s", "0.25f * %s + 0.5f" };
	static const char *i2[] = { "(%s & 1023) * 3 + (%s & 255)",
		"(%s & 511) - (%s & 511)", "(%s ^ %s) & 4095",
		"(%s & 255) + (%s & 1023) * 2", "(%s | %s) & 2047" };
	static const char *i1[] = { "(%s & 1023) + 7", "(%s & 255) * 5 - 100",
		"%s & 4095", "(%s & 127) * 3", "1 + (%s & 63)" };
	struct lf_text r0 = { NULL, 0, 0 }, r1 = { NULL, 0, 0 };
	const char *fmt;

	rt_put_acc(g, &r0, &st->r[0]);
	if (st->n_read == 2) {
		rt_put_acc(g, &r1, &st->r[1]);
		fmt = (nest->is_int ? i2 : f2)[st->form];
		lf_text_printf(t, fmt, r0.s, r1.s);
	} else {
		fmt = (nest->is_int ? i1 : f1)[st->form];
		lf_text_printf(t, fmt, r0.s);
	}
	free(r0.s);
	free(r1.s);
}

static void rt_put_stmt(struct rt_gen *g, struct lf_text *t,
	const struct rt_nest *nest, const struct rt_stmt *st, int indent)
{
	struct lf_text w = { NULL, 0, 0 };
	int k;

	for (k = 0; k < indent; k++)
		lf_text_printf(t, "\t");
	rt_put_acc(g, &w, &st->w);
	lf_text_printf(t, "%s = ", w.s);
	if (st->self)
		lf_text_printf(t, nest->is_int ? "(%s & 1023) + (" :
			"0.5f * %s + 0.5f * (", w.s);
	rt_put_rhs(g, t, nest, st);
	lf_text_printf(t, "%s;\n", st->self ? ")" : "");
	free(w.s);
}

/* The header of loop "level" of "nest". */
static void rt_put_loop(struct rt_gen *g, struct lf_text *t,
	const struct rt_nest *nest, int level)
{
	const char *it = level ? "j" : "i";
	const char *bound = level ? (nest->inner_par ? "m" : rt_m(g)) : "n";
	struct lf_text b = { NULL, 0, 0 };
	int k;

	if (level && !nest->inner_par)
		lf_text_printf(&b, "%s", bound);
	else
		rt_put_spelled(g, &b, bound);
	bound = b.s;

	for (k = 0; k <= level; k++)
		lf_text_printf(t, "\t");
	if (nest->down[level]) {
		lf_text_printf(t, "for (int %s = ", it);
		rt_put_plus(t, bound, nest->c[level] - 1);
		lf_text_printf(t, "; %s >= %d; %s--)", it, nest->lo[level], it);
	} else {
		lf_text_printf(t, "for (int %s = %d; %s < ", it, nest->lo[level],
			it);
		rt_put_plus(t, bound, nest->c[level]);
		lf_text_printf(t, "; %s++)", it);
	}
	lf_text_printf(t, "%s\n", level == nest->depth - 1 &&
		nest->n_stmt > 1 ? " {" : "");
	free(b.s);
}

/* The declaration of parameter "a" with its type, ending in "end". */
static void rt_put_decl(struct rt_gen *g, struct lf_text *t,
	const struct rt_arr *a, const char *end)
{
	int spell = a->spell && g->form == RT_FORM_PARAMS;

	lf_text_printf(t, "%s%s", a->is_const ? "const " : "", rt_type(a));
	if (a->n_dim == 1)
		lf_text_printf(t, spell ? " %s[]" : " *%s", a->name);
	else
		lf_text_printf(t, spell ? " %s[][%s]" : " (*%s)[%s]",
			a->name, rt_m(g));
	lf_text_printf(t, "%s", end);
}

/* struct rt_args: the parameters as members. */
static void rt_put_struct(struct rt_gen *g, struct lf_text *t)
{
	int k;

	lf_text_printf(t, "\nstruct rt_args {\n");
	for (k = 0; k < g->n_arr; k++)
		if (!g->arr[k].global) {
			lf_text_printf(t, "\t");
			rt_put_decl(g, t, &g->arr[k], ";\n");
		}
	lf_text_printf(t, "\tint n;\n\tint m;\n};\n");
}

/* The locals that rt_kernel declares before its nests: copies of the
 * members, or row pointers "rpa = pa + K" (K rows of a 2-D array).
 */
static void rt_put_locals(struct rt_gen *g, struct lf_text *t)
{
	const struct rt_arr *a;
	struct lf_text name = { NULL, 0, 0 };
	int k;

	for (k = 0; k < g->n_arr; k++) {
		a = &g->arr[k];
		if (a->global || !(g->form == RT_FORM_LOCALS || g->row[k]))
			continue;
		lf_text_printf(t, "\t");
		name.len = 0;
		lf_text_printf(&name, "%s", g->row[k] ? "r" : "");
		lf_text_printf(&name, "%s", a->name);
		if (a->n_dim == 1)
			lf_text_printf(t, "%s%s *%s = ", a->is_const ?
				"const " : "", rt_type(a), name.s);
		else
			lf_text_printf(t, "%s%s (*%s)[%s] = ", a->is_const ?
				"const " : "", rt_type(a), name.s, rt_m(g));
		if (g->form == RT_FORM_LOCALS)
			lf_text_printf(t, "s->%s;\n", a->name);
		else if (g->row[k] > 1 && rt_chance(g, 50))
			lf_text_printf(t, "&%s[%d];\n", a->name, g->row[k]);
		else
			lf_text_printf(t, "%s + %d;\n", a->name, g->row[k]);
	}
	free(name.s);
	if (g->form == RT_FORM_LOCALS)
		lf_text_printf(t, "\tint n = s->n;\n\tint m = s->m;\n");
}

static void rt_put_kernel(struct rt_gen *g, struct lf_text *t)
{
	const struct rt_nest *nest;
	int k, s;

	if (g->form == RT_FORM_PARAMS || g->form == RT_FORM_ROWS) {
		lf_text_printf(t, "\nvoid rt_kernel(");
		for (k = 0; k < g->n_arr; k++)
			if (!g->arr[k].global)
				rt_put_decl(g, t, &g->arr[k], ", ");
		lf_text_printf(t, "int n, int m)\n{\n");
	} else {
		rt_put_struct(g, t);
		lf_text_printf(t, "\nvoid rt_kernel(%s)\n{\n",
			g->form == RT_FORM_VALUE ? "struct rt_args s" :
			"const struct rt_args *s");
	}
	rt_put_locals(g, t);
	for (k = 0; k < g->n_nest; k++) {
		nest = &g->nest[k];
		rt_put_loop(g, t, nest, 0);
		if (nest->depth == 2)
			rt_put_loop(g, t, nest, 1);
		for (s = 0; s < nest->n_stmt; s++)
			rt_put_stmt(g, t, nest, &nest->s[s], nest->depth + 1);
		if (nest->n_stmt > 1)
			lf_text_printf(t, "%s}\n", nest->depth == 2 ? "\t\t" :
				"\t");
	}
	lf_text_printf(t, "}\n");
}

/* The elements of the global: those the calls need, rounded up to
 * whole rows; a "big" one is larger than the caches, so that loopfuse's
 * cost model, which learns from its size how large n may be, does not
 * decline the fusion for small data.
 */
static int rt_global_len(const struct rt_gen *g, const struct rt_arr *a)
{
	int len = (a->size + g->M - 1) / g->M * g->M;

	return a->big && len < RT_BIG ? RT_BIG : len;
}

static const char *rt_buf_prefix(int is_int)
{
	return is_int ? "rt_ib" : "rt_fb";
}

/* What goes before main: M, the global, rt_kernel, the buffers and the
 * helpers that fill and print them.
 */
static void rt_put_top(struct rt_gen *g)
{
	struct lf_text *t = &g->out->top;
	const struct rt_arr *a;
	int k, b;

	lf_text_printf(t, "\n/* class RTCHECK: run-time alias checks */\n");
	if (g->macro_m)
		lf_text_printf(t, "#define RT_M %d\n", g->M);
	for (k = 0; k < g->n_arr; k++) {
		a = &g->arr[k];
		if (!a->global)
			continue;
		if (a->n_dim == 1)
			lf_text_printf(t, "float rt_g[%d];\n", rt_global_len(g, a));
		else
			lf_text_printf(t, "float rt_g[%d][%s];\n",
				rt_global_len(g, a) / g->M, rt_m(g));
	}
	rt_put_kernel(g, t);
	lf_text_printf(t, "\n");
	for (k = 0; k < 2; k++)
		for (b = 0; b < g->n_buf[k]; b++)
			lf_text_printf(t, "static %s %s%d[%d];\n",
				k ? "int" : "float", rt_buf_prefix(k), b,
				g->buf_size[k][b]);
	lf_text_printf(t, "\n"
			"static void rt_fill_f(float *p, int len, int salt)\n"
			"{\n"
			"\tfor (int k = 0; k < len; k++)\n"
			"\t\tp[k] = (float) ((k * 7 + salt * 13) %% 23 - 11)"
			" * 0.125f;\n"
			"}\n");
	if (g->n_buf[1])
		lf_text_printf(t, "\n"
			"static void rt_fill_i(int *p, int len, int salt)\n"
			"{\n"
			"\tfor (int k = 0; k < len; k++)\n"
			"\t\tp[k] = (k * 5 + salt * 11) %% 97 - 40;\n"
			"}\n");
	lf_text_printf(t, "\n"
		"/* Print the first \"shown\" bytes of p, and a hash of the"
		" others. */\n"
		"static void rt_dump(const char *name, int call, const void *p,"
		" size_t len,\n"
		"\tsize_t shown)\n"
		"{\n"
		"\tconst unsigned char *b = p;\n"
		"\tunsigned h = 2166136261u;\n"
		"\n"
		"\tfor (size_t x = 0; x < shown; x++) {\n"
		"\t\tif (x %% 32 == 0)\n"
		"\t\t\tprintf(\"%%s%%s %%d %%04x \", x ? \"\\n\" : \"\", name,"
		" call, (unsigned) x);\n"
		"\t\tprintf(\"%%02x\", b[x]);\n"
		"\t}\n"
		"\tfor (size_t x = shown; x < len; x++)\n"
		"\t\th = (h ^ b[x]) * 16777619u;\n"
		"\tprintf(\"\\n%%s %%d rest %%08x\\n\", name, call, h);\n"
		"}\n");
}

/* The argument for parameter a in call "call". */
static void rt_put_arg(struct rt_gen *g, struct lf_text *t,
	const struct rt_call *call, int a)
{
	const struct rt_arr *arr = &g->arr[a];
	const struct rt_place *pl = &call->place[a];
	struct lf_text p = { NULL, 0, 0 };

	if (pl->buf < 0)
		lf_text_printf(&p, "(float *) rt_g + %d", pl->off);
	else
		lf_text_printf(&p, "%s%d + %d", rt_buf_prefix(arr->is_int),
			pl->buf, pl->off);
	if (arr->n_dim == 2)
		lf_text_printf(t, "(float (*)[%s]) (%s)", rt_m(g), p.s);
	else
		lf_text_printf(t, "%s", p.s);
	free(p.s);
}

/* The call itself: the arguments as they are, or in a struct. */
static void rt_put_call(struct rt_gen *g, struct lf_text *t,
	const struct rt_call *call)
{
	int k, in_struct = g->form != RT_FORM_PARAMS &&
		g->form != RT_FORM_ROWS;

	lf_text_printf(t, in_struct ? "\t{\n\t\tstruct rt_args rt_a = { " :
		"\trt_kernel(");
	for (k = 0; k < g->n_arr; k++) {
		if (g->arr[k].global)
			continue;
		rt_put_arg(g, t, call, k);
		lf_text_printf(t, ", ");
	}
	lf_text_printf(t, "%d, %d", call->n, call->m);
	if (!in_struct)
		lf_text_printf(t, ");\n");
	else
		lf_text_printf(t, " };\n\n\t\trt_kernel(%srt_a);\n\t}\n",
			g->form == RT_FORM_VALUE ? "" : "&");
}

/* Fill every buffer and the global, call, print every byte. */
static void rt_put_calls(struct rt_gen *g)
{
	struct lf_text *t = &g->out->main;
	const struct rt_call *call;
	int c, k, b, has_global = 0, shown = 0;

	for (k = 0; k < g->n_arr; k++)
		if (g->arr[k].global) {
			has_global = 1;
			shown = (g->arr[k].size + g->M - 1) / g->M * g->M;
		}
	for (c = 0; c < g->n_call; c++) {
		call = &g->call[c];
		lf_text_printf(t, "\t/* rt_kernel, call %d: %s */\n", c,
			rt_kind_name[call->kind]);
		for (k = 0; k < 2; k++)
			for (b = 0; b < g->n_buf[k]; b++)
				lf_text_printf(t, "\trt_fill_%c(%s%d, %d, %d);\n",
					k ? 'i' : 'f', rt_buf_prefix(k), b,
					g->buf_size[k][b], c * 5 + b + 3 * k);
		if (has_global)
			lf_text_printf(t, "\trt_fill_f((float *) rt_g, "
				"(int) (sizeof rt_g / sizeof(float)), %d);\n",
				c * 5 + 4);
		rt_put_call(g, t, call);
		for (k = 0; k < 2; k++)
			for (b = 0; b < g->n_buf[k]; b++)
				lf_text_printf(t, "\trt_dump(\"%s%d\", %d, %s%d, "
					"sizeof %s%d, sizeof %s%d);\n",
					rt_buf_prefix(k), b, c,
					rt_buf_prefix(k), b, rt_buf_prefix(k),
					b, rt_buf_prefix(k), b);
		if (has_global)
			lf_text_printf(t, "\trt_dump(\"rt_g\", %d, rt_g, "
				"sizeof rt_g, %d * sizeof(float));\n", c,
				shown);
	}
}

/* The form of rt_kernel, and in form rows the row of each parameter
 * (1 to 3 elements of a 1-D array, one row of a 2-D one; 0: none).
 */
static void rt_gen_form(struct rt_gen *g)
{
	int k;

	g->form = rt_chance(g, 50) ? RT_FORM_PARAMS :
		(enum rt_form) rt_between(g, 1, RT_N_FORM - 1);
	if (g->form != RT_FORM_ROWS)
		return;
	for (k = 0; k < g->n_arr; k++)
		if (!g->arr[k].global && rt_chance(g, 70))
			g->row[k] = g->arr[k].n_dim == 2 ? 1 :
				rt_between(g, 1, 3);
}

void lf_rtc_generate(struct lf_rtc *rtc, unsigned long long seed, int force)
{
	struct rt_gen *g;
	int style, k;

	memset(rtc, 0, sizeof(*rtc));
	g = calloc(1, sizeof(*g));
	if (!g) {
		fprintf(stderr, "lf_gen: out of memory\n");
		exit(2);
	}
	g->rng = seed * 0xd1342543de82ef95ULL + 0x1b873593ULL;
	rtc->on = rt_chance(g, RT_PERCENT) || force;
	if (!rtc->on) {
		free(g);
		return;
	}
	g->out = rtc;
	rt_gen_arrays(g);
	style = 0;
	for (k = 0; k < g->n_arr; k++)
		style |= g->arr[k].n_dim;
	g->n_nest = rt_between(g, 2, RT_MAX_NEST);
	for (k = 0; k < g->n_nest; k++)
		rt_gen_nest(g, k, style);
	for (k = 0; k < g->n_arr; k++)
		g->arr[k].is_const = !g->arr[k].written &&
			!g->arr[k].global && g->arr[k].n_dim == 1 &&
			rt_chance(g, 50);
	rt_gen_calls(g);
	rt_gen_form(g);
	rt_put_top(g);
	rt_put_calls(g);
	free(g);
}

void lf_rtc_free(struct lf_rtc *rtc)
{
	free(rtc->top.s);
	free(rtc->main.s);
	memset(rtc, 0, sizeof(*rtc));
}
