// RUN-ARGS: --function=chained_rows --tile-size=16 --fuse-all
// EXPECT-STDERR: :21:[0-9]+: note: fused 2 loop nests into 1( \(tiled 16x16\))?$
/*
 * Each row starts from the previous row's sums, read before the clamp
 * (which fuses one row behind).  Tiling (i, j) is legal, but running
 * each statement on the whole tile in turn is not: row i would start
 * before the sums of row i - 1 in the same tile are done.  The tiles
 * keep one loop over the rows for all statements.  The data stays in
 * cache unfused, so only --fuse-all fuses with the shift this needs.
 */
#include <stdio.h>

#define M 40
#define N 48
#define K 200

static float A[M][K], B[K][N], C[M][N];

static void chained_rows(void)
{
	for (int i = 1; i < M; i++)
		for (int j = 0; j < N; j++) {
			C[i][j] = 0.5f * C[i - 1][j];
			for (int k = 0; k < K; k++)
				C[i][j] += A[i][k] * B[k][j];
		}
	for (int i = 1; i < M; i++)
		for (int j = 0; j < N; j++)
			C[i][j] = C[i][j] > 1.0f ? 1.0f : C[i][j];
}

int main(void)
{
	for (int i = 0; i < M; i++)
		for (int k = 0; k < K; k++)
			A[i][k] = (float)((i * 3 + k) % 17) / 170.0f;
	for (int k = 0; k < K; k++)
		for (int j = 0; j < N; j++)
			B[k][j] = (float)((k + j * 5) % 13) / 130.0f;
	for (int j = 0; j < N; j++)
		C[0][j] = (float)(j % 5);
	chained_rows();
	fwrite(C, sizeof C, 1, stdout);
	return 0;
}
