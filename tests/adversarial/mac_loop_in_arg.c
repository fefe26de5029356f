// DISTINCT
/*
 * Class: macros / nests inside macro arguments.
 *
 * Attacks: a second nest written inside a macro argument,
 * "forall(for (...) ...;)", where forall(s) expands to s followed by a
 * counter update.  The for statement's extent ends inside the macro
 * invocation; a tool that takes the nest's source range by expansion
 * locations and replaces it drops the invocation, and the counter
 * update with it.  The macro's name starts with "for", so a check that
 * the nest's text starts with "for" is fooled.
 */
#include <stdio.h>

#define forall(s) s passes++;
#define N 8192

static int passes;
static int a[N], c[N], x[N];

static void kernel(int n)
{
	for (int i = 0; i < n; i++)
		a[i] = x[i] * 3;
	forall(for (int i = 0; i < n; i++) c[i] = a[i] + 1;)
}

int main(void)
{
	for (int i = 0; i < N; i++)
		x[i] = i % 41;
	kernel(N);
	kernel(N);
	printf("%d %d %d\n", c[0], c[N - 1], passes);
	return 0;
}
