// RUN-ARGS: --function=matmul_relu
// EXPECT-STDERR: :15:[0-9]+: note: fused 2 loop nests into 1
/*
 * Dense layer: C = relu(A * B) on 256x256 floats, written as a matmul
 * nest followed by an activation nest over its result.
 */
#include <stdio.h>

#define N 256

static float A[N][N], B[N][N], C[N][N];

static void matmul_relu(void)
{
	for (int it = 0; it <= (N - 1) / 32; it++) {
		for (int jt = 0; jt <= (N - 1) / 32; jt++) {
			for (int i = 32 * it; i <= (N - 1 < 32 * it + 31 ? N - 1 : 32 * it + 31); i++) {
				for (int j = 32 * jt; j <= (N - 1 < 32 * jt + 31 ? N - 1 : 32 * jt + 31); j++)
					C[i][j] = 0.0f;
			}
			for (int kt = 0; kt <= (N - 1) / 32; kt++) {
				for (int i = 32 * it; i <= (N - 1 < 32 * it + 31 ? N - 1 : 32 * it + 31); i++) {
					for (int k = 32 * kt; k <= (N - 1 < 32 * kt + 31 ? N - 1 : 32 * kt + 31); k++) {
						for (int j = 32 * jt; j <= (N - 1 < 32 * jt + 31 ? N - 1 : 32 * jt + 31); j++)
							C[i][j] += A[i][k] * B[k][j];
					}
				}
			}
			for (int i = 32 * it; i <= (N - 1 < 32 * it + 31 ? N - 1 : 32 * it + 31); i++) {
				for (int j = 32 * jt; j <= (N - 1 < 32 * jt + 31 ? N - 1 : 32 * jt + 31); j++)
					C[i][j] = C[i][j] > 0.0f ? C[i][j] : 0.0f;
			}
		}
	}
}

static void init(void)
{
	for (int i = 0; i < N; i++)
		for (int j = 0; j < N; j++) {
			A[i][j] = (float)((i * 7 + j * 13 + i * j) % 37 - 18) / 7.0f;
			B[i][j] = (float)((i * 11 + j * 5 + i * j) % 41 - 20) / 13.0f;
		}
}

int main(void)
{
	init();
	matmul_relu();
	fwrite(C, sizeof C, 1, stdout);
	return 0;
}
