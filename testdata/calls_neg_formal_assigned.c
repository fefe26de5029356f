// RUN-ARGS: --function=run
// EXPECT-UNCHANGED
// EXPECT-STDERR: :28:[0-9]+: remark: call to decay\(\) is not fused with the loops next to it: parameter x is assigned, has its address taken or is an operand of sizeof
/*
 * An operator that changes its parameter x as it goes: x is its own
 * copy, and "(argument)" in its place would not be one.
 */
#include <stdio.h>

#define N 64

static float a[N], b[N];

static void decay(float *y, float x)
{
	for (int i = 0; i < N; i++) {
		y[i] = y[i] * x;
		x = x * 0.75f;
	}
}

static void run(void)
{
	float rate = 0.9f;

	for (int i = 0; i < N; i++)
		a[i] = (float)(i % 7);
	decay(a, rate);
	for (int i = 0; i < N; i++)
		b[i] = a[i] + rate;
}

int main(void)
{
	run();
	for (int i = 0; i < N; i++)
		printf("%a %a\n", a[i], b[i]);
	return 0;
}
