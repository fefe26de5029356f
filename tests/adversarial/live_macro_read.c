// DISTINCT
/*
 * Class: iterators after the loops (liveness).
 *
 * Attacks: i is read after the nests only through a macro, after an
 * unrelated loop over k; the fused loop leaves max(n, m) in i.
 */
#include <stdio.h>

#define N 4096

static int x[N], a[N], b[N];
#define LAST_ROW (i + 0)
static int kernel(int n, int m)
{
	int i, k, acc = 0;

	for (i = 0; i < n; i++)
		a[i] = x[i] * 2;
	for (i = 0; i < m; i++)
		b[i] = a[i] + 1;
	for (k = 0; k < 4; k++)
		acc += k;
	acc += LAST_ROW;
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
