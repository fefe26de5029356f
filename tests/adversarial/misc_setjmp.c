// DISTINCT
/*
 * Class: control flow / setjmp and longjmp.
 *
 * Attacks: setjmp before the nests and a longjmp after them, in
 * another function, back into the kernel for a second pass; the
 * kernel reads its (static) iterator before the loops.  A static is
 * used because a non-volatile automatic would be indeterminate after
 * the longjmp.  The value seen on the second pass is the one the
 * loops left: m in the original.
 */
#include <setjmp.h>
#include <stdio.h>

#define N 4096

static jmp_buf again;
static int x[N], a[N], b[N];

static void bounce(int pass)
{
	if (pass == 0)
		longjmp(again, 1);
}

static int kernel(int n, int m)
{
	static int i, seen, pass;

	pass = setjmp(again);
	if (pass)
		seen = i;
	for (i = 0; i < n; i++)
		a[i] = x[i] * 7;
	for (i = 0; i < m; i++)
		b[i] = a[i] - 1;
	bounce(pass);
	return seen;
}

int main(void)
{
	int seen;

	for (int k = 0; k < N; k++)
		x[k] = k % 13;
	seen = kernel(N, 10);
	printf("%d %d %d\n", seen, b[0], b[9]);
	return 0;
}
