// DISTINCT
/*
 * Class: fusion across calls / the GNU spellings of the function name
 * and line.
 *
 * Attacks: a callee that says __func__ or __LINE__ is not inlined, but
 * relu() adds sizeof(__FUNCTION__) ("relu": 5), bias() multiplies by
 * it ("bias": 5) and shift() adds __builtin_LINE() (the line of the
 * callee's statement).  These are an identifier and a builtin, not
 * macros: printed into the caller run_kernel they give 11, 11 and the
 * caller's line.
 */
#include <stdio.h>
#include <string.h>

#define N 2048

static float x[N], y[N], b[N], z[N];

static void relu(int n, const float *in, float *out)
{
	for (int i = 0; i < n; i++)
		out[i] = (in[i] > 0.0f ? in[i] : 0.0f) + (float)sizeof(__FUNCTION__);
}

static void bias(int n, float *out, const float *bb)
{
	for (int i = 0; i < n; i++)
		out[i] += bb[i] * (float)sizeof(__FUNCTION__);
}

static void shift(int n, const float *in, float *out)
{
	for (int i = 0; i < n; i++)
		out[i] = in[i] + (float)(__builtin_LINE() % 64);
}

static void run_kernel(int n, float *in, float *out, float *bb, float *o2)
{
	relu(n, in, out);
	bias(n, out, bb);
	shift(n, out, o2);
}

static unsigned ck(const float *p, int n)
{
	unsigned s = 0, u;
	for (int i = 0; i < n; i++) {
		memcpy(&u, &p[i], sizeof u);
		s = s * 31u + u;
	}
	return s;
}

int main(void)
{
	for (int i = 0; i < N; i++) {
		x[i] = (float)(i % 9) - 4.0f;
		b[i] = (float)(i % 5);
	}
	run_kernel(N, x, y, b, z);
	printf("%u %u %a %a\n", ck(y, N), ck(z, N), y[0], z[0]);
	return 0;
}
