/* SPDX-License-Identifier: MIT */
#include <stdlib.h>
#include <string.h>

#include "lf_include.h"

/* Where the visitor collects: the file, and whether memory ran out. */
struct lf_include_data {
	struct lf_file *file;
	int failed;
};

/* Is "path" among the includes collected so far? */
static int lf_include_has(__isl_keep const struct lf_file *file,
	__isl_keep const char *path)
{
	int i;

	for (i = 0; i < file->n_include; ++i)
		if (!strcmp(file->includes[i], path))
			return 1;
	return 0;
}

/* Add "path" (which this takes) to the includes of "file". */
static int lf_include_add(__isl_keep struct lf_file *file,
	__isl_take char *path)
{
	char **includes;

	if (!path)
		return -1;
	includes = realloc(file->includes,
			   (file->n_include + 1) * sizeof(char *));
	if (!includes) {
		free(path);
		return -1;
	}
	file->includes = includes;
	file->includes[file->n_include++] = path;
	return 0;
}

/* clang_getInclusions calls this for every file of the unit; the main
 * file, which comes with no inclusion stack, is not an include.
 */
static void lf_include_visit(CXFile included,
	__isl_keep CXSourceLocation *stack,
	unsigned depth, CXClientData user)
{
	struct lf_include_data *data = user;
	CXString name;
	const char *path;

	if (depth == 0 || data->failed)
		return;
	name = clang_getFileName(included);
	path = clang_getCString(name);
	if (path && *path && !lf_include_has(data->file, path) &&
	    lf_include_add(data->file, strdup(path)) < 0)
		data->failed = 1;
	clang_disposeString(name);
}

int lf_include_collect(CXTranslationUnit tu, __isl_keep struct lf_file *file)
{
	struct lf_include_data data = { file, 0 };

	clang_getInclusions(tu, &lf_include_visit, &data);
	return data.failed ? -1 : 0;
}
