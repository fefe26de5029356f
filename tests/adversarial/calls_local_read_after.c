/*
 * Class: fusion across calls / locals declared at the top of a callee.
 *
 * Attacks: a C89-style callee declares its iterators first ("int i, j;")
 * and sets them in each for.  Turned into loop-scoped iterators they
 * lose what the body reads after their loop: the value an iterator has
 * after its loop (read by the next loop as a count), an inner loop
 * that reuses the outer loop's iterator (the outer loop sees where the
 * inner one stopped), a local initialised once and then only read, a
 * local read in another for's bounds, and an iterator whose address is
 * kept by a pointer read after the loop.  A tool that moved these
 * loops into the caller with fresh iterators would compute other sums.
 */
#include <stdio.h>

#define N 96

static float a[N], b[N], c[N], d[N];
static int last;

static void count_then_use(float *y, int n)
{
	int i, j;

	for (i = 0; i < n; i++)
		y[i] = y[i] + 1.0f;
	for (j = 0; j < n; j++)
		y[j] = y[j] * 0.5f + (float)i;
}

static void reuse_inner(float *y, int n)
{
	int i;

	for (i = 0; i < n; i += 5)
		for (i = 0; i < 2; i++)
			y[i] = y[i] + 1.0f;
}

static void init_once(float *y, int n)
{
	int k = 3;
	int i;

	for (i = 0; i < n; i++)
		y[i] = y[i] + (float)k;
}

static void bound_from_local(float *y, int n)
{
	int i, j;

	for (i = 0; i < n / 2; i++)
		y[i] = y[i] - 1.0f;
	for (j = i; j < n; j++)
		y[j] = y[j] + 2.0f;
}

static void keeps_address(float *y, int n)
{
	int i;
	int *p;

	for (i = 0; i < n; i++) {
		p = &i;
		y[i] = y[i] * 2.0f;
	}
	for (last = 0; last < 1; last++)
		y[0] = y[0] + (float)*p;
}

static void kernel(int n)
{
	for (int i = 0; i < n; i++)
		a[i] = (float)i;
	count_then_use(a, n);
	for (int i = 0; i < n; i++)
		b[i] = a[i] + 1.0f;
	reuse_inner(b, 6);
	init_once(b, n);
	for (int i = 0; i < n; i++)
		c[i] = b[i] * 3.0f;
	bound_from_local(c, n);
	keeps_address(c, n);
	for (int i = 0; i < n; i++)
		d[i] = c[i] + a[i];
}

int main(void)
{
	unsigned s = 0;

	kernel(N);
	for (int i = 0; i < N; i++)
		s = s * 31u + (unsigned)(d[i] * 4.0f) + (unsigned)(b[i] * 4.0f);
	printf("%a %a %a %u %d\n", a[1], b[0], d[N - 1], s, last);
	return 0;
}
