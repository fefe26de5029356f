// DISTINCT
/*
 * Class: comma initialisation.
 *
 * Attacks: the second nest's initialisation also sets k, which is
 * not used in the loop but is returned after it.  Dropping the
 * assignment, or putting it after the fused loop's first use, changes
 * the result.
 */
#include <stdio.h>

#define N 4096

static int x[N], a[N], b[N];

static int kernel(int n, int m)
{
	int i, k = 1;

	for (i = 0; i < n; i++)
		a[i] = x[i] * 2;
	for (i = 0, k = 7; i < m; i++)
		b[i] = a[i] + 1;
	return k;
}

int main(void)
{
	unsigned h = 0;
	int r;

	for (int t = 0; t < N; t++)
		x[t] = t % 29;
	r = kernel(N, 1000);
	for (int t = 0; t < N; t++)
		h = h * 31u + (unsigned)a[t] * 7u + (unsigned)b[t];
	printf("%d %x\n", r, h);
	return 0;
}
