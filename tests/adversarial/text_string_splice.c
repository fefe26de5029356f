// DISTINCT
/*
 * Class: comments and strings / string literals across lines.
 *
 * Attacks: a string literal continued on the next line with a
 * backslash-newline; the continuation line starts with the same
 * white space as the statement, and that white space is part of the
 * string.  A tool that re-indents the lines of a statement it moves
 * into a deeper block (a guard of a shifted loop, a tile loop) changes
 * the string, and sizeof of it.
 */
#include <stdio.h>

#define N 4096

static int a[N + 1], c[N];

static void kernel(int n)
{
	for (int i = 0; i < n; i++)
		a[i] = i % 50;
	for (int i = 0; i < n; i++)
		c[i] = a[i] + a[i + 1] + (int)sizeof("label: \
		value");
}

int main(void)
{
	unsigned long long h = 0;

	a[N] = 3;
	kernel(N);
	for (int i = 0; i < N; i++)
		h = h * 31 + (unsigned)c[i];
	printf("%d %d %llx\n", c[0], c[N - 1], h);
	return 0;
}
