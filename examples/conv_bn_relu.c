/*
 * conv2d + batch norm + relu, the TVM paper's first fused workload: a
 * 1x128x28x28 input, a 1x1 convolution to 256 channels (kernel
 * 1x1x128x256), then batch norm and relu on the 1x256x28x28 output.
 * One loop nest per operator, as the layers of a network are written
 * one after another.
 *
 * Batch norm is in the form inference code keeps it: per channel,
 * scale = gamma / sqrt(var + eps) and shift = beta - mean * scale,
 * computed once when the model is loaded.
 *
 *	loopfuse bench examples/conv_bn_relu.c --function conv_bn_relu
 */
#define CI 128
#define CO 256
#define H 28
#define W 28

float input[CI][H][W];
float weight[CO][CI];
float bn_scale[CO], bn_shift[CO];
float output[CO][H][W];

void conv_bn_relu(void)
{
	/* conv2d, 1x1, stride 1 */
	for (int co = 0; co < CO; co++)
		for (int h = 0; h < H; h++)
			for (int w = 0; w < W; w++) {
				output[co][h][w] = 0.0f;
				for (int ci = 0; ci < CI; ci++)
					output[co][h][w] += weight[co][ci] *
						input[ci][h][w];
			}
	/* batch norm */
	for (int co = 0; co < CO; co++)
		for (int h = 0; h < H; h++)
			for (int w = 0; w < W; w++)
				output[co][h][w] = output[co][h][w] *
					bn_scale[co] + bn_shift[co];
	/* relu */
	for (int co = 0; co < CO; co++)
		for (int h = 0; h < H; h++)
			for (int w = 0; w < W; w++)
				output[co][h][w] = output[co][h][w] > 0.0f ?
					output[co][h][w] : 0.0f;
}
