/*
 * Class: invariant bases / a row pointer reassigned between runs.
 *
 * Attacks: o is defined as out + 0, used, then set to out + 1 before
 * the next pair of nests, where the first writes out[i] and the second
 * reads o[i] (out[i + 1], written one iteration later).  A tool that
 * models o[i] as out[i] from its definition fuses the pair, and the
 * second nest reads out[i + 1] before it is written.
 */
#include <stdio.h>

#define N 1024

static float out[N + 1], in[N + 1], t[N];

static void kernel(float *out, const float *in, float *t, int n)
{
	float *o = out + 0;

	for (int i = 0; i < n; i++)
		o[i] = in[i] * 0.5f;
	o = out + 1;
	for (int i = 0; i < n; i++)
		out[i] = in[i] + 1.0f;
	for (int i = 0; i < n; i++)
		t[i] = o[i] * 3.0f;
}

int main(void)
{
	unsigned h = 0;

	for (int i = 0; i <= N; i++) {
		in[i] = (float)(i % 17) * 0.25f;
		out[i] = -4.0f;
	}
	kernel(out, in, t, N);
	for (int i = 0; i < N; i++)
		h = h * 31u + (unsigned)(t[i] * 8.0f + 64.0f);
	printf("%a %a %u\n", t[0], t[N - 1], h);
	return 0;
}
