// RUN-ARGS: --function=scale_offset --cache=32K,1M
// EXPECT-STDERR: :17:[0-9]+: note: fused 2 loop nests into 1
/*
 * The same two nests as noop_in_l1.c over 1000 doubles: 24000 bytes,
 * more than half of a 32 KiB L1 cache.  As floats they would be 12000
 * bytes and stay in L1; the cost model counts each array's own element
 * size.
 */
#include <stdio.h>

#define N 1000

static double x[N], y[N], z[N];

static void scale_offset(void)
{
	for (int i = 0; i < N; i++)
		y[i] = x[i] * 0.5;
	for (int i = 0; i < N; i++)
		z[i] = y[i] + 1.0;
}

int main(void)
{
	for (int i = 0; i < N; i++)
		x[i] = (double)(i % 17);
	scale_offset();
	fwrite(y, sizeof y, 1, stdout);
	fwrite(z, sizeof z, 1, stdout);
	return 0;
}
