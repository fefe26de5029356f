// RUN-ARGS: --function=sweeps --cache=32K,1M
// EXPECT-STDERR: :24:[0-9]+: note: fused 2 loop nests into 1
// EXPECT-STDERR: :27:[0-9]+: remark: inner loop not fused with that of the nest at line 24: the two start at different iterations
/*
 * Two sweeps of an electromagnetic field update (PolyBench's fdtd-2d):
 * the first runs its inner loop from 0, the second from 1.  A fused
 * inner loop would start at 1 for both and misalign the first sweep's
 * vector accesses, while the rows one iteration of i touches (about
 * 1 KB) stay in the L1 cache from one inner loop to the next: only the
 * i loop is shared.  The first sweep starts at i = 1, the second at
 * i = 0, so the shared loop still runs the second alone for i = 0.
 */
#include <stdio.h>

#define NX 60
#define NY 80

static double ex[NX][NY], ey[NX][NY], hz[NX][NY];

static void sweeps(int nx, int ny)
{
	for (int t = 0; t < 3; t++) {
		ey[0][t] = (double)t;
		for (int i = 1; i < nx; i++)
			for (int j = 0; j < ny; j++)
				ey[i][j] = ey[i][j] - 0.5 * (hz[i][j] - hz[i - 1][j]);
		for (int i = 0; i < nx; i++)
			for (int j = 1; j < ny; j++)
				ex[i][j] = ex[i][j] - 0.5 * (hz[i][j] - hz[i][j - 1]);
		for (int i = 0; i < nx - 1; i++)
			for (int j = 0; j < ny - 1; j++)
				hz[i][j] = hz[i][j] - 0.7 * (ex[i][j + 1] - ex[i][j] +
							     ey[i + 1][j] - ey[i][j]);
	}
}

int main(void)
{
	for (int i = 0; i < NX; i++)
		for (int j = 0; j < NY; j++) {
			ex[i][j] = (double)(i * (j + 1)) / NX;
			ey[i][j] = (double)(i * (j + 2)) / NY;
			hz[i][j] = (double)(i * (j + 3)) / NX;
		}
	sweeps(NX, NY);
	fwrite(ex, sizeof ex, 1, stdout);
	fwrite(ey, sizeof ey, 1, stdout);
	fwrite(hz, sizeof hz, 1, stdout);
	return 0;
}
