/*
 * Class: delinearization / inner subscript past the stride.
 *
 * Attacks: a[i * n + j] with j < n + 1: the last element of row i is
 * the first element of row i + 1, which the first nest writes again in
 * its next row.  The second nest reads the same overrunning rows.  Run
 * as written, the read of a[i * n + n] sees row i + 1's value; fused on
 * i, it sees row i's.  A model that recovers a[i][j] from a[i * n + j]
 * without proving 0 <= j < n takes the rows for disjoint and fuses.
 * The strides are parameters, so the cost model is tempted.
 */
#include <stdio.h>

#define M 64
#define N 48

static float a[M * N + 1], s[M];

static void kernel(float *restrict p, float *restrict t, int m, int n)
{
	for (int i = 0; i < m; i++)
		for (int j = 0; j < n + 1; j++)
			p[i * n + j] = (float)(i * 3 + j) * 0.5f;
	for (int i = 0; i < m; i++)
		for (int j = 0; j < n + 1; j++)
			t[i] = t[i] * 0.75f + p[i * n + j];
}

int main(void)
{
	unsigned h = 0;

	kernel(a, s, M, N);
	for (int i = 0; i < M; i++)
		h = h * 31u + (unsigned)s[i];
	printf("%u %a %a\n", h, s[0], s[M - 1]);
	return 0;
}
