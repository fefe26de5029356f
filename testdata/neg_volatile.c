// RUN-ARGS: --function=apply_gain
// EXPECT-UNCHANGED
// EXPECT-STDERR: :18:[0-9]+: remark: not fused with the nest at line 19: .*volatile
/*
 * A gain read from a volatile variable (as from a control register that
 * may change between reads): every read must stay where it is.
 */
#include <stdio.h>

#define N 2000

static volatile float gain = 1.5f;
static float x[N], y[N], z[N];

static void apply_gain(void)
{
	for (int i = 0; i < N; i++)
		y[i] = x[i] * gain;
	for (int i = 0; i < N; i++)
		z[i] = y[i] + 1.0f;
}

int main(void)
{
	for (int i = 0; i < N; i++)
		x[i] = (float)(i % 15 - 7) / 2.0f;
	apply_gain();
	fwrite(y, sizeof y, 1, stdout);
	fwrite(z, sizeof z, 1, stdout);
	return 0;
}
