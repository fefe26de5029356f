// RUN-ARGS: --function=safe_sqrt_sum
// EXPECT-UNCHANGED
// EXPECT-STDERR: :18:[0-9]+: remark: not fused with the nest at line 23: .*goto
/*
 * A goto that skips the rest of the loop body for negative inputs.
 */
#include <math.h>
#include <stdio.h>

#define N 3000

static float x[N], root[N], out[N];

static void safe_sqrt_sum(void)
{
	for (int i = 0; i < N; i++) {
		if (x[i] < 0.0f)
			goto skip;
		root[i] = sqrtf(x[i]);
	skip:
		;
	}
	for (int i = 0; i < N; i++)
		out[i] = root[i] + x[i];
}

int main(void)
{
	for (int i = 0; i < N; i++)
		x[i] = (float)(i % 21 - 6) / 3.0f;
	safe_sqrt_sum();
	fwrite(root, sizeof root, 1, stdout);
	fwrite(out, sizeof out, 1, stdout);
	return 0;
}
