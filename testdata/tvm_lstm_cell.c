// RUN-ARGS: --function=lstm_cell --fuse-all -- -fno-math-errno
// EXPECT-STDERR: :25:[0-9]+: note: fused 6 loop nests into 1
/*
 * TVM fused workload: LSTM cell with hidden size 128.  Gate weights are
 * packed as W[gate][row][col] in the order input, forget, cell, output;
 * one nest per gate matmul (z = b + W x + U h), then c' and h'.
 */
#include <math.h>
#include <stdio.h>

#define H 128
#define X 128

static float W[4][H][X], U[4][H][H], b[4][H];
static float x[X], h[H], c[H];
static float z[4][H], c_next[H], h_next[H];

static float sigmoid(float v)
{
	return 1.0f / (1.0f + expf(-v));
}

static void lstm_cell(void)
{
	for (int i = 0; i < H; i++) {
		z[0][i] = b[0][i];
		for (int j = 0; j < X; j++)
			z[0][i] += W[0][i][j] * x[j];
		for (int j = 0; j < H; j++)
			z[0][i] += U[0][i][j] * h[j];
	}
	for (int i = 0; i < H; i++) {
		z[1][i] = b[1][i];
		for (int j = 0; j < X; j++)
			z[1][i] += W[1][i][j] * x[j];
		for (int j = 0; j < H; j++)
			z[1][i] += U[1][i][j] * h[j];
	}
	for (int i = 0; i < H; i++) {
		z[2][i] = b[2][i];
		for (int j = 0; j < X; j++)
			z[2][i] += W[2][i][j] * x[j];
		for (int j = 0; j < H; j++)
			z[2][i] += U[2][i][j] * h[j];
	}
	for (int i = 0; i < H; i++) {
		z[3][i] = b[3][i];
		for (int j = 0; j < X; j++)
			z[3][i] += W[3][i][j] * x[j];
		for (int j = 0; j < H; j++)
			z[3][i] += U[3][i][j] * h[j];
	}
	for (int i = 0; i < H; i++)
		c_next[i] = sigmoid(z[1][i]) * c[i] + sigmoid(z[0][i]) * tanhf(z[2][i]);
	for (int i = 0; i < H; i++)
		h_next[i] = sigmoid(z[3][i]) * tanhf(c_next[i]);
}

static void init(void)
{
	for (int g = 0; g < 4; g++)
		for (int i = 0; i < H; i++) {
			for (int j = 0; j < X; j++)
				W[g][i][j] = (float)((g * 7 + i * 3 + j * 5 + i * j) % 31 - 15) / 90.0f;
			for (int j = 0; j < H; j++)
				U[g][i][j] = (float)((g * 5 + i * 11 + j * 3 + i * j) % 29 - 14) / 70.0f;
			b[g][i] = (float)((g + i) % 5 - 2) / 8.0f;
		}
	for (int j = 0; j < X; j++)
		x[j] = (float)(j % 11 - 5) / 7.0f;
	for (int i = 0; i < H; i++) {
		h[i] = (float)(i % 9 - 4) / 9.0f;
		c[i] = (float)(i % 7 - 3) / 4.0f;
	}
}

int main(void)
{
	init();
	lstm_cell();
	fwrite(z, sizeof z, 1, stdout);
	fwrite(c_next, sizeof c_next, 1, stdout);
	fwrite(h_next, sizeof h_next, 1, stdout);
	return 0;
}
