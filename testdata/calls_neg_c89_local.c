// RUN-ARGS: --function=run
// EXPECT-UNCHANGED
// EXPECT-STDERR: :32:[0-9]+: remark: call to normalize\(\) is not fused with the loops next to it: the function declares i at the top of its body and does not use it only as an integer loop iterator that each for sets
/*
 * A C89-style operator whose second loop starts where the first one
 * stopped: its iterator i is read after its loop.  Given a loop of its
 * own in the caller, i would start the second loop anywhere, so the
 * call stays a call.
 */
#include <stdio.h>

#define N 64

static float a[N], b[N];

static void normalize(float *y, int n)
{
	int i, j;

	for (i = 0; i < n / 2; i++)
		y[i] = y[i] * 0.5f;
	for (j = i; j < n; j++)
		y[j] = y[j] + 1.0f;
}

static void run(int n)
{
	for (int k = 0; k < n; k++)
		a[k] = (float)k;
	for (int k = 0; k < n; k++)
		b[k] = a[k] * 2.0f;
	normalize(b, n);
}

int main(void)
{
	run(N);
	for (int k = 0; k < N; k++)
		printf("%a\n", b[k]);
	return 0;
}
