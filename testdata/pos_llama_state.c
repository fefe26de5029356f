// RUN-ARGS: --function=residual
// EXPECT-STDERR: :26:2: note: fused 2 loop nests into 1; runs if .*checked at run time
/*
 * llama2.c's style: the run state behind a pointer, its buffers read
 * as s->x[i] and through a local copy of a member, float *xb = s->xb.
 * The member chains and the local pointer are arrays of the run that
 * may share memory, so the residual add and the scaling that follows
 * are fused under a run-time check.
 */
#include <stdio.h>

#define DIM 1024

typedef struct {
	float *x;
	float *xb;
	float *hb;
} RunState;

static float x[DIM], xb[DIM], hb[DIM];

static void residual(RunState *s, int dim)
{
	float *xb = s->xb;

	for (int i = 0; i < dim; i++)
		s->x[i] = s->x[i] + xb[i];
	for (int i = 0; i < dim; i++)
		s->hb[i] = s->x[i] * 0.5f + xb[i];
}

int main(void)
{
	RunState s = { x, xb, hb };

	for (int i = 0; i < DIM; i++) {
		x[i] = (float)(i % 13 - 6);
		xb[i] = (float)(i % 7 - 3) * 0.5f;
	}
	residual(&s, DIM);
	fwrite(x, sizeof x, 1, stdout);
	fwrite(hb, sizeof hb, 1, stdout);
	return 0;
}
