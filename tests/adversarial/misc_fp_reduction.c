// DISTINCT
/*
 * Class: floating-point reductions whose order matters.
 *
 * Attacks: a product C += A * B accumulated in float, followed by a
 * row sum over C, and a running column sum carried across rows.  Every
 * one of these is a reduction whose result depends on the order of
 * its additions (the values span many magnitudes).  Fusion and tiling
 * may change the order of independent work but never the order of the
 * additions into one element.
 */
#include <stdio.h>

#define M 128

static float A[M][M], B[M][M], C[M][M], rows[M], cols[M];

static void kernel(int n)
{
	for (int i = 0; i < n; i++)
		for (int j = 0; j < n; j++)
			C[i][j] = 0.0f;
	for (int i = 0; i < n; i++)
		for (int j = 0; j < n; j++)
			for (int k = 0; k < n; k++)
				C[i][j] += A[i][k] * B[k][j];
	for (int i = 0; i < n; i++)
		for (int j = 0; j < n; j++)
			rows[i] += C[i][j];
	for (int i = 0; i < n; i++)
		for (int j = 0; j < n; j++)
			cols[j] = cols[j] * 0.5f + C[i][j];
}

int main(void)
{
	float s = 0.0f;

	for (int i = 0; i < M; i++)
		for (int j = 0; j < M; j++) {
			A[i][j] = (float)((i * 7 + j * 13) % 97) * ((i + j) % 3 ? 1e-3f : 1e3f);
			B[i][j] = (float)((i * 5 + j * 3) % 89) * ((i * j) % 5 ? 1e-2f : 1e2f);
		}
	kernel(M);
	for (int i = 0; i < M; i++)
		s = s * 0.5f + rows[i] + cols[i];
	printf("%a %a %a %a\n", C[0][0], rows[M - 1], cols[M - 1], s);
	return 0;
}
