// RUN-ARGS: --function=layer
// EXPECT-STDERR: :22:[0-9]+: note: fused 2 loop nests into 1
/*
 * C89-style iterators declared at the top of the function and reused
 * by later loops: after the two nests, i and j are assigned again
 * (by loops that start them, by both branches of an if) before they
 * are read, so the values the nests leave in them are dead.
 */
#include <stdio.h>

#define ROWS 150
#define COLS 110

static float in[ROWS][COLS], norm[ROWS][COLS], act[ROWS][COLS], sums[ROWS];

static int layer(int flag)
{
	int i, j, k;
	float t;

	t = 0.0f;
	for (i = 0; i < ROWS; i++)
		for (j = 0; j < COLS; j++)
			norm[i][j] = (in[i][j] - 4.0f) * 0.25f;
	for (i = 0; i < ROWS; i++)
		for (j = 0; j < COLS; j++)
			act[i][j] = norm[i][j] > 0.0f ? norm[i][j] : 0.01f * norm[i][j];
	printf("%f\n", (double)t);
	for (i = 0; i < ROWS; i++) {
		sums[i] = 0.0f;
		for (j = 0; j < COLS; j++)
			sums[i] += act[i][j];
	}
	if (flag)
		k = 1;
	else
		k = 2;
	i = k * 3;
	j = i + 1;
	return i + j;
}

int main(void)
{
	for (int i = 0; i < ROWS; i++)
		for (int j = 0; j < COLS; j++)
			in[i][j] = (float)((i * 13 + j * 5) % 67) / 6.0f;
	printf("%d\n", layer(1));
	fwrite(norm, sizeof norm, 1, stdout);
	fwrite(act, sizeof act, 1, stdout);
	fwrite(sums, sizeof sums, 1, stdout);
	return 0;
}
