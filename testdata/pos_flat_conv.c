// RUN-ARGS: --function=conv_bias_relu
// EXPECT-STDERR: :22:2: note: fused 2 loop nests into 1
/*
 * A 3x3 convolution over flat NCHW buffers with run-time sizes,
 * in[(ci*h + y + dy)*w + x + dx] and out[(co*h + y)*w + x], then a
 * relu.  Both subscripts fit the shape [*][h][w]: the interior loops
 * keep y + dy in [0, h) and x + dx in [0, w), so each access is an
 * element of a 3-D array and the two nests share (co, y, x).
 */
#include <stdio.h>

#define C 4
#define H 40
#define W 36

static float in[C * H * W], wt[C * C * 9], out[C * H * W];

static void conv_bias_relu(int cin, int cout, int h, int w,
	const float *restrict src, const float *restrict k,
	float *restrict dst)
{
	for (int co = 0; co < cout; co++)
		for (int y = 1; y < h - 1; y++)
			for (int x = 1; x < w - 1; x++) {
				float acc = 0.0f;

				for (int ci = 0; ci < cin; ci++)
					for (int dy = -1; dy <= 1; dy++)
						for (int dx = -1; dx <= 1; dx++)
							acc += src[(ci * h + y + dy) * w + x + dx] *
							       k[((co * cin + ci) * 3 + dy + 1) * 3 + dx + 1];
				dst[(co * h + y) * w + x] = acc;
			}
	for (int co = 0; co < cout; co++)
		for (int y = 1; y < h - 1; y++)
			for (int x = 1; x < w - 1; x++)
				dst[(co * h + y) * w + x] =
					dst[(co * h + y) * w + x] > 0.0f ?
					dst[(co * h + y) * w + x] : 0.0f;
}

int main(void)
{
	for (int i = 0; i < C * H * W; i++)
		in[i] = (float)(i % 17 - 8) / 8.0f;
	for (int i = 0; i < C * C * 9; i++)
		wt[i] = (float)(i % 7 - 3) / 4.0f;
	conv_bias_relu(C, C, H, W, in, wt, out);
	fwrite(out, sizeof out, 1, stdout);
	return 0;
}
