// DISTINCT
/*
 * Class: type limits / size_t near SIZE_MAX.
 *
 * Attacks: size_t loops over [SIZE_MAX - K, SIZE_MAX) whose subscripts
 * "i + K + 1" wrap around to 0..K-1, and a consumer that reads the next
 * element, so that a fused loop must be shifted and run up to
 * SIZE_MAX itself.  SIZE_MAX does not fit in a long: a tool that
 * computes bounds in signed 64-bit arithmetic (or declares the loop
 * variable long) gets -K-1..-1 and either runs the wrong iterations or
 * compares a long with a size_t.
 */
#include <stdint.h>
#include <stdio.h>

#define K 8192

static unsigned long long a[K + 1], b[K];

static void kernel(size_t lo)
{
	for (size_t i = lo; i < SIZE_MAX; i++)
		a[i + K + 1] = (i + K + 1) * 0x9e3779b97f4a7c15ull;
	for (size_t i = lo; i < SIZE_MAX; i++)
		b[i + K + 1] = a[i + K + 1] ^ (a[i + K + 2] >> 7);
}

int main(void)
{
	unsigned long long h = 0;

	a[K] = 0x123456789abcdefull;
	kernel(SIZE_MAX - K);
	for (int i = 0; i < K; i++)
		h = h * 31 + b[i];
	printf("%016llx %016llx %016llx\n", b[0], b[K - 1], h);
	return 0;
}
