/*
 * Softmax over each row of a 512x1024 matrix of logits: the row
 * maximum, then the exponentials and their sum, then the division by
 * the sum, one nest each.
 */
#include <math.h>

#include "lf_bench.h"

#define ROWS 512
#define COLS 1024

static void softmax(float x[restrict ROWS][COLS], float mx[restrict ROWS],
	float sum[restrict ROWS], float y[restrict ROWS][COLS])
{
	for (int i = 0; i < ROWS; i++) {
		mx[i] = x[i][0];
		for (int j = 1; j < COLS; j++)
			mx[i] = x[i][j] > mx[i] ? x[i][j] : mx[i];
	}
	for (int i = 0; i < ROWS; i++) {
		sum[i] = 0.0f;
		for (int j = 0; j < COLS; j++) {
			y[i][j] = expf(x[i][j] - mx[i]);
			sum[i] += y[i][j];
		}
	}
	for (int i = 0; i < ROWS; i++)
		for (int j = 0; j < COLS; j++)
			y[i][j] = y[i][j] / sum[i];
}

static void run(float **b)
{
	softmax((float (*)[COLS]) b[0], b[1], b[2], (float (*)[COLS]) b[3]);
}

static const struct lf_bench_buf buf[] = {
	{ "x", lf_bench_in, { 1, ROWS, COLS } },
	{ "mx", lf_bench_tmp, { 1, 1, ROWS } },
	{ "sum", lf_bench_tmp, { 1, 1, ROWS } },
	{ "y", lf_bench_out, { 1, ROWS, COLS } },
};

const struct lf_bench lf_bench = { "softmax_rows", 12, 4, buf, &run };
