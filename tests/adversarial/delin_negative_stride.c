/*
 * Class: delinearization / negative strides.
 *
 * Attacks: two ways a row stride can run backwards.  flip() writes
 * rows a[i * n + j] in order and reads them back in reverse,
 * a[(m - 1 - i) * n + j]: row m - 1 - i is written only at the end of
 * the first nest, so fusing on i reads rows not yet written.  back()
 * indexes p[base + i * s + j] with s == -n at run time: a shape
 * [*][s] with a negative size has no rows at all, and taking j for an
 * inner subscript in [0, s) is wrong; the second nest reads the
 * element the first writes in its next row, so fusion changes what
 * it reads.
 */
#include <stdio.h>

#define M 40
#define N 32

static float a[M * N], t[M * N], u[M * N + N];

static void flip(float *restrict p, float *restrict q, int m, int n)
{
	for (int i = 0; i < m; i++)
		for (int j = 0; j < n; j++)
			p[i * n + j] = (float)(i * n + j) * 0.25f;
	for (int i = 0; i < m; i++)
		for (int j = 0; j < n; j++)
			q[i * n + j] = p[(m - 1 - i) * n + j] + 1.0f;
}

static void back(float *restrict p, float *restrict q, int base, int s,
	int m, int n)
{
	for (int i = 0; i < m; i++)
		for (int j = 0; j < n; j++)
			p[base + i * s + j] = (float)(i + j);
	for (int i = 0; i < m; i++)
		for (int j = 0; j < n; j++)
			q[i * n + j] = p[base + i * s + j - n] * 3.0f;
}

int main(void)
{
	unsigned h = 0;

	flip(a, t, M, N);
	for (int i = 0; i < M * N; i++)
		h = h * 31u + (unsigned)t[i];
	back(u, t, (M - 1) * N, -N, M - 1, N);
	for (int i = 0; i < M * N; i++)
		h = h * 31u + (unsigned)t[i];
	printf("%u %a %a\n", h, t[0], t[(M - 1) * N - 1]);
	return 0;
}
