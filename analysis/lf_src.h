/* SPDX-License-Identifier: MIT */
#ifndef LF_SRC_H
#define LF_SRC_H

#include <clang-c/Index.h>
#include <isl/ctx.h>

/* The main file as clang's lexer and preprocessor see it: its tokens
 * (comments included) and the macro expansions in it, with byte offsets.
 * Whatever the front end needs to know about the text between cursors
 * (where a statement really ends, what lies between two loops, which
 * comments a rewrite must keep, whether code expands __LINE__) is
 * answered from here, never by scanning the text by hand.
 *
 * The translation unit must have been parsed with
 * CXTranslationUnit_DetailedPreprocessingRecord.
 */
struct lf_src;

__isl_give struct lf_src *lf_src_alloc(CXTranslationUnit tu, CXFile main_file,
	unsigned len);
void lf_src_free(__isl_take struct lf_src *src);

int lf_src_range(__isl_keep struct lf_src *src, CXSourceRange range,
	unsigned *begin, unsigned *end);
unsigned lf_src_stmt_end(__isl_keep struct lf_src *src, unsigned end);
int lf_src_ends_with(__isl_keep struct lf_src *src, unsigned end, char c);
unsigned lf_src_first_token(__isl_keep struct lf_src *src, unsigned begin,
	unsigned end);
int lf_src_is_gap(__isl_keep struct lf_src *src, unsigned begin, unsigned end);
int lf_src_comment(__isl_keep struct lf_src *src, unsigned *begin,
	unsigned *end, unsigned limit);
int lf_src_long_token(__isl_keep struct lf_src *src,
	__isl_keep const char *text, unsigned *begin, unsigned *end,
	unsigned limit);
int lf_src_directive(__isl_keep struct lf_src *src, unsigned begin,
	unsigned end, unsigned *at);
int lf_src_in_expansion(__isl_keep struct lf_src *src, unsigned offset);
int lf_src_expansion_at(__isl_keep struct lf_src *src, unsigned offset);
int lf_src_in_hash_macro(__isl_keep struct lf_src *src, unsigned offset);
int lf_src_uses_function_name(__isl_keep struct lf_src *src, unsigned begin,
	unsigned end, unsigned *at);
int lf_src_uses_line(__isl_keep struct lf_src *src, unsigned begin,
	unsigned end, unsigned *at);
int lf_src_line_uses(__isl_keep struct lf_src *src, unsigned **offsets);
int lf_src_macro_is_atom(__isl_keep struct lf_src *src, unsigned offset);
int lf_src_is_brackets(__isl_keep struct lf_src *src, unsigned begin,
	unsigned end);
int lf_src_idents(__isl_keep struct lf_src *src, char ***idents);
int lf_src_each_ident(__isl_keep struct lf_src *src, unsigned begin,
	unsigned end, int (*fn)(const char *name, unsigned offset, void *user),
	void *user);

#endif
