/* SPDX-License-Identifier: MIT */
/* realpath is an XSI function. */
#define _XOPEN_SOURCE 700

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <clang-c/CXCompilationDatabase.h>

#include "lf_buf.h"
#include "lf_compdb.h"

/* Options that take a path, given apart ("-I", "dir") or joined
 * ("-Idir", "--sysroot=dir"), and are made absolute.
 */
static const char *const lf_compdb_path_opts[] = {
	"-I", "-isystem", "-iquote", "-idirafter", "-include", "-imacros",
	"-isysroot", "-F", "--sysroot=", "--sysroot", NULL
};

/* Options dropped with the argument that follows them. */
static const char *const lf_compdb_drop_with_arg[] = {
	"-o", "-MF", "-MT", "-MQ", NULL
};

/* Options dropped alone. */
static const char *const lf_compdb_drop[] = {
	"-c", "--", NULL
};

/* Options dropped, and any option starting with them ("-ofile",
 * "-MD").
 */
static const char *const lf_compdb_drop_prefix[] = {
	"-o", "-M", NULL
};

/* Is "s" one of the strings of "list"? */
static int lf_compdb_is_one_of(__isl_keep const char *s,
	__isl_keep const char *const *list)
{
	for (; *list; ++list)
		if (!strcmp(s, *list))
			return 1;
	return 0;
}

/* Does "s" start with one of the strings of "list"? */
static int lf_compdb_starts_with_one_of(__isl_keep const char *s,
	__isl_keep const char *const *list)
{
	for (; *list; ++list)
		if (!strncmp(s, *list, strlen(*list)))
			return 1;
	return 0;
}

/* "path" made absolute from "dir": dir/path, or path if it is absolute. */
static __isl_give char *lf_compdb_absolute(__isl_keep const char *dir,
	__isl_keep const char *path)
{
	struct lf_buf buf;

	lf_buf_init(&buf);
	if (path[0] != '/' && path[0])
		lf_buf_printf(&buf, "%s/", dir);
	lf_buf_add_str(&buf, path);
	return buf.failed ? (lf_buf_free(&buf), NULL) : lf_buf_take(&buf);
}

/* The argument "arg", with the path it carries after its first "skip"
 * bytes made absolute from "dir".
 */
static __isl_give char *lf_compdb_rebase(__isl_keep const char *dir,
	__isl_keep const char *arg, size_t skip)
{
	struct lf_buf buf;
	char *path = lf_compdb_absolute(dir, arg + skip);

	if (!path)
		return NULL;
	lf_buf_init(&buf);
	lf_buf_add(&buf, arg, skip);
	lf_buf_add_str(&buf, path);
	free(path);
	return buf.failed ? (lf_buf_free(&buf), NULL) : lf_buf_take(&buf);
}

/* The argument "arg" as loopfuse passes it on; "after_path_opt": it
 * follows an option that takes a path.
 */
static __isl_give char *lf_compdb_translate(__isl_keep const char *dir,
	__isl_keep const char *arg, int after_path_opt)
{
	const char *const *o;

	if (after_path_opt)
		return lf_compdb_absolute(dir, arg);
	for (o = lf_compdb_path_opts; *o; ++o) {
		size_t n = strlen(*o);

		if (!strncmp(arg, *o, n) && arg[n])
			return lf_compdb_rebase(dir, arg, n);
	}
	return strdup(arg);
}

/* Is argument "arg" of a command in "dir" the file "path" itself? */
static int lf_compdb_is_the_file(__isl_keep const char *dir,
	__isl_keep const char *arg, __isl_keep const char *path)
{
	char *abs = lf_compdb_absolute(dir, arg);
	char resolved[PATH_MAX];
	int same;

	if (!abs)
		return 0;
	same = realpath(abs, resolved) && !strcmp(resolved, path);
	free(abs);
	return same;
}

static int lf_compdb_push(__isl_keep struct lf_compdb_args *args,
	__isl_take char *arg)
{
	if (!arg)
		return -1;
	args->argv[args->argc++] = arg;
	return 0;
}

/* Take the arguments of "command" for the file "path" (absolute and
 * resolved) into "args".
 */
static int lf_compdb_take(CXCompileCommand command,
	__isl_keep const char *path, __isl_keep struct lf_compdb_args *args)
{
	unsigned i, n = clang_CompileCommand_getNumArgs(command);
	CXString dir_str = clang_CompileCommand_getDirectory(command);
	const char *dir = clang_getCString(dir_str);
	int r = 0, path_opt = 0;

	args->argv = calloc(n + 1, sizeof(char *));
	if (!args->argv)
		r = -1;
	for (i = 1; i < n && r == 0; ++i) {
		CXString s = clang_CompileCommand_getArg(command, i);
		const char *arg = clang_getCString(s);

		if (path_opt || (!lf_compdb_is_one_of(arg, lf_compdb_drop) &&
		    !lf_compdb_starts_with_one_of(arg, lf_compdb_drop_prefix) &&
		    !lf_compdb_is_the_file(dir, arg, path)))
			r = lf_compdb_push(args,
				lf_compdb_translate(dir, arg, path_opt));
		path_opt = !path_opt &&
			   lf_compdb_is_one_of(arg, lf_compdb_path_opts);
		if (!path_opt &&
		    lf_compdb_is_one_of(arg, lf_compdb_drop_with_arg))
			++i;
		clang_disposeString(s);
	}
	clang_disposeString(dir_str);
	return r;
}

/* Is there a readable compile_commands.json in "dir"? */
static int lf_compdb_exists(__isl_keep const char *dir)
{
	struct lf_buf json;
	int found;

	lf_buf_init(&json);
	lf_buf_printf(&json, "%s/compile_commands.json", dir);
	found = !json.failed && access(json.data, R_OK) == 0;
	lf_buf_free(&json);
	return found;
}

/* The database of "dir".  libclang would print its own complaint on
 * stderr for a directory without one, so that case is caught first.
 */
static __isl_give CXCompilationDatabase lf_compdb_open(
	__isl_keep const char *dir, FILE *err)
{
	CXCompilationDatabase_Error code = CXCompilationDatabase_NoError;
	CXCompilationDatabase db = NULL;

	if (lf_compdb_exists(dir))
		db = clang_CompilationDatabase_fromDirectory(dir, &code);
	if (code != CXCompilationDatabase_NoError || !db) {
		fprintf(err, "loopfuse: error: no compilation database in "
			"'%s' (no compile_commands.json there)\n", dir);
		return NULL;
	}
	return db;
}

/* The directory of the first compile_commands.json in the directory of
 * "path" (absolute) or above it, or NULL.
 */
static __isl_give char *lf_compdb_find(__isl_keep const char *path)
{
	char *dir = strdup(path), *slash;
	int found = 0;

	while (dir && !found && (slash = strrchr(dir, '/')) != NULL) {
		*slash = '\0';
		found = lf_compdb_exists(dir[0] ? dir : "/");
	}
	if (!found) {
		free(dir);
		return NULL;
	}
	return dir[0] ? dir : (free(dir), strdup("/"));
}

int lf_compdb_args_get(__isl_keep const char *dir,
	__isl_keep const char *path, struct lf_compdb_args *args, FILE *err)
{
	char resolved[PATH_MAX];
	CXCompilationDatabase db;
	CXCompileCommands commands;
	int r = 0;

	memset(args, 0, sizeof(*args));
	if (!realpath(path, resolved))
		return 0;
	args->database = dir ? strdup(dir) : lf_compdb_find(resolved);
	if (!args->database)
		return dir ? -1 : 0;
	db = lf_compdb_open(args->database, err);
	if (!db) {
		lf_compdb_args_clear(args);
		return -1;
	}
	commands = clang_CompilationDatabase_getCompileCommands(db, resolved);
	if (commands && clang_CompileCommands_getSize(commands) > 0)
		r = lf_compdb_take(clang_CompileCommands_getCommand(commands, 0),
				   resolved, args);
	else if (dir)
		fprintf(err, "%s:1:1: warning: the compilation database in "
			"'%s' has no command for this file; it is parsed "
			"without its flags\n", path, dir);
	clang_CompileCommands_dispose(commands);
	clang_CompilationDatabase_dispose(db);
	if (r < 0) {
		fprintf(err, "%s:1:1: error: out of memory while reading the "
			"compilation database\n", path);
		lf_compdb_args_clear(args);
	}
	return r;
}

void lf_compdb_args_clear(__isl_keep struct lf_compdb_args *args)
{
	int i;

	for (i = 0; i < args->argc; ++i)
		free(args->argv[i]);
	free(args->argv);
	free(args->database);
	memset(args, 0, sizeof(*args));
}

/* "path" made absolute from "dir", and resolved if it exists. */
static __isl_give char *lf_compdb_resolve(__isl_keep const char *dir,
	__isl_keep const char *path)
{
	char *abs = lf_compdb_absolute(dir, path);
	char resolved[PATH_MAX];

	if (!abs || !realpath(abs, resolved))
		return abs;
	free(abs);
	return strdup(resolved);
}

/* Add the file of "command" to files[0 .. *n) unless it is there or is
 * no C file.
 */
static int lf_compdb_add_file(CXCompileCommand command,
	__isl_keep char **files, int *n)
{
	CXString dir = clang_CompileCommand_getDirectory(command);
	CXString name = clang_CompileCommand_getFilename(command);
	const char *s = clang_getCString(name);
	size_t len = strlen(s);
	char *path = NULL;
	int i, r = 0;

	if (len > 2 && !strcmp(s + len - 2, ".c"))
		path = lf_compdb_resolve(clang_getCString(dir), s);
	if (len > 2 && !strcmp(s + len - 2, ".c") && !path)
		r = -1;
	for (i = 0; path && i < *n; ++i)
		if (!strcmp(files[i], path))
			break;
	if (path && i == *n)
		files[(*n)++] = path;
	else
		free(path);
	clang_disposeString(name);
	clang_disposeString(dir);
	return r;
}

int lf_compdb_files(__isl_keep const char *dir, char ***files, int *n,
	FILE *err)
{
	CXCompilationDatabase db = lf_compdb_open(dir, err);
	CXCompileCommands commands;
	unsigned i, size;
	int r = 0;

	*files = NULL;
	*n = 0;
	if (!db)
		return -1;
	commands = clang_CompilationDatabase_getAllCompileCommands(db);
	size = commands ? clang_CompileCommands_getSize(commands) : 0;
	*files = calloc(size + 1, sizeof(char *));
	if (!*files)
		r = -1;
	for (i = 0; i < size && r == 0; ++i)
		r = lf_compdb_add_file(
			clang_CompileCommands_getCommand(commands, i), *files, n);
	clang_CompileCommands_dispose(commands);
	clang_CompilationDatabase_dispose(db);
	if (r < 0)
		fprintf(err, "loopfuse: error: out of memory while reading "
			"the compilation database in '%s'\n", dir);
	return r;
}
