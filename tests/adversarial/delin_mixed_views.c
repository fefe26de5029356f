/*
 * Class: delinearization / one buffer seen flat and as rows.
 *
 * Attacks: a flat subscript and other views of the same memory.  In
 * kernel(), flat is written as flat[i * n + j] and read back as the
 * plain 1-D flat[j * n + i] (transposed) and flat[k] for a run of k;
 * grid, a VLA pointer parameter, is the same buffer at run time, read
 * as grid[j][i] without restrict.  In tail(), the flat row is read at
 * its last element, flat[(i + 1) * n - 1 - j], which is inside row i
 * only for j < n; at j == n it is the last element of row i - 1.  The
 * reads of kernel() see what later iterations of the first nest write,
 * so fusing on i changes the output.
 */
#include <stdio.h>

#define M 32
#define N 32

static float buf[M * N], out[M * N], col[N];

static void kernel(int m, int n, float *flat, float (*grid)[n],
	float *restrict o, float *restrict c)
{
	for (int i = 0; i < m; i++)
		for (int j = 0; j < n; j++)
			flat[i * n + j] = (float)(i * 2 + j);
	for (int i = 0; i < m; i++)
		for (int j = 0; j < n; j++)
			o[i * n + j] = flat[j * n + i] + grid[j][i];
	for (int i = 0; i < n; i++)
		c[i] = flat[i] + flat[n + i];
}

static void tail(int m, int n, float *restrict flat, float *restrict o)
{
	for (int i = 0; i < m; i++)
		for (int j = 0; j < n; j++)
			flat[i * n + j] = (float)(i + j * 3);
	for (int i = 0; i < m; i++)
		for (int j = 0; j < n + 1 && (i + 1) * n - 1 - j >= 0; j++)
			o[i * n + (j < n ? j : 0)] =
				flat[(i + 1) * n - 1 - j] * 0.5f;
}

int main(void)
{
	unsigned h = 0;

	kernel(M, N, buf, (float (*)[N])buf, out, col);
	for (int i = 0; i < M * N; i++)
		h = h * 31u + (unsigned)out[i];
	tail(M, N, buf, out);
	for (int i = 0; i < M * N; i++)
		h = h * 31u + (unsigned)out[i];
	printf("%u %a %a\n", h, out[0], col[N - 1]);
	return 0;
}
