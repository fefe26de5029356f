// RUN-ARGS: --function=matmul_relu
// EXPECT-STDERR: :21:2: note: fused 3 loop nests into 1
/*
 * A matrix product and its relu on flat row-major buffers whose sizes
 * are known only at run time, as C kernels write them: c[i*n + j],
 * a[i*k + p], b[p*n + j].  Each subscript is a row and a column of a
 * shape [*][n] or [*][k], exact because the loops keep j below n and
 * p below k; the zeroing, the product and the relu then share (i, j).
 */
#include <stdio.h>

#define M 96
#define K 80
#define N 112

static float A[M * K], B[K * N], C[M * N];

static void matmul_relu(int m, int n, int k, const float *restrict a,
	const float *restrict b, float *restrict c)
{
	for (int i = 0; i < m; i++)
		for (int j = 0; j < n; j++)
			c[i * n + j] = 0.0f;
	for (int i = 0; i < m; i++)
		for (int j = 0; j < n; j++)
			for (int p = 0; p < k; p++)
				c[i * n + j] += a[i * k + p] * b[p * n + j];
	for (int i = 0; i < m; i++)
		for (int j = 0; j < n; j++)
			c[i * n + j] = c[i * n + j] > 0.0f ? c[i * n + j] : 0.0f;
}

int main(void)
{
	for (int i = 0; i < M * K; i++)
		A[i] = (float)(i % 13 - 6) / 8.0f;
	for (int i = 0; i < K * N; i++)
		B[i] = (float)(i % 11 - 5) / 4.0f;
	matmul_relu(M, N, K, A, B, C);
	fwrite(C, sizeof C, 1, stdout);
	return 0;
}
