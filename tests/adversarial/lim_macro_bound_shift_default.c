/*
 * Class: type limits / constants in bounds, default options.
 *
 * Attacks: loops bounded by a macro (N + 8 and N) with a consumer that
 * must run two iterations behind.  The code is generated for every
 * value of N from its own up, to keep the name; for N near INT_MAX the
 * pieces of the fused loop meet the limit of int.  Their bounds,
 * printed as long long constants (2147483648LL), become INT_MIN in the
 * int iterator, and a piece that should be empty runs from INT_MIN.
 */
#include <stdio.h>
#define N 2000000
static unsigned a[N + 8], b[N + 8], c[N + 8];

__attribute__((noinline)) static unsigned long long kernel(void)
{
	unsigned long long h = 0;
	for (int i = 0; i < N + 8; i++)
		a[i] = i * 2654435761u;
	for (int i = 0; i < N; i++)
		b[i] = a[i + 2] + a[i + 1] + 1u;
	for (int i = 0; i < N + 8; i++)
		c[i] = b[i] ^ a[i];
	for (int i = 0; i < N + 8; i++)
		h = h * 1000003u + c[i];
	return h;
}

int main(void)
{
	printf("%llx\n", kernel());
	return 0;
}
