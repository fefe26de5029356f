// RUN-ARGS: --function=scale_add
// EXPECT-STDERR: :18:2: note: fused 2 loop nests into 1; runs if o and w do not overlap, checked at run time
// EXPECT-BOTH-BRANCHES
/*
 * Flat row-major buffers without restrict, o[i*n + j] and w[i*n + j]
 * with run-time sizes: the nests fuse over the shape [*][n] if o and w
 * do not overlap, which a check on their byte ranges decides at run
 * time (from (d - 1) * n + (n - 1) + 1 elements).  main calls it once
 * on separate buffers and once with o one row into w, where the fused
 * loop would read rows of w already overwritten.
 */
#include <stdio.h>

static float W[64 * 48], O[64 * 48];

static void scale_add(float *o, const float *w, int n, int d)
{
	for (int i = 0; i < d; i++)
		for (int j = 0; j < n; j++)
			o[i * n + j] = w[i * n + j] * 2.0f;
	for (int i = 0; i < d; i++)
		for (int j = 0; j < n; j++)
			o[i * n + j] = o[i * n + j] + w[(i + 1) * n - 1 - j];
}

int main(void)
{
	for (int i = 0; i < 64 * 48; i++)
		W[i] = (float)(i % 13 - 6) / 4.0f;
	scale_add(O, W, 48, 64);
	fwrite(O, sizeof O, 1, stdout);
	scale_add(W + 48, W, 48, 40);
	fwrite(W, sizeof W, 1, stdout);
	return 0;
}
