// RUN-ARGS: --function=gemv_bias_leaky --fuse-all
// EXPECT-STDERR: :18:[0-9]+: note: fused 3 loop nests into 1
/*
 * Local scalars declared in the loop body: a matrix-vector product that
 * accumulates in a register variable, a bias add, and a leaky ReLU that
 * reads its input into a temporary.
 */
#include <stdio.h>

#define M 512
#define K 384

static float A[M][K], x[K], bias[M];
static float y[M], z[M];

static void gemv_bias_leaky(void)
{
	for (int i = 0; i < M; i++) {
		float acc = 0.0f;
		for (int k = 0; k < K; k++)
			acc += A[i][k] * x[k];
		y[i] = acc;
	}
	for (int i = 0; i < M; i++)
		y[i] += bias[i];
	for (int i = 0; i < M; i++) {
		float v = y[i];
		z[i] = v > 0.0f ? v : 0.0625f * v;
	}
}

int main(void)
{
	for (int i = 0; i < M; i++) {
		for (int k = 0; k < K; k++)
			A[i][k] = (float)((i * 7 + k * 3 + i * k) % 43 - 21) / 30.0f;
		bias[i] = (float)(i % 11 - 5) / 2.0f;
	}
	for (int k = 0; k < K; k++)
		x[k] = (float)(k % 9 - 4) / 4.0f;
	gemv_bias_leaky();
	fwrite(y, sizeof y, 1, stdout);
	fwrite(z, sizeof z, 1, stdout);
	return 0;
}
