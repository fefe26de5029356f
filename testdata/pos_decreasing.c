// RUN-ARGS: --function=suffix_ops --fuse-all
// EXPECT-STDERR: :22:[0-9]+: note: fused 2 loop nests into 1
// EXPECT-STDERR: :27:[0-9]+: note: fused 2 loop nests into 1
/*
 * Loops that count down.  The first run is a suffix sum (a recurrence
 * on suf[i + 1]) and a consumer of it, both walking from the end; the
 * second run has an increasing outer loop and decreasing inner loops.
 * The assignment between the runs keeps them apart.
 */
#include <stdio.h>

#define N 1000
#define ROWS 64
#define COLS 50

static float a[N], suf[N + 1], rest[N];
static float m[ROWS][COLS], rev[ROWS][COLS], out[ROWS][COLS];
static float total;

static void suffix_ops(void)
{
	for (int i = N - 1; i >= 0; i--)
		suf[i] = suf[i + 1] + a[i];
	for (int i = N - 1; i >= 0; i--)
		rest[i] = suf[i] * 0.5f - a[i];
	total = suf[0];
	for (int i = 0; i < ROWS; i++)
		for (int j = COLS - 1; j >= 0; j--)
			rev[i][j] = m[i][j] * 2.0f + (float)j;
	for (int i = 0; i < ROWS; i++)
		for (int j = COLS - 1; j > -1; j--)
			out[i][j] = rev[i][j] - m[i][j];
}

int main(void)
{
	for (int i = 0; i < N; i++)
		a[i] = (float)(i % 13 - 6) / 8.0f;
	for (int i = 0; i < ROWS; i++)
		for (int j = 0; j < COLS; j++)
			m[i][j] = (float)((i * 3 + j * 7) % 10) / 4.0f;
	suffix_ops();
	fwrite(suf, sizeof suf, 1, stdout);
	fwrite(rest, sizeof rest, 1, stdout);
	fwrite(&total, sizeof total, 1, stdout);
	fwrite(rev, sizeof rev, 1, stdout);
	fwrite(out, sizeof out, 1, stdout);
	return 0;
}
