// DISTINCT
/*
 * Class: signedness / unsigned comparisons in guards.
 *
 * Attacks: an "if (i - 5u < 3u)" guard in a loop body, the usual idiom
 * for 5 <= i < 8.  The comparison is unsigned: for i < 5, i - 5u wraps
 * to a huge value and the guard is false.  Read over the integers it is
 * "i < 8", and a tool that regenerates guards from its own reading runs
 * the guarded statement for i = 0..4 too.
 */
#include <stdio.h>

static int x[4096], a[4096], b[4096];

static void kernel(int n)
{
	for (int i = 0; i < n; i++)
		if (i - 5u < 3u)
			a[i] = x[i] * 2;
	for (int i = 0; i < n; i++)
		b[i] = a[i] + x[i];
}

int main(void)
{
	unsigned long long s = 0;

	for (int i = 0; i < 4096; i++) {
		x[i] = i % 13;
		a[i] = -1;
	}
	kernel(4096);
	for (int i = 0; i < 16; i++)
		printf("%d ", b[i]);
	for (int i = 0; i < 4096; i++)
		s = s * 3 + a[i] + b[i];
	printf("%llx\n", s);
	return 0;
}
