// DISTINCT
/*
 * Class: macros / __LINE__.
 *
 * Attacks: __LINE__ after the loops.  Fusing three nests of two lines
 * each into one braced loop of five lines changes the number of lines
 * of the function; a tool that does not keep line numbers (with a
 * #line directive, or by padding) changes the value of every __LINE__
 * below the rewritten region, here one in a log message that the
 * program prints.
 */
#include <stdio.h>

#define N 8192

static float a[N], b[N], c[N], x[N];

static void kernel(int n)
{
	for (int i = 0; i < n; i++)
		a[i] = x[i] * 2.0f;
	for (int i = 0; i < n; i++)
		b[i] = a[i] + x[i];
	for (int i = 0; i < n; i++)
		c[i] = b[i] * a[i];
}

int main(void)
{
	for (int i = 0; i < N; i++)
		x[i] = (float)(i % 10);
	kernel(N);
	printf("kernel done at line %d: %a %a\n", __LINE__, c[1], c[N - 1]);
	return 0;
}
