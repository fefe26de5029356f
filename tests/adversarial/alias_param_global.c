/*
 * Class: aliasing that really happens / a parameter into a global.
 *
 * Attacks: the kernel writes the global g by name and reads p[i + 1],
 * where p is g itself at run time.  A tool must assume a plain pointer
 * parameter may point into any global.
 */
#include <stdio.h>

#define N 8192

static float g[N + 1], y[N], x[N];

static void kernel(const float *p, int n)
{
	for (int i = 0; i < n; i++)
		g[i + 1] = x[i] * 4.0f;
	for (int i = 0; i < n; i++)
		y[i] = p[i] + x[i];
}

int main(void)
{
	float s = 0.0f;

	for (int i = 0; i < N; i++)
		x[i] = (float)(i % 3) - 1.0f;
	g[0] = 9.0f;
	kernel(g, N);
	for (int i = 0; i < N; i++)
		s = s * 0.5f + y[i];
	printf("%a %a %a\n", y[0], y[N - 1], s);
	return 0;
}
