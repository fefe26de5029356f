// RUN-ARGS: --function=run --fuse-all
// EXPECT-STDERR: :25:[0-9]+: note: fused 1 loop nest and call to accumulate \(lines 25-27\) into 1 loop nest
/*
 * An operator that also writes a global it is not given, a running
 * total.  In the caller its body writes that same global, so the
 * analysis sees the write as any other: the loop before the call
 * shares its loop; the loop after it, which divides by the total,
 * cannot.
 */
#include <stdio.h>

#define N 256

static float total;
static float a[N], b[N];

static void accumulate(const float *x)
{
	for (int i = 0; i < N; i++)
		total += x[i];
}

static void run(void)
{
	for (int i = 0; i < N; i++)
		a[i] = (float)(i % 11) * 0.25f;
	accumulate(a);
	for (int i = 0; i < N; i++)
		b[i] = a[i] / total;
}

int main(void)
{
	total = 1.0f;
	run();
	printf("%a\n", total);
	for (int i = 0; i < N; i++)
		printf("%a %a\n", a[i], b[i]);
	return 0;
}
