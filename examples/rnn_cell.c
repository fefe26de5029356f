/*
 * An RNN cell, the TVM paper's third fused workload:
 * h' = tanh(W x + U h + b), hidden size 128 (and input size 128).  One
 * nest per operator: two matrix-vector products and the activation.
 *
 *	loopfuse bench examples/rnn_cell.c --function rnn_cell \
 *		--param hid=128 --param in=128
 */
#include <math.h>

void rnn_cell(int hid, int in, const float W[restrict hid][in],
	const float U[restrict hid][hid], const float b[restrict hid],
	const float x[restrict in], const float h[restrict hid],
	float t[restrict hid], float h_next[restrict hid])
{
	/* t = W x */
	for (int i = 0; i < hid; i++) {
		t[i] = 0.0f;
		for (int j = 0; j < in; j++)
			t[i] += W[i][j] * x[j];
	}
	/* t += U h */
	for (int i = 0; i < hid; i++)
		for (int j = 0; j < hid; j++)
			t[i] += U[i][j] * h[j];
	/* h' = tanh(t + b) */
	for (int i = 0; i < hid; i++)
		h_next[i] = tanhf(t[i] + b[i]);
}
