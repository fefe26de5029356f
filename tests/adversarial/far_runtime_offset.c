// DISTINCT
/*
 * Class: far-apart ranges.
 *
 * Attacks: two nests that both read x, the first over [0, K), the
 * second over [off, off + K) with off == 2^40 known only at run time;
 * the second subtracts off in its subscripts, so both read the same K
 * elements.  Nothing depends on anything, so fusion is legal whatever
 * off is.  A fused loop over the hull of the two ranges runs 2^40
 * iterations (most of them doing nothing): the original takes
 * microseconds, the rewritten program hangs.
 */
#include <stdio.h>

#define K 4096

static double a[K], b[K], x[K];

static void kernel(long off)
{
	for (long i = 0; i < K; i++)
		a[i] = x[i] * 1.5 + 2.0;
	for (long i = off; i < off + K; i++)
		b[i - off] = x[i - off] * x[i - off] - 3.0;
}

int main(void)
{
	double s = 0.0;

	for (int i = 0; i < K; i++)
		x[i] = (double)(i % 97) / 8.0;
	kernel(1L << 40);
	for (int i = 0; i < K; i++)
		s = s * 0.75 + a[i] - b[i];
	printf("%a %a %a\n", b[0], b[K - 1], s);
	return 0;
}
