/*
 * Class: invariant bases / a row of a local pointer into a local array.
 *
 * Attacks: base = tmp (a local array), o = base + 1; the first nest
 * writes tmp[i], the second reads o[i] (tmp[i + 1], written one
 * iteration later).  A tool that takes the local pointer base for an
 * array of its own, which a local array cannot overlap, fuses the
 * nests, and the second reads tmp[i + 1] before it is written.
 */
#include <stdio.h>

#define N 1000

static float res[N];

static void kernel(const float *in, float *t, int n)
{
	float tmp[N + 1];
	float *base = tmp;
	float *o = base + 1;

	tmp[n] = 0.0f;
	for (int i = 0; i < n; i++)
		tmp[i] = in[i] * 0.5f + 1.0f;
	for (int i = 0; i < n; i++)
		t[i] = o[i] * 2.0f;
}

int main(void)
{
	static float in[N];
	unsigned h = 0;

	for (int i = 0; i < N; i++)
		in[i] = (float)(i % 19) * 0.25f;
	kernel(in, res, N);
	for (int i = 0; i < N; i++)
		h = h * 31u + (unsigned)(res[i] * 8.0f + 64.0f);
	printf("%a %a %u\n", res[0], res[N - 1], h);
	return 0;
}
