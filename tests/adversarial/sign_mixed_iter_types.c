// DISTINCT
/*
 * Class: signedness / iterators of different types in fused nests.
 *
 * Attacks: the first nest counts with an int, the second with an
 * unsigned whose body relies on unsigned wrap: "(u - 1) >> 1" is
 * 0x7fffffff for u == 0.  A fused loop declared with the first nest's
 * int type, substituted for u, computes -1 >> 1 == -1 (0xffffffff once
 * stored).
 */
#include <stdio.h>

#define N 8192

static unsigned x[N], a[N], b[N];

static void kernel(int n)
{
	for (int i = 0; i < n; i++)
		a[i] = x[i] + 1u;
	for (unsigned u = 0; u < (unsigned)n; u++)
		b[u] = a[u] ^ ((u - 1) >> 1);
}

int main(void)
{
	unsigned long long h = 0;

	for (int k = 0; k < N; k++)
		x[k] = (unsigned)k * 2654435761u;
	kernel(N);
	for (int k = 0; k < N; k++)
		h = h * 31 + b[k];
	printf("%08x %08x %llx\n", b[0], b[1], h);
	return 0;
}
