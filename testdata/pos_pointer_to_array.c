// RUN-ARGS: --function=shift_square
// EXPECT-STDERR: :15:[0-9]+: note: fused 2 loop nests into 1
/*
 * Pointers to arrays, float (*a)[COLS], as row-major tensors with a
 * compile-time row length and a run-time row count.
 */
#include <stdio.h>

#define ROWS 200
#define COLS 128

static void shift_square(int rows, float (*restrict in)[COLS],
						 float (*restrict mid)[COLS], float (*restrict out)[COLS])
{
	for (int i = 0; i < rows; i++)
		for (int j = 0; j < COLS; j++)
			mid[i][j] = in[i][j] + 0.25f * (float)j;
	for (int i = 0; i < rows; i++)
		for (int j = 0; j < COLS; j++)
			out[i][j] = mid[i][j] * mid[i][j];
}

static float A[ROWS][COLS], B[ROWS][COLS], C[ROWS][COLS];

int main(void)
{
	for (int i = 0; i < ROWS; i++)
		for (int j = 0; j < COLS; j++)
			A[i][j] = (float)((i * 7 + j) % 13 - 6) / 4.0f;
	shift_square(ROWS, A, B, C);
	fwrite(B, sizeof B, 1, stdout);
	fwrite(C, sizeof C, 1, stdout);
	return 0;
}
