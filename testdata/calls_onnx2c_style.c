// RUN-ARGS: --function=entry
// EXPECT-STDERR: :57:[0-9]+: note: fused calls to node_Add_0, node_Mul_1, node_Relu_2 \(lines 57-59\) into 1 loop nest; runs if
/*
 * The shape of the code onnx2c generates: one function per ONNX node,
 * over tensors spelled as full arrays with uint32_t iterators, and an
 * entry function that is nothing but calls, with the intermediate
 * tensors in file-static buffers.
 */
#include <stdint.h>
#include <stdio.h>

static float tensor_x[1][16][64][64];
static float tensor_bias[1][16][1][1];
static float tensor_scale[1][16][1][1];
static float tensor_add_out[1][16][64][64];
static float tensor_mul_out[1][16][64][64];
static float tensor_y[1][16][64][64];

static inline void node_Add_0(const float A[1][16][64][64],
	const float B[1][16][1][1], float C[1][16][64][64])
{
	for (uint32_t i0 = 0; i0 < 1; i0++)
		for (uint32_t i1 = 0; i1 < 16; i1++)
			for (uint32_t i2 = 0; i2 < 64; i2++)
				for (uint32_t i3 = 0; i3 < 64; i3++)
					C[i0][i1][i2][i3] = A[i0][i1][i2][i3] +
							    B[0][i1][0][0];
}

static inline void node_Mul_1(const float A[1][16][64][64],
	const float B[1][16][1][1], float C[1][16][64][64])
{
	for (uint32_t i0 = 0; i0 < 1; i0++)
		for (uint32_t i1 = 0; i1 < 16; i1++)
			for (uint32_t i2 = 0; i2 < 64; i2++)
				for (uint32_t i3 = 0; i3 < 64; i3++)
					C[i0][i1][i2][i3] = A[i0][i1][i2][i3] *
							    B[0][i1][0][0];
}

static inline void node_Relu_2(const float X[1][16][64][64],
	float Y[1][16][64][64])
{
	for (uint32_t i0 = 0; i0 < 1; i0++)
		for (uint32_t i1 = 0; i1 < 16; i1++)
			for (uint32_t i2 = 0; i2 < 64; i2++)
				for (uint32_t i3 = 0; i3 < 64; i3++)
					Y[i0][i1][i2][i3] =
						X[i0][i1][i2][i3] > 0.0f ?
						X[i0][i1][i2][i3] : 0.0f;
}

void entry(const float input[1][16][64][64], float output[1][16][64][64]);

void entry(const float input[1][16][64][64], float output[1][16][64][64])
{
	node_Add_0(input, tensor_bias, tensor_add_out);
	node_Mul_1(tensor_add_out, tensor_scale, tensor_mul_out);
	node_Relu_2(tensor_mul_out, output);
}

int main(void)
{
	for (int c = 0; c < 16; c++) {
		tensor_bias[0][c][0][0] = (float)(c % 5 - 2) / 4.0f;
		tensor_scale[0][c][0][0] = (float)(c % 3 + 1) / 2.0f;
		for (int h = 0; h < 64; h++)
			for (int w = 0; w < 64; w++)
				tensor_x[0][c][h][w] =
					(float)((c * 7 + h * 5 + w * 3) % 23 - 11) / 8.0f;
	}
	entry(tensor_x, tensor_y);
	fwrite(tensor_y, sizeof tensor_y, 1, stdout);
	fwrite(tensor_mul_out, sizeof tensor_mul_out, 1, stdout);
	return 0;
}
