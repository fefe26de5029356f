// DISTINCT
/*
 * Class: macros / name capture.
 *
 * Attacks: "#define GX x" with a global named x, and a first nest whose
 * iterator is also named x.  The second nest (iterator k) scales by GX,
 * the global.  Its text never spells x, so a tool that checks the
 * statements' own identifiers before naming the fused loop after the
 * first nest's iterator finds x free; inside the fused loop GX then
 * reads the loop variable.
 */
#include <stdio.h>

#define GX x
#define N 8192

static int x = 3;
static int a[N], b[N], src[N];

static void kernel(int n)
{
	for (int x = 0; x < n; x++)
		a[x] = src[x] + 1;
	for (int k = 0; k < n; k++)
		b[k] = a[k] * GX;
}

int main(void)
{
	unsigned long long h = 0;

	for (int i = 0; i < N; i++)
		src[i] = (i * 7) % 13;
	kernel(N);
	for (int i = 0; i < N; i++)
		h = h * 31 + (unsigned)b[i];
	printf("%d %d %llx\n", b[1], b[N - 1], h);
	return 0;
}
