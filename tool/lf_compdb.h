/* SPDX-License-Identifier: MIT */
#ifndef LF_COMPDB_H
#define LF_COMPDB_H

#include <stdio.h>

#include <isl/ctx.h>

/* The flags a project builds a file with, from its compilation database
 * (compile_commands.json), read through libclang's CompilationDatabase.
 *
 * The database is that of the directory given with -p, or else the
 * first compile_commands.json found in the file's directory or one
 * above it (as clang-tidy finds it).  Of the file's first command, the
 * compiler, the file itself, -c, -o and the -M options (which would
 * write files) are dropped; relative paths of -I and its kin are made
 * absolute from the command's directory, since loopfuse runs in
 * another.
 */
struct lf_compdb_args {
	int argc;
	char **argv;
	char *database;
};

/* Fill "args" with the flags of "path" from the database of "dir"
 * (NULL: look upward from the file).  For a file it does not list, a
 * database infers the command from a file near it (as libclang's
 * does for clangd).  No database found upward, or no command at all,
 * leaves args empty (with a warning on err when "dir" is given).  A "dir" with no database
 * is an error: "loopfuse: error: ..." is printed to err and -1
 * returned.
 */
int lf_compdb_args_get(__isl_keep const char *dir,
	__isl_keep const char *path, struct lf_compdb_args *args, FILE *err);
void lf_compdb_args_clear(__isl_keep struct lf_compdb_args *args);

/* Every C file (name ending in .c) the database of "dir" has a command
 * for, each once, in its order, as absolute paths; stored in *files
 * (*n of them).  Return -1 after printing an error, else 0.
 */
int lf_compdb_files(__isl_keep const char *dir, char ***files, int *n,
	FILE *err);

#endif
