// DISTINCT
/*
 * Class: name capture / iterators declared before the loops.
 *
 * Attacks: "unsigned char i;" declared at the top of the function and
 * used as the second nest's iterator (for (i = 0; i < 200; i++)),
 * while the first nest declares its own int i and runs to 300.  A
 * tool that assigns, rather than redeclares, a loop variable the user
 * declared before the loops, and names the fused loop i, makes the
 * unsigned char count to 299: it wraps at 256 and the loop never ends.
 */
#include <stdio.h>

static int x[300], a[300], b[300];

static void kernel(int n, int m)
{
	unsigned char i;

	for (int i = 0; i < n; i++)
		a[i] = x[i] * 3;
	for (i = 0; i < m; i++)
		b[i] = a[i] + 1;
}

int main(void)
{
	unsigned long long h = 0;

	for (int k = 0; k < 300; k++)
		x[k] = k % 11;
	kernel(300, 200);
	for (int k = 0; k < 300; k++)
		h = h * 31 + (unsigned)a[k] + (unsigned)b[k];
	printf("%d %d %llx\n", a[299], b[199], h);
	return 0;
}
