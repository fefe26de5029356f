// DISTINCT
/*
 * Class: type limits / unsigned iterators near UINT_MAX.
 *
 * Attacks: unsigned iterators in [UINT_MAX - 99, UINT_MAX) whose
 * subscripts "i + 100" wrap around to 0..98, as unsigned arithmetic
 * does.  A tool that turns the iterator into a long (so that bounds
 * cannot wrap) also makes i + 100 a long above 2^32: the rewritten
 * program indexes four billion elements past the array.
 */
#include <limits.h>
#include <stdio.h>

static unsigned a[100], b[100];

static void kernel(unsigned lo, unsigned hi)
{
	for (unsigned i = lo; i < hi; i++)
		a[i + 100] = i * 3u;
	for (unsigned i = lo; i < hi; i++)
		b[i + 100] = a[i + 100] ^ 0x5a5a5a5au;
}

int main(void)
{
	unsigned long long h = 0;

	kernel(UINT_MAX - 99, UINT_MAX);
	for (int i = 0; i < 100; i++)
		h = h * 31 + b[i];
	printf("%08x %08x %llx\n", b[0], b[98], h);
	return 0;
}
