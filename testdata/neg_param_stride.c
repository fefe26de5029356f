// RUN-ARGS: --function=pack_rows
// EXPECT-UNCHANGED
// EXPECT-STDERR: :25:[0-9]+: remark: not fused with the nest at line 20: b\[i ?\* ?n ?\+ ?j\]: flat subscript whose inner part is not proven to stay in \[0, n\)
/*
 * Flat addressing with a run-time row stride, a[i*n+j], where nothing
 * says that j stays below n: the loop runs to m, another parameter.
 * With m > n a row runs into the next one, so a[i*n+j] is not a[i][j]
 * and the rows of the two nests may overlap; nothing is fused.
 */
#include <stdio.h>

#define ROWS 64
#define COLS 48

static float in[ROWS][COLS], out[ROWS * COLS + COLS];
static float packed[ROWS * COLS + COLS];

static void pack_rows(int n, int m, float *restrict a, float *restrict b)
{
	for (int i = 0; i < ROWS; i++)
		for (int j = 0; j < m; j++)
			a[i*n+j] = in[i][j] * 0.5f;
	for (int i = 0; i < ROWS; i++)
		for (int j = 0; j < m; j++)
			b[i*n+j] = a[i*n+j] + 1.0f;
}

int main(void)
{
	for (int i = 0; i < ROWS; i++)
		for (int j = 0; j < COLS; j++)
			in[i][j] = (float)((i * 5 + j) % 21) / 4.0f;
	pack_rows(COLS - 8, COLS, packed, out);
	fwrite(packed, sizeof packed, 1, stdout);
	fwrite(out, sizeof out, 1, stdout);
	return 0;
}
