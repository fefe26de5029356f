/*
 * TVM fused workload: 1x1 convolution + batch norm + ReLU.  The input
 * is 128x28x28 (CHW), the kernel 1x1x128x256, the output 256x28x28.
 * Batch norm is in inference form, a per-channel scale and shift.
 * One nest per operator.
 */
#include "lf_bench.h"

#define CI 128
#define CO 256
#define H 28
#define W 28

static void conv_bn_relu(float in[restrict CI][H][W],
	float wt[restrict CO][CI], float scale[restrict CO],
	float shift[restrict CO], float out[restrict CO][H][W])
{
	for (int co = 0; co < CO; co++)
		for (int h = 0; h < H; h++)
			for (int w = 0; w < W; w++) {
				out[co][h][w] = 0.0f;
				for (int ci = 0; ci < CI; ci++)
					out[co][h][w] += wt[co][ci] *
						in[ci][h][w];
			}
	for (int co = 0; co < CO; co++)
		for (int h = 0; h < H; h++)
			for (int w = 0; w < W; w++)
				out[co][h][w] = out[co][h][w] * scale[co] +
					shift[co];
	for (int co = 0; co < CO; co++)
		for (int h = 0; h < H; h++)
			for (int w = 0; w < W; w++)
				out[co][h][w] = out[co][h][w] > 0.0f ?
					out[co][h][w] : 0.0f;
}

static void run(float **b)
{
	conv_bn_relu((float (*)[H][W]) b[0], (float (*)[CI]) b[1], b[2], b[3],
		(float (*)[H][W]) b[4]);
}

static const struct lf_bench_buf buf[] = {
	{ "in", lf_bench_in, { CI, H, W } },
	{ "wt", lf_bench_in, { 1, CO, CI } },
	{ "scale", lf_bench_in, { 1, 1, CO } },
	{ "shift", lf_bench_in, { 1, 1, CO } },
	{ "out", lf_bench_out, { CO, H, W } },
};

const struct lf_bench lf_bench = { "tvm_conv_bn_relu", 6, 5, buf, &run };
