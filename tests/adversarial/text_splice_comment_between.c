// DISTINCT
/*
 * Class: comments and strings / line splices in comments.
 *
 * Attacks: a // comment between the two nests that ends in a backslash,
 * followed by an empty line, which the splice makes part of the
 * comment.  Kept in front of the fused code, the comment swallows the
 * first line of that code.
 */
#include <stdio.h>

#define N 8192

static double x[N], a[N], b[N];

static void kernel(int n)
{
	for (int i = 0; i < n; i++)
		a[i] = x[i] * x[i];
	// squares done; now the offsets (C:\temp\

	for (int i = 0; i < n; i++)
		b[i] = a[i] - x[i];
}

int main(void)
{
	double s = 0.0;

	for (int i = 0; i < N; i++)
		x[i] = (double)(i % 12) * 0.5;
	kernel(N);
	for (int i = 0; i < N; i++)
		s = s * 0.5 + b[i];
	printf("%a %a\n", b[N - 1], s);
	return 0;
}
