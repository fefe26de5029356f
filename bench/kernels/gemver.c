/*
 * PolyBench-style gemver on a 2000x2000 matrix: a rank-2 update
 * A += u1 v1^T + u2 v2^T, then x += beta A^T y + z and
 * w += alpha A x.  A, x and w are updated in place.
 */
#include "lf_bench.h"

#define N 2000
#define ALPHA 1.5f
#define BETA 1.2f

static void gemver(float A[restrict N][N], float u1[restrict N],
	float v1[restrict N], float u2[restrict N], float v2[restrict N],
	float y[restrict N], float z[restrict N], float x[restrict N],
	float w[restrict N])
{
	for (int i = 0; i < N; i++)
		for (int j = 0; j < N; j++)
			A[i][j] = A[i][j] + u1[i] * v1[j] + u2[i] * v2[j];
	for (int i = 0; i < N; i++)
		for (int j = 0; j < N; j++)
			x[i] = x[i] + BETA * A[j][i] * y[j];
	for (int i = 0; i < N; i++)
		x[i] = x[i] + z[i];
	for (int i = 0; i < N; i++)
		for (int j = 0; j < N; j++)
			w[i] = w[i] + ALPHA * A[i][j] * x[j];
}

static void run(float **b)
{
	gemver((float (*)[N]) b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7],
		b[8]);
}

static const struct lf_bench_buf buf[] = {
	{ "A", lf_bench_inout, { 1, N, N } },
	{ "u1", lf_bench_in, { 1, 1, N } },
	{ "v1", lf_bench_in, { 1, 1, N } },
	{ "u2", lf_bench_in, { 1, 1, N } },
	{ "v2", lf_bench_in, { 1, 1, N } },
	{ "y", lf_bench_in, { 1, 1, N } },
	{ "z", lf_bench_in, { 1, 1, N } },
	{ "x", lf_bench_inout, { 1, 1, N } },
	{ "w", lf_bench_inout, { 1, 1, N } },
};

const struct lf_bench lf_bench = { "gemver", 3, 9, buf, &run };
