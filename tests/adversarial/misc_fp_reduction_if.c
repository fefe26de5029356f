// DISTINCT
/*
 * Class: floating-point reductions / conditional accumulation.
 *
 * Attacks: a reduction into one accumulator per row that only adds the
 * elements that pass a data-dependent test (an if that cannot be
 * analysed, kept whole as one statement), after a nest that produces
 * those elements.  The accumulations must stay in order even though
 * the analysis only knows they may happen.
 */
#include <stdio.h>

#define R 256
#define C 256

static float X[R][C], Y[R][C], acc[R];

static void kernel(int r, int c)
{
	for (int i = 0; i < r; i++)
		for (int j = 0; j < c; j++)
			Y[i][j] = X[i][j] * X[i][j] - 0.5f;
	for (int i = 0; i < r; i++)
		for (int j = 0; j < c; j++)
			if (Y[i][j] > 0.0f)
				acc[i / 2] += Y[i][j] * 1e-3f + acc[i / 2] * 1e-7f;
}

int main(void)
{
	float s = 0.0f;

	for (int i = 0; i < R; i++)
		for (int j = 0; j < C; j++)
			X[i][j] = (float)((i * 31 + j * 17) % 101) * 0.0625f - 3.0f;
	kernel(R, C);
	for (int i = 0; i < R; i++)
		s = s * 0.5f + acc[i];
	printf("%a %a %a\n", acc[0], acc[R / 2 - 1], s);
	return 0;
}
