/*
 * Class: type limits / a limit macro written in the loop itself.
 *
 * Attacks: UINT_MAX named in the loop bounds, so that it is a constant
 * the analysis knows by name and value, not a parameter.  Its value
 * does not fit an int.  The first loop's subscripts "i + 100" wrap
 * around to 0..98; the second loop, over plain ints, reads exactly
 * those elements.  A tool that keeps the macro's value in an int sees
 * UINT_MAX as -1, the first loop's writes far from the second loop's
 * reads, and fuses them so that b is read before it is written.
 */
#include <limits.h>
#include <stdio.h>

static unsigned a[200], b[200], c[200];

static unsigned kernel(void)
{
	unsigned h = 0;

	for (unsigned i = UINT_MAX - 99; i < UINT_MAX; i++)
		b[i + 100] = a[i + 100] ^ 0x5a5a5a5au;
	for (int i = 0; i < 100; i++)
		h = h * 31 + b[i];
	for (unsigned i = UINT_MAX - 199; i <= UINT_MAX - 100; i++)
		c[i + 200] = b[i + 201] + 7u;
	for (int i = 0; i < 100; i++)
		b[i] = c[i] * 3u;
	return h;
}

int main(void)
{
	unsigned long long s = 0;

	for (int i = 0; i < 200; i++)
		a[i] = i * 2654435761u;
	s = kernel();
	for (int i = 0; i < 200; i++)
		s = s * 1000003u + b[i] + c[i];
	printf("%llx\n", s);
	return 0;
}
