// RUN-ARGS: --function=offset_weight
// EXPECT-UNCHANGED
// EXPECT-STDERR: :19:[0-9]+: remark: not fused with the nest at line 16: a\[i ?\* ?i\]: subscript is not affine
/*
 * A quadratic subscript, a[i*i], in the second nest: not affine, so the
 * nests are left alone.
 */
#include <stdio.h>

#define N 200

static float x[N], a[N * N], b[N], c[N];

static void offset_weight(void)
{
	for (int i = 0; i < N; i++)
		b[i] = x[i] + 1.0f;
	for (int i = 0; i < N; i++)
		c[i] = b[i] * a[i*i];
}

int main(void)
{
	for (int i = 0; i < N; i++)
		x[i] = (float)(i % 9) / 2.0f;
	for (int i = 0; i < N * N; i++)
		a[i] = (float)(i % 31) / 8.0f;
	offset_weight();
	fwrite(b, sizeof b, 1, stdout);
	fwrite(c, sizeof c, 1, stdout);
	return 0;
}
