/* SPDX-License-Identifier: MIT */
#ifndef LF_LSP_H
#define LF_LSP_H

#include <isl/ctx.h>

/* loopfuse lsp: a language server (LSP 3.17) on stdin and stdout.  It
 * shows, in the documents an editor has open, which loop nests can be
 * fused and why others cannot, and offers the rewrite of the group of
 * nests under the cursor as a code action.
 *
 * The thread that talks to the editor (lf_lsp.c, with the state and
 * the sending of lf_lsp_server.c) takes initialize (lf_lsp_init.c),
 * keeps the documents (lf_lsp_sync.c) and answers requests; a worker
 * thread analyses each new version of a document (lf_lsp_worker.c,
 * lf_lsp_analyse.c), after which its diagnostics are published and
 * the requests for code actions that waited for it are answered
 * (lf_lsp_action.c).
 */

int lf_lsp_main(int argc, __isl_keep char **argv);

#endif
