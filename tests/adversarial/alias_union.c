/*
 * Class: aliasing that really happens / unions.
 *
 * Attacks: a global union whose two array members share storage, one
 * float[N + 1] and one float[N + 1] named differently; the first nest
 * writes u.a[i + 1], the second reads u.b[i].  Member accesses must
 * not be taken for two distinct arrays.
 */
#include <stdio.h>

#define N 8192

static union {
	float a[N + 1];
	float b[N + 1];
} u;
static float x[N], y[N];

static void kernel(int n)
{
	for (int i = 0; i < n; i++)
		u.a[i + 1] = x[i] + 2.0f;
	for (int i = 0; i < n; i++)
		y[i] = u.b[i] * 0.5f;
}

int main(void)
{
	float s = 0.0f;

	for (int i = 0; i < N; i++)
		x[i] = (float)(i % 6);
	u.a[0] = 3.0f;
	kernel(N);
	for (int i = 0; i < N; i++)
		s = s * 0.5f + y[i];
	printf("%a %a %a\n", y[0], y[N - 1], s);
	return 0;
}
