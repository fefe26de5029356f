// DISTINCT
/*
 * Class: integer division and modulo of negative numbers.
 *
 * Attacks: subscripts "(i - 9) / 4 + 3" and "(i - 9) % 4 + 3" with i
 * from 0: the dividends are negative for i < 9, where C division
 * truncates toward zero (-9 / 4 == -2, -9 % 4 == -1) rather than
 * rounding down.  A tool that models them with floor semantics gets
 * other elements, and so other dependences; the consumer, which must
 * run one iteration behind, reads elements the producer writes.
 */
#include <stdio.h>

#define N 4096

static int x[N], a[N + 8], c[N];

static void kernel(int n)
{
	for (int i = 0; i < n; i++)
		a[i + 4] = x[i] * 3;
	for (int i = 0; i < n; i++)
		c[i] = a[(i - 9) / 4 + 6] + a[(i - 9) % 4 + 6] + a[i + 5];
}

int main(void)
{
	unsigned long long h = 0;

	for (int k = 0; k < N; k++)
		x[k] = k % 37 - 18;
	for (int k = 0; k < 8; k++)
		a[k] = 1000 + k;
	a[N + 4] = 77;
	kernel(N);
	for (int k = 0; k < N; k++)
		h = h * 31 + (unsigned)c[k];
	printf("%d %d %d %llx\n", c[0], c[8], c[N - 1], h);
	return 0;
}
