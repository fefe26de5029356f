// DISTINCT
/*
 * Class: user pragmas.
 *
 * Attacks: "#pragma GCC unroll 4" on the first of two nests, where the
 * second reads the first's next element, so that fusing needs a shift
 * (and, in generated code, often a guard first).  The pragma must be
 * followed by a loop, and applies only to the loop it was written for.
 */
#include <stdio.h>

#define N 65536

static float x[N + 1], a[N + 1], c[N];

static void kernel(int n)
{
#pragma GCC unroll 4
	for (int i = 0; i < n; i++)
		a[i] = x[i] * 0.25f - 1.0f;
	for (int i = 0; i < n; i++)
		c[i] = a[i] * a[i + 1];
}

int main(void)
{
	float s = 0.0f;

	for (int i = 0; i <= N; i++) {
		x[i] = (float)(i % 29);
		a[i] = 2.0f;
	}
	kernel(N);
	for (int i = 0; i < N; i++)
		s = s * 0.5f + c[i];
	printf("%a %a %a\n", c[0], c[N - 1], s);
	return 0;
}
