/*
 * Class: aliasing that really happens / rows of one 2-D array.
 *
 * Attacks: pointers to two consecutive rows of the same 2-D array,
 * passed as a flat "float *" whose indexing runs past the first row:
 * top[C + j] is bottom[j].  The first nest writes bottom[j], the second
 * reads top[C + j - 1] (the element before it); fusing them is wrong
 * exactly because the parameters are rows of one object.
 */
#include <stdio.h>

#define R 4
#define C 4096

static float grid[R][C];
static float out[C], wt[C];

static void kernel(float *top, float *bottom, const float *restrict w,
	int c)
{
	for (int j = 1; j < c; j++)
		bottom[j] = w[j] * 0.25f;
	for (int j = 1; j < c; j++)
		out[j] = top[C + j - 1] * 2.0f + top[j] + w[j];
}

int main(void)
{
	float s = 0.0f;

	for (int i = 0; i < R; i++)
		for (int j = 0; j < C; j++)
			grid[i][j] = -1.0f;
	for (int j = 0; j < C; j++)
		wt[j] = (float)(j % 10);
	kernel(&grid[0][0], &grid[1][0], wt, C);
	for (int j = 0; j < C; j++)
		s = s * 0.5f + out[j];
	printf("%a %a %a\n", out[1], out[C - 1], s);
	return 0;
}
