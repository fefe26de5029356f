// DISTINCT
/*
 * Class: name capture / parameters named like iterators.
 *
 * Attacks: a function parameter named j gives the second nest its
 * bound (k < j); the first nest's iterator is also named j (shadowing
 * the parameter inside that loop only).  The statements never mention
 * the parameter, only the bound does.  A tool that names the fused
 * loop after the first nest's iterator and prints the second nest's
 * bound with the parameter's name writes "j" where the loop variable
 * now hides the parameter.
 */
#include <stdio.h>

#define N 8192

static int x[N], a[N], b[N];

static void kernel(int j)
{
	for (int j = 0; j < N; j++)
		a[j] = x[j] * 2 + 1;
	for (int k = 0; k < j; k++)
		b[k] = a[k] + k;
}

int main(void)
{
	unsigned long long h = 0;

	for (int i = 0; i < N; i++) {
		x[i] = i % 97;
		b[i] = -5;
	}
	kernel(N - 1000);
	for (int i = 0; i < N; i++)
		h = h * 31 + (unsigned)b[i];
	printf("%d %d %d %llx\n", b[0], b[N - 1001], b[N - 1000], h);
	return 0;
}
