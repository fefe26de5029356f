// DISTINCT
/*
 * Class: signedness / usual arithmetic conversions.
 *
 * Attacks: "for (int i = -1; i < n; i++)" with an unsigned n.  C
 * converts i to unsigned for the comparison: -1 becomes UINT_MAX, the
 * condition is false at once and the first loop never runs.  A tool
 * that reads the bound as the mathematical "i < n" believes the loop
 * runs from -1 to n - 1.  Fused with the second nest, the generated
 * loop (signed, or over (long)n) executes the iterations the original
 * never ran and overwrites b.
 */
#include <stdio.h>

static int a[1025], b[1025], c[1025];

static void kernel(unsigned n)
{
	for (int i = -1; i < n; i++)
		b[i + 1] = a[i + 1] * 3;
	for (int i = 0; i < n; i++)
		c[i] = b[i] + a[i];
}

int main(void)
{
	unsigned long long sb = 0, sc = 0;

	for (int i = 0; i < 1025; i++) {
		a[i] = i * 7 - 300;
		b[i] = -1;
	}
	kernel(1024);
	for (int i = 0; i < 1025; i++) {
		sb += (unsigned long long)b[i] * (i + 1);
		sc += (unsigned long long)c[i] * (i + 1);
	}
	printf("b %d %d %llx\nc %d %d %llx\n", b[0], b[1024], sb, c[0], c[1023], sc);
	return 0;
}
