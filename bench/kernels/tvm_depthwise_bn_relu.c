/*
 * TVM fused workload: depthwise 3x3 convolution with padding 1 + batch
 * norm + ReLU on a 512x14x14 input with a 3x3x512 kernel.  The input
 * arrives padded, 512x16x16 with a zero border.
 */
#include "lf_bench.h"

#define C 512
#define H 14
#define W 14

static void depthwise_bn_relu(float in[restrict C][H + 2][W + 2],
	float k[restrict C][3][3], float scale[restrict C],
	float shift[restrict C], float out[restrict C][H][W])
{
	for (int c = 0; c < C; c++)
		for (int h = 0; h < H; h++)
			for (int w = 0; w < W; w++) {
				out[c][h][w] = 0.0f;
				for (int kh = 0; kh < 3; kh++)
					for (int kw = 0; kw < 3; kw++)
						out[c][h][w] +=
							in[c][h + kh][w + kw] *
							k[c][kh][kw];
			}
	for (int c = 0; c < C; c++)
		for (int h = 0; h < H; h++)
			for (int w = 0; w < W; w++)
				out[c][h][w] = out[c][h][w] * scale[c] +
					shift[c];
	for (int c = 0; c < C; c++)
		for (int h = 0; h < H; h++)
			for (int w = 0; w < W; w++)
				out[c][h][w] = out[c][h][w] > 0.0f ?
					out[c][h][w] : 0.0f;
}

static void run(float **b)
{
	depthwise_bn_relu((float (*)[H + 2][W + 2]) b[0],
		(float (*)[3][3]) b[1], b[2], b[3], (float (*)[H][W]) b[4]);
}

static const struct lf_bench_buf buf[] = {
	{ "in", lf_bench_in_pad, { C, H + 2, W + 2 } },
	{ "k", lf_bench_in, { C, 3, 3 } },
	{ "scale", lf_bench_in, { 1, 1, C } },
	{ "shift", lf_bench_in, { 1, 1, C } },
	{ "out", lf_bench_out, { C, H, W } },
};

const struct lf_bench lf_bench = { "tvm_depthwise_bn_relu", 400, 5, buf, &run };
