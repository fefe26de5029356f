/*
 * PolyBench-style 2mm: D = alpha A B C + beta D, as tmp = alpha A B
 * followed by D = beta D + tmp C.
 */
#include "lf_bench.h"

#define NI 512
#define NJ 576
#define NK 640
#define NL 704
#define ALPHA 1.5f
#define BETA 1.2f

static void kernel_2mm(float A[restrict NI][NK], float B[restrict NK][NJ],
	float C[restrict NJ][NL], float tmp[restrict NI][NJ],
	float D[restrict NI][NL])
{
	for (int i = 0; i < NI; i++)
		for (int j = 0; j < NJ; j++) {
			tmp[i][j] = 0.0f;
			for (int k = 0; k < NK; k++)
				tmp[i][j] += ALPHA * A[i][k] * B[k][j];
		}
	for (int i = 0; i < NI; i++)
		for (int j = 0; j < NL; j++) {
			D[i][j] *= BETA;
			for (int k = 0; k < NJ; k++)
				D[i][j] += tmp[i][k] * C[k][j];
		}
}

static void run(float **b)
{
	kernel_2mm((float (*)[NK]) b[0], (float (*)[NJ]) b[1],
		(float (*)[NL]) b[2], (float (*)[NJ]) b[3],
		(float (*)[NL]) b[4]);
}

static const struct lf_bench_buf buf[] = {
	{ "A", lf_bench_in, { 1, NI, NK } },
	{ "B", lf_bench_in, { 1, NK, NJ } },
	{ "C", lf_bench_in, { 1, NJ, NL } },
	{ "tmp", lf_bench_tmp, { 1, NI, NJ } },
	{ "D", lf_bench_inout, { 1, NI, NL } },
};

const struct lf_bench lf_bench = { "2mm", 1, 5, buf, &run };
