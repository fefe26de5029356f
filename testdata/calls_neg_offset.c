// RUN-ARGS: --function=layer
// EXPECT-UNCHANGED
// EXPECT-STDERR: :28:[0-9]+: remark: call to scale\(\) is not fused with the loops next to it: argument 'w \+ l \* N' is a pointer offset, which the function would subscript; a local pointer set to it before the call can be passed instead
/*
 * llama2.c passes each layer's weights as an offset into one buffer,
 * "w->wq + l*dim*dim".  The callee would subscript it, "(w + l * N)[i]",
 * which the model does not take as a base, and "w[l * N + i]" is not
 * the same C (the sum may overflow where the two pointer additions do
 * not), so the call stays a call and the remark says what to pass.
 */
#include <stdio.h>

#define L 4
#define N 256

static float w[L * N], x[N], y[N];

static void scale(float *out, const float *in, const float *weight, int n)
{
	for (int i = 0; i < n; i++)
		out[i] = in[i] * weight[i];
}

static void layer(int l)
{
	for (int i = 0; i < N; i++)
		x[i] = x[i] + 1.0f;
	scale(y, x, w + l * N, N);
}

int main(void)
{
	for (int i = 0; i < L * N; i++)
		w[i] = (float)(i % 13) / 13.0f;
	for (int l = 0; l < L; l++)
		layer(l);
	for (int i = 0; i < N; i++)
		printf("%a\n", y[i]);
	return 0;
}
