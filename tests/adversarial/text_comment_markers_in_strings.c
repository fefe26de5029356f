// DISTINCT
/*
 * Class: comments and strings.
 *
 * Attacks: statements whose string literals contain comment markers
 * (slash-star, star-slash, slash-slash), and real comments between and
 * inside the nests that quote such strings.  A tool that keeps comments by scanning the
 * text between statements, or that finds a statement's end by
 * skipping comments, must agree with the preprocessor on where each
 * comment starts and ends.
 */
#include <stdio.h>

#define N 8192

static int x[N], a[N], b[N];

static void kernel(int n)
{
	for (int i = 0; i < n; i++) /* "/*" opens a comment */
		a[i] = x[i] + (int)sizeof("/* not a comment");
	// the next nest adds sizeof("*/ //") -- see "*/" above
	for (int i = 0; i < n; i++)
		b[i] = a[i] * 2 + (int)sizeof("*/ //") /* "//" */;
}

int main(void)
{
	unsigned long long h = 0;

	for (int i = 0; i < N; i++)
		x[i] = i % 25;
	kernel(N);
	for (int i = 0; i < N; i++)
		h = h * 31 + (unsigned)b[i];
	printf("%d %llx\n", b[N - 1], h);
	return 0;
}
