/*
 * An LSTM cell, the TVM paper's fourth fused workload, hidden size 128
 * (and input size 128).  The four gates (input, forget, cell, output)
 * are rows of gates[4][hid]:
 *   gates = W x + U h + b
 *   i, f, o = sigmoid(gates), g = tanh(gates)
 *   c' = f * c + i * g
 *   h' = o * tanh(c')
 * one nest per operator.
 *
 *	loopfuse bench examples/lstm_cell.c --function lstm_cell \
 *		--param hid=128 --param in=128
 */
#include <math.h>

static float sigmoid(float v)
{
	return 1.0f / (1.0f + expf(-v));
}

void lstm_cell(int hid, int in, const float W[restrict 4][hid][in],
	const float U[restrict 4][hid][hid], const float b[restrict 4][hid],
	const float x[restrict in], const float h[restrict hid],
	const float c[restrict hid], float gates[restrict 4][hid],
	float c_next[restrict hid], float h_next[restrict hid])
{
	/* gates = W x */
	for (int g = 0; g < 4; g++)
		for (int i = 0; i < hid; i++) {
			gates[g][i] = 0.0f;
			for (int j = 0; j < in; j++)
				gates[g][i] += W[g][i][j] * x[j];
		}
	/* gates += U h */
	for (int g = 0; g < 4; g++)
		for (int i = 0; i < hid; i++)
			for (int j = 0; j < hid; j++)
				gates[g][i] += U[g][i][j] * h[j];
	/* gates += b */
	for (int g = 0; g < 4; g++)
		for (int i = 0; i < hid; i++)
			gates[g][i] += b[g][i];
	/* activations: sigmoid for i, f and o, tanh for g */
	for (int i = 0; i < hid; i++) {
		gates[0][i] = sigmoid(gates[0][i]);
		gates[1][i] = sigmoid(gates[1][i]);
		gates[2][i] = tanhf(gates[2][i]);
		gates[3][i] = sigmoid(gates[3][i]);
	}
	/* c' = f * c + i * g */
	for (int i = 0; i < hid; i++)
		c_next[i] = gates[1][i] * c[i] + gates[0][i] * gates[2][i];
	/* h' = o * tanh(c') */
	for (int i = 0; i < hid; i++)
		h_next[i] = gates[3][i] * tanhf(c_next[i]);
}
