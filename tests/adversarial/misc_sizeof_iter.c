// DISTINCT
/*
 * Class: types of iterators / sizeof.
 *
 * Attacks: the second nest's iterator is a long long and its body
 * uses sizeof(j) (8).  A fused loop whose variable is the first nest's
 * int i, substituted for j, makes sizeof(j) 4.
 */
#include <stdio.h>

#define N 8192

static int x[N], a[N], b[N];

static void kernel(int n)
{
	for (int i = 0; i < n; i++)
		a[i] = x[i] + 1;
	for (long long j = 0; j < n; j++)
		b[j] = a[j] * (int)sizeof(j);
}

int main(void)
{
	unsigned long long h = 0;

	for (int k = 0; k < N; k++)
		x[k] = k % 19;
	kernel(N);
	for (int k = 0; k < N; k++)
		h = h * 31 + (unsigned)b[k];
	printf("%d %llx\n", b[N - 1], h);
	return 0;
}
