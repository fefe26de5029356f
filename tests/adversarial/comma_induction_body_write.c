// DISTINCT
/*
 * Class: comma initialisation.
 *
 * Attacks: j, the second induction variable, is also changed in the
 * body: it is no longer i plus a constant.
 */
#include <stdio.h>

#define N 4096

static int x[N], a[N], b[N];

static int kernel(int n, int m)
{
	int i, j;

	for (i = 0; i < n; i++)
		a[i] = x[i] * 2;
	for (i = 0, j = 0; i < m; i++, j++) {
		b[j] = a[i] + 1;
		j += i & 1;
	}
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
