/*
 * Class: fusion across calls / locals declared at the top of a callee.
 *
 * Attacks: top-of-body iterators reached through macros, where the
 * text has no spelling of the for's initialisation to turn into a
 * declaration: a loop macro "LOOP(i, n)", an iterator spelled by an
 * object-like macro "IT", declarations made by a macro "ITERS", and a
 * local whose initialiser is a macro that reads a global the loops
 * write.  Each callee writes what the next one reads, so a wrong move
 * shows in the sums.
 */
#include <stdio.h>

#define N 128
#define LOOP(v, n) for (v = 0; v < (n); v++)
#define IT i
#define ITERS int i, j
#define START (g + 1)

static float a[N], b[N];
static int g;

static void by_loop_macro(float *y, int n)
{
	int i;

	LOOP(i, n)
		y[i] = y[i] + 1.0f;
}

static void by_name_macro(float *y, int n)
{
	int i;

	for (IT = 0; IT < n; IT++)
		y[i] = y[i] * 3.0f;
}

static void by_decl_macro(float *y, const float *x, int n)
{
	ITERS;

	for (i = 0; i < n; i++)
		for (j = 0; j < 1; j++)
			y[i] = x[i] + y[i];
}

static void init_macro(float *y, int n)
{
	int s = START;
	int i;

	for (i = 0; i < n; i++) {
		y[i] = y[i] + (float)s;
		g = i;
	}
}

static void kernel(int n)
{
	for (int i = 0; i < n; i++)
		a[i] = (float)(i % 5);
	by_loop_macro(a, n);
	by_name_macro(a, n);
	by_decl_macro(b, a, n);
	init_macro(b, n);
	init_macro(a, n);
	for (int i = 0; i < n; i++)
		b[i] = b[i] + a[i];
}

int main(void)
{
	unsigned s = 0;

	kernel(N);
	for (int i = 0; i < N; i++)
		s = s * 31u + (unsigned)(a[i] * 4.0f) + (unsigned)(b[i] * 4.0f);
	printf("%a %a %u %d\n", a[2], b[N - 1], s, g);
	return 0;
}
