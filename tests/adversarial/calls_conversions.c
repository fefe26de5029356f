/*
 * Class: fusion across calls / argument conversions.
 *
 * Attacks: a call converts each argument to its formal's type: 300
 * passed as unsigned char is 44, 0.1 passed as float is rounded once,
 * a negative int passed as unsigned is huge, a long passed as int is
 * truncated.  Replaced by the argument's own text, the callee would
 * compute with the unconverted value: another bound, another product.
 */
#include <stdio.h>

#define N 512

static float a[N], b[N];

static void by_byte(float *y, unsigned char c, int n)
{
	for (int i = 0; i < n; i++)
		y[i] = y[i] + (float)c;
}

static void by_float(float *y, float f, int n)
{
	for (int i = 0; i < n; i++)
		y[i] = y[i] * f;
}

static void by_unsigned(float *y, unsigned u, int n)
{
	for (int i = 0; i < n; i++)
		y[i] = y[i] + (float)(u >> 20);
}

static void upto(float *y, int n)
{
	for (int i = 0; i < n && i < N; i++)
		y[i] = y[i] + 1.0f;
}

static void kernel(int v, double d, long big)
{
	for (int i = 0; i < N; i++)
		a[i] = (float)(i % 7);
	by_byte(a, v, N);
	by_float(a, d, N);
	by_unsigned(a, -v, N);
	upto(a, big);
	upto(b, big);
	for (int i = 0; i < N; i++)
		b[i] = b[i] + a[i];
}

int main(void)
{
	unsigned s = 0;

	kernel(300, 0.1, 4294967296L + 100);
	for (int i = 0; i < N; i++)
		s = s * 31u + (unsigned)(a[i] * 8.0f) + (unsigned)(b[i] * 8.0f);
	printf("%a %a %u\n", a[5], b[N - 1], s);
	return 0;
}
