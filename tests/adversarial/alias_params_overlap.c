/*
 * Class: aliasing that really happens / overlapping pointer
 * parameters.
 *
 * Attacks: a kernel with two plain (non-restrict) pointer parameters,
 * called with the same array offset by one element (dst == src + 1).
 * The first nest writes dst[i], the second reads src[i + 1], which is
 * dst[i]... and also src[i], which is dst[i - 1].  Fusion is only legal
 * if they do not overlap; they do.  No DISTINCT: --assume-no-alias
 * would be a lie here.
 */
#include <stdio.h>

#define N 8192

static float buf[N + 2], out[N], wt[N];

static void kernel(float *dst, const float *src, float *o,
	const float *restrict w, int n)
{
	for (int i = 0; i < n; i++)
		dst[i] = w[i] * 0.5f;
	for (int i = 0; i < n; i++)
		o[i] = src[i] + src[i + 1] + w[i];
}

int main(void)
{
	float s = 0.0f;

	for (int i = 0; i < N + 2; i++)
		buf[i] = 7.0f;
	for (int i = 0; i < N; i++)
		wt[i] = (float)(i % 8);
	kernel(buf + 1, buf, out, wt, N);
	for (int i = 0; i < N; i++)
		s = s * 0.5f + out[i];
	printf("%a %a %a\n", out[0], out[N - 1], s);
	return 0;
}
