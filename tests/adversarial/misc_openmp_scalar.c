// DISTINCT
/*
 * Class: OpenMP races on scalars.
 *
 * Attacks: an iterator k declared at the top of the function, used by
 * loops inside blocks in the bodies of both nests, and a scalar
 * accumulator declared before the loops that each block resets and
 * reads.  With --openmp, a parallel fused loop must make every such
 * variable private; a shared k or acc makes the threads trample on
 * each other.
 */
#include <stdio.h>

#define R 2048
#define K 8

static float X[R][K], W[K], y[R], z[R];

static void kernel(int r)
{
	int k;

	for (int i = 0; i < r; i++) {
		float acc = 0.0f;

		for (k = 0; k < K; k++)
			acc += X[i][k] * W[k];
		y[i] = acc;
	}
	for (int i = 0; i < r; i++) {
		float acc = y[i];

		for (k = 0; k < K; k++)
			acc = acc * 0.5f + X[i][k];
		z[i] = acc;
	}
}

int main(void)
{
	float s = 0.0f;

	for (int i = 0; i < R; i++)
		for (int k = 0; k < K; k++)
			X[i][k] = (float)((i * 3 + k * 11) % 17) * 0.25f;
	for (int k = 0; k < K; k++)
		W[k] = (float)(k + 1) * 0.125f;
	kernel(R);
	for (int i = 0; i < R; i++)
		s = s * 0.5f + z[i];
	printf("%a %a %a\n", z[0], z[R - 1], s);
	return 0;
}
