// RUN-ARGS: --function=energy_mirror
// EXPECT-UNCHANGED
// EXPECT-STDERR: :[0-9]+:[0-9]+: remark: not fused with the nest at line [0-9]+: .*energy.*would be read before it is written
/*
 * Illegal fusion by dependence: the second loop reads energy[N - 1 - i],
 * which the first loop writes only near its end.  The first iteration
 * of the second loop needs the last iteration of the first, so no
 * fusion of the two loops is legal.
 */
#include <stdio.h>

#define N 4096

static float x[N], energy[N], mirrored[N];

static void energy_mirror(void)
{
	for (int i = 0; i < N; i++)
		energy[i] = x[i] * x[i];
	for (int i = 0; i < N; i++)
		mirrored[i] = energy[N - 1 - i] - x[i];
}

int main(void)
{
	for (int i = 0; i < N; i++)
		x[i] = (float)(i % 29 - 14) / 4.0f;
	energy_mirror();
	fwrite(energy, sizeof energy, 1, stdout);
	fwrite(mirrored, sizeof mirrored, 1, stdout);
	return 0;
}
