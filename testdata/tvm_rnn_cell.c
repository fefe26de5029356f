// RUN-ARGS: --function=rnn_cell --fuse-all
// EXPECT-STDERR: :22:[0-9]+: note: fused 3 loop nests into 1
/*
 * TVM fused workload: RNN cell with hidden size 128,
 * h' = tanh(W x + U h + b).  The two matrix-vector products accumulate
 * into the same vector t; their j loops have the same range but must
 * not be fused with each other (that would reorder the float sum), so
 * the nests fuse at the i level only.
 */
#include <math.h>
#include <stdio.h>

#define H 128
#define X 128

static float Wx[H][X], Uh[H][H], b[H];
static float x[X], h[H];
static float t[H], h_next[H];

static void rnn_cell(void)
{
	for (int i = 0; i < H; i++) {
		t[i] = 0.0f;
		for (int j = 0; j < X; j++)
			t[i] += Wx[i][j] * x[j];
	}
	for (int i = 0; i < H; i++)
		for (int j = 0; j < H; j++)
			t[i] += Uh[i][j] * h[j];
	for (int i = 0; i < H; i++)
		h_next[i] = tanhf(t[i] + b[i]);
}

static void init(void)
{
	for (int i = 0; i < H; i++) {
		for (int j = 0; j < X; j++)
			Wx[i][j] = (float)((i * 3 + j * 7 + i * j) % 31 - 15) / 70.0f;
		for (int j = 0; j < H; j++)
			Uh[i][j] = (float)((i * 5 + j * 11 + i * j) % 37 - 18) / 90.0f;
		b[i] = (float)(i % 9 - 4) / 8.0f;
		h[i] = (float)(i % 7 - 3) / 3.0f;
	}
	for (int j = 0; j < X; j++)
		x[j] = 0.1f * (float)(j % 10) - 0.45f;
}

int main(void)
{
	init();
	rnn_cell();
	fwrite(t, sizeof t, 1, stdout);
	fwrite(h_next, sizeof h_next, 1, stdout);
	return 0;
}
