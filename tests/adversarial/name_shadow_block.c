// DISTINCT
/*
 * Class: name capture / shadowing inside loop bodies.
 *
 * Attacks: the epilogue of a matrix product is a block that declares
 * locals named i (the product's row iterator) and it, jt (the likely
 * names of the tile loops), while its own iterators are k and l.  A
 * fused, tiled group whose loops take those names would have the
 * block's "C[k][l] * i" read the local where the loop variable was
 * meant, or the block's locals hide the tile loops it needs.
 */
#include <stdio.h>

#define M 128

static float A[M][M], B[M][M], C[M][M], D[M][M];

static void kernel(int n)
{
	for (int i = 0; i < n; i++)
		for (int j = 0; j < n; j++)
			C[i][j] = 0.0f;
	for (int i = 0; i < n; i++)
		for (int j = 0; j < n; j++)
			for (int k = 0; k < n; k++)
				C[i][j] += A[i][k] * B[k][j];
	for (int k = 0; k < n; k++)
		for (int l = 0; l < n; l++) {
			float i = 0.25f;
			int it = k + l, jt = k - l;

			D[k][l] = C[k][l] * i + (float)(it * jt);
		}
}

int main(void)
{
	float s = 0.0f;

	for (int i = 0; i < M; i++)
		for (int j = 0; j < M; j++) {
			A[i][j] = (float)((i * 7 + j) % 10) * 0.5f;
			B[i][j] = (float)((i + j * 3) % 9) - 4.0f;
		}
	kernel(M);
	for (int i = 0; i < M; i++)
		for (int j = 0; j < M; j++)
			s = s * 0.5f + D[i][j];
	printf("%a %a %a\n", D[3][4], D[M - 1][M - 1], s);
	return 0;
}
