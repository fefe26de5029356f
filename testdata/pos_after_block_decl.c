// RUN-ARGS: --fuse-all
// EXPECT-STDERR: :22:[0-9]+: note: fused 3 loop nests into 1
/*
 * Nests inside a row loop, after a nest whose body is a block that
 * declares a local (a compound statement).  The int iterator k of the
 * second nest runs to n - j, with j from i + 1: for the nests of the
 * row, i is a size of any int value, and n - j overflows for some.
 * Those sizes are left out of the analysis (the original's behaviour
 * would be undefined there).  The block before the nests must not make
 * the k loop look like one inside a compound statement, which may not
 * run at all and would have to be refused.
 */
#include <stdio.h>

#define N 48

static float x[N][N], y[N][N], z[N][N], w[N][N];

static void rows(int n)
{
	for (int i = 0; i < n; i++) {
		for (int j = 0; j < n; j++) {
			float s = 0.0f;
			for (int k = 0; k < 4; k++)
				s += x[i][k] * 0.25f;
			y[i][j] = s + x[i][j];
		}
		for (int j = i + 1; j < n; j++)
			for (int k = 0; k < n - j; k++)
				z[i][j] += y[i][j] * 0.5f + x[i][k];
		for (int j = i + 1; j < n; j++)
			w[i][j] = z[i][j] * 2.0f - y[i][j];
	}
}

int main(void)
{
	unsigned h = 0;

	for (int i = 0; i < N; i++)
		for (int j = 0; j < N; j++) {
			x[i][j] = (float) ((i * 7 + j * 3) % 11) * 0.125f;
			z[i][j] = (float) (i - j) * 0.0625f;
		}
	rows(N);
	for (int i = 0; i < N; i++)
		for (int j = 0; j < N; j++) {
			unsigned u;
			float f = w[i][j];

			__builtin_memcpy(&u, &f, sizeof(u));
			h = h * 31u + u;
		}
	printf("%08x\n", h);
	return 0;
}
