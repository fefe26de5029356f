// DISTINCT
/*
 * Class: name capture / typedefs and enumerators.
 *
 * Attacks: a typedef named jt (the likely name of the tile loop of j),
 * an enumerator named it, a global named kt (the likely name of the
 * loop over blocks of k) and a global named lf_c0, all used in the
 * statements of a product and its epilogue.  A tool that makes up loop
 * names must check them against every identifier in scope; one named
 * jt would make the cast "(jt)" a syntax error, one named it or kt
 * would read a loop index instead of the enumerator or the global.
 */
#include <stdio.h>

#define M 96

typedef float jt;
enum { it = 3 };
static float lf_c0 = 0.125f;
static float kt = 1.5f;
static float A[M][M], B[M][M], C[M][M], D[M][M];

static void kernel(int n)
{
	for (int i = 0; i < n; i++)
		for (int j = 0; j < n; j++)
			C[i][j] = 0.0f;
	for (int i = 0; i < n; i++)
		for (int j = 0; j < n; j++)
			for (int k = 0; k < n; k++)
				C[i][j] += A[i][k] * B[k][j];
	for (int i = 0; i < n; i++)
		for (int j = 0; j < n; j++)
			D[i][j] = (jt)it * C[i][j] * kt + lf_c0;
}

int main(void)
{
	float s = 0.0f;

	for (int i = 0; i < M; i++)
		for (int j = 0; j < M; j++) {
			A[i][j] = (float)((i * 3 + j * 5) % 7) - 3.0f;
			B[i][j] = (float)((i + j * 2) % 5) - 2.0f;
		}
	kernel(M);
	for (int i = 0; i < M; i++)
		for (int j = 0; j < M; j++)
			s = s * 0.5f + D[i][j];
	printf("%a %a %a\n", D[0][1], D[M - 1][M - 2], s);
	return 0;
}
