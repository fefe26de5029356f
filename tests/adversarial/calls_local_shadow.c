/*
 * Class: fusion across calls / locals declared at the top of a callee.
 *
 * Attacks: the callee's top-of-body iterators are named like the
 * caller's variables (i, n, k), which the caller reads after the calls
 * and passes as arguments; moved into the caller as they are written
 * ("for (i = 0; ...)") the loops would overwrite the caller's i, and
 * an argument "k" would be read as the callee's k.  The iterators'
 * types must survive the move: an unsigned iterator whose "(u - 1) >> 28"
 * relies on wrap-around, a long long one above INT_MAX, an unsigned
 * char one that counts to 200.
 */
#include <stdio.h>

#define N 200

static float a[N], b[N], c[N];
static unsigned w[N];

static void scale(float *y, const float *x, int n)
{
	int i;

	for (i = 0; i < n; i++)
		y[i] = x[i] * 2.0f;
}

static void shift(float *y, int n, int k)
{
	int i, m;

	for (i = 0; i < n; i++)
		for (m = 0; m < 1; m++)
			y[i] = y[i] + (float)k;
}

static void wrap(unsigned *y, const float *x, int n)
{
	unsigned u;

	for (u = 0; u < (unsigned)n; u++)
		y[u] = ((u - 1) >> 28) + (unsigned)x[u];
}

static void big(float *y, int n)
{
	long long q;

	for (q = 2147483000LL; q < 2147483000LL + n; q++)
		y[q - 2147483000LL] += (float)(q % 7);
}

static void small(float *y, int n)
{
	unsigned char i;

	for (i = 0; i < n; i++)
		y[i] = y[i] + (float)(i * i % 13);
}

static void kernel(int n)
{
	int i = 7, k = 5;

	scale(a, c, n);
	shift(a, n, k);
	wrap(w, a, n);
	big(b, n);
	small(b, n);
	scale(c, b, n);
	printf("%d %d\n", i, k);
}

int main(void)
{
	unsigned s = 0;

	for (int j = 0; j < N; j++)
		c[j] = (float)(j % 11);
	kernel(N);
	for (int j = 0; j < N; j++)
		s = s * 31u + (unsigned)(a[j] * 4.0f) + w[j] +
		    (unsigned)(c[j] * 4.0f);
	printf("%a %a %u\n", a[3], c[N - 1], s);
	return 0;
}
