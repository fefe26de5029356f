// DISTINCT
/*
 * Class: loops counting down with unsigned iterators.
 *
 * Attacks: the two idioms for counting an unsigned down to 0:
 * "for (unsigned i = n; i-- > 0;)" and "for (unsigned i = n - 1; i < n;
 * i--)", which stops when i wraps around past 0.  Over the integers
 * neither condition bounds i from below.  A tool that models the
 * second as i >= 0 or that fuses them runs the wrong iterations.
 */
#include <stdio.h>

#define N 8192

static unsigned x[N], a[N], b[N], c[N];

static void kernel(unsigned n)
{
	for (unsigned i = n; i-- > 0;)
		a[i] = x[i] * 3u;
	for (unsigned i = n - 1; i < n; i--)
		b[i] = a[i] + (i > 0 ? b[i] : 7u);
	for (unsigned i = 0; i < n; i++)
		c[i] = b[i] ^ a[i];
}

int main(void)
{
	unsigned long long h = 0;

	for (unsigned k = 0; k < N; k++)
		x[k] = k * 2654435761u;
	kernel(N);
	for (unsigned k = 0; k < N; k++)
		h = h * 31 + c[k];
	printf("%08x %llx\n", c[0], h);
	return 0;
}
