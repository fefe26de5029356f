/* SPDX-License-Identifier: MIT */
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "lf_buf.h"
#include "lf_diff.h"

/* The unified diff of loopfuse --diff, on lines, in four steps.
 *
 * 1. Lines that occur nowhere in the other text's part that may differ
 *    are changed in every diff; they are set aside (lf_diff_choose).
 * 2. A shortest diff of the other lines is found with E. Myers' O(ND)
 *    algorithm ("An O(ND) Difference Algorithm and Its Variations",
 *    1986) in its linear-space form: search from both corners of the
 *    edit graph at once until the searches meet (the middle snake), then
 *    solve the two halves the same way.  That takes O((N + M) D) time
 *    for N and M lines and D changed lines and O(N + M) space; equal
 *    lines at the ends of each part are matched before it is searched,
 *    so a small change to a big file costs little more than reading it.
 * 3. A shortest diff is seldom the only one: a block inserted after a
 *    line "}" that also ends the block can be printed before or after
 *    it.  Each run of changed lines is moved as low as equal lines allow,
 *    then back up to where it faces a change of the other text, if it
 *    passed one, so that a replaced block prints as one change
 *    (lf_diff_slide_run).
 * 4. Changes less than 2 * LF_DIFF_CONTEXT + 1 unchanged lines apart
 *    share a hunk (lf_diff_print).
 *
 * GNU diff -u takes these steps too, so among several shortest diffs
 * both nearly always print the same one.  It can print another where it
 * also sets aside lines that occur very often, or where the equal lines
 * it cuts off the ends of the texts stop a run from moving down; and a
 * longer diff where it stops searching for a shortest one because that
 * gets expensive.
 */

#define LF_DIFF_CONTEXT	3

/* A line of a text: its bytes, newline included if it has one. */
struct lf_diff_line {
	const char *text;
	unsigned len;
	unsigned long hash;
};

/* A text as lines.  changed[i] says whether the diff deletes line i
 * (old text) or inserts it (new text).
 */
struct lf_diff_text {
	struct lf_diff_line *line;
	long n;
	char *changed;
};

/* The search for a shortest diff of the lines xi[0, nx) of a (old) and
 * yi[0, ny) of b (new) in the edit graph, where (x, y) is the point after
 * the first x and y of them, and diagonal k holds the points with
 * x - y = k.  fwd[k] is the largest x reached on diagonal k from the top
 * left corner of the part searched, bwd[k] the smallest x reached from
 * its bottom right corner; k runs from -(ny + 1) to nx + 1.
 */
struct lf_diff_search {
	struct lf_diff_text *a;
	struct lf_diff_text *b;
	long *xi;
	long *yi;
	long nx;
	long ny;
	long *fwd;
	long *bwd;
};

/* The part a[x0, x1) x b[y0, y1) of the edit graph being searched and
 * the diagonals the forward (flo to fhi) and backward (blo to bhi)
 * searches have reached, every other one.
 */
struct lf_diff_box {
	long x0;
	long x1;
	long y0;
	long y1;
	long flo;
	long fhi;
	long blo;
	long bhi;
};

/* FNV-1a, so that most unequal lines differ in the first comparison.
 */
static unsigned long lf_diff_hash(__isl_keep const char *text, unsigned len)
{
	unsigned long h = 2166136261UL;
	unsigned i;

	for (i = 0; i < len; ++i)
		h = (h ^ (unsigned char) text[i]) * 16777619UL;
	return h;
}

/* Whether two lines have the same bytes.
 */
static int lf_diff_line_eq(__isl_keep const struct lf_diff_line *p,
	__isl_keep const struct lf_diff_line *q)
{
	return p->hash == q->hash && p->len == q->len &&
		memcmp(p->text, q->text, p->len) == 0;
}

/* Split the len bytes of text into lines, all unchanged so far.
 * Return 0, or -1 if allocation fails (t is then still safe to free).
 */
static int lf_diff_text_split(struct lf_diff_text *t,
	__isl_keep const char *text, unsigned len)
{
	unsigned i;
	unsigned start = 0;
	long n = len > 0 && text[len - 1] != '\n';

	for (i = 0; i < len; ++i)
		n += text[i] == '\n';
	t->n = 0;
	t->line = malloc((n + 1) * sizeof(*t->line));
	t->changed = calloc(n + 1, 1);
	if (!t->line || !t->changed)
		return -1;
	for (i = 0; i < len; ++i) {
		struct lf_diff_line *l = &t->line[t->n];

		if (text[i] != '\n' && i + 1 < len)
			continue;
		l->text = text + start;
		l->len = i + 1 - start;
		l->hash = lf_diff_hash(l->text, l->len);
		t->n++;
		start = i + 1;
	}
	return 0;
}

/* Free what lf_diff_text_split allocated.
 */
static void lf_diff_text_free(__isl_keep struct lf_diff_text *t)
{
	free(t->line);
	free(t->changed);
}

/* Whether the x-th line searched of a equals the y-th of b.
 */
static int lf_diff_match(__isl_keep const struct lf_diff_search *s, long x,
	long y)
{
	return lf_diff_line_eq(&s->a->line[s->xi[x]], &s->b->line[s->yi[y]]);
}

/* Take a search one edit further: its diagonals [*lo, *hi] grow by one
 * at each end, where the box [kmin, kmax] has room; where it has not,
 * they shrink by one instead, keeping every other diagonal.  A new
 * diagonal's outer neighbour gets "none", which never wins.
 */
static void lf_diff_widen(long *v, long *lo, long *hi, long kmin, long kmax,
	long none)
{
	if (*lo > kmin)
		v[--*lo - 1] = none;
	else
		++*lo;
	if (*hi < kmax)
		v[++*hi + 1] = none;
	else
		--*hi;
}

/* Extend each diagonal of the forward search by one edit (a deletion
 * where that reaches as far as an insertion) and then along equal lines.
 * If the odd total cost lets the searches meet here and they do, set
 * (*xm, *ym) to the meeting point and return 1.
 * Next to a diagonal that has reached the right edge of the box, x can
 * pass that edge; the searches meet before the backward one gets to such
 * a diagonal, so it never becomes the meeting point, and lines are only
 * read inside the box.
 */
static int lf_diff_forward(__isl_keep struct lf_diff_search *s,
	__isl_keep struct lf_diff_box *b, int odd, long *xm, long *ym)
{
	long *v = s->fwd;
	long k;

	lf_diff_widen(v, &b->flo, &b->fhi, b->x0 - b->y1, b->x1 - b->y0, -1);
	for (k = b->fhi; k >= b->flo; k -= 2) {
		long x = v[k - 1] >= v[k + 1] ? v[k - 1] + 1 : v[k + 1];
		long y = x - k;

		while (x < b->x1 && y < b->y1 && lf_diff_match(s, x, y)) {
			x++;
			y++;
		}
		v[k] = x;
		if (odd && b->blo <= k && k <= b->bhi && s->bwd[k] <= x) {
			*xm = x;
			*ym = y;
			return 1;
		}
	}
	return 0;
}

/* The backward counterpart of lf_diff_forward, for an even total cost
 * (x can likewise pass the left edge of the box).
 */
static int lf_diff_backward(__isl_keep struct lf_diff_search *s,
	__isl_keep struct lf_diff_box *b, int odd, long *xm, long *ym)
{
	long *v = s->bwd;
	long k;

	lf_diff_widen(v, &b->blo, &b->bhi, b->x0 - b->y1, b->x1 - b->y0,
		LONG_MAX);
	for (k = b->bhi; k >= b->blo; k -= 2) {
		long x = v[k - 1] < v[k + 1] ? v[k - 1] : v[k + 1] - 1;
		long y = x - k;

		while (x > b->x0 && y > b->y0 &&
		    lf_diff_match(s, x - 1, y - 1)) {
			x--;
			y--;
		}
		v[k] = x;
		if (!odd && b->flo <= k && k <= b->fhi && x <= s->fwd[k]) {
			*xm = x;
			*ym = y;
			return 1;
		}
	}
	return 0;
}

/* Find a point (*xm, *ym) on a shortest path through a[x0, x1) x
 * b[y0, y1), half of its cost from each corner (Myers' middle snake).
 * The first lines of the box differ, and so do its last lines, so the
 * cost is at least 2 and the point is neither corner.
 */
static void lf_diff_middle(__isl_keep struct lf_diff_search *s, long x0,
	long x1, long y0, long y1, long *xm, long *ym)
{
	struct lf_diff_box b;
	int odd = ((x1 - x0) + (y1 - y0)) & 1;

	b.x0 = x0;
	b.x1 = x1;
	b.y0 = y0;
	b.y1 = y1;
	b.flo = b.fhi = x0 - y0;
	b.blo = b.bhi = x1 - y1;
	s->fwd[x0 - y0] = x0;
	s->bwd[x1 - y1] = x1;
	while (!lf_diff_forward(s, &b, odd, xm, ym) &&
	    !lf_diff_backward(s, &b, odd, xm, ym))
		;
}

/* Mark the lines searched of a[x0, x1) and b[y0, y1) that a shortest
 * diff of the two deletes and inserts.
 */
static void lf_diff_compare(__isl_keep struct lf_diff_search *s, long x0,
	long x1, long y0, long y1)
{
	long xm;
	long ym;

	while (x0 < x1 && y0 < y1 && lf_diff_match(s, x0, y0)) {
		x0++;
		y0++;
	}
	while (x0 < x1 && y0 < y1 && lf_diff_match(s, x1 - 1, y1 - 1)) {
		x1--;
		y1--;
	}
	if (x0 == x1 || y0 == y1) {
		for (; x0 < x1; ++x0)
			s->a->changed[s->xi[x0]] = 1;
		for (; y0 < y1; ++y0)
			s->b->changed[s->yi[y0]] = 1;
		return;
	}
	lf_diff_middle(s, x0, x1, y0, y1, &xm, &ym);
	lf_diff_compare(s, x0, xm, y0, ym);
	lf_diff_compare(s, xm, x1, ym, y1);
}

/* Return the first unchanged line of t from line i on, or t->n.
 */
static long lf_diff_run_end(__isl_keep const struct lf_diff_text *t, long i)
{
	while (i < t->n && t->changed[i])
		i++;
	return i;
}

/* Return, for each gap g between the unchanged lines of t (gap g
 * follows the g-th one), whether t has changed lines there.  Both texts
 * have as many unchanged lines, which pair in order, so gap g is the
 * same place in both.  Return NULL if allocation fails; the caller frees
 * the result.
 */
static __isl_give char *lf_diff_gaps(__isl_keep const struct lf_diff_text *t)
{
	char *gap = calloc(t->n + 1, 1);
	long g = 0;
	long i;

	if (!gap)
		return NULL;
	for (i = 0; i < t->n; ++i) {
		if (t->changed[i])
			gap[g] = 1;
		else
			g++;
	}
	return gap;
}

/* Move the run of changed lines of t starting at line s, in gap *g, up
 * as far as equal lines allow and then down as far, merging it with the
 * runs it meets (again until it stops growing); then back up to the
 * lowest place where it faces a change in the other text (other_gap),
 * if it passed one.  Each move by a line drops the changed line at one
 * end and changes the equal unchanged line at the other, so the lines
 * left unchanged stay the same.  Return the line after the run and set
 * *g to its gap.
 */
static long lf_diff_slide_run(__isl_keep struct lf_diff_text *t,
	__isl_keep const char *other_gap, long s, long *g)
{
	char *c = t->changed;
	long e = lf_diff_run_end(t, s);
	long len;
	long facing;

	do {
		len = e - s;
		while (s > 0 &&
		    lf_diff_line_eq(&t->line[s - 1], &t->line[e - 1])) {
			c[--s] = 1;
			c[--e] = 0;
			--*g;
			while (s > 0 && c[s - 1])
				s--;
		}
		facing = other_gap[*g] ? e : -1;
		while (e < t->n && lf_diff_line_eq(&t->line[s], &t->line[e])) {
			c[s++] = 0;
			c[e] = 1;
			e = lf_diff_run_end(t, e);
			if (other_gap[++*g])
				facing = e;
		}
	} while (len != e - s);
	while (facing >= 0 && e > facing) {
		c[--s] = 1;
		c[--e] = 0;
		--*g;
	}
	return e;
}

/* Place the runs of changed lines of t, given the changes of the other
 * text (see lf_diff_slide_run).  Return 0, or -1 if allocation fails.
 */
static int lf_diff_slide(__isl_keep struct lf_diff_text *t,
	__isl_keep const struct lf_diff_text *other)
{
	char *other_gap = lf_diff_gaps(other);
	long g = 0;
	long i = 0;

	if (!other_gap)
		return -1;
	while (i < t->n) {
		if (t->changed[i]) {
			i = lf_diff_slide_run(t, other_gap, i, &g);
		} else {
			i++;
			g++;
		}
	}
	free(other_gap);
	return 0;
}

/* Order lines by hash, then length, then bytes, for qsort and bsearch.
 */
static int lf_diff_line_cmp(const void *p, const void *q)
{
	const struct lf_diff_line *l = p;
	const struct lf_diff_line *m = q;

	if (l->hash != m->hash)
		return l->hash < m->hash ? -1 : 1;
	if (l->len != m->len)
		return l->len < m->len ? -1 : 1;
	return memcmp(l->text, m->text, l->len);
}

/* Return a sorted copy of the lines [lo, hi) of t, or NULL if allocation
 * fails.  The caller frees the result.
 */
static __isl_give struct lf_diff_line *lf_diff_sorted(
	__isl_keep const struct lf_diff_text *t, long lo, long hi)
{
	struct lf_diff_line *sorted = malloc((hi - lo + 1) * sizeof(*sorted));

	if (!sorted)
		return NULL;
	memcpy(sorted, t->line + lo, (hi - lo) * sizeof(*sorted));
	qsort(sorted, hi - lo, sizeof(*sorted), lf_diff_line_cmp);
	return sorted;
}

/* Set the part of a and b that may differ: after *lo lines, and before
 * the last *tail lines of each, where lo and tail are the numbers of
 * equal lines at the start and at the end, less LF_DIFF_CONTEXT lines.
 */
static void lf_diff_ends(__isl_keep const struct lf_diff_text *a,
	__isl_keep const struct lf_diff_text *b, long *lo, long *tail)
{
	long n = a->n < b->n ? a->n : b->n;
	long p = 0;
	long q = 0;

	while (p < n && lf_diff_line_eq(&a->line[p], &b->line[p]))
		p++;
	while (q < n - p &&
	    lf_diff_line_eq(&a->line[a->n - 1 - q], &b->line[b->n - 1 - q]))
		q++;
	*lo = p > LF_DIFF_CONTEXT ? p - LF_DIFF_CONTEXT : 0;
	*tail = q > LF_DIFF_CONTEXT ? q - LF_DIFF_CONTEXT : 0;
}

/* Put the lines of t to search into idx and return their number: all
 * but those of [lo, hi) that are not among the n lines of other, which
 * are marked changed.
 */
static long lf_diff_keep(__isl_keep struct lf_diff_text *t, long lo, long hi,
	__isl_keep const struct lf_diff_line *other, long n, long *idx)
{
	long k = 0;
	long i;

	for (i = 0; i < t->n; ++i) {
		if (i >= lo && i < hi && !bsearch(&t->line[i], other, n,
				sizeof(*other), lf_diff_line_cmp))
			t->changed[i] = 1;
		else
			idx[k++] = i;
	}
	return k;
}

/* Choose the lines to search.  A line of the part that may differ that
 * occurs nowhere in the other text's part is changed in every diff; it
 * is left out of the search, which is then faster and less tempted to
 * match lines that are common in both.  The part is that of diff -u,
 * with LF_DIFF_CONTEXT equal lines at each end, so that both leave out
 * the same lines and mostly pick the same of several shortest diffs.
 * Return 0, or -1 if allocation fails.
 */
static int lf_diff_choose(__isl_keep struct lf_diff_search *s)
{
	struct lf_diff_text *a = s->a;
	struct lf_diff_text *b = s->b;
	struct lf_diff_line *sa;
	struct lf_diff_line *sb;
	long lo;
	long tail;

	lf_diff_ends(a, b, &lo, &tail);
	sa = lf_diff_sorted(a, lo, a->n - tail);
	sb = lf_diff_sorted(b, lo, b->n - tail);
	if (sa && sb) {
		s->nx = lf_diff_keep(a, lo, a->n - tail, sb,
				b->n - tail - lo, s->xi);
		s->ny = lf_diff_keep(b, lo, b->n - tail, sa,
				a->n - tail - lo, s->yi);
	}
	free(sa);
	free(sb);
	return sa && sb ? 0 : -1;
}

/* Mark the lines that the diff of a and b deletes and inserts.
 * Return 0, or -1 if allocation fails.
 */
static int lf_diff_changes(__isl_keep struct lf_diff_text *a,
	__isl_keep struct lf_diff_text *b)
{
	struct lf_diff_search s;
	long n = a->n + b->n + 3;
	long *v = malloc(2 * n * sizeof(*v));
	int r = -1;

	s.a = a;
	s.b = b;
	s.xi = malloc((a->n + 1) * sizeof(*s.xi));
	s.yi = malloc((b->n + 1) * sizeof(*s.yi));
	if (v && s.xi && s.yi && lf_diff_choose(&s) == 0) {
		s.fwd = v + b->n + 1;
		s.bwd = v + n + b->n + 1;
		lf_diff_compare(&s, 0, s.nx, 0, s.ny);
		r = 0;
	}
	free(v);
	free(s.xi);
	free(s.yi);
	if (r == 0 && (lf_diff_slide(a, b) < 0 || lf_diff_slide(b, a) < 0))
		r = -1;
	return r;
}

/* Return the number of unchanged lines from line i of a and line j of b
 * on, which pair, up to the next change or the end.
 */
static long lf_diff_same_run(__isl_keep const struct lf_diff_text *a,
	__isl_keep const struct lf_diff_text *b, long i, long j)
{
	long k = 0;

	while (i + k < a->n && !a->changed[i + k] &&
	    j + k < b->n && !b->changed[j + k])
		k++;
	return k;
}

/* Move (*i, *j) from the start of a change to the end of its hunk:
 * changes with at most 2 * LF_DIFF_CONTEXT unchanged lines between them
 * share a hunk, which ends LF_DIFF_CONTEXT lines after its last change
 * or at the end of the texts.
 */
static void lf_diff_hunk_end(__isl_keep const struct lf_diff_text *a,
	__isl_keep const struct lf_diff_text *b, long *i, long *j)
{
	long k;

	for (;;) {
		*i = lf_diff_run_end(a, *i);
		*j = lf_diff_run_end(b, *j);
		k = lf_diff_same_run(a, b, *i, *j);
		if (k > 2 * LF_DIFF_CONTEXT ||
		    (*i + k == a->n && *j + k == b->n))
			break;
		*i += k;
		*j += k;
	}
	k = k < LF_DIFF_CONTEXT ? k : LF_DIFF_CONTEXT;
	*i += k;
	*j += k;
}

/* Print line i of t after mark, and the marker of a missing newline.
 */
static void lf_diff_print_line(__isl_keep struct lf_buf *out, char mark,
	__isl_keep const struct lf_diff_text *t, long i)
{
	const struct lf_diff_line *l = &t->line[i];

	lf_buf_add_char(out, mark);
	lf_buf_add(out, l->text, l->len);
	if (l->text[l->len - 1] != '\n')
		lf_buf_add_str(out, "\n\\ No newline at end of file\n");
}

/* Print the n lines from line "from" (counted from 0) as a hunk header
 * does: the first line counted from 1, then ",n" unless n is 1; no lines
 * are named by the line before them.
 */
static void lf_diff_print_range(__isl_keep struct lf_buf *out, long from,
	long n)
{
	if (n == 1)
		lf_buf_printf(out, "%ld", from + 1);
	else
		lf_buf_printf(out, "%ld,%ld", n > 0 ? from + 1 : from, n);
}

/* Print the hunk of lines [i, i1) of a and [j, j1) of b: unchanged lines
 * once, from a, each change's deletions before its insertions.
 */
static void lf_diff_print_hunk(__isl_keep struct lf_buf *out,
	__isl_keep const struct lf_diff_text *a,
	__isl_keep const struct lf_diff_text *b, long i, long i1, long j,
	long j1)
{
	lf_buf_add_str(out, "@@ -");
	lf_diff_print_range(out, i, i1 - i);
	lf_buf_add_str(out, " +");
	lf_diff_print_range(out, j, j1 - j);
	lf_buf_add_str(out, " @@\n");
	while (i < i1 || j < j1) {
		if (i < i1 && a->changed[i]) {
			lf_diff_print_line(out, '-', a, i++);
		} else if (j < j1 && b->changed[j]) {
			lf_diff_print_line(out, '+', b, j++);
		} else {
			lf_diff_print_line(out, ' ', a, i++);
			j++;
		}
	}
}

/* Print the headers and the hunks of the diff of a and b, if they differ.
 */
static void lf_diff_print(__isl_keep struct lf_buf *out,
	__isl_keep const char *old_path, __isl_keep const char *new_path,
	__isl_keep const struct lf_diff_text *a,
	__isl_keep const struct lf_diff_text *b)
{
	long i = 0;
	long j = 0;

	for (;;) {
		long k = lf_diff_same_run(a, b, i, j);
		long context = k < LF_DIFF_CONTEXT ? k : LF_DIFF_CONTEXT;
		long i1 = i + k;
		long j1 = j + k;

		if (i1 == a->n && j1 == b->n)
			return;
		if (i == 0 && j == 0)	/* the first hunk */
			lf_buf_printf(out, "--- a/%s\n+++ b/%s\n",
				old_path, new_path);
		i = i1 - context;
		j = j1 - context;
		lf_diff_hunk_end(a, b, &i1, &j1);
		lf_diff_print_hunk(out, a, b, i, i1, j, j1);
		i = i1;
		j = j1;
	}
}

/* See lf_diff.h; the four steps are described at the top of this file.
 */
__isl_give char *lf_diff_unified(__isl_keep const char *old_path,
	__isl_keep const char *new_path, __isl_keep const char *old_text,
	unsigned old_len, __isl_keep const char *new_text, unsigned new_len)
{
	struct lf_diff_text a = { NULL, 0, NULL };
	struct lf_diff_text b = { NULL, 0, NULL };
	struct lf_buf out;
	char *res = NULL;

	lf_buf_init(&out);
	if (lf_diff_text_split(&a, old_text, old_len) == 0 &&
	    lf_diff_text_split(&b, new_text, new_len) == 0 &&
	    lf_diff_changes(&a, &b) == 0) {
		lf_diff_print(&out, old_path, new_path, &a, &b);
		res = lf_buf_take(&out);
	}
	lf_diff_text_free(&a);
	lf_diff_text_free(&b);
	return res;
}
