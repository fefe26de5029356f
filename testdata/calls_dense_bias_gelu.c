// RUN-ARGS: --function=forward
// EXPECT-STDERR: :43:[0-9]+: note: fused 1 loop nest and calls to bias_add, gelu \(lines 43-50\) into 1 loop nest
/*
 * A dense layer with its bias and a GELU-like activation, one function
 * per operator.  The product is a loop of the forward pass itself; the
 * bias and the activation are calls, fused with it.  The product runs
 * its j loop innermost, inside each statement's own loop, so the
 * caller's local h is not contracted: a scalar would hold only the last j.
 */
#include <stdio.h>

#define B 64
#define DIN 256
#define DOUT 512

static float x[B][DIN];
static float w[DIN][DOUT];
static float bias[DOUT];
static float y[B][DOUT];
static float out[B][DOUT];

static void bias_add(float dst[B][DOUT], const float src[B][DOUT],
		     const float b[DOUT])
{
	for (int i = 0; i < B; i++)
		for (int j = 0; j < DOUT; j++)
			dst[i][j] = src[i][j] + b[j];
}

static void gelu(float dst[B][DOUT], const float src[B][DOUT])
{
	for (int i = 0; i < B; i++)
		for (int j = 0; j < DOUT; j++)
			dst[i][j] = 0.5f * src[i][j] *
				    (1.0f + src[i][j] /
				     (1.0f + 0.044715f * src[i][j] * src[i][j]));
}

static void forward(void)
{
	float h[B][DOUT];

	for (int i = 0; i < B; i++)
		for (int j = 0; j < DOUT; j++) {
			y[i][j] = 0.0f;
			for (int k = 0; k < DIN; k++)
				y[i][j] += x[i][k] * w[k][j];
		}
	bias_add(h, y, bias);
	gelu(out, h);
}

int main(void)
{
	for (int i = 0; i < B; i++)
		for (int k = 0; k < DIN; k++)
			x[i][k] = (float)((i * 13 + k * 7) % 37 - 18) / 19.0f;
	for (int k = 0; k < DIN; k++)
		for (int j = 0; j < DOUT; j++)
			w[k][j] = (float)((k * 3 + j * 11) % 41 - 20) / 400.0f;
	for (int j = 0; j < DOUT; j++)
		bias[j] = (float)(j % 9 - 4) / 8.0f;
	forward();
	fwrite(out, sizeof out, 1, stdout);
	fwrite(y, sizeof y, 1, stdout);
	return 0;
}
