// DISTINCT
/*
 * Class: macros / statement ends.
 *
 * Attacks: statements terminated by a macro that expands to ";" (END),
 * one of them ending in a macro argument too ("b[i] = a[i] + ID(y)
 * END"), in a loop body with a second statement.  A tool that takes a
 * statement's text from the syntax tree's extent (which stops before
 * the ';', or at a macro's expansion point) and looks for a ';' after
 * it may cut the statement short, drop the terminator (gluing the
 * statements together), or leave a stray token behind.
 */
#include <stdio.h>

#define ID(v) v
#define END ;
#define N 8192

static double a[N], b[N], c[N], x[N];

static void kernel(int n, double y)
{
	for (int i = 0; i < n; i++) {
		a[i] = x[i] * y END
		b[i] = a[i] + ID(y) END
	}
	for (int i = 0; i < n; i++)
		c[i] = b[i] - a[i];
}

int main(void)
{
	double s = 0.0;

	for (int i = 0; i < N; i++)
		x[i] = (double)(i % 9) * 0.25;
	kernel(N, 1.5);
	for (int i = 0; i < N; i++)
		s = s * 0.5 + c[i] + b[i];
	printf("%a %a\n", c[N - 1], s);
	return 0;
}
