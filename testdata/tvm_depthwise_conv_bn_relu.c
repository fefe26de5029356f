// RUN-ARGS: --function=depthwise_bn_relu
// EXPECT-STDERR: :22:[0-9]+: note: fused 3 loop nests into 1
/*
 * TVM fused workload: depthwise 3x3 convolution (padding 1) + batch
 * norm + ReLU on a 512x14x14 input with a 3x3x512 kernel.  The input is
 * stored padded, 512x16x16 with a zero border, so every subscript is
 * affine and in bounds.
 */
#include <stdio.h>

#define C 512
#define H 14
#define W 14

static float in[C][H + 2][W + 2];
static float k[C][3][3];
static float bn_scale[C], bn_shift[C];
static float out[C][H][W];

static void depthwise_bn_relu(void)
{
	for (int c = 0; c < C; c++)
		for (int h = 0; h < H; h++)
			for (int w = 0; w < W; w++) {
				out[c][h][w] = 0.0f;
				for (int kh = 0; kh < 3; kh++)
					for (int kw = 0; kw < 3; kw++)
						out[c][h][w] += in[c][h + kh][w + kw] * k[c][kh][kw];
			}
	for (int c = 0; c < C; c++)
		for (int h = 0; h < H; h++)
			for (int w = 0; w < W; w++)
				out[c][h][w] = out[c][h][w] * bn_scale[c] + bn_shift[c];
	for (int c = 0; c < C; c++)
		for (int h = 0; h < H; h++)
			for (int w = 0; w < W; w++)
				out[c][h][w] = out[c][h][w] > 0.0f ? out[c][h][w] : 0.0f;
}

static void init(void)
{
	for (int c = 0; c < C; c++)
		for (int h = 0; h < H; h++)
			for (int w = 0; w < W; w++)
				in[c][h + 1][w + 1] = (float)((c * 3 + h * 5 + w * 11 + c * h * w) % 59 - 29) / 7.0f;
	for (int c = 0; c < C; c++)
		for (int kh = 0; kh < 3; kh++)
			for (int kw = 0; kw < 3; kw++)
				k[c][kh][kw] = (float)((c + kh * 3 + kw * 7 + c * kh * kw) % 23 - 11) / 15.0f;
	for (int c = 0; c < C; c++) {
		bn_scale[c] = 0.75f + (float)(c % 5) / 16.0f;
		bn_shift[c] = (float)(c % 9 - 4) / 8.0f;
	}
}

int main(void)
{
	init();
	depthwise_bn_relu();
	fwrite(out, sizeof out, 1, stdout);
	return 0;
}
