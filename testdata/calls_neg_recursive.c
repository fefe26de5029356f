// RUN-ARGS: --function=run
// EXPECT-UNCHANGED
// EXPECT-STDERR: :28:[0-9]+: remark: call to smooth\(\) is not fused with the loops next to it: the function calls smooth\(\), itself or its caller
/*
 * A recursive operator: its body is loops only, but one of them calls
 * the function again.  Its body replaces the call only once, so the
 * call stays a call.
 */
#include <stdio.h>

#define N 64

static float a[N], b[N];

static void smooth(float *x, int n)
{
	for (int i = 0; i < n; i++) {
		x[i] = 0.5f * x[i];
		if (i == 0 && n > 1)
			smooth(x, n - 1);
	}
}

static void run(void)
{
	for (int i = 0; i < N; i++)
		a[i] = (float)(i % 7);
	smooth(a, 8);
	for (int i = 0; i < N; i++)
		b[i] = a[i] + 1.0f;
}

int main(void)
{
	run();
	for (int i = 0; i < N; i++)
		printf("%a %a\n", a[i], b[i]);
	return 0;
}
