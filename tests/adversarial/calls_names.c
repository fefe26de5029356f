/*
 * Class: fusion across calls / names that change meaning.
 *
 * Attacks: the callee's statements read the global "bias" and the
 * typedef "real"; the caller declares a local "bias" (in an inner
 * block) and a parameter "real".  The callee declares a loop variable
 * "t" and takes a formal whose argument is the caller's "t".  Moved
 * into the caller as it is, the body would read the caller's local,
 * not compile, or read its own t for the argument.
 */
#include <stdio.h>

#define N 512

typedef float real;
static real bias[N];
static float a[N], b[N];

static void add_bias(float *y, int n)
{
	for (int i = 0; i < n; i++)
		y[i] = y[i] + (real)bias[i];
}

static void offset(float *y, float d, int n)
{
	for (int t = 0; t < n; t++)
		y[t] = y[t] + d * (float)t;
}

static void plain(float *y, int n)
{
	for (int i = 0; i < n; i++)
		y[i] = y[i] * 2.0f;
}

static void kernel(int real, float t)
{
	for (int i = 0; i < N; i++)
		a[i] = (float)(i % 7) + (float)real;
	add_bias(a, N);
	offset(a, t, N);
	plain(b, N);
	{
		float bias = 3.0f;

		for (int i = 0; i < N; i++)
			b[i] = b[i] + bias + a[i];
	}
}

int main(void)
{
	unsigned s = 0;

	for (int i = 0; i < N; i++) {
		bias[i] = (float)(i % 5);
		b[i] = 1.0f;
	}
	kernel(2, 0.25f);
	for (int i = 0; i < N; i++)
		s = s * 31u + (unsigned)(a[i] * 4.0f) + (unsigned)(b[i] * 4.0f);
	printf("%a %a %u\n", a[3], b[N - 1], s);
	return 0;
}
