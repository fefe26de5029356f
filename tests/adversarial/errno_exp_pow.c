// DISTINCT
/*
 * Class: errno.
 *
 * Attacks: errno from exp overflow (ERANGE) in the last element of the
 * first 2-D nest, and from pow of a negative base to a non-integer
 * power (EDOM) in the first element of the second nest.  The original
 * runs the second nest after the whole first one and ends with
 * errno == EDOM.  Any fusion (or tiling) of the two runs the first
 * nest's last element after the second nest's first: errno ends as
 * ERANGE.
 */
#include <errno.h>
#include <math.h>
#include <stdio.h>

#define R 96
#define C 96

static double X[R][C], E[R][C], P[R][C];

static void kernel(int r, int c)
{
	for (int i = 0; i < r; i++)
		for (int j = 0; j < c; j++)
			E[i][j] = exp(X[i][j]);
	for (int i = 0; i < r; i++)
		for (int j = 0; j < c; j++)
			P[i][j] = pow(X[i][j], 1.5) + E[i][j];
}

int main(void)
{
	for (int i = 0; i < R; i++)
		for (int j = 0; j < C; j++)
			X[i][j] = (double)((i + j) % 5) * 0.5;
	X[R - 1][C - 1] = 1000.0;
	X[0][0] = -2.0;
	errno = 0;
	kernel(R, C);
	printf("errno %s\n", errno == EDOM ? "EDOM" : errno == ERANGE ? "ERANGE" : "other");
	printf("%a %a\n", P[1][1], P[R - 2][C - 2]);
	return 0;
}
