// DISTINCT
/*
 * Class: macros / stringification.
 *
 * Attacks: a macro that both uses and stringifies its argument,
 * "#define TAGGED(x) ((x) + (int)sizeof(#x))", applied to the second
 * nest's iterator, named idx.  sizeof("idx") is 4.  A fused loop that
 * keeps the first nest's iterator name (i) substitutes it for idx:
 * TAGGED(i) adds sizeof("i") == 2, so every element changes by 2 while
 * the rewrite looks textually fine.
 */
#include <stdio.h>

#define TAGGED(x) ((x) + (int)sizeof(#x))
#define N 8192

static int a[N], c[N];

static void kernel(int n)
{
	for (int i = 0; i < n; i++)
		a[i] = i * 5 % 1001;
	for (int idx = 0; idx < n; idx++)
		c[idx] = a[idx] + TAGGED(idx);
}

int main(void)
{
	unsigned long long h = 0;

	kernel(N);
	for (int i = 0; i < N; i++)
		h = h * 31 + (unsigned)c[i];
	printf("%d %d %llx\n", c[0], c[N - 1], h);
	return 0;
}
