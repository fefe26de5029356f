/*
 * Class: type limits / constants that need more than 32 bits.
 *
 * Attacks: a macro and a const whose values are above INT_MAX, in the
 * bounds of long loops whose subscripts subtract a literal.  The
 * subscripts of the first nest land on 100..199 of a, which the second
 * nest reads shifted; the third reads t through a const above 2^32.
 * Keeping such a value in an int (3000000000 becomes -1294967296,
 * 4294967396 becomes 100) moves the writes away from the reads in the
 * model, and a fusion that looks legal reads a before it is written.
 */
#include <stdio.h>

#define BIG 3000000000L

static unsigned a[300], b[300], t[300];
static const long far = 4294967396L;

static void kernel(void)
{
	for (long i = BIG; i < BIG + 100; i++)
		a[i - 2999999900L] = (unsigned) i * 3u + 1u;
	for (long i = 0; i < 200; i++)
		b[i] = a[i] + a[i + 100];
	for (long i = far; i < far + 50; i++)
		t[i - 4294967296L] = b[i - 4294967396L + 150] ^ 0x9e3779b9u;
	for (long i = 0; i < 150; i++)
		b[i + 150] = t[i] + t[i + 100];
}

int main(void)
{
	unsigned long long s = 0;

	for (int i = 0; i < 300; i++)
		a[i] = b[i] = t[i] = i * 40503u;
	kernel();
	for (int i = 0; i < 300; i++)
		s = s * 1000003u + a[i] + b[i] + t[i];
	printf("%llx\n", s);
	return 0;
}
