// DISTINCT
/*
 * Class: fusion across calls / size expressions of variably modified
 * parameters.
 *
 * Attacks: fill(int n, float y[checked(n)]) declares y with a size
 * expression that calls checked(), which counts its calls, and
 * dbl(int n, const float x[n], float y[entries++ + n]) increments a
 * global in another.  C evaluates the size expressions of variably
 * modified parameters on entry to the function (gcc and clang both
 * do), so each call of the original counts once.  Replacing the calls
 * by loops printed from the bodies drops those evaluations: the counts
 * printed at the end change.
 */
#include <stdio.h>
#include <string.h>

#define N 2048

static float a[N], b[N];
static int checks, entries;

static int checked(int n)
{
	checks++;
	return n;
}

static void fill(int n, float y[checked(n)])
{
	for (int i = 0; i < n; i++)
		y[i] = (float)(i % 21) * 0.5f;
}

static void dbl(int n, const float x[n], float y[entries++ + n])
{
	for (int i = 0; i < n; i++)
		y[i] = x[i] * 2.0f + 1.0f;
}

static void run(int n, float *p, float *q)
{
	fill(n, p);
	dbl(n, p, q);
}

static unsigned ck(const float *p, int n)
{
	unsigned s = 0, u;
	for (int i = 0; i < n; i++) {
		memcpy(&u, &p[i], sizeof u);
		s = s * 31u + u;
	}
	return s;
}

int main(void)
{
	run(N, a, b);
	run(N / 2, b, a);
	printf("%d %d %u %u\n", checks, entries, ck(a, N), ck(b, N));
	return 0;
}
