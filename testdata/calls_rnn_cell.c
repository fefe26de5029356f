// RUN-ARGS: --function=rnn_step --fuse-all
// EXPECT-STDERR: :46:[0-9]+: note: fused calls to matvec, matvec, add3, softsign \(lines 46-49\) into 1 loop nest; contracted z to a scalar
/*
 * An RNN cell written one function per operator: two matrix-vector
 * products (the same function called twice), a sum with the bias and
 * an activation.  They share the row loop, so the four calls become one
 * loop over the rows, and the sum z, a local of the caller that is
 * written and read back in the same row, becomes a scalar.  With
 * --fuse-all: the cost model would keep a vector apart from the
 * matrices it is computed from.
 */
#include <stdio.h>

#define H 256

static float wx[H][H], wh[H][H], bias[H], x[H], h[H], hn[H];

static void matvec(float y[H], const float m[H][H], const float v[H])
{
	for (int i = 0; i < H; i++) {
		y[i] = 0.0f;
		for (int j = 0; j < H; j++)
			y[i] += m[i][j] * v[j];
	}
}

static void add3(float z[H], const float a[H], const float c[H],
		 const float d[H])
{
	for (int i = 0; i < H; i++)
		z[i] = a[i] + c[i] + d[i];
}

static void softsign(float y[H], const float z[H])
{
	for (int i = 0; i < H; i++)
		y[i] = z[i] / (1.0f + (z[i] < 0.0f ? -z[i] : z[i]));
}

static void rnn_step(void)
{
	float u[H];
	float v[H];
	float z[H];

	matvec(u, wx, x);
	matvec(v, wh, h);
	add3(z, u, v, bias);
	softsign(hn, z);
}

int main(void)
{
	for (int i = 0; i < H; i++) {
		for (int j = 0; j < H; j++) {
			wx[i][j] = (float)((i * 7 + j * 13) % 31 - 15) / 200.0f;
			wh[i][j] = (float)((i * 11 + j * 3) % 29 - 14) / 250.0f;
		}
		bias[i] = (float)(i % 5 - 2) / 10.0f;
		x[i] = (float)(i % 17 - 8) / 8.0f;
		h[i] = (float)(i % 13 - 6) / 6.0f;
	}
	for (int t = 0; t < 4; t++) {
		rnn_step();
		for (int i = 0; i < H; i++)
			h[i] = hn[i];
	}
	fwrite(hn, sizeof hn, 1, stdout);
	return 0;
}
