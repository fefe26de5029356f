// RUN-ARGS: --function=sub_mean_abs
// EXPECT-STDERR: :18:[0-9]+: note: fused 2 loop nests into 1
/*
 * Loop bounds from const integers: one at file scope, one local to the
 * kernel.
 */
#include <stdio.h>

static const int rows = 120;

static float img[120][90], mu[90];
static float centered[120][90], mag[120][90];

static void sub_mean_abs(void)
{
	const int cols = 90;

	for (int i = 0; i < rows; i++)
		for (int j = 0; j < cols; j++)
			centered[i][j] = img[i][j] - mu[j];
	for (int i = 0; i < rows; i++)
		for (int j = 0; j < cols; j++)
			mag[i][j] = centered[i][j] < 0.0f ? -centered[i][j] : centered[i][j];
}

int main(void)
{
	for (int i = 0; i < 120; i++)
		for (int j = 0; j < 90; j++)
			img[i][j] = (float)((i * 9 + j * 4) % 23) / 2.0f;
	for (int j = 0; j < 90; j++)
		mu[j] = (float)(j % 6) + 3.0f;
	sub_mean_abs();
	fwrite(centered, sizeof centered, 1, stdout);
	fwrite(mag, sizeof mag, 1, stdout);
	return 0;
}
