// DISTINCT
/*
 * Class: static locals in loop bodies.
 *
 * Attacks: a block in the first nest's body declares a static local
 * that accumulates across iterations (and across calls); the second
 * nest reads the first's output.  The static's state is a dependence
 * between all iterations that no array subscript shows.
 */
#include <stdio.h>

#define N 4096

static unsigned x[N], a[N], b[N];

static void kernel(int n)
{
	for (int i = 0; i < n; i++) {
		static unsigned run;

		run = run * 3u + x[i];
		a[i] = run;
	}
	for (int i = 0; i < n; i++)
		b[i] = a[i] ^ a[n - 1 - i];
}

int main(void)
{
	unsigned long long h = 0;

	for (int k = 0; k < N; k++)
		x[k] = k % 5;
	kernel(N);
	kernel(N);
	for (int k = 0; k < N; k++)
		h = h * 31 + b[k];
	printf("%08x %llx\n", b[0], h);
	return 0;
}
