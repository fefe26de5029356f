/* SPDX-License-Identifier: MIT */
#ifndef LF_LSP_URI_H
#define LF_LSP_URI_H

#include <isl/ctx.h>

__isl_give char *lf_lsp_uri_path(__isl_keep const char *uri);

#endif
