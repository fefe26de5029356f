// DISTINCT
/*
 * Class: signedness / char iterators.
 *
 * Attacks: a signed char iterator.  The first nest counts a signed
 * char up to m == 100, the second an int up to n == 200.  A fused loop
 * that takes its type from the first nest's iterator must count to
 * 199 in a signed char: at 127 the increment wraps (the conversion
 * back to signed char is modulo 256 with gcc and clang) and the loop
 * never ends, or indexes p[-128].
 */
#include <stdio.h>

static int p[256], q[256];

static void kernel(int m, int n)
{
	for (signed char c = 0; c < m; c++)
		p[c] = c * 3;
	for (int i = 0; i < n; i++)
		q[i] = p[i] + i;
}

int main(void)
{
	unsigned long long s = 0;

	for (int i = 0; i < 256; i++)
		p[i] = 1000 - i;
	kernel(100, 200);
	for (int i = 0; i < 256; i++)
		s = s * 3 + p[i] + q[i];
	printf("%d %d %llx\n", q[0], q[199], s);
	return 0;
}
