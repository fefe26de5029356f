/*
 * Class: delinearization / a stride of zero at run time.
 *
 * Attacks: a[i * n] with n == 0 is a[0] for every i.  The first nest
 * writes it m times, the second reads it m times: as written, every
 * read sees the last write; fused, read i sees write i.  A model that
 * takes a[i * n] for a[i][0] over the shape [*][n] without proving
 * n >= 1 sees a different element per i and fuses.  Called again with
 * n == 5 (rows really disjoint) for contrast.
 */
#include <stdio.h>

#define M 256

static float a[M * 5], b[M];

static void kernel(float *restrict p, float *restrict q, int m, int n)
{
	for (int i = 0; i < m; i++)
		p[i * n] = (float)i + 0.5f;
	for (int i = 0; i < m; i++)
		q[i] = p[i * n] * 2.0f;
}

int main(void)
{
	unsigned h = 0;

	kernel(a, b, M, 0);
	for (int i = 0; i < M; i++)
		h = h * 31u + (unsigned)b[i];
	kernel(a, b, M, 5);
	for (int i = 0; i < M; i++)
		h = h * 31u + (unsigned)b[i];
	printf("%u %a %a\n", h, b[0], b[M - 1]);
	return 0;
}
