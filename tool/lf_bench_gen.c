/* SPDX-License-Identifier: MIT */
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lf_bench.h"

/* What the harness of a function allocates, fills, passes and compares,
 * and the C that does it: a few functions appended to the function's
 * file (which alone can see its static globals and types), and the
 * table of the driver.
 */

/* The value a float parameter gets when --param gives none. */
#define LF_BENCH_DEFAULT_FLOAT "0.5"

static int lf_bench_gen_error(__isl_keep const struct lf_iface *iface,
	__isl_keep const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* "loopfuse: error: cannot harness F: ...": why the function cannot be
 * called from a generated harness, and what would let it.
 */
static int lf_bench_gen_error(__isl_keep const struct lf_iface *iface,
	__isl_keep const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	fprintf(stderr, "loopfuse: error: cannot harness %s: ", iface->name);
	vfprintf(stderr, fmt, ap);
	fprintf(stderr, "\n");
	va_end(ap);
	return -1;
}

/* The --param or --extent for "name", marked used; NULL if none. */
static __isl_keep struct lf_bench_setting *lf_bench_gen_setting(
	__isl_keep struct lf_bench_options *options, __isl_keep const char *name)
{
	int i;

	for (i = 0; i < options->n_setting; ++i) {
		struct lf_bench_setting *s = &options->settings[i];

		if (strlen(name) == s->name_len &&
		    !strncmp(s->name, name, s->name_len)) {
			s->used = 1;
			return s;
		}
	}
	return NULL;
}

static int lf_bench_gen_is_int(enum lf_iface_elem e)
{
	return e == LF_IFACE_ELEM_SIGNED || e == LF_IFACE_ELEM_UNSIGNED ||
	       e == LF_IFACE_ELEM_BOOL;
}

static int lf_bench_gen_is_float(enum lf_iface_elem e)
{
	return e == LF_IFACE_ELEM_FLOAT || e == LF_IFACE_ELEM_DOUBLE ||
	       e == LF_IFACE_ELEM_LONG_DOUBLE;
}

/* Add the C spelling of "value", the value of v, to buf: an integer
 * or a finite number as the user gave it, checked.
 */
static int lf_bench_gen_value(__isl_keep const struct lf_iface *iface,
	__isl_keep const struct lf_iface_var *v, __isl_keep const char *value,
	__isl_keep struct lf_buf *buf)
{
	char *end;

	errno = 0;
	if (lf_bench_gen_is_int(v->elem)) {
		long long i = strtoll(value, &end, 0);

		if (*end || end == value || errno)
			return lf_bench_gen_error(iface, "'%s' is an integer, "
				"not '%s'", v->name, value);
		lf_buf_printf(buf, "%lld", i);
	} else {
		double d = strtod(value, &end);

		if (*end || end == value || !isfinite(d))
			return lf_bench_gen_error(iface, "'%s' needs a finite "
				"number, not '%s'", v->name, value);
		lf_buf_printf(buf, "%.17g", d);
	}
	return 0;
}

/* Add a buffer to the harness. */
static int lf_bench_gen_add(__isl_keep struct lf_bench_harness *h,
	enum lf_bench_origin origin, __isl_keep const struct lf_iface_var *v,
	int fill, int compare)
{
	struct lf_bench_buf *b = &h->bufs[h->n_buf++];

	b->origin = origin;
	b->var = v;
	b->extent = NULL;
	b->fill = fill;
	b->compare = compare;
	return h->n_buf - 1;
}

/* The texts a harness is made of while they are being written. */
struct lf_bench_gen {
	struct lf_buf call;
	struct lf_buf setup;
	struct lf_buf locals;
	struct lf_buf said;
};

/* Say in the summary what value "name" got. */
static void lf_bench_gen_say(__isl_keep struct lf_bench_gen *g,
	__isl_keep const char *name, __isl_keep const char *value,
	int is_default)
{
	lf_buf_printf(&g->said, "%s%s=%s%s", g->said.len ? ", " : "", name,
		      value, is_default ? " (default)" : "");
}

/* A parameter passed by value: an integer needs its value on the
 * command line (it is most likely a size); a float gets a default.
 */
static int lf_bench_gen_scalar(__isl_keep struct lf_bench_harness *h,
	__isl_keep struct lf_bench_options *options,
	__isl_keep const struct lf_iface_var *v, __isl_keep struct lf_bench_gen *g)
{
	const struct lf_iface *iface = h->iface;
	struct lf_bench_setting *s = lf_bench_gen_setting(options, v->name);
	const char *value = s ? s->value : LF_BENCH_DEFAULT_FLOAT;
	size_t at = g->call.len;

	if (s && s->is_extent)
		return lf_bench_gen_error(iface, "'%s' is not a pointer: give "
			"its value with --param %s=VALUE", v->name, v->name);
	if (lf_bench_gen_is_int(v->elem) && !s)
		return lf_bench_gen_error(iface, "integer parameter '%s' needs "
			"a value: give it with --param %s=VALUE", v->name,
			v->name);
	if (!lf_bench_gen_is_int(v->elem) && !lf_bench_gen_is_float(v->elem))
		return lf_bench_gen_error(iface, "parameter '%s' is a '%s' "
			"passed by value, which the harness cannot make",
			v->name, v->elem_type);
	if (lf_bench_gen_value(iface, v, value, &g->call) < 0)
		return -1;
	if (lf_bench_gen_is_int(v->elem))
		lf_buf_printf(&g->locals, "\t\tconst long %s = %s;\n"
			      "\t\t(void) %s;\n", v->name, g->call.data + at,
			      v->name);
	lf_bench_gen_say(g, v->name, g->call.data + at, !s);
	return 0;
}

/* The element count --extent (or --param) gives a pointer parameter. */
static int lf_bench_gen_count(__isl_keep const struct lf_iface *iface,
	__isl_keep const struct lf_iface_var *v, __isl_keep const char *value)
{
	char *end;
	long n;

	errno = 0;
	n = strtol(value, &end, 10);
	if (*end || end == value || errno || n < 1)
		return lf_bench_gen_error(iface, "the extent of '%s' must be a "
			"positive number, not '%s'", v->name, value);
	return 0;
}

/* An array or pointer parameter: a buffer the driver allocates, fills
 * and passes.  A pointer does not say how far it reaches, so the
 * command line must.
 */
static int lf_bench_gen_array(__isl_keep struct lf_bench_harness *h,
	__isl_keep struct lf_bench_options *options,
	__isl_keep const struct lf_iface_var *v, __isl_keep struct lf_bench_gen *g)
{
	const struct lf_iface *iface = h->iface;
	struct lf_bench_setting *s = lf_bench_gen_setting(options, v->name);
	int k;

	if (v->elem == LF_IFACE_ELEM_OTHER)
		return lf_bench_gen_error(iface, "the elements of '%s' are of "
			"type '%s', which the harness cannot fill", v->name,
			v->elem_type);
	if (!v->dims[0] && !s)
		return lf_bench_gen_error(iface, "'%s' is a pointer of unknown "
			"extent: give its %s with --extent %s=COUNT", v->name,
			v->n_dim > 1 ? "number of rows" : "element count",
			v->name);
	if (v->dims[0] && s)
		return lf_bench_gen_error(iface, "the extent of '%s' is known "
			"from its type ([%s]); drop --param/--extent %s",
			v->name, v->dims[0], v->name);
	if (s && lf_bench_gen_count(iface, v, s->value) < 0)
		return -1;
	k = lf_bench_gen_add(h, LF_BENCH_PARAM, v, 1, v->written &&
			     !v->is_const);
	h->bufs[k].extent = s ? s->value : NULL;
	if (s)
		lf_bench_gen_say(g, v->name, s->value, 0);
	lf_buf_printf(&g->call, "loopfuse_bench_arg[%d]", k);
	return 0;
}

/* A scalar global that --param sets: an assignment before the runs. */
static int lf_bench_gen_global_value(__isl_keep struct lf_bench_harness *h,
	__isl_keep const struct lf_iface_var *v,
	__isl_keep struct lf_bench_setting *s, __isl_keep struct lf_bench_gen *g)
{
	const struct lf_iface *iface = h->iface;
	struct lf_buf value;
	int r;

	if (v->n_dim > 0 || s->is_extent)
		return lf_bench_gen_error(iface, "'%s' is a global array, whose "
			"extents its type fixes", v->name);
	if (v->is_const || (!lf_bench_gen_is_int(v->elem) &&
			    !lf_bench_gen_is_float(v->elem)))
		return lf_bench_gen_error(iface, "the global '%s' cannot be "
			"set with --param", v->name);
	lf_buf_init(&value);
	r = lf_bench_gen_value(iface, v, s->value, &value);
	if (r == 0 && !value.failed) {
		lf_buf_printf(&g->setup, "\t%s = %s;\n", v->name, value.data);
		lf_bench_gen_say(g, v->name, value.data, 0);
	}
	lf_buf_free(&value);
	return r;
}

/* A global the function uses: filled if it is an array that C would
 * leave at zero, compared if the function may write it.  One that is
 * neither needs nothing from the harness.
 */
static int lf_bench_gen_global(__isl_keep struct lf_bench_harness *h,
	__isl_keep struct lf_bench_options *options,
	__isl_keep const struct lf_iface_var *v, __isl_keep struct lf_bench_gen *g)
{
	const struct lf_iface *iface = h->iface;
	struct lf_bench_setting *s = lf_bench_gen_setting(options, v->name);
	int fill, compare;

	if (!v->defined)
		return lf_bench_gen_error(iface, "it uses '%s', which the file "
			"declares but does not define", v->name);
	if (v->n_dim > 0 && !v->dims[0])
		return lf_bench_gen_error(iface, "it uses the global pointer "
			"'%s', whose storage the harness cannot know", v->name);
	if (s && lf_bench_gen_global_value(h, v, s, g) < 0)
		return -1;
	fill = v->n_dim > 0 && !v->has_init && !v->is_const &&
	       v->elem != LF_IFACE_ELEM_OTHER;
	compare = v->written && !v->is_const;
	if (fill || compare)
		lf_bench_gen_add(h, LF_BENCH_GLOBAL, v, fill, compare);
	return 0;
}

void lf_bench_harness_free(__isl_take struct lf_bench_harness *h)
{
	if (!h)
		return;
	free(h->bufs);
	free(h->call);
	free(h->setup);
	free(h->locals);
	free(h->settings);
	free(h);
}

static void lf_bench_gen_init(__isl_keep struct lf_bench_gen *g)
{
	lf_buf_init(&g->call);
	lf_buf_init(&g->setup);
	lf_buf_init(&g->locals);
	lf_buf_init(&g->said);
}

static void lf_bench_gen_clear(__isl_keep struct lf_bench_gen *g)
{
	lf_buf_free(&g->call);
	lf_buf_free(&g->setup);
	lf_buf_free(&g->locals);
	lf_buf_free(&g->said);
}

/* The call: every parameter, and the result where there is one to
 * compare.
 */
static int lf_bench_gen_call(__isl_keep struct lf_bench_harness *h,
	__isl_keep struct lf_bench_options *options,
	__isl_keep struct lf_bench_gen *g)
{
	const struct lf_iface *iface = h->iface;
	int i, r = 0;

	if (iface->result_type && (lf_bench_gen_is_int(iface->result) ||
				   lf_bench_gen_is_float(iface->result))) {
		lf_bench_gen_add(h, LF_BENCH_RESULT, NULL, 0, 1);
		lf_buf_add_str(&g->call, "loopfuse_bench_result = ");
	}
	lf_buf_printf(&g->call, "%s(", iface->name);
	for (i = 0; i < iface->n_param && r == 0; ++i) {
		const struct lf_iface_var *v = &iface->params[i];

		if (i > 0)
			lf_buf_add_str(&g->call, ", ");
		if (!*v->name)
			r = lf_bench_gen_error(iface, "parameter %d has no "
					       "name", i + 1);
		else if (v->n_dim == 0)
			r = lf_bench_gen_scalar(h, options, v, g);
		else
			r = lf_bench_gen_array(h, options, v, g);
	}
	lf_buf_add_str(&g->call, ");");
	return r;
}

/* Every --param and --extent must name something the harness used:
 * a misspelt name would otherwise be ignored.  And something must be
 * there to compare, or the check would prove nothing.
 */
static int lf_bench_gen_check(__isl_keep struct lf_bench_harness *h,
	__isl_keep struct lf_bench_options *options)
{
	int i, compared = 0;

	for (i = 0; i < options->n_setting; ++i) {
		struct lf_bench_setting *s = &options->settings[i];

		if (!s->used)
			return lf_bench_gen_error(h->iface, "it has no parameter "
				"and uses no global named '%.*s'",
				(int) s->name_len, s->name);
	}
	for (i = 0; i < h->n_buf; ++i)
		compared |= h->bufs[i].compare;
	if (!compared)
		return lf_bench_gen_error(h->iface, "it writes no array, global "
			"or return value whose bytes could be compared");
	return 0;
}

/* Decide what the harness of iface's function does, from its interface
 * and the command line; NULL after saying why it cannot be made.
 */
__isl_give struct lf_bench_harness *lf_bench_harness_make(
	__isl_keep const struct lf_iface *iface,
	__isl_keep struct lf_bench_options *options)
{
	struct lf_bench_harness *h = calloc(1, sizeof(*h));
	struct lf_bench_gen g;
	int i, r = 0;

	lf_bench_gen_init(&g);
	if (h)
		h->bufs = calloc(iface->n_param + iface->n_global + 1,
				 sizeof(*h->bufs));
	if (!h || !h->bufs) {
		lf_bench_harness_free(h);
		return NULL;
	}
	h->iface = iface;
	if (iface->is_variadic)
		r = lf_bench_gen_error(iface, "it takes variable arguments");
	if (r == 0)
		r = lf_bench_gen_call(h, options, &g);
	for (i = 0; i < iface->n_global && r == 0; ++i)
		r = lf_bench_gen_global(h, options, &iface->globals[i], &g);
	if (r == 0)
		r = lf_bench_gen_check(h, options);
	if (r == 0 && (g.call.failed || g.setup.failed || g.locals.failed ||
		       g.said.failed))
		r = -1;
	h->call = lf_buf_take(&g.call);
	h->setup = lf_buf_take(&g.setup);
	h->locals = lf_buf_take(&g.locals);
	h->settings = lf_buf_take(&g.said);
	lf_bench_gen_clear(&g);
	if (r < 0) {
		lf_bench_harness_free(h);
		return NULL;
	}
	return h;
}

__isl_keep const char *lf_bench_harness_name(
	__isl_keep const struct lf_bench_harness *h, int k)
{
	return h->bufs[k].var ? h->bufs[k].var->name : "the return value";
}

/* The size in bytes, the size of an element and the address of global
 * (or result) buffer k, which only the file's own code can name.
 */
static void lf_bench_gen_global_layout(__isl_keep struct lf_buf *buf,
	__isl_keep const struct lf_bench_harness *h, int k)
{
	const struct lf_iface_var *v = h->bufs[k].var;
	const char *name = v ? v->name : "loopfuse_bench_result";
	int i;

	lf_buf_printf(buf, "\tloopfuse_bench_bytes[%d] = (long) sizeof(%s);\n",
		      k, name);
	lf_buf_printf(buf, "\tloopfuse_bench_elem[%d] = (long) sizeof(%s", k,
		      name);
	for (i = 0; v && i < v->n_dim; ++i)
		lf_buf_add_str(buf, "[0]");
	lf_buf_printf(buf, ");\n\tloopfuse_bench_addr[%d] = (void *) &%s;\n",
		      k, name);
}

/* The same for parameter buffer k, from its extents, which may use the
 * integer parameters (declared as locals around it with their values).
 */
static void lf_bench_gen_param_layout(__isl_keep struct lf_buf *buf,
	__isl_keep const struct lf_bench_harness *h, int k)
{
	const struct lf_bench_buf *b = &h->bufs[k];
	const struct lf_iface_var *v = b->var;
	int i;

	lf_buf_printf(buf, "\t\tloopfuse_bench_bytes[%d] = ", k);
	for (i = 0; i < v->n_dim; ++i)
		lf_buf_printf(buf, "(long) (%s) * ",
			      i == 0 && b->extent ? b->extent : v->dims[i]);
	lf_buf_printf(buf, "(long) sizeof(%s);\n", v->elem_type);
	lf_buf_printf(buf, "\t\tloopfuse_bench_elem[%d] = (long) sizeof(%s);\n",
		      k, v->elem_type);
	lf_buf_printf(buf, "\t\tloopfuse_bench_addr[%d] = 0;\n", k);
}

static void lf_bench_gen_setup(__isl_keep struct lf_buf *buf,
	__isl_keep const struct lf_bench_harness *h)
{
	int k;

	lf_buf_add_str(buf, "/* The scalar globals --param sets; then the size "
		"in bytes, the size of an\n * element and the address of "
		"each buffer (0: the driver allocates it).\n */\n"
		"void loopfuse_bench_setup(long *loopfuse_bench_bytes, "
		"long *loopfuse_bench_elem,\n\tvoid **loopfuse_bench_addr)\n"
		"{\n");
	lf_buf_add_str(buf, h->setup);
	for (k = 0; k < h->n_buf; ++k)
		if (h->bufs[k].origin != LF_BENCH_PARAM)
			lf_bench_gen_global_layout(buf, h, k);
	lf_buf_printf(buf, "\t{\n%s", h->locals);
	for (k = 0; k < h->n_buf; ++k)
		if (h->bufs[k].origin == LF_BENCH_PARAM)
			lf_bench_gen_param_layout(buf, h, k);
	lf_buf_add_str(buf, "\t}\n}\n\n");
}

/* The text of the unit that includes the function's file ("include",
 * relative to the unit) and gives the driver what it needs: sizes,
 * addresses, and a call.  A main of the file is renamed, since the
 * driver has its own; names of the form loopfuse_bench_* are the
 * harness's (lf_bench_run.c makes sure the file has none).
 */
__isl_give char *lf_bench_harness_kernel(
	__isl_keep const struct lf_bench_harness *h,
	__isl_keep const char *include)
{
	const struct lf_iface *iface = h->iface;
	struct lf_buf buf;
	int k;

	lf_buf_init(&buf);
	lf_buf_printf(&buf, "/* The harness of %s, made by loopfuse bench: its "
		      "file, then what the\n * driver needs of it.\n */\n",
		      iface->name);
	if (iface->defines_main)
		lf_buf_add_str(&buf, "#define main loopfuse_bench_user_main\n");
	lf_buf_printf(&buf, "#include \"%s\"\n", include);
	if (iface->defines_main)
		lf_buf_add_str(&buf, "#undef main\n");
	lf_buf_add_str(&buf, "\n");
	for (k = 0; k < h->n_buf; ++k)
		if (h->bufs[k].origin == LF_BENCH_RESULT)
			lf_buf_printf(&buf, "static %s loopfuse_bench_result;"
				      "\n\n", iface->result_type);
	lf_buf_add_str(&buf, "void loopfuse_bench_setup(long *, long *, "
		"void **);\nvoid loopfuse_bench_call(void *const *);\n\n");
	lf_bench_gen_setup(&buf, h);
	lf_buf_printf(&buf, "void loopfuse_bench_call(void *const "
		      "*loopfuse_bench_arg)\n{\n\t(void) loopfuse_bench_arg;\n"
		      "\t%s\n}\n", h->call);
	return lf_buf_take(&buf);
}

/* How the driver fills an element (0: it does not). */
static int lf_bench_gen_kind(__isl_keep const struct lf_bench_buf *b)
{
	if (!b->var || !b->fill)
		return 0;
	switch (b->var->elem) {
	case LF_IFACE_ELEM_FLOAT: return 1;
	case LF_IFACE_ELEM_DOUBLE: return 2;
	case LF_IFACE_ELEM_LONG_DOUBLE: return 3;
	case LF_IFACE_ELEM_SIGNED:
	case LF_IFACE_ELEM_UNSIGNED: return 4;
	case LF_IFACE_ELEM_BOOL: return 5;
	default: return 0;
	}
}

/* The driver: its table of buffers, then its fixed text. */
__isl_give char *lf_bench_harness_driver(
	__isl_keep const struct lf_bench_harness *h)
{
	struct lf_buf buf;
	int k;

	lf_buf_init(&buf);
	lf_buf_printf(&buf, "/* The driver of the harness of %s, made by "
		      "loopfuse bench. */\n#define _POSIX_C_SOURCE 200809L\n\n"
		      "#define LFB_N %d\n", h->iface->name, h->n_buf);
	lf_buf_add_str(&buf, "static const char *const lfb_name[LFB_N] = {");
	for (k = 0; k < h->n_buf; ++k)
		lf_buf_printf(&buf, "%s\n\t\"%s\"", k ? "," : "",
			      lf_bench_harness_name(h, k));
	lf_buf_add_str(&buf, "\n};\nstatic const int lfb_kind[LFB_N] = {");
	for (k = 0; k < h->n_buf; ++k)
		lf_buf_printf(&buf, "%s %d", k ? "," : "",
			      lf_bench_gen_kind(&h->bufs[k]));
	lf_buf_add_str(&buf, " };\nstatic const int lfb_compare[LFB_N] = {");
	for (k = 0; k < h->n_buf; ++k)
		lf_buf_printf(&buf, "%s %d", k ? "," : "", h->bufs[k].compare);
	lf_buf_printf(&buf, " };\n\n%s", lf_bench_driver_text);
	return lf_buf_take(&buf);
}
