/*
 * Class: invariant bases / a struct passed by value and by pointer.
 *
 * Attacks: darknet's layer, l.output[i] and l.outputs.  By value, the
 * kernel writes l.outputs (its own copy) between the nests through the
 * nests themselves: the third nest shrinks it.  By pointer, the member
 * pointers delta and output are the same buffer one element apart, so
 * the second nest reads what the first writes one iteration later.  A
 * tool that takes the members of the copy and of the caller's struct
 * for invariant, or the member pointers for distinct arrays, fuses
 * what it must not.
 */
#include <stdio.h>

#define N 600

struct layer {
	int outputs;
	int batch;
	float *output;
	float *delta;
	float scale;
};

static float buf[N + 2], res[N];

static void by_value(struct layer l, float *r)
{
	for (int i = 0; i < l.outputs; i++)
		l.output[i] = (float)i * l.scale;
	for (int i = 0; i < l.outputs; i++)
		r[i] = l.delta[i] + 1.0f;
	for (int i = 0; i < 1; i++)
		l.outputs = l.outputs - 100;
	for (int i = 0; i < l.outputs; i++)
		r[i] = r[i] * 2.0f;
}

static void by_pointer(struct layer *l, float *r)
{
	for (int i = 0; i < l->outputs; i++)
		l->output[i] = (float)i * l->scale;
	for (int i = 0; i < l->outputs; i++)
		r[i] = l->delta[i] + r[i];
}

int main(void)
{
	struct layer l = { N, 1, buf, buf + 1, 0.5f };
	unsigned h = 0;

	for (int i = 0; i < N + 2; i++)
		buf[i] = -1.0f;
	by_value(l, res);
	by_pointer(&l, res);
	for (int i = 0; i < N; i++)
		h = h * 31u + (unsigned)(res[i] * 4.0f + 64.0f);
	printf("%d %a %a %u\n", l.outputs, res[3], res[N - 1], h);
	return 0;
}
