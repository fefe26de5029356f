// RUN-ARGS: --function=scale_first_above
// EXPECT-UNCHANGED
// EXPECT-STDERR: :26:[0-9]+: remark: not fused with the nest at line 18: .*break
/*
 * An early exit: the second nest finds, per row, the first column above
 * a threshold and stops searching with break.
 */
#include <stdio.h>

#define ROWS 200
#define COLS 100

static float x[ROWS][COLS], m[ROWS][COLS];
static int first[ROWS];

static void scale_first_above(void)
{
	for (int i = 0; i < ROWS; i++)
		for (int j = 0; j < COLS; j++)
			m[i][j] = x[i][j] * 1.5f;
	for (int i = 0; i < ROWS; i++) {
		first[i] = -1;
		for (int j = 0; j < COLS; j++)
			if (m[i][j] > 10.0f) {
				first[i] = j;
				break;
			}
	}
}

int main(void)
{
	for (int i = 0; i < ROWS; i++)
		for (int j = 0; j < COLS; j++)
			x[i][j] = (float)((i * 7 + j * j) % (i + 13));
	scale_first_above();
	fwrite(m, sizeof m, 1, stdout);
	fwrite(first, sizeof first, 1, stdout);
	return 0;
}
