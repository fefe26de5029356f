/*
 * Class: aliasing that really happens / overlapping pointer
 * parameters, backwards.
 *
 * Attacks: the output pointer lies one element before the input
 * (out == in - 1) and the nests count down, so each nest by itself is
 * safe but the second reads in[i - 1] == out[i - 2], which the first
 * nest writes two iterations later in its own (descending) order.
 */
#include <stdio.h>

#define N 8192

static double buf[N + 2], res[N + 2];

static void kernel(double *out, const double *in, double *r, int n)
{
	for (int i = n; i >= 1; i--)
		out[i] = in[i] * 2.0;
	for (int i = n; i >= 1; i--)
		r[i] = in[i - 1] + out[i];
}

int main(void)
{
	double s = 0.0;

	for (int i = 0; i < N + 2; i++)
		buf[i] = (double)(i % 5);
	kernel(buf, buf + 1, res, N);
	for (int i = 1; i <= N; i++)
		s = s * 0.5 + res[i];
	printf("%a %a %a\n", res[1], res[N], s);
	return 0;
}
