// RUN-ARGS: --function=activate_layer
// EXPECT-STDERR: :30:2: note: fused 2 loop nests into 1; runs if l\.output and l\.delta, and l\.delta and l\.scale, do not overlap, checked at run time
// EXPECT-BOTH-BRANCHES
/*
 * darknet's style: a layer passed by value, its size in l.outputs, its
 * buffers in pointer members l.output and l.delta.  The members are
 * parameters and arrays of the run (nothing in it stores an int, a
 * pointer or a whole struct), and the two member pointers may overlap,
 * so the nests are fused under a run-time check.  main calls the
 * kernel once with l.delta == l.output + 1 (the original nests run)
 * and once with separate buffers (the fused loop runs).
 */
#include <stdio.h>

#define N 2048

typedef struct {
	int batch;
	int outputs;
	float *output;
	float *delta;
	float scale;
} layer;

static float buf[N + 1];
static float a[N], b[N];

static void activate_layer(layer l)
{
	for (int i = 0; i < l.outputs; i++)
		l.output[i] = l.output[i] * l.scale + 1.0f;
	for (int i = 0; i < l.outputs; i++)
		l.delta[i] = l.output[i] * 0.5f;
}

int main(void)
{
	layer l1 = { 1, N, buf, buf + 1, 0.25f };
	layer l2 = { 1, N, a, b, 0.75f };

	for (int i = 0; i <= N; i++)
		buf[i] = (float)(i % 23 - 11);
	for (int i = 0; i < N; i++)
		a[i] = (float)(i % 17 - 8);
	activate_layer(l1);
	activate_layer(l2);
	fwrite(buf, sizeof buf, 1, stdout);
	fwrite(a, sizeof a, 1, stdout);
	fwrite(b, sizeof b, 1, stdout);
	return 0;
}
