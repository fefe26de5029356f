// DISTINCT
/*
 * Class: macros / statement ends (the PolyBench idiom).
 *
 * Attacks: PolyBench's "C[i][j] = SCALAR_VAL(0.0);" followed by
 * another statement in the same loop body, then a second nest.  The
 * first statement's last token comes from a macro argument, where
 * libclang's extent ends at the expansion point; a tool that cuts
 * the statement there, or glues the next statement to it, produces
 * code that does not compile or computes something else.
 */
#include <stdio.h>

#define SCALAR_VAL(x) x
#define N 128

static double C[N][N], D[N][N], E[N][N];

static void kernel(int n, double alpha)
{
	for (int i = 0; i < n; i++)
		for (int j = 0; j < n; j++) {
			C[i][j] = SCALAR_VAL(0.0);
			D[i][j] = SCALAR_VAL(alpha) * (i + j);
		}
	for (int i = 0; i < n; i++)
		for (int j = 0; j < n; j++)
			E[i][j] = C[i][j] + D[i][j] * SCALAR_VAL(2.0);
}

int main(void)
{
	double s = 0.0;

	kernel(N, 0.5);
	for (int i = 0; i < N; i++)
		for (int j = 0; j < N; j++)
			s = s * 0.5 + E[i][j];
	printf("%a %a\n", E[N - 1][N - 1], s);
	return 0;
}
