// DISTINCT
/*
 * Class: comments and strings / directives that do not start a line.
 *
 * Attacks: preprocessor directives inside a loop body, written after a
 * comment on their line ("/ * x * / #undef SCALE"), which is still a
 * directive because comments count as white space.  The body's two
 * statements use SCALE before and after it is redefined.  A tool that
 * leaves nests with directives inside alone, but only recognises lines
 * that start with '#', rewrites the nest: the directives are dropped
 * and both statements, re-expanded at their new place, see the first
 * SCALE; and so does all the code after the function.
 */
#include <stdio.h>

#define SCALE 2
#define N 8192

static int x[N], a[N], b[N], c[N];

static void kernel(int n)
{
	for (int i = 0; i < n; i++) {
		a[i] = x[i] * SCALE;
		/* new scale */ #undef SCALE
		/* new scale */ #define SCALE 3
		b[i] = x[i] * SCALE;
	}
	for (int i = 0; i < n; i++)
		c[i] = a[i] + b[i];
}

int main(void)
{
	unsigned long long h = 0;

	for (int i = 0; i < N; i++)
		x[i] = i % 21;
	kernel(N);
	for (int i = 0; i < N; i++)
		h = h * 31 + (unsigned)c[i];
	printf("%d %d %llx\n", c[1], SCALE, h);
	return 0;
}
