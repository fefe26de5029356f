// DISTINCT
/*
 * Class: name capture / shadowing inside loop bodies.
 *
 * Attacks: the second nest's body is a block that declares a local
 * named i (the first nest's iterator) and a local named it (a tile
 * loop's likely name), and the third nest's iterator is named i too.
 * A fused loop named i would make the block's "a[k] * i" read the
 * local; a tile loop named it would be shadowed inside the block.
 */
#include <stdio.h>

#define M 128

static float X[M][M], Y[M][M], Z[M][M], W[M][M];

static void kernel(int n)
{
	for (int i = 0; i < n; i++)
		for (int j = 0; j < n; j++)
			Y[i][j] = X[i][j] + 1.0f;
	for (int k = 0; k < n; k++)
		for (int l = 0; l < n; l++) {
			float i = 0.25f;
			int it = k + l;

			Z[k][l] = Y[k][l] * i + (float)it;
		}
	for (int i = 0; i < n; i++)
		for (int j = 0; j < n; j++)
			for (int k = 0; k < n; k += 16)
				W[i][j] += Z[i][k] * Y[k][j];
}

int main(void)
{
	float s = 0.0f;

	for (int i = 0; i < M; i++)
		for (int j = 0; j < M; j++)
			X[i][j] = (float)((i * 7 + j) % 10) * 0.5f;
	kernel(M);
	for (int i = 0; i < M; i++)
		for (int j = 0; j < M; j++)
			s = s * 0.5f + W[i][j];
	printf("%a %a %a\n", Z[3][4], W[M - 1][M - 1], s);
	return 0;
}
