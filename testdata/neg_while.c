// RUN-ARGS: --function=block_normalize
// EXPECT-UNCHANGED
// EXPECT-STDERR: :21:[0-9]+: remark: not fused with the nest at line 27: .*while loop
/*
 * Per-sample exponent extraction with a while loop (trip count depends
 * on the data), then scaling by that exponent.
 */
#include <math.h>
#include <stdio.h>

#define N 2500

static float x[N], y[N];
static int ex[N];

static void block_normalize(void)
{
	for (int i = 0; i < N; i++) {
		int e = 0;
		float v = fabsf(x[i]);
		while (v >= 1.0f) {
			v *= 0.5f;
			e++;
		}
		ex[i] = e;
	}
	for (int i = 0; i < N; i++)
		y[i] = ldexpf(x[i], -ex[i]);
}

int main(void)
{
	for (int i = 0; i < N; i++)
		x[i] = (float)((i * 53) % 2001 - 1000) / 7.0f;
	block_normalize();
	fwrite(ex, sizeof ex, 1, stdout);
	fwrite(y, sizeof y, 1, stdout);
	return 0;
}
