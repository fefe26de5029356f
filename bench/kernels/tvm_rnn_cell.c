/*
 * TVM fused workload: RNN cell with hidden size 128,
 * h' = tanh(W x + U h + b), one nest per matrix-vector product and one
 * for the sum and the activation.
 */
#include <math.h>

#include "lf_bench.h"

#define HID 128
#define IN 128

static void rnn_cell(float Wx[restrict HID][IN], float Uh[restrict HID][HID],
	float b[restrict HID], float x[restrict IN], float h[restrict HID],
	float wx[restrict HID], float uh[restrict HID],
	float h_next[restrict HID])
{
	for (int i = 0; i < HID; i++) {
		wx[i] = 0.0f;
		for (int j = 0; j < IN; j++)
			wx[i] += Wx[i][j] * x[j];
	}
	for (int i = 0; i < HID; i++) {
		uh[i] = 0.0f;
		for (int j = 0; j < HID; j++)
			uh[i] += Uh[i][j] * h[j];
	}
	for (int i = 0; i < HID; i++)
		h_next[i] = tanhf(wx[i] + uh[i] + b[i]);
}

static void run(float **b)
{
	rnn_cell((float (*)[IN]) b[0], (float (*)[HID]) b[1], b[2], b[3],
		b[4], b[5], b[6], b[7]);
}

static const struct lf_bench_buf buf[] = {
	{ "Wx", lf_bench_in, { 1, HID, IN } },
	{ "Uh", lf_bench_in, { 1, HID, HID } },
	{ "b", lf_bench_in, { 1, 1, HID } },
	{ "x", lf_bench_in, { 1, 1, IN } },
	{ "h", lf_bench_in, { 1, 1, HID } },
	{ "wx", lf_bench_tmp, { 1, 1, HID } },
	{ "uh", lf_bench_tmp, { 1, 1, HID } },
	{ "h_next", lf_bench_out, { 1, 1, HID } },
};

const struct lf_bench lf_bench = { "tvm_rnn_cell", 2000, 8, buf, &run };
