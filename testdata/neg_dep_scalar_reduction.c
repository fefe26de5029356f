// RUN-ARGS: --function=normalize_energy
// EXPECT-UNCHANGED
// EXPECT-STDERR: :[0-9]+:[0-9]+: remark: not fused with the nest at line [0-9]+: .*total.*would be read before it is written
/*
 * Illegal fusion by dependence on a scalar: every iteration of the
 * second loop divides by the complete sum the first loop accumulates.
 */
#include <stdio.h>

#define N 4000

static float x[N], y[N];

static void normalize_energy(void)
{
	float total = 0.0f;

	for (int i = 0; i < N; i++)
		total += x[i] * x[i];
	for (int i = 0; i < N; i++)
		y[i] = x[i] / total;
}

int main(void)
{
	for (int i = 0; i < N; i++)
		x[i] = (float)(i % 11 - 5) / 4.0f;
	normalize_energy();
	fwrite(y, sizeof y, 1, stdout);
	return 0;
}
