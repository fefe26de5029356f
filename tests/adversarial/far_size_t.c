// DISTINCT
/*
 * Class: far-apart ranges / unsigned iterators.
 *
 * Attacks: size_t loops over [0, n) and [off, off + n) with
 * off == 2^42 passed at run time; the second subtracts off in its
 * subscripts and reads what the first wrote.  off is unsigned, so
 * every element is written before it is read in a fused loop too --
 * but a fused loop over the hull runs 2^42 iterations.
 */
#include <stddef.h>
#include <stdio.h>

#define K 1000

static unsigned a[K], b[K];

static void kernel(size_t off, size_t n)
{
	for (size_t i = 0; i < n; i++)
		a[i] = (unsigned)i * 2654435761u;
	for (size_t i = off; i < off + n; i++)
		b[i - off] = a[i - off] >> 3;
}

int main(void)
{
	unsigned long long h = 0;

	kernel((size_t)1 << 42, K);
	for (int i = 0; i < K; i++)
		h = h * 31 + b[i];
	printf("%08x %08x %llx\n", b[1], b[K - 1], h);
	return 0;
}
