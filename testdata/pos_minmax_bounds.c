// RUN-ARGS: --function=moving_average
// EXPECT-STDERR: :17:[0-9]+: note: fused 2 loop nests into 1
/*
 * Bounds with max and min written as ?: : a centered moving average of
 * radius R whose window is clamped to the signal, then division by the
 * clamped window length.
 */
#include <stdio.h>

#define N 5000
#define R 7

static float x[N], acc[N], avg[N];

static void moving_average(void)
{
	for (int i = 0; i < N; i++) {
		acc[i] = 0.0f;
		for (int k = (i - R > 0 ? i - R : 0); k < (i + R + 1 < N ? i + R + 1 : N); k++)
			acc[i] += x[k];
	}
	for (int i = 0; i < N; i++)
		avg[i] = acc[i] / (float)((i + R + 1 < N ? i + R + 1 : N) - (i - R > 0 ? i - R : 0));
}

int main(void)
{
	for (int i = 0; i < N; i++)
		x[i] = (float)((i * 17) % 31 - 15) / 4.0f;
	moving_average();
	fwrite(acc, sizeof acc, 1, stdout);
	fwrite(avg, sizeof avg, 1, stdout);
	return 0;
}
