/* SPDX-License-Identifier: MIT */
#include <stdlib.h>
#include <string.h>

#include "lf_buf.h"
#include "lf_report.h"
#include "lf_rules.h"
#include "lf_say.h"

/* loopfuse --check as one self-contained HTML page: the original and the
 * fused code side by side with each fusion group in its colour (the same
 * in both panes and in the graph), the groups, the verdict on every pair
 * of adjacent nests, and the graph of the nests: drawn by Graphviz as
 * inline SVG when the view has one, else as a table.  Nothing is loaded
 * from elsewhere; every text of the file or of the audit is escaped.
 */

static const char lf_html_style[] =
"body{font-family:sans-serif;margin:1em 2em;color:#222}\n"
"h1{font-size:1.3em}h2{font-size:1.1em;margin:.6em 0 .3em}\n"
".panes{display:flex;gap:1em;align-items:flex-start}\n"
".pane{flex:1 1 0;min-width:0}\n"
"pre.code{font-size:12px;line-height:1.35;border:1px solid #ccc;"
"padding:.4em;overflow-x:auto;background:#fafafa;margin:0}\n"
".ln{color:#999;user-select:none}\n"
".grp{display:inline}\n"
".g0{background:#cfe8ff}.g1{background:#ffe0b3}.g2{background:#d8f5c8}\n"
".g3{background:#f5cfe8}.g4{background:#fff3a8}.g5{background:#d9d2ff}\n"
".g6{background:#c8f0ef}.g7{background:#ffd1cc}\n"
".edit{background:#eeeeee}\n"
"table{border-collapse:collapse;margin:.3em 0 1em}\n"
"td,th{border:1px solid #ccc;padding:.2em .5em;text-align:left;"
"vertical-align:top;font-size:13px}\n"
".fusable{color:#2e7d32}.fusable-with-shift{color:#b26a00}\n"
".illegal{color:#c62828;font-weight:bold}.not-analysable{color:#757575}\n"
"code.rel{font-size:11px;color:#555}\n"
".unapplied,li.remark{color:#8a4b00}\n";

/* Append "text" escaped (nothing for NULL, after marking "buf" failed:
 * the string could not be made).
 */
static void lf_html_add(__isl_keep struct lf_buf *buf,
	__isl_keep const char *text)
{
	if (!text) {
		buf->failed = 1;
		return;
	}
	lf_report_html_escape(buf, text, strlen(text));
}

/* As lf_html_add, then free "text". */
static void lf_html_take(__isl_keep struct lf_buf *buf, __isl_take char *text)
{
	lf_html_add(buf, text);
	free(text);
}

static void lf_html_head(__isl_keep struct lf_buf *buf,
	__isl_keep const struct lf_audit *audit)
{
	lf_buf_add_str(buf, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n"
		       "<meta charset=\"utf-8\">\n<title>loopfuse: ");
	lf_html_add(buf, audit->path);
	lf_buf_add_str(buf, "</title>\n<style>\n");
	lf_buf_add_str(buf, lf_html_style);
	lf_buf_add_str(buf, "</style>\n</head>\n<body>\n<h1>loopfuse: <code>");
	lf_html_add(buf, audit->path);
	lf_buf_add_str(buf, "</code></h1>\n<p id=\"summary\">");
	lf_html_take(buf, lf_report_summary(audit));
	lf_buf_add_str(buf, "</p>\n");
}

/* The list of fusion groups, each in its colour, with those that the
 * rewrite left as they are said so.
 */
static void lf_html_group_list(__isl_keep struct lf_buf *buf,
	__isl_keep const struct lf_audit *audit,
	__isl_keep const struct lf_report_view *view)
{
	int f, g, k = 0;

	lf_buf_add_str(buf, "<section id=\"groups\">\n<h2>Fusion groups</h2>\n"
		       "<ul>\n");
	for (f = 0; f < audit->n_function; ++f) {
		const struct lf_audit_function *fn = &audit->functions[f];

		for (g = 0; g < fn->n_group; ++g, ++k) {
			lf_buf_printf(buf, "<li><span class=\"grp g%d\" "
				      "data-group=\"%d\">group %d</span> in ",
				      k % 8, k + 1, k + 1);
			lf_html_add(buf, fn->name);
			lf_buf_add_str(buf, ": ");
			lf_html_take(buf, lf_report_group_title(&fn->groups[g]));
			if (!lf_report_html_applied(view, &fn->groups[g]))
				lf_buf_add_str(buf, " <em class=\"unapplied\">("
					       LF_SAY_UNAPPLIED ")</em>");
			lf_buf_add_str(buf, "</li>\n");
		}
	}
	lf_buf_add_str(buf, "</ul>\n</section>\n");
}

/* What the rewrite said (the lines loopfuse prints on stderr), in the
 * order the rewrite made them.
 */
static void lf_html_messages(__isl_keep struct lf_buf *buf,
	__isl_keep const struct lf_audit *audit,
	__isl_keep const struct lf_report_view *view)
{
	int i;

	lf_buf_add_str(buf, "<section id=\"messages\">\n<h2>Messages of the "
		       "rewrite</h2>\n<ul>\n");
	for (i = 0; i < view->n_message; ++i) {
		const struct lf_message *m = &view->messages[i];

		lf_buf_printf(buf, "<li class=\"%s\">", lf_say_message_kind(m));
		lf_html_add(buf, audit->path);
		lf_buf_printf(buf, ":%u:%u: %s: ", m->loc.line, m->loc.col,
			      lf_say_message_kind(m));
		lf_html_take(buf, lf_say_message(m));
		lf_buf_add_str(buf, "</li>\n");
	}
	lf_buf_add_str(buf, "</ul>\n</section>\n");
}

/* One row of the table of verdicts. */
static void lf_html_pair(__isl_keep struct lf_buf *buf,
	__isl_keep const struct lf_audit_function *fn,
	__isl_keep const struct lf_audit_pair *pair)
{
	lf_buf_add_str(buf, "<tr><td>");
	lf_html_take(buf, lf_report_pair_title(fn, pair));
	lf_buf_printf(buf, "</td><td class=\"%s\">",
		      lf_verdict_name(pair->verdict));
	lf_html_take(buf, lf_report_pair_verdict(fn, pair));
	lf_buf_printf(buf, "</td><td>%s</td><td>%s</td></tr>\n",
		      lf_rules()[lf_rule_of_pair(pair)].id,
		      pair->fused ? "yes" : "no");
}

static void lf_html_pairs(__isl_keep struct lf_buf *buf,
	__isl_keep const struct lf_audit *audit)
{
	int f, i;

	lf_buf_add_str(buf, "<section id=\"pairs\">\n<h2>Pairs of nests</h2>\n"
		       "<table>\n<tr><th>pair</th><th>verdict</th>"
		       "<th>rule</th><th>fused</th></tr>\n");
	for (f = 0; f < audit->n_function; ++f) {
		const struct lf_audit_function *fn = &audit->functions[f];

		for (i = 0; i < fn->n_pair; ++i)
			lf_html_pair(buf, fn, &fn->pairs[i]);
	}
	lf_buf_add_str(buf, "</table>\n</section>\n");
}

/* One row of the graph as a table: the edge between two nests. */
static void lf_html_edge(__isl_keep struct lf_buf *buf,
	__isl_keep const struct lf_audit_function *fn,
	__isl_keep const struct lf_audit_pair *pair)
{
	lf_buf_add_str(buf, "<tr><td>");
	lf_html_add(buf, fn->name);
	lf_buf_printf(buf, "</td><td>nest %d</td><td>nest %d</td>"
		      "<td class=\"%s\">", pair->first + 1, pair->first + 2,
		      lf_verdict_name(pair->verdict));
	lf_html_take(buf, lf_say_pair_label(pair));
	lf_buf_add_str(buf, "</td><td>");
	if (pair->verdict != LF_VERDICT_FUSABLE && pair->reason.has_dep) {
		lf_html_take(buf, lf_say_pair_witness(pair));
		if (pair->reason.dep.relation) {
			lf_buf_add_str(buf, "<br><code class=\"rel\">");
			lf_html_add(buf, pair->reason.dep.relation);
			lf_buf_add_str(buf, "</code>");
		}
	}
	lf_buf_add_str(buf, "</td></tr>\n");
}

/* The graph of the nests: the SVG of the view, or a table of its edges. */
static void lf_html_graph(__isl_keep struct lf_buf *buf,
	__isl_keep const struct lf_audit *audit, __isl_keep const char *svg)
{
	int f, i;

	lf_buf_add_str(buf, "<section id=\"graph\">\n"
		       "<h2>Dependences between nests</h2>\n");
	if (svg) {
		lf_buf_add_str(buf, "<div class=\"svg\">\n");
		lf_buf_add_str(buf, svg);
		lf_buf_add_str(buf, "</div>\n</section>\n");
		return;
	}
	lf_buf_add_str(buf, "<table id=\"edges\">\n<tr><th>function</th>"
		       "<th>from</th><th>to</th><th>verdict</th>"
		       "<th>witness</th></tr>\n");
	for (f = 0; f < audit->n_function; ++f) {
		const struct lf_audit_function *fn = &audit->functions[f];

		for (i = 0; i < fn->n_pair; ++i)
			lf_html_edge(buf, fn, &fn->pairs[i]);
	}
	lf_buf_add_str(buf, "</table>\n</section>\n");
}

/* The page; NULL if out of memory or if the edits of the view do not
 * fit its text.
 */
__isl_give char *lf_report_html(__isl_keep const struct lf_audit *audit,
	__isl_keep const struct lf_report_view *view)
{
	struct lf_buf buf;

	lf_buf_init(&buf);
	lf_html_head(&buf, audit);
	lf_report_html_code(&buf, audit, view);
	lf_html_group_list(&buf, audit, view);
	lf_html_messages(&buf, audit, view);
	lf_html_pairs(&buf, audit);
	lf_html_graph(&buf, audit, view->svg);
	lf_buf_add_str(&buf, "</body>\n</html>\n");
	return lf_buf_take(&buf);
}
