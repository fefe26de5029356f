// DISTINCT
/*
 * Class: far-apart ranges / tiling.
 *
 * Attacks: two 2-D nests whose row ranges are [0, R) and [off, off + R)
 * with an unsigned off == 2^40 at run time (the second's subscripts
 * subtract off, and off >= 0 makes fusion legal).  The second is a
 * small product with an inner k loop, so a tiling tool is tempted to
 * tile the fused band.  Both a fused row loop and a tile loop over the
 * hull of the row ranges take practically forever.
 */
#include <stdio.h>

#define R 64

static float X[R][R], Y[R][R], W[R][R], Z[R][R];

static void kernel(unsigned long off)
{
	for (long i = 0; i < R; i++)
		for (long j = 0; j < R; j++)
			Y[i][j] = X[i][j] * 2.0f + 1.0f;
	for (unsigned long i = off; i < off + R; i++)
		for (long j = 0; j < R; j++)
			for (long k = 0; k < R; k++)
				Z[i - off][j] += Y[i - off][k] * W[k][j];
}

int main(void)
{
	float s = 0.0f;

	for (int i = 0; i < R; i++)
		for (int j = 0; j < R; j++) {
			X[i][j] = (float)((i * 5 + j) % 9) - 4.0f;
			W[i][j] = (float)((i + j * 3) % 5) * 0.25f;
		}
	kernel(1UL << 40);
	for (int i = 0; i < R; i++)
		for (int j = 0; j < R; j++)
			s = s * 0.5f + Z[i][j];
	printf("%a %a %a\n", Z[0][0], Z[R - 1][R - 1], s);
	return 0;
}
