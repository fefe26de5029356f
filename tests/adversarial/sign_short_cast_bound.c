// DISTINCT
/*
 * Class: signedness / casts that truncate.
 *
 * Attacks: a bound "i < (short)n" with n == 40000.  The cast gives
 * -25536 (the value modulo 2^16), so the first loop never runs.  A tool
 * that drops the cast from the bound believes it runs 40000 times;
 * the fused loop then writes a[] where the original left it alone.
 */
#include <stdio.h>

static int a[40000], b[40000];

static void kernel(int n)
{
	for (int i = 0; i < (short)n; i++)
		a[i] = i * 2 + 1;
	for (int i = 0; i < n; i++)
		b[i] = a[i] + 3;
}

int main(void)
{
	unsigned long long s = 0;

	for (int i = 0; i < 40000; i++)
		a[i] = -i;
	kernel(40000);
	for (int i = 0; i < 40000; i++)
		s = s * 7 + a[i] + b[i];
	printf("%d %d %llx\n", a[5], b[39999], s);
	return 0;
}
