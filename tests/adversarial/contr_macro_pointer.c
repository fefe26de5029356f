// DISTINCT
/*
 * Class: contraction of local arrays / address taken through a macro.
 *
 * Attacks: before the loops, a pointer to the temporary array t is
 * taken through a macro (TP is "&t[0]"), and after the loops the
 * function reads t through that pointer.  The name t appears nowhere
 * else in the function's text.  Contracting t to a scalar leaves
 * &t[0] subscripting a float: that does not compile; had the macro been
 * "&t", the program would read past a single float.
 */
#include <stdio.h>

#define N 4096
#define TP (&t[0])

static float x[N], y[N];

static float kernel(int n)
{
	float t[N];
	float *p = TP;

	for (int i = 0; i < n; i++)
		t[i] = x[i] + 0.5f;
	for (int i = 0; i < n; i++)
		y[i] = t[i] * t[i];
	return p[1] + p[n - 1];
}

int main(void)
{
	float s = 0.0f, f;

	for (int i = 0; i < N; i++)
		x[i] = (float)(i % 23) * 0.125f;
	f = kernel(N);
	for (int i = 0; i < N; i++)
		s = s * 0.5f + y[i];
	printf("%a %a\n", f, s);
	return 0;
}
