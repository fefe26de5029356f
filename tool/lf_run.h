/* SPDX-License-Identifier: MIT */
#ifndef LF_RUN_H
#define LF_RUN_H

#include <stddef.h>

#include <isl/ctx.h>

/* What the command line's run and the language server share: the isl
 * context of one file's analysis, and the handling of files whose
 * lines end in CR alone, which are analysed with LF instead (one byte
 * for another keeps every offset) and get their CRs back.
 */
__isl_give isl_ctx *lf_run_ctx_alloc(void);
int lf_run_is_cr_only(__isl_keep const char *text, size_t len);
void lf_run_replace_byte(__isl_keep char *text, size_t len, char from,
	char to);

#endif
