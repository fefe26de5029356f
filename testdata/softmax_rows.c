// RUN-ARGS: --function=softmax
// EXPECT-STDERR: :21:[0-9]+: note: fused 3 loop nests into 1
/*
 * Row-wise softmax over 256 rows of 1000 logits: row maximum, then
 * exponentials and their sum, then normalization.  Each row needs its
 * complete max and sum before the next step, so the nests fuse over
 * rows only.
 */
#include <math.h>
#include <stdio.h>

#define ROWS 256
#define COLS 1000

static float x[ROWS][COLS];
static float mx[ROWS], sum[ROWS];
static float e[ROWS][COLS], y[ROWS][COLS];

static void softmax(void)
{
	for (int i = 0; i < ROWS; i++) {
		mx[i] = x[i][0];
		for (int j = 1; j < COLS; j++)
			mx[i] = x[i][j] > mx[i] ? x[i][j] : mx[i];
	}
	for (int i = 0; i < ROWS; i++) {
		sum[i] = 0.0f;
		for (int j = 0; j < COLS; j++) {
			e[i][j] = expf(x[i][j] - mx[i]);
			sum[i] += e[i][j];
		}
	}
	for (int i = 0; i < ROWS; i++)
		for (int j = 0; j < COLS; j++)
			y[i][j] = e[i][j] / sum[i];
}

static void init(void)
{
	for (int i = 0; i < ROWS; i++)
		for (int j = 0; j < COLS; j++)
			x[i][j] = (float)((i * 31 + j * 17) % 101 - 50) / 10.0f;
}

int main(void)
{
	init();
	softmax();
	fwrite(mx, sizeof mx, 1, stdout);
	fwrite(sum, sizeof sum, 1, stdout);
	fwrite(e, sizeof e, 1, stdout);
	fwrite(y, sizeof y, 1, stdout);
	return 0;
}
