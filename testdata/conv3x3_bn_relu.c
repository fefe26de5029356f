// RUN-ARGS: --function=conv3x3_bn_relu
// EXPECT-STDERR: :23:[0-9]+: note: fused 3 loop nests into 1
/*
 * ResNet-style 3x3 convolution + batch norm + ReLU, 64 input and 64
 * output channels on a 128x128 feature map.  The input is stored with
 * a one-pixel zero border (64x130x130) so the stencil subscripts stay
 * affine and in bounds.
 */
#include <stdio.h>

#define CI 64
#define CO 64
#define H 128
#define W 128

static float in[CI][H + 2][W + 2];
static float wt[CO][CI][3][3];
static float bn_scale[CO], bn_shift[CO];
static float out[CO][H][W];

static void conv3x3_bn_relu(void)
{
	for (int co = 0; co < CO; co++)
		for (int h = 0; h < H; h++)
			for (int w = 0; w < W; w++) {
				out[co][h][w] = 0.0f;
				for (int ci = 0; ci < CI; ci++)
					for (int kh = 0; kh < 3; kh++)
						for (int kw = 0; kw < 3; kw++)
							out[co][h][w] += in[ci][h + kh][w + kw] * wt[co][ci][kh][kw];
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
				in[c][h + 1][w + 1] = (float)((c * 7 + h * 3 + w * 5 + h * w) % 61 - 30) / 15.0f;
	for (int co = 0; co < CO; co++)
		for (int ci = 0; ci < CI; ci++)
			for (int kh = 0; kh < 3; kh++)
				for (int kw = 0; kw < 3; kw++)
					wt[co][ci][kh][kw] =
						(float)((co * 5 + ci * 3 + kh * 7 + kw + co * ci) % 29 - 14) / 300.0f;
	for (int co = 0; co < CO; co++) {
		bn_scale[co] = 0.5f + (float)(co % 4) / 4.0f;
		bn_shift[co] = (float)(co % 3 - 1) / 2.0f;
	}
}

int main(void)
{
	init();
	conv3x3_bn_relu();
	fwrite(out, sizeof out, 1, stdout);
	return 0;
}
