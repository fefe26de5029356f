/*
 * Class: invariant bases / a member bound changed through an alias.
 *
 * Attacks: both nests run to p->n, and the first one stores to lim[0]
 * at i == 3, where lim points to p->n: the first loop stops after
 * seven iterations, the second runs seven times too.  A tool that
 * reads p->n once as a parameter of the run (it is an int, lim[0] is
 * an int store) fuses both loops over the first value of p->n and
 * runs them ten times.
 */
#include <stdio.h>

#define N 64

struct shape {
	int n;
	int c;
};

static float in[N], out[N], res[N];

static void kernel(struct shape *p, int *lim, float *a, float *b,
	const float *x)
{
	for (int i = 0; i < p->n; i++) {
		a[i] = x[i] * 2.0f;
		if (i == 3)
			lim[0] = 7;
	}
	for (int i = 0; i < p->n; i++)
		b[i] = a[i] + x[i];
}

int main(void)
{
	struct shape s = { 10, 0 };
	unsigned h = 0;

	for (int i = 0; i < N; i++) {
		in[i] = (float)i * 0.25f;
		out[i] = -1.0f;
		res[i] = -2.0f;
	}
	kernel(&s, &s.n, out, res, in);
	for (int i = 0; i < N; i++)
		h = h * 31u + (unsigned)(res[i] * 8.0f + 100.0f) +
		    (unsigned)(out[i] * 4.0f + 50.0f);
	printf("%d %a %a %u\n", s.n, res[6], res[8], h);
	return 0;
}
