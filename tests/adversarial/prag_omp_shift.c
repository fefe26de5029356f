// DISTINCT
/*
 * Class: user pragmas / OpenMP.
 *
 * Attacks: "#pragma omp parallel for" on a truly parallel nest, then a
 * nest that reads the first nest's next element.  loopfuse is not
 * given -fopenmp here (the program builds without it, and with it in
 * the openmp option set), so to the parser the pragma is just a line.
 * A tool that fuses the nests leaves the pragma in front of the fused
 * code: that code has a loop-carried dependence (the consumer runs one
 * iteration behind), so with -fopenmp it races; and if it starts with
 * a guard rather than a loop, it does not even compile with -fopenmp.
 */
#include <stdio.h>

#define N (1 << 20)

static double x[N + 1], a[N + 1], c[N];

static void kernel(int n)
{
#pragma omp parallel for
	for (int i = 0; i < n; i++)
		a[i] = x[i] * 0.5 + 1.0;
	for (int i = 0; i < n; i++)
		c[i] = a[i] + a[i + 1];
}

int main(void)
{
	double s = 0.0;

	for (int i = 0; i <= N; i++) {
		x[i] = (double)(i % 7);
		a[i] = -100.0;
	}
	kernel(N);
	for (int i = 0; i < N; i++)
		s = s * 0.5 + c[i];
	printf("%a %a %a\n", c[0], c[N - 1], s);
	return 0;
}
