/* The seed example: a matmul nest followed by a relu nest over its
 * result.  loopfuse applies the relu to each C[i][j] right after its
 * reduction, inside the same tile.
 */
#define N 1024

static float relu(float x)
{
	return x > 0.0f ? x : 0.0f;
}

void matmul_relu(float A[restrict N][N], float B[restrict N][N],
		 float C[restrict N][N])
{
	for (int i = 0; i < N; i++)
		for (int j = 0; j < N; j++) {
			C[i][j] = 0.0f;
			for (int k = 0; k < N; k++)
				C[i][j] += A[i][k] * B[k][j];
		}
	/* activation */
	for (int i = 0; i < N; i++)
		for (int j = 0; j < N; j++)
			C[i][j] = relu(C[i][j]);
}
