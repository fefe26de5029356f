// RUN-ARGS: --function=smooth --cache=32K,1M
// EXPECT-UNCHANGED
// EXPECT-STDERR: :23:[0-9]+: remark: not fused with the nest at line 19: fusion would need this nest 1 iteration\(s\) behind, and the 129544 bytes
/*
 * Two sweeps of a stencil over 128 KB: the second reads the row after
 * the one the first writes, so it could only run one row behind.  All
 * of it stays in the L2 cache between the sweeps; the shifted loop, with
 * its peeled first and last rows, would cost more than it saves
 * (PolyBench's fdtd-2d ran at 0.39x to 0.46x so fused at 1.15 MB).
 */
#include <stdio.h>

#define N 128

static float a[N][N], b[N][N];

static void smooth(int n)
{
	for (int i = 1; i < n - 1; i++)
		for (int j = 1; j < n - 1; j++)
			b[i][j] = 0.25f * (a[i - 1][j] + a[i + 1][j] +
					   a[i][j - 1] + a[i][j + 1]);
	for (int i = 1; i < n - 1; i++)
		for (int j = 1; j < n - 1; j++)
			a[i][j] = 0.5f * (b[i][j] + b[i + 1][j]);
}

int main(void)
{
	for (int i = 0; i < N; i++)
		for (int j = 0; j < N; j++)
			a[i][j] = (float)((i * 7 + j * 3) % 11);
	smooth(N);
	fwrite(a, sizeof a, 1, stdout);
	fwrite(b, sizeof b, 1, stdout);
	return 0;
}
