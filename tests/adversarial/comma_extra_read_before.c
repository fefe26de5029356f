// DISTINCT
/*
 * Class: comma initialisation.
 *
 * Attacks: the first nest reads k; the second nest's initialisation
 * sets it to 0.  An assignment hoisted above a fused loop is seen by
 * the first nest's statements.
 */
#include <stdio.h>

#define N 4096

static int x[N], a[N], b[N];

static int kernel(int n, int m)
{
	int i, k = 5;

	for (i = 0; i < n; i++)
		a[i] = x[i] + k;
	for (i = 0, k = 0; i < m; i++)
		b[i] = a[i] + 1;
	return 0;
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
