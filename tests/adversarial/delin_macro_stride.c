/*
 * Class: delinearization / strides from macros with operators.
 *
 * Attacks: #define LD n + 1 makes p[i * LD + j] the subscript
 * i * n + 1 + j, not i * (n + 1) + j: the rows are n apart, start one
 * element in and run for LD = n + 1 elements, two past their row.
 * AT(p, i, j) with a parenthesised stride is the honest version, read
 * in the second nest along the same rows.  A tool that reads strides
 * from the text (n + 1) or from a macro's spelling takes rows n + 1
 * apart and fuses; the second nest reads elements that the first nest
 * writes again in its next row.
 */
#include <stdio.h>

#define M 30
#define N 20
#define LD n + 1
#define AT(p, i, j) (p)[(i) * (n) + (j) + 1]

static float a[M * N + 2], b[M * (N + 1)];

static void kernel(float *restrict p, float *restrict q, int m, int n)
{
	for (int i = 0; i < m; i++)
		for (int j = 0; j < LD; j++)
			p[i * LD + j] = (float)(i * 4 + j);
	for (int i = 0; i < m; i++)
		for (int j = 0; j < LD; j++)
			q[i * (n + 1) + j] = AT(p, i, j) * 0.5f;
}

int main(void)
{
	unsigned h = 0;

	kernel(a, b, M, N);
	for (int i = 0; i < M * (N + 1); i++)
		h = h * 31u + (unsigned)b[i];
	printf("%u %a %a\n", h, b[0], b[M * (N + 1) - 1]);
	return 0;
}
