// DISTINCT
/*
 * Class: macros / iterators in macro arguments.
 *
 * Attacks: "#define TWICE(v) v * 2", a macro that does not parenthesise
 * its parameter, applied to an iterator: TWICE(i).  In the original the
 * argument is a single token, so that is harmless.  When a rewrite
 * replaces the iterator by an expression (here i - 1, since the nest
 * reads a[i + 1] and must run one iteration behind) and leaves out the
 * parentheses because the iterator "stands alone between parentheses",
 * TWICE(i - 1) expands to i - 1 * 2.
 */
#include <stdio.h>

#define TWICE(v) v * 2
#define N 4096

static int a[N + 1], c[N];

static void kernel(int n)
{
	for (int i = 0; i < n; i++)
		a[i] = i % 91;
	for (int i = 0; i < n; i++)
		c[i] = a[i] - a[i + 1] + TWICE(i);
}

int main(void)
{
	unsigned long long h = 0;

	a[N] = 1;
	kernel(N);
	for (int i = 0; i < N; i++)
		h = h * 31 + (unsigned)c[i];
	printf("%d %d %llx\n", c[1], c[N - 1], h);
	return 0;
}
