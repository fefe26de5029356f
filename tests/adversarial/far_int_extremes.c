// DISTINCT
/*
 * Class: far-apart ranges / type limits.
 *
 * Attacks: int loops at both ends of the int range: the producer over
 * [INT_MIN + 1, INT_MIN + 1 + K), the consumer over [INT_MAX - K,
 * INT_MAX); both read x, subtracting their start in the subscripts,
 * and depend on nothing else, so fusion is legal.  A fused loop
 * over the hull runs 2^32 times, and its bounds (hi - lo) do not fit
 * in an int either.
 */
#include <limits.h>
#include <stdio.h>

#define K 8192

static int x[K], a[K], b[K];

static void kernel(int lo, int hi)
{
	for (int i = lo; i < lo + K; i++)
		a[i - lo] = x[i - lo] * 9 - 1000;
	for (int i = hi - K; i < hi; i++)
		b[i - (hi - K)] = x[i - (hi - K)] / 2;
}

int main(void)
{
	unsigned long long h = 0;

	for (int i = 0; i < K; i++)
		x[i] = i * 13 - 2000;
	kernel(INT_MIN + 1, INT_MAX);
	for (int i = 0; i < K; i++)
		h = h * 31 + (unsigned)a[i] + (unsigned)b[i];
	printf("%d %d %llx\n", b[0], b[K - 1], h);
	return 0;
}
