// RUN-ARGS: --function=forward_layer
// EXPECT-STDERR: :32:[0-9]+: note: fused 3 loop nests into 1; runs if
/*
 * darknet's style: a layer passed by value, its sizes and buffers read
 * as l.outputs, l.output[i].  The copy's address is never taken and the
 * loops assign none of its members, so no store through l.output or
 * l.mask (an int, like l.outputs) can change l.outputs or the
 * pointers: they are invariant, and only the buffers' overlap is
 * checked at run time.
 */
#include <stdio.h>

#define N 300000

typedef struct {
	int outputs;
	int batch;
	float *output;
	float *delta;
	float *biases;
	int *mask;
	float scale;
} layer;

static float out[N], delta[N], biases[N];
static int mask[N];

static void forward_layer(layer l)
{
	int i;

	for (i = 0; i < l.outputs; ++i)
		l.output[i] += l.biases[i];
	for (i = 0; i < l.outputs; ++i)
		l.output[i] = l.output[i] > 0 ? l.output[i] : 0.1f * l.output[i];
	for (i = 0; i < l.outputs; ++i) {
		l.mask[i] = l.output[i] > 0;
		l.delta[i] = l.output[i] * l.scale;
	}
}

int main(void)
{
	layer l = { N, 1, out, delta, biases, mask, 0.5f };

	for (int i = 0; i < N; i++) {
		out[i] = (float)(i % 17) - 8.0f;
		biases[i] = (float)(i % 5) * 0.25f;
	}
	forward_layer(l);
	fwrite(out, sizeof out, 1, stdout);
	fwrite(delta, sizeof delta, 1, stdout);
	fwrite(mask, sizeof mask, 1, stdout);
	return 0;
}
