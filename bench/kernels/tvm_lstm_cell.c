/*
 * TVM fused workload: LSTM cell with hidden size 128.  The weights of
 * the four gates (input, forget, cell, output) are packed as
 * W[gate][row][col]; one nest computes W x for all gates, one U h, and
 * one each the new cell state c' and the new hidden state h'.
 */
#include <math.h>

#include "lf_bench.h"

#define HID 128
#define IN 128

static float sigmoid(float v)
{
	return 1.0f / (1.0f + expf(-v));
}

static void lstm_cell(float W[restrict 4][HID][IN],
	float U[restrict 4][HID][HID], float b[restrict 4][HID],
	float x[restrict IN], float h[restrict HID], float c[restrict HID],
	float wx[restrict 4][HID], float uh[restrict 4][HID],
	float c_next[restrict HID], float h_next[restrict HID])
{
	for (int g = 0; g < 4; g++)
		for (int i = 0; i < HID; i++) {
			wx[g][i] = 0.0f;
			for (int j = 0; j < IN; j++)
				wx[g][i] += W[g][i][j] * x[j];
		}
	for (int g = 0; g < 4; g++)
		for (int i = 0; i < HID; i++) {
			uh[g][i] = 0.0f;
			for (int j = 0; j < HID; j++)
				uh[g][i] += U[g][i][j] * h[j];
		}
	for (int i = 0; i < HID; i++)
		c_next[i] = sigmoid(wx[1][i] + uh[1][i] + b[1][i]) * c[i] +
			sigmoid(wx[0][i] + uh[0][i] + b[0][i]) *
			tanhf(wx[2][i] + uh[2][i] + b[2][i]);
	for (int i = 0; i < HID; i++)
		h_next[i] = sigmoid(wx[3][i] + uh[3][i] + b[3][i]) *
			tanhf(c_next[i]);
}

static void run(float **b)
{
	lstm_cell((float (*)[HID][IN]) b[0], (float (*)[HID][HID]) b[1],
		(float (*)[HID]) b[2], b[3], b[4], b[5],
		(float (*)[HID]) b[6], (float (*)[HID]) b[7], b[8], b[9]);
}

static const struct lf_bench_buf buf[] = {
	{ "W", lf_bench_in, { 4, HID, IN } },
	{ "U", lf_bench_in, { 4, HID, HID } },
	{ "b", lf_bench_in, { 1, 4, HID } },
	{ "x", lf_bench_in, { 1, 1, IN } },
	{ "h", lf_bench_in, { 1, 1, HID } },
	{ "c", lf_bench_in, { 1, 1, HID } },
	{ "wx", lf_bench_tmp, { 1, 4, HID } },
	{ "uh", lf_bench_tmp, { 1, 4, HID } },
	{ "c_next", lf_bench_out, { 1, 1, HID } },
	{ "h_next", lf_bench_out, { 1, 1, HID } },
};

const struct lf_bench lf_bench = { "tvm_lstm_cell", 500, 10, buf, &run };
