// DISTINCT
/*
 * Class: comments and strings.
 *
 * Attacks: a loop header whose bound contains a string literal with
 * "/*" in it, sizeof("/*abc") - 6 == 0.  A tool that keeps the
 * comments it finds between the statements of the fused nests, and
 * looks for comments by scanning for "/*" without knowing about string
 * literals, takes the string for the start of a comment and copies
 * everything up to the next "* /" in the file.
 */
#include <stdio.h>

#define N 8192

static float x[N], a[N], b[N];

static void kernel(int n)
{
	for (int i = 0; i < n + (int)sizeof("/*abc") - 6; i++)
		a[i] = x[i] * 2.0f;
	for (int i = 0; i < n; i++)
		b[i] = a[i] + 1.0f;
}

int main(void)
{
	float s = 0.0f;

	for (int i = 0; i < N; i++)
		x[i] = (float)(i % 15);
	kernel(N);
	for (int i = 0; i < N; i++)
		s = s * 0.5f + b[i];
	printf("%a %a\n", b[N - 1], s);
	return 0;
}
