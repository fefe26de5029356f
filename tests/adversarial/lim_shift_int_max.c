// DISTINCT
/*
 * Class: type limits / shifting.
 *
 * Attacks: a consumer that reads the producer's next element
 * (c[k] = a[k] + a[k + 1]), which a fusing tool can only fuse by
 * running the consumer one iteration behind.  The loops run up to
 * top == INT_MAX (exclusive); their subscripts subtract lo, so only
 * 128 elements are touched.  The shifted fused loop has to reach
 * i == top itself, and "i <= top" with i++ overflows: in practice the
 * loop never ends, or is dropped as having undefined behaviour.
 */
#include <limits.h>
#include <stdio.h>

static int a[129], c[128];

static void kernel(int lo, int top)
{
	for (int i = lo; i < top; i++)
		a[i - lo] = (i - lo) * 3 + 1;
	for (int i = lo; i < top; i++)
		c[i - lo] = a[i - lo] + a[i - lo + 1];
}

int main(void)
{
	unsigned long long s = 0;

	a[128] = 1000;
	kernel(INT_MAX - 127, INT_MAX);
	for (int i = 0; i < 128; i++)
		s = s * 7 + (unsigned)c[i];
	printf("%d %d %llx\n", c[0], c[127], s);
	return 0;
}
