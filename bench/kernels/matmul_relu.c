/*
 * Dense layer C = relu(A B) on 1024x1024 floats: a matmul nest in
 * i-j-k order that zeroes C[i][j] and accumulates over k, then a
 * separate relu nest over C.
 */
#include "lf_bench.h"

#define N 1024

static float relu(float x)
{
	return x > 0.0f ? x : 0.0f;
}

static void matmul_relu(float A[restrict N][N], float B[restrict N][N],
	float C[restrict N][N])
{
	for (int i = 0; i < N; i++)
		for (int j = 0; j < N; j++) {
			C[i][j] = 0.0f;
			for (int k = 0; k < N; k++)
				C[i][j] += A[i][k] * B[k][j];
		}
	for (int i = 0; i < N; i++)
		for (int j = 0; j < N; j++)
			C[i][j] = relu(C[i][j]);
}

static void run(float **b)
{
	matmul_relu((float (*)[N]) b[0], (float (*)[N]) b[1],
		(float (*)[N]) b[2]);
}

static const struct lf_bench_buf buf[] = {
	{ "A", lf_bench_in, { 1, N, N } },
	{ "B", lf_bench_in, { 1, N, N } },
	{ "C", lf_bench_out, { 1, N, N } },
};

const struct lf_bench lf_bench = { "matmul_relu", 1, 3, buf, &run };
