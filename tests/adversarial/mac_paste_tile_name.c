// DISTINCT
/*
 * Class: macros / token pasting, name capture.
 *
 * Attacks: a global whose name is made by token pasting, CAT(i, t), so
 * that the identifier "it" never appears as a token of the file.  The
 * relu after the matrix product scales by it.  A tool that names tile
 * loops after their point loop plus "t" and checks the names against
 * the identifiers of the file finds "it" free; inside the tile loop
 * named it, CAT(i, t) then means the tile index, not the global.
 */
#include <stdio.h>

#define CAT(a, b) a##b
#define M 96

static float CAT(i, t) = 0.5f;
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
	for (int i = 0; i < n; i++)
		for (int j = 0; j < n; j++)
			D[i][j] = (C[i][j] > 0.0f ? C[i][j] : 0.0f) * CAT(i, t);
}

int main(void)
{
	float s = 0.0f;

	for (int i = 0; i < M; i++)
		for (int j = 0; j < M; j++) {
			A[i][j] = (float)((i * 3 + j * 5) % 7) - 3.0f;
			B[i][j] = (float)((i + j * 2) % 5) - 2.0f;
		}
	kernel(M);
	for (int i = 0; i < M; i++)
		for (int j = 0; j < M; j++)
			s = s * 0.5f + D[i][j];
	printf("%a %a %a\n", D[0][1], D[M - 1][M - 2], s);
	return 0;
}
