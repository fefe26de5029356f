// DISTINCT
/*
 * Class: signedness / unsigned wrap in bounds.
 *
 * Attacks: "i < n - 1 && i < 64" with unsigned n == 0.  In C, n - 1
 * wraps to UINT_MAX, so the first condition holds and the loop runs 64
 * times.  A tool that computes bounds over the integers (or casts n to
 * a signed type first) gets n - 1 == -1, believes the first nest is
 * empty and, once it generates the fused loop, never runs it.
 */
#include <stdio.h>

static int src[64], b[64], c[64];

static void kernel(unsigned n, int m)
{
	for (int i = 0; i < n - 1 && i < 64; i++)
		b[i] = src[i] * 5 + 1;
	for (int i = 0; i < m; i++)
		c[i] = b[i] - src[i];
}

int main(void)
{
	unsigned long long s = 0;

	for (int i = 0; i < 64; i++) {
		src[i] = (i * 37) % 101 - 50;
		b[i] = 1000;
	}
	kernel(0, 64);
	for (int i = 0; i < 64; i++)
		s = s * 3 + b[i] + 2L * c[i];
	printf("%d %d %d %llx\n", b[0], c[0], c[63], s);
	return 0;
}
