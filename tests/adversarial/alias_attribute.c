/*
 * Class: aliasing that really happens / GNU alias attribute.
 *
 * Attacks: "extern float shifted[N] __attribute__((alias("buf")))"
 * gives the global array buf a second name.  The first nest writes
 * buf[i], the second reads shifted[i + 1]: the element the first nest
 * writes one iteration later.  A tool that takes two global arrays
 * with different names for distinct memory fuses the nests without a
 * shift: shifted[i + 1] is then read before buf[i + 1] is written.
 */
#include <stdio.h>

#define N 8192

float buf[N + 1];
extern float shifted[N + 1] __attribute__((alias("buf")));
static float x[N], y[N];

static void kernel(int n)
{
	for (int i = 0; i < n; i++)
		buf[i] = x[i] * 2.0f;
	for (int i = 0; i < n; i++)
		y[i] = shifted[i + 1] + x[i];
}

int main(void)
{
	float s = 0.0f;

	for (int i = 0; i < N; i++)
		x[i] = (float)(i % 11) - 5.0f;
	buf[N] = 100.0f;
	kernel(N);
	for (int i = 0; i < N; i++)
		s = s * 0.5f + y[i];
	printf("%a %a %a\n", y[0], y[N - 1], s);
	return 0;
}
