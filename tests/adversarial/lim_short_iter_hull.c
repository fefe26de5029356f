// DISTINCT
/*
 * Class: type limits / short iterators.
 *
 * Attacks: the first nest counts a short up to 30000, the second an
 * int up to 40000.  A fused loop that takes its iterator type from the
 * first nest would have to count a short up to 39999: it wraps at
 * SHRT_MAX, so the loop runs forever or writes p[-32768].
 */
#include <stdio.h>

static int p[40000], q[40000];

static void kernel(short m, int n)
{
	for (short s = 0; s < m; s++)
		p[s] = s / 3;
	for (int i = 0; i < n; i++)
		q[i] = p[i] + 1;
}

int main(void)
{
	unsigned long long h = 0;

	for (int i = 0; i < 40000; i++)
		p[i] = -2;
	kernel(30000, 40000);
	for (int i = 0; i < 40000; i++)
		h = h * 31 + (unsigned)q[i];
	printf("%d %d %llx\n", q[29999], q[39999], h);
	return 0;
}
