// MSAN
/*
 * Class: reading what the original never reads.
 *
 * Attacks: the inner bound m is assigned only when the loops will run
 * (n > 0).  Called with n == 0, the original never evaluates j < m,
 * and m stays indeterminate; reading it is undefined behaviour (C11
 * 6.3.2.1p2: an automatic variable whose address is never taken).  A
 * tool that evaluates m before the outer loop, in a guard of the
 * fused code, in a hoisted bound or in a run-time alias check of a
 * and b, makes the rewritten program read it (MemorySanitizer reports
 * it; an optimizer may assume anything of it).
 */
#include <stdio.h>

#define W 64

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

static void k(float (*a)[W], float (*b)[W], int n, int cols)
{
	int m;

	if (n > 0)
		m = cols;
	for (int i = 0; i < n; i++)
		for (int j = 0; j < m; j++)
			a[i][j] = b[i][j] * 2.0f;
	for (int i = 0; i < n; i++)
		for (int j = 0; j < m; j++)
			b[i][j] = a[i][j] + 1.0f;
}

static float A[512][W], B[512][W];

int main(void)
{
	for (int i = 0; i < 512; i++)
		for (int j = 0; j < W; j++)
			B[i][j] = (float)((i * 7 + j) % 13) * 0.25f;
	k(A, B, 0, 5);
	dump("A0", A, sizeof A);
	k(A, B, 512, 48);
	dump("A1", A, sizeof A);
	dump("B1", B, sizeof B);
	k(A + 1, A, 0, 64);
	k(A + 1, A, 300, 64);
	dump("A2", A, sizeof A);
	return 0;
}
