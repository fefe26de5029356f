// RUN-ARGS: --function=double_then_inc --assume-no-alias
// EXPECT-STDERR: :14:[0-9]+: note: fused 2 loop nests into 1
/*
 * Companion of neg_may_alias.c: the same kernel on pointers without
 * restrict, fused because --assume-no-alias declares the parameters
 * distinct (and the program indeed passes distinct buffers).
 */
#include <stdio.h>

#define N 2048

static void double_then_inc(float *x, float *y, int n)
{
	for (int i = 0; i < n; i++)
		y[i] = x[i] * 2.0f;
	for (int i = 0; i < n; i++)
		x[i] = y[i] + 1.0f;
}

static float xs[N], ys[N];

int main(void)
{
	for (int i = 0; i < N; i++)
		xs[i] = (float)(i % 23 - 11);
	double_then_inc(xs, ys, N);
	fwrite(xs, sizeof xs, 1, stdout);
	fwrite(ys, sizeof ys, 1, stdout);
	return 0;
}
