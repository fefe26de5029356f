// DISTINCT
/*
 * Class: macros / iterators in macro arguments.
 *
 * Attacks: an iterator passed to a function-like macro that uses its
 * parameter twice, SQ(i) with "#define SQ(x) ((x) * (x))", in a nest
 * that must run one iteration behind the one before it (it reads
 * a[i + 1]).  In the syntax tree the argument's one spelling yields two
 * references to i at the same place: a tool that substitutes every
 * reference it finds there writes the replacement twice
 * ("SQ(i - 1i - 1)", which is even valid GNU C, an imaginary constant).
 */
#include <stdio.h>

#define SQ(x) ((x) * (x))
#define N 5000

static long a[N + 1], c[N];

static void kernel(int n)
{
	for (int i = 0; i < n; i++)
		a[i] = i * 3L;
	for (int i = 0; i < n; i++)
		c[i] = a[i] + a[i + 1] + SQ(i);
}

int main(void)
{
	unsigned long long h = 0;

	a[N] = 7;
	kernel(N);
	for (int i = 0; i < N; i++)
		h = h * 31 + (unsigned long long)c[i];
	printf("%ld %ld %llx\n", c[0], c[N - 1], h);
	return 0;
}
