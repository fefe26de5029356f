// CFLAGS: -fno-builtin
// DISTINCT
/*
 * Class: purity / math functions that are not math functions.
 *
 * Attacks: sqrt is declared, without math.h, with an asm label that
 * binds it to another function of the file, which counts its calls in
 * a global.  A tool that trusts the name "sqrt" (a math.h function,
 * free of side effects but for errno) fuses the nests; the second
 * nest reads the counter.  (-fno-builtin keeps gcc from computing
 * sqrt inline instead of calling the labelled function.)
 */
#include <stdio.h>

#define N 4096

double sqrt(double) __asm__("counted_sqrt");
double counted(double) __asm__("counted_sqrt");

static int calls;

double counted(double v)
{
	calls++;
	return v * 0.5;
}

static double x[N], a[N], b[N];

static void kernel(int n)
{
	for (int i = 0; i < n; i++)
		a[i] = sqrt(x[i]);
	for (int i = 0; i < n; i++)
		b[i] = a[i] + calls;
}

int main(void)
{
	double s = 0.0;

	for (int i = 0; i < N; i++)
		x[i] = (double)(i % 16);
	kernel(N);
	for (int i = 0; i < N; i++)
		s = s * 0.5 + b[i];
	printf("%d %a %a\n", calls, b[0], s);
	return 0;
}
