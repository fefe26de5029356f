/*
 * Class: aliasing that really happens / a parameter pointed elsewhere.
 *
 * Attacks: b is a pointer parameter, but the function points it into
 * its own local array t before the nests.  A tool that takes a pointer
 * parameter to point outside the function (so never into a local
 * array) sees no dependence between t and b and fuses without a
 * check; with off = 1 the second nest reads t[i + 1] before the first
 * nest has written it.
 */
#include <stdio.h>
#include <string.h>

static void dump(const char *name, const void *p, size_t n)
{
	const unsigned char *c = p;
	unsigned long h = 1469598103934665603UL;

	for (size_t i = 0; i < n; i++) {
		h ^= c[i];
		h *= 1099511628211UL;
	}
	printf("%s %zu %016lx\n", name, n, h);
}

static void k(float *a, float *b, int n, int off)
{
	float t[4096];

	memset(t, 0, sizeof t);
	if (off >= 0)
		b = t + off;
	for (int i = 0; i < n; i++)
		t[i] = a[i] * 2.0f;
	for (int i = 0; i < n; i++)
		a[i] = t[i] + b[i];
}

static float A[4096], B[4096];

int main(void)
{
	for (int i = 0; i < 4096; i++) {
		A[i] = (float) (i % 11);
		B[i] = (float) (i % 3);
	}
	k(A, B, 4000, -1);
	dump("A", A, sizeof A);
	k(A, B, 4000, 1);
	dump("A", A, sizeof A);
	return 0;
}
