// DISTINCT
/*
 * Class: comments and strings / CRLF files and line splices.
 *
 * Attacks: a file with CRLF line ends, and a // comment inside the
 * first nest's header that ends in a backslash before the CRLF (a
 * line splice in gcc and clang).  A tool that copies the comment up to
 * the CR and then emits its own CRLF in front of the fused code makes
 * the splice swallow the fused loop's header.
 */
#include <stdio.h>

#define N 8192

static int x[N], a[N], b[N];

static void kernel(int n)
{
	for (int i = 0; i < n; i++) // triple it \

		a[i] = x[i] * 3;
	for (int i = 0; i < n; i++)
		b[i] = a[i] - 1;
}

int main(void)
{
	unsigned long long h = 0;

	for (int i = 0; i < N; i++)
		x[i] = i % 15;
	kernel(N);
	for (int i = 0; i < N; i++)
		h = h * 31 + (unsigned)b[i];
	printf("%d %llx\n", b[N - 1], h);
	return 0;
}
