// DISTINCT
/*
 * Class: iterators after the loops (liveness).
 *
 * Attacks: the nests are the statements of a case of a switch; control
 * falls through into the next case, which reads i before re-assigning
 * it.  A walk that stops at case labels, or takes the next case as
 * unreachable from the nests, misses the read.  The nests are in a
 * block of their own, the case's statement.
 */
#include <stdio.h>

#define N 4096

static int x[N], a[N], b[N];

static int kernel(int n, int m, int mode)
{
	int i = 0, acc = 0;

	switch (mode) {
	case 0: {
		for (i = 0; i < n; i++)
			a[i] = x[i] * 2;
		for (i = 0; i < m; i++)
			b[i] = a[i] + 1;
	}
		/* fall through */
	case 1:
		acc = i;
		i = 0;
		break;
	default:
		i = 1;
	}
	return acc + i;
}

int main(void)
{
	unsigned h = 0;
	int r;

	for (int t = 0; t < N; t++)
		x[t] = t % 29;
	r = kernel(N, 1000, 0);
	for (int t = 0; t < N; t++)
		h = h * 31u + (unsigned)b[t];
	printf("%d %x\n", r, h);
	return 0;
}
