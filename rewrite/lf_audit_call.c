/* SPDX-License-Identifier: MIT */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "lf_audit.h"
#include "lf_grow.h"

/* The audit of a function that calls operators next to its loops
 * (lf_file.calls).  As the rewrite does, it analyses the function in
 * lf_file.expanded, where every call that can stand for its callee's
 * nests is replaced by them, and then speaks of the file itself: the
 * nests of one call become one member of the run, named by the call; a
 * call that stays a call is a member that cannot be modeled, with the
 * reason; every location moves back to the file's text, a location
 * inside a call's nests to the call.  Groups are those the rewrite
 * takes: a group that holds part of a call's nests, or the nests of one
 * call alone, is not one (the call stays as written).
 */

/* The function audited: "file", whose runs are those of "src" (the file
 * itself or file->expanded), and the index of the function.
 */
struct lf_audit_call_ctx {
	struct lf_file *file;
	struct lf_file *src;
	int f;
};

/* Does "c" stand for its nests in ctx->src?
 */
static int lf_audit_call_expands(__isl_keep struct lf_audit_call_ctx *ctx,
	__isl_keep struct lf_call *c)
{
	return ctx->src != ctx->file && c->text;
}

/* The index of the call whose nests hold offset "at" of ctx->src, or
 * -1.
 */
static int lf_audit_call_at(__isl_keep struct lf_audit_call_ctx *ctx,
	unsigned at)
{
	int i;

	for (i = 0; i < ctx->file->n_call; ++i) {
		struct lf_call *c = &ctx->file->calls[i];

		if (lf_audit_call_expands(ctx, c) && at >= c->exp_begin &&
		    at < c->exp_end)
			return i;
	}
	return -1;
}

/* The offset in the file's text of offset "at" of ctx->src: inside a
 * call's nests, the call's; elsewhere, moved back by the difference in
 * length of the calls before it.
 */
static unsigned lf_audit_call_offset(__isl_keep struct lf_audit_call_ctx *ctx,
	unsigned at)
{
	long shift = 0;
	int i;

	for (i = 0; i < ctx->file->n_call; ++i) {
		struct lf_call *c = &ctx->file->calls[i];

		if (!lf_audit_call_expands(ctx, c))
			continue;
		if (at < c->exp_begin)
			break;
		if (at < c->exp_end)
			return c->begin;
		shift += (long) (c->exp_end - c->exp_begin) -
			 (long) (c->end - c->begin);
	}
	return (unsigned) ((long) at - shift);
}

/* Move "loc" (of ctx->src) to the file's text; a location that is not
 * set (line 0) stays so.
 */
static void lf_audit_call_loc(__isl_keep struct lf_audit_call_ctx *ctx,
	struct lf_loc *loc)
{
	if (ctx->src == ctx->file || loc->line == 0)
		return;
	*loc = lf_file_loc(ctx->file, lf_audit_call_offset(ctx, loc->offset));
}

/* Move the locations of "reason" and its causes to the file's text.
 * A loop mismatch names the line of the nest it is at.
 */
static void lf_audit_call_reason(__isl_keep struct lf_audit_call_ctx *ctx,
	__isl_keep struct lf_reason *reason)
{
	for (; reason; reason = reason->cause) {
		lf_audit_call_loc(ctx, &reason->loc);
		lf_audit_call_loc(ctx, &reason->loc1);
		lf_audit_call_loc(ctx, &reason->loc2);
		if (reason->why == LF_WHY_DIRECTION)
			reason->n1 = reason->loc.line;
	}
}

/* Move an access of a dependence to the file's text; its nest becomes
 * member key[nest - first].
 */
static void lf_audit_call_ref(__isl_keep struct lf_audit_call_ctx *ctx,
	__isl_keep struct lf_audit_ref *ref, const int *key, int first)
{
	lf_audit_call_loc(ctx, &ref->loc);
	lf_audit_call_loc(ctx, &ref->stmt_loc);
	ref->nest = key[ref->nest - first];
}

static void lf_audit_call_dep(__isl_keep struct lf_audit_call_ctx *ctx,
	__isl_keep struct lf_audit_dep *dep, const int *key, int first)
{
	lf_audit_call_ref(ctx, &dep->source, key, first);
	lf_audit_call_ref(ctx, &dep->sink, key, first);
}

static void lf_audit_call_audit_reason(__isl_keep struct lf_audit_call_ctx *ctx,
	__isl_keep struct lf_audit_reason *reason, const int *key)
{
	lf_audit_call_reason(ctx, reason->reason);
	if (reason->has_dep)
		lf_audit_call_dep(ctx, &reason->dep, key, 0);
}

/* Members. */

/* Is file->text[begin, end) nothing but white space and comments?
 */
static int lf_audit_call_is_gap(__isl_keep const char *text, unsigned begin,
	unsigned end)
{
	while (begin < end) {
		const char *p = text + begin;

		if (isspace((unsigned char) *p)) {
			begin++;
		} else if (begin + 1 < end && p[0] == '/' && p[1] == '*') {
			for (begin += 2; begin + 1 < end &&
			     !(text[begin] == '*' && text[begin + 1] == '/');
			     ++begin)
				;
			if (begin + 1 >= end)
				return 0;
			begin += 2;
		} else if (begin + 1 < end && p[0] == '/' && p[1] == '/') {
			while (begin < end && text[begin] != '\n')
				begin++;
		} else {
			return 0;
		}
	}
	return 1;
}

/* Is call i a call of function ctx->f?
 */
static int lf_audit_call_in(__isl_keep struct lf_audit_call_ctx *ctx, int i)
{
	struct lf_function *fn = &ctx->file->functions[ctx->f];

	return ctx->file->calls[i].begin >= fn->body_begin &&
	       ctx->file->calls[i].end <= fn->body_end;
}

/* Start a member of "fn" for call "c", in run "run".
 */
static __isl_keep struct lf_audit_nest *lf_audit_call_member(
	__isl_keep struct lf_audit_function *fn,
	__isl_keep struct lf_audit_call_ctx *ctx, __isl_keep struct lf_call *c,
	int run)
{
	struct lf_audit_nest *m;

	if (LF_GROW(fn->nests, fn->n_nest) < 0)
		return NULL;
	m = &fn->nests[fn->n_nest++];
	memset(m, 0, sizeof(*m));
	m->call = strdup(c->callee);
	m->run = run;
	m->loc = c->loc;
	m->end_loc = lf_file_loc(ctx->file, c->end);
	return m->call ? m : NULL;
}

/* Add call "c", which stays a call, as an opaque member of "fn".  Its
 * reason is why it stays one; a call that has a text stays one only
 * because the file with it replaced could not be parsed.
 */
static int lf_audit_call_kept(__isl_keep struct lf_audit_function *fn,
	__isl_keep struct lf_audit_call_ctx *ctx, __isl_keep struct lf_call *c)
{
	struct lf_audit_nest *m = lf_audit_call_member(fn, ctx, c, -1);
	struct lf_reason *reason;

	if (!m)
		return -1;
	m->opaque = 1;
	if (c->refused) {
		m->reason.reason = lf_reason_copy(c->refused);
		return m->reason.reason ? 0 : -1;
	}
	reason = lf_reason_alloc(LF_WHY_CALL_KEPT, c->loc, NULL, c->callee);
	if (reason)
		reason->cause = lf_reason_alloc(LF_WHY_FAILED, c->loc, NULL,
						NULL);
	m->reason.reason = reason;
	return reason && reason->cause ? 0 : -1;
}

/* Take the model of "nest" (its loops or why it is opaque) into
 * member "m", over what "m" had, unless "m" is opaque already: the
 * member of a call is opaque if one of its nests is, and otherwise has
 * the loops of its last nest.
 */
static void lf_audit_call_take(__isl_keep struct lf_audit_call_ctx *ctx,
	__isl_keep struct lf_audit_nest *m, __isl_keep struct lf_audit_nest *nest)
{
	if (m->opaque)
		return;
	lf_audit_strs_free(m->iters, m->perfect);
	m->opaque = nest->opaque;
	m->reason = nest->reason;
	m->depth = nest->depth;
	m->perfect = nest->perfect;
	m->iters = nest->iters;
	memset(&nest->reason, 0, sizeof(nest->reason));
	nest->iters = NULL;
	nest->perfect = 0;
	lf_audit_call_reason(ctx, m->reason.reason);
}

/* Add to "fn" the calls of the function that stay calls and start
 * before offset "before" of the file, from call *next on.
 */
static int lf_audit_call_kept_before(__isl_keep struct lf_audit_function *fn,
	__isl_keep struct lf_audit_call_ctx *ctx, int *next, unsigned before)
{
	struct lf_file *file = ctx->file;

	for (; *next < file->n_call && file->calls[*next].begin < before;
	     ++*next) {
		struct lf_call *c = &file->calls[*next];

		if (!lf_audit_call_in(ctx, *next) ||
		    lf_audit_call_expands(ctx, c))
			continue;
		if (lf_audit_call_kept(fn, ctx, c) < 0)
			return -1;
	}
	return 0;
}

/* Make the members of "fn" from the nests of "tmp" (the function's
 * nests in ctx->src) and the calls; of[i] gets the member of nest i.
 */
static int lf_audit_call_members(__isl_keep struct lf_audit_function *fn,
	__isl_keep struct lf_audit_function *tmp,
	__isl_keep struct lf_audit_call_ctx *ctx, int *of)
{
	int i, next = 0, last = -1, ci;
	struct lf_audit_nest *m;

	for (i = 0; i < tmp->n_nest; ++i) {
		struct lf_audit_nest *nest = &tmp->nests[i];

		ci = lf_audit_call_at(ctx, nest->loc.offset);
		if (lf_audit_call_kept_before(fn, ctx, &next,
			lf_audit_call_offset(ctx, nest->loc.offset)) < 0)
			return -1;
		if (ci < 0 || ci != last) {
			m = ci < 0 ? NULL : lf_audit_call_member(fn, ctx,
					&ctx->file->calls[ci], nest->run);
			if (ci >= 0 && !m)
				return -1;
			if (ci >= 0)
				m->n_call_nest = ctx->file->calls[ci].n_nest;
		}
		last = ci;
		of[i] = fn->n_nest - 1;
		if (ci >= 0) {
			lf_audit_call_take(ctx, &fn->nests[of[i]], nest);
			continue;
		}
		if (LF_GROW(fn->nests, fn->n_nest) < 0)
			return -1;
		of[i] = fn->n_nest;
		m = &fn->nests[fn->n_nest++];
		*m = *nest;
		memset(nest, 0, sizeof(*nest));
		lf_audit_call_loc(ctx, &m->loc);
		lf_audit_call_loc(ctx, &m->end_loc);
		lf_audit_call_reason(ctx, m->reason.reason);
	}
	return lf_audit_call_kept_before(fn, ctx, &next, ctx->file->len + 1);
}

/* Pairs. */

/* Move the pairs of "tmp" between nests of different members into
 * "fn", as pairs of those members; free the others.
 */
static int lf_audit_call_move_pairs(__isl_keep struct lf_audit_function *fn,
	__isl_keep struct lf_audit_function *tmp,
	__isl_keep struct lf_audit_call_ctx *ctx, const int *of)
{
	int i;

	for (i = 0; i < tmp->n_pair; ++i) {
		struct lf_audit_pair *p = &tmp->pairs[i];

		if (of[p->first] == of[p->first + 1]) {
			lf_audit_pair_clear(p);
			continue;
		}
		if (LF_GROW(fn->pairs, fn->n_pair) < 0)
			return -1;
		fn->pairs[fn->n_pair] = *p;
		memset(p, 0, sizeof(*p));
		p = &fn->pairs[fn->n_pair++];
		p->first = of[p->first];
		lf_audit_call_audit_reason(ctx, &p->reason, of);
		if (p->limit)
			lf_audit_call_audit_reason(ctx, p->limit, of);
		lf_audit_call_reason(ctx, p->plan_reason);
	}
	return 0;
}

/* Is member k of "fn" a call that stays a call?
 */
static int lf_audit_call_is_kept(__isl_keep struct lf_audit_function *fn,
	int k)
{
	return fn->nests[k].call && fn->nests[k].n_call_nest == 0;
}

/* Does "fn" have a pair of members k and k + 1?
 */
static int lf_audit_call_has_pair(__isl_keep struct lf_audit_function *fn,
	int k)
{
	int i;

	for (i = 0; i < fn->n_pair; ++i)
		if (fn->pairs[i].first == k)
			return 1;
	return 0;
}

/* Add the pair of members k and k + 1, next to each other in the file
 * and one of them a call that stays a call: not analysable, for the
 * reason the call stays one.
 */
static int lf_audit_call_kept_pair(__isl_keep struct lf_audit_function *fn,
	__isl_keep struct lf_file *file, int k)
{
	struct lf_audit_pair *p;
	int where = lf_audit_call_is_kept(fn, k) ? 1 : 2;

	if (!lf_audit_call_is_kept(fn, k) && !lf_audit_call_is_kept(fn, k + 1))
		return 0;
	if (lf_audit_call_has_pair(fn, k) ||
	    fn->nests[k].end_loc.offset > fn->nests[k + 1].loc.offset ||
	    !lf_audit_call_is_gap(file->text, fn->nests[k].end_loc.offset,
				  fn->nests[k + 1].loc.offset))
		return 0;
	if (LF_GROW(fn->pairs, fn->n_pair) < 0)
		return -1;
	p = &fn->pairs[fn->n_pair++];
	memset(p, 0, sizeof(*p));
	p->first = k;
	p->verdict = LF_VERDICT_NOT_ANALYSABLE;
	p->reason.where = where;
	p->reason.reason = lf_reason_copy(
		fn->nests[k + where - 1].reason.reason);
	return p->reason.reason ? 0 : -1;
}

static int lf_audit_call_cmp_pair(const void *a, const void *b)
{
	const struct lf_audit_pair *x = a, *y = b;

	return x->first < y->first ? -1 : x->first > y->first;
}

/* Groups. */

/* Collapse "group", whose k-th nest is member key[k] (in order): one
 * member per call, with the call's location and the first of its
 * nests' iterators and shift; the dependences' nests become members,
 * and every location moves to the file's text.  Names the calls.
 */
static int lf_audit_call_collapse(__isl_keep struct lf_audit_group *group,
	__isl_keep struct lf_audit_call_ctx *ctx, const int *key)
{
	int k, j, n = key[group->n - 1] - key[0] + 1, ci;

	for (k = 0; k < group->n_dep; ++k)
		lf_audit_call_dep(ctx, &group->deps[k], key, group->first);
	group->calls = calloc(n + 1, sizeof(char *));
	if (!group->calls)
		return -1;
	for (k = 0, j = -1; k < group->n; ++k) {
		struct lf_audit_member *m = &group->members[k];

		if (key[k] - key[0] == j) {
			lf_audit_strs_free(m->iters, group->depth);
			continue;
		}
		j = key[k] - key[0];
		ci = lf_audit_call_at(ctx, m->loc.offset);
		group->members[j] = *m;
		memmove(group->shift[j], group->shift[k], sizeof(group->shift[k]));
		m = &group->members[j];
		lf_audit_call_loc(ctx, &m->loc);
		lf_audit_call_loc(ctx, &m->end_loc);
		if (ci < 0)
			continue;
		m->end_loc = lf_file_loc(ctx->file, ctx->file->calls[ci].end);
		group->calls[group->n_call] =
			strdup(ctx->file->calls[ci].callee);
		if (!group->calls[group->n_call++])
			return -1;
	}
	group->n = n;
	group->first = key[0];
	lf_audit_call_loc(ctx, &group->loc);
	return 0;
}

/* Does the rewrite take "group" of "tmp", whose nest i is member of[i]
 * of "fn": does it hold no part of a call's nests and not the nests of
 * one call alone?
 */
static int lf_audit_call_takes(__isl_keep struct lf_audit_function *fn,
	__isl_keep struct lf_audit_function *tmp,
	__isl_keep struct lf_audit_group *group, const int *of)
{
	int a = group->first, b = group->first + group->n - 1;

	if (of[a] == of[b] && fn->nests[of[a]].call)
		return 0;
	if (a > 0 && of[a - 1] == of[a])
		return 0;
	return b + 1 >= tmp->n_nest || of[b + 1] != of[b];
}

/* The pairs of members first .. last - 1 are not fused after all.
 */
static void lf_audit_call_unfuse(__isl_keep struct lf_audit_function *fn,
	int first, int last)
{
	int i;

	for (i = 0; i < fn->n_pair; ++i)
		if (fn->pairs[i].first >= first && fn->pairs[i].first < last)
			fn->pairs[i].fused = 0;
}

static int lf_audit_call_move_groups(__isl_keep struct lf_audit_function *fn,
	__isl_keep struct lf_audit_function *tmp,
	__isl_keep struct lf_audit_call_ctx *ctx, const int *of)
{
	int i;

	for (i = 0; i < tmp->n_group; ++i) {
		struct lf_audit_group *g = &tmp->groups[i];

		if (!lf_audit_call_takes(fn, tmp, g, of)) {
			lf_audit_call_unfuse(fn, of[g->first],
					     of[g->first + g->n - 1]);
			lf_audit_group_clear(g);
			continue;
		}
		if (LF_GROW(fn->groups, fn->n_group) < 0)
			return -1;
		fn->groups[fn->n_group] = *g;
		memset(g, 0, sizeof(*g));
		g = &fn->groups[fn->n_group++];
		if (lf_audit_call_collapse(g, ctx, of + g->first) < 0)
			return -1;
	}
	return 0;
}

/* Does function ctx->f have a call that stands for its nests in
 * file->expanded?
 */
static int lf_audit_call_any(__isl_keep struct lf_audit_call_ctx *ctx)
{
	int i;

	for (i = 0; i < ctx->file->n_call; ++i)
		if (lf_audit_call_in(ctx, i) && ctx->file->calls[i].text)
			return 1;
	return 0;
}

/* Audit the runs of function f of "file" into "fn" (its name and
 * location set), with the calls next to its loops as members.
 */
int lf_audit_calls(__isl_keep struct lf_audit_function *fn,
	__isl_keep struct lf_file *file, int f,
	__isl_keep const struct lf_options *options)
{
	struct lf_audit_call_ctx ctx = { file, file, f };
	struct lf_audit_function tmp;
	int i, n = 0, r = 0, *of;

	if (file->expanded && lf_audit_call_any(&ctx))
		ctx.src = file->expanded;
	memset(&tmp, 0, sizeof(tmp));
	for (i = 0; i < ctx.src->n_run && r == 0; ++i)
		if (ctx.src->runs[i]->function == f)
			r = lf_audit_run(&tmp, ctx.src->runs[i], n++, options);
	of = calloc(tmp.n_nest + 1, sizeof(int));
	if (r < 0 || !of || lf_audit_call_members(fn, &tmp, &ctx, of) < 0 ||
	    lf_audit_call_move_pairs(fn, &tmp, &ctx, of) < 0)
		r = -1;
	for (i = 0; r == 0 && i + 1 < fn->n_nest; ++i)
		r = lf_audit_call_kept_pair(fn, file, i);
	if (r == 0 && fn->n_pair > 1)
		qsort(fn->pairs, fn->n_pair, sizeof(*fn->pairs),
		      &lf_audit_call_cmp_pair);
	if (r == 0)
		r = lf_audit_call_move_groups(fn, &tmp, &ctx, of);
	free(of);
	lf_audit_function_clear(&tmp);
	return r;
}

/* Move the explanation "group" of a group of file->expanded that the
 * rewrite took to the file's text: one member per call.
 */
int lf_audit_call_explain(__isl_keep struct lf_audit_group *group,
	__isl_keep struct lf_file *file)
{
	struct lf_audit_call_ctx ctx = { file, file->expanded, -1 };
	int k, ci, last = -1, *key = calloc(group->n + 1, sizeof(int));

	if (!key)
		return -1;
	for (k = 0; k < group->n; ++k) {
		ci = lf_audit_call_at(&ctx, group->members[k].loc.offset);
		key[k] = k == 0 ? group->first :
			 key[k - 1] + (ci < 0 || ci != last);
		last = ci;
	}
	k = lf_audit_call_collapse(group, &ctx, key);
	free(key);
	return k;
}

/* The offset in file->text of offset "at" of file->expanded (inside a
 * call's nests, the call's).
 */
unsigned lf_audit_call_move_offset(__isl_keep struct lf_file *file,
	unsigned at)
{
	struct lf_audit_call_ctx ctx = { file, file->expanded, -1 };

	return lf_audit_call_offset(&ctx, at);
}

/* Move the locations of "reason", a reason about file->expanded, and
 * of its causes to the file's text.
 */
void lf_audit_call_move_reason(__isl_keep struct lf_reason *reason,
	__isl_keep struct lf_file *file)
{
	struct lf_audit_call_ctx ctx = { file, file->expanded, -1 };

	lf_audit_call_reason(&ctx, reason);
}
