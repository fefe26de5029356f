/* SPDX-License-Identifier: MIT */
#include <stdlib.h>
#include <string.h>

#include "lf_lsp_uri.h"

/* Document URIs as file names for the front end. */

static int lf_lsp_uri_hex(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* The n bytes at s with every "%XX" decoded; one that would give a NUL
 * byte, or that is not two hex digits, stays as it is.
 */
static __isl_give char *lf_lsp_uri_decode(__isl_keep const char *s, size_t n)
{
	char *out = malloc(n + 1), *o = out;
	size_t i;

	if (!out)
		return NULL;
	for (i = 0; i < n; ++i) {
		int hi = -1, lo = -1;

		if (s[i] == '%' && i + 2 < n) {
			hi = lf_lsp_uri_hex(s[i + 1]);
			lo = lf_lsp_uri_hex(s[i + 2]);
		}
		if (hi < 0 || lo < 0 || (hi == 0 && lo == 0)) {
			*o++ = s[i];
			continue;
		}
		*o++ = (char) (hi * 16 + lo);
		i += 2;
	}
	*o = '\0';
	return out;
}

/* The file name for the document "uri": the path of a file: URI
 * ("file:///home/a%20b/k.c" is "/home/a b/k.c"; a host before the path
 * is dropped), or, for a document that is no file (an editor's
 * "untitled:Untitled-1"), the last segment of the URI, which the front
 * end takes for a file in the current directory.
 */
__isl_give char *lf_lsp_uri_path(__isl_keep const char *uri)
{
	static const char scheme[] = "file://";
	const char *p = uri, *slash;

	if (!strncmp(uri, scheme, sizeof(scheme) - 1)) {
		p = uri + sizeof(scheme) - 1;
		slash = strchr(p, '/');
		if (slash)
			return lf_lsp_uri_decode(slash, strlen(slash));
	}
	slash = strrchr(p, '/');
	p = slash ? slash + 1 : strchr(p, ':') ? strchr(p, ':') + 1 : p;
	if (!*p)
		return strdup("untitled.c");
	return lf_lsp_uri_decode(p, strlen(p));
}
