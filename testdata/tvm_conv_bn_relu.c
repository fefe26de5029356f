// RUN-ARGS: --function=conv_bn_relu
// EXPECT-STDERR: :22:[0-9]+: note: fused 3 loop nests into 1
/*
 * TVM fused workload: 1x1 convolution + batch norm + ReLU, input
 * 128x28x28, kernel 1x1x128x256, output 256x28x28.  Batch norm is in
 * inference form (per-channel scale and shift).
 */
#include <stdio.h>

#define CI 128
#define CO 256
#define H 28
#define W 28

static float in[CI][H][W];
static float wt[CO][CI];
static float bn_scale[CO], bn_shift[CO];
static float out[CO][H][W];

static void conv_bn_relu(void)
{
	for (int co = 0; co < CO; co++)
		for (int h = 0; h < H; h++)
			for (int w = 0; w < W; w++) {
				out[co][h][w] = 0.0f;
				for (int ci = 0; ci < CI; ci++)
					out[co][h][w] += wt[co][ci] * in[ci][h][w];
			}
	for (int co = 0; co < CO; co++)
		for (int h = 0; h < H; h++)
			for (int w = 0; w < W; w++)
				out[co][h][w] = out[co][h][w] * bn_scale[co] + bn_shift[co];
	for (int co = 0; co < CO; co++)
		for (int h = 0; h < H; h++)
			for (int w = 0; w < W; w++)
				out[co][h][w] = out[co][h][w] > 0.0f ? out[co][h][w] : 0.0f;
}

static void init(void)
{
	for (int c = 0; c < CI; c++)
		for (int h = 0; h < H; h++)
			for (int w = 0; w < W; w++)
				in[c][h][w] = (float)((c * 5 + h * 3 + w * 7 + c * h * w) % 53 - 26) / 11.0f;
	for (int co = 0; co < CO; co++)
		for (int ci = 0; ci < CI; ci++)
			wt[co][ci] = (float)((co * 11 + ci * 13 + co * ci) % 47 - 23) / 90.0f;
	for (int co = 0; co < CO; co++) {
		bn_scale[co] = 0.5f + (float)(co % 7) / 8.0f;
		bn_shift[co] = (float)(co % 5 - 2) / 4.0f;
	}
}

int main(void)
{
	init();
	conv_bn_relu();
	fwrite(out, sizeof out, 1, stdout);
	return 0;
}
