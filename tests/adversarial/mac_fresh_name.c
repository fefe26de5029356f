// DISTINCT
/*
 * Class: macros / name capture of generated names.
 *
 * Attacks: the second nest reads a global named i (so the fused loop
 * cannot be called i) and, through a macro, a global named i_2.  A
 * tool that then makes up the name "i_2" for the fused loop, checking
 * it only against the identifiers the statements spell, declares a
 * loop variable that the macro's i_2 now refers to.
 */
#include <stdio.h>

#define BIAS i_2
#define N 8192

static int i = 10;
static int i_2 = 1000;
static int a[N], b[N], src[N];

static void kernel(int n)
{
	for (int i = 0; i < n; i++)
		a[i] = src[i] * 2;
	for (int k = 0; k < n; k++)
		b[k] = a[k] + i + BIAS;
}

int main(void)
{
	unsigned long long h = 0;

	for (int k = 0; k < N; k++)
		src[k] = k % 17;
	kernel(N);
	for (int k = 0; k < N; k++)
		h = h * 31 + (unsigned)b[k];
	printf("%d %d %llx\n", b[0], b[N - 1], h);
	return 0;
}
