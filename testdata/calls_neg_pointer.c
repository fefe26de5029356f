// RUN-ARGS: --function=run
// EXPECT-UNCHANGED
// EXPECT-STDERR: :26:[0-9]+: remark: call to op\(\) is not fused with the loops next to it: call through a function pointer
/*
 * A call through a function pointer between two loops: which function
 * runs is not known, so the call stays a call.
 */
#include <stdio.h>

#define N 64

static float a[N], b[N];

static void twice(float *x, int n)
{
	for (int i = 0; i < n; i++)
		x[i] = 2.0f * x[i];
}

static void (*op)(float *, int) = twice;

static void run(void)
{
	for (int i = 0; i < N; i++)
		a[i] = (float)(i % 7);
	op(a, N);
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
