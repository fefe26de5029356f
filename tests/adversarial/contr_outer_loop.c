// DISTINCT
/*
 * Class: contraction of local arrays / values kept across iterations.
 *
 * Attacks: the fused nests sit inside an outer time loop, and the
 * second nest reads t[i + 1], a value the first nest writes one
 * iteration later in the same time step -- or, for the last element,
 * the value left from the previous time step.  Fusing needs a shift;
 * contracting t to a scalar on top of it loses both kinds of value.
 */
#include <stdio.h>

#define N 2048

static float x[N + 1], y[N];

static void kernel(int n, int steps)
{
	float t[N + 1];

	t[n] = 1.0f;
	for (int s = 0; s < steps; s++) {
		for (int i = 0; i < n; i++)
			t[i] = x[i] * 0.5f + (float)s;
		for (int i = 0; i < n; i++)
			y[i] = t[i] + t[i + 1];
	}
}

int main(void)
{
	float s = 0.0f;

	for (int i = 0; i <= N; i++)
		x[i] = (float)(i % 13);
	kernel(N, 3);
	for (int i = 0; i < N; i++)
		s = s * 0.5f + y[i];
	printf("%a %a %a\n", y[0], y[N - 1], s);
	return 0;
}
