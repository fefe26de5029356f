// DISTINCT
/*
 * Class: iterators after the loops (liveness).
 *
 * Attacks: a goto after the nests jumps over the loop that
 * re-initialises i to a label where i is read.
 */
#include <stdio.h>

#define N 4096

static int x[N], a[N], b[N];

static int kernel(int n, int m)
{
	int i, k, acc = 0;

	for (i = 0; i < n; i++)
		a[i] = x[i] * 2;
	for (i = 0; i < m; i++)
		b[i] = a[i] + 1;
	k = 0;
	if (n > m)
		goto out;
	for (i = 0; i < 3; i++)
		acc += i;
out:
	acc += i;
	return acc + k * 0;
}

int main(void)
{
	unsigned h = 0;
	int r;

	for (int t = 0; t < N; t++)
		x[t] = t % 29;
	r = kernel(N, 1000);
	for (int t = 0; t < N; t++)
		h = h * 31u + (unsigned)b[t];
	printf("%d %x\n", r, h);
	return 0;
}
