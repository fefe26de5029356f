// DISTINCT
/*
 * Class: volatile.
 *
 * Attacks: the second nest reads a volatile counter that the first
 * nest's statements increment (x++ on a volatile is a read and a
 * write the compiler must perform in order).  Volatile accesses are
 * side effects: nothing may be moved across them.
 */
#include <stdio.h>

#define N 4096

static volatile int ticks;
static int x[N], a[N], b[N];

static void kernel(int n)
{
	for (int i = 0; i < n; i++)
		a[i] = x[i] + ticks++;
	for (int i = 0; i < n; i++)
		b[i] = a[i] * 2 + ticks;
}

int main(void)
{
	unsigned long long h = 0;

	for (int k = 0; k < N; k++)
		x[k] = k % 3;
	kernel(N);
	for (int k = 0; k < N; k++)
		h = h * 31 + (unsigned)b[k];
	printf("%d %llx\n", b[0], h);
	return 0;
}
