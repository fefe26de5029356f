// DISTINCT
/*
 * Class: contraction of local arrays / passed to a function.
 *
 * Attacks: the temporary array t is passed to a checksum function after
 * the loops, through a macro that names it (CHECK()).  A tool that
 * contracts t because its name does not appear after the loops passes
 * a float where a pointer is expected: the rewritten file does not
 * compile.
 */
#include <stdio.h>

#define N 4096
#define CHECK() checksum(t, N)

static double x[N], y[N];

static double checksum(const double *v, int n)
{
	double s = 0.0;

	for (int i = 0; i < n; i++)
		s = s * 0.5 + v[i];
	return s;
}

static double kernel(int n)
{
	double t[N];

	for (int i = 0; i < n; i++)
		t[i] = x[i] * x[i];
	for (int i = 0; i < n; i++)
		y[i] = t[i] + 1.0;
	return CHECK();
}

int main(void)
{
	double s = 0.0, c;

	for (int i = 0; i < N; i++)
		x[i] = (double)(i % 29) * 0.5;
	c = kernel(N);
	for (int i = 0; i < N; i++)
		s = s * 0.5 + y[i];
	printf("%a %a\n", c, s);
	return 0;
}
