// RUN-ARGS: --function=run
// EXPECT-UNCHANGED
// EXPECT-STDERR: :28:[0-9]+: remark: call to amplify\(\) is not fused with the loops next to it: the function uses gain, which the caller declares for something else
/*
 * The operator reads the global gain; its caller has a local of that
 * name.  The body moved into the caller would read the local instead,
 * so the call stays a call.
 */
#include <stdio.h>

#define N 64

static float gain = 2.0f;
static float a[N], b[N];

static void amplify(float *y)
{
	for (int i = 0; i < N; i++)
		y[i] = y[i] * gain;
}

static void run(void)
{
	float gain = 3.0f;

	for (int i = 0; i < N; i++)
		a[i] = (float)(i % 7) * gain;
	amplify(a);
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
