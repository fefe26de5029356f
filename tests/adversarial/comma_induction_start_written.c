// DISTINCT
/*
 * Class: comma initialisation.
 *
 * Attacks: j starts at a[0], which the first nest writes: modelled as
 * a constant of the run, it has the value from before the run.
 */
#include <stdio.h>

#define N 4096

static int x[N], a[N], b[N];

static int kernel(int n, int m)
{
	int i, j;

	for (i = 0; i < n; i++)
		a[i] = x[i] + 3;
	for (i = 0, j = a[0]; i < m; i++, j++)
		b[i] = x[j] + 1;
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
