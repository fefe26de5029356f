// DISTINCT
/*
 * Class: comments and strings / digraphs.
 *
 * Attacks: a directive spelled with the digraph %: instead of '#'
 * inside a loop body ("%:undef BIAS").  It is a directive all the
 * same.  A tool that recognises directives by a leading '#' rewrites
 * the nest, drops the directives and re-expands both statements with
 * the first definition.
 */
#include <stdio.h>

#define BIAS 10
#define N 8192

static int x[N], a[N], b[N], c[N];

static void kernel(int n)
{
	for (int i = 0; i < n; i++) {
		a[i] = x[i] + BIAS;
%:undef BIAS
%:define BIAS 20
		b[i] = x[i] + BIAS;
	}
	for (int i = 0; i < n; i++)
		c[i] = a[i] * b[i];
}

int main(void)
{
	unsigned long long h = 0;

	for (int i = 0; i < N; i++)
		x[i] = i % 23;
	kernel(N);
	for (int i = 0; i < N; i++)
		h = h * 31 + (unsigned)c[i];
	printf("%d %d %llx\n", c[1], BIAS, h);
	return 0;
}
