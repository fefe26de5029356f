// RUN-ARGS: --function=forward_connected
// EXPECT-STDERR: :53:[0-9]+: note: fused calls to add_bias, leaky, scale \(lines 53-55\) into 1 loop nest; runs if l.output and net.scales, and l.output and l.biases, do not overlap, checked at run time
/*
 * A darknet-style layer: the forward pass passes the members of the
 * layer and of the network it gets by value, as darknet does
 * (l.output, l.biases, net.scales), to one function per operator.  The
 * members keep their values while the operators run (nothing can reach
 * the copies), so each is read once at the call or once per access
 * alike, and the calls fuse.  Through a pointer (net->scales) they
 * would stay calls: the operators' stores might overwrite the struct.
 */
#include <stdio.h>

#define B 32
#define N 300

struct layer {
	int batch;
	float *output;
	float *biases;
};

struct network {
	float *scales;
};

static void add_bias(float *output, const float *biases, int batch, int n)
{
	int i, j;

	for (i = 0; i < batch; ++i)
		for (j = 0; j < n; ++j)
			output[i * n + j] += biases[j];
}

static void leaky(float *x, int batch, int n)
{
	for (int i = 0; i < batch; ++i)
		for (int j = 0; j < n; ++j)
			x[i * n + j] = x[i * n + j] > 0.0f ? x[i * n + j] :
				       0.1f * x[i * n + j];
}

static void scale(float *x, const float *s, int batch, int n)
{
	for (int i = 0; i < batch; ++i)
		for (int j = 0; j < n; ++j)
			x[i * n + j] *= s[j];
}

static void forward_connected(struct layer l, struct network net, int n)
{
	add_bias(l.output, l.biases, B, n);
	leaky(l.output, B, n);
	scale(l.output, net.scales, B, n);
}

static float output[B * N], biases[N], scales[N];

int main(void)
{
	struct layer l = { B, output, biases };
	struct network net = { scales };
	unsigned s = 0;

	for (int i = 0; i < B * N; i++)
		output[i] = (float)((i * 13) % 37 - 18) / 19.0f;
	for (int j = 0; j < N; j++) {
		biases[j] = (float)(j % 9 - 4) / 8.0f;
		scales[j] = (float)(j % 5 + 1) / 4.0f;
	}
	forward_connected(l, net, N);
	for (int i = 0; i < B * N; i++)
		s = s * 31u + (unsigned)(output[i] * 64.0f);
	printf("%a %a %u\n", output[0], output[B * N - 1], s);
	return 0;
}
