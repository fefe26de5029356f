// RUN-ARGS: --function=forward
// EXPECT-STDERR: :51:[0-9]+: note: fused calls to add_bias, leaky, scale_rows \(lines 51-53\) into 1 loop nest
/*
 * Operators written as darknet writes them: C89 style, every iterator
 * declared at the top of the callee's body ("int i, j;") and set by
 * each for.  The declarations are not statements the caller needs:
 * each iterator is set by the for that uses it and never read after,
 * so the calls fuse as if the loops declared their own iterators.
 */
#include <stdio.h>

#define B 32
#define N 300

static float x[B * N];
static float bias[N];
static float out[B * N];

static void add_bias(float *output, const float *biases, int batch, int n)
{
	int i, j;

	for (i = 0; i < batch; ++i)
		for (j = 0; j < n; ++j)
			output[i * n + j] += biases[j];
}

static void leaky(const float *input, float *output, int batch, int n)
{
	int i;
	int j;

	for (i = 0; i < batch; ++i)
		for (j = 0; j < n; ++j)
			output[i * n + j] = input[i * n + j] > 0.0f ?
				input[i * n + j] : 0.1f * input[i * n + j];
}

static void scale_rows(float *output, int batch, int n)
{
	int b;
	int k = 3;

	for (b = 0; b < batch; ++b)
		for (k = 0; k < n; ++k)
			output[b * n + k] *= 0.5f;
}

static void forward(int batch, int n)
{
	add_bias(x, bias, batch, n);
	leaky(x, out, batch, n);
	scale_rows(out, batch, n);
}

int main(void)
{
	unsigned s = 0;

	for (int i = 0; i < B * N; i++)
		x[i] = (float)((i * 13) % 37 - 18) / 19.0f;
	for (int j = 0; j < N; j++)
		bias[j] = (float)(j % 9 - 4) / 8.0f;
	forward(B, N);
	for (int i = 0; i < B * N; i++)
		s = s * 31u + (unsigned)(out[i] * 64.0f) + (unsigned)(x[i] * 64.0f);
	printf("%a %a %u\n", out[0], out[B * N - 1], s);
	return 0;
}
