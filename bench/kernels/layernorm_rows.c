/*
 * Layer normalization over the rows of a 128x768 activation (one token
 * a row): the mean, the reciprocal standard deviation, then the
 * normalized, scaled and shifted row.  The statistics are accumulated
 * in locals of the loop body.
 */
#include <math.h>

#include "lf_bench.h"

#define ROWS 128
#define DIM 768

static void layer_norm(float x[restrict ROWS][DIM], float gamma[restrict DIM],
	float beta[restrict DIM], float mean[restrict ROWS],
	float rstd[restrict ROWS], float y[restrict ROWS][DIM])
{
	for (int i = 0; i < ROWS; i++) {
		float s = 0.0f;

		for (int j = 0; j < DIM; j++)
			s += x[i][j];
		mean[i] = s / (float) DIM;
	}
	for (int i = 0; i < ROWS; i++) {
		float s = 0.0f;

		for (int j = 0; j < DIM; j++) {
			float d = x[i][j] - mean[i];

			s += d * d;
		}
		rstd[i] = 1.0f / sqrtf(s / (float) DIM + 1e-5f);
	}
	for (int i = 0; i < ROWS; i++)
		for (int j = 0; j < DIM; j++)
			y[i][j] = (x[i][j] - mean[i]) * rstd[i] * gamma[j] +
				beta[j];
}

static void run(float **b)
{
	layer_norm((float (*)[DIM]) b[0], b[1], b[2], b[3], b[4],
		(float (*)[DIM]) b[5]);
}

static const struct lf_bench_buf buf[] = {
	{ "x", lf_bench_in, { 1, ROWS, DIM } },
	{ "gamma", lf_bench_in, { 1, 1, DIM } },
	{ "beta", lf_bench_in, { 1, 1, DIM } },
	{ "mean", lf_bench_tmp, { 1, 1, ROWS } },
	{ "rstd", lf_bench_tmp, { 1, 1, ROWS } },
	{ "y", lf_bench_out, { 1, ROWS, DIM } },
};

const struct lf_bench lf_bench = { "layernorm_rows", 200, 6, buf, &run };
