// DISTINCT
/*
 * Class: iterators reused after the loops.
 *
 * Attacks: an iterator declared before the loops, used by both nests
 * and read after them (it is the second loop's trip count, m).  A
 * fused loop leaves max(n, m) in it.
 */
#include <stdio.h>

#define N 8192

static int x[N], a[N], b[N];

static int kernel(int n, int m)
{
	int i;

	for (i = 0; i < n; i++)
		a[i] = x[i] * 2;
	for (i = 0; i < m; i++)
		b[i] = a[i] + 1;
	return i;
}

int main(void)
{
	int last;

	for (int k = 0; k < N; k++)
		x[k] = k % 29;
	last = kernel(N, 1000);
	printf("%d %d %d\n", last, b[0], b[999]);
	return 0;
}
