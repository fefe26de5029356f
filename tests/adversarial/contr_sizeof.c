// DISTINCT
/*
 * Class: contraction of local arrays.
 *
 * Attacks: a local temporary array t that the first nest writes and
 * the second reads back in the same iteration -- the textbook case for
 * contracting t to a scalar -- but the second nest also uses
 * "sizeof t / sizeof t[0]", the number of elements, as a scale.
 * sizeof does not evaluate its operand, so an access walk may not see
 * it; after contraction sizeof t is sizeof(float) and sizeof t[0] does
 * not compile.
 */
#include <stdio.h>

#define N 8192

static float x[N], y[N];

static void kernel(int n)
{
	float t[N];

	for (int i = 0; i < n; i++)
		t[i] = x[i] * 2.0f;
	for (int i = 0; i < n; i++)
		y[i] = t[i] + (float)(sizeof t / sizeof t[0]);
}

int main(void)
{
	float s = 0.0f;

	for (int i = 0; i < N; i++)
		x[i] = (float)(i % 17) * 0.5f;
	kernel(N);
	for (int i = 0; i < N; i++)
		s = s * 0.5f + y[i];
	printf("%a %a\n", y[0], s);
	return 0;
}
