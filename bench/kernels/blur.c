/*
 * 3x3 box blur of a 2048x2048 image as two separable passes: a
 * horizontal 3-tap pass into a temporary, then a vertical 3-tap pass.
 * The input carries a one-pixel apron, 2050x2050.
 */
#include "lf_bench.h"

#define H 2048
#define W 2048

static void blur(float in[restrict H + 2][W + 2],
	float tmp[restrict H + 2][W], float out[restrict H][W])
{
	for (int y = 0; y < H + 2; y++)
		for (int x = 0; x < W; x++)
			tmp[y][x] = (in[y][x] + in[y][x + 1] + in[y][x + 2]) /
				3.0f;
	for (int y = 0; y < H; y++)
		for (int x = 0; x < W; x++)
			out[y][x] = (tmp[y][x] + tmp[y + 1][x] +
				tmp[y + 2][x]) / 3.0f;
}

static void run(float **b)
{
	blur((float (*)[W + 2]) b[0], (float (*)[W]) b[1], (float (*)[W]) b[2]);
}

static const struct lf_bench_buf buf[] = {
	{ "in", lf_bench_in, { 1, H + 2, W + 2 } },
	{ "tmp", lf_bench_tmp, { 1, H + 2, W } },
	{ "out", lf_bench_out, { 1, H, W } },
};

const struct lf_bench lf_bench = { "blur", 4, 3, buf, &run };
