/* SPDX-License-Identifier: MIT */
#include <stdlib.h>
#include <string.h>

#include "lf_grow.h"
#include "lf_parse_errors.h"

/* The front end's errors as data (see lf_parse_errors.h). */

/* Keep an error with a copy of "message" and "file" (which may be
 * NULL).  Return -1 when out of memory, after setting errors->failed.
 */
int lf_parse_errors_add(__isl_keep struct lf_parse_errors *errors,
	__isl_keep const char *message, int in_main, unsigned begin,
	unsigned end, __isl_keep const char *file, unsigned line,
	unsigned col)
{
	struct lf_parse_error *e;

	if (!errors->collect)
		return 0;
	if (errors->n >= LF_PARSE_ERRORS_MAX) {
		errors->dropped++;
		return 0;
	}
	if (LF_GROW(errors->list, errors->n) < 0) {
		errors->failed = 1;
		return -1;
	}
	e = &errors->list[errors->n];
	e->message = strdup(message);
	e->file = file ? strdup(file) : NULL;
	if (!e->message || (file && !e->file)) {
		free(e->message);
		free(e->file);
		errors->failed = 1;
		return -1;
	}
	e->in_main = in_main;
	e->begin = begin;
	e->end = end < begin ? begin : end;
	e->line = line;
	e->col = col;
	errors->n++;
	return 0;
}

void lf_parse_errors_clear(__isl_keep struct lf_parse_errors *errors)
{
	int i;

	for (i = 0; i < errors->n; ++i) {
		free(errors->list[i].message);
		free(errors->list[i].file);
	}
	free(errors->list);
	errors->list = NULL;
	errors->n = 0;
	errors->dropped = 0;
	errors->failed = 0;
}
