// DISTINCT
/*
 * Class: macros / __COUNTER__.
 *
 * Attacks: __COUNTER__ in the statements of two nests and after them.
 * Every expansion takes the next number in textual order.  A rewrite
 * that duplicates a statement (peeling the first or last iteration of
 * a shifted loop, or splitting a loop) or reorders statements
 * textually changes the numbers each statement, and everything after
 * it, sees.  The consumer reads a[i + 1], so it must run one iteration
 * behind.
 */
#include <stdio.h>

#define N 4096

static int a[N + 1], c[N];

static void kernel(int n)
{
	for (int i = 0; i < n; i++)
		a[i] = i + __COUNTER__ * 100;
	for (int i = 0; i < n; i++)
		c[i] = a[i] + a[i + 1] + __COUNTER__ * 10000;
}

int main(void)
{
	int later = __COUNTER__;

	a[N] = 0;
	kernel(N);
	printf("%d %d %d\n", c[0], c[N - 1], later);
	return 0;
}
