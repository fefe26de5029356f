/*
 * Class: run-time alias checks / OpenMP.
 *
 * Attacks: b and c overlap (b == c + 1), and only the first nest
 * touches both: c[i] = b[i] + 1 reads the old c[i + 1].  Fusing the
 * nests reorders nothing between b and c, so the run-time check tests
 * only a against b and c, and passes (a is a buffer of its own).  But
 * with --openmp the fused loop is marked "omp parallel for": a thread
 * that starts in the middle writes c[k] before the thread below reads
 * it as b[k - 1], and the result changes.  The dependence between b
 * and c forbids the parallel loop unless the check tests them apart
 * too (or the loop stays sequential under the check).  A race: with 2
 * threads it shows in most runs, not all.
 *
 * Found by the differential fuzzer (lf_gen --only=rtcheck, seeds 39,
 * 615, 634, option set openmp).
 */
#include <stdio.h>

#define N (1 << 20)

void kern(float *a, float *b, float *c, int n)
{
	for (int i = 0; i < n; i++)
		c[i] = b[i] + 1.0f;
	for (int i = 0; i < n; i++)
		a[i] = c[i] * 0.5f;
}

static float buf[N + 1], out[N];

int main(void)
{
	/* b = c + 1: c[i] = (old c[i + 1]) + 1 = 1 everywhere */
	kern(out, buf + 1, buf, N);
	for (int i = 0; i < N; i++)
		if (buf[i] != 1.0f || out[i] != 0.5f) {
			printf("wrong at %d: %a %a\n", i, buf[i], out[i]);
			return 0;
		}
	printf("right\n");
	return 0;
}
