// RUN-ARGS: --function=product --tile-size=16
// EXPECT-TILED: :20:[0-9]+: note: tiled the loop nest \(16x16, k in blocks of 16\)$
/*
 * A matrix product on its own, with sizes no tile divides: nothing to
 * fuse, but it is tiled the way a fused product is, (i, j) in tiles
 * with j innermost and k in blocks, each C[i][j] summed over k in the
 * original order.
 */
#include <stdio.h>

#define M 45
#define N 39
#define K 101

static float A[M][K], B[K][N], C[M][N];

static void product(void)
{
	/* C = A B */
	for (int i = 0; i < M; i++)
		for (int j = 0; j < N; j++) {
			C[i][j] = 0.0f;
			for (int k = 0; k < K; k++)
				C[i][j] += A[i][k] * B[k][j];
		}
}

int main(void)
{
	for (int i = 0; i < M; i++)
		for (int k = 0; k < K; k++)
			A[i][k] = (float)((i * 7 + k * 3) % 23) / 8.0f - 1.0f;
	for (int k = 0; k < K; k++)
		for (int j = 0; j < N; j++)
			B[k][j] = (float)((k * 5 + j * 11) % 19) / 4.0f - 2.0f;
	product();
	fwrite(C, sizeof C, 1, stdout);
	return 0;
}
