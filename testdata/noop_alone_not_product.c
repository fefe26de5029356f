// RUN-ARGS: --function=smooth_rows
// EXPECT-UNCHANGED
/*
 * A nest on its own with a loop inside its band, but no long reduction
 * to run in blocks (three taps): tiling it alone is not known to pay,
 * so it stays as it is, and nothing is said about it.
 */
#include <stdio.h>

#define H 300
#define W 300

static float in[H][W + 2], out[H][W];

static void smooth_rows(void)
{
	for (int y = 0; y < H; y++)
		for (int x = 0; x < W; x++) {
			out[y][x] = 0.0f;
			for (int t = 0; t < 3; t++)
				out[y][x] += in[y][x + t] * 0.25f;
		}
}

int main(void)
{
	for (int y = 0; y < H; y++)
		for (int x = 0; x < W + 2; x++)
			in[y][x] = (float)((y * 3 + x) % 17);
	smooth_rows();
	fwrite(out, sizeof out, 1, stdout);
	return 0;
}
