// RUN-ARGS: --function=pack_and_shift
// EXPECT-STDERR: :19:2: note: fused 2 loop nests into 1
/*
 * Flat addressing with a run-time row stride, a[i*n+j] with n a
 * parameter: the product of an iterator and a parameter is not affine,
 * but with 0 <= j < n (the loop bounds say so) a[i*n+j] is a[i][j]
 * over the shape [*][n], and the two nests share their rows.
 */
#include <stdio.h>

#define ROWS 64
#define COLS 48

static float in[ROWS][COLS], out[ROWS][COLS];
static float packed[ROWS * COLS];

static void pack_and_shift(int n, float *restrict a)
{
	for (int i = 0; i < ROWS; i++)
		for (int j = 0; j < n; j++)
			a[i*n+j] = in[i][j] * 0.5f;
	for (int i = 0; i < ROWS; i++)
		for (int j = 0; j < COLS; j++)
			out[i][j] = in[i][j] + 1.0f;
}

int main(void)
{
	for (int i = 0; i < ROWS; i++)
		for (int j = 0; j < COLS; j++)
			in[i][j] = (float)((i * 5 + j) % 21) / 4.0f;
	pack_and_shift(COLS, packed);
	fwrite(packed, sizeof packed, 1, stdout);
	fwrite(out, sizeof out, 1, stdout);
	return 0;
}
