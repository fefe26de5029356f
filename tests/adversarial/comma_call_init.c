// DISTINCT
/*
 * Class: comma initialisation.
 *
 * Attacks: the second nest's initialisation calls a function that
 * counts its calls, and the first nest reads the count.  Moving the
 * initialisation before a fused loop changes what the first nest reads.
 */
#include <stdio.h>

#define N 4096

static int x[N], a[N], b[N];
static int calls;

static void bump(void)
{
	calls++;
}

static int kernel(int n, int m)
{
	int i;

	for (i = 0; i < n; i++)
		a[i] = x[i] + calls;
	for (i = 0, bump(); i < m; i++)
		b[i] = a[i] + calls;
	return calls;
}

int main(void)
{
	unsigned h = 0;
	int r;

	for (int t = 0; t < N; t++)
		x[t] = t % 29;
	r = kernel(N, 1000);
	for (int t = 0; t < N; t++)
		h = h * 31u + (unsigned)a[t] * 7u + (unsigned)b[t];
	printf("%d %x\n", r, h);
	return 0;
}
