// DISTINCT
/*
 * Class: user pragmas / _Pragma from a macro.
 *
 * Attacks: the same "GCC ivdep" pragma, this time produced by
 * _Pragma(...) in a macro written on the line before the first nest.
 * A tool that only recognises '#' lines does not see that the nest is
 * tied to a pragma; whatever it puts at the nest's place follows the
 * pragma.  The consumer reads the producer's next element, so the
 * fused code needs a shift (and, usually, a guard first).
 */
#include <stdio.h>

#define IVDEP _Pragma("GCC ivdep")
#define N 65536

static double x[N + 1], a[N + 1], c[N];

static void kernel(int n)
{
	IVDEP
	for (int i = 0; i < n; i++)
		a[i] = x[i] * x[i] - 2.0;
	for (int i = 0; i < n; i++)
		c[i] = a[i + 1] - a[i];
}

int main(void)
{
	double s = 0.0;

	for (int i = 0; i <= N; i++) {
		x[i] = (double)(i % 19) / 4.0;
		a[i] = -1.0;
	}
	kernel(N);
	for (int i = 0; i < N; i++)
		s = s * 0.5 + c[i];
	printf("%a %a %a\n", c[0], c[N - 1], s);
	return 0;
}
