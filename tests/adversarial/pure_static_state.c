// DISTINCT
/*
 * Class: purity / static helpers with static state.
 *
 * Attacks: a static helper keeps a running sum in a static local and
 * returns it; another static helper that looks pure calls it.  The
 * value each call returns depends on every call before it, in order,
 * across both nests: fusing them interleaves the two call sequences.
 */
#include <stdio.h>

#define N 4096

static float x[N], a[N], b[N];

static float running(float v)
{
	static float sum;

	sum = sum * 0.5f + v;
	return sum;
}

static float scaled(float v)
{
	return running(v) * 3.0f;
}

static void kernel(int n)
{
	for (int i = 0; i < n; i++)
		a[i] = scaled(x[i]);
	for (int i = 0; i < n; i++)
		b[i] = a[i] + running(1.0f);
}

int main(void)
{
	float s = 0.0f;

	for (int i = 0; i < N; i++)
		x[i] = (float)(i % 9) - 4.0f;
	kernel(N);
	for (int i = 0; i < N; i++)
		s = s * 0.5f + b[i];
	printf("%a %a %a\n", b[0], b[N - 1], s);
	return 0;
}
