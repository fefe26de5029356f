// RUN-ARGS: --function=forward
// EXPECT-STDERR: :49:[0-9]+: note: fused calls to conv1x1, batchnorm, relu \(lines 49-51\) into 1 loop nest
/*
 * A network written one function per operator, as inference code is:
 * a 1x1 convolution, a batch norm and a ReLU, each a static function
 * that the forward pass calls in turn.  The three calls become one
 * loop nest in forward(); the operators' definitions stay.
 */
#include <stdio.h>

#define CI 32
#define CO 32
#define HW 4096

static float in[CI][HW];
static float wt[CO][CI];
static float bn_scale[CO], bn_shift[CO];
static float out[CO][HW];

static void conv1x1(float y[CO][HW], const float x[CI][HW],
		    const float w[CO][CI])
{
	for (int co = 0; co < CO; co++)
		for (int p = 0; p < HW; p++) {
			y[co][p] = 0.0f;
			for (int ci = 0; ci < CI; ci++)
				y[co][p] += w[co][ci] * x[ci][p];
		}
}

static void batchnorm(float y[CO][HW], const float *s, const float *b)
{
	for (int c = 0; c < CO; c++)
		for (int p = 0; p < HW; p++)
			y[c][p] = y[c][p] * s[c] + b[c];
}

/* The size comes as an argument: it becomes the constant at the call. */
static void relu(float y[CO][HW], int n)
{
	for (int c = 0; c < CO; c++)
		for (int p = 0; p < n; p++)
			y[c][p] = y[c][p] > 0.0f ? y[c][p] : 0.0f;
}

static void forward(void)
{
	/* One operator after another. */
	conv1x1(out, in, wt);
	batchnorm(out, bn_scale, bn_shift);
	relu(out, HW);
}

int main(void)
{
	for (int c = 0; c < CI; c++)
		for (int p = 0; p < HW; p++)
			in[c][p] = (float)((c * 7 + p * 3) % 61 - 30) / 15.0f;
	for (int co = 0; co < CO; co++)
		for (int ci = 0; ci < CI; ci++)
			wt[co][ci] = (float)((co * 5 + ci * 3) % 29 - 14) / 300.0f;
	for (int co = 0; co < CO; co++) {
		bn_scale[co] = 0.5f + (float)(co % 4) / 4.0f;
		bn_shift[co] = (float)(co % 3 - 1) / 2.0f;
	}
	forward();
	fwrite(out, sizeof out, 1, stdout);
	return 0;
}
