// DISTINCT
/*
 * Class: steps other than 1 / tiling.
 *
 * Attacks: a matrix product and its epilogue whose column loops step
 * by 3 (only every third column is computed), so that the tiled band
 * has a strided loop: tile bounds must stay on the stride (j == 0 mod
 * 3) and cover every column exactly once, whatever the tile size.
 */
#include <stdio.h>

#define M 100

static float A[M][M], B[M][M], C[M][M], D[M][M];

static void kernel(int n)
{
	for (int i = 0; i < n; i++)
		for (int j = 0; j < n; j += 3)
			C[i][j] = 1.0f;
	for (int i = 0; i < n; i++)
		for (int j = 0; j < n; j += 3)
			for (int k = 0; k < n; k++)
				C[i][j] += A[i][k] * B[k][j];
	for (int i = 0; i < n; i++)
		for (int j = 0; j < n; j += 3)
			D[i][j] = C[i][j] * 0.5f + 1.0f;
}

int main(void)
{
	float s = 0.0f;

	for (int i = 0; i < M; i++)
		for (int j = 0; j < M; j++) {
			A[i][j] = (float)((i * 3 + j) % 11) - 5.0f;
			B[i][j] = (float)((i + j * 7) % 13) * 0.25f;
			D[i][j] = -1.0f;
		}
	kernel(M);
	for (int i = 0; i < M; i++)
		for (int j = 0; j < M; j++)
			s = s * 0.5f + D[i][j];
	printf("%a %a %a\n", D[0][0], D[M - 1][99], s);
	return 0;
}
