// DISTINCT
/*
 * Class: type limits / loops counting down.
 *
 * Attacks: two nests counting down to just above lo == INT_MIN.  A
 * tool that schedules a down-counting loop by -i and prints its bounds
 * negated computes -lo, which overflows for INT_MIN (undefined; in
 * practice INT_MIN again, so the fused loop runs over the wrong range
 * or not at all).  The subscripts subtract lo, so K elements suffice.
 */
#include <limits.h>
#include <stdio.h>

#define K 8192

static int a[K], c[K];

static void kernel(int lo)
{
	for (int i = lo + K - 1; i > lo; i--)
		a[i - lo] = (i - lo) * 5 - 3;
	for (int i = lo + K - 1; i > lo; i--)
		c[i - lo] = a[i - lo] + (i - lo);
}

int main(void)
{
	unsigned long long s = 0;

	for (int i = 0; i < K; i++)
		c[i] = -1;
	kernel(INT_MIN);
	for (int i = 0; i < K; i++)
		s = s * 7 + (unsigned)c[i];
	printf("%d %d %llx\n", c[1], c[K - 1], s);
	return 0;
}
