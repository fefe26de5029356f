// RUN-ARGS: --function=scale_offset --cache=32K,1M
// EXPECT-UNCHANGED
// EXPECT-STDERR: :20:[0-9]+: remark: not fused with the nest at line 18: the 3072 bytes these nests access stay in the L1 cache without fusion
/*
 * Two nests over 256 floats: fusion is legal and the second re-reads
 * what the first wrote, but the 3 KiB they access stay in a 32 KiB L1
 * cache between the nests anyway, so fusing them would gain nothing
 * (--fuse-all fuses them).
 */
#include <stdio.h>

#define N 256

static float x[N], y[N], z[N];

static void scale_offset(void)
{
	for (int i = 0; i < N; i++)
		y[i] = x[i] * 0.5f;
	for (int i = 0; i < N; i++)
		z[i] = y[i] + 1.0f;
}

int main(void)
{
	for (int i = 0; i < N; i++)
		x[i] = (float)(i % 17);
	scale_offset();
	fwrite(y, sizeof y, 1, stdout);
	fwrite(z, sizeof z, 1, stdout);
	return 0;
}
