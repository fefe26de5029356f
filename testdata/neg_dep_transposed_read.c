// RUN-ARGS: --function=matmul_transpose_relu --fuse-all
// EXPECT-UNCHANGED
// EXPECT-STDERR: :[0-9]+:[0-9]+: remark: not fused with the nest at line [0-9]+: .*prod.*would be read before it is written
/*
 * Illegal fusion by dependence: a matmul followed by a nest that reads
 * its result transposed, prod[j][i].  Row i of the second nest needs
 * column i of prod, which every row of the matmul contributes to, so
 * the nests cannot share even the outer loop.  (Without --fuse-all the
 * planner refuses first for the lack of reuse: prod[i][j] and prod[j][i]
 * meet only on the diagonal.)
 */
#include <stdio.h>

#define N 128

static float A[N][N], B[N][N], prod[N][N], out[N][N];

static void matmul_transpose_relu(void)
{
	for (int i = 0; i < N; i++)
		for (int j = 0; j < N; j++) {
			prod[i][j] = 0.0f;
			for (int k = 0; k < N; k++)
				prod[i][j] += A[i][k] * B[k][j];
		}
	for (int i = 0; i < N; i++)
		for (int j = 0; j < N; j++)
			out[i][j] = prod[j][i] > 0.0f ? prod[j][i] : 0.0f;
}

int main(void)
{
	for (int i = 0; i < N; i++)
		for (int j = 0; j < N; j++) {
			A[i][j] = (float)((i * 3 + j * 5 + i * j) % 31 - 15) / 7.0f;
			B[i][j] = (float)((i * 7 + j * 2 + i * j) % 29 - 14) / 9.0f;
		}
	matmul_transpose_relu();
	fwrite(prod, sizeof prod, 1, stdout);
	fwrite(out, sizeof out, 1, stdout);
	return 0;
}
