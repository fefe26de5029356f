// RUN-ARGS: --function=sigmoid_gate
// EXPECT-STDERR: :17:[0-9]+: note: fused 2 loop nests into 1
/*
 * Trip counts from function parameters over fixed-size global buffers
 * (the buffers are sized for the largest problem).
 */
#include <math.h>
#include <stdio.h>

#define MAXR 256
#define MAXC 256

static float x[MAXR][MAXC], g[MAXR][MAXC], y[MAXR][MAXC];

static void sigmoid_gate(int n, int m)
{
	for (int i = 0; i < n; i++)
		for (int j = 0; j < m; j++)
			g[i][j] = 1.0f / (1.0f + expf(-x[i][j]));
	for (int i = 0; i < n; i++)
		for (int j = 0; j < m; j++)
			y[i][j] = x[i][j] * g[i][j];
}

int main(void)
{
	for (int i = 0; i < MAXR; i++)
		for (int j = 0; j < MAXC; j++)
			x[i][j] = (float)((i * 5 + j * 9) % 41 - 20) / 5.0f;
	sigmoid_gate(200, 150);
	fwrite(g, sizeof g, 1, stdout);
	fwrite(y, sizeof y, 1, stdout);
	return 0;
}
