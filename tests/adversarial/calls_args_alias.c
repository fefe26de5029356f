/*
 * Class: fusion across calls / arguments that alias at run time.
 *
 * Attacks: operators called with the same array twice, and a kernel
 * whose pointer parameters really overlap (dst == src + 1) calling
 * them.  In the callee the two formals are different names (even
 * restrict, where both are only read); in the caller they are one
 * array, or two pointers that may meet.  A tool that kept the callee's
 * view of its formals would fuse a producer with a consumer that reads
 * a neighbouring element it has just overwritten.
 */
#include <stdio.h>

#define N 4096

static float buf[N + 2], out[N], wt[N];

static void mul(float *y, const float *restrict a, const float *restrict b,
	int n)
{
	for (int i = 0; i < n; i++)
		y[i] = a[i] * b[i];
}

static void copy_next(float *dst, const float *src, int n)
{
	for (int i = 0; i < n; i++)
		dst[i] = src[i + 1] * 0.5f + 1.0f;
}

static void kernel(float *dst, float *src, float *o, int n)
{
	mul(o, src, src, n);
	copy_next(dst, src, n);
	mul(o, o, dst, n);
	copy_next(src, dst, n - 2);
}

int main(void)
{
	unsigned s = 0;

	for (int i = 0; i < N + 2; i++)
		buf[i] = (float)(i % 13) - 6.0f;
	for (int i = 0; i < N; i++)
		wt[i] = (float)(i % 8);
	kernel(buf + 1, buf, out, N);
	for (int i = 0; i < N; i++)
		s = s * 31u + (unsigned)(out[i] * 16.0f) + (unsigned)buf[i];
	printf("%a %a %u\n", out[0], out[N - 1], s);
	return 0;
}
