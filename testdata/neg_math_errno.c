// RUN-ARGS: --fuse-all
// EXPECT-STDERR: :24:[0-9]+: remark: not fused with the nest at line 22: logf\(b\[i\]\) at 25:10 writes errno also written by sqrtf\(a\[i\]\) at 23:10: after fusion it would be written in a different order \(math functions set errno unless compiled with -fno-math-errno: pass it after --\)
// EXPECT-UNCHANGED
/*
 * Math functions set errno unless the compiler is told otherwise: here
 * sqrtf sets EDOM for a[5] and logf ERANGE for b[2], so the value the
 * program prints depends on which runs last.  Fused, logf(b[2]) would
 * run before sqrtf(a[5]) and the program would print EDOM.  The same
 * file with -fno-math-errno is fused (pos_math_calls.c).
 */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#define N 8

static float a[N], b[N], x[N], y[N];

static void kernel(void)
{
	for (int i = 0; i < N; i++)
		x[i] = sqrtf(a[i]);
	for (int i = 0; i < N; i++)
		y[i] = logf(b[i]);
}

int main(void)
{
	for (int i = 0; i < N; i++) {
		a[i] = (float)i;
		b[i] = (float)(i + 1);
	}
	a[5] = -1.0f;
	b[2] = 0.0f;
	errno = 0;
	kernel();
	printf("%s\n", errno == EDOM ? "EDOM" : errno == ERANGE ? "ERANGE" :
	       "other");
	fwrite(x, sizeof x, 1, stdout);
	fwrite(y, sizeof y, 1, stdout);
	return 0;
}
