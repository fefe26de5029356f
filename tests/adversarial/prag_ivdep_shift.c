// DISTINCT
/*
 * Class: user pragmas.
 *
 * Attacks: "#pragma GCC ivdep" on the first of two nests, where the
 * second reads the first's next element (c[i] = a[i] + a[i + 1]), so a
 * fusing tool has to run it one iteration behind.  The pragma binds to
 * the statement that follows it, which must be a loop: a rewrite that
 * starts with anything else (a guard "if (n >= 1)", a peeled
 * iteration, a block) does not compile with gcc.  And the pragma
 * promises that the loop has no loop-carried dependence, which the
 * fused loop does have.
 */
#include <stdio.h>

#define N 100000

static float x[N + 1], a[N + 1], c[N];

static void kernel(int n)
{
#pragma GCC ivdep
	for (int i = 0; i < n; i++)
		a[i] = x[i] * 0.5f + 1.0f;
	for (int i = 0; i < n; i++)
		c[i] = a[i] + a[i + 1];
}

int main(void)
{
	float s = 0.0f;

	for (int i = 0; i <= N; i++) {
		x[i] = (float)(i % 23) - 11.0f;
		a[i] = 3.0f;
	}
	kernel(N);
	for (int i = 0; i < N; i++)
		s = s * 0.5f + c[i];
	printf("%a %a %a\n", c[0], c[N - 1], s);
	return 0;
}
