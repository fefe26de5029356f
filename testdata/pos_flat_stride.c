// RUN-ARGS: --function=bias_relu_transpose
// EXPECT-STDERR: :13:[0-9]+: note: fused 3 loop nests into 1
/*
 * Flat pointers indexed with constant strides, a[i * 64 + j], as in
 * hand-written C kernels that do their own row-major addressing.  The
 * last nest writes the transpose (stride 48 on the other axis).
 */
#include <stdio.h>

static void bias_relu_transpose(float *restrict y, float *restrict yt,
								const float *restrict x, const float *restrict bias)
{
	for (int i = 0; i < 48; i++)
		for (int j = 0; j < 64; j++)
			y[i * 64 + j] = x[i * 64 + j] + bias[j];
	for (int i = 0; i < 48; i++)
		for (int j = 0; j < 64; j++)
			y[i * 64 + j] = y[i * 64 + j] > 0.0f ? y[i * 64 + j] : 0.0f;
	for (int i = 0; i < 48; i++)
		for (int j = 0; j < 64; j++)
			yt[j * 48 + i] = y[i * 64 + j];
}

static float x[48 * 64], bias[64], y[48 * 64], yt[64 * 48];

int main(void)
{
	for (int i = 0; i < 48 * 64; i++)
		x[i] = (float)(i % 37 - 18) / 4.0f;
	for (int j = 0; j < 64; j++)
		bias[j] = (float)(j % 5 - 2);
	bias_relu_transpose(y, yt, x, bias);
	fwrite(y, sizeof y, 1, stdout);
	fwrite(yt, sizeof yt, 1, stdout);
	return 0;
}
