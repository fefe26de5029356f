// DISTINCT
/*
 * Class: purity / writes through an integer turned into a pointer.
 *
 * Attacks: a helper whose parameters are a long and a float, neither
 * of them a pointer, that casts the long to a pointer and increments
 * what it points to: ((int *)where)[0]++.  There is no dereference
 * operator, no pointer parameter, no global in sight.  The kernel
 * passes the address of a global counter as a long; the second nest
 * reads that counter.
 */
#include <stdio.h>

#define N 4096

static int hits;
static float x[N], a[N], b[N];

static float poke(long where, float v)
{
	((int *)where)[0]++;
	return v + 1.0f;
}

static void kernel(long where, int n)
{
	for (int i = 0; i < n; i++)
		a[i] = poke(where, x[i]);
	for (int i = 0; i < n; i++)
		b[i] = a[i] * (float)hits;
}

int main(void)
{
	float s = 0.0f;

	for (int i = 0; i < N; i++)
		x[i] = (float)(i % 5);
	kernel((long)&hits, N);
	for (int i = 0; i < N; i++)
		s = s * 0.5f + b[i];
	printf("%d %a %a\n", hits, b[0], s);
	return 0;
}
