/*
 * WeeNet, the network of TVM's discussion of fusion: a 3x3
 * convolution of 64 planes (64 input and 64 output channels) on a
 * 1x64x128x128 input, stride 1 and padding 1, then batch norm and
 * relu.  The padding is the condition on the input's bounds.
 *
 *	loopfuse bench examples/weenet.c --function weenet
 */
#define C 64
#define H 128
#define W 128

float data[C][H][W];
float weight[C][C][3][3];
float bn_scale[C], bn_shift[C];
float out[C][H][W];

void weenet(void)
{
	/* conv2d, 3x3, stride 1, padding 1 */
	for (int co = 0; co < C; co++)
		for (int h = 0; h < H; h++)
			for (int w = 0; w < W; w++) {
				out[co][h][w] = 0.0f;
				for (int ci = 0; ci < C; ci++)
					for (int kh = 0; kh < 3; kh++)
						for (int kw = 0; kw < 3; kw++)
							if (h + kh >= 1 && h + kh <= H &&
							    w + kw >= 1 && w + kw <= W)
								out[co][h][w] +=
									data[ci][h + kh - 1][w + kw - 1] *
									weight[co][ci][kh][kw];
			}
	/* batch norm (scale and shift per channel, as in inference) */
	for (int co = 0; co < C; co++)
		for (int h = 0; h < H; h++)
			for (int w = 0; w < W; w++)
				out[co][h][w] = out[co][h][w] * bn_scale[co] +
					bn_shift[co];
	/* relu */
	for (int co = 0; co < C; co++)
		for (int h = 0; h < H; h++)
			for (int w = 0; w < W; w++)
				out[co][h][w] = out[co][h][w] > 0.0f ?
					out[co][h][w] : 0.0f;
}
