// RUN-ARGS: --function=forward
// EXPECT-STDERR: :[0-9]+:[0-9]+: note: fused 3 loop nests into 1
/*
 * A product followed by a bias and an activation through a local h.
 * Fused and tiled, the band's innermost loop j runs inside each
 * statement's own loop (the product's k), so the statement that writes
 * h runs all its j before the one that reads h runs any: h must stay
 * an array.  Contracting it to a scalar, as equal loop iterators alone
 * would allow, made every element read the last j's value.
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

static void forward(void)
{
	float h[B][DOUT];

	for (int i = 0; i < B; i++)
		for (int j = 0; j < DOUT; j++) {
			y[i][j] = 0.0f;
			for (int k = 0; k < DIN; k++)
				y[i][j] += x[i][k] * w[k][j];
		}
	for (int i = 0; i < B; i++)
		for (int j = 0; j < DOUT; j++)
			h[i][j] = y[i][j] + bias[j];
	for (int i = 0; i < B; i++)
		for (int j = 0; j < DOUT; j++)
			out[i][j] = 0.5f * h[i][j] * (1.0f + h[i][j] / (1.0f + 0.044715f * h[i][j] * h[i][j]));
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
