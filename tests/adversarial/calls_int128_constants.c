/*
 * Class: fusion across calls / constant arguments wider than 64 bits.
 *
 * Attacks: __int128 formals given constant expressions such as
 * (unsigned __int128) 5 << 100 and -1.  A constant argument is passed
 * by its value, which libclang gives in 64 bits only: the value must
 * not be cut.
 */
#include <stdio.h>
#define N 4096
static float a[N + 8], b[N + 8], c[N + 8];

static void mix(float *y, const float *x, unsigned __int128 m, int n)
{
	for (int i = 0; i < n; i++)
		y[i] = x[i] * 0.5f + (float)(unsigned)(m >> 100) + (float)(unsigned)(m & 7u);
}

static void mixs(float *y, const float *x, __int128 m, int n)
{
	for (int i = 0; i < n; i++)
		y[i] = x[i] + (float)(int)(m >> 90) + (float)(m < 0);
}

__attribute__((noinline)) static void kernel(int n)
{
	for (int i = 0; i < n; i++)
		a[i] = a[i] + 1.0f;
	mix(b, a, ((unsigned __int128)1 << 100) + 3, n);
	mixs(c, b, -((__int128)5 << 90), n);
	mix(a, c, -1, n);
	for (int i = 0; i < n; i++)
		b[i] = b[i] + c[i];
}

int main(void)
{
	unsigned long long h = 0;
	for (int i = 0; i < N + 8; i++) { a[i] = (float)(i % 13); b[i] = (float)(i % 7) * 0.25f; c[i] = 0; }
	kernel(N);
	for (int i = 0; i < N + 8; i++) {
		unsigned x, y, z;
		__builtin_memcpy(&x, &a[i], 4); __builtin_memcpy(&y, &b[i], 4); __builtin_memcpy(&z, &c[i], 4);
		h = h * 1000003u + x + 3u * y + 5u * z;
	}
	printf("%llx\n", h);
	return 0;
}
