/*
 * PolyBench-style 3mm: G = (A B) (C D), as E = A B, F = C D, G = E F.
 */
#include "lf_bench.h"

#define NI 400
#define NJ 448
#define NK 480
#define NL 512
#define NM 544

static void kernel_3mm(float A[restrict NI][NK], float B[restrict NK][NJ],
	float C[restrict NJ][NM], float D[restrict NM][NL],
	float E[restrict NI][NJ], float F[restrict NJ][NL],
	float G[restrict NI][NL])
{
	for (int i = 0; i < NI; i++)
		for (int j = 0; j < NJ; j++) {
			E[i][j] = 0.0f;
			for (int k = 0; k < NK; k++)
				E[i][j] += A[i][k] * B[k][j];
		}
	for (int i = 0; i < NJ; i++)
		for (int j = 0; j < NL; j++) {
			F[i][j] = 0.0f;
			for (int k = 0; k < NM; k++)
				F[i][j] += C[i][k] * D[k][j];
		}
	for (int i = 0; i < NI; i++)
		for (int j = 0; j < NL; j++) {
			G[i][j] = 0.0f;
			for (int k = 0; k < NJ; k++)
				G[i][j] += E[i][k] * F[k][j];
		}
}

static void run(float **b)
{
	kernel_3mm((float (*)[NK]) b[0], (float (*)[NJ]) b[1],
		(float (*)[NM]) b[2], (float (*)[NL]) b[3],
		(float (*)[NJ]) b[4], (float (*)[NL]) b[5],
		(float (*)[NL]) b[6]);
}

static const struct lf_bench_buf buf[] = {
	{ "A", lf_bench_in, { 1, NI, NK } },
	{ "B", lf_bench_in, { 1, NK, NJ } },
	{ "C", lf_bench_in, { 1, NJ, NM } },
	{ "D", lf_bench_in, { 1, NM, NL } },
	{ "E", lf_bench_tmp, { 1, NI, NJ } },
	{ "F", lf_bench_tmp, { 1, NJ, NL } },
	{ "G", lf_bench_out, { 1, NI, NL } },
};

const struct lf_bench lf_bench = { "3mm", 1, 7, buf, &run };
