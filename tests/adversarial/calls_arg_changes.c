/*
 * Class: fusion across calls / arguments whose value changes.
 *
 * Attacks: a formal is a copy of its argument made at the call.
 * Replaced by the argument's expression it would be read again where
 * the callee uses it: after n++ has run a second time (f(a, n++)),
 * after the callee has stored through a pointer to the argument's
 * variable (the caller took its address), or after a global argument
 * was overwritten by the callee itself.  A call whose argument has a
 * side effect would also run it once per use instead of once.
 */
#include <stdio.h>

#define N 256

static float a[N], b[N];
static int gn = 64;

static void fill(float *y, int *count, int n)
{
	for (int i = 0; i < n; i++) {
		y[i] = (float)n + (float)i;
		count[0] = i;
	}
}

static void ramp(float *y, int n)
{
	for (int i = 0; i < n; i++)
		y[i] = y[i] + (float)n;
}

static void shrink(float *y, int n)
{
	for (int i = 0; i < n; i++) {
		y[i] = y[i] * 0.5f;
		gn = i;
	}
}

static void kernel(int m)
{
	int k = 100;
	int *pk = &k;
	int n = m;

	for (int i = 0; i < N; i++)
		a[i] = 1.0f;
	fill(a, pk, k);
	ramp(a, n++);
	ramp(b, n++);
	shrink(b, gn);
	for (int i = 0; i < N; i++)
		b[i] = b[i] + a[i];
	printf("%d %d %d\n", k, n, gn);
}

int main(void)
{
	unsigned s = 0;

	kernel(200);
	for (int i = 0; i < N; i++)
		s = s * 31u + (unsigned)(a[i] * 4.0f) + (unsigned)(b[i] * 4.0f);
	printf("%a %a %u\n", a[0], b[N - 1], s);
	return 0;
}
