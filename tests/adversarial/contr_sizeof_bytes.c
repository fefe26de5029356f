// DISTINCT
/*
 * Class: contraction of local arrays.
 *
 * Attacks: like contr_sizeof, but the statement only uses "sizeof t",
 * which still compiles after t becomes a scalar: the program silently
 * computes with 4 instead of 4 * N.
 */
#include <stdio.h>

#define N 4096

static double x[N], y[N];

static void kernel(int n)
{
	float t[N];

	for (int i = 0; i < n; i++)
		t[i] = (float)x[i] + 1.0f;
	for (int i = 0; i < n; i++)
		y[i] = t[i] * 0.5 + (double)sizeof t;
}

int main(void)
{
	double s = 0.0;

	for (int i = 0; i < N; i++)
		x[i] = (double)(i % 21) - 10.0;
	kernel(N);
	for (int i = 0; i < N; i++)
		s = s * 0.5 + y[i];
	printf("%a %a\n", y[0], s);
	return 0;
}
