// DISTINCT
/*
 * Class: contraction of local arrays / uses through macros.
 *
 * Attacks: the temporary array t is used after the loops, but only
 * through macros (FIRST_T reads t[0], T_BYTES is sizeof(t)), so the
 * function's text never spells t outside the loops.  A tool that
 * decides "nothing else uses t" by scanning the function's text for
 * the name contracts t to a scalar: FIRST_T then no longer compiles.
 */
#include <stdio.h>

#define N 8192
#define FIRST_T (t[0] + t[N - 1])
#define T_BYTES ((int)sizeof(t))

static float x[N], y[N];

static float kernel(int n, int *bytes)
{
	float t[N];

	for (int i = 0; i < n; i++)
		t[i] = x[i] * 3.0f;
	for (int i = 0; i < n; i++)
		y[i] = t[i] - x[i];
	*bytes = T_BYTES;
	return FIRST_T;
}

int main(void)
{
	float s = 0.0f, f;
	int bytes;

	for (int i = 0; i < N; i++)
		x[i] = (float)(i % 19) * 0.25f;
	f = kernel(N, &bytes);
	for (int i = 0; i < N; i++)
		s = s * 0.5f + y[i];
	printf("%a %d %a\n", f, bytes, s);
	return 0;
}
