// RUN-ARGS: --function=rows
// EXPECT-STDERR: :21:3: note: fused 2 loop nests into 1
/*
 * A row pointer, float *o = &out[b * C], defined once before the nests
 * and never changed: o[i] is out[b * C + i], so the dependence of the
 * second nest on the first is exact (the same element, in the same
 * iteration) and they fuse without a shift or a check.
 */
#include <stdio.h>

#define B 4
#define C 16384

static float out[B * C], in[C];

static void rows(float *restrict out, const float *restrict in, int nb)
{
	for (int b = 0; b < nb; b++) {
		float *o = &out[b * C];

		for (int i = 0; i < C; i++)
			o[i] = in[i] * (float)b;
		for (int i = 0; i < C; i++)
			out[b * C + i] += o[i] * 0.5f;
	}
}

int main(void)
{
	for (int i = 0; i < C; i++)
		in[i] = (float)(i % 11 - 5);
	rows(out, in, B);
	fwrite(out, sizeof out, 1, stdout);
	return 0;
}
