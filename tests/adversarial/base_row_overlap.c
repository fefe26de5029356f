/*
 * Class: invariant bases / row pointers that overlap at run time.
 *
 * Attacks: o = src + b * c is a row of src; the first nest writes
 * out[b * c + i], the second reads o[i + 1].  Called with src != out
 * the nests are independent; called with src == out the second reads
 * out[b * c + i + 1], written one iteration later.  A run-time check
 * must take the original code for the overlapping call, and fusion
 * (by a check or without) must stay correct for the distinct one.
 */
#include <stdio.h>

#define C 512

static float a[3 * C + 1], s2[3 * C + 1], t[C];

static void kernel(float *out, const float *src, float *t, int b, int c)
{
	const float *o = src + b * c;

	for (int i = 0; i < c; i++)
		out[b * c + i] = (float)i * 0.25f;
	for (int i = 0; i < c; i++)
		t[i] = o[i + 1] * 2.0f;
}

static unsigned sum(void)
{
	unsigned h = 0;

	for (int i = 0; i < C; i++)
		h = h * 31u + (unsigned)(t[i] * 4.0f + 32.0f);
	return h;
}

int main(void)
{
	unsigned h1, h2;

	for (int i = 0; i <= 3 * C; i++)
		a[i] = s2[i] = -3.0f;
	kernel(a, s2, t, 1, C);
	h1 = sum();
	kernel(a, a, t, 2, C);
	h2 = sum();
	printf("%u %u %a\n", h1, h2, t[7]);
	return 0;
}
