/*
 * Class: delinearization / run-time checks on flat rows that touch.
 *
 * Attacks: the byte range of a flat pointer without restrict that the
 * run-time check compares.  In kernel(), o[i * n + j] is written and
 * w[i * n + j] and w[i * n + n - 1 - j] read, over d rows of n.  The
 * calls put o exactly after the last element w reaches (disjoint: the
 * fused code may run), one element earlier (the last element of w is
 * the first of o), one row earlier, and at w itself, and use n == 1,
 * d == 1 and n == 0.  A range that forgets the last row, the last
 * column, or computes the end from the largest row times the stride
 * without the largest column lets the fused loop read an element of w
 * that o has already overwritten.
 */
#include <stdio.h>

#define R 24
#define C 20

static float buf[3 * R * C];

static void kernel(float *o, const float *w, int n, int d)
{
	for (int i = 0; i < d; i++)
		for (int j = 0; j < n; j++)
			o[i * n + j] = w[i * n + j] * 0.5f + 1.0f;
	for (int i = 0; i < d; i++)
		for (int j = 0; j < n; j++)
			o[i * n + j] = o[i * n + j] + w[i * n + n - 1 - j] * 0.25f;
}

static unsigned run(int shift, int n, int d)
{
	unsigned h = 0;

	for (int k = 0; k < 3 * R * C; k++)
		buf[k] = (float)(k % 29 - 14) * 0.125f;
	kernel(buf + R * C + shift, buf + R * C, n, d);
	for (int k = 0; k < 3 * R * C; k++)
		h = h * 31u + (unsigned)(buf[k] * 64.0f);
	return h;
}

int main(void)
{
	printf("%u\n", run(R * C, C, R));
	printf("%u\n", run(R * C - 1, C, R));
	printf("%u\n", run(R * C - C, C, R));
	printf("%u\n", run(0, C, R));
	printf("%u\n", run(-1, C, R));
	printf("%u\n", run(1, 1, R));
	printf("%u\n", run(C - 1, C, 1));
	printf("%u\n", run(0, 0, R));
	return 0;
}
