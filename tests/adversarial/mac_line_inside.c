// DISTINCT
/*
 * Class: macros / __LINE__ inside moved statements.
 *
 * Attacks: a statement that uses __LINE__ (as an assertion macro or a
 * trace id would).  Fusion moves the second nest's statement to the
 * first nest's loop, a few lines up: __LINE__ expands to another
 * number there.
 */
#include <stdio.h>

#define TAG (__LINE__ * 1000)
#define N 8192

static int a[N], b[N], x[N];

static void kernel(int n)
{
	for (int i = 0; i < n; i++)
		a[i] = x[i] + TAG;
	for (int i = 0; i < n; i++)
		b[i] = a[i] + TAG;
}

int main(void)
{
	for (int i = 0; i < N; i++)
		x[i] = i % 100;
	kernel(N);
	printf("%d %d %d\n", a[0], b[0], b[N - 1]);
	return 0;
}
