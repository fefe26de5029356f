// DISTINCT
/*
 * Class: control flow / goto.
 *
 * Attacks: an iterator declared at the top of the function and used by
 * both nests, whose final value is read on a second pass: a goto after
 * the nests jumps back above them, and the read is textually before
 * the loops.  After the first pass i holds the second loop's final
 * value, m.  A fused loop over both ranges leaves max(n, m) in i
 * instead.
 */
#include <stdio.h>

#define N 8192

static int x[N], a[N], b[N];

static int kernel(int n, int m)
{
	int i, pass = 0, seen = -1;

again:
	if (pass == 1)
		seen = i;
	for (i = 0; i < n; i++)
		a[i] = x[i] + 5;
	for (i = 0; i < m; i++)
		b[i] = a[i] * 2;
	if (pass++ == 0)
		goto again;
	return seen;
}

int main(void)
{
	unsigned long long h = 0;
	int seen;

	for (int k = 0; k < N; k++)
		x[k] = k % 31;
	seen = kernel(N, N / 2);
	for (int k = 0; k < N; k++)
		h = h * 31 + (unsigned)b[k];
	printf("%d %llx\n", seen, h);
	return 0;
}
