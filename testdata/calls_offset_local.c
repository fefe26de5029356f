// RUN-ARGS: --function=layer
// EXPECT-STDERR: :31:[0-9]+: note: fused 1 loop nest and calls to scale, scale \(lines 31-34\) into 1 loop nest
/*
 * The workaround for pointer offset arguments: the layer's weights,
 * offsets into one buffer, are set to local pointers before the calls
 * (as "float *wq = w->wq + l*dim*dim;" in llama2.c), which the calls
 * pass as variables.  The model takes each local pointer for a row of
 * the buffer, at an offset that nothing changes, so the calls fuse with
 * the loop before them.
 */
#include <stdio.h>

#define L 4
#define N 8192

static float w[2 * L * N], x[N], y[N], z[N];

static void scale(float *out, const float *in, const float *weight, int n)
{
	int i;

	for (i = 0; i < n; i++)
		out[i] = in[i] * weight[i];
}

static void layer(int l)
{
	const float *wa = w + l * N;
	const float *wb = &w[(L + l) * N];

	for (int i = 0; i < N; i++)
		x[i] = x[i] + 1.0f;
	scale(y, x, wa, N);
	scale(z, y, wb, N);
}

int main(void)
{
	for (int i = 0; i < 2 * L * N; i++)
		w[i] = (float)(i % 13) / 13.0f;
	for (int l = 0; l < L; l++)
		layer(l);
	for (int i = 0; i < N; i++)
		printf("%a %a\n", y[i], z[i]);
	return 0;
}
