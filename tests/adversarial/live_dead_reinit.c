// DISTINCT
/*
 * Class: iterators after the loops (liveness).
 *
 * Attacks: i is dead after the nests on every path, so they may be
 * fused: an if whose branches both assign i, then loops that start it
 * again, one of them inside a block, the last one in a loop that reads
 * i after its own initialisation.  The fused loop must compute what
 * the nests did, and the later loops must see their own i, not the
 * fused loop's; j, declared before the nests too, is the inner
 * iterator of both and dead the same way.
 */
#include <stdio.h>

#define N 512
#define M 64

static int x[N][M], a[N][M], b[N][M], c[N];

static int kernel(int n, int m)
{
	int i, j, acc = 0;

	for (i = 0; i < n; i++)
		for (j = 0; j < M; j++)
			a[i][j] = x[i][j] * 2 + i;
	for (i = 0; i < m; i++)
		for (j = 0; j < M; j++)
			b[i][j] = a[i][j] + j;
	if (n > m)
		i = n - m;
	else
		i = 1;
	acc += i;
	j = 3;
	{
		for (i = 0; i < m; i++)
			c[i] = b[i][j] - a[i][0];
	}
	for (i = 2; i < 9; i += 3)
		acc += i * j;
	return acc;
}

int main(void)
{
	unsigned h = 0;
	int r;

	for (int t = 0; t < N; t++)
		for (int u = 0; u < M; u++)
			x[t][u] = (t * 7 + u) % 29;
	r = kernel(N, 300);
	for (int t = 0; t < N; t++) {
		h = h * 31u + (unsigned)c[t];
		for (int u = 0; u < M; u++)
			h = h * 31u + (unsigned)b[t][u];
	}
	printf("%d %x\n", r, h);
	return 0;
}
