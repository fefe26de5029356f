/* SPDX-License-Identifier: MIT */
/* Calls next to loops for tests/e2e/audit.sh: one caller per verdict. */
#define N 64
#define AT(p, i) p[i]
#define SCALE_INTO(y, x) scale(y, x, N)

static float a[N], b[N], c[N];

static void scale(float *y, const float *x, int n)
{
	for (int i = 0; i < n; i++)
		y[i] = 2.0f * x[i];
}

static void shift_down(float *y, const float *x)
{
	for (int i = 1; i < N; i++)
		y[i] = x[i - 1];
}

static int counted(float *y)
{
	for (int i = 0; i < N; i++)
		y[i] = 0.0f;
	return N;
}

static void smooth(float *x, int n)
{
	for (int i = 0; i < n; i++) {
		x[i] = 0.5f * x[i];
		if (i == 0 && n > 1)
			smooth(x, n - 1);
	}
}

static void clear_some(float *y, int n)
{
	y[0] = 0.0f;
	for (int i = 1; i < n; i++)
		y[i] = 0.0f;
}

static void decay(float *y, int n)
{
	for (; n > 0; n--)
		y[n - 1] *= 0.5f;
}

static void through_macro(float *y)
{
	for (int i = 0; i < N; i++)
		AT(y, i) = 1.0f;
}

void fusable(void)
{
	for (int i = 0; i < N; i++)
		a[i] = (float)i;
	scale(b, a, N);
	scale(c, b, N);
}

void illegal(void)
{
	for (int i = 0; i < N; i++)
		a[i] = (float)i;
	scale(b, a, N);
	for (int i = 0; i < N; i++)
		c[i] = b[N - 1 - i];
}

void not_void(void)
{
	for (int i = 0; i < N; i++)
		a[i] = (float)i;
	counted(b);
}

void recursive(void)
{
	for (int i = 0; i < N; i++)
		a[i] = (float)i;
	smooth(a, 8);
}

void not_only_loops(void)
{
	for (int i = 0; i < N; i++)
		a[i] = (float)i;
	clear_some(b, N);
}

void formal_written(void)
{
	for (int i = 0; i < N; i++)
		a[i] = (float)i;
	decay(a, N);
}

void macro_call(void)
{
	for (int i = 0; i < N; i++)
		a[i] = (float)i;
	SCALE_INTO(b, a);
}

void macro_formal(void)
{
	for (int i = 0; i < N; i++)
		a[i] = (float)i;
	through_macro(b);
}

void argument(int n)
{
	for (int i = 0; i < N; i++)
		a[i] = (float)i;
	scale(b, a, n - 1);
}
