// DISTINCT
/*
 * Class: signedness / mixed long and int iterators.
 *
 * Attacks: the second nest's iterator is a long, and its body computes
 * j * x[j] * 100000, which exceeds INT_MAX for large j.  A tool that
 * fuses it into the first nest's loop and substitutes the first nest's
 * int iterator for j turns the product into an int multiplication that
 * overflows (undefined behaviour; in practice a wrapped value).
 */
#include <stdio.h>

static long long a[30000], y[30000];
static int x[30000];

static void kernel(int n)
{
	for (int i = 0; i < n; i++)
		a[i] = x[i] + 1;
	for (long j = 0; j < n; j++)
		y[j] = a[j] + j * x[j] * 100000;
}

int main(void)
{
	unsigned long long s = 0;

	for (int i = 0; i < 30000; i++)
		x[i] = i % 17;
	kernel(30000);
	for (int i = 0; i < 30000; i++)
		s = s * 3 + y[i];
	printf("%lld %lld %llx\n", y[21476], y[29999], s);
	return 0;
}
