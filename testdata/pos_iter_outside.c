// RUN-ARGS: --function=normalize_clip
// EXPECT-STDERR: :18:[0-9]+: note: fused 2 loop nests into 1
/*
 * C89-style iterators declared at the top of the function, before the
 * loops, and not used after them.
 */
#include <stdio.h>

#define ROWS 150
#define COLS 110

static float in[ROWS][COLS], norm[ROWS][COLS], clipped[ROWS][COLS];

static void normalize_clip(void)
{
	int i, j;

	for (i = 0; i < ROWS; i++)
		for (j = 0; j < COLS; j++)
			norm[i][j] = (in[i][j] - 4.0f) * 0.25f;
	for (i = 0; i < ROWS; i++)
		for (j = 0; j < COLS; j++)
			clipped[i][j] = norm[i][j] > 1.0f ? 1.0f : (norm[i][j] < -1.0f ? -1.0f : norm[i][j]);
}

int main(void)
{
	for (int i = 0; i < ROWS; i++)
		for (int j = 0; j < COLS; j++)
			in[i][j] = (float)((i * 13 + j * 5) % 67) / 6.0f;
	normalize_clip();
	fwrite(norm, sizeof norm, 1, stdout);
	fwrite(clipped, sizeof clipped, 1, stdout);
	return 0;
}
