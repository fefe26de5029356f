/* SPDX-License-Identifier: MIT */
#include <stdlib.h>
#include <string.h>

#include "lf_buf.h"
#include "lf_report.h"

/* The two code panes of the HTML page: the file as it is, with the nests
 * of each fusion group marked, and the file as loopfuse rewrites it,
 * with the code that replaces each group marked in the same colour.
 *
 * A pane is a list of pieces of text, each either plain or marked with
 * the number of a group (counted over the whole file); the fused code of
 * an edit that belongs to no group is marked as an edit.  Every byte is
 * HTML-escaped, and every line starts with its number.
 */

#define LF_HTML_PLAIN (-1)
#define LF_HTML_EDIT (-2)

struct lf_html_piece {
	const char *text;
	size_t len;
	int group;
};

/* The byte range of a group's nests in the original text, and the
 * ranges of each of its nests.
 */
struct lf_html_group {
	unsigned begin;
	unsigned end;
	const struct lf_audit_group *group;
};

/* Append text[0 .. len) to "buf", with &, <, >, " and ' as character
 * references, CRs dropped and NULs as U+FFFD.
 */
void lf_report_html_escape(__isl_keep struct lf_buf *buf,
	__isl_keep const char *text, size_t len)
{
	size_t i, start = 0;
	const char *ref;

	for (i = 0; i < len; ++i) {
		switch (text[i]) {
		case '&': ref = "&amp;"; break;
		case '<': ref = "&lt;"; break;
		case '>': ref = "&gt;"; break;
		case '"': ref = "&quot;"; break;
		case '\'': ref = "&#39;"; break;
		case '\r': ref = ""; break;
		case '\0': ref = "&#xFFFD;"; break;
		default: continue;
		}
		lf_buf_add(buf, text + start, i - start);
		lf_buf_add_str(buf, ref);
		start = i + 1;
	}
	lf_buf_add(buf, text + start, len - start);
}

/* Append the line number "line" of a pane. */
static void lf_html_line_number(__isl_keep struct lf_buf *buf, unsigned line)
{
	lf_buf_printf(buf, "<span class=\"ln\">%5u </span>", line);
}

/* Append piece "p" of a pane, whose next line is *line (numbered when
 * *at_start says that the piece begins a line).
 */
static void lf_html_piece_add(__isl_keep struct lf_buf *buf,
	__isl_keep const struct lf_html_piece *p, unsigned *line,
	int *at_start)
{
	const char *s = p->text, *end = p->text + p->len, *nl;

	if (p->group >= 0)
		lf_buf_printf(buf, "<span class=\"grp g%d\" data-group=\"%d\">",
			      p->group % 8, p->group + 1);
	else if (p->group == LF_HTML_EDIT)
		lf_buf_add_str(buf, "<span class=\"edit\">");
	while (s < end) {
		if (*at_start)
			lf_html_line_number(buf, (*line)++);
		nl = memchr(s, '\n', end - s);
		*at_start = nl != NULL;
		nl = nl ? nl + 1 : end;
		lf_report_html_escape(buf, s, nl - s);
		s = nl;
	}
	if (p->group != LF_HTML_PLAIN)
		lf_buf_add_str(buf, "</span>");
}

/* Append a pane titled "title" made of pieces[0 .. n). */
static void lf_html_pane(__isl_keep struct lf_buf *buf,
	__isl_keep const char *id, __isl_keep const char *title,
	__isl_keep const struct lf_html_piece *pieces, int n)
{
	unsigned line = 1;
	int i, at_start = 1;

	lf_buf_printf(buf, "<div class=\"pane\">\n<h2>%s</h2>\n"
		      "<pre class=\"code\" id=\"%s\">", title, id);
	for (i = 0; i < n; ++i)
		lf_html_piece_add(buf, &pieces[i], &line, &at_start);
	lf_buf_add_str(buf, "</pre>\n</div>\n");
}

/* The groups of "audit" in file order, numbered as the page numbers
 * them; *n is their number.  NULL if out of memory (or no group).
 */
static __isl_give struct lf_html_group *lf_html_groups(
	__isl_keep const struct lf_audit *audit, int *n)
{
	struct lf_html_group *groups;
	int f, g, total = 0;

	for (f = 0; f < audit->n_function; ++f)
		total += audit->functions[f].n_group;
	*n = 0;
	groups = calloc(total + 1, sizeof(*groups));
	if (!groups)
		return NULL;
	for (f = 0; f < audit->n_function; ++f) {
		const struct lf_audit_function *fn = &audit->functions[f];

		for (g = 0; g < fn->n_group; ++g) {
			const struct lf_audit_group *group = &fn->groups[g];

			groups[*n].group = group;
			groups[*n].begin = group->members[0].loc.offset;
			groups[(*n)++].end =
				group->members[group->n - 1].end_loc.offset;
		}
	}
	return groups;
}

/* The pieces of the original pane: the text, with each nest of a group
 * marked.  Returns their number, or -1 if out of memory.
 */
static int lf_html_original(__isl_keep const struct lf_report_view *view,
	__isl_keep const struct lf_html_group *groups, int n_group,
	__isl_give struct lf_html_piece **pieces)
{
	struct lf_html_piece *p;
	unsigned at = 0;
	int g, m, n_member = 0, n = 0;

	for (g = 0; g < n_group; ++g)
		n_member += groups[g].group->n;
	*pieces = p = calloc(2 * n_member + 1, sizeof(*p));
	if (!p)
		return -1;
	for (g = 0; g < n_group; ++g) {
		const struct lf_audit_group *group = groups[g].group;

		for (m = 0; m < group->n; ++m) {
			unsigned b = group->members[m].loc.offset;
			unsigned e = group->members[m].end_loc.offset;

			if (b < at || e < b || e > view->len)
				continue;
			p[n++] = (struct lf_html_piece)
				{ view->text + at, b - at, LF_HTML_PLAIN };
			p[n++] = (struct lf_html_piece)
				{ view->text + b, e - b, g };
			at = e;
		}
	}
	p[n++] = (struct lf_html_piece)
		{ view->text + at, view->len - at, LF_HTML_PLAIN };
	return n;
}

/* The group whose nests edit "e" replaces (or inserts into), or
 * LF_HTML_EDIT.
 */
static int lf_html_edit_group(__isl_keep const struct lf_edit *e,
	__isl_keep const struct lf_html_group *groups, int n_group)
{
	int g;

	for (g = 0; g < n_group; ++g) {
		if (e->begin == e->end &&
		    e->begin >= groups[g].begin && e->begin < groups[g].end)
			return g;
		if (e->begin < e->end &&
		    e->begin < groups[g].end && groups[g].begin < e->end)
			return g;
	}
	return LF_HTML_EDIT;
}

/* Does an edit of the view's rewrite replace (or insert into) the nests
 * of "group"?  A group the audit forms may be left as it is by the
 * rewrite, when generating its code proves too complex.
 */
int lf_report_html_applied(__isl_keep const struct lf_report_view *view,
	__isl_keep const struct lf_audit_group *group)
{
	struct lf_html_group range;
	int i;

	range.group = group;
	range.begin = group->members[0].loc.offset;
	range.end = group->members[group->n - 1].end_loc.offset;
	for (i = 0; i < view->n_edit; ++i)
		if (lf_html_edit_group(&view->edits[i], &range, 1) == 0)
			return 1;
	return 0;
}

static int lf_html_cmp_edit(const void *a, const void *b)
{
	const struct lf_edit *const *x = a, *const *y = b;
	int x_ins = (*x)->begin == (*x)->end, y_ins = (*y)->begin == (*y)->end;

	if ((*x)->begin != (*y)->begin)
		return (*x)->begin < (*y)->begin ? -1 : 1;
	if (x_ins != y_ins)
		return x_ins ? -1 : 1;
	return *x < *y ? -1 : *x > *y;
}

/* The pieces of the fused pane: the text with the edits applied in the
 * order lf_edit_apply applies them, each edit's text marked.  Returns
 * their number, or -1 if out of memory or the edits do not fit.
 */
static int lf_html_fused(__isl_keep const struct lf_report_view *view,
	__isl_keep const struct lf_html_group *groups, int n_group,
	__isl_give struct lf_html_piece **pieces)
{
	const struct lf_edit **order;
	struct lf_html_piece *p;
	unsigned at = 0;
	int i, n = 0;

	order = calloc(view->n_edit + 1, sizeof(*order));
	*pieces = p = calloc(2 * view->n_edit + 1, sizeof(*p));
	if (!order || !p) {
		free(order);
		return -1;
	}
	for (i = 0; i < view->n_edit; ++i)
		order[i] = &view->edits[i];
	qsort(order, view->n_edit, sizeof(*order), &lf_html_cmp_edit);
	for (i = 0; i < view->n_edit && n >= 0; ++i) {
		const struct lf_edit *e = order[i];

		if (e->begin < at || e->end > view->len) {
			n = -1;
			break;
		}
		p[n++] = (struct lf_html_piece)
			{ view->text + at, e->begin - at, LF_HTML_PLAIN };
		p[n++] = (struct lf_html_piece) { e->text ? e->text : "",
			e->text ? strlen(e->text) : 0,
			lf_html_edit_group(e, groups, n_group) };
		at = e->end;
	}
	if (n >= 0)
		p[n++] = (struct lf_html_piece)
			{ view->text + at, view->len - at, LF_HTML_PLAIN };
	free(order);
	return n;
}

/* Append the two panes side by side.  Marks "buf" failed if out of
 * memory or if the edits do not fit the text.
 */
void lf_report_html_code(__isl_keep struct lf_buf *buf,
	__isl_keep const struct lf_audit *audit,
	__isl_keep const struct lf_report_view *view)
{
	struct lf_html_group *groups;
	struct lf_html_piece *before = NULL, *after = NULL;
	int n_group, n_before = -1, n_after = -1;

	groups = lf_html_groups(audit, &n_group);
	if (groups) {
		n_before = lf_html_original(view, groups, n_group, &before);
		n_after = lf_html_fused(view, groups, n_group, &after);
	}
	if (n_before < 0 || n_after < 0) {
		buf->failed = 1;
	} else {
		lf_buf_add_str(buf, "<section id=\"code\" class=\"panes\">\n");
		lf_html_pane(buf, "original", "Original", before, n_before);
		lf_html_pane(buf, "fused", "Fused", after, n_after);
		lf_buf_add_str(buf, "</section>\n");
	}
	free(before);
	free(after);
	free(groups);
}
