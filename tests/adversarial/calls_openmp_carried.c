/*
 * Class: fusion across calls, under --openmp.
 *
 * Attacks: callees whose loops carry a dependence from one iteration
 * to the next, fused with the caller's parallel-looking loops: a
 * prefix sum over a formal (y[i] = y[i - 1] + x[i]), a running total
 * kept in a global the callee writes but is not given, and a formal
 * scalar that names the same array as another formal, shifted by the
 * caller (one array read at i + 1 and written at i).  Each fused loop
 * looks like an elementwise loop in the caller; a tool that marks it
 * 'omp parallel for' because the caller's own statements are
 * independent, or that privatises the callee's global, races and
 * prints other sums.
 */
#include <stdio.h>

#define N 4096

static float x[N], y[N], z[N], w[N];
static float total;

static void prefix(float *out, const float *in, int n)
{
	for (int i = 1; i < n; i++)
		out[i] = out[i - 1] + in[i];
}

static void accumulate(const float *in, float *out, int n)
{
	for (int i = 0; i < n; i++) {
		total += in[i];
		out[i] = total;
	}
}

static void shift_left(float *a, int n)
{
	for (int i = 0; i < n - 1; i++)
		a[i] = a[i + 1] * 0.5f;
}

static void kernel(int n)
{
	for (int i = 0; i < n; i++)
		x[i] = (float)(i % 13) * 0.25f;
	prefix(y, x, n);
	for (int i = 0; i < n; i++)
		z[i] = y[i] * 0.5f;
	accumulate(z, w, n);
	for (int i = 0; i < n; i++)
		x[i] = w[i] + 1.0f;
	shift_left(x, n);
	for (int i = 0; i < n; i++)
		z[i] = x[i] - y[i];
}

int main(void)
{
	unsigned sum = 0;

	y[0] = 1.0f;
	total = 0.0f;
	kernel(N);
	for (int i = 0; i < N; i++) {
		union { float f; unsigned u; } a = { z[i] }, b = { w[i] };

		sum = sum * 31u + a.u;
		sum = sum * 31u + b.u;
	}
	printf("%a %a %08x\n", total, z[N - 1], sum);
	return 0;
}
