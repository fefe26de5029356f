// RUN-ARGS: --function=radial_profile
// EXPECT-STDERR: :16:[0-9]+: note: fused 2 loop nests into 1
/*
 * long iterators over a centered coordinate range, -HALF .. HALF - 1,
 * with subscripts offset by HALF.
 */
#include <stdio.h>

#define HALF 100L
#define SIZE (2 * HALF)

static float field[SIZE][SIZE], r2[SIZE][SIZE], damped[SIZE][SIZE];

static void radial_profile(void)
{
	for (long y = -HALF; y < HALF; y++)
		for (long x = -HALF; x < HALF; x++)
			r2[y + HALF][x + HALF] = (float)(x * x + y * y) / (float)(HALF * HALF);
	for (long y = -HALF; y < HALF; y++)
		for (long x = -HALF; x < HALF; x++)
			damped[y + HALF][x + HALF] = field[y + HALF][x + HALF] / (1.0f + r2[y + HALF][x + HALF]);
}

int main(void)
{
	for (long i = 0; i < SIZE; i++)
		for (long j = 0; j < SIZE; j++)
			field[i][j] = (float)((i * 7 + j * 3) % 25) / 5.0f;
	radial_profile();
	fwrite(r2, sizeof r2, 1, stdout);
	fwrite(damped, sizeof damped, 1, stdout);
	return 0;
}
