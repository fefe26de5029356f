/*
 * Class: invariant bases / the offset of a row pointer changes before
 * the run.
 *
 * Attacks: o = out + k * c with k == 0, then k = 1 before the nests;
 * the first writes out[k * c + i], the second reads o[i + c + 1]
 * (out[c + 1 + i], written one iteration later).  A tool that rebases
 * o on out with the k of the run reads out[2 * c + 1 + i], finds no
 * dependence and fuses; the second nest then reads stale values.  The
 * same again with a row pointer defined before a loop whose body
 * changes the offset after the run.
 */
#include <stdio.h>

#define C 256

static float out[4 * C + 2], in[C + 1], t[C], u[C];

static void kernel(float *out, const float *in, float *t, int c)
{
	int k = 0;
	float *o = out + k * c;

	k = 1;
	for (int i = 0; i < c; i++)
		out[k * c + i] = in[i] * 0.5f;
	for (int i = 0; i < c; i++)
		t[i] = o[i + c + 1] + 1.0f;
}

static void rows(float *out, const float *in, float *u, int c)
{
	int b = 0;
	float *o = out + b * c;

	for (int r = 0; r < 2; r++) {
		for (int i = 0; i < c; i++)
			out[b * c + i] = in[i] + (float)r;
		for (int i = 0; i < c; i++)
			u[i] += o[i + c + 1];
		b = 1;
	}
}

int main(void)
{
	unsigned h = 0;

	for (int i = 0; i <= C; i++)
		in[i] = (float)(i % 13) * 0.125f;
	for (int i = 0; i < 4 * C + 2; i++)
		out[i] = -2.0f;
	kernel(out, in, t, C);
	rows(out, in, u, C);
	for (int i = 0; i < C; i++)
		h = h * 31u + (unsigned)(t[i] * 8.0f + 64.0f) +
		    (unsigned)(u[i] * 8.0f + 64.0f);
	printf("%a %a %u\n", t[0], u[C - 1], h);
	return 0;
}
