// RUN-ARGS: --function=gated_residual
// EXPECT-STDERR: :17:[0-9]+: note: fused 2 loop nests into 1
/*
 * A fixed-size local array as the intermediate between two operators.
 */
#include <stdio.h>

#define ROWS 64
#define COLS 64

static float x[ROWS][COLS], gate[COLS], y[ROWS][COLS];

static void gated_residual(void)
{
	float tmp[ROWS][COLS];

	for (int i = 0; i < ROWS; i++)
		for (int j = 0; j < COLS; j++)
			tmp[i][j] = x[i][j] * gate[j];
	for (int i = 0; i < ROWS; i++)
		for (int j = 0; j < COLS; j++)
			y[i][j] = x[i][j] + 0.5f * tmp[i][j];
}

int main(void)
{
	for (int i = 0; i < ROWS; i++)
		for (int j = 0; j < COLS; j++)
			x[i][j] = (float)((i * 9 + j * 2) % 33 - 16) / 8.0f;
	for (int j = 0; j < COLS; j++)
		gate[j] = (float)(j % 4) / 4.0f;
	gated_residual();
	fwrite(y, sizeof y, 1, stdout);
	return 0;
}
