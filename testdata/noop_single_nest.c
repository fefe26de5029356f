// RUN-ARGS: --function=transpose
// EXPECT-UNCHANGED
/*
 * A single loop nest: nothing to fuse, the file comes back as it was.
 */
#include <stdio.h>

#define ROWS 90
#define COLS 70

static float in[ROWS][COLS], out[COLS][ROWS];

static void transpose(void)
{
	for (int i = 0; i < ROWS; i++)
		for (int j = 0; j < COLS; j++)
			out[j][i] = in[i][j];
}

int main(void)
{
	for (int i = 0; i < ROWS; i++)
		for (int j = 0; j < COLS; j++)
			in[i][j] = (float)(i * COLS + j);
	transpose();
	fwrite(out, sizeof out, 1, stdout);
	return 0;
}
