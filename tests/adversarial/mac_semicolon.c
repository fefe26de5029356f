// DISTINCT
/*
 * Class: macros / statement ends.
 *
 * Attacks: statements whose last token comes from a macro:
 * "b[i] = a[i] + ID(x)" where ID(v) is v, and a statement terminated
 * by a macro that expands to ";".  A tool that takes a statement's
 * text from the syntax tree's extent (which stops before the ';', or
 * at a macro's expansion point) and looks for the ';' after it may cut
 * the statement short, drop the terminator, or keep a stray token.
 */
#include <stdio.h>

#define ID(v) v
#define END ;
#define N 8192

static double a[N], b[N], c[N], x[N];

static void kernel(int n, double y)
{
	for (int i = 0; i < n; i++)
		a[i] = x[i] * ID(y) END
	for (int i = 0; i < n; i++)
		b[i] = a[i] + ID(y);
	for (int i = 0; i < n; i++)
		c[i] = b[i] - ID(a[i]);
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
