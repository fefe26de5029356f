// DISTINCT
/*
 * Class: types of iterators / _Generic.
 *
 * Attacks: _Generic on the iterator selects a different expression for
 * each integer type.  The first nest counts with an int, the second
 * with an unsigned int.  A fused loop whose variable has another type
 * than the one the text was written for (int for the second nest, or
 * long for an unsigned iterator) selects another branch.
 */
#include <stdio.h>

#define KIND(v) _Generic((v), int: 1, unsigned: 2, long: 3, default: 4)
#define N 8192

static int x[N], a[N], b[N];

static void kernel(unsigned n)
{
	for (int i = 0; i < (int)n; i++)
		a[i] = x[i] * KIND(i);
	for (unsigned u = 0; u < n; u++)
		b[u] = a[u] * 10 + KIND(u);
}

int main(void)
{
	unsigned long long h = 0;

	for (int k = 0; k < N; k++)
		x[k] = k % 7;
	kernel(N);
	for (int k = 0; k < N; k++)
		h = h * 31 + (unsigned)b[k];
	printf("%d %d %llx\n", b[1], b[N - 1], h);
	return 0;
}
