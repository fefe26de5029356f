// DISTINCT
/*
 * Class: type limits / tile loops with a shift.
 *
 * Attacks: a row-wise producer followed by a product that reads the
 * next row of its output (P[r + 1]), with the row loop running up to
 * hi == INT_MAX (exclusive).  Fusing needs the product one row behind
 * the producer; tiling that band needs tile and point loops that reach
 * i == hi, and "i <= hi" followed by i++ overflows.
 */
#include <limits.h>
#include <stdio.h>

#define M 40

static float X[M + 1][M], P[M + 1][M], W[M][M], Q[M][M];

static void kernel(int lo, int hi)
{
	for (int i = lo; i < hi; i++)
		for (int j = 0; j < M; j++)
			P[i - lo][j] = X[i - lo][j] * 0.5f + 1.0f;
	for (int i = lo; i < hi; i++)
		for (int j = 0; j < M; j++)
			for (int k = 0; k < M; k++)
				Q[i - lo][j] += P[i - lo + 1][k] * W[k][j];
}

int main(void)
{
	float s = 0.0f;

	for (int i = 0; i <= M; i++)
		for (int j = 0; j < M; j++) {
			X[i][j] = (float)((i * 3 + j * 7) % 17) - 8.0f;
			P[i][j] = 2.0f;
		}
	for (int i = 0; i < M; i++)
		for (int j = 0; j < M; j++)
			W[i][j] = (float)((i + j * 5) % 7) * 0.125f;
	kernel(INT_MAX - M, INT_MAX);
	for (int i = 0; i < M; i++)
		for (int j = 0; j < M; j++)
			s = s * 0.5f + Q[i][j];
	printf("%a %a %a\n", Q[0][0], Q[M - 1][M - 1], s);
	return 0;
}
