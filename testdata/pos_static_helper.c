// RUN-ARGS: --function=hswish_clamp
// EXPECT-STDERR: :26:[0-9]+: note: fused 2 loop nests into 1
/*
 * Calls to side-effect-free static functions defined in the same file
 * (hard_swish calls clampf): hard swish, then a scaled clamp.
 */
#include <stdio.h>

#define N 96
#define M 96

static float x[N][M], hs[N][M], out[N][M];

static float clampf(float v, float lo, float hi)
{
	return v < lo ? lo : (v > hi ? hi : v);
}

static float hard_swish(float v)
{
	return v * clampf(v + 3.0f, 0.0f, 6.0f) / 6.0f;
}

static void hswish_clamp(void)
{
	for (int i = 0; i < N; i++)
		for (int j = 0; j < M; j++)
			hs[i][j] = hard_swish(x[i][j]);
	for (int i = 0; i < N; i++)
		for (int j = 0; j < M; j++)
			out[i][j] = clampf(2.0f * hs[i][j], -1.0f, 1.0f);
}

int main(void)
{
	for (int i = 0; i < N; i++)
		for (int j = 0; j < M; j++)
			x[i][j] = (float)((i * 5 + j * 11) % 49 - 24) / 6.0f;
	hswish_clamp();
	fwrite(hs, sizeof hs, 1, stdout);
	fwrite(out, sizeof out, 1, stdout);
	return 0;
}
