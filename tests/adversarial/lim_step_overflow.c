// DISTINCT
/*
 * Class: type limits / steps.
 *
 * Attacks: loops that step by 3 up to INT_MAX - 1 (exclusive): the
 * last iteration is at INT_MAX - 4, whose increment still fits.  The
 * consumer reads the producer's next element (written three iterator
 * units later), so a fused loop needs the consumer three units behind
 * and runs up to INT_MAX - 1; its final "i += 3" overflows.
 */
#include <limits.h>
#include <stdio.h>

static int a[101], c[100];

static void kernel(int lo, int hi)
{
	for (int i = lo; i < hi; i += 3)
		a[(i - lo) / 3] = (i - lo) / 3 * 7 - 100;
	for (int i = lo; i < hi; i += 3)
		c[(i - lo) / 3] = a[(i - lo) / 3] + 2 * a[(i - lo) / 3 + 1];
}

int main(void)
{
	unsigned long long h = 0;

	a[100] = 5555;
	kernel(INT_MAX - 4 - 99 * 3, INT_MAX - 1);
	for (int i = 0; i < 100; i++)
		h = h * 31 + (unsigned)c[i];
	printf("%d %d %llx\n", c[0], c[99], h);
	return 0;
}
