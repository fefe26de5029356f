// RUN-ARGS: --function=scale_bias_relu_clamp
// EXPECT-STDERR: :18:[0-9]+: note: fused 4 loop nests into 1
/*
 * Elementwise operator chain on a 384x512 activation: scale, add a
 * per-column bias, ReLU, clamp to 6 (ReLU6).  Each operator writes its
 * own tensor, as a graph executor would.
 */
#include <stdio.h>

#define ROWS 384
#define COLS 512

static float x[ROWS][COLS], bias[COLS];
static float scaled[ROWS][COLS], biased[ROWS][COLS], act[ROWS][COLS], y[ROWS][COLS];

static void scale_bias_relu_clamp(void)
{
	for (int i = 0; i < ROWS; i++)
		for (int j = 0; j < COLS; j++)
			scaled[i][j] = x[i][j] * 0.375f;
	for (int i = 0; i < ROWS; i++)
		for (int j = 0; j < COLS; j++)
			biased[i][j] = scaled[i][j] + bias[j];
	for (int i = 0; i < ROWS; i++)
		for (int j = 0; j < COLS; j++)
			act[i][j] = biased[i][j] > 0.0f ? biased[i][j] : 0.0f;
	for (int i = 0; i < ROWS; i++)
		for (int j = 0; j < COLS; j++)
			y[i][j] = act[i][j] < 6.0f ? act[i][j] : 6.0f;
}

static void init(void)
{
	for (int i = 0; i < ROWS; i++)
		for (int j = 0; j < COLS; j++)
			x[i][j] = (float)((i * 13 + j * 7) % 61 - 30) / 2.0f;
	for (int j = 0; j < COLS; j++)
		bias[j] = (float)(j % 9 - 4) / 2.0f;
}

int main(void)
{
	init();
	scale_bias_relu_clamp();
	fwrite(scaled, sizeof scaled, 1, stdout);
	fwrite(biased, sizeof biased, 1, stdout);
	fwrite(act, sizeof act, 1, stdout);
	fwrite(y, sizeof y, 1, stdout);
	return 0;
}
