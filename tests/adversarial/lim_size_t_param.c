// DISTINCT
/*
 * Class: type limits / size_t parameters above LONG_MAX.
 *
 * Attacks: size_t bounds passed at run time, lo == SIZE_MAX - 4096 and
 * hi == SIZE_MAX, with subscripts "i - lo" and "i % 64".  A tool that
 * casts unsigned parameters to long, so that "n - 1" cannot wrap,
 * gets negative bounds here; with the iterator declared long, i % 64
 * is negative and indexes before the array.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#define K 4096

static unsigned x[64], t[K], y[K];

static void kernel(size_t lo, size_t hi)
{
	for (size_t i = lo; i < hi; i++)
		t[i - lo] = x[i % 64] * 3u;
	for (size_t i = lo; i < hi; i++)
		y[i - lo] = t[i - lo] + x[(i + 1) % 64];
}

int main(void)
{
	unsigned long long h = 0;

	for (int i = 0; i < 64; i++)
		x[i] = (unsigned)i * 2654435761u;
	kernel(SIZE_MAX - K, SIZE_MAX);
	for (int i = 0; i < K; i++)
		h = h * 31 + y[i];
	printf("%08x %08x %llx\n", y[0], y[K - 1], h);
	return 0;
}
