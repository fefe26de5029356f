// DISTINCT
/*
 * Class: iterators reused after the loops / static locals.
 *
 * Attacks: a static local used as the iterator of both nests.  Its
 * value survives the call: the next call returns it before the loops
 * run again.  The original leaves the second loop's final value (m)
 * in it; a fused loop over both ranges leaves max(n, m).
 */
#include <stdio.h>

#define N 8192

static int x[N], a[N], b[N];

static int kernel(int n, int m)
{
	static int i;
	int before = i;

	for (i = 0; i < n; i++)
		a[i] = x[i] - 3;
	for (i = 0; i < m; i++)
		b[i] = a[i] * a[i];
	return before;
}

int main(void)
{
	int first, second;

	for (int k = 0; k < N; k++)
		x[k] = k % 17;
	first = kernel(N, 100);
	second = kernel(N, 200);
	printf("%d %d %d %d\n", first, second, b[99], b[199]);
	return 0;
}
