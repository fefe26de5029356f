/* SPDX-License-Identifier: MIT */
#include <stdlib.h>
#include <string.h>

#include "lf_buf.h"
#include "lf_report.h"
#include "lf_say.h"

/* The graph of the nests of a file in Graphviz's DOT language, for the
 * HTML page: one cluster per function, one node per nest (filled in the
 * colour of its fusion group on the page), one edge per adjacent pair,
 * drawn by verdict: legal solid green, shifted dashed amber, illegal
 * bold red with the dependence that forbids fusion as its tooltip, not
 * analysable dotted grey.
 */

/* The fill colours of groups g0 .. g7, as on the page. */
static const char *const lf_dot_fill[8] = {
	"#cfe8ff", "#ffe0b3", "#d8f5c8", "#f5cfe8",
	"#fff3a8", "#d9d2ff", "#c8f0ef", "#ffd1cc"
};

/* Append "text" as the contents of a DOT string: quotes and backslashes
 * escaped, line ends as \n.
 */
static void lf_dot_add_str(__isl_keep struct lf_buf *buf,
	__isl_keep const char *text)
{
	for (; *text; ++text) {
		if (*text == '"' || *text == '\\')
			lf_buf_add_char(buf, '\\');
		if (*text == '\n')
			lf_buf_add_str(buf, "\\n");
		else if (*text != '\r')
			lf_buf_add_char(buf, *text);
	}
}

/* The number (over the file) of the group of nest i of "fn", whose
 * first group is numbered "base", or -1.
 */
static int lf_dot_group_of(__isl_keep const struct lf_audit_function *fn,
	int base, int i)
{
	int g;

	for (g = 0; g < fn->n_group; ++g)
		if (i >= fn->groups[g].first &&
		    i < fn->groups[g].first + fn->groups[g].n)
			return base + g;
	return -1;
}

static void lf_dot_nest(__isl_keep struct lf_buf *buf,
	__isl_keep const struct lf_audit_function *fn, int f, int i, int base)
{
	const struct lf_audit_nest *nest = &fn->nests[i];
	int g = lf_dot_group_of(fn, base, i);

	/* A callee's name through a pointer is an expression: no quotes. */
	if (nest->call && !strpbrk(nest->call, "\"\\"))
		lf_buf_printf(buf, "    f%dn%d [label=\"call %d\\n%s()\\n"
			      "lines %u-%u\"", f, i, i + 1, nest->call,
			      nest->loc.line, nest->end_loc.line);
	else
		lf_buf_printf(buf, "    f%dn%d [label=\"%s %d\\nlines %u-%u\"",
			      f, i, nest->call ? "call" : "nest", i + 1,
			      nest->loc.line, nest->end_loc.line);
	if (g >= 0)
		lf_buf_printf(buf, ", style=\"filled%s\", fillcolor=\"%s\", "
			      "tooltip=\"group %d\"", nest->opaque ?
			      ",dashed" : "", lf_dot_fill[g % 8], g + 1);
	else if (nest->opaque)
		lf_buf_add_str(buf, ", style=dashed");
	lf_buf_add_str(buf, "];\n");
}

static void lf_dot_pair(__isl_keep struct lf_buf *buf,
	__isl_keep const struct lf_audit_pair *pair, int f)
{
	static const char *const style[LF_VERDICT_N] = {
		"color=\"#2e7d32\"",
		"color=\"#b26a00\", style=dashed",
		"color=\"#c62828\", style=bold",
		"color=\"#757575\", style=dotted",
	};
	char *label = lf_say_pair_label(pair);
	char *witness = NULL;

	if (pair->verdict != LF_VERDICT_FUSABLE && pair->reason.has_dep) {
		witness = lf_say_pair_witness(pair);
		if (!witness)
			buf->failed = 1;
	}
	if (!label)
		buf->failed = 1;
	lf_buf_printf(buf, "    f%dn%d -> f%dn%d [%s, label=\"", f,
		      pair->first, f, pair->first + 1, style[pair->verdict]);
	lf_dot_add_str(buf, label ? label : "");
	lf_buf_add_str(buf, "\"");
	if (witness) {
		lf_buf_add_str(buf, ", tooltip=\"");
		lf_dot_add_str(buf, witness);
		lf_buf_add_str(buf, "\"");
	}
	lf_buf_add_str(buf, "];\n");
	free(label);
	free(witness);
}

static void lf_dot_function(__isl_keep struct lf_buf *buf,
	__isl_keep const struct lf_audit_function *fn, int f, int base)
{
	int i;

	lf_buf_printf(buf, "  subgraph cluster_%d {\n    label=\"", f);
	lf_dot_add_str(buf, fn->name);
	lf_buf_add_str(buf, "\";\n");
	for (i = 0; i < fn->n_nest; ++i)
		lf_dot_nest(buf, fn, f, i, base);
	for (i = 0; i < fn->n_pair; ++i)
		lf_dot_pair(buf, &fn->pairs[i], f);
	lf_buf_add_str(buf, "  }\n");
}

/* The DOT source of the graph of the nests of "audit"; NULL if out of
 * memory.
 */
__isl_give char *lf_report_dot(__isl_keep const struct lf_audit *audit)
{
	struct lf_buf buf;
	int f, base = 0;

	lf_buf_init(&buf);
	lf_buf_add_str(&buf, "digraph nests {\n  rankdir=LR;\n"
		       "  node [shape=box, fontname=\"monospace\"];\n"
		       "  edge [fontname=\"sans-serif\", fontsize=10];\n");
	for (f = 0; f < audit->n_function; ++f) {
		if (audit->functions[f].n_nest == 0)
			continue;
		lf_dot_function(&buf, &audit->functions[f], f, base);
		base += audit->functions[f].n_group;
	}
	lf_buf_add_str(&buf, "}\n");
	return lf_buf_take(&buf);
}
