// RUN-ARGS: --function=scale_rows
// EXPECT-UNCHANGED
// EXPECT-STDERR: :28:[0-9]+: remark: not fused with the nest at line 24: m may hold no value where the loops start
/*
 * A local size assigned on one path only: when n <= 0 the original
 * never reads m, and reading an automatic variable that holds no value
 * is undefined behaviour.  Fused code, or a run-time alias check, may
 * read m before the outer loop, so loopfuse leaves the loops alone and
 * asks for an initializer.
 */
#include <stdio.h>

#define R 64
#define W 512

static float a[R][W], b[R][W];

static void scale_rows(int n, int cols)
{
	int m;

	if (n > 0)
		m = cols;
	for (int i = 0; i < n; i++)
		for (int j = 0; j < m; j++)
			a[i][j] = b[i][j] * 2.0f;
	for (int i = 0; i < n; i++)
		for (int j = 0; j < m; j++)
			b[i][j] = a[i][j] + 1.0f;
}

int main(void)
{
	for (int i = 0; i < R; i++)
		for (int j = 0; j < W; j++)
			b[i][j] = (float)((i + j) % 7);
	scale_rows(R, W);
	fwrite(a, sizeof a, 1, stdout);
	fwrite(b, sizeof b, 1, stdout);
	return 0;
}
