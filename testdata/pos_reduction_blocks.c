// RUN-ARGS: --function=dense_bias_relu --tile-size=16
// EXPECT-STDERR: :23:[0-9]+: note: fused 3 loop nests into 1( \(tiled 16x16, k in blocks of 16\))?$
/*
 * A dense layer with sizes that no tile divides: the product runs k in
 * blocks of 16 inside each 16x16 tile of (i, j), with partial blocks at
 * every edge, and bias and relu run on the tile once its sums are done.
 */
#include <stdio.h>

#define M 37
#define N 45
#define K 301

static float A[M][K], B[K][N], bias[N], C[M][N];

static float relu(float x)
{
	return x > 0.0f ? x : 0.0f;
}

static void dense_bias_relu(void)
{
	for (int i = 0; i < M; i++)
		for (int j = 0; j < N; j++) {
			C[i][j] = 0.0f;
			for (int k = 0; k < K; k++)
				C[i][j] += A[i][k] * B[k][j];
		}
	for (int i = 0; i < M; i++)
		for (int j = 0; j < N; j++)
			C[i][j] += bias[j];
	for (int i = 0; i < M; i++)
		for (int j = 0; j < N; j++)
			C[i][j] = relu(C[i][j]);
}

int main(void)
{
	for (int i = 0; i < M; i++)
		for (int k = 0; k < K; k++)
			A[i][k] = (float)((i * 7 + k * 3) % 19) / 19.0f - 0.45f;
	for (int k = 0; k < K; k++)
		for (int j = 0; j < N; j++)
			B[k][j] = (float)((k * 5 + j * 11) % 23) / 23.0f - 0.5f;
	for (int j = 0; j < N; j++)
		bias[j] = (float)(j % 7) / 7.0f - 0.4f;
	dense_bias_relu();
	fwrite(C, sizeof C, 1, stdout);
	return 0;
}
