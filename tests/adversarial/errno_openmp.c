// DISTINCT
/*
 * Class: errno / OpenMP.
 *
 * Attacks: errno is thread-local.  The second nest's last iteration
 * takes sqrt of a negative number and sets errno (EDOM) in the thread
 * that runs it.  Sequentially that is the main thread, and the program
 * prints EDOM.  A tool that fuses the nests and marks the fused loop
 * "omp parallel for" (the loop carries no dependence between array
 * elements) hands the last iteration to another thread: the main
 * thread's errno stays 0.
 */
#include <errno.h>
#include <math.h>
#include <stdio.h>

#define N 100000

static double x[N], y[N], z[N];

static void kernel(int n)
{
	for (int i = 0; i < n; i++)
		y[i] = x[i] * 2.0 - 1.0;
	for (int i = 0; i < n; i++)
		z[i] = sqrt(y[i]) + x[i];
}

int main(void)
{
	for (int i = 0; i < N; i++)
		x[i] = 1.0 + (double)(i % 100);
	x[N - 1] = -3.0;
	errno = 0;
	kernel(N);
	printf("errno %s\n", errno == EDOM ? "EDOM" : errno == 0 ? "0" : "other");
	printf("%a %a\n", z[0], z[N - 2]);
	return 0;
}
