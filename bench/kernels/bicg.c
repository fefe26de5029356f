/*
 * PolyBench-style bicg on a 2100x1900 matrix: s = A^T r and q = A p,
 * as s = 0, s += r[i] A[i] row by row, then q = A p.
 */
#include "lf_bench.h"

#define N 2100
#define M 1900

static void bicg(float A[restrict N][M], float r[restrict N],
	float p[restrict M], float s[restrict M], float q[restrict N])
{
	for (int j = 0; j < M; j++)
		s[j] = 0.0f;
	for (int i = 0; i < N; i++)
		for (int j = 0; j < M; j++)
			s[j] += r[i] * A[i][j];
	for (int i = 0; i < N; i++) {
		q[i] = 0.0f;
		for (int j = 0; j < M; j++)
			q[i] += A[i][j] * p[j];
	}
}

static void run(float **b)
{
	bicg((float (*)[M]) b[0], b[1], b[2], b[3], b[4]);
}

static const struct lf_bench_buf buf[] = {
	{ "A", lf_bench_in, { 1, N, M } },
	{ "r", lf_bench_in, { 1, 1, N } },
	{ "p", lf_bench_in, { 1, 1, M } },
	{ "s", lf_bench_out, { 1, 1, M } },
	{ "q", lf_bench_out, { 1, 1, N } },
};

const struct lf_bench lf_bench = { "bicg", 6, 5, buf, &run };
