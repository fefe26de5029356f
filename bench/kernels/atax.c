/*
 * PolyBench-style atax: y = A^T (A x) for a 1900x2100 matrix, as
 * y = 0, tmp = A x, then y += A^T tmp row by row.
 */
#include "lf_bench.h"

#define M 1900
#define N 2100

static void atax(float A[restrict M][N], float x[restrict N],
	float tmp[restrict M], float y[restrict N])
{
	for (int j = 0; j < N; j++)
		y[j] = 0.0f;
	for (int i = 0; i < M; i++) {
		tmp[i] = 0.0f;
		for (int j = 0; j < N; j++)
			tmp[i] += A[i][j] * x[j];
	}
	for (int i = 0; i < M; i++)
		for (int j = 0; j < N; j++)
			y[j] += A[i][j] * tmp[i];
}

static void run(float **b)
{
	atax((float (*)[N]) b[0], b[1], b[2], b[3]);
}

static const struct lf_bench_buf buf[] = {
	{ "A", lf_bench_in, { 1, M, N } },
	{ "x", lf_bench_in, { 1, 1, N } },
	{ "tmp", lf_bench_tmp, { 1, 1, M } },
	{ "y", lf_bench_out, { 1, 1, N } },
};

const struct lf_bench lf_bench = { "atax", 6, 4, buf, &run };
