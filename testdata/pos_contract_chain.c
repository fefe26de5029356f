// RUN-ARGS: --function=chain
// EXPECT-STDERR: :21:[0-9]+: note: fused 3 loop nests into 1.*contracted t, u to scalars
/*
 * An elementwise chain through two local temporaries that nothing else
 * reads: fused, both temporaries become scalars.  The third temporary,
 * v, is read after the loops and must stay an array.
 */
#include <stdio.h>

#define N 96
#define M 80

static float a[N][M], b[N][M], out[N][M];

static float chain(void)
{
	float t[N][M];
	float u[N][M];
	float v[N][M];

	for (int i = 0; i < N; i++)
		for (int j = 0; j < M; j++)
			t[i][j] = a[i][j] * 2.0f + b[i][j];
	for (int i = 0; i < N; i++)
		for (int j = 0; j < M; j++)
			u[i][j] = t[i][j] > 0.0f ? t[i][j] : 0.25f * t[i][j];
	for (int i = 0; i < N; i++)
		for (int j = 0; j < M; j++) {
			v[i][j] = u[i][j] - a[i][j];
			out[i][j] = u[i][j] * a[i][j] + v[i][j];
		}
	return v[N / 2][M / 2];
}

int main(void)
{
	float r;

	for (int i = 0; i < N; i++)
		for (int j = 0; j < M; j++) {
			a[i][j] = (float)((i * 7 + j * 3) % 19) / 9.0f - 1.0f;
			b[i][j] = (float)((i * 5 + j * 11) % 23) / 11.0f - 1.0f;
		}
	r = chain();
	fwrite(out, sizeof out, 1, stdout);
	fwrite(&r, sizeof r, 1, stdout);
	return 0;
}
