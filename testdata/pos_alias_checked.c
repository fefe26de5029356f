// RUN-ARGS: --function=double_then_inc
// EXPECT-STDERR: :18:2: note: fused 2 loop nests into 1; runs if x and y do not overlap, checked at run time
// EXPECT-BOTH-BRANCHES
/*
 * The kernel of neg_may_alias.c with run-time alias checks (the
 * default): the nests are fused under a check that x and y do not
 * overlap, and run as they were otherwise.  main calls it twice: once
 * on overlapping buffers (y = x - 1, where fusion would change the
 * result, so the original nests must run) and once on two separate
 * arrays (where the fused loop runs).  Both results are printed.
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

static float buf[N + 1];
static float a[N], b[N];

int main(void)
{
	for (int i = 0; i <= N; i++)
		buf[i] = (float)(i % 23 - 11);
	for (int i = 0; i < N; i++)
		a[i] = (float)(i % 17 - 8);
	double_then_inc(buf + 1, buf, N);
	double_then_inc(a, b, N);
	fwrite(buf, sizeof buf, 1, stdout);
	fwrite(a, sizeof a, 1, stdout);
	fwrite(b, sizeof b, 1, stdout);
	return 0;
}
