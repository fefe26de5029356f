// EXPECT-UNCHANGED
// EXPECT-STDERR: :[0-9]+:[0-9]+: remark: not fused with the nest at line [0-9]+: no element of A or of another array both access is touched again within a few iterations of the outer loop
/*
 * Legal fusion that saves nothing: PolyBench's mvt.  Both nests read A,
 * the first along rows (A[i][j]), the second along columns (A[j][i]),
 * so in a fused loop the two meet only on the diagonal: every element
 * is still loaded twice, and the fused loop would interleave a
 * stride-N walk with the stride-1 one.
 */
#include <stdio.h>

#define N 300

static double A[N][N], x1[N], x2[N], y1[N], y2[N];

static void mvt(void)
{
	for (int i = 0; i < N; i++)
		for (int j = 0; j < N; j++)
			x1[i] = x1[i] + A[i][j] * y1[j];
	for (int i = 0; i < N; i++)
		for (int j = 0; j < N; j++)
			x2[i] = x2[i] + A[j][i] * y2[j];
}

int main(void)
{
	for (int i = 0; i < N; i++) {
		x1[i] = i % 7 * 0.25;
		x2[i] = i % 5 * 0.5;
		y1[i] = (i % 11) * 0.125;
		y2[i] = (i % 13) * 0.0625;
		for (int j = 0; j < N; j++)
			A[i][j] = (i * j % N) / (double) N;
	}
	mvt();
	for (int i = 0; i < N; i++)
		printf("%a %a\n", x1[i], x2[i]);
	return 0;
}
