/*
 * Class: delinearization / strides near INT_MAX and narrowing casts.
 *
 * Attacks: two strides that are not what they look like.  In wide(),
 * p[i * (n - k) + j] with n == INT_MAX and k == INT_MAX - 8 has stride
 * 8, while its rows are 16 long: row i + 1 overwrites the second half
 * of row i.  Taking n for the stride (and a constant for the rest)
 * makes rows disjoint.  In narrow(), p[(short)(i * n + j)] with
 * n == 65536 is p[j] for every i: the cast wraps the product away.
 * Looking through the cast sees rows 65536 apart.  In both, the
 * second nest reads what the first writes, so fusing on i reads
 * values that a later row overwrites when run as written.
 */
#include <limits.h>
#include <stdio.h>

#define M 24
#define N 16

static float a[M * N + N], b[M * N];

static void wide(float *restrict p, float *restrict q, int m, int n, int k)
{
	for (int i = 0; i < m; i++)
		for (int j = 0; j < N; j++)
			p[i * (n - k) + j] = (float)(i * 5 + j);
	for (int i = 0; i < m; i++)
		for (int j = 0; j < N; j++)
			q[i * N + j] = p[i * (n - k) + j] + 0.5f;
}

static void narrow(float *restrict p, float *restrict q, int m, int n)
{
	for (int i = 0; i < m; i++)
		for (int j = 0; j < N; j++)
			p[(short)(i * n + j)] = (float)(i * 3 + j);
	for (int i = 0; i < m; i++)
		for (int j = 0; j < N; j++)
			q[i * N + j] = p[(short)(i * n + j)] * 2.0f;
}

int main(void)
{
	unsigned h = 0;

	wide(a, b, M, INT_MAX, INT_MAX - 8);
	for (int i = 0; i < M * N; i++)
		h = h * 31u + (unsigned)b[i];
	narrow(a, b, M, 65536);
	for (int i = 0; i < M * N; i++)
		h = h * 31u + (unsigned)b[i];
	printf("%u %a %a\n", h, b[0], b[M * N - 1]);
	return 0;
}
