/*
 * Depthwise conv2d + batch norm + relu, the TVM paper's second fused
 * workload: a 1x512x14x14 input, a 3x3 kernel per channel (3x3x512),
 * stride 1 and padding 1, so the output is 1x512x14x14 too.  The sizes
 * are parameters, the arrays variably modified; the padding is the
 * condition on the input's bounds.
 *
 *	loopfuse bench examples/depthwise_conv_bn_relu.c \
 *		--function depthwise_conv_bn_relu \
 *		--param C=512 --param H=14 --param W=14
 */
void depthwise_conv_bn_relu(int C, int H, int W,
	const float in[restrict C][H][W], const float k[restrict C][3][3],
	const float scale[restrict C], const float shift[restrict C],
	float out[restrict C][H][W])
{
	/* depthwise conv2d, 3x3, stride 1, padding 1 */
	for (int c = 0; c < C; c++)
		for (int h = 0; h < H; h++)
			for (int w = 0; w < W; w++) {
				out[c][h][w] = 0.0f;
				for (int kh = 0; kh < 3; kh++)
					for (int kw = 0; kw < 3; kw++)
						if (h + kh >= 1 && h + kh <= H &&
						    w + kw >= 1 && w + kw <= W)
							out[c][h][w] +=
								in[c][h + kh - 1][w + kw - 1] *
								k[c][kh][kw];
			}
	/* batch norm (scale and shift per channel, as in inference) */
	for (int c = 0; c < C; c++)
		for (int h = 0; h < H; h++)
			for (int w = 0; w < W; w++)
				out[c][h][w] = out[c][h][w] * scale[c] +
					shift[c];
	/* relu */
	for (int c = 0; c < C; c++)
		for (int h = 0; h < H; h++)
			for (int w = 0; w < W; w++)
				out[c][h][w] = out[c][h][w] > 0.0f ?
					out[c][h][w] : 0.0f;
}
