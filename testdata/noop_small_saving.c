// RUN-ARGS: --function=dense_tanh
// EXPECT-UNCHANGED
// EXPECT-STDERR: :24:[0-9]+: remark: not fused with the nest at line 19: fusion would save at most 1024 of the 265216 bytes these nests access \(under 5%\)
/*
 * A matrix-vector product and its tanh epilogue.  Fusion is legal, but
 * the epilogue re-reads only the 1 KiB vector the product wrote, out of
 * the 259 KiB the two nests access: the cost model leaves them apart
 * (--fuse-all fuses them).
 */
#include <math.h>
#include <stdio.h>

#define N 256

static float W[N][N], x[N], y[N], out[N];

static void dense_tanh(void)
{
	for (int i = 0; i < N; i++) {
		y[i] = 0.0f;
		for (int j = 0; j < N; j++)
			y[i] += W[i][j] * x[j];
	}
	for (int i = 0; i < N; i++)
		out[i] = tanhf(y[i]);
}

int main(void)
{
	for (int i = 0; i < N; i++) {
		x[i] = (float)(i % 13) / 13.0f - 0.5f;
		for (int j = 0; j < N; j++)
			W[i][j] = (float)((i * 7 + j * 3) % 17) / 170.0f;
	}
	dense_tanh();
	fwrite(y, sizeof y, 1, stdout);
	fwrite(out, sizeof out, 1, stdout);
	return 0;
}
