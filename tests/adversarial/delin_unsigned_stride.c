/*
 * Class: delinearization / unsigned strides that wrap.
 *
 * Attacks: p[i * n + j] with unsigned n == UINT_MAX: the subscript is
 * computed in unsigned int, so it is j - i modulo 2^32, and rows i and
 * i + 1 overlap in all but one element.  Over the integers, i * n + j
 * would be 4 GiB apart per row.  The first nest writes, the second
 * reads the same elements: as written every read sees the last write
 * to its element (the one from the largest i), fused it sees the write
 * of its own row.  A model that takes the unsigned product for a
 * product of integers splits the rows apart and fuses.
 */
#include <limits.h>
#include <stdio.h>

#define M 16
#define N 64

static float a[N + 1], b[M * N];

static void kernel(float *restrict p, float *restrict q, unsigned m,
	unsigned n, unsigned w)
{
	for (unsigned i = 0; i < m; i++)
		for (unsigned j = m; j < w; j++)
			p[i * n + j] = (float)(i * 7u + j);
	for (unsigned i = 0; i < m; i++)
		for (unsigned j = m; j < w; j++)
			q[i * w + j] = p[i * n + j] * 0.5f;
}

int main(void)
{
	unsigned h = 0;

	kernel(a, b, M, UINT_MAX, N);
	for (int i = 0; i < M * N; i++)
		h = h * 31u + (unsigned)b[i];
	printf("%u %a %a\n", h, b[M], b[M * N - 1]);
	return 0;
}
