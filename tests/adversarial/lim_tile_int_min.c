// DISTINCT
/*
 * Class: type limits / tile loops.
 *
 * Attacks: a matrix product whose row loop runs over
 * [INT_MIN, INT_MIN + 48) (the subscripts subtract lo).  A tiling tool
 * computes the first tile as floor(lo / T), and C division truncates,
 * so the printed form is typically "lo < 0 ? (lo - (T - 1)) / T :
 * lo / T": lo - (T - 1) overflows for INT_MIN.  The product has
 * nothing wrong with it; only the tile arithmetic does.
 */
#include <limits.h>
#include <stdio.h>

#define M 48

static float A[M][M], B[M][M], C[M][M];

static void kernel(int lo)
{
	for (int i = lo; i < lo + M; i++)
		for (int j = 0; j < M; j++)
			C[i - lo][j] = 0.0f;
	for (int i = lo; i < lo + M; i++)
		for (int j = 0; j < M; j++)
			for (int k = 0; k < M; k++)
				C[i - lo][j] += A[i - lo][k] * B[k][j];
}

int main(void)
{
	float s = 0.0f;

	for (int i = 0; i < M; i++)
		for (int j = 0; j < M; j++) {
			A[i][j] = (float)((i * 7 + j * 3) % 11) - 5.0f;
			B[i][j] = (float)((i * 5 + j) % 13) * 0.25f;
			C[i][j] = 99.0f;
		}
	kernel(INT_MIN);
	for (int i = 0; i < M; i++)
		for (int j = 0; j < M; j++)
			s = s * 0.5f + C[i][j];
	printf("%a %a %a\n", C[0][0], C[M - 1][M - 1], s);
	return 0;
}
