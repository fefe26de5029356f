// DISTINCT
/*
 * Class: iterators after the loops (liveness).
 *
 * Attacks: the nests sit in a time loop whose body reads i at its top;
 * after the nests the body re-assigns i, but a continue skips that on
 * one step, so the next step reads the value the nests left: m in the
 * original, max(n, m) after a fusion.
 */
#include <stdio.h>

#define N 4096

static int x[N], a[N], b[N];

static int kernel(int n, int m)
{
	int i = 0, t, acc = 0;

	for (t = 0; t < 4; t++) {
		acc += i;
		for (i = 0; i < n; i++)
			a[i] = x[i] * 2 + t;
		for (i = 0; i < m; i++)
			b[i] = a[i] + 1;
		if (t == 1)
			continue;
		i = 7;
	}
	return acc;
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
