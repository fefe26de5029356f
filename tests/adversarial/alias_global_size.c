/*
 * Class: aliasing that really happens / a size in memory.
 *
 * Attacks: a global integer used as a loop bound, gn, while the run
 * stores through a pointer parameter that may point to it.  The
 * analysis takes every size to keep its value; a run-time check that
 * compares only the arrays (p with b and c) passes for p = &gn, and
 * the fused loop stops after the store to gn where the original first
 * nest had already run to the old bound.
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

int gn;

static void k(int *p, int *b, const int *c, int n)
{
	for (int i = 0; i < gn; i++)
		b[i] = c[i] * 2;
	for (int i = 0; i < n; i++)
		p[i] = b[i] + 1;
}

static int P[4096], B[4096], C[4096];

int main(void)
{
	for (int i = 0; i < 4096; i++)
		C[i] = i % 7;
	gn = 4096;
	k(P, B, C, 4096);
	dump("P", P, sizeof P);
	dump("B", B, sizeof B);
	memset(B, 0, sizeof B);
	gn = 100;
	k(&gn, B, C, 1);
	printf("gn=%d\n", gn);
	dump("B", B, sizeof B);
	return 0;
}
