/*
 * ResNet-style 3x3 convolution + batch norm + ReLU, 64 input and 64
 * output channels on a 128x128 feature map.  The input arrives padded
 * with a one-pixel zero border, 64x130x130.
 */
#include "lf_bench.h"

#define CI 64
#define CO 64
#define H 128
#define W 128

static void conv3x3_bn_relu(float in[restrict CI][H + 2][W + 2],
	float wt[restrict CO][CI][3][3], float scale[restrict CO],
	float shift[restrict CO], float out[restrict CO][H][W])
{
	for (int co = 0; co < CO; co++)
		for (int h = 0; h < H; h++)
			for (int w = 0; w < W; w++) {
				out[co][h][w] = 0.0f;
				for (int ci = 0; ci < CI; ci++)
					for (int kh = 0; kh < 3; kh++)
						for (int kw = 0; kw < 3; kw++)
							out[co][h][w] +=
								in[ci][h + kh][w + kw] *
								wt[co][ci][kh][kw];
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
	conv3x3_bn_relu((float (*)[H + 2][W + 2]) b[0],
		(float (*)[CI][3][3]) b[1], b[2], b[3], (float (*)[H][W]) b[4]);
}

static const struct lf_bench_buf buf[] = {
	{ "in", lf_bench_in_pad, { CI, H + 2, W + 2 } },
	{ "wt", lf_bench_in, { CO, CI, 9 } },
	{ "scale", lf_bench_in, { 1, 1, CO } },
	{ "shift", lf_bench_in, { 1, 1, CO } },
	{ "out", lf_bench_out, { CO, H, W } },
};

const struct lf_bench lf_bench = { "conv3x3_bn_relu", 1, 5, buf, &run };
