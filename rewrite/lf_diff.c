#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "lf_buf.h"
#include "lf_diff.h"

/* The diff follows GNU diff step by step (identical ends, equivalence
 * classes, discarding of confusing lines, Myers' divide and conquer
 * search, boundary shifting) because each step influences which of
 * the equally short diffs comes out, and the output is meant to be
 * the one users get from "diff -u".
 */

#define LF_DIFF_CONTEXT		3
#define LF_DIFF_MIN_EXPENSIVE	4096

/* One of the two texts, split into lines.
 * Line i is the bytes [start[i], start[i + 1]), including its newline
 * if it has one; only the last line can lack it (missing_newline).
 * The lines [prefix, prefix + n_mid) are the ones analyzed;
 * equiv, changed, undiscarded and realindex are indexed relative
 * to prefix.  changed has a zero flag before and after the analyzed lines.
 */
struct lf_diff_file {
	const char *text;
	unsigned len;
	int missing_newline;
	long n_line;
	unsigned *start;
	long prefix;
	long n_mid;
	long *equiv;
	char *changed_space;
	char *changed;
	long *undiscarded;
	long *realindex;
	long n_undiscarded;
};

struct lf_diff_slot {
	const char *line;
	unsigned len;
	unsigned long hash;
	long equiv;
};

/* A hash table of the distinct analyzed lines of both texts.
 * Equivalence classes are numbered from 1.
 */
struct lf_diff_classes {
	struct lf_diff_slot *slot;
	size_t mask;
	long n_class;
};

struct lf_diff_part {
	long xmid;
	long ymid;
	int lo_minimal;
	int hi_minimal;
};

/* The state of the search for the middle snake of the box
 * [xoff, xlim) x [yoff, ylim) on diagonals d = x - y.
 */
struct lf_diff_search {
	long xoff;
	long xlim;
	long yoff;
	long ylim;
	long dmin;
	long dmax;
	long fmin;
	long fmax;
	long bmin;
	long bmax;
	int odd;
};

struct lf_diff_ctx {
	struct lf_diff_file *file[2];
	const long *xv;
	const long *yv;
	long *fd;
	long *bd;
	long *diag_space;
	long too_expensive;
};

struct lf_diff_change {
	long line0;
	long line1;
	long deleted;
	long inserted;
};

struct lf_diff_script {
	struct lf_diff_change *change;
	long n;
	long alloc;
};

static int lf_diff_file_split(struct lf_diff_file *file, const char *text,
	unsigned len)
{
	unsigned i;
	long n = 0;

	memset(file, 0, sizeof(*file));
	file->text = text;
	file->len = len;
	file->missing_newline = len > 0 && text[len - 1] != '\n';
	for (i = 0; i < len; ++i)
		if (text[i] == '\n')
			n++;
	file->n_line = n + file->missing_newline;
	file->start = malloc((file->n_line + 1) * sizeof(*file->start));
	if (!file->start)
		return -1;
	file->start[0] = 0;
	n = 1;
	for (i = 0; i < len; ++i)
		if (text[i] == '\n')
			file->start[n++] = i + 1;
	file->start[file->n_line] = len;
	return 0;
}

static void lf_diff_file_free(struct lf_diff_file *file)
{
	free(file->start);
	free(file->equiv);
	free(file->changed_space);
	free(file->undiscarded);
	free(file->realindex);
}

/* Byte i of the text as GNU diff sees it: with a newline appended
 * if the last line lacks one.
 */
static unsigned char lf_diff_byte(const struct lf_diff_file *file,
	unsigned long i)
{
	if (i < file->len)
		return (unsigned char) file->text[i];
	return '\n';
}

static unsigned long lf_diff_size(const struct lf_diff_file *file)
{
	return (unsigned long) file->len + file->missing_newline;
}

/* Return the number of lines that start before byte offset "end",
 * which is the start of a line or the end of the text.
 */
static long lf_diff_lines_before(const struct lf_diff_file *file,
	unsigned long end)
{
	long lo = 0;
	long hi = file->n_line;

	while (lo < hi) {
		long mid = lo + (hi - lo) / 2;

		if (file->start[mid] < end)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* Return the offset where the identical prefix ends, moved back to the
 * start of a line and then LF_DIFF_CONTEXT more lines, so that context
 * and shifting have lines to work with.  The missing newline of one
 * text never counts as part of the prefix.
 */
static unsigned long lf_diff_prefix_end(const struct lf_diff_file *f0,
	const struct lf_diff_file *f1)
{
	unsigned long n0 = lf_diff_size(f0);
	unsigned long n1 = lf_diff_size(f1);
	unsigned long m = n0 < n1 ? n0 : n1;
	unsigned long p = 0;
	int skip = LF_DIFF_CONTEXT;

	while (p < m && lf_diff_byte(f0, p) == lf_diff_byte(f1, p))
		p++;
	if ((n0 - f0->missing_newline < p) != (n1 - f1->missing_newline < p))
		p--;
	while (p > 0) {
		if (lf_diff_byte(f0, p - 1) == '\n') {
			if (skip == 0)
				break;
			skip--;
		}
		p--;
	}
	return p;
}

/* Compute where the identical suffix begins in both texts, extended
 * forward to a line start and then by LF_DIFF_CONTEXT lines.
 * Without a common suffix, end0 and end1 are the ends of the texts.
 */
static void lf_diff_suffix_begin(const struct lf_diff_file *f0,
	const struct lf_diff_file *f1, unsigned long prefix_end,
	unsigned long *end0, unsigned long *end1)
{
	unsigned long n0 = lf_diff_size(f0);
	unsigned long n1 = lf_diff_size(f1);
	unsigned long p0 = n0;
	unsigned long p1 = n1;
	unsigned long beg0 = prefix_end + (n0 < n1 ? 0 : n0 - n1);
	unsigned long suffix;
	int lines;

	*end0 = n0;
	*end1 = n1;
	if (f0->missing_newline != f1->missing_newline)
		return;
	while (p0 != beg0 &&
	    lf_diff_byte(f0, p0 - 1) == lf_diff_byte(f1, p1 - 1)) {
		p0--;
		p1--;
	}
	suffix = p0;
	lines = LF_DIFF_CONTEXT +
		!((p0 == 0 || lf_diff_byte(f0, p0 - 1) == '\n') &&
		  (p1 == 0 || lf_diff_byte(f1, p1 - 1) == '\n'));
	while (lines-- > 0 && p0 != n0)
		while (lf_diff_byte(f0, p0++) != '\n')
			;
	*end0 = p0;
	*end1 = p1 + (p0 - suffix);
}

/* Restrict the analysis to the lines between the identical ends.
 */
static void lf_diff_trim_ends(struct lf_diff_file *f0,
	struct lf_diff_file *f1)
{
	unsigned long prefix_end;
	unsigned long end0;
	unsigned long end1;

	prefix_end = lf_diff_prefix_end(f0, f1);
	lf_diff_suffix_begin(f0, f1, prefix_end, &end0, &end1);
	f0->prefix = lf_diff_lines_before(f0, prefix_end);
	f1->prefix = f0->prefix;
	f0->n_mid = lf_diff_lines_before(f0, end0) - f0->prefix;
	f1->n_mid = lf_diff_lines_before(f1, end1) - f1->prefix;
}

static unsigned long lf_diff_hash(const char *line, unsigned len)
{
	unsigned long h = 2166136261UL;
	unsigned i;

	for (i = 0; i < len; ++i)
		h = (h ^ (unsigned char) line[i]) * 16777619UL;
	return h;
}

static int lf_diff_classes_init(struct lf_diff_classes *classes, long n)
{
	size_t size = 16;

	while (size < 2 * (size_t) n)
		size *= 2;
	classes->slot = calloc(size, sizeof(*classes->slot));
	classes->mask = size - 1;
	classes->n_class = 0;
	return classes->slot ? 0 : -1;
}

/* Return the equivalence class of the given line, creating it if needed.
 */
static long lf_diff_classes_find(struct lf_diff_classes *classes,
	const char *line, unsigned len)
{
	unsigned long h = lf_diff_hash(line, len);
	size_t i = h & classes->mask;
	struct lf_diff_slot *slot;

	for (;; i = (i + 1) & classes->mask) {
		slot = &classes->slot[i];
		if (!slot->equiv)
			break;
		if (slot->hash == h && slot->len == len &&
		    memcmp(slot->line, line, len) == 0)
			return slot->equiv;
	}
	slot->line = line;
	slot->len = len;
	slot->hash = h;
	slot->equiv = ++classes->n_class;
	return slot->equiv;
}

static int lf_diff_file_classify(struct lf_diff_file *file,
	struct lf_diff_classes *classes)
{
	long i;

	file->equiv = malloc((file->n_mid + 1) * sizeof(*file->equiv));
	if (!file->equiv)
		return -1;
	for (i = 0; i < file->n_mid; ++i) {
		long line = file->prefix + i;
		unsigned begin = file->start[line];
		unsigned end = file->start[line + 1];

		file->equiv[i] = lf_diff_classes_find(classes,
					file->text + begin, end - begin);
	}
	return 0;
}

static int lf_diff_classify(struct lf_diff_file *f0, struct lf_diff_file *f1,
	long *n_class)
{
	struct lf_diff_classes classes;
	int r;

	if (lf_diff_classes_init(&classes, f0->n_mid + f1->n_mid) < 0)
		return -1;
	r = lf_diff_file_classify(f0, &classes);
	if (r >= 0)
		r = lf_diff_file_classify(f1, &classes);
	*n_class = classes.n_class;
	free(classes.slot);
	return r;
}

static int lf_diff_file_alloc(struct lf_diff_file *file)
{
	size_t n = file->n_mid + 2;

	file->changed_space = calloc(n, 1);
	file->undiscarded = malloc(n * sizeof(*file->undiscarded));
	file->realindex = malloc(n * sizeof(*file->realindex));
	if (!file->changed_space || !file->undiscarded || !file->realindex)
		return -1;
	file->changed = file->changed_space + 1;
	return 0;
}

/* Return a table counting the lines of the file in each class.
 */
static long *lf_diff_count_classes(const struct lf_diff_file *file,
	long n_class)
{
	long *count;
	long i;

	count = calloc(n_class + 1, sizeof(*count));
	if (!count)
		return NULL;
	for (i = 0; i < file->n_mid; ++i)
		count[file->equiv[i]]++;
	return count;
}

/* Mark each line matching no line of the other file as discardable (1)
 * and each line matching many lines as provisionally discardable (2).
 */
static void lf_diff_mark_discards(const struct lf_diff_file *file,
	const long *other_count, char *discards)
{
	long many = 5;
	long tem = file->n_mid / 64;
	long i;

	while ((tem = tem >> 2) > 0)
		many *= 2;
	for (i = 0; i < file->n_mid; ++i) {
		long nmatch = other_count[file->equiv[i]];

		if (nmatch == 0)
			discards[i] = 1;
		else if (nmatch > many)
			discards[i] = 2;
	}
}

/* Cancel subruns of "minimum" or more provisional discards within
 * the run of discards [i, i + length).
 */
static void lf_diff_cancel_subruns(char *discards, long i, long length)
{
	long minimum = 1;
	long tem = length >> 2;
	long consec = 0;
	long j;

	while (0 < (tem >>= 2))
		minimum <<= 1;
	minimum++;
	for (j = 0; j < length; j++) {
		if (discards[i + j] != 2)
			consec = 0;
		else if (minimum == ++consec)
			j -= consec;
		else if (minimum < consec)
			discards[i + j] = 0;
	}
}

/* Scan the run of length "length" at "i" in direction "dir" until
 * 3 nonprovisional discards in a row or the first nonprovisional
 * discard at least 8 lines in, canceling provisional discards on the way.
 */
static void lf_diff_cancel_run_end(char *discards, long i, long length,
	long dir)
{
	long consec = 0;
	long j;

	for (j = 0; j < length; j++) {
		char *d = &discards[i + dir * j];

		if (j >= 8 && *d == 1)
			break;
		if (*d == 2) {
			consec = 0;
			*d = 0;
		} else if (*d == 0) {
			consec = 0;
		} else {
			consec++;
		}
		if (consec == 3)
			break;
	}
}

/* Handle the run of discards starting at the nonprovisional discard i.
 * Return the index of its last line.
 */
static long lf_diff_filter_run(char *discards, long i, long end)
{
	long j;
	long length;
	long provisional = 0;

	for (j = i; j < end && discards[j] != 0; j++)
		if (discards[j] == 2)
			++provisional;
	while (j > i && discards[j - 1] == 2) {
		discards[--j] = 0;
		--provisional;
	}
	length = j - i;
	if (provisional * 4 > length) {
		while (j > i)
			if (discards[--j] == 2)
				discards[j] = 0;
		return i;
	}
	lf_diff_cancel_subruns(discards, i, length);
	lf_diff_cancel_run_end(discards, i, length, 1);
	lf_diff_cancel_run_end(discards, i + length - 1, length, -1);
	return i + length - 1;
}

/* Keep provisional discards only inside runs of discards that start
 * and end with nonprovisional ones.
 */
static void lf_diff_filter_discards(char *discards, long end)
{
	long i;

	for (i = 0; i < end; i++) {
		if (discards[i] == 2)
			discards[i] = 0;
		else if (discards[i] != 0)
			i = lf_diff_filter_run(discards, i, end);
	}
}

/* Set up the analyzed sequence of the file without its discarded
 * lines, which are marked as changed right away.
 */
static void lf_diff_apply_discards(struct lf_diff_file *file,
	const char *discards)
{
	long i;
	long j = 0;

	for (i = 0; i < file->n_mid; ++i) {
		if (discards[i] == 0) {
			file->undiscarded[j] = file->equiv[i];
			file->realindex[j++] = i;
		} else {
			file->changed[i] = 1;
		}
	}
	file->n_undiscarded = j;
}

/* Lines matching nothing in the other text are certainly changed;
 * leaving them out makes the search faster and steers it away from
 * matching lines that occur all over the place.
 */
static int lf_diff_discard(struct lf_diff_file *f0, struct lf_diff_file *f1,
	long n_class)
{
	struct lf_diff_file *file[2] = { f0, f1 };
	long *count[2];
	char *discards[2];
	int f;
	int r = -1;

	count[0] = lf_diff_count_classes(f0, n_class);
	count[1] = lf_diff_count_classes(f1, n_class);
	discards[0] = calloc(f0->n_mid + 1, 1);
	discards[1] = calloc(f1->n_mid + 1, 1);
	if (count[0] && count[1] && discards[0] && discards[1]) {
		for (f = 0; f < 2; ++f)
			lf_diff_mark_discards(file[f], count[1 - f],
					discards[f]);
		for (f = 0; f < 2; ++f)
			lf_diff_filter_discards(discards[f], file[f]->n_mid);
		for (f = 0; f < 2; ++f)
			lf_diff_apply_discards(file[f], discards[f]);
		r = 0;
	}
	free(count[0]);
	free(count[1]);
	free(discards[0]);
	free(discards[1]);
	return r;
}

static void lf_diff_search_init(struct lf_diff_ctx *ctx,
	struct lf_diff_search *s, long xoff, long xlim, long yoff, long ylim)
{
	long fmid = xoff - yoff;
	long bmid = xlim - ylim;

	s->xoff = xoff;
	s->xlim = xlim;
	s->yoff = yoff;
	s->ylim = ylim;
	s->dmin = xoff - ylim;
	s->dmax = xlim - yoff;
	s->fmin = s->fmax = fmid;
	s->bmin = s->bmax = bmid;
	s->odd = (fmid - bmid) & 1;
	ctx->fd[fmid] = xoff;
	ctx->bd[bmid] = xlim;
}

static void lf_diff_part_set(struct lf_diff_part *part, long x, long y,
	int lo_minimal, int hi_minimal)
{
	part->xmid = x;
	part->ymid = y;
	part->lo_minimal = lo_minimal;
	part->hi_minimal = hi_minimal;
}

/* Extend the top-down search by one edit on each diagonal.
 * Return 1 if it meets the bottom-up search, setting part.
 */
static int lf_diff_forward(struct lf_diff_ctx *ctx, struct lf_diff_search *s,
	struct lf_diff_part *part)
{
	long *fd = ctx->fd;
	long d;

	if (s->fmin > s->dmin)
		fd[--s->fmin - 1] = -1;
	else
		++s->fmin;
	if (s->fmax < s->dmax)
		fd[++s->fmax + 1] = -1;
	else
		--s->fmax;
	for (d = s->fmax; d >= s->fmin; d -= 2) {
		long x = fd[d - 1] >= fd[d + 1] ? fd[d - 1] + 1 : fd[d + 1];
		long y = x - d;

		while (x < s->xlim && y < s->ylim && ctx->xv[x] == ctx->yv[y]) {
			x++;
			y++;
		}
		fd[d] = x;
		if (s->odd && s->bmin <= d && d <= s->bmax &&
		    ctx->bd[d] <= x) {
			lf_diff_part_set(part, x, y, 1, 1);
			return 1;
		}
	}
	return 0;
}

/* Extend the bottom-up search by one edit on each diagonal.
 * Return 1 if it meets the top-down search, setting part.
 */
static int lf_diff_backward(struct lf_diff_ctx *ctx,
	struct lf_diff_search *s, struct lf_diff_part *part)
{
	long *bd = ctx->bd;
	long d;

	if (s->bmin > s->dmin)
		bd[--s->bmin - 1] = LONG_MAX;
	else
		++s->bmin;
	if (s->bmax < s->dmax)
		bd[++s->bmax + 1] = LONG_MAX;
	else
		--s->bmax;
	for (d = s->bmax; d >= s->bmin; d -= 2) {
		long x = bd[d - 1] < bd[d + 1] ? bd[d - 1] : bd[d + 1] - 1;
		long y = x - d;

		while (x > s->xoff && y > s->yoff &&
		    ctx->xv[x - 1] == ctx->yv[y - 1]) {
			x--;
			y--;
		}
		bd[d] = x;
		if (!s->odd && s->fmin <= d && d <= s->fmax &&
		    x <= ctx->fd[d]) {
			lf_diff_part_set(part, x, y, 1, 1);
			return 1;
		}
	}
	return 0;
}

/* Return the x of the forward diagonal reaching farthest in x + y,
 * setting *best to that x + y.
 */
static long lf_diff_best_forward(struct lf_diff_ctx *ctx,
	struct lf_diff_search *s, long *best)
{
	long xbest = 0;
	long d;

	*best = -1;
	for (d = s->fmax; d >= s->fmin; d -= 2) {
		long x = ctx->fd[d] < s->xlim ? ctx->fd[d] : s->xlim;
		long y = x - d;

		if (s->ylim < y) {
			x = s->ylim + d;
			y = s->ylim;
		}
		if (*best < x + y) {
			*best = x + y;
			xbest = x;
		}
	}
	return xbest;
}

/* Return the x of the backward diagonal reaching farthest back in x + y,
 * setting *best to that x + y.
 */
static long lf_diff_best_backward(struct lf_diff_ctx *ctx,
	struct lf_diff_search *s, long *best)
{
	long xbest = 0;
	long d;

	*best = LONG_MAX;
	for (d = s->bmax; d >= s->bmin; d -= 2) {
		long x = s->xoff > ctx->bd[d] ? s->xoff : ctx->bd[d];
		long y = x - d;

		if (y < s->yoff) {
			x = s->yoff + d;
			y = s->yoff;
		}
		if (x + y < *best) {
			*best = x + y;
			xbest = x;
		}
	}
	return xbest;
}

/* The search has become too expensive: split at the point of
 * the search direction that got farthest, giving up minimality.
 */
static void lf_diff_give_up(struct lf_diff_ctx *ctx, struct lf_diff_search *s,
	struct lf_diff_part *part)
{
	long fxy, bxy;
	long fx = lf_diff_best_forward(ctx, s, &fxy);
	long bx = lf_diff_best_backward(ctx, s, &bxy);

	if ((s->xlim + s->ylim) - bxy < fxy - (s->xoff + s->yoff))
		lf_diff_part_set(part, fx, fxy - fx, 1, 0);
	else
		lf_diff_part_set(part, bx, bxy - bx, 0, 1);
}

/* Find the midpoint of a shortest edit script of the box by searching
 * from both corners at once.  The first and last elements of the box
 * are known not to match.
 */
static void lf_diff_diag(struct lf_diff_ctx *ctx, long xoff, long xlim,
	long yoff, long ylim, int find_minimal, struct lf_diff_part *part)
{
	struct lf_diff_search s;
	long c;

	lf_diff_search_init(ctx, &s, xoff, xlim, yoff, ylim);
	for (c = 1;; ++c) {
		if (lf_diff_forward(ctx, &s, part))
			return;
		if (lf_diff_backward(ctx, &s, part))
			return;
		if (!find_minimal && c >= ctx->too_expensive) {
			lf_diff_give_up(ctx, &s, part);
			return;
		}
	}
}

static void lf_diff_note(struct lf_diff_file *file, long from, long to)
{
	for (; from < to; ++from)
		file->changed[file->realindex[from]] = 1;
}

static void lf_diff_compareseq(struct lf_diff_ctx *ctx, long xoff, long xlim,
	long yoff, long ylim, int find_minimal)
{
	struct lf_diff_part part;

	while (xoff < xlim && yoff < ylim && ctx->xv[xoff] == ctx->yv[yoff]) {
		xoff++;
		yoff++;
	}
	while (xoff < xlim && yoff < ylim &&
	    ctx->xv[xlim - 1] == ctx->yv[ylim - 1]) {
		xlim--;
		ylim--;
	}
	if (xoff == xlim) {
		lf_diff_note(ctx->file[1], yoff, ylim);
	} else if (yoff == ylim) {
		lf_diff_note(ctx->file[0], xoff, xlim);
	} else {
		lf_diff_diag(ctx, xoff, xlim, yoff, ylim, find_minimal, &part);
		lf_diff_compareseq(ctx, xoff, part.xmid, yoff, part.ymid,
				part.lo_minimal);
		lf_diff_compareseq(ctx, part.xmid, xlim, part.ymid, ylim,
				part.hi_minimal);
	}
}

/* The edit cost above which the search gives up on minimality,
 * roughly the square root of the input size.
 */
static long lf_diff_too_expensive(long diags)
{
	long too_expensive = 1;

	for (; diags != 0; diags >>= 2)
		too_expensive <<= 1;
	return too_expensive > LF_DIFF_MIN_EXPENSIVE ?
		too_expensive : LF_DIFF_MIN_EXPENSIVE;
}

static int lf_diff_compare(struct lf_diff_file *f0, struct lf_diff_file *f1)
{
	struct lf_diff_ctx ctx;
	long diags = f0->n_undiscarded + f1->n_undiscarded + 3;

	ctx.diag_space = malloc(2 * diags * sizeof(*ctx.diag_space));
	if (!ctx.diag_space)
		return -1;
	ctx.file[0] = f0;
	ctx.file[1] = f1;
	ctx.xv = f0->undiscarded;
	ctx.yv = f1->undiscarded;
	ctx.fd = ctx.diag_space + f1->n_undiscarded + 1;
	ctx.bd = ctx.diag_space + diags + f1->n_undiscarded + 1;
	ctx.too_expensive = lf_diff_too_expensive(diags);
	lf_diff_compareseq(&ctx, 0, f0->n_undiscarded,
			0, f1->n_undiscarded, 0);
	free(ctx.diag_space);
	return 0;
}

/* Slide a run of changes [*start, *i) of the file as far back as
 * equal lines allow, merging it with earlier runs, keeping *j
 * at the corresponding position in the other file.
 */
static void lf_diff_slide_back(const struct lf_diff_file *file,
	const char *other_changed, long *start, long *i, long *j)
{
	char *changed = file->changed;
	const long *equivs = file->equiv;

	while (*start && equivs[*start - 1] == equivs[*i - 1]) {
		changed[--*start] = 1;
		changed[--*i] = 0;
		while (changed[*start - 1])
			--*start;
		while (other_changed[--*j])
			;
	}
}

/* Slide the run forward as far as equal lines allow, merging it with
 * later runs.  Return the last position where the end of the run
 * corresponded to a run of changes in the other file, or n_mid if none.
 */
static long lf_diff_slide_forward(const struct lf_diff_file *file,
	const char *other_changed, long *start, long *i, long *j)
{
	char *changed = file->changed;
	const long *equivs = file->equiv;
	long corresponding = other_changed[*j - 1] ? *i : file->n_mid;

	while (*i != file->n_mid && equivs[*start] == equivs[*i]) {
		changed[(*start)++] = 0;
		changed[(*i)++] = 1;
		while (changed[*i])
			++*i;
		while (other_changed[++*j])
			corresponding = *i;
	}
	return corresponding;
}

/* Adjust the run of changes starting at i to join other runs where
 * possible and to align with a run in the other file.
 * Return the end of the run.
 */
static long lf_diff_shift_run(struct lf_diff_file *file,
	const char *other_changed, long i, long *j)
{
	char *changed = file->changed;
	long start = i;
	long runlength;
	long corresponding;

	while (changed[++i])
		;
	while (other_changed[*j])
		++*j;
	do {
		runlength = i - start;
		lf_diff_slide_back(file, other_changed, &start, &i, j);
		corresponding = lf_diff_slide_forward(file, other_changed,
				&start, &i, j);
	} while (runlength != i - start);
	while (corresponding < i) {
		changed[--start] = 1;
		changed[--i] = 0;
		while (other_changed[--*j])
			;
	}
	return i;
}

static void lf_diff_shift_file(struct lf_diff_file *file,
	const char *other_changed)
{
	long i = 0;
	long j = 0;

	for (;;) {
		while (i < file->n_mid && !file->changed[i]) {
			while (other_changed[j++])
				;
			i++;
		}
		if (i == file->n_mid)
			break;
		i = lf_diff_shift_run(file, other_changed, i, &j);
	}
}

static int lf_diff_script_add(struct lf_diff_script *script,
	long line0, long line1, long deleted, long inserted)
{
	struct lf_diff_change *change;

	if (script->n == script->alloc) {
		long alloc = script->alloc ? 2 * script->alloc : 16;

		change = realloc(script->change, alloc * sizeof(*change));
		if (!change)
			return -1;
		script->change = change;
		script->alloc = alloc;
	}
	change = &script->change[script->n++];
	change->line0 = line0;
	change->line1 = line1;
	change->deleted = deleted;
	change->inserted = inserted;
	return 0;
}

/* Collect the runs of changed lines into a script in absolute
 * line numbers.
 */
static int lf_diff_build_script(const struct lf_diff_file *f0,
	const struct lf_diff_file *f1, struct lf_diff_script *script)
{
	long i0 = 0;
	long i1 = 0;

	while (i0 < f0->n_mid || i1 < f1->n_mid) {
		if (f0->changed[i0] || f1->changed[i1]) {
			long line0 = i0;
			long line1 = i1;

			while (f0->changed[i0])
				i0++;
			while (f1->changed[i1])
				i1++;
			if (lf_diff_script_add(script, f0->prefix + line0,
					f1->prefix + line1, i0 - line0,
					i1 - line1) < 0)
				return -1;
		}
		i0++;
		i1++;
	}
	return 0;
}

/* Print the line range [a, b] (0-based, b < a for an empty range)
 * the way "diff -u" does: "l" for one line, "l,0" after line l for
 * no lines.
 */
static void lf_diff_print_range(struct lf_buf *out, long a, long b)
{
	a++;
	b++;
	if (b < a)
		lf_buf_printf(out, "%ld,0", b);
	else if (b == a)
		lf_buf_printf(out, "%ld", b);
	else
		lf_buf_printf(out, "%ld,%ld", a, b - a + 1);
}

static void lf_diff_print_line(struct lf_buf *out, char mark,
	const struct lf_diff_file *file, long i)
{
	unsigned begin = file->start[i];
	unsigned end = file->start[i + 1];

	lf_buf_add_char(out, mark);
	lf_buf_add(out, file->text + begin, end - begin);
	if (i == file->n_line - 1 && file->missing_newline)
		lf_buf_add_str(out, "\n\\ No newline at end of file\n");
}

/* Return the index of the last change of the hunk starting
 * at change "first": changes with fewer than 2 * LF_DIFF_CONTEXT + 1
 * unchanged lines between them share a hunk.
 */
static long lf_diff_hunk_end(const struct lf_diff_script *script, long first)
{
	long k = first;

	while (k + 1 < script->n) {
		const struct lf_diff_change *c = &script->change[k];
		long top0 = c->line0 + c->deleted;

		if (script->change[k + 1].line0 - top0 >=
		    2 * LF_DIFF_CONTEXT + 1)
			break;
		k++;
	}
	return k;
}

static long lf_diff_min(long a, long b)
{
	return a < b ? a : b;
}

static long lf_diff_max(long a, long b)
{
	return a > b ? a : b;
}

/* Print the body of a hunk covering lines [i, last0] and [j, last1]
 * with the changes [k, end].
 */
static void lf_diff_print_body(struct lf_buf *out,
	const struct lf_diff_file *f0, const struct lf_diff_file *f1,
	const struct lf_diff_script *script, long k, long end,
	long i, long j, long last0, long last1)
{
	long n;

	while (i <= last0 || j <= last1) {
		const struct lf_diff_change *c = &script->change[k];

		if (k > end || i < c->line0) {
			lf_diff_print_line(out, ' ', f0, i++);
			j++;
			continue;
		}
		for (n = 0; n < c->deleted; ++n)
			lf_diff_print_line(out, '-', f0, i++);
		for (n = 0; n < c->inserted; ++n)
			lf_diff_print_line(out, '+', f1, j++);
		k++;
	}
}

/* Print the hunk made of the changes [first, end].
 */
static void lf_diff_print_hunk(struct lf_buf *out,
	const struct lf_diff_file *f0, const struct lf_diff_file *f1,
	const struct lf_diff_script *script, long first, long end)
{
	const struct lf_diff_change *a = &script->change[first];
	const struct lf_diff_change *b = &script->change[end];
	long first0 = lf_diff_max(a->line0 - LF_DIFF_CONTEXT, 0);
	long first1 = lf_diff_max(a->line1 - LF_DIFF_CONTEXT, 0);
	long last0 = b->line0 + b->deleted - 1 + LF_DIFF_CONTEXT;
	long last1 = b->line1 + b->inserted - 1 + LF_DIFF_CONTEXT;

	last0 = lf_diff_min(last0, f0->n_line - 1);
	last1 = lf_diff_min(last1, f1->n_line - 1);
	lf_buf_add_str(out, "@@ -");
	lf_diff_print_range(out, first0, last0);
	lf_buf_add_str(out, " +");
	lf_diff_print_range(out, first1, last1);
	lf_buf_add_str(out, " @@\n");
	lf_diff_print_body(out, f0, f1, script, first, end,
			first0, first1, last0, last1);
}

/* Hand over the bytes of buf, NUL terminated even if nothing
 * was ever added to it.
 */
static char *lf_diff_take(struct lf_buf *buf)
{
	lf_buf_add(buf, "", 0);
	return lf_buf_take(buf);
}

static char *lf_diff_print(const char *old_path, const char *new_path,
	const struct lf_diff_file *f0, const struct lf_diff_file *f1,
	const struct lf_diff_script *script)
{
	struct lf_buf out;
	long k;

	lf_buf_init(&out);
	if (script->n > 0)
		lf_buf_printf(&out, "--- a/%s\n+++ b/%s\n", old_path, new_path);
	for (k = 0; k < script->n; ++k) {
		long end = lf_diff_hunk_end(script, k);

		lf_diff_print_hunk(&out, f0, f1, script, k, end);
		k = end;
	}
	return lf_diff_take(&out);
}

/* Find the changed lines of f0 and f1.
 */
static int lf_diff_analyze(struct lf_diff_file *f0, struct lf_diff_file *f1)
{
	long n_class;

	lf_diff_trim_ends(f0, f1);
	if (lf_diff_classify(f0, f1, &n_class) < 0)
		return -1;
	if (lf_diff_file_alloc(f0) < 0 || lf_diff_file_alloc(f1) < 0)
		return -1;
	if (lf_diff_discard(f0, f1, n_class) < 0)
		return -1;
	if (lf_diff_compare(f0, f1) < 0)
		return -1;
	lf_diff_shift_file(f0, f1->changed);
	lf_diff_shift_file(f1, f0->changed);
	return 0;
}

char *lf_diff_unified(const char *old_path, const char *new_path,
	const char *old_text, unsigned old_len,
	const char *new_text, unsigned new_len)
{
	struct lf_diff_file f0;
	struct lf_diff_file f1;
	struct lf_diff_script script = { NULL, 0, 0 };
	char *res = NULL;
	int r;

	r = lf_diff_file_split(&f0, old_text, old_len);
	if (r >= 0)
		r = lf_diff_file_split(&f1, new_text, new_len);
	else
		memset(&f1, 0, sizeof(f1));
	if (r >= 0)
		r = lf_diff_analyze(&f0, &f1);
	if (r >= 0)
		r = lf_diff_build_script(&f0, &f1, &script);
	if (r >= 0)
		res = lf_diff_print(old_path, new_path, &f0, &f1, &script);
	free(script.change);
	lf_diff_file_free(&f0);
	lf_diff_file_free(&f1);
	return res;
}
