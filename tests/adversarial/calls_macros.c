/*
 * Class: fusion across calls / macros around the calls.
 *
 * Attacks: the body of a callee moves to its caller, where macros may
 * mean something else: a constant redefined between the two
 * (#undef), a macro that names a formal (so the formal is not spelled
 * where it is used), a function-like macro over a formal, and calls
 * made by a macro.  A tool that substituted the spelled formals only,
 * or copied the text without looking at what it expands to, would
 * compute with the wrong constant or leave the formal's name behind,
 * meaning a caller variable of that name.
 */
#include <stdio.h>

#define N 512
#define K 3
#define ELEM y[i]
#define SQ(v) ((v) * (v))

static float a[N], b[N], y[N];

static void scale_k(float *x, int n)
{
	for (int i = 0; i < n; i++)
		x[i] = x[i] * K;
}

static void via_macro(float *y, int n)
{
	for (int i = 0; i < n; i++)
		ELEM = ELEM + 1.0f;
}

static void square(float *x, int n)
{
	for (int i = 0; i < n; i++)
		x[i] = SQ(x[i]);
}

#undef K
#define K 5
#define CALL(f, p) f(p, N)

static void kernel(void)
{
	for (int i = 0; i < N; i++)
		a[i] = (float)(i % 9) * K;
	scale_k(a, N);
	via_macro(b, N);
	square(a, N);
	CALL(scale_k, b);
	for (int i = 0; i < N; i++)
		b[i] = b[i] + a[i] + y[i];
}

int main(void)
{
	unsigned s = 0;

	for (int i = 0; i < N; i++)
		y[i] = (float)(i % 4);
	kernel();
	for (int i = 0; i < N; i++)
		s = s * 31u + (unsigned)a[i] + (unsigned)b[i];
	printf("%a %a %u\n", a[1], b[N - 1], s);
	return 0;
}
