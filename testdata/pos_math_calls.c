// RUN-ARGS: --function=gelu_stats -- -fno-math-errno
// EXPECT-STDERR: :18:[0-9]+: note: fused 4 loop nests into 1
/*
 * Pure math.h calls in loop bodies: the tanh approximation of GELU in
 * three steps, then a nest mixing sqrtf, fabsf, expf and fmaxf.
 */
#include <math.h>
#include <stdio.h>

#define ROWS 128
#define COLS 256

static float x[ROWS][COLS];
static float u[ROWS][COLS], t[ROWS][COLS], y[ROWS][COLS], r[ROWS][COLS];

static void gelu_stats(void)
{
	for (int i = 0; i < ROWS; i++)
		for (int j = 0; j < COLS; j++)
			u[i][j] = x[i][j] + 0.044715f * x[i][j] * x[i][j] * x[i][j];
	for (int i = 0; i < ROWS; i++)
		for (int j = 0; j < COLS; j++)
			t[i][j] = tanhf(0.7978845608f * u[i][j]);
	for (int i = 0; i < ROWS; i++)
		for (int j = 0; j < COLS; j++)
			y[i][j] = 0.5f * x[i][j] * (1.0f + t[i][j]);
	for (int i = 0; i < ROWS; i++)
		for (int j = 0; j < COLS; j++)
			r[i][j] = sqrtf(fabsf(y[i][j])) + expf(-fabsf(x[i][j])) + fmaxf(y[i][j], 0.0f);
}

int main(void)
{
	for (int i = 0; i < ROWS; i++)
		for (int j = 0; j < COLS; j++)
			x[i][j] = (float)((i * 17 + j * 13) % 81 - 40) / 10.0f;
	gelu_stats();
	fwrite(u, sizeof u, 1, stdout);
	fwrite(t, sizeof t, 1, stdout);
	fwrite(y, sizeof y, 1, stdout);
	fwrite(r, sizeof r, 1, stdout);
	return 0;
}
