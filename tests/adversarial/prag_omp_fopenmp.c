// CFLAGS: -fopenmp
// DISTINCT
/*
 * Class: user pragmas / OpenMP.
 *
 * Attacks: the same parallel nest followed by a prefix sum, but built
 * with -fopenmp (and loopfuse is given -fopenmp): the pragma is an
 * OpenMP directive in the syntax tree.  Fusing the prefix sum into the
 * parallel loop would make the threads race; a tool must treat the
 * directive's loop as untouchable, or drop it from any fusion.
 */
#include <stdio.h>

#define N (1 << 20)

static double x[N], a[N], s[N];

static void kernel(int n)
{
#pragma omp parallel for
	for (int i = 0; i < n; i++)
		a[i] = x[i] * 2.0 + 1.0;
	for (int i = 1; i < n; i++)
		s[i] = s[i - 1] * 0.999 + a[i];
	for (int i = 1; i < n; i++)
		a[i] = a[i] + s[i - 1];
}

int main(void)
{
	double t = 0.0;

	for (int i = 0; i < N; i++)
		x[i] = (double)(i % 11) - 5.0;
	s[0] = 1.0;
	kernel(N);
	for (int i = 0; i < N; i += 4099)
		t = t * 0.5 + s[i] + a[i];
	printf("%a %a %a\n", s[N / 2], a[N - 1], t);
	return 0;
}
