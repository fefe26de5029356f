// DISTINCT
/*
 * Class: user pragmas / OpenMP.
 *
 * Attacks: "#pragma omp parallel for" on a parallel nest, followed by a
 * prefix sum (s[i] = s[i - 1] + a[i]) over the first nest's output.
 * Fusing them is legal for a sequential loop, but the pragma stays in
 * front of the fused loop, which now carries the prefix sum's
 * dependence: built with -fopenmp (the openmp option set), the threads
 * race (the schedule deals the iterations out one by one, so almost
 * every s[i - 1] belongs to another thread) and the sums come out
 * wrong.  loopfuse is not given -fopenmp.
 */
#include <stdio.h>

#define N (1 << 20)

static double x[N], a[N], s[N];

static void kernel(int n)
{
#pragma omp parallel for schedule(static, 1)
	for (int i = 0; i < n; i++)
		a[i] = x[i] * 2.0 + 1.0;
	for (int i = 1; i < n; i++)
		s[i] = s[i - 1] * 0.999 + a[i];
}

int main(void)
{
	double t = 0.0;

	for (int i = 0; i < N; i++)
		x[i] = (double)(i % 11) - 5.0;
	s[0] = 1.0;
	kernel(N);
	for (int i = 0; i < N; i += 4099)
		t = t * 0.5 + s[i];
	printf("%a %a %a\n", s[N / 2], s[N - 1], t);
	return 0;
}
