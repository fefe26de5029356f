// RUN-ARGS: --function=scale_shift
// EXPECT-STDERR: :20:[0-9]+: note: fused 2 loop nests into 1
/*
 * Loops whose initialisation also sets another variable, as in
 * "for (i = 0, k = 0; ...)": k is not used in the loop and is set
 * again before it is read after the loops, so the assignment in the
 * header computes nothing anyone sees and the nests may be fused (the
 * fused header drops it).
 */
#include <stdio.h>

#define N 4000

static float x[N], y[N], z[N];

static int scale_shift(int n)
{
	int i, k;

	for (i = 0, k = 0; i < n; i++)
		y[i] = x[i] * 0.5f;
	for (i = 0; i < n; i++)
		z[i] = y[i] + 1.0f;
	k = 3;
	for (i = 0; i < k; i++)
		z[i] = -z[i];
	return k + i;
}

int main(void)
{
	int r;

	for (int i = 0; i < N; i++)
		x[i] = (float)((i * 13) % 67) / 6.0f;
	r = scale_shift(N);
	printf("%d\n", r);
	fwrite(y, sizeof y, 1, stdout);
	fwrite(z, sizeof z, 1, stdout);
	return 0;
}
