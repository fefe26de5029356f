// EXPECT-UNCHANGED
// EXPECT-STDERR: :[0-9]+:[0-9]+: remark: not fused with the nest at line [0-9]+: fusion would save the traffic of 1-dimensional data while the nests stream 2-dimensional data
/*
 * Legal fusion that saves next to nothing: a matrix-vector product and
 * its activation, with sizes known only at run time.  Fusing them keeps
 * y[i] in a register between the two, but every iteration of the
 * product streams a row of A: the saving is one vector against a whole
 * matrix, and it vanishes as the sizes grow (an RNN cell measured 0.74x
 * fused).
 */
#include <math.h>
#include <stdio.h>

static void gemv_tanh(int m, int n, const float A[restrict m][n],
	const float x[restrict n], float y[restrict m],
	float out[restrict m])
{
	for (int i = 0; i < m; i++) {
		y[i] = 0.0f;
		for (int j = 0; j < n; j++)
			y[i] += A[i][j] * x[j];
	}
	for (int i = 0; i < m; i++)
		out[i] = tanhf(y[i]);
}

int main(void)
{
	enum { M = 96, N = 80 };
	static float A[M][N], x[N], y[M], out[M];

	for (int i = 0; i < M; i++)
		for (int j = 0; j < N; j++)
			A[i][j] = (float) ((i * 7 + j * 3) % 17) / 17.0f - 0.5f;
	for (int j = 0; j < N; j++)
		x[j] = (float) (j % 5) * 0.25f;
	gemv_tanh(M, N, A, x, y, out);
	for (int i = 0; i < M; i++)
		printf("%a %a\n", y[i], out[i]);
	return 0;
}
