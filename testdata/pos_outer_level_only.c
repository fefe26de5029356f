// RUN-ARGS: --function=scale_flip
// EXPECT-STDERR: :18:[0-9]+: note: fused 2 loop nests into 1
/*
 * Fusion that is legal at the row level only: the second nest mirrors
 * each row, reading row[i][COLS - 1 - j], which the first nest writes
 * late in the same row.  Fusing the column loops too would read values
 * before they are written.
 */
#include <stdio.h>

#define ROWS 100
#define COLS 120

static float img[ROWS][COLS], row[ROWS][COLS], flip[ROWS][COLS];

static void scale_flip(void)
{
	for (int i = 0; i < ROWS; i++)
		for (int j = 0; j < COLS; j++)
			row[i][j] = img[i][j] * 2.0f + 1.0f;
	for (int i = 0; i < ROWS; i++)
		for (int j = 0; j < COLS; j++)
			flip[i][j] = row[i][COLS - 1 - j];
}

int main(void)
{
	for (int i = 0; i < ROWS; i++)
		for (int j = 0; j < COLS; j++)
			img[i][j] = (float)((i * 3 + j * 7) % 40) / 8.0f;
	scale_flip();
	fwrite(row, sizeof row, 1, stdout);
	fwrite(flip, sizeof flip, 1, stdout);
	return 0;
}
