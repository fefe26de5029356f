/* SPDX-License-Identifier: MIT */
#include <stdlib.h>
#include <string.h>

#include "lf_buf.h"
#include "lf_depfile.h"
#include "lf_write.h"

/* Append "name" escaped for make: a backslash before a space or a
 * '#', '$' doubled.
 */
static void lf_depfile_add_name(__isl_keep struct lf_buf *buf,
	__isl_keep const char *name)
{
	for (; *name; ++name) {
		if (*name == ' ' || *name == '#')
			lf_buf_add_char(buf, '\\');
		else if (*name == '$')
			lf_buf_add_char(buf, '$');
		lf_buf_add_char(buf, *name);
	}
}

__isl_give char *lf_depfile_text(__isl_keep const char *target,
	__isl_keep const struct lf_file *file)
{
	struct lf_buf buf;
	int i;

	lf_buf_init(&buf);
	lf_depfile_add_name(&buf, target);
	lf_buf_add_str(&buf, ": ");
	lf_depfile_add_name(&buf, file->path);
	for (i = 0; i < file->n_include; ++i) {
		lf_buf_add_str(&buf, " \\\n  ");
		lf_depfile_add_name(&buf, file->includes[i]);
	}
	lf_buf_add_char(&buf, '\n');
	for (i = 0; i < file->n_include; ++i) {
		lf_buf_add_char(&buf, '\n');
		lf_depfile_add_name(&buf, file->includes[i]);
		lf_buf_add_str(&buf, ":\n");
	}
	if (buf.failed) {
		lf_buf_free(&buf);
		return NULL;
	}
	return lf_buf_take(&buf);
}

int lf_depfile_write(__isl_keep const char *path,
	__isl_keep const char *target, __isl_keep const struct lf_file *file,
	FILE *err)
{
	char *text = lf_depfile_text(target, file);
	int r;

	if (!text) {
		fprintf(err, "%s:1:1: error: out of memory while making the "
			"depfile\n", path);
		return -1;
	}
	r = lf_write_atomic(path, text, strlen(text), err);
	free(text);
	return r;
}
