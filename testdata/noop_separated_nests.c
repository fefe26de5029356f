// RUN-ARGS: --function=scale_then_offset
// EXPECT-UNCHANGED
/*
 * Two loop nests that are not consecutive: a statement between them
 * means they do not form a run, so nothing is fused.
 */
#include <stdio.h>

#define N 1500

static float x[N], y[N], z[N];
static float offset;

static void scale_then_offset(void)
{
	for (int i = 0; i < N; i++)
		y[i] = x[i] * 0.5f;
	offset = y[N - 1];
	for (int i = 0; i < N; i++)
		z[i] = y[i] + offset;
}

int main(void)
{
	for (int i = 0; i < N; i++)
		x[i] = (float)(i % 31);
	scale_then_offset();
	fwrite(y, sizeof y, 1, stdout);
	fwrite(z, sizeof z, 1, stdout);
	fwrite(&offset, sizeof offset, 1, stdout);
	return 0;
}
