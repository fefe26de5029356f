// RUN-ARGS: --function=scale_trace
// EXPECT-UNCHANGED
// EXPECT-STDERR: :20:[0-9]+: remark: not fused with the nest at line 16: call to printf\(\) has side effects
/*
 * Debug tracing inside an operator: printf does I/O, so the nest that
 * calls it keeps its place.
 */
#include <stdio.h>

#define N 32

static float x[N], y[N], z[N];

static void scale_trace(void)
{
	for (int i = 0; i < N; i++)
		y[i] = x[i] * 3.0f;
	for (int i = 0; i < N; i++) {
		z[i] = y[i] - 1.0f;
		printf("z[%d] = %.3f\n", i, (double)z[i]);
	}
}

int main(void)
{
	for (int i = 0; i < N; i++)
		x[i] = (float)(i % 8) / 4.0f;
	scale_trace();
	fwrite(y, sizeof y, 1, stdout);
	fwrite(z, sizeof z, 1, stdout);
	return 0;
}
