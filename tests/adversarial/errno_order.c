// DISTINCT
/*
 * Class: errno.
 *
 * Attacks: math calls that set errno, in two nests.  The first takes
 * log(x[i]), and x[n - 1] == 0 makes its last call a pole error
 * (ERANGE).  The second takes sqrt(y[i]), and y[0] < 0 makes its
 * first call a domain error (EDOM).  In the original the EDOM comes
 * last, so the program ends with errno == EDOM.  Fused, the log of the
 * last iteration runs after the sqrt of the first: errno ends as
 * ERANGE.  math.h functions are not free of side effects unless the
 * program is built with -fno-math-errno, which it is not.
 */
#include <errno.h>
#include <math.h>
#include <stdio.h>

#define N 8192

static double x[N], y[N], l[N], r[N];

static void kernel(int n)
{
	for (int i = 0; i < n; i++)
		l[i] = log(x[i]);
	for (int i = 0; i < n; i++)
		r[i] = sqrt(y[i]) + l[i];
}

int main(void)
{
	for (int i = 0; i < N; i++) {
		x[i] = 1.0 + i;
		y[i] = 2.0 * i;
	}
	x[N - 1] = 0.0;
	y[0] = -1.0;
	errno = 0;
	kernel(N);
	printf("errno %s\n", errno == EDOM ? "EDOM" : errno == ERANGE ? "ERANGE" : "other");
	printf("%a %a\n", r[1], r[N - 2]);
	return 0;
}
