// RUN-ARGS: --function=residual_scale
// EXPECT-STDERR: :16:[0-9]+: note: fused 2 loop nests into 1
/*
 * Sizes from an enum: residual add followed by a per-channel layer
 * scale.
 */
#include <stdio.h>

enum { CHANNELS = 96, PIXELS = 80 };

static float x[CHANNELS][PIXELS], skip[CHANNELS][PIXELS], ls[CHANNELS];
static float sum[CHANNELS][PIXELS], out[CHANNELS][PIXELS];

static void residual_scale(void)
{
	for (int c = 0; c < CHANNELS; c++)
		for (int p = 0; p < PIXELS; p++)
			sum[c][p] = x[c][p] + skip[c][p];
	for (int c = 0; c < CHANNELS; c++)
		for (int p = 0; p < PIXELS; p++)
			out[c][p] = ls[c] * sum[c][p];
}

int main(void)
{
	for (int c = 0; c < CHANNELS; c++) {
		for (int p = 0; p < PIXELS; p++) {
			x[c][p] = (float)((c * 5 + p * 3) % 17 - 8) / 4.0f;
			skip[c][p] = (float)((c + p * 7) % 9 - 4) / 8.0f;
		}
		ls[c] = 0.125f * (float)(c % 8 + 1);
	}
	residual_scale();
	fwrite(sum, sizeof sum, 1, stdout);
	fwrite(out, sizeof out, 1, stdout);
	return 0;
}
